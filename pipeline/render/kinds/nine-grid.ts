// The nine-grid kind (九宫格): one 3240×3240 composition that job.ts cuts into nine 1080 tiles,
// numbered row by row in posting order. Eight photos (in order, skipping the centre) each sit on
// their own card with a short caption; the centre tile carries the title and the persona. Every
// card keeps a margin from the cut lines so each tile stands alone, while a frame running round the
// whole composition ties the nine together in WeChat's 3×3 grid.
import { brandOf } from '../context.ts';
import type { PrepareInput, Prepared } from '../job.ts';
import { tints } from './colour.ts';
import { softShadow } from './shadow.ts';
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

/**
 * The cards' drop shadow: translucent rounded rectangles under each card, turned with it, as plain
 * fills. (A CSS box-shadow is an SVG blur filter: nine took resvg about five seconds on the 3240
 * canvas; a pre-blurred PNG per card still cost 600 ms of rotated resampling.)
 */
function cardShadow() {
  return softShadow({ radius: 24, spread: 30, offsetY: 14, strength: 0.18, steps: 6 }).map((l) => ({
    dx: l.inset,
    dy: l.top,
    width: CARD - 2 * l.inset,
    height: CARD - l.top - l.bottom,
    radius: l.radius,
    color: l.color,
  }));
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
  /** the caption goes under the photo (or the centre's title block); a tile without a photo shows it large instead */
  captionBelow: boolean;
  field: string;
}

export async function prepareNineGrid(input: PrepareInput): Promise<Prepared> {
  const f = input.job.brief.fields;
  const photos = f.photos ?? [];
  const tiles = f.tiles ?? [];
  const assets: Record<string, string> = {};
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
      captionBelow: !!tiles[i] && (centre || name !== null),
      field: `tiles.${i}`,
    });
  }
  return {
    assets,
    context: {
      tint: tints(brandOf(input.branch)),
      grid: { tile: TILE, card: CARD, pad: CARD_PAD, captionHeight: CAPTION_HEIGHT, photo: PHOTO, cells, shadow: cardShadow() },
      titleLines: titleLines(input.job.brief.fields.title),
      centreCaption: tiles[CENTRE] ?? '',
    },
  };
}
