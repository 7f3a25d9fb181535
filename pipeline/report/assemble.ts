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

/** A client-detail finding (PII rules): its characters are never shown, only its masked excerpt. */
const isClientDetail = (f: GateFinding) => !!f.ruleId?.startsWith('pii-');

/** `span.text` from `from` to `to`, every client detail in it replaced by its masked form (a detail
 * the slice only cuts into is starred), so no other finding's highlight can show one raw. */
function maskedSlice(text: string, details: { from: number; to: number; masked: string }[], from: number, to: number): string {
  let out = '';
  let cursor = from;
  for (const d of details) {
    if (d.to <= cursor || d.from >= to) continue;
    out += text.slice(cursor, Math.max(cursor, d.from));
    out += d.from >= cursor && d.to <= to ? d.masked : '*'.repeat(Math.min(to, d.to) - Math.max(cursor, d.from));
    cursor = Math.min(to, d.to);
  }
  return out + text.slice(cursor, to);
}

/** The raw texts of the client details found in `spans`, with their masked forms (longest first). */
function detailPairs(spans: TextSpan[], findings: GateFinding[]): [string, string][] {
  const pairs = new Map<string, string>();
  for (const f of findings.filter(isClientDetail)) {
    const r = spanRange(spans, f);
    const raw = r ? r.span.text.slice(r.from, r.to) : '';
    if (raw && raw !== f.excerpt) pairs.set(raw, f.excerpt);
  }
  return [...pairs].sort((a, b) => b[0].length - a[0].length);
}

/** A message or excerpt with every client detail found in the asset's texts masked. */
const maskWith = (pairs: [string, string][], text: string) => pairs.reduce((t, [raw, masked]) => t.split(raw).join(masked), text);

/** The client details found in one span, in order, not overlapping, with their masked forms. */
function spanDetails(span: TextSpan, findings: GateFinding[]): { from: number; to: number; masked: string }[] {
  const details: { from: number; to: number; masked: string }[] = [];
  for (const f of findings.filter(isClientDetail)) {
    const r = spanRange([span], f);
    if (r && r.to > r.from && !details.some((d) => r.from < d.to && d.from < r.to)) details.push({ from: r.from, to: r.to, masked: f.excerpt });
  }
  return details.sort((a, b) => a.from - b.from);
}

/** Another finding's excerpt: a slice of its text (a text's first 40 characters, say) is masked like
 * the text, a detail it cuts into starred; any other excerpt has the details found in the texts masked. */
function maskedExcerpt(spans: TextSpan[], findings: GateFinding[], f: GateFinding, pairs: [string, string][]): string {
  if (isClientDetail(f)) return f.excerpt;
  const r = spanRange(spans, f);
  if (r && f.excerpt && r.span.text.startsWith(f.excerpt, r.from)) return maskedSlice(r.span.text, spanDetails(r.span, findings), r.from, r.from + f.excerpt.length);
  return maskWith(pairs, f.excerpt);
}

function reportTexts(spans: TextSpan[], findings: GateFinding[]): ReportText[] {
  return spans.map((span) => {
    // ranges of this span, later ones first so replacing keeps earlier offsets valid
    const ranges = findings
      .map((f, index) => ({ f, index, r: spanRange([span], f) }))
      .filter((x): x is { f: GateFinding; index: number; r: NonNullable<ReturnType<typeof spanRange>> } => !!x.r)
      .sort((a, b) => a.r.from - b.r.from);
    // every client detail is masked, even where another finding's highlight covers it
    const details = spanDetails(span, findings);
    const shownOf = (from: number, to: number) => maskedSlice(span.text, details, from, to);
    let text = '';
    let cursor = 0;
    const highlights: ReportText['highlights'] = [];
    for (const { f, index, r } of ranges) {
      if (r.from < cursor) continue; // overlapping findings: the first one is highlighted
      text += shownOf(cursor, r.from);
      // client details (not waivable) are shown as the linter masked them
      // other unwaivable findings show their excerpt when it names what is there (U+202E for an invisible
      // control), with the client details in it masked; the rest show the text itself, details masked
      const shown = isClientDetail(f) ? f.excerpt : f.waivable || f.excerpt === span.text.slice(r.from, r.to) ? shownOf(r.from, r.to) : maskedExcerpt([span], findings, f, detailPairs([span], findings));
      highlights.push({ start: text.length, end: text.length + shown.length, finding: index });
      text += shown;
      cursor = Math.max(cursor, r.to);
    }
    text += shownOf(cursor, span.text.length);
    return { field: span.field, text, highlights };
  });
}

export function reportAsset(o: AssetOutcome): ReportAsset {
  const findings = o.decision.judged.map((j) => j.finding);
  const pairs = detailPairs(o.spans, findings);
  const reportFindings: ReportFinding[] = o.decision.judged.map((j) => ({
    ruleId: j.finding.ruleId,
    severity: j.finding.severity,
    message: maskWith(pairs, j.finding.message),
    basis: j.finding.basis ?? 'Wendu 出图规范（视觉检查）',
    ...(j.finding.suggestion ? { suggestion: maskWith(pairs, j.finding.suggestion) } : {}),
    file: j.finding.file,
    line: j.finding.line,
    column: j.finding.column,
    field: j.finding.field,
    excerpt: maskedExcerpt(o.spans, findings, j.finding, pairs),
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
