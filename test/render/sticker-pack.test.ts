import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPRESSIONS, POSES } from '../../pipeline/mascot/compose.ts';
import { loadContent } from '../../pipeline/load/content.ts';
import { plan } from '../../pipeline/plan/plan.ts';
import type { OutputFile, PrepareInput, RenderedJob } from '../../pipeline/render/job.ts';
import { assignMotions, balancedLines, renderStickerPack } from '../../pipeline/render/kinds/sticker-pack.ts';
import { layoutFor } from '../../pipeline/render/kinds/stickers/art.ts';
import { lookFor, MOTIONS, PHRASE_LOOKS, WEATHER_LOOK } from '../../pipeline/render/kinds/stickers/looks.ts';
import { motionSpec } from '../../pipeline/render/kinds/stickers/motions.ts';
import { CONTENT_DIR, sampleTree } from '../helpers/content.ts';
import { expectMatchesSnapshot } from '../helpers/snapshot.ts';

const SNAPSHOT_DIR = fileURLToPath(new URL('./__snapshots__/stickers/', import.meta.url));
/** pixelmatch's per-pixel colour threshold (0…1, smaller is stricter) */
const PIXEL_THRESHOLD = 0.1;
/** a snapshot fails when more than this share of its pixels differ */
const MAX_DIFF_RATIO = 0.01;
const MAX_BYTES = 500 * 1024;
const BRIEF = '_all/mon-sticker-pack';
const PHRASES = ['早安', '收到', '谢谢', '加油', '晚安', '辛苦啦', '么么哒', '没问题'];

async function stickerInput(branchId = 'xihu'): Promise<PrepareInput & { warning: string }> {
  const content = loadContent(await sampleTree(), '2026-W48');
  const job = plan(content).find((j) => j.brief.id === BRIEF && j.branch === branchId);
  if (!job) throw new Error(`no sample job ${BRIEF} for ${branchId}`);
  const branch = content.branches.find((b) => b.id === branchId)!;
  return { job, branch, bank: content.bank, warning: '', readContentFile: async (rel) => readFileSync(join(CONTENT_DIR, rel)) };
}

interface Raw {
  width: number;
  height: number;
  pixels: Buffer;
}

async function decode(data: Buffer, page = 0): Promise<Raw> {
  const { data: pixels, info } = await sharp(data, { page }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, pixels };
}

const alphaAt = (r: Raw, x: number, y: number) => r.pixels[(y * r.width + x) * 4 + 3]!;
const corners = (r: Raw) => [alphaAt(r, 0, 0), alphaAt(r, r.width - 1, 0), alphaAt(r, 0, r.height - 1), alphaAt(r, r.width - 1, r.height - 1)];
const opaqueShare = (r: Raw) => {
  let n = 0;
  for (let i = 3; i < r.pixels.length; i += 4) if (r.pixels[i]! > 128) n++;
  return n / (r.width * r.height);
};

/** Compares with the committed PNG; writes it when missing or with UPDATE_SNAPSHOTS=1. */
async function matchSnapshot(name: string, image: Raw): Promise<void> {
  await expectMatchesSnapshot(name, { data: image.pixels, width: image.width, height: image.height }, { dir: SNAPSHOT_DIR, maxRatio: MAX_DIFF_RATIO, threshold: PIXEL_THRESHOLD });
}

describe('the phrase table', () => {
  it('uses only poses and expressions the mascot has', () => {
    for (const [phrase, look] of [...Object.entries(PHRASE_LOOKS), ['weather', WEATHER_LOOK] as const]) {
      expect(POSES, phrase).toContain(look.pose);
      expect(EXPRESSIONS, phrase).toContain(look.expression);
      expect(look.slug, phrase).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
  });

  it('maps this week’s phrases as the issue asks', () => {
    const pick = (p: string) => [lookFor(p, undefined).pose, lookFor(p, undefined).expression];
    expect(pick('早安')).toEqual(['wave', 'smile']);
    expect(pick('收到')[0]).toBe('thumbs-up');
    expect(['love', 'content']).toContain(pick('谢谢')[1]);
    expect(pick('加油')[0]).toBe('cheer');
    expect(lookFor('晚安', undefined).frame?.blink).toBe(true);
    expect(pick('辛苦啦')[0]).toBe('coffee');
    expect(pick('么么哒')[1]).toBe('love');
    expect(pick('没问题')).toEqual(['thumbs-up', 'wink']);
    expect(lookFor('早安！', undefined).slug).toBe('zao-an');
  });

  it('gives an unknown phrase the brief’s own pose, or a smiling wave', () => {
    expect(lookFor('周末愉快', { pose: 'coffee', expression: 'laugh' })).toMatchObject({ slug: 'sticker', pose: 'coffee', expression: 'laugh' });
    expect(lookFor('周末愉快', undefined)).toMatchObject({ slug: 'sticker', pose: 'wave', expression: 'smile' });
    expect(lookFor('周末愉快', { pose: 'dance' })).toMatchObject({ pose: 'wave' });
    // a sign with nothing on it would look unfinished: it gets a tick
    expect(lookFor('周末愉快', { pose: 'sign' }).decor).toEqual(['check-board']);
  });

  it('hands out all four animations, also when no phrase asks for one', () => {
    const mine = assignMotions(PHRASES.map((p) => lookFor(p, undefined)));
    expect(mine.map((m) => [PHRASES[m.index], m.motion])).toEqual([
      ['早安', 'wave'],
      ['收到', 'bounce'],
      ['谢谢', 'blink'],
      ['加油', 'cheer'],
    ]);
    const strangers = assignMotions(['你好', '拜拜', '周末愉快', '吃了吗', '在吗'].map((p) => lookFor(p, undefined)));
    expect(strangers.map((m) => m.motion)).toEqual([...MOTIONS]);
    expect(new Set(strangers.map((m) => m.index)).size).toBe(4);
    expect(assignMotions([lookFor('你好', undefined)]).map((m) => m.index)).toEqual([0, 0, 0, 0]);
  });

  it('splits the weather line at the punctuation nearest its middle', () => {
    expect(balancedLines('早呀！今天有雨，记得带伞~')).toEqual(['早呀！今天有雨，', '记得带伞~']);
    expect(balancedLines('早安呀')).toEqual(['早安呀']);
  });

  it('keeps the lettering below 小U’s face', () => {
    for (const look of [...Object.values(PHRASE_LOOKS), WEATHER_LOOK]) {
      const { mascot, lettering } = layoutFor(look);
      const chin = mascot.y + (316 * mascot.size) / 512;
      expect(lettering.top, look.slug).toBeGreaterThan(chin);
    }
  });
});

describe('the sticker pack of 2026-W48', () => {
  let pack: RenderedJob;
  let ms = 0;
  const file = (name: string, format: OutputFile['format']) => {
    const f = pack.files.find((x) => x.name === name && x.format === format);
    if (!f) throw new Error(`no ${name}.${format}; have ${pack.files.map((x) => `${x.name}.${x.format}`).join(', ')}`);
    return f;
  };
  const stills = () => pack.files.filter((f) => f.format === 'png' && !f.name.endsWith('-thumb'));
  const animations = () => pack.files.filter((f) => f.format === 'gif');

  beforeAll(async () => {
    const input = await stickerInput();
    const t0 = performance.now();
    pack = await renderStickerPack(input);
    ms = performance.now() - t0;
  });

  it('renders in a few seconds', () => {
    expect(ms).toBeLessThan(20_000);
  });

  it('names the stickers by place and phrase, in pack order', () => {
    expect(stills().map((f) => f.name)).toEqual([
      '01-zao-an',
      '02-shou-dao',
      '03-xie-xie',
      '04-jia-you',
      '05-wan-an',
      '06-xin-ku-la',
      '07-me-me-da',
      '08-mei-wen-ti',
      '09-tian-qi',
    ]);
    const names = pack.files.map((f) => f.name);
    expect(names).toEqual([...names].sort());
    const files = pack.files.map((f) => `${f.name}.${f.format}`);
    expect(new Set(files).size).toBe(files.length);
  });

  it('makes at least eight 240×240 transparent PNG stickers, each with a 120×120 thumbnail', async () => {
    expect(stills().length).toBeGreaterThanOrEqual(8);
    for (const still of stills()) {
      const meta = await sharp(still.data).metadata();
      expect([meta.format, meta.width, meta.height, meta.hasAlpha], still.name).toEqual(['png', 240, 240, true]);
      const raw = await decode(still.data);
      expect(corners(raw), still.name).toEqual([0, 0, 0, 0]);
      // the sticker is a character, not a full square and not a speck
      expect(opaqueShare(raw), still.name).toBeGreaterThan(0.3);
      expect(opaqueShare(raw), still.name).toBeLessThan(0.85);
      expect(still.data.length, still.name).toBeLessThan(MAX_BYTES);

      const thumb = file(`${still.name}-thumb`, 'png');
      const tmeta = await sharp(thumb.data).metadata();
      expect([tmeta.format, tmeta.width, tmeta.height, tmeta.hasAlpha, thumb.width, thumb.height], thumb.name).toEqual(['png', 120, 120, true, 120, 120]);
      expect(corners(await decode(thumb.data)), thumb.name).toEqual([0, 0, 0, 0]);
    }
  });

  it('makes a wave, a bounce, a blink and a cheer, each as GIF and WebP with the delays set per frame', async () => {
    expect(animations().map((f) => f.name)).toEqual(['01-zao-an-wave', '02-shou-dao-bounce', '03-xie-xie-blink', '04-jia-you-cheer']);
    for (const gif of animations()) {
      const motion = MOTIONS.find((m) => gif.name.endsWith(`-${m}`))!;
      const delays = motionSpec(motion).frames.map((f) => f.delay);
      expect(delays.length, motion).toBeGreaterThanOrEqual(4);
      expect(delays.length, motion).toBeLessThanOrEqual(8);
      expect(new Set(delays).size > 1 || motion === 'cheer', `${motion} has a rhythm`).toBe(true);
      for (const f of [gif, file(gif.name, 'webp')]) {
        const meta = await sharp(f.data, { animated: true }).metadata();
        expect(meta.format, f.name).toBe(f.format);
        expect([meta.width, meta.pageHeight, f.width, f.height], f.name).toEqual([240, 240, 240, 240]);
        expect(meta.pages, `${f.name}.${f.format}`).toBe(delays.length);
        expect(meta.delay, `${f.name}.${f.format}`).toEqual(delays);
        expect(meta.loop, `${f.name}.${f.format}`).toBe(0);
        expect(f.data.length, `${f.name}.${f.format}`).toBeLessThan(MAX_BYTES);
        for (const page of [0, delays.length - 1]) {
          const frame = await decode(f.data, page);
          expect(corners(frame), `${f.name}.${f.format} frame ${page}`).toEqual([0, 0, 0, 0]);
          expect(opaqueShare(frame), `${f.name}.${f.format} frame ${page}`).toBeGreaterThan(0.25);
        }
      }
    }
  });

  it('moves 小U between frames', async () => {
    for (const gif of animations()) {
      const webp = file(gif.name, 'webp');
      const pages = (await sharp(webp.data, { animated: true }).metadata()).pages!;
      const first = await decode(webp.data, 0);
      let moved = 0;
      for (let p = 1; p < pages; p++) {
        const other = await decode(webp.data, p);
        moved = Math.max(moved, pixelmatch(first.pixels, other.pixels, undefined, 240, 240, { threshold: PIXEL_THRESHOLD }));
      }
      expect(moved, gif.name).toBeGreaterThan(200);
    }
  });

  it('gives the GIFs a hard, clean edge: every pixel opaque or transparent', async () => {
    for (const gif of animations()) {
      const frame = await decode(gif.data, 1);
      let partial = 0;
      for (let i = 3; i < frame.pixels.length; i += 4) if (frame.pixels[i] !== 0 && frame.pixels[i] !== 255) partial++;
      expect(partial, gif.name).toBe(0);
    }
  });

  it('returns each still as drawn, with its lettering where the checks can read it', () => {
    expect(pack.overflows).toEqual([]);
    expect(pack.renders.map((r) => r.canvas.name)).toEqual(stills().map((f) => f.name));
    pack.renders.forEach(({ canvas, rendered }, i) => {
      expect([canvas.width, canvas.height, canvas.format, rendered.width, rendered.height]).toEqual([240, 240, 'png', 240, 240]);
      const field = i < PHRASES.length ? `stickers.${i}` : 'weather';
      const texts = rendered.nodes.filter((n) => n.field === field && n.text).map((n) => n.text!.replace(/\s+/g, ''));
      const expected = i < PHRASES.length ? PHRASES[i]! : '早呀！今天有雨，记得带伞~';
      expect(texts.join(''), canvas.name).toContain(expected.slice(0, 2));
      expect(rendered.nodes.some((n) => n.role === 'mascot'), canvas.name).toBe(true);
    });
  });

  it('letters in the branch’s colours', async () => {
    const tianhe = await renderStickerPack(await stickerInput('tianhe'));
    const colours = (p: RenderedJob, i: number) => new Set(p.renders[i]!.rendered.nodes.map((n) => n.style.color).filter(Boolean));
    const input = await stickerInput('tianhe');
    expect(colours(tianhe, 0)).toContain(input.branch.colors.primary);
    expect(colours(tianhe, 1)).toContain(input.branch.colors.accent);
  });

  it('looks like the committed snapshots', async () => {
    for (const name of ['01-zao-an', '03-xie-xie', '09-tian-qi']) await matchSnapshot(name, await decode(file(name, 'png').data));
    await matchSnapshot('04-jia-you-cheer.frame-2', await decode(file('04-jia-you-cheer', 'gif').data, 2));
  });
});
