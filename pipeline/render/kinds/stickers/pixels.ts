// Pixel work on rendered stickers: stacking the layers resvg drew (art, lettering), the white die-cut
// border that makes a sticker read on any chat background, and the hard-edged matte GIF needs (one
// transparent palette entry, no partial alpha).
//
// resvg-js returns PREMULTIPLIED RGBA (a 50 % red pixel is 128, 0, 0, 128); the layers are stacked
// and bordered in that form and returned as straight (non-premultiplied) RGBA, which is what sharp's
// `raw` input expects by default.

/** Share of opacity from which a pixel counts as part of the drawing for the border. */
const SOLID = 0.5;
/** Below this a pixel does not grow a border at all (小U's ground shadow is 16 % ink). */
const FAINT = 0.3;

interface Offset {
  dx: number;
  dy: number;
  /** how much of a border pixel this offset still covers: 1 inside the radius, fading over 1 px */
  weight: number;
}

const offsetCache = new Map<number, Offset[]>();

/** Disk offsets within `radius` + 1, strongest first, with anti-aliased weights at the rim. */
function diskOffsets(radius: number): Offset[] {
  const cached = offsetCache.get(radius);
  if (cached) return cached;
  const r = Math.ceil(radius + 1);
  const list: Offset[] = [];
  for (let dy = -r; dy <= r; dy++) {
    for (let dx = -r; dx <= r; dx++) {
      const weight = Math.min(1, Math.max(0, radius + 0.5 - Math.hypot(dx, dy)));
      if (weight > 0) list.push({ dx, dy, weight });
    }
  }
  list.sort((a, b) => b.weight - a.weight || Math.hypot(a.dx, a.dy) - Math.hypot(b.dx, b.dy));
  offsetCache.set(radius, list);
  return list;
}

/** 1 where any pixel within a (2r+1)² square has cover, else 0: a cheap bound for the border search. */
function nearCover(cover: Float32Array, width: number, height: number, r: number): Uint8Array {
  const rows = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    let count = 0;
    const at = (x: number) => ((cover[y * width + x] as number) > 0 ? 1 : 0);
    for (let x = 0; x < Math.min(r, width); x++) count += at(x);
    for (let x = 0; x < width; x++) {
      if (x + r < width) count += at(x + r);
      if (x - r - 1 >= 0) count -= at(x - r - 1);
      rows[y * width + x] = count > 0 ? 1 : 0;
    }
  }
  const out = new Uint8Array(width * height);
  for (let x = 0; x < width; x++) {
    let count = 0;
    for (let y = 0; y < Math.min(r, height); y++) count += rows[y * width + x] as number;
    for (let y = 0; y < height; y++) {
      if (y + r < height) count += rows[(y + r) * width + x] as number;
      if (y - r - 1 >= 0) count -= rows[(y - r - 1) * width + x] as number;
      out[y * width + x] = count > 0 ? 1 : 0;
    }
  }
  return out;
}

/** A layer in premultiplied RGBA: resvg's pixels, or the result of `withBorder`. */
export type Layer = Uint8Array | Float32Array;

function stack(layers: readonly Layer[], n: number): Float32Array {
  const acc = new Float32Array(n * 4);
  for (const layer of layers) {
    if (layer.length !== n * 4) throw new Error(`layer has ${layer.length} values, expected ${n * 4}`);
    for (let j = 0; j < n * 4; j += 4) {
      const keep = 1 - (layer[j + 3] as number) / 255;
      for (let k = 0; k < 4; k++) acc[j + k] = (layer[j + k] as number) + (acc[j + k] as number) * keep;
    }
  }
  return acc;
}

/**
 * A border of `colour`, `radius` px wide, put under everything drawn in `layer` (premultiplied):
 * anti-aliased at its outer edge, not grown from faint pixels such as shadows. Returns a new
 * premultiplied layer.
 */
export function withBorder(layer: Layer, width: number, height: number, radius: number, colour: readonly [number, number, number]): Float32Array {
  const n = width * height;
  const src = stack([layer], n);
  const cover = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = (src[i * 4 + 3] as number) / 255;
    cover[i] = a >= SOLID ? 1 : a <= FAINT ? 0 : (a - FAINT) / (SOLID - FAINT);
  }
  const offsets = diskOffsets(radius);
  const near = nearCover(cover, width, height, Math.ceil(radius + 1));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const j = i * 4;
      const sa = (src[j + 3] as number) / 255;
      if (sa >= 0.999 || near[i] !== 1) continue;
      let border = 0;
      for (const o of offsets) {
        if (o.weight <= border) break;
        const qx = x + o.dx;
        const qy = y + o.dy;
        if (qx < 0 || qy < 0 || qx >= width || qy >= height) continue;
        const c = (cover[qy * width + qx] as number) * o.weight;
        if (c > border) border = c;
      }
      const under = border * (1 - sa);
      for (let k = 0; k < 3; k++) src[j + k] = (src[j + k] as number) + (colour[k] as number) * under;
      src[j + 3] = (src[j + 3] as number) + 255 * under;
    }
  }
  return src;
}

/**
 * Stacks premultiplied layers (bottom first), puts the white die-cut edge, `radius` px, under
 * everything, and returns straight (non-premultiplied) RGBA for sharp and the checks.
 */
export function finishSticker(layers: readonly Layer[], width: number, height: number, radius: number, colour: readonly [number, number, number] = [255, 255, 255]): Buffer {
  const n = width * height;
  const acc = withBorder(stack(layers, n), width, height, radius, colour);
  const out = Buffer.alloc(n * 4);
  for (let j = 0; j < n * 4; j += 4) {
    const a = acc[j + 3] as number;
    if (a <= 0) continue;
    for (let k = 0; k < 3; k++) out[j + k] = Math.min(255, Math.round(((acc[j + k] as number) * 255) / a));
    out[j + 3] = Math.min(255, Math.round(a));
  }
  return out;
}

/**
 * For GIF, from straight RGBA: every pixel fully opaque or fully transparent. Pixels at least half
 * opaque are blended over `matte` (the border colour, so the edge stays clean) and made opaque;
 * the rest become the transparent entry (0, 0, 0, 0).
 */
export function hardMatte(pixels: Uint8Array, matte: readonly [number, number, number] = [255, 255, 255]): Buffer {
  const out = Buffer.alloc(pixels.length);
  for (let j = 0; j < pixels.length; j += 4) {
    const a = (pixels[j + 3] as number) / 255;
    if (a < 0.5) continue;
    for (let k = 0; k < 3; k++) out[j + k] = Math.round((pixels[j + k] as number) * a + (matte[k] as number) * (1 - a));
    out[j + 3] = 255;
  }
  return out;
}
