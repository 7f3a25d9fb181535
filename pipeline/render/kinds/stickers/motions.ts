// The animated stickers: each motion is a short list of frames (小U's animation frame, the phase of
// the drawings that move on their own, a nudge of the lettering) with its own delay in ms.
// GIF and WebP get exactly these delays, one per frame.
import type { MascotFrame } from '../../../mascot/compose.ts';
import type { Layout } from './art.ts';
import type { Look, Motion } from './looks.ts';

export interface MotionFrame {
  frame: MascotFrame;
  /** 0…1 through the cycle, for confetti and rain */
  phase: number;
  /** size of the mark on a sign board (heart, tick), 1 = as drawn */
  pulse?: number;
  /** extra tilt of the lettering, degrees */
  tilt?: number;
  /** how long this frame shows, ms */
  delay: number;
}

export interface MotionSpec {
  motion: Motion;
  /** the pose the motion needs, if the phrase's own pose cannot do it (only wave and cheer swing arms) */
  pose?: string;
  expression?: string;
  confetti: boolean;
  frames: MotionFrame[];
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Wave: one full swing of the arm in eight steps, then a short rest at the start of the cycle. */
function wave(): MotionSpec {
  return {
    motion: 'wave',
    pose: 'wave',
    confetti: false,
    frames: range(8).map((i) => ({
      frame: { armPhase: i / 8, rotate: -1.5 * Math.sin((2 * Math.PI * i) / 8) },
      phase: i / 8,
      delay: i === 0 ? 360 : 90,
    })),
  };
}

/** Bounce: crouch, jump, hang, fall, land with a squash, stand. */
function bounce(): MotionSpec {
  const keys: [MascotFrame, number][] = [
    [{}, 320],
    [{ scaleY: 0.9 }, 90],
    [{ dy: -18, scaleY: 1.06 }, 80],
    [{ dy: -25, scaleY: 1.02, armPhase: 0.25 }, 120],
    [{ dy: -10, scaleY: 1.05 }, 80],
    [{ scaleY: 0.88 }, 110],
  ];
  return { motion: 'bounce', confetti: false, frames: keys.map(([frame, delay], i) => ({ frame, phase: i / keys.length, delay })) };
}

/** Blink: eyes open a while, one short closed frame, and a heart (or tick) that beats meanwhile. */
function blink(): MotionSpec {
  const keys: [MascotFrame, number, number][] = [
    [{}, 1, 900],
    [{}, 1.18, 140],
    [{}, 1.06, 140],
    [{ blink: true }, 1, 110],
    [{}, 1.12, 400],
  ];
  return { motion: 'blink', confetti: false, frames: keys.map(([frame, pulse, delay], i) => ({ frame, pulse, phase: i / keys.length, delay })) };
}

/** Cheer: both arms pumping, a little hop on every beat, confetti fluttering through one cycle. */
function cheer(): MotionSpec {
  const n = 6;
  return {
    motion: 'cheer',
    pose: 'cheer',
    confetti: true,
    frames: range(n).map((i) => {
      const beat = Math.abs(Math.sin((2 * Math.PI * i) / n));
      return {
        frame: { armPhase: i / n, dy: -12 * beat, scaleY: 1 + 0.03 * beat },
        phase: i / n,
        tilt: i % 2 === 0 ? -2 : 2,
        delay: 110,
      };
    }),
  };
}

export function motionSpec(motion: Motion): MotionSpec {
  switch (motion) {
    case 'wave':
      return wave();
    case 'bounce':
      return bounce();
    case 'blink':
      return blink();
    case 'cheer':
      return cheer();
  }
}

/** The phrase's look as the motion needs it: a wave or a cheer brings its own pose. */
export function lookForMotion(look: Look, spec: MotionSpec): Look {
  if (spec.pose === undefined || spec.pose === look.pose) return look;
  const { decor: _decor, ...rest } = look;
  return { ...rest, pose: spec.pose, frame: {} };
}

/** Animated stickers leave room above 小U for the jump and the raised arms. */
export function animatedLayout(layout: Layout): Layout {
  const m = layout.mascot;
  const size = Math.round(m.size * 0.94);
  return { ...layout, mascot: { x: m.x + (m.size - size) / 2, y: m.y + 10, size } };
}
