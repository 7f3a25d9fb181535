// The render stage for one job: prepare the kind's images, draw each canvas, cut tiles, encode.
import sharp from 'sharp';
import type { Bank, Branch, Job } from '../model.ts';
import { encode, fillTemplate, isOpaque, jpegOf, rawInput, render, type Overflow, type Rendered } from './engine.ts';
import { templateContext } from './context.ts';
import { dataUri } from './data-uri.ts';
import { JPEG_QUALITY, KIND_SPECS, type Canvas } from './kinds.ts';

export interface PrepareInput {
  job: Job;
  branch: Branch;
  bank: Bank;
  /** reads a file of the content folder (photos, avatars); the only disk access a kind gets */
  readContentFile: (rel: string) => Promise<Buffer>;
}

export interface Prepared {
  /** images by name, as data URIs: templates draw them with `<img src="asset:NAME">` */
  assets?: Record<string, string>;
  /** extra template values (chart geometry, event lines, …) */
  context?: Record<string, unknown>;
}

export interface OutputFile {
  /** suffix that tells the files of one job apart: `1x1`, `3x4`, `tile-3`, `zao-an`, … ('' for a single file) */
  name: string;
  data: Buffer;
  width: number;
  height: number;
  format: 'jpeg' | 'png' | 'gif' | 'webp';
}

export interface RenderedJob {
  files: OutputFile[];
  /** every canvas as drawn (nodes and pixels), for the visual checks */
  renders: { canvas: Canvas; rendered: Rendered }[];
  overflows: Overflow[];
}


/**
 * Avatars by persona file hash: every job of a persona draws the same badge, so each avatar is
 * decoded and resized once per process. Bounded by the number of personas in the content folder.
 */
const avatars = new Map<string, Promise<string>>();

/** The persona's avatar as a small JPEG for the badge; EXIF and all metadata dropped by sharp. */
async function avatarAsset(input: PrepareInput): Promise<Record<string, string>> {
  const { avatar: path, hash } = input.job.persona;
  if (!path) return {};
  const key = `${hash}:${path}`;
  let uri = avatars.get(key);
  if (!uri) {
    uri = input
      .readContentFile(path)
      .then((file) => sharp(file, { limitInputPixels: 40_000_000 }).rotate().resize(264, 264, { fit: 'cover', position: 'attention' }).jpeg({ quality: 88 }).toBuffer())
      .then((data) => dataUri('image/jpeg', data));
    uri.catch(() => avatars.delete(key));
    avatars.set(key, uri);
  }
  return { avatar: await uri };
}

/** A kind's canvases as filled HTML with the images they draw (benchmarks, previews); not for kinds drawn apart (sticker packs). */
export async function filledCanvases(input: PrepareInput & { warning: string }): Promise<{ canvas: Canvas; html: string; assets: Record<string, string>; context: Record<string, unknown> }[]> {
  const spec = KIND_SPECS[input.job.brief.fields.kind];
  if (spec.renderAll) return [];
  const prepared = (await spec.prepare?.(input)) ?? {};
  const assets = { ...(await avatarAsset(input)), ...prepared.assets };
  const context = templateContext(input.job, input.branch, input.bank, input.warning, prepared.context);
  return spec.canvases.map((canvas) => {
    const filled = { ...context, canvas: { width: canvas.width, height: canvas.height } };
    return { canvas, html: fillTemplate(canvas.template, filled), assets, context: filled };
  });
}

export async function renderJob(input: PrepareInput & { warning: string }): Promise<RenderedJob> {
  const spec = KIND_SPECS[input.job.brief.fields.kind];
  if (spec.renderAll) return spec.renderAll(input);
  const prepared = (await spec.prepare?.(input)) ?? {};
  const assets = { ...(await avatarAsset(input)), ...prepared.assets };
  const context = templateContext(input.job, input.branch, input.bank, input.warning, prepared.context);

  const result: RenderedJob = { files: [], renders: [], overflows: [] };
  for (const canvas of spec.canvases) {
    const rendered = await render({ template: canvas.template, width: canvas.width, height: canvas.height, context, assets });
    result.renders.push({ canvas, rendered });
    result.overflows.push(...rendered.overflows.filter((o) => !result.overflows.some((p) => p.field === o.field)));
    const opts = { format: canvas.format, quality: JPEG_QUALITY } as const;
    if (!canvas.tiles) {
      result.files.push({ name: canvas.name, data: await encode(rendered, opts), width: rendered.width, height: rendered.height, format: canvas.format });
      continue;
    }
    const { cols, rows } = canvas.tiles;
    const w = rendered.width / cols;
    const h = rendered.height / rows;
    const opaque = rendered.opaque ?? isOpaque(rendered.pixels);
    for (let i = 0; i < cols * rows; i++) {
      // a fresh pipeline over the same pixels per tile: sharp's clone() structuredClones its input (6 MB a tile)
      const tile = sharp(rendered.pixels, rawInput(rendered, opaque)).extract({ left: (i % cols) * w, top: Math.floor(i / cols) * h, width: w, height: h });
      const data = canvas.format === 'png' ? await tile.png().toBuffer() : await jpegOf(tile, opaque, JPEG_QUALITY).toBuffer();
      result.files.push({ name: `tile-${i + 1}`, data, width: w, height: h, format: canvas.format });
    }
  }
  return result;
}
