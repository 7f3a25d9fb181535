// Vector art drawn once as a raster at the size a template draws it, and reused: resvg renders an
// SVG image inside a card every time the card is drawn (and, unclipped, through a canvas-sized
// layer), while a PNG at 1:1 is copied pixel for pixel — the same pixels for a fraction of the time.
import { Resvg } from '@resvg/resvg-js';

/** Keyed by size and SVG; bounded (oldest out first) because a sign's text or a link comes from briefs. */
const RASTER_MAX = 64;
const rasters = new Map<string, string>();

/** `svg` drawn `size` pixels wide, as a PNG data URI. */
export function rasterOnce(svg: string, size: number): string {
  const key = `${size}\0${svg}`;
  const hit = rasters.get(key);
  if (hit) return hit;
  const png = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'width', value: size } }).render().asPng();
  const uri = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  if (rasters.size >= RASTER_MAX) rasters.delete(rasters.keys().next().value!);
  rasters.set(key, uri);
  return uri;
}
