// 小U for the poster and invitation templates: the composed SVG as an image asset, plus the sign
// lettering's box, font size and wrap width in canvas pixels, for the template to overlay in the
// project font (the mascot SVG never holds text; see pipeline/mascot/sign.ts).
import type { MascotSpec } from '../../model.ts';
import { composeMascot, EXPRESSIONS, POSES } from '../../mascot/compose.ts';
import { fitSignText } from '../../mascot/sign.ts';
import { rasterOnce } from './raster.ts';

/** The mascot's ink: sign lettering in this colour reads as part of the drawing. */
export const MASCOT_INK = '#5A3625';

export interface MascotSign {
  text: string;
  /** the lettering box, in pixels of the drawn mascot */
  left: number;
  top: number;
  width: number;
  height: number;
  rotate: number;
  fontSize: number;
  /** width to wrap the lettering at so its lines come out balanced */
  wrapWidth: number;
  lineHeight: number;
  color: string;
}

export interface MascotDrawing {
  /** data URI of the SVG */
  uri: string;
  /** template values: `size`, `pose`, `expression` and, for a sign, `sign` */
  context: { size: number; pose: string; expression: string; sign: MascotSign | null };
}

/**
 * Composes 小U at `size` pixels. Pose and expression come from the brief (the loader checks them
 * against the mascot data); a name that is not known still fails here, loudly and by name, rather
 * than drawing a different pose.
 */
export function drawMascot(spec: MascotSpec | undefined, size: number, defaults: { pose: string; expression?: string }, where = 'brief'): MascotDrawing {
  const pose = spec?.pose ?? defaults.pose;
  const expression = spec?.expression ?? defaults.expression;
  if (!POSES.includes(pose)) throw new Error(`${where}: unknown mascot pose "${pose}"; known poses: ${POSES.join(', ')}`);
  if (expression !== undefined && !EXPRESSIONS.includes(expression)) {
    throw new Error(`${where}: unknown mascot expression "${expression}"; known expressions: ${EXPRESSIONS.join(', ')}`);
  }
  const composed = composeMascot({ pose, ...(expression ? { expression } : {}), ...(spec?.sign ? { sign: spec.sign } : {}), size });
  const scale = size / composed.viewBox;
  let sign: MascotSign | null = null;
  if (composed.signBox && composed.signText) {
    const box = composed.signBox;
    const fit = fitSignText(composed.signText, box);
    const round = (n: number) => Math.round(n * 10) / 10;
    sign = {
      text: composed.signText,
      left: round(box.x * scale),
      top: round(box.y * scale),
      width: round(box.width * scale),
      height: round(box.height * scale),
      rotate: box.rotate,
      fontSize: Math.floor(fit.fontSize * scale),
      wrapWidth: Math.ceil(fit.wrapWidth * scale) + 2,
      lineHeight: 1.25,
      color: MASCOT_INK,
    };
  }
  return {
    // drawn once as a raster and reused: resvg spends most of a poster's time on his vector paths,
    // and a poster or invitation draws the same pose for every branch
    uri: rasterOnce(composed.svg, size),
    context: { size, pose, expression: expression ?? '', sign },
  };
}
