// Drawing sticker frames. The art (小U and its drawings, art.ts) goes straight through resvg; the
// lettering goes through the render engine (templates/sticker.hbs: fitting, nodes, overflows) and
// gets its ink outline in pixels, once per distinct lettering tilt, since most animations move
// 小U and not the words. The two layers are stacked and given the white die-cut edge (pixels.ts).
//
// The outline is grown from the letters' pixels rather than drawn with satori's WebkitTextStroke:
// a stroke is centred on the glyph edge and painted over the fill, so it eats into the letters,
// and drawing the text twice (stroked copy behind) makes every check and overflow see it twice.
//
// (An <img> of the art inside the template costs satori about 30 ms a frame even for a tiny SVG;
// drawing it apart costs about 5.)
import { Resvg } from '@resvg/resvg-js';
import { render, type DrawnNode, type Rendered } from '../../engine.ts';
import type { MascotFrame } from '../../../mascot/compose.ts';
import { INK, STICKER_SIZE, stickerArt, type Layout } from './art.ts';
import type { Look } from './looks.ts';
import { finishSticker, withBorder, type Layer } from './pixels.ts';

export const TEMPLATE = 'sticker';
/** width of the white die-cut edge, px at 240 */
export const BORDER = 4.5;
/** width of the ink outline around big lettering, px (小U's own outline is about 3.7 px at 240) */
export const OUTLINE = 3;
const INK_RGB = [1, 3, 5].map((i) => Number.parseInt(INK.slice(i, i + 2), 16)) as [number, number, number];

export interface StickerSpec {
  look: Look;
  layout: Layout;
  /** the lettering, one entry per line (a phrase is one line; the weather line is split in two) */
  lines: string[];
  /** the brief field the lettering comes from (`stickers.0`, `weather`), for the checks */
  field: string;
  /** lettering fill colour */
  color: string;
}

export interface FrameOptions {
  frame?: MascotFrame;
  phase?: number;
  confetti?: boolean;
  pulse?: number;
  /** extra lettering tilt for this frame, degrees */
  tilt?: number;
}

/** Rendered frames are straight (non-premultiplied) RGBA with the die-cut edge. */
export type DrawFrame = (opts?: FrameOptions) => Promise<Rendered>;

export function stickerDrawer(spec: StickerSpec): DrawFrame {
  const letterings = new Map<string, Promise<{ rendered: Rendered; layer: Layer }>>();
  const box = spec.layout.lettering;
  // small text reads better as clean colour on the white edge than with an ink outline
  const small = box.max <= 36;

  const lettering = (tilt: number): Promise<{ rendered: Rendered; layer: Layer }> => {
    const key = String(tilt);
    let pending = letterings.get(key);
    if (pending === undefined) {
      pending = render({
        template: TEMPLATE,
        width: STICKER_SIZE,
        height: STICKER_SIZE,
        context: {
          lettering: {
            ...box,
            rotate: box.rotate + tilt,
            field: spec.field,
            lines: spec.lines,
            color: spec.color,
            lineHeight: small ? 1.25 : 1.12,
            tracking: small ? 0 : 1,
          },
        },
      }).then((rendered) => ({
        rendered,
        layer: small ? rendered.pixels : withBorder(rendered.pixels, rendered.width, rendered.height, OUTLINE, INK_RGB),
      }));
      letterings.set(key, pending);
    }
    return pending;
  };

  const m = spec.layout.mascot;
  const mascotNode: DrawnNode = { left: m.x, top: m.y, width: m.size, height: m.size, role: 'mascot', style: {} };

  return async (opts = {}) => {
    const text = await lettering(opts.tilt ?? 0);
    const svg = stickerArt({
      look: spec.look,
      layout: spec.layout,
      ...(opts.frame ? { frame: opts.frame } : {}),
      ...(opts.phase !== undefined ? { phase: opts.phase } : {}),
      ...(opts.confetti ? { confetti: true } : {}),
      ...(opts.pulse !== undefined ? { pulse: opts.pulse } : {}),
    });
    const art = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render();
    if (art.width !== STICKER_SIZE || art.height !== STICKER_SIZE) throw new Error(`sticker art came out ${art.width}×${art.height}`);
    const pixels = finishSticker([art.pixels, text.layer], STICKER_SIZE, STICKER_SIZE, BORDER);
    return { ...text.rendered, pixels, nodes: [mascotNode, ...text.rendered.nodes] };
  };
}

export async function drawSticker(spec: StickerSpec, opts: FrameOptions = {}): Promise<Rendered> {
  return stickerDrawer(spec)(opts);
}
