// Lettering for 小U's sign board. The mascot SVG never holds text (resvg would need fonts, and text
// from a brief must not be spliced into markup); the renderer overlays this element, laid out by
// satori in the project's CJK font, on the sign box that composeMascot returns.

import type { SignBox } from './compose.ts';

/** A satori element: what satori accepts in place of a React element. */
export interface SatoriElement {
  type: string;
  props: { style?: Record<string, string | number>; lang?: string; children?: SatoriElement | SatoriElement[] | string };
}

export interface SignLetteringOptions {
  /** pixels per viewBox unit, i.e. rendered size / 512 */
  scale: number;
  /** the font family name given to satori */
  fontFamily: string;
  /** @default '#5A3625' (the mascot's ink) */
  color?: string;
  /** the canvas the overlay covers, in pixels; @default 512 × scale */
  canvas?: number;
}

const LINE_HEIGHT = 1.25;
const MAX_LINES = 3;

/** Advance of one character in em: full width for CJK and full-width forms, about 0.6 for the rest. */
function advance(ch: string): number {
  return /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 1 : 0.6;
}

/**
 * The largest font size (in the box's units) at which `text` fits `box` on one to three balanced
 * lines, and the width (same units) to wrap it at so the lines come out balanced: 理财小白 / 入门指南
 * rather than 理财小白入门 / 指南. Half an em of slack per line absorbs punctuation that may not
 * start a line.
 */
export function fitSignText(text: string, box: { width: number; height: number }): { fontSize: number; lines: number; wrapWidth: number } {
  const ems = [...text].reduce((sum, ch) => sum + advance(ch), 0);
  let best = { fontSize: 0, lines: 1, perLine: ems };
  for (let lines = 1; lines <= MAX_LINES; lines++) {
    const perLine = lines === 1 ? ems + 0.2 : Math.ceil(ems / lines) + 0.5;
    const fontSize = Math.min(box.height / (lines * LINE_HEIGHT), (box.width * 0.96) / Math.max(1, perLine));
    if (fontSize > best.fontSize * 1.02) best = { fontSize, lines, perLine };
  }
  const fontSize = Math.floor(best.fontSize * 10) / 10;
  return { fontSize, lines: best.lines, wrapWidth: Math.min(box.width, best.perLine * fontSize) };
}

/** A full-canvas, transparent satori element with `text` centred in the sign box. */
export function signLettering(text: string, box: SignBox, opts: SignLetteringOptions): SatoriElement {
  const { scale } = opts;
  const { fontSize, wrapWidth } = fitSignText(text, box);
  const canvas = opts.canvas ?? Math.round(512 * scale);
  return {
    type: 'div',
    props: {
      lang: 'zh-CN',
      style: { display: 'flex', position: 'relative', width: canvas, height: canvas },
      children: {
        type: 'div',
        props: {
          style: {
            position: 'absolute',
            left: box.x * scale,
            top: box.y * scale,
            width: box.width * scale,
            height: box.height * scale,
            boxSizing: 'border-box',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            transform: `rotate(${box.rotate}deg)`,
          },
          children: {
            type: 'div',
            props: {
              style: {
                width: wrapWidth * scale,
                textAlign: 'center',
                wordBreak: 'normal',
                fontFamily: opts.fontFamily,
                fontWeight: 700,
                fontSize: fontSize * scale,
                lineHeight: LINE_HEIGHT,
                color: opts.color ?? '#5A3625',
              },
              children: text,
            },
          },
        },
      },
    },
  };
}
