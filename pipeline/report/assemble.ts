// From the batch's decisions to what the reviewers' report and the branch portal show. Pure.
// Texts are masked here: every client detail the linter found is replaced by its masked excerpt,
// so the report never holds a client detail in full.
import type { Problem, TextSpan, Waiver } from '../model.ts';
import { advance, offsetOf } from '../load/source.ts';
import type { Decision, GateFinding } from '../approve/gate.ts';
import { chineseDate } from '../week.ts';
import type { AssetStatus, ReportAsset, ReportData, ReportFinding, ReportText } from './model.ts';

export interface AssetOutcome {
  id: string;
  branch: string;
  branchName: string;
  briefId: string;
  file: string;
  kind: string;
  persona: string;
  title: string;
  date: string;
  time: string;
  spans: TextSpan[];
  decision: Decision;
  thumbnails: string[];
}

export const statusOf = (d: Decision): AssetStatus => (!d.approved ? 'rejected' : d.waivers.length ? 'waived' : 'approved');

/** Offset in `span.text` of a 1-based line/column of the file (or of the text, for generated spans). */
export function offsetIn(span: TextSpan, line: number, column: number): number {
  if (span.map) return offsetOf(span, line, column);
  if (!span.start) {
    const lines = span.text.split('\n');
    return lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  }
  for (let i = 0; i <= span.text.length; i++) {
    const at = advance(span.start, span.text, i);
    if (at.line === line && at.column === column) return i;
    if (at.line > line) return -1;
  }
  return -1;
}

/** The span a finding is in: same file and field, and the position inside it. */
function spanRange(spans: TextSpan[], f: GateFinding): { span: TextSpan; from: number; to: number } | undefined {
  for (const span of spans) {
    if (span.field !== f.field || span.file !== f.file) continue;
    // lint findings carry their offset in the span (generated texts have no file position)
    const offset = (f as { offset?: { from: number; to: number } }).offset;
    if (offset) return { span, from: offset.from, to: offset.to };
    const from = offsetIn(span, f.line, f.column);
    if (from < 0) continue;
    const to = f.endLine !== undefined && f.endColumn !== undefined ? offsetIn(span, f.endLine, f.endColumn) : from + f.excerpt.length;
    return { span, from, to: to < from ? from + f.excerpt.length : to };
  }
  return undefined;
}

function reportTexts(spans: TextSpan[], findings: GateFinding[]): ReportText[] {
  return spans.map((span) => {
    // ranges of this span, later ones first so replacing keeps earlier offsets valid
    const ranges = findings
      .map((f, index) => ({ f, index, r: spanRange([span], f) }))
      .filter((x): x is { f: GateFinding; index: number; r: NonNullable<ReturnType<typeof spanRange>> } => !!x.r)
      .sort((a, b) => a.r.from - b.r.from);
    let text = '';
    let cursor = 0;
    const highlights: ReportText['highlights'] = [];
    for (const { f, index, r } of ranges) {
      if (r.from < cursor) continue; // overlapping findings: the first one is highlighted
      text += span.text.slice(cursor, r.from);
      // client details (not waivable) are shown as the linter masked them
      const shown = f.waivable ? span.text.slice(r.from, r.to) : f.excerpt;
      highlights.push({ start: text.length, end: text.length + shown.length, finding: index });
      text += shown;
      cursor = r.to;
    }
    text += span.text.slice(cursor);
    return { field: span.field, text, highlights };
  });
}

export function reportAsset(o: AssetOutcome): ReportAsset {
  const findings = o.decision.judged.map((j) => j.finding);
  const reportFindings: ReportFinding[] = o.decision.judged.map((j) => ({
    ruleId: j.finding.ruleId,
    severity: j.finding.severity,
    message: j.finding.message,
    basis: j.finding.basis ?? 'Wendu 出图规范（视觉检查）',
    ...(j.finding.suggestion ? { suggestion: j.finding.suggestion } : {}),
    file: j.finding.file,
    line: j.finding.line,
    column: j.finding.column,
    field: j.finding.field,
    excerpt: j.finding.excerpt,
    status: j.status,
    ...(j.finding.textHash && j.finding.waivable ? { textHash: j.finding.textHash } : {}),
    ...(j.waiver ? { waiver: { reviewer: j.waiver.reviewer, date: j.waiver.date, reason: j.waiver.reason } } : {}),
  }));
  const texts = reportTexts(o.spans, findings);
  return {
    id: o.id,
    branch: o.branch,
    branchName: o.branchName,
    brief: o.briefId,
    file: o.file,
    kind: o.kind,
    persona: o.persona,
    // the heading, alt texts and captions show the title as masked in its text block
    title: texts.find((t) => t.field === 'title')?.text ?? o.title,
    slot: `${chineseDate(o.date)} ${o.time}`,
    status: statusOf(o.decision),
    thumbnails: o.thumbnails,
    texts,
    findings: reportFindings,
  };
}

export function reportData(week: string, ruleset: string, outcomes: AssetOutcome[], stale: Waiver[], problems: Problem[]): ReportData {
  return {
    week,
    ruleset,
    assets: outcomes.map(reportAsset),
    staleWaivers: stale.map(({ brief, rule, reviewer, date, reason }) => ({ brief, rule, reviewer, date, reason })),
    problems: problems.map(({ file, line, column, message, ruleId }) => ({ file, line, column, message, ruleId })),
  };
}
