// The sticker-pack kind: 小U stickers for WeChat chats, one per phrase of the brief's `stickers`.
//   NN-slug.png         240×240, transparent, 小U in a pose that fits the phrase + the phrase lettered
//   NN-slug-thumb.png   120×120 thumbnail of it
//   NN-slug-MOTION.gif / .webp   240×240 animations (wave, bounce, blink, cheer), per-frame delays
//   MM-tian-qi.png      the brief's `weather` line with 小U under an umbrella (after the phrases)
// Names are the phrase's place in the brief plus a romanised slug (stickers/looks.ts), so they are
// stable and sort in pack order. The pose table, the drawings and the pixel work live in stickers/.
import type { Canvas } from '../canvases.ts';
import type { Overflow } from '../engine.ts';
import type { OutputFile, PrepareInput, RenderedJob } from '../job.ts';
import { layoutFor, STICKER_SIZE } from './stickers/art.ts';
import { drawSticker, stickerDrawer, TEMPLATE, type StickerSpec } from './stickers/draw.ts';
import { encodeAnimation, encodePng, encodeThumb, THUMB_SIZE } from './stickers/encode.ts';
import { lookFor, MOTIONS, WEATHER_LOOK, type Look, type Motion, type Tone } from './stickers/looks.ts';
import { animatedLayout, lookForMotion, motionSpec } from './stickers/motions.ts';

/** 晚安's lettering: a night blue from outside the brand palette, with the same ink outline. */
const NIGHT_BLUE = '#4F6FD8';

function toneColour(tone: Tone, colors: PrepareInput['branch']['colors']): string {
  return tone === 'night' ? NIGHT_BLUE : colors[tone];
}

/** Splits a longer line into two at the punctuation nearest its middle (早呀！今天有雨，/ 记得带伞~). */
export function balancedLines(text: string): string[] {
  const chars = [...text.trim()];
  if (chars.length <= 7) return [chars.join('')];
  let best = -1;
  chars.forEach((ch, i) => {
    if (i === chars.length - 1 || !/[，,。！!？?、；;：:~～\s]/u.test(ch)) return;
    if (best < 0 || Math.abs(i + 1 - chars.length / 2) < Math.abs(best - chars.length / 2)) best = i + 1;
  });
  if (best < 0 || best < chars.length / 4 || best > (chars.length * 3) / 4) return [chars.join('')];
  return [chars.slice(0, best).join('').trim(), chars.slice(best).join('').trim()];
}

interface PackSticker {
  name: string;
  spec: StickerSpec;
}

/** Which phrase gets which animation: the phrase that asks for it, else the first one without one. */
export function assignMotions(looks: Look[]): { index: number; motion: Motion }[] {
  if (looks.length === 0) return [];
  const used = new Set<number>();
  const out: { index: number; motion: Motion }[] = [];
  for (const [k, motion] of MOTIONS.entries()) {
    const later = new Set<Motion>(MOTIONS.slice(k + 1));
    const free = (i: number) => !used.has(i);
    let index = looks.findIndex((l, i) => free(i) && l.motion === motion);
    if (index < 0) index = looks.findIndex((l, i) => free(i) && !(l.motion && later.has(l.motion)));
    if (index < 0) index = looks.findIndex((_, i) => free(i));
    if (index < 0) index = k % looks.length;
    used.add(index);
    out.push({ index, motion });
  }
  return out;
}

export async function renderStickerPack(input: PrepareInput & { warning: string }): Promise<RenderedJob> {
  const fields = input.job.brief.fields;
  const phrases = (fields.stickers ?? []).map((p) => p.trim()).filter((p) => p !== '');
  if (phrases.length === 0) throw new Error('A sticker pack needs at least one phrase in `stickers:`');
  const colors = input.branch.colors;
  const pad = Math.max(2, String(phrases.length + 1).length);
  const number = (i: number) => String(i + 1).padStart(pad, '0');

  const looks = phrases.map((p) => lookFor(p, fields.mascot));
  const stills: PackSticker[] = phrases.map((phrase, i) => {
    const look = looks[i] as Look;
    return {
      name: `${number(i)}-${look.slug}`,
      spec: { look, layout: layoutFor(look), lines: [phrase], field: `stickers.${i}`, color: toneColour(look.tone, colors) },
    };
  });
  const weather = fields.weather?.trim();
  if (weather) {
    stills.push({
      name: `${number(phrases.length)}-${WEATHER_LOOK.slug}`,
      spec: { look: WEATHER_LOOK, layout: layoutFor(WEATHER_LOOK, 2), lines: balancedLines(weather), field: 'weather', color: toneColour(WEATHER_LOOK.tone, colors) },
    });
  }

  const result: RenderedJob = { files: [], renders: [], overflows: [] };
  const addOverflows = (overflows: Overflow[]) => {
    for (const o of overflows) if (!result.overflows.some((p) => p.field === o.field)) result.overflows.push(o);
  };
  const pending: Promise<void>[] = [];
  const files: OutputFile[] = [];

  for (const still of stills) {
    const rendered = await drawSticker(still.spec);
    const canvas: Canvas = { name: still.name, template: TEMPLATE, width: STICKER_SIZE, height: STICKER_SIZE, format: 'png' };
    result.renders.push({ canvas, rendered });
    addOverflows(rendered.overflows);
    // encoding runs on libuv's pool while the next sticker is laid out
    pending.push(
      (async () => {
        files.push({ name: still.name, data: await encodePng(rendered.pixels, STICKER_SIZE), width: STICKER_SIZE, height: STICKER_SIZE, format: 'png' });
        files.push({ name: `${still.name}-thumb`, data: await encodeThumb(rendered.pixels, STICKER_SIZE), width: THUMB_SIZE, height: THUMB_SIZE, format: 'png' });
      })(),
    );
  }

  for (const { index, motion } of assignMotions(looks)) {
    const still = stills[index] as PackSticker;
    const spec = motionSpec(motion);
    const look = lookForMotion(still.spec.look, spec);
    const sticker: StickerSpec = { ...still.spec, look, layout: animatedLayout(layoutFor(look)) };
    const draw = stickerDrawer(sticker);
    const frames: Buffer[] = [];
    for (const f of spec.frames) {
      const rendered = await draw({
        frame: { ...look.frame, ...f.frame },
        phase: f.phase,
        confetti: spec.confetti,
        ...(f.pulse !== undefined ? { pulse: f.pulse } : {}),
        ...(f.tilt !== undefined ? { tilt: f.tilt } : {}),
      });
      addOverflows(rendered.overflows);
      frames.push(rendered.pixels);
    }
    const name = `${still.name}-${motion}`;
    const delays = spec.frames.map((f) => f.delay);
    pending.push(
      (async () => {
        const { gif, webp } = await encodeAnimation(frames, delays, STICKER_SIZE);
        files.push({ name, data: gif, width: STICKER_SIZE, height: STICKER_SIZE, format: 'gif' });
        files.push({ name, data: webp, width: STICKER_SIZE, height: STICKER_SIZE, format: 'webp' });
      })(),
    );
  }

  await Promise.all(pending);
  // by name, then format: each sticker's still, its animations and its thumbnail sit together
  result.files = files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.format.localeCompare(b.format)));
  return result;
}
