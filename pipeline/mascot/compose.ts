// Composes the mascot 小U from the SVG parts under templates/mascot/parts, following the pose data in
// templates/mascot/poses.yaml. A pose is data (which arms, which props, which placements); this file
// is only the engine that stacks the parts in the right order and applies transforms.
//
// Nothing a user writes ever enters the SVG: pose and expression names are checked against the
// data, frame values are checked to be finite numbers, and sign lettering is returned as a box for
// the renderer to overlay in the project's CJK font (see sign.ts).

import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMascotFilesSync } from '../assets/index.ts';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** templates/mascot, where poses.yaml and parts/ live. */
export const MASCOT_DIR: string = fileURLToPath(new URL('../../templates/mascot/', import.meta.url));

/** One animation frame's deviation from the rest pose. Every field is optional. */
export interface MascotFrame {
  /** horizontal offset in viewBox units (the viewBox is 512 wide); @default 0 */
  dx?: number;
  /** vertical offset in viewBox units, negative is up; the ground shadow stays and shrinks; @default 0 */
  dy?: number;
  /** whole-body lean in degrees, clockwise, about the point between the feet; @default 0 */
  rotate?: number;
  /** vertical squash (< 1) or stretch (> 1) about the feet, in (0, 3]; width changes by half as much the other way; @default 1 */
  scaleY?: number;
  /** eyes closed for this frame; @default false */
  blink?: boolean;
  /** swing cycle of the pose's swinging arms, in turns: 0 rest, 0.25 out, 0.75 in, 1 rest again; @default 0 */
  armPhase?: number;
}

export interface MascotOptions {
  /** one of POSES */
  pose: string;
  /** one of EXPRESSIONS; @default the pose's own expression */
  expression?: string;
  /** lettering for the sign board; only for poses with a sign. Never drawn into the SVG: see `signBox`. */
  sign?: string;
  frame?: MascotFrame;
  /** width and height attributes of the SVG in pixels (the viewBox stays 512); @default 512 */
  size?: number;
}

/** The sign board's lettering area in the SVG's viewBox coordinates. */
export interface SignBox {
  x: number;
  y: number;
  width: number;
  height: number;
  /** degrees, clockwise, about the box's centre (non-zero only when a frame leans the body) */
  rotate: number;
}

export interface ComposedMascot {
  svg: string;
  /** pixel size of the SVG (width = height) */
  size: number;
  /** the viewBox is `0 0 viewBox viewBox` */
  viewBox: number;
  /** where to overlay the sign lettering, in viewBox units; null when the pose holds no sign */
  signBox: SignBox | null;
  /** the lettering to overlay, as given; null when none */
  signText: string | null;
}

// ---------------------------------------------------------------------------------------------
// The data: poses.yaml, validated when loaded; errors name the file and the key.

const point = z.tuple([z.number(), z.number()]);
const partId = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'expected a part id like "arms/wave"');
const placement = {
  dx: z.number().optional(),
  dy: z.number().optional(),
  rotate: z.number().optional(),
  scale: z.number().positive().optional(),
};
const armRef = z.union([
  z.string(),
  z.object({ part: z.string(), swing: z.number().optional(), ...placement }).strict(),
]);
const propRef = z.union([
  z.string(),
  z.object({ part: z.string(), carriedBy: z.enum(['left', 'right']).optional(), ...placement }).strict(),
]);
const fxRef = z.union([z.string(), z.object({ part: z.string(), ...placement }).strict()]);

const mascotSchema = z
  .object({
    canvas: z.number().int().positive(),
    shoulder: point,
    neck: point,
    ground: point,
    base: z.object({ ground: partId, body: partId, head: partId }).strict(),
    blink: partId,
    expressions: z.record(
      z.string(),
      z.object({ eyes: partId, mouth: partId, fx: z.array(partId).default([]) }).strict(),
    ),
    arms: z.record(
      z.string(),
      z
        .object({ back: partId.optional(), front: partId.optional() })
        .strict()
        .refine((arm) => arm.back !== undefined || arm.front !== undefined, 'an arm needs `back` or `front`'),
    ),
    props: z.record(
      z.string(),
      z
        .object({
          part: partId,
          layer: z.enum(['behind', 'prop', 'fx']).default('prop'),
          origin: point,
          textBox: z
            .object({ x: z.number(), y: z.number(), width: z.number().positive(), height: z.number().positive() })
            .strict()
            .optional(),
        })
        .strict(),
    ),
    fx: z.record(z.string(), z.object({ part: partId, origin: point }).strict()),
    poses: z.record(
      z.string(),
      z
        .object({
          expression: z.string(),
          head: z.object({ rotate: z.number().optional(), dx: z.number().optional(), dy: z.number().optional() }).strict().optional(),
          arms: z.object({ left: armRef, right: armRef }).strict(),
          props: z.array(propRef).default([]),
          fx: z.array(fxRef).default([]),
        })
        .strict(),
    ),
  })
  .strict();

type MascotData = z.infer<typeof mascotSchema>;
type Placement = { dx?: number | undefined; dy?: number | undefined; rotate?: number | undefined; scale?: number | undefined };

const DATA_FILE = 'templates/mascot/poses.yaml';

/**
 * 小U's art (poses.yaml and the parts), read once through pipeline/assets/ — the same files and
 * hash the render cache keys on. (Handing them in from the command layer, like the templates,
 * needs the pose names below to be computed on first use rather than at import.)
 */
let art: Map<string, string> | undefined;
let artHash = '';

function artFile(path: string, where: string): string {
  if (!art) {
    const loaded = readMascotFilesSync(MASCOT_DIR);
    art = new Map(loaded.files.map((f) => [f.path.split(sep).join('/'), f.data]));
    artHash = loaded.hash;
  }
  const data = art.get(path);
  if (data === undefined) throw new Error(`${where}: no such file`);
  return data;
}

/** sha256 of 小U's art as read (the render cache's `mascot` hash). */
export function mascotArtHash(): string {
  artFile('poses.yaml', DATA_FILE);
  return artHash;
}

function loadData(): MascotData {
  const source = artFile('poses.yaml', DATA_FILE);
  const parsed = mascotSchema.safeParse(parseYaml(source));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${DATA_FILE}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(lines.join('\n'));
  }
  const data = parsed.data;
  const problems: string[] = [];
  const check = (where: string, kind: string, name: string, table: Record<string, unknown>): void => {
    if (!Object.hasOwn(table, name)) {
      problems.push(`${DATA_FILE}: ${where}: unknown ${kind} "${name}"; known: ${Object.keys(table).join(', ')}`);
    }
  };
  for (const [poseName, pose] of Object.entries(data.poses)) {
    check(`poses.${poseName}.expression`, 'expression', pose.expression, data.expressions);
    for (const side of ['left', 'right'] as const) check(`poses.${poseName}.arms.${side}`, 'arm', refName(pose.arms[side]), data.arms);
    pose.props.forEach((ref, i) => check(`poses.${poseName}.props.${i}`, 'prop', refName(ref), data.props));
    pose.fx.forEach((ref, i) => check(`poses.${poseName}.fx.${i}`, 'fx', refName(ref), data.fx));
    if (pose.props.filter((ref) => data.props[refName(ref)]?.textBox).length > 1) {
      problems.push(`${DATA_FILE}: poses.${poseName}.props: at most one prop with a textBox per pose`);
    }
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return data;
}

function refName(ref: string | { part: string }): string {
  return typeof ref === 'string' ? ref : ref.part;
}

// Parsed once per process: the data and parts are a few kilobytes and never change while running.
const data: MascotData = loadData();

/** Pose names, in the order of poses.yaml. */
export const POSES: readonly string[] = Object.freeze(Object.keys(data.poses));
/** Expression names, in the order of poses.yaml. */
export const EXPRESSIONS: readonly string[] = Object.freeze(Object.keys(data.expressions));

// ---------------------------------------------------------------------------------------------
// Parts: standalone SVG files; the composer uses what is inside <svg>…</svg>.

// Bounded by the number of files under parts/ (a few dozen).
const partCache = new Map<string, string>();

// Parts are our own art, but a part that pulled in text, scripts or remote files would make the
// output depend on fonts or the network; refuse them when loading.
const FORBIDDEN_IN_PARTS = /<(?:text|script|image|foreignObject|style)\b|href\s*=\s*"(?!#)/i;

function partFragment(id: string): string {
  const cached = partCache.get(id);
  if (cached !== undefined) return cached;
  const file = `templates/mascot/parts/${id}.svg`;
  const source = artFile(`parts/${id}.svg`, file);
  const open = /<svg\b[^>]*>/.exec(source);
  const close = source.lastIndexOf('</svg>');
  if (open === null || close < open.index) throw new Error(`${file}: expected an <svg> document`);
  const fragment = source
    .slice(open.index + open[0].length, close)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/>\s+</g, '><')
    .trim();
  if (FORBIDDEN_IN_PARTS.test(fragment)) throw new Error(`${file}: parts may only hold shapes (no text, scripts, styles or external references)`);
  partCache.set(id, fragment);
  return fragment;
}

/** Renames the ids a fragment defines (clip paths, gradients) so two copies of a part can coexist. */
function scopeIds(fragment: string, scope: string): string {
  let out = fragment;
  for (const match of fragment.matchAll(/\sid="([^"]+)"/g)) {
    const id = match[1] as string;
    out = out
      .replaceAll(`id="${id}"`, `id="${scope}-${id}"`)
      .replaceAll(`url(#${id})`, `url(#${scope}-${id})`)
      .replaceAll(`href="#${id}"`, `href="#${scope}-${id}"`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Affine transforms: [a, b, c, d, e, f] as in SVG's matrix(a b c d e f).

type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}
const chain = (...ms: Matrix[]): Matrix => ms.reduce(multiply, IDENTITY);
const translate = (x: number, y: number): Matrix => [1, 0, 0, 1, x, y];
function rotateAbout(degrees: number, cx: number, cy: number): Matrix {
  const r = (degrees * Math.PI) / 180;
  const cos = Math.cos(r);
  const sin = Math.sin(r);
  return chain(translate(cx, cy), [cos, sin, -sin, cos, 0, 0], translate(-cx, -cy));
}
const scaleAbout = (sx: number, sy: number, cx: number, cy: number): Matrix =>
  chain(translate(cx, cy), [sx, 0, 0, sy, 0, 0], translate(-cx, -cy));
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
const isIdentity = (m: Matrix): boolean => m.every((v, i) => Math.abs(v - (IDENTITY[i] as number)) < 1e-9);

function placementMatrix(p: Placement, origin: readonly [number, number]): Matrix {
  const [ox, oy] = origin;
  return chain(translate(p.dx ?? 0, p.dy ?? 0), rotateAbout(p.rotate ?? 0, ox, oy), scaleAbout(p.scale ?? 1, p.scale ?? 1, ox, oy));
}

/** Numbers as they go into the SVG: rounded, no exponent, no "-0". */
function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function group(content: string, m: Matrix = IDENTITY): string {
  if (content === '') return '';
  return isIdentity(m) ? `<g>${content}</g>` : `<g transform="matrix(${m.map(num).join(' ')})">${content}</g>`;
}

// ---------------------------------------------------------------------------------------------
// Options at the boundary: one error shape, "Expected … for … but received …".

function describe(value: unknown): string {
  return `${typeof value === 'string' ? JSON.stringify(value) : String(value)} of type ${value === null ? 'null' : typeof value}`;
}

function finite(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`Expected finite number for ${name} but received ${describe(value)}`);
  return value;
}

function known(kind: string, name: unknown, names: readonly string[]): string {
  if (typeof name === 'string' && names.includes(name)) return name;
  throw new Error(`Unknown ${kind} ${typeof name === 'string' ? JSON.stringify(name) : describe(name)}; known: ${names.join(', ')}`);
}

interface ResolvedFrame {
  dx: number;
  dy: number;
  rotate: number;
  scaleY: number;
  blink: boolean;
  armPhase: number;
}

function resolveFrame(frame: MascotFrame | undefined): ResolvedFrame {
  const f: MascotFrame = frame ?? {};
  if (typeof f !== 'object' || f === null) throw new TypeError(`Expected object for frame but received ${describe(f)}`);
  const scaleY = finite(f.scaleY, 'frame.scaleY', 1);
  if (scaleY <= 0 || scaleY > 3) throw new RangeError(`Expected frame.scaleY in (0, 3] but received ${scaleY}`);
  if (f.blink !== undefined && typeof f.blink !== 'boolean') throw new TypeError(`Expected boolean for frame.blink but received ${describe(f.blink)}`);
  return {
    dx: finite(f.dx, 'frame.dx', 0),
    dy: finite(f.dy, 'frame.dy', 0),
    rotate: finite(f.rotate, 'frame.rotate', 0),
    scaleY,
    blink: f.blink ?? false,
    armPhase: finite(f.armPhase, 'frame.armPhase', 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Composition.

/** The body transform of a frame: offset, lean about the feet, squash about the feet. */
function frameMatrix(f: ResolvedFrame): Matrix {
  const [gx, gy] = data.ground;
  const scaleX = 1 + (1 - f.scaleY) / 2;
  return chain(translate(f.dx, f.dy), rotateAbout(f.rotate, gx, gy), scaleAbout(scaleX, f.scaleY, gx, gy));
}

/** The ground shadow follows sideways but not up; it shrinks while the body is in the air. */
function shadowMatrix(f: ResolvedFrame): Matrix {
  const [gx, gy] = data.ground;
  const lift = Math.min(0.4, Math.max(-0.1, -f.dy / 250));
  const scaleX = (1 + (1 - f.scaleY) / 2) * (1 - lift);
  return chain(translate(f.dx, 0), scaleAbout(scaleX, 1 - lift, gx, gy));
}

const MIRROR: Matrix = [-1, 0, 0, 1, 0, 0];

interface ArmPlacement {
  name: string;
  /** in screen terms: mirror + placement + swing */
  matrix: Matrix;
}

function armPlacement(side: 'left' | 'right', ref: MascotData['poses'][string]['arms']['left'], f: ResolvedFrame): ArmPlacement {
  const name = refName(ref);
  const p: Placement & { swing?: number | undefined } = typeof ref === 'string' ? {} : ref;
  const swing = (p.swing ?? 0) * Math.sin(2 * Math.PI * f.armPhase);
  const [sx, sy] = data.shoulder;
  // Arm parts are drawn on the screen-right side; the screen-left arm is its mirror image.
  const own = chain(placementMatrix(p, data.shoulder), rotateAbout(swing, sx, sy));
  const mirror = side === 'left' ? chain(translate(data.canvas, 0), MIRROR) : IDENTITY;
  return { name, matrix: chain(mirror, own) };
}

export function composeMascot(opts: MascotOptions): ComposedMascot {
  if (typeof opts !== 'object' || opts === null) throw new TypeError(`Expected options object but received ${describe(opts)}`);
  const poseName = known('pose', opts.pose, POSES);
  const pose = data.poses[poseName] as MascotData['poses'][string];
  const expressionName = known('expression', opts.expression ?? pose.expression, EXPRESSIONS);
  const expression = data.expressions[expressionName] as MascotData['expressions'][string];
  const f = resolveFrame(opts.frame);
  const size = finite(opts.size, 'size', data.canvas);
  if (size <= 0) throw new RangeError(`Expected positive number for size but received ${size}`);
  if (opts.sign !== undefined && typeof opts.sign !== 'string') throw new TypeError(`Expected string for sign but received ${describe(opts.sign)}`);

  let instance = 0;
  const part = (id: string): string => scopeIds(partFragment(id), `u${instance++}`);

  const arms = { left: armPlacement('left', pose.arms.left, f), right: armPlacement('right', pose.arms.right, f) };
  const armLayer = (layer: 'back' | 'front'): string =>
    (['left', 'right'] as const)
      .map((side) => {
        const arm = arms[side];
        const id = data.arms[arm.name]?.[layer];
        return id === undefined ? '' : group(part(id), arm.matrix);
      })
      .join('');

  const propLayers = { behind: '', prop: '', fx: '' };
  let signBoxInBody: { box: NonNullable<MascotData['props'][string]['textBox']>; matrix: Matrix } | null = null;
  for (const ref of pose.props) {
    const prop = data.props[refName(ref)] as MascotData['props'][string];
    const p = typeof ref === 'string' ? {} : ref;
    const carrier = typeof ref === 'string' || ref.carriedBy === undefined ? IDENTITY : carriedMatrix(arms[ref.carriedBy]);
    const matrix = chain(carrier, placementMatrix(p, prop.origin));
    propLayers[prop.layer] += group(part(prop.part), matrix);
    if (prop.textBox !== undefined) signBoxInBody = { box: prop.textBox, matrix };
  }
  const fxLayer = pose.fx
    .map((ref) => {
      const fx = data.fx[refName(ref)] as MascotData['fx'][string];
      return group(part(fx.part), placementMatrix(typeof ref === 'string' ? {} : ref, fx.origin));
    })
    .join('');

  if (opts.sign !== undefined && signBoxInBody === null) {
    const withSign = POSES.filter((name) => data.poses[name]?.props.some((ref) => data.props[refName(ref)]?.textBox));
    throw new Error(`Pose "${poseName}" holds no sign, so it cannot show sign text; poses with a sign: ${withSign.join(', ')}`);
  }

  const [nx, ny] = data.neck;
  const headMatrix = placementMatrix(pose.head ?? {}, [nx, ny]);
  const face = part(f.blink ? data.blink : expression.eyes) + part(expression.mouth) + expression.fx.map(part).join('');
  const body = frameMatrix(f);

  const layers = [
    propLayers.behind,
    armLayer('back'),
    part(data.base.body),
    group(part(data.base.head) + face, headMatrix),
    propLayers.prop,
    armLayer('front'),
    propLayers.fx,
    fxLayer,
  ].join('');

  const c = data.canvas;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(size)}" height="${num(size)}" viewBox="0 0 ${c} ${c}">` +
    partFragment('defs') +
    group(part(data.base.ground), shadowMatrix(f)) +
    group(layers, body) +
    `</svg>`;

  return {
    svg,
    size,
    viewBox: c,
    signBox: signBoxInBody === null ? null : transformBox(signBoxInBody.box, chain(body, signBoxInBody.matrix)),
    signText: opts.sign ?? null,
  };
}

/** A prop carried by an arm follows the arm's swing (but not its mirroring). */
function carriedMatrix(arm: ArmPlacement): Matrix {
  // The left arm's matrix is mirror·own; conjugating by the mirror (its own inverse) leaves the
  // swing as seen on screen.
  return arm.matrix[0] < 0 ? chain(arm.matrix, translate(data.canvas, 0), MIRROR) : arm.matrix;
}

function transformBox(box: { x: number; y: number; width: number; height: number }, m: Matrix): SignBox {
  const [cx, cy] = apply(m, box.x + box.width / 2, box.y + box.height / 2);
  const width = box.width * Math.hypot(m[0], m[1]);
  const height = box.height * Math.hypot(m[2], m[3]);
  const round = (v: number): number => Math.round(v * 100) / 100;
  return {
    x: round(cx - width / 2),
    y: round(cy - height / 2),
    width: round(width),
    height: round(height),
    rotate: round((Math.atan2(m[1], m[0]) * 180) / Math.PI),
  };
}

/** The composed character as a standalone SVG string (width, height and viewBox set). */
export function mascotSvg(opts: MascotOptions): string {
  return composeMascot(opts).svg;
}

/**
 * Where the sign lettering goes, in viewBox units (0…512), for a pose that holds a sign and an
 * optional animation frame. Scale by `size / 512` for pixels.
 */
export function signBox(pose = 'sign', frame?: MascotFrame): SignBox {
  const box = composeMascot(frame === undefined ? { pose } : { pose, frame }).signBox;
  if (box === null) {
    const withSign = POSES.filter((name) => data.poses[name]?.props.some((ref) => data.props[refName(ref)]?.textBox));
    throw new Error(`Pose "${pose}" holds no sign; poses with a sign: ${withSign.join(', ')}`);
  }
  return box;
}
