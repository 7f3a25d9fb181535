// --fix: masks PII in the source and replaces 预期收益率 with 业绩比较基准 where the original has no
// inserted characters. Pure: text in, text out; the command layer writes the file (atomically).
import type { TextSpan } from '../model.ts';
import type { Finding } from './engine.ts';

export interface AppliedFix {
  finding: Finding;
  /** what replaced the original characters (masked for PII, so it can be shown) */
  text: string;
}

/** File offset of a span's start, walking lines; spans without `start` cannot be fixed in place. */
export function spanOffset(source: string, span: TextSpan): number | undefined {
  if (!span.start) return undefined;
  let line = 1;
  let i = 0;
  while (line < span.start.line) {
    const nl = source.indexOf('\n', i);
    if (nl < 0) return undefined;
    i = nl + 1;
    line++;
  }
  const at = i + span.start.column - 1;
  return source.startsWith(span.text, at) ? at : undefined;
}

/**
 * Applies the fixes of `findings` to `source` (the text of one file whose spans are `spans`).
 * Overlapping fixes keep the first; the rest are left for the report.
 */
export function applyFixes(source: string, spans: TextSpan[], findings: Finding[]): { text: string; applied: AppliedFix[] } {
  const edits: { at: number; end: number; text: string; finding: Finding }[] = [];
  for (const f of findings) {
    if (!f.fix) continue;
    const span = spans.find((s) => s.field === f.field && s.file === f.file);
    if (!span) continue;
    const base = spanOffset(source, span);
    if (base === undefined) continue;
    edits.push({ at: base + f.fix.from, end: base + f.fix.to, text: f.fix.text, finding: f });
  }
  edits.sort((a, b) => a.at - b.at || b.end - a.end);
  const chosen: typeof edits = [];
  for (const e of edits) if (!chosen.length || e.at >= chosen[chosen.length - 1]!.end) chosen.push(e);
  let out = '';
  let pos = 0;
  for (const e of chosen) {
    out += source.slice(pos, e.at) + e.text;
    pos = e.end;
  }
  out += source.slice(pos);
  return { text: out, applied: chosen.map((e) => ({ finding: e.finding, text: e.text })) };
}
