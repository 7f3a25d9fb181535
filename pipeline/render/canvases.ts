// What each asset kind draws, as data: its canvases (size, format, template), the templates it
// fills, whether 小U's art is drawn, and which content files (photos, the avatar) it reads. No
// imports: the render kinds, the cache key and the planner all read this table, so it sits below
// them and no cycle runs through pipeline/render/kinds*.
import type { BriefFields, Kind } from '../model.ts';

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

export interface KindLayout {
  canvases: Canvas[];
  /** every template the kind fills (the canvases' and any drawn apart, like the sticker lettering) */
  templates: string[];
  /** draws 小U from templates/mascot/ */
  mascot: boolean;
  /** content files the kind reads besides the persona's avatar */
  files: (fields: BriefFields) => string[];
  /** whether the persona (name, title, avatar) appears on the image */
  persona: boolean;
}

const card = (template: string, width: number, height: number, name = ''): Canvas => ({ name, template, width, height, format: 'jpeg' });
const none = () => [];
const cardKind = (canvases: Canvas[], extra: Partial<KindLayout> = {}): KindLayout => ({
  canvases,
  templates: [...new Set(canvases.map((c) => c.template))],
  mascot: false,
  files: none,
  persona: true,
  ...extra,
});

export const KIND_LAYOUTS: Record<Kind, KindLayout> = {
  moments: cardKind([card('moments', 1080, 1080, '1x1'), card('moments', 1080, 1440, '3x4')]),
  'photo-moments': cardKind([card('photo-moments', 1080, 1440)], { files: (f) => (f.photo ? [f.photo] : []) }),
  'nine-grid': cardKind([{ ...card('nine-grid', 3240, 3240), tiles: { cols: 3, rows: 3 } }], { files: (f) => f.photos ?? [] }),
  poster: cardKind([card('poster', 1080, 1920)], { mascot: true }),
  invitation: cardKind([card('invitation', 1080, 1920)], { mascot: true }),
  'knowledge-card': cardKind([card('knowledge-card', 1080, 1440)]),
  'story-card': cardKind([card('story-card', 1080, 1440)]),
  'weekly-report': cardKind([card('weekly-report', 1080, 1440)]),
  'sticker-pack': { canvases: [], templates: ['sticker'], mascot: true, files: none, persona: false },
};

/** JPEG quality for every card and photo: WeChat recompresses uploads, so start high. */
export const JPEG_QUALITY = 90;
