// Which 小U goes with which sticker phrase: pose, expression, extra drawing, lettering colour and
// the animation the phrase prefers. Data only; art.ts draws it, sticker-pack.ts lays out the pack.
import type { MascotFrame } from '../../../mascot/compose.ts';
import { EXPRESSIONS, POSES } from '../../../mascot/compose.ts';

/** Small drawings added around 小U, in the sticker's own coordinates (see art.ts). */
export type Decor = 'moon' | 'heart-board' | 'check-board' | 'rain' | 'umbrella';

/** The four animations a pack carries (motions.ts). */
export type Motion = 'wave' | 'bounce' | 'blink' | 'cheer';
export const MOTIONS: readonly Motion[] = ['wave', 'bounce', 'blink', 'cheer'];

/** Lettering colour: the branch's brand colours, or a fixed colour from 小U's own palette. */
export type Tone = 'primary' | 'accent' | 'night';

export interface Look {
  /** romanised name used in file names: `zao-an` → `01-zao-an.png` */
  slug: string;
  pose: string;
  expression: string;
  /** a still frame of the pose (eyes closed for 晚安) */
  frame?: MascotFrame;
  decor?: Decor[];
  tone: Tone;
  /** the animation this phrase gets when the pack makes one of that kind */
  motion?: Motion;
}

/**
 * The phrase table. Poses and expressions must exist in templates/mascot/poses.yaml (checked by
 * the tests); a phrase missing here gets `defaultLook`.
 */
export const PHRASE_LOOKS: Readonly<Record<string, Look>> = {
  早安: { slug: 'zao-an', pose: 'wave', expression: 'smile', tone: 'primary', motion: 'wave' },
  收到: { slug: 'shou-dao', pose: 'thumbs-up', expression: 'laugh', tone: 'accent', motion: 'bounce' },
  谢谢: { slug: 'xie-xie', pose: 'sign', expression: 'content', decor: ['heart-board'], tone: 'primary', motion: 'blink' },
  加油: { slug: 'jia-you', pose: 'cheer', expression: 'laugh', tone: 'primary', motion: 'cheer' },
  晚安: { slug: 'wan-an', pose: 'wave', expression: 'content', frame: { blink: true }, decor: ['moon'], tone: 'night' },
  辛苦啦: { slug: 'xin-ku-la', pose: 'coffee', expression: 'smile', tone: 'accent' },
  么么哒: { slug: 'me-me-da', pose: 'wave', expression: 'love', tone: 'primary' },
  没问题: { slug: 'mei-wen-ti', pose: 'thumbs-up', expression: 'wink', tone: 'accent' },
  // not in this week's brief, but common enough to have a look of their own
  好的: { slug: 'hao-de', pose: 'sign', expression: 'smile', decor: ['check-board'], tone: 'accent' },
  哈哈哈: { slug: 'ha-ha-ha', pose: 'cheer', expression: 'laugh', tone: 'primary' },
  生日快乐: { slug: 'sheng-ri-kuai-le', pose: 'cheer', expression: 'love', tone: 'primary' },
};

/** The weather sticker: 小U under an umbrella in the rain. */
export const WEATHER_LOOK: Look = { slug: 'tian-qi', pose: 'wave', expression: 'smile', decor: ['umbrella', 'rain'], tone: 'primary' };

/**
 * The look for a phrase not in the table: the brief's own mascot pose and expression when it names
 * them (a sign pose gets a check mark on its board rather than a blank one), else a smiling wave.
 * The slug is `sticker`, so the file is still named by its place in the pack.
 */
export function defaultLook(mascot: { pose: string; expression?: string } | undefined): Look {
  const pose = mascot && POSES.includes(mascot.pose) ? mascot.pose : 'wave';
  const own = mascot?.expression;
  return {
    slug: 'sticker',
    pose,
    expression: own !== undefined && EXPRESSIONS.includes(own) ? own : pose === 'wave' ? 'smile' : 'content',
    ...(pose === 'sign' ? { decor: ['check-board' as const] } : {}),
    tone: 'primary',
  };
}

/** Normalises a phrase for the table: trims spaces and trailing punctuation (早安！ → 早安). */
export function phraseKey(phrase: string): string {
  return phrase.trim().replace(/(?<![\s!！~～。.,，…])[\s!！~～。.,，…]+$/u, '');
}

export function lookFor(phrase: string, mascot: { pose: string; expression?: string } | undefined): Look {
  return PHRASE_LOOKS[phraseKey(phrase)] ?? defaultLook(mascot);
}
