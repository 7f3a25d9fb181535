// Decoded texts with a map back to the source. The templates draw (and staff paste) text after
// Markdown, character references and YAML escapes have been decoded; the gate must judge exactly
// that text, while every finding still points at the characters the author typed. A `Mapped`
// string keeps, for each UTF-16 unit, the file offsets [start, end) of the source it came from.
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import type { Position, SourceRange, TextSpan } from '../model.ts';
import type { SourceText } from './source.ts';

export interface Mapped {
  text: string;
  /** file offsets: text[i] came from source.text.slice(start[i], end[i]) */
  start: number[];
  end: number[];
}

export const emptyMapped = (): Mapped => ({ text: '', start: [], end: [] });

export function concat(parts: Mapped[]): Mapped {
  const out = emptyMapped();
  for (const p of parts) append(out, p);
  return out;
}

export function append(into: Mapped, part: Mapped): void {
  into.text += part.text;
  for (let i = 0; i < part.start.length; i++) {
    into.start.push(part.start[i]!);
    into.end.push(part.end[i]!);
  }
}

/** A text that stands for the source range [from, to) as a whole (generated labels, list bullets, separators). */
export function synthetic(text: string, from: number, to: number): Mapped {
  return { text, start: Array(text.length).fill(from), end: Array(text.length).fill(to) };
}

/** A decoder recognises an encoded character at `at` in the source: what it decodes to and how long it is. */
export type Decoder = (src: string, at: number, to: number) => { text: string; length: number } | undefined;

const WS = /\s/;

/**
 * Aligns `value` (a decoded string) with the source text src[from, to) it was decoded from: each
 * unit of `value` is either the same character in the source, an encoded form a decoder
 * recognises, or whitespace standing for whitespace (line folding, soft breaks); source characters
 * that produce nothing (quotes, `**`, indentation, `>` markers) are stepped over. Should the
 * alignment fail, the rest of `value` maps to the rest of the range as a whole, so a finding still
 * points inside the field.
 */
export function align(value: string, src: string, from: number, to: number, decoders: Decoder[]): Mapped {
  const out: Mapped = { text: value, start: new Array(value.length), end: new Array(value.length) };
  let p = from;
  let i = 0;
  while (i < value.length) {
    let matched = false;
    for (let q = p; q < to && !matched; q++) {
      for (const dec of decoders) {
        const r = dec(src, q, to);
        if (r && r.text.length > 0 && value.startsWith(r.text, i)) {
          for (let k = 0; k < r.text.length; k++) ((out.start[i + k] = q), (out.end[i + k] = q + r.length));
          i += r.text.length;
          p = q + r.length;
          matched = true;
          break;
        }
      }
      if (matched) break;
      const c = value.charCodeAt(i);
      const s = src.charCodeAt(q);
      if (c === s || (WS.test(value[i]!) && WS.test(src[q]!))) {
        out.start[i] = q;
        out.end[i] = q + 1;
        i++;
        p = q + 1;
        matched = true;
      }
    }
    if (!matched) {
      const a = Math.min(p, to);
      for (; i < value.length; i++) ((out.start[i] = a), (out.end[i] = Math.max(a, to)));
    }
  }
  return out;
}

/** `&amp;` `&#49;` `&#x31;`: character references as CommonMark decodes them. */
export const characterReference: Decoder = (src, at, to) => {
  if (src.charCodeAt(at) !== 38 /* & */) return undefined;
  const m = /^&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{0,31}));/.exec(src.slice(at, Math.min(to, at + 40)));
  if (!m) return undefined;
  if (m[1] !== undefined) return { text: decodeNumericCharacterReference(m[1], 10), length: m[0].length };
  if (m[2] !== undefined) return { text: decodeNumericCharacterReference(m[2], 16), length: m[0].length };
  const named = decodeNamedCharacterReference(m[3]!);
  return named === false ? undefined : { text: named, length: m[0].length };
};

/** `\*`: a backslash before ASCII punctuation is the punctuation itself in Markdown. */
export const markdownEscape: Decoder = (src, at, to) => {
  if (src.charCodeAt(at) !== 92 || at + 1 >= to) return undefined;
  const c = src[at + 1]!;
  return /[!-/:-@[-`{-~]/.test(c) ? { text: c, length: 2 } : undefined;
};

const YAML_SIMPLE: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/** Escapes of a double-quoted YAML scalar: `\u4FDD`, `\x41`, `\U0001F600`, `\n`, … */
export const yamlDoubleEscape: Decoder = (src, at, to) => {
  if (src.charCodeAt(at) !== 92 || at + 1 >= to) return undefined;
  const c = src[at + 1]!;
  const hex = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
  if (hex) {
    const digits = src.slice(at + 2, at + 2 + hex);
    if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hex) return undefined;
    const code = Number.parseInt(digits, 16);
    if (code > 0x10ffff) return undefined;
    return { text: String.fromCodePoint(code), length: 2 + hex };
  }
  const simple = YAML_SIMPLE[c];
  return simple === undefined ? undefined : { text: simple, length: 2 };
};

/** `''` inside a single-quoted YAML scalar is one quote. */
export const yamlSingleQuote: Decoder = (src, at) => (src.startsWith("''", at) ? { text: "'", length: 2 } : undefined);

/** Chinese and full-width characters, between which a soft line break is no space at all. */
const WIDE = /[\u2E80-\u9FFF\u3000-\u303F\uFF00-\uFFEF—…“”‘’]/u;

/** Soft line breaks inside a paragraph: nothing next to Chinese text, one space between Latin words (mapped). */
export function joinLinesMapped(m: Mapped): Mapped {
  const out = emptyMapped();
  const re = /(?:(?<![ \t])[ \t]+)?\n[ \t]*/g; // (not [ \t]*\n: a run of spaces would be read from each of its spaces)
  let last = 0;
  for (let r = re.exec(m.text); r; r = re.exec(m.text)) {
    append(out, slice(m, last, r.index));
    const end = r.index + r[0].length;
    if (!(WIDE.test(m.text[r.index - 1] ?? '') || WIDE.test(m.text[end] ?? ''))) {
      const nl = r.index + r[0].indexOf('\n');
      append(out, { text: ' ', start: [m.start[nl]!], end: [m.end[nl]!] });
    }
    last = end;
  }
  append(out, slice(m, last, m.text.length));
  return out;
}

export function slice(m: Mapped, from: number, to = m.text.length): Mapped {
  return { text: m.text.slice(from, to), start: m.start.slice(from, to), end: m.end.slice(from, to) };
}

/** String.prototype.trim, keeping the map. */
export function trimMapped(m: Mapped): Mapped {
  const lead = m.text.length - m.text.trimStart().length;
  const trail = m.text.trimEnd().length;
  return trail <= lead ? emptyMapped() : slice(m, lead, trail);
}

/** A mapped text as a TextSpan: `map` holds the source range of every unit. */
export function mappedSpan(field: string, m: Mapped, source: SourceText): TextSpan {
  const positions = new Map<number, Position>();
  const pos = (offset: number) => {
    let p = positions.get(offset);
    if (!p) positions.set(offset, (p = source.position(offset)));
    return p;
  };
  const map: SourceRange[] = m.start.map((s, i) => ({ start: pos(s), end: pos(m.end[i]!) }));
  return { field, text: m.text, file: source.file, map };
}

/** a %XX run (UTF-8 bytes) */
const PERCENT = /(?:%[0-9A-Fa-f]{2})+/g;
/** a URL's path segment or query value that may be base64 (or base64url) */
const BASE64 = /(?<=[/=?&#])[A-Za-z0-9+/_-]{8,}={0,2}(?=$|[/&#?])/g;
/** what a decoded base64 value must be made of to count as text: readable characters only */
const READABLE = /^[\x20-\x7e\u00a0-\u024f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+$/;
const UTF8 = new TextDecoder('utf-8');

/**
 * What a link or any text carries in encoded form, read as a client would once the QR code is
 * scanned or the link opened: %XX escapes decoded (…?p=%31%33%38… is 138…), and path segments and
 * query values that decode from base64 to readable text (…?u=MTM4MDAxMzgwMDA= is 13800138000).
 * Undefined when nothing in `text` is encoded.
 */
export function encodedReading(text: string): string | undefined {
  const parts: string[] = [];
  const percent = text.replace(PERCENT, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
  if (percent !== text) parts.push(percent);
  if (/^https?:\/\//i.test(text.trim())) {
    for (const m of percent.matchAll(BASE64)) {
      const token = m[0];
      const bytes = Buffer.from(token.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
      if (bytes.length < 6) continue;
      const decoded = UTF8.decode(bytes);
      if (!decoded.includes('\ufffd') && READABLE.test(decoded) && /[0-9\u4e00-\u9fff@]/.test(decoded)) parts.push(decoded);
    }
  }
  return parts.length ? parts.join('\n') : undefined;
}
