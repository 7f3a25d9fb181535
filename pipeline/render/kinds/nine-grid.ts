// The nine-grid kind (九宫格): one 3240×3240 composition that job.ts cuts into nine 1080 tiles,
// numbered row by row in posting order. Eight photos (in order, skipping the centre) each sit on
// their own card with a short caption; the centre tile carries the title and the persona. Every
// card keeps a margin from the cut lines so each tile stands alone, while a frame running round the
// whole composition ties the nine together in WeChat's 3×3 grid.
import sharp from 'sharp';
import type { PrepareInput, Prepared } from '../job.ts';
import { titleLines } from './lines.ts';
import { preparePhoto } from './photo.ts';

export const TILE = 1080;
export const GRID = 3;
/** a card's distance from every edge of its tile (cut lines included) */
export const CARD_INSET = 112;
export const CARD = TILE - 2 * CARD_INSET;
/** the white border of a photo card around its photo */
export const CARD_PAD = 24;
export const CAPTION_HEIGHT = 124;
export const PHOTO = { width: CARD - 2 * CARD_PAD, height: CARD - 2 * CARD_PAD - CAPTION_HEIGHT } as const;
/** index of the centre tile in posting order (0-based) */
export const CENTRE = 4;
/** a slight tilt per tile, so the cards read as prints laid on a table; symmetric about the centre */
const TILTS = [-1.6, 1.2, -1.0, 1.4, 0, -1.4, 1.0, -1.2, 1.6];

/** the soft shadow under each card reaches this far past the card's edges */
export const SHADOW_SPREAD = 64;

let shadowUri: Promise<string> | undefined;

/**
 * The cards' drop shadow as one pre-blurred PNG drawn under each card. A CSS box-shadow becomes an
 * SVG blur filter that resvg computes per card over the 3240×3240 canvas: nine of them took about
 * five seconds; this image takes a few milliseconds once per process.
 */
function cardShadow(): Promise<string> {
  const size = CARD + 2 * SHADOW_SPREAD;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><rect x="${SHADOW_SPREAD}" y="${SHADOW_SPREAD + 14}" width="${CARD}" height="${CARD}" rx="24" fill="rgb(80,40,20)" fill-opacity="0.2"/></svg>`;
  shadowUri ??= sharp(Buffer.from(svg))
    .blur(18)
    .png({ compressionLevel: 9 })
    .toBuffer()
    .then((png) => `data:image/png;base64,${png.toString('base64')}`);
  return shadowUri;
}

export interface GridCell {
  index: number;
  /** 1-based tile number = posting order */
  tile: number;
  left: number;
  top: number;
  rotate: number;
  centre: boolean;
  /** asset name of the photo, or null (centre, or a brief without photos) */
  photo: string | null;
  caption: string;
  field: string;
}

export async function prepareNineGrid(input: PrepareInput): Promise<Prepared> {
  const f = input.job.brief.fields as typeof input.job.brief.fields & { photos?: string[] };
  const photos = f.photos ?? [];
  const tiles = f.tiles ?? [];
  const assets: Record<string, string> = { 'card-shadow': await cardShadow() };
  const cells: GridCell[] = [];
  const prepared = await Promise.all(
    photos.map(async (rel) => preparePhoto(await input.readContentFile(rel), { ...PHOTO, name: rel })),
  );
  for (let i = 0; i < GRID * GRID; i++) {
    const centre = i === CENTRE;
    // photos are listed in posting order skipping the centre: tile i shows photo i, or i - 1 after it
    const p = centre ? undefined : prepared[i < CENTRE ? i : i - 1];
    const name = p ? `grid-${i + 1}` : null;
    if (p && name) assets[name] = p.uri;
    cells.push({
      index: i,
      tile: i + 1,
      left: (i % GRID) * TILE + CARD_INSET,
      top: Math.floor(i / GRID) * TILE + CARD_INSET,
      rotate: TILTS[i] ?? 0,
      centre,
      photo: name,
      caption: tiles[i] ?? '',
      field: `tiles.${i}`,
    });
  }
  return {
    assets,
    context: {
      grid: { tile: TILE, card: CARD, pad: CARD_PAD, captionHeight: CAPTION_HEIGHT, photo: PHOTO, cells, shadow: { spread: SHADOW_SPREAD, size: CARD + 2 * SHADOW_SPREAD } },
      titleLines: titleLines(input.job.brief.fields.title),
      centreCaption: tiles[CENTRE] ?? '',
    },
  };
}
