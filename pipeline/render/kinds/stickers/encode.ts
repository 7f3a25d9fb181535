// Encoding stickers with sharp: PNG stills and thumbnails keep full alpha; animations go out as GIF
// (hard-edged matte, one transparent entry) and WebP (full alpha), frames stacked in one raw image
// with `pageHeight`, one delay per frame.
import sharp from 'sharp';
import { hardMatte } from './pixels.ts';

export const THUMB_SIZE = 120;

const raw = (width: number, height: number) => ({ raw: { width, height, channels: 4 as const } });

export async function encodePng(pixels: Buffer, size: number): Promise<Buffer> {
  return sharp(pixels, raw(size, size)).png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer();
}

/** The 120×120 thumbnail; sharp resizes with premultiplied alpha, so edges do not darken. */
export async function encodeThumb(pixels: Buffer, size: number): Promise<Buffer> {
  return sharp(pixels, raw(size, size)).resize(THUMB_SIZE, THUMB_SIZE, { kernel: 'lanczos3' }).png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer();
}

export interface Animation {
  gif: Buffer;
  webp: Buffer;
}

export async function encodeAnimation(frames: Buffer[], delays: number[], size: number): Promise<Animation> {
  if (frames.length !== delays.length) throw new Error(`${frames.length} frames but ${delays.length} delays`);
  const pages = frames.length;
  const input = (data: Buffer) => sharp(data, { raw: { width: size, height: size * pages, channels: 4, pageHeight: size } });
  const [gif, webp] = await Promise.all([
    input(Buffer.concat(frames.map((f) => hardMatte(f))))
      .gif({ delay: delays, loop: 0, dither: 0, effort: 7, interFrameMaxError: 0, keepDuplicateFrames: true })
      .toBuffer(),
    input(Buffer.concat(frames)).webp({ delay: delays, loop: 0, quality: 88, alphaQuality: 100, effort: 5, smartSubsample: true }).toBuffer(),
  ]);
  return { gif, webp };
}
