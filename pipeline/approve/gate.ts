// The approval gate: an asset ships only when every text that ships with it (brief fields,
// caption, every string drawn on the image) and every visual check is free of errors, and each
// warning is waived by a reviewer for that exact text. Waivers bind to a text's sha256, so any
// edit revives the finding; client-detail (PII) errors can never be waived.
import type { Problem, Waiver } from '../model.ts';

export interface GateFinding extends Problem {
  field: string;
  excerpt: string;
  /** false for PII and for visual checks */
  waivable: boolean;
  /** sha256 of the text the finding is in; absent for visual findings (those are never waived) */
  textHash?: string;
  basis?: string;
  suggestion?: string;
}

export type FindingStatus = 'open' | 'waived' | 'unwaivable' | 'info';

export interface Judged<F extends GateFinding = GateFinding> {
  finding: F;
  status: FindingStatus;
  waiver?: Waiver;
}

export interface Decision<F extends GateFinding = GateFinding> {
  approved: boolean;
  judged: Judged<F>[];
  /** the waivers that were applied */
  waivers: Waiver[];
  /** why the asset was rejected, one line per blocking finding */
  reasons: string[];
}

/** Whether `waiver` is about `finding` of `brief`: same brief, same rule, same exact text. */
export function waiverMatches(waiver: Waiver, brief: string, finding: GateFinding): boolean {
  return waiver.brief === brief && waiver.rule === finding.ruleId && !!finding.textHash && waiver.textHash === finding.textHash;
}

export function judge<F extends GateFinding>(brief: string, findings: F[], waivers: Waiver[], failed = false): Decision<F> {
  const judged: Judged<F>[] = findings.map((finding) => {
    if (finding.severity === 'info') return { finding, status: 'info' };
    if (!finding.waivable) return { finding, status: 'unwaivable' };
    // only warnings can be waived: an error blocks whatever approvals.yaml says
    const waiver = finding.severity === 'warning' ? waivers.find((w) => waiverMatches(w, brief, finding)) : undefined;
    return waiver ? { finding, status: 'waived', waiver } : { finding, status: 'open' };
  });
  const blocking = judged.filter((j) => j.status === 'open' || j.status === 'unwaivable');
  const applied = [...new Set(judged.flatMap((j) => (j.waiver ? [j.waiver] : [])))];
  return {
    approved: !failed && blocking.length === 0,
    judged,
    waivers: applied,
    reasons: blocking.map((j) => `${j.finding.ruleId}: ${j.finding.message}`),
  };
}

/**
 * Waivers that match no finding of the briefs that were judged: reported as stale so reviewers
 * can remove them (a waiver for a brief outside this run is not judged).
 */
export function staleWaivers(waivers: Waiver[], judgedBriefs: Set<string>, decisions: { brief: string; decision: Decision }[]): Waiver[] {
  const used = new Set(decisions.flatMap((d) => d.decision.waivers));
  return waivers.filter((w) => judgedBriefs.has(w.brief) && !used.has(w));
}
