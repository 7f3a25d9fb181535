// The render engine: Handlebars HTML template + context → satori element tree → SVG (with text
// fitted to its box) → resvg raw pixels → sharp JPEG/PNG. Templates are data under templates/;
// this file knows nothing about any one kind.
import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import sharp, { type Sharp } from 'sharp';
import { loadAdditionalAsset, loadFonts } from './fonts.ts';
import { elements, htmlToElement, textOf, type SatoriElement } from './html.ts';
import { readTemplateSourcesSync, type TemplateSources } from '../assets/index.ts';

export const TEMPLATES = new URL('../../templates/', import.meta.url);

/** A laid-out box satori reported, with the attributes the checks read (data-role, data-field). */
export interface DrawnNode {
  left: number;
  top: number;
  width: number;
  height: number;
  role?: string;
  field?: string;
  text?: string;
  /** set on fitted texts (`data-fit`) and on their boxes (`data-fit-box`) */
  fit?: string;
  fitBox?: string;
  /** inherited `fontSize|fontWeight|letterSpacing` of an element that holds text */
  font?: string;
  /** this element's number and its parent's, to compare a text's box with its container's */
  box?: string;
  parent?: string;
  /** the nearest `data-field` of the element or an ancestor */
  inField?: string;
  style: Record<string, string | number>;
}

/** A text that did not fit its box even at the smallest allowed size. */
export interface Overflow {
  field: string;
  text: string;
  minSize: number;
}

export interface RenderRequest {
  template: string;
  width: number;
  height: number;
  context: Record<string, unknown>;
  assets?: Record<string, string>;
}

export interface Rendered {
  width: number;
  height: number;
  /** RGBA pixels straight from resvg, for encoding and for the visual checks */
  pixels: Buffer;
  nodes: DrawnNode[];
  overflows: Overflow[];
  /** font sizes chosen for each fitted field */
  fitted: Record<string, number>;
  /** every pixel is opaque by construction (the root paints an opaque background over the whole canvas) */
  opaque?: boolean;
}

const hbs = Handlebars.create();
hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
hbs.registerHelper('gt', (a: number, b: number) => a > b);
hbs.registerHelper('add', (a: number, b: number) => a + b);

let compiled: Map<string, Handlebars.TemplateDelegate> | undefined;
let templatesDigest = '';
let given: TemplateSources | undefined;

/**
 * The templates to draw with, as the command layer (or a worker's start) loaded them through
 * pipeline/assets/. Without a call the engine reads them once through the same loader.
 */
export function useTemplates(sources: TemplateSources): void {
  given = sources;
  compiled = undefined;
}

/** Compiles every template and partial once per process (or per `useTemplates`). */
function templates(): Map<string, Handlebars.TemplateDelegate> {
  if (compiled) return compiled;
  const sources = (given ??= readTemplateSourcesSync());
  compiled = new Map();
  const digest = createHash('sha256');
  for (const name of Object.keys(sources.partials).sort()) {
    digest.update(`partials/${name}.hbs\0${sources.partials[name]}\0`);
    hbs.registerPartial(name, sources.partials[name]!);
  }
  for (const name of Object.keys(sources.templates).sort()) {
    digest.update(`${name}.hbs\0${sources.templates[name]}\0`);
    compiled.set(name, hbs.compile(sources.templates[name]!, { strict: false }));
  }
  templatesDigest = digest.digest('hex');
  return compiled;
}

/** sha256 over every template and partial. */
export function templatesHash(): string {
  templates();
  return templatesDigest;
}

export function fillTemplate(name: string, context: Record<string, unknown>): string {
  const tpl = templates().get(name);
  if (!tpl) throw new Error(`No template \`${name}\` in templates/; have: ${[...templates().keys()].join(', ')}`);
  return tpl(context);
}

// ---------------------------------------------------------------------------
// Where a render's time goes, for the benchmark (`npm run bench -- --phases`): CPU time of the
// whole process (sharp encodes on libuv's pool; run with UV_THREADPOOL_SIZE=1) per phase.

/** `probe` (satori runs of the clipping check) is part of `clip`, not added to it. */
export type Phase = 'parse' | 'layout' | 'measure' | 'relayout' | 'clip' | 'probe' | 'resvg' | 'opaque' | 'encode';
export type RenderProfile = Partial<Record<Phase, { ms: number; calls: number }>>;

let profiling: RenderProfile | undefined;

/** Adds the CPU time of every engine phase to `profile` until `stopProfiling()`. */
export function startProfiling(profile: RenderProfile): void {
  profiling = profile;
}
export function stopProfiling(): void {
  profiling = undefined;
}

async function timed<T>(phase: Phase, run: () => T | Promise<T>): Promise<T> {
  const p = profiling;
  if (!p) return run();
  const t = process.cpuUsage();
  try {
    return await run();
  } finally {
    addCpu(phase, t, p);
  }
}

function addCpu(phase: Phase, since: NodeJS.CpuUsage, p = profiling): void {
  if (!p) return;
  const d = process.cpuUsage(since);
  const e = (p[phase] ??= { ms: 0, calls: 0 });
  e.ms += (d.user + d.system) / 1000;
  e.calls++;
}

const num = (v: unknown, fallback: number) => (v === undefined ? fallback : Number.parseFloat(String(v)));

/**
 * Thrown from satori's `onNodeDetected` once the boxes a caller needs are known. satori has no
 * layout-only call: it lays out the whole tree, then draws it node by node (reporting each box
 * as it goes), and drawing — every glyph as path data — costs more than the layout. Stopping the
 * drawing early gives the same boxes for a fraction of the time.
 */
class LaidOut extends Error {}

/**
 * Lays out `tree` with satori and draws it as SVG. With `enough`, drawing stops at the first
 * reported box for which it returns true: then `svg` is undefined and `nodes` holds the boxes
 * reported so far (in document order, each before its children).
 */
async function layout(tree: SatoriElement, width: number, height: number | undefined, enough?: (node: DrawnNode, nodes: DrawnNode[]) => boolean): Promise<{ svg: string | undefined; nodes: DrawnNode[] }> {
  const nodes: DrawnNode[] = [];
  const fonts = loadFonts();
  try {
    const svg = await satori(tree as never, {
      width,
      ...(height ? { height } : {}),
      fonts: fonts.satoriFonts,
      loadAdditionalAsset,
      onNodeDetected: (n) => {
        const p = n.props as Record<string, unknown>;
        const node: DrawnNode = {
          left: n.left,
          top: n.top,
          width: n.width,
          height: n.height,
          role: p['data-role'] as string | undefined,
          field: p['data-field'] as string | undefined,
          text: n.textContent,
          fit: p['data-fit'] as string | undefined,
          font: p['data-font'] as string | undefined,
          box: p['data-box'] as string | undefined,
          parent: p['data-parent'] as string | undefined,
          inField: p['data-in'] as string | undefined,
          fitBox: p['data-fit-box'] as string | undefined,
          style: (p.style ?? {}) as Record<string, string | number>,
        };
        nodes.push(node);
        if (enough?.(node, nodes)) throw new LaidOut();
      },
    });
    return { svg, nodes };
  } catch (e) {
    if (e instanceof LaidOut) return { svg: undefined, nodes };
    throw e;
  }
}

/**
 * Heights measured, by element, width and size: fitting the same text into the same box again
 * (the 1:1 and 3:4 moments cards, a re-render) costs nothing. Bounded: oldest out first.
 */
const MEASURE_MAX = 4096;
const measured = new Map<string, number>();

/** Forgets the remembered measurements (benchmarks compare cold fitting). */
export function clearMeasurements(): void {
  measured.clear();
}

/** Height the element's text takes at `size` px when laid out `width` wide: the element laid out alone. */
async function measure(el: SatoriElement, width: number, size: number): Promise<number> {
  const key = `${width}\0${size}\0${JSON.stringify(el)}`;
  const hit = measured.get(key);
  if (hit !== undefined) return hit;
  const probe: SatoriElement = {
    type: 'div',
    props: { style: { display: 'flex', width }, children: { ...el, props: { ...el.props, style: { ...el.props.style, fontSize: size, width, height: 'auto', flexShrink: 0 } } } },
  };
  // the probe's box is the first one reported, before any glyph is drawn: its height is the laid-out height
  const { nodes } = await timed('measure', () => layout(probe, width, undefined, () => true));
  const height = nodes[0]?.height ?? Infinity;
  if (measured.size >= MEASURE_MAX) measured.delete(measured.keys().next().value!);
  measured.set(key, height);
  return height;
}

/**
 * The largest n in [lo, hi] with fits(n), or -1; fits must be monotone (true up to some n, false
 * after). Starts at `guess` and gallops away from it, then bisects: the same answer as a bisection
 * over [lo, hi], in two or three measurements when the guess is close.
 */
export async function largestFitting(lo: number, hi: number, guess: number, fits: (n: number) => Promise<boolean>): Promise<number> {
  if (hi < lo) return -1;
  let best = -1;
  const g = Math.min(hi, Math.max(lo, Number.isFinite(guess) ? guess : hi));
  if (await fits(g)) {
    best = g;
    let step = 1;
    while (best < hi) {
      const next = Math.min(hi, best + step);
      if (await fits(next)) {
        best = next;
        step *= 2;
      } else {
        hi = next - 1;
        break;
      }
    }
    lo = best + 1;
  } else {
    hi = g - 1;
    let step = 1;
    while (hi >= lo) {
      const next = Math.max(lo, hi + 1 - step);
      if (await fits(next)) {
        best = next;
        lo = next + 1;
        break;
      }
      hi = next - 1;
      step *= 2;
    }
  }
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (await fits(mid)) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/**
 * The largest size n in [lo, hi] whose measured height is at most `room`, or -1; heights must not
 * shrink as the size grows. The same answer as `largestFitting`, in fewer measurements: each one
 * says where to look next (wrapped text's height grows with the square of its size, so
 * n·√(room / height) is about the largest size that fits), inside the bracket of sizes known to
 * fit and known not to; where that guess leaves the bracket (a line more or less), it bisects.
 */
export async function largestFittingSize(lo: number, hi: number, first: number, height: (n: number) => Promise<number>, room: number): Promise<number> {
  if (hi < lo) return -1;
  let fits = lo - 1;
  let fails = hi + 1;
  let n = Math.min(hi, Math.max(lo, Number.isFinite(first) ? Math.floor(first) : hi));
  while (fits + 1 < fails) {
    const h = await height(n);
    if (h <= room) fits = n;
    else fails = n;
    if (fits + 1 >= fails) break;
    let next = h > 0 && Number.isFinite(h) ? Math.floor(n * Math.sqrt(room / h)) : n;
    next = h <= room ? Math.max(next, n + 1) : Math.min(next, n - 1);
    n = next > fits && next < fails ? next : (fits + fails) >> 1;
  }
  return fits >= lo ? fits : -1;
}

/**
 * Renders a template. Elements marked `data-fit="field" data-min="N" data-max="M"` get the
 * largest font size in [N, M] at which their text fits the box of their parent; a text that does
 * not fit at N is drawn at N, clipped by the box, and reported as an overflow — never silently.
 */
export async function render(req: RenderRequest): Promise<Rendered> {
  const html = fillTemplate(req.template, { ...req.context, canvas: { width: req.width, height: req.height } });
  return renderHtml(html, req.width, req.height, req.assets ?? {});
}

/** Lays out and rasterises filled HTML (see `render`). */
export async function renderHtml(html: string, width: number, height: number, assets: Record<string, string> = {}): Promise<Rendered> {
  const { svg, nodes, overflows, fitted } = await layOutHtml(html, width, height, assets);
  const image = await timed('resvg', () => new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render());
  // resvg hands over a Buffer of its own: no copy (a copy is 6 MB of garbage per 1080×1440 card)
  const pixels = image.pixels;
  const opaque = coversOpaque(nodes.find((n) => n.box === '1'), image.width, image.height);
  return { width: image.width, height: image.height, pixels: Buffer.isBuffer(pixels) ? pixels : Buffer.from(pixels), nodes, overflows, fitted, ...(opaque ? { opaque } : {}) };
}

/** Filled HTML laid out, its texts fitted, drawn as SVG: everything `renderHtml` does but rasterise. */
export async function layOutHtml(html: string, width: number, height: number, assets: Record<string, string> = {}): Promise<Omit<Rendered, 'pixels' | 'width' | 'height' | 'opaque'> & { svg: string }> {
  const req = { width, height };
  const t0 = profiling && process.cpuUsage();
  const tree = htmlToElement(html, { assets });

  // parents of fitted elements, so their boxes can be read from the layout
  const fits: { el: SatoriElement; box: SatoriElement; field: string; min: number; max: number }[] = [];
  for (const box of elements(tree)) {
    const c = box.props.children;
    for (const el of Array.isArray(c) ? c : c ? [c] : []) {
      if (typeof el === 'string' || el.props['data-fit'] === undefined) continue;
      const field = String(el.props['data-fit'] || el.props['data-field'] || 'text');
      const min = num(el.props['data-min'], 24);
      const max = num(el.props['data-max'], min);
      el.props['data-fit'] = field;
      el.props.style = { ...el.props.style, fontSize: max, flexShrink: 0 };
      box.props.style = { ...box.props.style, display: 'flex', flexDirection: 'column', overflow: 'hidden' };
      box.props['data-fit-box'] = field;
      fits.push({ el, box, field, min, max });
    }
  }

  annotateFonts(tree);
  if (t0) addCpu('parse', t0);
  // Drawn at the largest sizes. Once every fitted text's box is known and one of them does not fit,
  // the rest of this drawing would be thrown away: stop it there and draw again after fitting.
  const boxOf = (field: string, nodes: DrawnNode[]) => ({ box: nodes.find((n) => n.fitBox === field), inner: nodes.find((n) => n.fit === field) });
  const overflowing = ({ box, inner }: ReturnType<typeof boxOf>) => !!box && !!inner && !(inner.height <= box.height + 0.5 && inner.width <= box.width + 0.5);
  let seen = 0;
  const enough = (n: DrawnNode, all: DrawnNode[]) => n.fit !== undefined && ++seen === fits.length && fits.some((f) => overflowing(boxOf(f.field, all)));
  let { svg, nodes } = await timed('layout', () => layout(tree, req.width, req.height, fits.length ? enough : undefined));
  const fitted: Record<string, number> = {};
  const overflows: Overflow[] = [];
  let changed = false;
  for (const fit of fits) {
    fitted[fit.field] = fit.max;
    const { box, inner } = boxOf(fit.field, nodes);
    if (!box || !inner || !overflowing({ box, inner })) continue;
    // the largest whole pixel size that fits, searched from an estimate: wrapped text grows with
    // the square of its size, so the box's share of the height at the largest size says where to start
    const room = box.height + 0.5;
    const guess = Math.floor(fit.max * Math.sqrt(box.height / Math.max(1, inner.height)));
    const best = await largestFittingSize(fit.min, fit.max - 1, guess, (size) => measure(fit.el, box.width, size), room);
    const size = best > 0 ? best : fit.min;
    if (best < 0) overflows.push({ field: fit.field, text: textOf(fit.el), minSize: fit.min });
    fit.el.props.style = { ...fit.el.props.style, fontSize: size };
    fitted[fit.field] = size;
    changed = true;
  }
  if (changed || svg === undefined) {
    annotateFonts(tree);
    ({ svg, nodes } = await timed('relayout', () => layout(tree, req.width, req.height)));
  }
  if (svg === undefined) throw new Error('satori drew nothing'); // unreachable: a layout without `enough` always draws

  overflows.push(...(await timed('clip', () => clipped(nodes, width, height, overflows))));
  const unclipped = fits.filter((f) => !overflows.some((o) => o.field === f.field) && inkStaysInLines(f.el));
  return { svg: unclipImages(dropNoopClips(svg, nodes, unclipped.map((f) => f.field))), nodes, overflows, fitted };
}

/**
 * satori draws every `<img>` through a clip path and a mask of its own box, for rounded corners.
 * An image without them, on whole pixels, fills exactly that box: the clip cuts nothing, but resvg
 * pays for two offscreen layers the size of the image (23 ms for the 1080×900 photo of a photo
 * card). Those two references are dropped from PNG and JPEG images (an SVG image drawn without
 * them costs resvg more, not less: vector art is rastered once instead, see kinds/raster.ts); a
 * clip or mask that also carries an ancestor's is kept.
 */
function unclipImages(svg: string): string {
  return svg.replace(/<image x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)"( href="data:image\/(?:png|jpeg);[^"]*"[^>]*?) clip-path="url\(#(satori_cp-[\w-]+)\)" mask="url\(#(satori_om-[\w-]+)\)"/g, (all, x, y, w, h, rest, clip, mask) => {
    const rect = `<rect x="${x}" y="${y}" width="${w}" height="${h}"`;
    const noop = svg.includes(`<clipPath id="${clip}">${rect}/></clipPath>`) && svg.includes(`<mask id="${mask}">${rect} fill="#fff"/></mask>`);
    return noop ? `<image x="${x}" y="${y}" width="${w}" height="${h}"${rest}` : all;
  });
}

/** The least line height (× font size) at which glyphs stay inside their line boxes: Noto Sans SC draws within about 1 em. */
const SAFE_LINE_HEIGHT = 1.15;

/** Whether the element and everything in it set a line height at which glyphs stay inside the line boxes. */
function inkStaysInLines(el: SatoriElement): boolean {
  const lh = (e: SatoriElement) => e.props.style?.lineHeight;
  const own = Number(lh(el));
  if (!(own >= SAFE_LINE_HEIGHT)) return false;
  for (const e of elements(el)) {
    const v = lh(e);
    if (v !== undefined && !(Number(v) >= SAFE_LINE_HEIGHT)) return false;
  }
  return true;
}

/**
 * satori clips every element inside an `overflow: hidden` box — the boxes of fitted texts — with a
 * clip path and a mask of that box, and resvg draws each clipped element through offscreen layers
 * (7–10 ms for a body of five paragraphs, a third of the card's rasterising). When the layout
 * shows that every box inside stays inside the fitted box (and the glyphs inside their lines), the
 * clip cuts nothing: its references are dropped from the SVG, the pixels stay the same. The box's
 * clip path is found by its rectangle, which must be unique.
 */
function dropNoopClips(svg: string, nodes: DrawnNode[], fields: string[]): string {
  const children = new Map<string, DrawnNode[]>();
  for (const n of nodes) if (n.parent !== undefined) children.set(n.parent, [...(children.get(n.parent) ?? []), n]);
  for (const field of fields) {
    const box = nodes.find((n) => n.fitBox === field);
    if (!box?.box) continue;
    const inside = (n: DrawnNode) => n.left >= box.left - 0.5 && n.top >= box.top - 0.5 && n.left + n.width <= box.left + box.width + 0.5 && n.top + n.height <= box.top + box.height + 0.5;
    let contained = true;
    for (let todo = [...(children.get(box.box) ?? [])]; contained && todo.length; ) {
      const n = todo.pop()!;
      contained = inside(n);
      if (n.box) todo.push(...(children.get(n.box) ?? []));
    }
    if (!contained) continue;
    const rect = `<rect x="${box.left}" y="${box.top}" width="${box.width}" height="${box.height}"/></clipPath>`;
    const ids = [...svg.matchAll(/<clipPath id="satori_cp-([\w-]+)"[^>]*>/g)].filter((m) => svg.startsWith(rect, m.index + m[0].length)).map((m) => m[1]!);
    if (ids.length !== 1) continue;
    svg = svg.replaceAll(` clip-path="url(#satori_cp-${ids[0]})"`, '').replaceAll(` mask="url(#satori_om-${ids[0]})"`, '');
  }
  return svg;
}

/** An opaque colour as templates write it: #RGB, #RRGGBB, rgb(…). */
const OPAQUE_COLOUR = /^(#[0-9a-f]{3}|#[0-9a-f]{6}|rgb\(\s*\d+\s*,\s*\d+\s*,\s*\d+\s*\))$/i;

/**
 * Whether the root paints an opaque colour over the whole canvas: then no pixel can be
 * transparent (everything else is drawn over it), and the encoder needs no scan of 1.5 M pixels.
 */
function coversOpaque(root: DrawnNode | undefined, width: number, height: number): boolean {
  if (!root) return false;
  const st = root.style;
  const bg = String(st.backgroundColor ?? '').trim();
  const none = (v: unknown) => v === undefined || v === 0 || v === '0' || v === '0px' || v === 'none';
  return (
    OPAQUE_COLOUR.test(bg) &&
    root.left === 0 &&
    root.top === 0 &&
    root.width >= width &&
    root.height >= height &&
    (st.opacity === undefined || Number(st.opacity) >= 1) &&
    none(st.borderRadius) &&
    none(st.transform) &&
    none(st.filter) &&
    none(st.clipPath) &&
    none(st.maskImage) &&
    none(st.mask) &&
    none(st.backgroundImage)
  );
}

export interface EncodeOptions {
  format: 'jpeg' | 'png';
  /** JPEG quality; WeChat recompresses uploads, so keep it high */
  quality?: number;
}

/** Encodes resvg's raw RGBA pixels with sharp directly: no PNG round trip (RENDERING.md). */
export async function encode(r: { pixels: Buffer; width: number; height: number; opaque?: boolean }, options: EncodeOptions): Promise<Buffer> {
  if (options.format === 'jpeg') {
    const opaque = r.opaque ?? (await timed('opaque', () => isOpaque(r.pixels)));
    return timed('encode', () => jpegOf(sharp(r.pixels, rawInput(r, opaque)), opaque, options.quality ?? 90).toBuffer());
  }
  return timed('encode', () => sharp(r.pixels, rawInput(r)).png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer());
}

/**
 * sharp's raw input for resvg's pixels (premultiplied RGBA). Opaque pixels are the same bytes
 * premultiplied or not: saying so spares sharp the un-premultiply (RENDERING.md; 24 → 14 ms).
 */
export const rawInput = (r: { width: number; height: number }, opaque = false) => ({ raw: { width: r.width, height: r.height, channels: 4 as const, premultiplied: !opaque } });

/** Whether every pixel is opaque: then premultiplied and straight RGBA are the same bytes. */
export function isOpaque(pixels: Uint8Array): boolean {
  if (pixels.byteOffset % 4 === 0 && pixels.length % 4 === 0) {
    // four bytes at a time: alpha is the top byte of each little-endian RGBA word
    const words = new Uint32Array(pixels.buffer, pixels.byteOffset, pixels.length / 4);
    for (let i = 0; i < words.length; i++) if (words[i]! < 0xff000000) return false;
    return true;
  }
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 255) return false;
  return true;
}

/**
 * The JPEG pipeline for raw pixels (from `rawInput(r, opaque)`): an opaque card drops its alpha
 * channel (no un-premultiply, no flatten: RENDERING.md measured 39 → 26 ms at q90 4:4:4); anything
 * else is flattened on white. Chroma stays 4:4:4: red text on a coloured ground smears at 4:2:0.
 * Huffman tables are the standard ones (`optimiseCoding: false`): the same pixels, files about
 * 13% larger, 10 ms less per 1080×1440 card — WeChat recompresses uploads anyway.
 */
export function jpegOf(img: Sharp, opaque: boolean, quality: number): Sharp {
  return (opaque ? img.removeAlpha() : img.flatten({ background: '#ffffff' })).jpeg({ quality, chromaSubsampling: '4:4:4', optimiseCoding: false });
}

// ---------------------------------------------------------------------------
// Clipping in any direction. A word longer than its box does not wrap (satori breaks lines at
// spaces and between Chinese characters only), so a long Latin run, a number or a row of dashes
// runs out of its box to the right and is cut at the canvas edge: reported as an overflow too.

interface FontSpec {
  fontSize: number;
  fontWeight: number | string;
  letterSpacing: number | string;
}

/**
 * Records on every element the number of its box and its parent's, the nearest field, and on
 * elements that hold text the font they inherit: what the clipping check needs from the layout.
 */
function annotateFonts(root: SatoriElement): void {
  let next = 0;
  const walk = (el: SatoriElement, inherited: FontSpec, parent: string, field: string | undefined) => {
    const st = el.props.style ?? {};
    const size = st.fontSize === undefined ? inherited.fontSize : Number.parseFloat(String(st.fontSize)) || inherited.fontSize;
    const font: FontSpec = { fontSize: size, fontWeight: st.fontWeight ?? inherited.fontWeight, letterSpacing: st.letterSpacing ?? inherited.letterSpacing };
    const id = String(++next);
    const here = (el.props['data-field'] as string | undefined) ?? field;
    el.props['data-box'] = id;
    el.props['data-parent'] = parent;
    if (here) el.props['data-in'] = here;
    const c = el.props.children;
    const kids = Array.isArray(c) ? c : c === undefined ? [] : [c];
    if (kids.some((k) => typeof k === 'string')) el.props['data-font'] = `${font.fontSize}|${font.fontWeight}|${font.letterSpacing}`;
    for (const k of kids) if (typeof k !== 'string') walk(k, font, id, here);
  };
  walk(root, { fontSize: 16, fontWeight: 400, letterSpacing: 0 }, '', undefined);
}

/** Runs of text a line can not break inside: everything but spaces and Chinese/full-width characters. */
const UNBREAKABLE = /[^\s\u2E80-\u9FFF\u3000-\u303F\uF900-\uFAFF\uFF00-\uFFEF]+/gu;

/** Width in px of `run` drawn on one line in `font`. */
async function runWidth(run: string, font: FontSpec): Promise<number> {
  let w = 0;
  const probe: SatoriElement = {
    type: 'div',
    props: { style: { display: 'flex' }, children: { type: 'div', props: { 'data-probe': '1', style: { display: 'flex', flexShrink: 0, whiteSpace: 'nowrap', fontSize: font.fontSize, fontWeight: font.fontWeight, letterSpacing: font.letterSpacing }, children: run } } },
  };
  await timed('probe', () => satori(probe as never, {
    width: 100_000,
    height: Math.ceil(font.fontSize * 3),
    fonts: loadFonts().satoriFonts,
    onNodeDetected: (n) => {
      if ((n.props as Record<string, unknown>)['data-probe']) w = n.width;
    },
  }));
  return w;
}

/** Texts that run out of their container sideways or off the canvas, beyond those already reported. */
async function clipped(nodes: DrawnNode[], width: number, height: number, known: Overflow[]): Promise<Overflow[]> {
  const out: Overflow[] = [];
  const byBox = new Map(nodes.filter((n) => n.box).map((n) => [n.box!, n]));
  const add = (n: DrawnNode, size: number) => {
    const field = n.field ?? n.inField ?? 'text';
    if (![...known, ...out].some((o) => o.field === field)) out.push({ field, text: n.text ?? '', minSize: size });
  };
  for (const n of nodes) {
    if (!n.text?.trim() || !n.font) continue;
    const [size, weight, spacing] = n.font.split('|') as [string, string, string];
    const font: FontSpec = { fontSize: Number(size), fontWeight: Number(weight) || weight, letterSpacing: Number(spacing) || spacing };
    // a text the template names (data-field, here or above) must lie on the canvas; decorative glyphs may bleed off its edge
    const named = n.field ?? n.inField;
    if (named && (n.left < -0.5 || n.top < -0.5 || n.left + n.width > width + 0.5 || n.top + n.height > height + 0.5)) {
      add(n, font.fontSize);
      continue;
    }
    // a word too long for its line widens its box beyond its container's, or runs past its own box
    const parent = n.parent ? byBox.get(n.parent) : undefined;
    const room = parent ? Math.min(n.width, parent.left + parent.width - n.left) : n.width;
    if (named && parent && n.width > parent.width + 1 && n.style.position !== 'absolute') {
      add(n, font.fontSize);
      continue;
    }
    // cheap bound first: a run can only be too wide if even narrow glyphs would make it so
    const runs = [...n.text.matchAll(UNBREAKABLE)].map((m) => m[0]).filter((r) => r.length * font.fontSize * 0.22 > room);
    for (const run of runs.sort((a, b) => b.length - a.length).slice(0, 3)) {
      if ((await runWidth(run.slice(0, 2000), font)) > room + 1) {
        add(n, font.fontSize);
        break;
      }
    }
  }
  return out;
}
