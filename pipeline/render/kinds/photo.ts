// Photos from briefs, made safe to draw: decoded with a low pixel limit (a decompression bomb is
// refused, not rendered), turned upright from their EXIF orientation, faces or documents covered by
// blur regions given in the upright photo's pixels, then cropped to cover the template's frame.
// sharp drops every metadata block (EXIF, GPS, ICC comments) on output unless asked to keep it, so the
// JPEG handed to the template carries pixels only; the final image is encoded from raw pixels anyway.
import sharp, { type Metadata, type Sharp } from 'sharp';
import type { BlurRegion } from '../../model.ts';

/** Photos in briefs are phone pictures: 50 MP is generous, and far below sharp's 268 MP default. */
export const PHOTO_PIXEL_LIMIT = 50_000_000;

/** Blur strength for privacy regions: wide enough that a face becomes a soft patch of colour. */
export const BLUR_SIGMA = 30;

export interface PhotoOptions {
  /** the frame the photo covers, in output pixels */
  width: number;
  height: number;
  /** regions to blur, in the coordinates of the upright original */
  blur?: readonly BlurRegion[];
  /**
   * Where the photo's centre lands in the frame, as fractions of its width and height; @default
   * { x: 0.5, y: 0.5 }. A frame partly covered by a card below passes the centre of the part that
   * stays visible. (A centred crop, not sharp's `attention`: on a portrait meeting photo `attention`
   * kept the bright window and cut the people out.)
   */
  anchor?: { x: number; y: number };
  /** name for error messages (the brief's path of the photo) */
  name?: string;
  quality?: number;
}

export interface PreparedPhoto {
  /** JPEG, no metadata, exactly width × height */
  data: Buffer;
  uri: string;
  /** size of the upright original, before cropping */
  original: { width: number; height: number };
  /** the blur regions actually applied, clamped to the photo */
  blurred: BlurRegion[];
}

/** Clamps a region to the image; undefined when nothing of it is left. */
export function clampRegion(r: BlurRegion, width: number, height: number): BlurRegion | undefined {
  const x = Math.max(0, Math.floor(r.x));
  const y = Math.max(0, Math.floor(r.y));
  const right = Math.min(width, Math.ceil(r.x + r.width));
  const bottom = Math.min(height, Math.ceil(r.y + r.height));
  return right - x >= 1 && bottom - y >= 1 ? { x, y, width: right - x, height: bottom - y } : undefined;
}

/**
 * One blurred patch. The region is cut out with a margin of context around it so the blur has real
 * neighbours to mix with (no hard-edged box), blurred hard, then only the region itself is kept: the
 * pixels outside the region are never changed.
 */
async function blurredPatch(upright: () => Sharp, r: BlurRegion, width: number, height: number): Promise<Buffer> {
  const pad = Math.ceil(BLUR_SIGMA * 1.5);
  const ctx = clampRegion({ x: r.x - pad, y: r.y - pad, width: r.width + 2 * pad, height: r.height + 2 * pad }, width, height)!;
  // a pixelation pass first: even an inverted blur cannot bring back detail below the block size
  const block = Math.max(8, Math.round(Math.min(r.width, r.height) / 6));
  // a fresh pipeline over the same pixels: sharp's clone() would structuredClone the whole raw buffer
  const small = await upright()
    .extract({ left: ctx.x, top: ctx.y, width: ctx.width, height: ctx.height })
    .resize(Math.max(1, Math.round(ctx.width / block)), Math.max(1, Math.round(ctx.height / block)), { kernel: 'cubic' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(small.data, { raw: { width: small.info.width, height: small.info.height, channels: small.info.channels } })
    .resize(ctx.width, ctx.height, { kernel: 'cubic' })
    .blur(BLUR_SIGMA)
    .extract({ left: r.x - ctx.x, top: r.y - ctx.y, width: r.width, height: r.height })
    .png()
    .toBuffer();
}

/**
 * The window of an upright photo that covers a frame: the largest one of the frame's aspect ratio,
 * placed so the photo's centre lands at `anchor` in the frame (clamped to the photo), and the scale
 * from photo pixels to frame pixels. Exported so tests can map photo coordinates onto the output.
 */
export function coverCrop(
  photo: { width: number; height: number },
  frame: { width: number; height: number },
  anchor: { x: number; y: number } = { x: 0.5, y: 0.5 },
): { left: number; top: number; width: number; height: number; scale: number } {
  const scale = Math.max(frame.width / photo.width, frame.height / photo.height);
  const width = Math.min(photo.width, Math.round(frame.width / scale));
  const height = Math.min(photo.height, Math.round(frame.height / scale));
  const left = Math.round(Math.min(Math.max(0, photo.width / 2 - (anchor.x * frame.width) / scale), photo.width - width));
  const top = Math.round(Math.min(Math.max(0, photo.height / 2 - (anchor.y * frame.height) / scale), photo.height - height));
  return { left, top, width, height, scale };
}

export async function preparePhoto(input: Buffer, opts: PhotoOptions): Promise<PreparedPhoto> {
  const name = opts.name ?? 'photo';
  let meta: Metadata;
  try {
    // the header only: the size is checked before a single pixel is decoded
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw new Error(`${name}: not a readable image (${(e as Error).message})`);
  }
  if ((meta.width ?? 0) * (meta.height ?? 0) > PHOTO_PIXEL_LIMIT) {
    throw new Error(`${name}: ${meta.width}×${meta.height} is more than ${PHOTO_PIXEL_LIMIT / 1e6} MP; scale the photo down before adding it`);
  }
  // decode once, upright; everything after works on these pixels
  const { data, info } = await sharp(input, { limitInputPixels: PHOTO_PIXEL_LIMIT, failOn: 'error' })
    .rotate()
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true })
    .catch((e: Error) => {
      // a truncated or corrupt file passes the header check and fails here: name it, so the problem points at its line
      throw new Error(`${name}: not a readable image (${e.message.split('\n')[0]})`);
    });
  const { width, height, channels } = info;
  const raw = { raw: { width, height, channels } } as const;
  const upright = () => sharp(data, raw);

  // a region that misses the photo is a mistake (often coordinates taken from the sideways stored
  // image): refuse it rather than publish the face it was meant to hide
  const blurred = (opts.blur ?? []).map((r) => {
    const clamped = clampRegion(r, width, height);
    if (!clamped) {
      throw new Error(
        `${name}: blur region {x: ${r.x}, y: ${r.y}, width: ${r.width}, height: ${r.height}} lies outside the photo, which is ${width}×${height} upright; give blur regions in the upright photo's pixels`,
      );
    }
    return clamped;
  });
  let pixels: Buffer = data;
  if (blurred.length) {
    const patches = await Promise.all(blurred.map((r) => blurredPatch(upright, r, width, height)));
    // composite adds an alpha channel: drop it so the buffer keeps the upright photo's layout
    const merged = await sharp(data, raw)
      .composite(patches.map((p, i) => ({ input: p, left: blurred[i]!.x, top: blurred[i]!.y })))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (merged.info.channels !== channels || merged.info.width !== width || merged.info.height !== height) {
      throw new Error(`${name}: blurring changed the pixel layout (${merged.info.width}×${merged.info.height}×${merged.info.channels})`);
    }
    pixels = merged.data;
  }

  const crop = coverCrop({ width, height }, opts, opts.anchor);
  const out = await sharp(pixels, raw)
    .extract({ left: crop.left, top: crop.top, width: crop.width, height: crop.height })
    .resize(opts.width, opts.height, { fit: 'cover', position: 'centre', kernel: 'lanczos3' })
    // an intermediate image, decoded again by resvg at once: plain libjpeg is several times faster than mozjpeg
    .jpeg({ quality: opts.quality ?? 92, chromaSubsampling: '4:4:4' })
    .toBuffer();
  return { data: out, uri: `data:image/jpeg;base64,${out.toString('base64')}`, original: { width, height }, blurred };
}
