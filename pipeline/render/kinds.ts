// One place for every asset kind's outputs: sizes, formats and the template that draws them.
// A kind is data (its canvases) plus, where needed, a `prepare` step in pipeline/render/kinds/
// that makes its images (photo, QR code, chart, mascot) and extra template values, or a
// `renderAll` step for kinds whose outputs are not one canvas each (sticker packs).
import type { Kind } from '../model.ts';
import type { PrepareInput, Prepared, RenderedJob } from './job.ts';
import { preparePhotoMoments } from './kinds/photo-moments.ts';
import { prepareNineGrid } from './kinds/nine-grid.ts';
import { preparePoster } from './kinds/poster.ts';
import { prepareInvitation } from './kinds/invitation.ts';
import { prepareWeeklyReport } from './kinds/weekly-report.ts';
import { renderStickerPack } from './kinds/sticker-pack.ts';

export interface Canvas {
  /** the file name suffix, e.g. `1x1`, `3x4`; empty for a kind's only output */
  name: string;
  template: string;
  width: number;
  height: number;
  format: 'jpeg' | 'png';
  /** cut the rendered composition into a grid of equal tiles, numbered in posting order (nine-grid) */
  tiles?: { cols: number; rows: number };
}

export interface KindSpec {
  canvases: Canvas[];
  prepare?: (input: PrepareInput) => Promise<Prepared>;
  /** for kinds whose outputs are not one file per canvas */
  renderAll?: (input: PrepareInput & { warning: string }) => Promise<RenderedJob>;
}

const card = (template: string, width: number, height: number, name = ''): Canvas => ({ name, template, width, height, format: 'jpeg' });

export const KIND_SPECS: Record<Kind, KindSpec> = {
  moments: { canvases: [card('moments', 1080, 1080, '1x1'), card('moments', 1080, 1440, '3x4')] },
  'photo-moments': { canvases: [card('photo-moments', 1080, 1440)], prepare: preparePhotoMoments },
  'nine-grid': { canvases: [{ ...card('nine-grid', 3240, 3240), tiles: { cols: 3, rows: 3 } }], prepare: prepareNineGrid },
  poster: { canvases: [card('poster', 1080, 1920)], prepare: preparePoster },
  invitation: { canvases: [card('invitation', 1080, 1920)], prepare: prepareInvitation },
  'knowledge-card': { canvases: [card('knowledge-card', 1080, 1440)] },
  'story-card': { canvases: [card('story-card', 1080, 1440)] },
  'weekly-report': { canvases: [card('weekly-report', 1080, 1440)], prepare: prepareWeeklyReport },
  'sticker-pack': { canvases: [], renderAll: renderStickerPack },
};

/** JPEG quality for every card and photo: WeChat recompresses uploads, so start high. */
export const JPEG_QUALITY = 90;
