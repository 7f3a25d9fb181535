// The check stage: what can only be seen on the rendered image. Every check reads the laid-out
// nodes satori reported (data-role / data-field attributes from the templates) and the pixels,
// and reports findings located in the brief the way the linter does.
import type { Job, Problem } from '../model.ts';
import { locateIn } from './locate.ts';
import { missingGlyphs } from '../render/fonts.ts';
import type { DrawnNode, Overflow, Rendered } from '../render/engine.ts';

/** Wendu's policy (COMPLIANCE.md): the warning at least 24 px on a 1080-wide canvas, contrast ≥ 4.5:1. */
export const WARNING_MIN_PX_AT_1080 = 24;
export const WARNING_MIN_CONTRAST = 4.5;

export interface VisualFinding extends Problem {
  field: string;
  excerpt: string;
}

export interface DrawnCanvas {
  /** canvas name for messages: `3x4`, `tile-5`, `sticker 早安` … */
  name: string;
  rendered: Rendered;
}

/** Where a finding about `field` points: the exact characters when the brief holds them, else the field's start, else the file's top. */
function locate(job: Job, field: string, needle?: string): Pick<Problem, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'> {
  const span = job.brief.spans.find((s) => s.field === field) ?? (field === 'body' ? undefined : job.brief.spans.find((s) => s.field.startsWith(`${field}.`)));
  if (!span || (!span.start && !span.map?.length)) return { file: job.brief.file, line: 1, column: 1 };
  const at = needle ? Math.max(0, span.text.indexOf(needle)) : 0;
  return locateIn(span, at, at + (needle?.length ?? 0));
}

const px = (v: string | number | undefined) => (v === undefined ? NaN : Number.parseFloat(String(v)));

/**
 * A visual finding before it is located in a brief: plain data, so one render (shared by the jobs
 * with the same cache key) can be checked once and its findings located in each job's brief.
 */
export interface CanvasCheck {
  ruleId: string;
  field: string;
  excerpt: string;
  message: string;
  /** the characters to point at within the field's text */
  needle?: string;
}

export function checkCanvas(job: Job, canvas: DrawnCanvas, options: { warning: string }): VisualFinding[] {
  return inspectCanvas(canvas, options).map((c) => locateCheck(job, c));
}

/** A check located in `job`'s brief, the way the linter locates its findings. */
export function locateCheck(job: Job, c: CanvasCheck): VisualFinding {
  return { ...locate(job, c.field, c.needle), severity: 'error', ruleId: c.ruleId, message: c.message, field: c.field, excerpt: c.excerpt };
}

/** What the canvas shows that breaks a visual rule, not yet located in any brief. */
export function inspectCanvas(canvas: DrawnCanvas, options: { warning: string }): CanvasCheck[] {
  const { rendered } = canvas;
  const findings: CanvasCheck[] = [];
  const add = (ruleId: string, field: string, excerpt: string, message: string, needle?: string) =>
    findings.push({ ruleId, field, excerpt, message, ...(needle !== undefined ? { needle } : {}) });

  // characters no font has come out blank: name each one
  const seen = new Set<string>();
  for (const node of rendered.nodes) {
    if (!node.text) continue;
    for (const ch of missingGlyphs(node.text)) {
      if (seen.has(ch)) continue;
      seen.add(ch);
      const field = node.field ?? 'text';
      const code = [...ch].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
      add('missing-glyph', field, ch, `Character \`${ch}\` (${code}) in \`${field}\` is not in Wendu's fonts and would be drawn blank; replace it or use a common variant`, ch);
    }
  }

  // the headline and the mascot stay in the centred square WeChat shows in multi-image posts
  if (rendered.height > rendered.width || rendered.width > rendered.height) {
    const side = Math.min(rendered.width, rendered.height);
    const top = (rendered.height - side) / 2;
    const left = (rendered.width - side) / 2;
    for (const node of rendered.nodes.filter((n) => n.role === 'headline' || n.role === 'mascot')) {
      const inside = node.top >= top - 0.5 && node.top + node.height <= top + side + 0.5 && node.left >= left - 0.5 && node.left + node.width <= left + side + 0.5;
      if (!inside) {
        const what = node.role === 'mascot' ? 'The mascot' : 'The headline';
        add(
          'safe-zone',
          node.field ?? (node.role === 'mascot' ? 'mascot' : 'title'),
          node.text ?? node.role!,
          `${what} on the ${canvas.name} image (${rendered.width}×${rendered.height}) lies outside the centred ${side}×${side} square that WeChat shows when several images are posted (y ${Math.round(node.top)}–${Math.round(node.top + node.height)}, allowed ${top}–${top + side})`,
        );
      }
    }
  }

  // the risk warning: present when required, large enough, with enough contrast
  if (options.warning) {
    const nodes = rendered.nodes.filter((n) => n.role === 'warning');
    if (nodes.length === 0) {
      add('warning-legibility', 'product', options.warning, `The ${canvas.name} image declares product content but draws no risk warning; the template must draw 「${options.warning}」`);
    }
    for (const node of nodes) {
      const size = px(node.style.fontSize);
      const min = (WARNING_MIN_PX_AT_1080 * rendered.width) / 1080;
      if (!(size >= min)) {
        add('warning-legibility', 'warning', node.text ?? '', `The risk warning on the ${canvas.name} image is ${size} px; Wendu's policy is at least ${min} px on a ${rendered.width}-wide canvas`);
      }
      const ratio = contrast(node, rendered);
      if (ratio !== undefined && ratio < WARNING_MIN_CONTRAST) {
        add('warning-legibility', 'warning', node.text ?? '', `The risk warning on the ${canvas.name} image has contrast ${ratio.toFixed(2)}:1 against its background; at least ${WARNING_MIN_CONTRAST}:1 is required`);
      }
    }
  }
  return findings;
}

export function overflowFindings(job: Job, overflows: Overflow[]): VisualFinding[] {
  return overflows.map((o) => ({
    ...locate(job, o.field),
    severity: 'error' as const,
    ruleId: 'text-overflow',
    field: o.field,
    excerpt: o.text.slice(0, 40),
    message: `\`${o.field}\` (${[...o.text].length} characters) does not fit its box even at the smallest size, ${o.minSize} px; shorten it`,
  }));
}

/** WCAG contrast of a text node's colour against the dominant colour of its box in the pixels. */
function contrast(node: DrawnNode, r: { pixels: Buffer; width: number; height: number }): number | undefined {
  const fg = parseColour(String(node.style.color ?? ''));
  if (!fg) return undefined;
  const counts = new Map<number, { n: number; rgb: [number, number, number] }>();
  const x0 = Math.max(0, Math.floor(node.left));
  const y0 = Math.max(0, Math.floor(node.top));
  const x1 = Math.min(r.width, Math.ceil(node.left + node.width));
  const y1 = Math.min(r.height, Math.ceil(node.top + node.height));
  for (let y = y0; y < y1; y += 2) {
    for (let x = x0; x < x1; x += 2) {
      const i = (y * r.width + x) * 4;
      const rgb: [number, number, number] = [r.pixels[i]!, r.pixels[i + 1]!, r.pixels[i + 2]!];
      const key = ((rgb[0] >> 3) << 10) | ((rgb[1] >> 3) << 5) | (rgb[2] >> 3);
      const c = counts.get(key);
      if (c) c.n++;
      else counts.set(key, { n: 1, rgb });
    }
  }
  let bg: [number, number, number] | undefined;
  let best = 0;
  for (const c of counts.values()) if (c.n > best) ((best = c.n), (bg = c.rgb));
  return bg ? contrastRatio(fg, bg) : undefined;
}

export function parseColour(css: string): [number, number, number] | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css.trim());
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
    return [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgba?\((\d+)[ ,]+(\d+)[ ,]+(\d+)/i.exec(css.trim());
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : undefined;
}

export function contrastRatio(a: [number, number, number], b: [number, number, number]): number {
  const lum = ([r, g, bl]: [number, number, number]) => {
    const f = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(bl);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
