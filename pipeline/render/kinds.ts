// One place for every asset kind's outputs: sizes, formats and the template that draws them.
// A kind is data (its canvases) plus, where needed, a `prepare` step in pipeline/render/kinds/
// that makes its images (photo, QR code, chart, mascot) and extra template values, or a
// `renderAll` step for kinds whose outputs are not one canvas each (sticker packs).
import type { Kind } from '../model.ts';
import { KIND_LAYOUTS, type Canvas } from './canvases.ts';
import type { PrepareInput, Prepared, RenderedJob } from './job.ts';
import { preparePhotoMoments } from './kinds/photo-moments.ts';
import { prepareNineGrid } from './kinds/nine-grid.ts';
import { preparePoster } from './kinds/poster.ts';
import { prepareInvitation } from './kinds/invitation.ts';
import { prepareWeeklyReport } from './kinds/weekly-report.ts';
import { renderStickerPack } from './kinds/sticker-pack.ts';

export interface KindSpec {
  canvases: Canvas[];
  prepare?: (input: PrepareInput) => Promise<Prepared>;
  /** for kinds whose outputs are not one file per canvas */
  renderAll?: (input: PrepareInput & { warning: string }) => Promise<RenderedJob>;
}

export type { Canvas } from './canvases.ts';
export { JPEG_QUALITY } from './canvases.ts';

export const KIND_SPECS: Record<Kind, KindSpec> = {
  moments: { canvases: KIND_LAYOUTS.moments.canvases },
  'photo-moments': { canvases: KIND_LAYOUTS['photo-moments'].canvases, prepare: preparePhotoMoments },
  'nine-grid': { canvases: KIND_LAYOUTS['nine-grid'].canvases, prepare: prepareNineGrid },
  poster: { canvases: KIND_LAYOUTS.poster.canvases, prepare: preparePoster },
  invitation: { canvases: KIND_LAYOUTS.invitation.canvases, prepare: prepareInvitation },
  'knowledge-card': { canvases: KIND_LAYOUTS['knowledge-card'].canvases },
  'story-card': { canvases: KIND_LAYOUTS['story-card'].canvases },
  'weekly-report': { canvases: KIND_LAYOUTS['weekly-report'].canvases, prepare: prepareWeeklyReport },
  'sticker-pack': { canvases: [], renderAll: renderStickerPack },
};
