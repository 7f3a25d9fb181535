// Soft drop shadows without SVG filters, as data. A CSS box-shadow becomes a Gaussian blur filter that
// resvg computes over the shadow's whole region (about 300 ms for one card on a 1080×1920 poster,
// seconds for nine on the 3240 grid); a stack of translucent rounded rectangles, each a few pixels
// larger than the one above it, draws a soft edge as plain fills. Upright cards use the shared
// partial templates/partials/soft-shadow.hbs; this is for cards the partial cannot serve, such as the
// nine-grid's tilted prints, whose layers are drawn as absolutely placed boxes turned with the card.

export interface ShadowLayer {
  /** offsets of the layer's edges from the card's (negative: outside it) */
  inset: number;
  top: number;
  bottom: number;
  radius: number;
  color: string;
}

export interface ShadowOptions {
  /** corner radius of the card */
  radius: number;
  /** how far the shadow reaches past the card's sides, px */
  spread?: number;
  /** downward shift of the shadow, px */
  offsetY?: number;
  /** opacity where the layers all overlap (under the card's edge) */
  strength?: number;
  /** number of layers: more is smoother */
  steps?: number;
  /** RGB of the shadow; @default a warm brown that suits the paper colours */
  rgb?: [number, number, number];
}

export function softShadow(opts: ShadowOptions): ShadowLayer[] {
  const { radius, spread = 24, offsetY = 12, strength = 0.14, steps = 8, rgb = [80, 40, 20] } = opts;
  const alpha = 1 - Math.pow(1 - strength, 1 / steps);
  const color = `rgba(${rgb.join(', ')}, ${alpha.toFixed(4)})`;
  const layers: ShadowLayer[] = [];
  for (let i = 1; i <= steps; i++) {
    const grow = Math.round((spread * i) / steps);
    // the smallest layer sits just inside the card, so the shadow is darkest right under its edge
    const d = grow - Math.round(spread / steps);
    layers.push({ inset: -d, top: offsetY - d, bottom: -offsetY - d, radius: radius + Math.max(0, d), color });
  }
  return layers;
}
