// Client details never leave the loader raw: a load problem quotes what the author typed (a bad
// `day`, an unknown persona, a file name), and that may be a client's phone, ID or card number.
// Messages and file paths are masked with the linter's own detection (its masked excerpts), and
// every run of seven or more digits is masked whatever the linter thinks of it.
import type { Problem } from '../model.ts';
import { piiFindings, type LintContext } from '../lint/index.ts';

/** 13812349999 → 138****9999; 6222021234567890123 → 622***********0123; shorter runs keep two at each end. */
export function maskDigits(text: string): string {
  return text.replace(/\d(?:[ -]?\d){6,}(?:[ -]?[xX])?/g, (run) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(run)) return run; // a date, not a detail
    const chars = [...run];
    const digits = chars.filter((c) => /[\dxX]/.test(c)).length;
    const [head, tail] = digits >= 11 ? [3, 4] : [2, 2];
    let seen = 0;
    return chars.map((c) => (/[\dxX]/.test(c) ? (seen++ < head || seen > digits - tail ? c : '*') : c)).join('');
  });
}

/** The client details the linter finds in `text` (PII rules), as ranges with their masked forms. */
function piiRanges(text: string, ctx: LintContext): { from: number; to: number; masked: string }[] {
  if (!text) return [];
  return piiFindings([{ field: 'name', text, file: '' }], ctx)
    .map((f) => ({ from: f.offset.from, to: f.offset.to, masked: f.excerpt }))
    .filter((r) => r.to > r.from)
    .sort((a, b) => b.from - a.from);
}

/**
 * `text` with every client detail the linter finds replaced by its masked form, and long digit
 * runs masked. `probe` (same length as `text`) is what the linter reads: a file name with its
 * `-` and `_` read as spaces, say.
 */
export function maskText(text: string, ctx: LintContext, probe = text): string {
  let out = text;
  for (const r of piiRanges(probe, ctx)) out = out.slice(0, r.from) + r.masked + out.slice(r.to);
  return maskDigits(out);
}

/** Whether `text` holds a client detail: a PII finding of the linter, or a run of seven or more digits. */
export function holdsClientDetail(text: string, ctx: LintContext): boolean {
  return piiRanges(text, ctx).length > 0 || maskDigits(text) !== text;
}

export function maskProblem(p: Problem, ctx: LintContext): Problem {
  const message = maskText(p.message, ctx);
  const file = maskDigits(p.file);
  return message === p.message && file === p.file ? p : { ...p, message, file };
}
