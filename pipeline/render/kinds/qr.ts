// QR codes for sign-up links: an SVG from the `qrcode` package, black on white, one module of quiet
// zone inside the image (the template's white card adds more), drawn at a whole number of pixels per
// module so every module edge falls on a pixel edge.
import QRCode from 'qrcode';
import { rasterOnce } from './raster.ts';

export interface QrImage {
  svg: string;
  /** the SVG drawn at `size` as a PNG: modules on whole pixels, so the same pixels resvg would draw from the SVG */
  uri: string;
  /** modules per side, quiet zone included */
  modules: number;
  /** drawn size in pixels: a multiple of `modules`, at least `minSize` */
  size: number;
}

/** The exact SVG drawn for `link`: tests regenerate it to prove the poster encodes the brief's link. */
export async function qrSvg(link: string): Promise<string> {
  return QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
}

export async function qrImage(link: string, minSize = 240, target = 280): Promise<QrImage> {
  const svg = await qrSvg(link);
  const modules = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  if (!Number.isInteger(modules) || modules <= 0) throw new Error(`qrcode returned an SVG without a viewBox for ${link}`);
  const perModule = Math.max(Math.ceil(minSize / modules), Math.floor(target / modules));
  const size = modules * perModule;
  return { svg, uri: rasterOnce(svg, size), modules, size };
}
