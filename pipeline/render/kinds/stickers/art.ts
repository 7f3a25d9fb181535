// The picture part of a sticker: 小U (composed by the mascot composer, never redrawn here) placed on
// the 240×240 canvas, plus the few small drawings a phrase adds around it (a moon for 晚安, a heart
// on the board for 谢谢, an umbrella and rain for the weather sticker, fluttering confetti for
// the cheer animation). Drawn in 小U's style: ink #5A3625 outlines with round joins, the mascot's palette.
// The lettering is not part of this SVG: the sticker template lays it out in the project's font.
import { composeMascot } from '../../../mascot/compose.ts';
import type { MascotFrame } from '../../../mascot/compose.ts';
import type { Decor, Look } from './looks.ts';

export const STICKER_SIZE = 240;
export const INK = '#5A3625';

/** Where 小U's 512-unit box goes on the canvas, in pixels. */
export interface Placement {
  x: number;
  y: number;
  size: number;
}

/** Where the lettering goes, in pixels. */
export interface LetteringBox {
  left: number;
  top: number;
  width: number;
  height: number;
  /** a slight tilt makes it read as hand-lettered */
  rotate: number;
  /** font-size range for the fitting (px) */
  min: number;
  max: number;
}

export interface Layout {
  mascot: Placement;
  lettering: LetteringBox;
}

/**
 * 小U above, the phrase across the legs: the face (y < 316 of 512) stays clear of the lettering.
 * A sign board sits lower on the body, so 小U is drawn a little smaller there; the weather sticker
 * leaves room for the umbrella above and two lines of text below.
 */
export function layoutFor(look: Look, lines: 1 | 2 = 1): Layout {
  if (look.decor?.includes('umbrella')) {
    return {
      mascot: { x: 45, y: 42, size: 150 },
      lettering: { left: 4, top: 168, width: 232, height: 70, rotate: 0, min: 18, max: 28 },
    };
  }
  if (look.pose === 'sign') {
    return {
      mascot: { x: 30, y: -4, size: 180 },
      lettering: { left: 4, top: 150, width: 232, height: 88, rotate: -4, min: 26, max: 64 },
    };
  }
  return {
    mascot: { x: 22, y: -2, size: 196 },
    lettering: { left: 4, top: lines === 1 ? 148 : 140, width: 232, height: lines === 1 ? 90 : 98, rotate: -4, min: 26, max: 66 },
  };
}

export interface ArtOptions {
  look: Look;
  layout: Layout;
  /** the animation frame; merged over the look's own still frame */
  frame?: MascotFrame;
  /** 0…1 through an animation's cycle, for drawings that move on their own (confetti, rain) */
  phase?: number;
  /** confetti fluttering around 小U (cheer animation) */
  confetti?: boolean;
  /** size of the mark on a sign board, 1 = as drawn (the heart beats in the blink animation) */
  pulse?: number;
}

const num = (v: number): string => String(Math.round(v * 100) / 100);

/** The mascot SVG's content without its outer <svg> element, to be placed with a transform. */
function innerSvg(svg: string): string {
  const open = svg.indexOf('>');
  const close = svg.lastIndexOf('</svg>');
  return svg.slice(open + 1, close);
}

export function stickerArt(opts: ArtOptions): string {
  const { look, layout } = opts;
  const frame: MascotFrame = { ...look.frame, ...opts.frame };
  const composed = composeMascot({ pose: look.pose, expression: look.expression, frame });
  const { x, y, size } = layout.mascot;
  const s = size / composed.viewBox;
  const decor = new Set<Decor>(look.decor ?? []);
  const phase = opts.phase ?? 0;

  const behind: string[] = [];
  const front: string[] = [];
  if (decor.has('umbrella')) behind.push(umbrella(layout.mascot, frame));
  if (decor.has('rain')) behind.push(rain(phase));
  if (decor.has('moon')) front.push(moon());
  if (composed.signBox !== null) {
    const b = composed.signBox;
    const box = { x: x + b.x * s, y: y + b.y * s, width: b.width * s, height: b.height * s, rotate: b.rotate };
    const pulse = opts.pulse ?? 1;
    if (decor.has('heart-board')) front.push(onBoard(box, heartMark(box.height * 0.8 * pulse)));
    if (decor.has('check-board')) front.push(onBoard(box, checkMark(box.height * 0.78 * pulse)));
  }
  if (opts.confetti) front.push(flutteringConfetti(phase));

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${STICKER_SIZE}" height="${STICKER_SIZE}" viewBox="0 0 ${STICKER_SIZE} ${STICKER_SIZE}">` +
    DEFS +
    behind.join('') +
    `<g transform="translate(${num(x)} ${num(y)}) scale(${Math.round(s * 1e6) / 1e6})">${innerSvg(composed.svg)}</g>` +
    front.join('') +
    `</svg>`
  );
}

const DEFS =
  '<defs>' +
  '<linearGradient id="stk-coral" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#F25A4D"/><stop offset="1" stop-color="#D8392F"/></linearGradient>' +
  '<radialGradient id="stk-gold" cx="0.38" cy="0.32" r="0.75"><stop offset="0" stop-color="#FFE792"/><stop offset="0.6" stop-color="#F9C443"/><stop offset="1" stop-color="#EBA324"/></radialGradient>' +
  '<linearGradient id="stk-rain" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9FD3FA"/><stop offset="1" stop-color="#5AA8E6"/></linearGradient>' +
  '</defs>';

// ---------------------------------------------------------------------------------------------
// The drawings. Coordinates are canvas pixels (240 wide); outlines 2.5–3 px ≈ the mascot's 8 units.

function onBoard(box: { x: number; y: number; width: number; height: number; rotate: number }, mark: string): string {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return `<g transform="translate(${num(cx)} ${num(cy)}) rotate(${num(box.rotate)})">${mark}</g>`;
}

/** A plump heart centred on (0, 0), `h` pixels tall. */
function heartMark(h: number): string {
  const k = h / 36;
  return (
    `<g transform="scale(${num(k)})">` +
    `<path d="M0 16C-26 2-25-18-12-19C-5-19.5 0-14 0-9C0-14 5-19.5 12-19C25-18 26 2 0 16Z" fill="url(#stk-coral)" stroke="${INK}" stroke-width="${num(2.6 / k)}" stroke-linejoin="round"/>` +
    `<path d="M-13-12Q-18-9-17-3" fill="none" stroke="#FF9A8E" stroke-width="${num(2.4 / k)}" stroke-linecap="round"/>` +
    `</g>`
  );
}

/** A fat green tick centred on (0, 0), `h` pixels tall. */
function checkMark(h: number): string {
  const k = h / 30;
  const d = 'M-14 0L-4 10L15-11';
  return (
    `<g transform="scale(${num(k)})" fill="none" stroke-linecap="round" stroke-linejoin="round">` +
    `<path d="${d}" stroke="${INK}" stroke-width="${num(6.2 + 5 / k)}"/>` +
    `<path d="${d}" stroke="#3FAE7A" stroke-width="6.2"/>` +
    `</g>`
  );
}

/** A gold crescent moon, two stars and a sleepy "z z" above 小U's left shoulder. */
function moon(): string {
  const star = (cx: number, cy: number, r: number): string => {
    const i = r * 0.36;
    return `<path d="M${num(cx)} ${num(cy - r)}L${num(cx + i)} ${num(cy - i)}L${num(cx + r)} ${num(cy)}L${num(cx + i)} ${num(cy + i)}L${num(cx)} ${num(cy + r)}L${num(cx - i)} ${num(cy + i)}L${num(cx - r)} ${num(cy)}L${num(cx - i)} ${num(cy - i)}Z" fill="#F7B733" stroke="${INK}" stroke-width="1.8" stroke-linejoin="round"/>`;
  };
  const z = (x: number, y: number, w: number): string =>
    `<path d="M${num(x)} ${num(y)}H${num(x + w)}L${num(x)} ${num(y + w)}H${num(x + w)}" fill="none" stroke="${INK}" stroke-width="${num(Math.max(2.2, w / 4.2))}" stroke-linecap="round" stroke-linejoin="round"/>`;
  return (
    // crescent: the outer circle (r 19) minus a circle shifted up and right
    `<path d="M36.5 20.6A19 19 0 1 0 51.4 47.8A15.5 15.5 0 0 1 36.5 20.6Z" fill="url(#stk-gold)" stroke="${INK}" stroke-width="2.8" stroke-linejoin="round"/>` +
    `<path d="M27 30Q22 37 24 46" fill="none" stroke="#FFF3C4" stroke-width="2.4" stroke-linecap="round"/>` +
    star(12, 16, 5.5) +
    star(58, 14, 4) +
    z(184, 52, 9) +
    z(198, 31, 12) +
    z(213, 7, 15)
  );
}

/** Blue raindrops falling behind 小U; `phase` moves them down one cycle. */
function rain(phase: number): string {
  const drops: [number, number, number][] = [
    [16, 34, 1], [40, 92, 0.8], [20, 140, 0.9], [212, 118, 1], [226, 168, 0.8], [200, 58, 0.7], [6, 88, 0.7], [232, 82, 0.75],
  ];
  return drops
    .map(([x, y, k]) => {
      const yy = ((y + phase * 60) % 190) + 4;
      return `<path transform="translate(${num(x)} ${num(yy)}) scale(${num(k)})" d="M0-9C3-4 6 0 6 3.5A6 6 0 0 1-6 3.5C-6 0-3-4 0-9Z" fill="url(#stk-rain)" stroke="${INK}" stroke-width="2.2" stroke-linejoin="round"/>`;
    })
    .join('');
}

/**
 * A coral-and-gold umbrella held in the waving hand (the wave arm's hand is at (408, 248) of 512),
 * leaning over 小U's head. Drawn behind the mascot so the hand closes over the shaft.
 */
function umbrella(p: Placement, frame: MascotFrame): string {
  const s = p.size / 512;
  const dy = (frame.dy ?? 0) * s;
  const hx = p.x + 408 * s;
  const hy = p.y + 248 * s + dy;
  // canopy centre above the head, tilted towards the hand
  const cx = p.x + 360 * s;
  const cy = p.y + 5 + dy;
  const angle = (Math.atan2(cx - hx, hy - cy) * 180) / Math.PI; // lean of the shaft, degrees
  const R = 70;
  const H = 42;
  const scallops = 4;
  const w = (2 * R) / scallops;
  // the dome from the left tip to the right one, then back along a scalloped rim
  let canopy = `M${-R} 0C${-R} ${-H * 1.3} ${R} ${-H * 1.3} ${R} 0`;
  for (let i = 0; i < scallops; i++) canopy += `Q${num(R - w * i - w / 2)} -9 ${num(R - w * (i + 1))} 0`;
  canopy += 'Z';
  const ribs = [-w, 0, w].map((rx) => `<path d="M0 ${-H + 6}Q${num(rx * 0.55)} ${-H * 0.5} ${num(rx)} -4" fill="none" stroke="#B8322A" stroke-width="2" stroke-linecap="round"/>`);
  const stripe = `<path d="M${-w} -2Q${-w * 0.6} ${-H * 0.62} 0 ${-H + 4}Q${w * 0.6} ${-H * 0.62} ${w} -2Q${w / 2} -9 0 -2Q${-w / 2} -9 ${-w} -2Z" fill="url(#stk-gold)"/>`;
  const len = Math.hypot(hx - cx, hy - cy);
  return (
    `<g transform="translate(${num(cx)} ${num(cy)}) rotate(${num(angle)})">` +
    // shaft, from the canopy down through the hand, with a hooked handle below it
    `<path d="M0 -6V${num(len + 10)}Q0 ${num(len + 20)} -8 ${num(len + 20)}Q-15 ${num(len + 20)} -15 ${num(len + 13)}" fill="none" stroke="${INK}" stroke-width="6.5" stroke-linecap="round"/>` +
    `<path d="M0 -6V${num(len + 10)}Q0 ${num(len + 20)} -8 ${num(len + 20)}Q-15 ${num(len + 20)} -15 ${num(len + 13)}" fill="none" stroke="#8A5A3C" stroke-width="2.5" stroke-linecap="round"/>` +
    `<path d="${canopy}" fill="url(#stk-coral)"/>` +
    stripe +
    ribs.join('') +
    `<path d="${canopy}" fill="none" stroke="${INK}" stroke-width="3" stroke-linejoin="round"/>` +
    `<path d="M${num(-R * 0.62)} ${num(-H * 0.55)}Q${num(-R * 0.45)} ${num(-H * 0.85)} ${num(-R * 0.18)} ${num(-H * 0.95)}" fill="none" stroke="#FF9A8E" stroke-width="3" stroke-linecap="round"/>` +
    `<circle cx="0" cy="${num(-H * 0.98)}" r="4" fill="url(#stk-gold)" stroke="${INK}" stroke-width="2.2"/>` +
    `</g>`
  );
}

/**
 * Confetti pieces fluttering around 小U: each bobs, sways and spins through one full turn per
 * cycle, so the loop is seamless (`phase` 0…1). Kept off the face and inside the canvas.
 */
function flutteringConfetti(phase: number): string {
  const colours = ['#F7B733', '#E8473E', '#5CC6A7', '#6BB5EE', '#FF9EB5'];
  const pieces: { x: number; y: number; kind: 'rect' | 'dot'; c: number; spin: number }[] = [
    { x: 20, y: 16, kind: 'rect', c: 0, spin: 1 },
    { x: 46, y: 64, kind: 'dot', c: 2, spin: 0 },
    { x: 22, y: 118, kind: 'rect', c: 3, spin: -1 },
    { x: 64, y: 20, kind: 'rect', c: 1, spin: 1 },
    { x: 180, y: 22, kind: 'rect', c: 2, spin: -1 },
    { x: 218, y: 72, kind: 'rect', c: 0, spin: 1 },
    { x: 214, y: 134, kind: 'dot', c: 4, spin: 0 },
    { x: 196, y: 100, kind: 'dot', c: 0, spin: 0 },
    { x: 18, y: 168, kind: 'dot', c: 1, spin: 0 },
    { x: 212, y: 12, kind: 'dot', c: 3, spin: 0 },
  ];
  return pieces
    .map((p, i) => {
      const t = 2 * Math.PI * (phase + i * 0.17);
      const y = p.y + 7 * Math.sin(t);
      const x = p.x + 4 * Math.cos(t);
      const fill = colours[p.c] as string;
      if (p.kind === 'dot') return `<circle cx="${num(x)}" cy="${num(y)}" r="3.2" fill="${fill}" stroke="${INK}" stroke-width="1.4"/>`;
      const a = p.spin * 360 * phase + i * 40;
      const squash = Math.max(0.25, Math.abs(Math.cos(2 * Math.PI * phase + i)));
      return `<g transform="translate(${num(x)} ${num(y)}) rotate(${num(a)}) scale(1 ${num(squash)})"><rect x="-5" y="-3" width="10" height="6" rx="1.2" fill="${fill}" stroke="${INK}" stroke-width="1.4"/></g>`;
    })
    .join('');
}
