// What the gate lints: the texts as drawn and as pasted. The brief's texts come decoded from the
// loader (with a map back to the source); the chart's values as formatted on the image; the
// caption; and, as a net under all of these, every string satori actually laid out that none of
// them already contains — so nothing drawn goes un-linted even if a decoder is missed.
import type { Job, Problem, SourceRange, TextSpan } from '../model.ts';
import { locateIn } from './locate.ts';
import { formatValue } from '../render/chart.ts';
import type { DrawnCanvas } from './visual.ts';

/** What the net reads of a canvas: the strings laid out and their fields (a cached render keeps just these). */
type DrawnTexts = { rendered: { nodes: readonly { text?: string | undefined; field?: string | undefined }[] } };
import { lintSpans, type Finding, type LintContext } from '../lint/index.ts';
import { onePerPlace } from '../lint/engine.ts';
import type { RuleSet } from '../lint/rules.ts';

/** Bidi controls: they reorder what WeChat shows (a reversed phone number reads right). */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

export { locateIn };

export { offsetOf } from '../load/source.ts';

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The generated texts a template draws from the brief's data: the chart's values as formatted on the image. */
export function generatedSpans(job: Job): TextSpan[] {
  const chart = job.brief.fields.chart;
  if (!chart) return [];
  const out: TextSpan[] = [];
  chart.data.forEach((d, i) => {
    const typed = job.brief.spans.find((s) => s.field === `chart.data.${i}.value`);
    const text = formatValue(d.value);
    const range: SourceRange | undefined = typed?.map?.length ? { start: typed.map[0]!.start, end: typed.map.at(-1)!.end } : undefined;
    out.push({ field: `chart.data.${i}.value:drawn`, text, file: job.brief.file, ...(range ? { map: Array.from(text, () => range) } : {}) });
  });
  return out;
}

/** Drawn strings that no linted text contains, as spans of their own (located at their field when the brief has it). */
export function uncoveredSpans(job: Job, linted: TextSpan[], canvases: (DrawnCanvas | DrawnTexts)[]): TextSpan[] {
  const haystack = linted.map((s) => collapse(s.text));
  const out = new Map<string, TextSpan>();
  for (const { rendered } of canvases) {
    for (const node of rendered.nodes) {
      const text = node.text;
      if (!text || !text.trim()) continue;
      const key = collapse(text);
      if (out.has(`${node.field}\0${key}`) || haystack.some((h) => h.includes(key))) continue;
      const field = node.field ?? 'text';
      const home = job.brief.spans.find((s) => s.field === field || s.field.startsWith(`${field}.`));
      const first = home?.map?.[0];
      out.set(`${node.field}\0${key}`, { field: `image:${field}`, text, file: job.brief.file, ...(first ? { map: Array.from(text, () => first) } : {}) });
    }
  }
  return [...out.values()];
}

/** Every string drawn on the canvases that `linted` does not contain (empty when the gate saw everything). */
export function uncoveredTexts(linted: TextSpan[], canvases: DrawnCanvas[]): string[] {
  const haystack = linted.map((s) => collapse(s.text));
  const out = new Set<string>();
  for (const { rendered } of canvases) for (const n of rendered.nodes) if (n.text?.trim() && !haystack.some((h) => h.includes(collapse(n.text!)))) out.add(n.text);
  return [...out];
}

/**
 * Lints spans and locates every finding in the source. Decoded spans (`map`) are handed to the
 * linter as generated texts (no `start`: positions are offsets on line 1), each under a keyed file name,
 * and each finding's offsets are mapped back through `map` to the characters the author typed.
 */
export function lintMapped(spans: TextSpan[], ctx: LintContext, rules?: RuleSet): Finding[] {
  // a decoded span is told apart by a keyed file name (rules read field names: `title` is where a number is highlighted)
  const byKey = new Map<string, TextSpan>();
  const keyed = spans.map((span, i) => {
    if (!span.map) return span;
    const file = `${span.file}\u0000${i}`;
    byKey.set(file, span);
    return { field: span.field, text: span.text, file };
  });
  // (no decoded span: lintSpans' findings are already one per place, in order)
  if (!byKey.size) return lintSpans(keyed, ctx, rules);
  const findings = lintSpans(keyed, ctx, rules).map((f) => {
    const span = byKey.get(f.file);
    if (!span) return f;
    // every finding carries its offsets in the text it was found in: map them back to the file
    const { from, to } = f.offset;
    // a fix's offsets are in the decoded text, not the file: it does not travel with the finding
    const { fix: _fix, ...rest } = f;
    return { ...rest, ...locateIn(span, from, Math.max(from, to)), file: span.file, field: span.field };
  });
  return onePerPlace(notFoundTwice(findings));
}

/**
 * A field's encoded reading (`link:decoded`, load/decode.ts encodedReading) repeats the field's
 * plain characters: what the field already shows in the clear is reported there, once, at its
 * exact place; the reading adds only what the encoding hid.
 */
function notFoundTwice(findings: Finding[]): Finding[] {
  const DECODED = ':decoded';
  if (!findings.some((f) => f.field.endsWith(DECODED))) return findings;
  const key = (f: Finding, field: string) => `${f.file}\u0000${field}\u0000${f.ruleId}\u0000${f.excerpt}`;
  const plain = new Set(findings.filter((f) => !f.field.endsWith(DECODED)).map((f) => key(f, f.field)));
  return findings.filter((f) => !f.field.endsWith(DECODED) || !plain.has(key(f, f.field.slice(0, -DECODED.length))));
}

export interface TextFinding extends Problem {
  field: string;
  excerpt: string;
  waivable: false;
}

/** A bidi control anywhere in a shipped text is an error: it reorders what the reader sees (U+202E shows a phone reversed). */
export function bidiFindings(spans: TextSpan[]): TextFinding[] {
  const out: TextFinding[] = [];
  for (const span of spans) {
    for (const m of span.text.matchAll(BIDI_CONTROLS)) {
      const code = `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      out.push({
        ...locateIn(span, m.index, m.index + 1),
        severity: 'error',
        ruleId: 'bidi-control',
        field: span.field,
        excerpt: code,
        waivable: false,
        message: `\`${span.field}\` 含双向文本控制字符 ${code}：它会改变微信中文字的显示顺序（例如把号码倒序藏起来），请删除`,
      });
    }
  }
  return out;
}
