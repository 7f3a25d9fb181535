// Small pure helpers shared by the reviewers' report and the branch portal: escaping, safe
// relative URLs, highlight segmentation, byte sizes, brand colours and the page's CSP.
import { createHash } from 'node:crypto';

/** Escapes a string for HTML text and double- or single-quoted attribute values. */
export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * A path relative to the page (`thumbs/a.png`, `../xihu/images/一.jpg`, `bundles/xihu.zip`) as an
 * escaped, percent-encoded URL for `src`/`href`; undefined for anything that is not a plain
 * relative path (a scheme such as `javascript:` or `https:`, `//host`, an absolute path).
 */
export function relUrl(path: string): string | undefined {
  const p = path.replace(/\\/g, '/');
  if (!p || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(p) || p.startsWith('/')) return undefined;
  return esc(p.split('/').map((seg) => encodeURIComponent(seg)).join('/'));
}

export interface Highlight {
  start: number;
  end: number;
  finding: number;
}

/** A run of text and the findings (indexes, ascending) whose highlights cover all of it. */
export interface Segment {
  text: string;
  findings: number[];
  /** the findings among `findings` with a highlight that ends where this run ends */
  ends: number[];
}

/**
 * Cuts `text` into runs at every highlight boundary, so overlapping or nested highlights become
 * flat, non-overlapping runs. Offsets are UTF-16 code units (JavaScript string indexes), clamped to
 * the text and never splitting a surrogate pair; empty, reversed or non-integer ranges and
 * highlights whose finding index is not below `findingCount` are ignored.
 */
export function segments(text: string, highlights: readonly Highlight[], findingCount: number): Segment[] {
  const len = text.length;
  const snap = (i: number, forward: boolean) => {
    let x = Math.min(Math.max(i, 0), len);
    const lo = text.charCodeAt(x);
    const hi = text.charCodeAt(x - 1);
    if (x > 0 && x < len && lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff) x += forward ? 1 : -1;
    return x;
  };
  const hs = highlights
    .filter((h) => Number.isInteger(h.start) && Number.isInteger(h.end) && Number.isInteger(h.finding))
    .filter((h) => h.finding >= 0 && h.finding < findingCount)
    .map((h) => ({ start: snap(h.start, false), end: snap(h.end, true), finding: h.finding }))
    .filter((h) => h.start < h.end);
  const cuts = [...new Set([0, len, ...hs.flatMap((h) => [h.start, h.end])])].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    const covering = hs.filter((h) => h.start <= a && h.end >= b);
    const findings = [...new Set(covering.map((h) => h.finding))].sort((x, y) => x - y);
    const ends = [...new Set(covering.filter((h) => h.end === b).map((h) => h.finding))].sort((x, y) => x - y);
    const prev = out.at(-1);
    if (prev && prev.findings.join() === findings.join() && !prev.ends.length) {
      prev.text += text.slice(a, b);
      prev.ends = ends;
    } else out.push({ text: text.slice(a, b), findings, ends });
  }
  return out;
}

/** `2.4 MB`: binary units (as Windows and most file managers show them), one decimal below 100. */
export function humanBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const shown = v < 100 ? Math.round(v * 10) / 10 : Math.round(v);
  // 1023.96 KB rounds to 1024 KB: step up instead
  if (shown >= 1024 && u < units.length - 1) return `1 ${units[u + 1]}`;
  return `${shown} ${units[u]}`;
}

/** `1,234,567`: grouped digits for the exact byte count. */
export const groupDigits = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A `#rgb`/`#rrggbb` colour as `#rrggbb` (lower case), or the fallback for anything else. */
export function safeColor(c: string | undefined, fallback: string): string {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((c ?? '').trim());
  if (!m) return fallback;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((x) => x + x).join('') : m[1]!;
  return `#${hex.toLowerCase()}`;
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/**
 * The page's Content-Security-Policy: nothing from the network, images only from the page's own
 * folder (file: or the serving origin), and only the page's own inline script (by hash), so even
 * a string that slipped past escaping could not run.
 */
export function cspMeta(script: string): string {
  const hash = createHash('sha256').update(script, 'utf8').digest('base64');
  const policy = [
    "default-src 'none'",
    "img-src 'self' file: data:",
    "style-src 'unsafe-inline'",
    `script-src 'sha256-${hash}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<meta http-equiv="Content-Security-Policy" content="${esc(policy)}">`;
}

/** The system CJK font stack: no web fonts, the page works offline. */
export const FONT_STACK =
  'system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
export const MONO_STACK = 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace';

/** The shared `<head>` of Wendu's pages: Chinese, responsive, no referrer, only the page's own script. */
export function pageHead(title: string, style: string, script: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${cspMeta(script)}
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light">
<title>${esc(title)}</title>
<style>${style}</style>
</head>`;
}
