import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import pixelmatch from 'pixelmatch';
import { describe, expect, it } from 'vitest';
import { composeMascot, EXPRESSIONS, mascotSvg, POSES, signBox } from '../../pipeline/mascot/compose.ts';
import type { MascotOptions } from '../../pipeline/mascot/compose.ts';
import { fitSignText } from '../../pipeline/mascot/sign.ts';
import { expectMatchesSnapshot } from '../helpers/snapshot.ts';

const SNAPSHOT_DIR = fileURLToPath(new URL('./__snapshots__/', import.meta.url));
const SNAPSHOT_SIZE = 240;
/** pixelmatch's per-pixel colour threshold (0…1, smaller is stricter) */
const PIXEL_THRESHOLD = 0.1;
/** a snapshot fails when more than this share of its pixels differ */
const MAX_DIFF_RATIO = 0.0025;

function render(opts: MascotOptions, size: number): { width: number; height: number; pixels: Buffer } {
  const image = new Resvg(mascotSvg(opts), {
    font: { loadSystemFonts: false },
    fitTo: { mode: 'width', value: size },
    background: '#ffffff',
  }).render();
  return { width: image.width, height: image.height, pixels: image.pixels };
}

/** Share of pixels that are clearly not the white background. */
function inkRatio(pixels: Buffer): number {
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if ((pixels[i] as number) + (pixels[i + 1] as number) + (pixels[i + 2] as number) < 3 * 235) ink++;
  }
  return ink / (pixels.length / 4);
}

describe('mascot data', () => {
  it('has the six poses the playbook asks for and at least the four core expressions', () => {
    expect(POSES).toEqual(expect.arrayContaining(['wave', 'sign', 'calculator', 'coffee', 'thumbs-up', 'cheer']));
    expect(EXPRESSIONS).toEqual(expect.arrayContaining(['smile', 'wink', 'surprise', 'love']));
  });
});

describe('mascotSvg', () => {
  it.each(POSES.flatMap((pose) => EXPRESSIONS.map((expression) => [pose, expression] as const)))(
    'composes %s with %s into an SVG that resvg renders, not blank',
    (pose, expression) => {
      const svg = mascotSvg({ pose, expression });
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="512" height="512" viewBox="0 0 512 512">/);
      const { width, height, pixels } = render({ pose, expression }, 120);
      expect([width, height]).toEqual([120, 120]);
      expect(inkRatio(pixels)).toBeGreaterThan(0.2);
    },
  );

  it('gives every id in the document once, even with both arms drawn from one part', () => {
    for (const pose of POSES) {
      const ids = [...mascotSvg({ pose, expression: 'love' }).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size, pose).toBe(ids.length);
    }
  });

  it('is deterministic', () => {
    const opts = { pose: 'wave', frame: { dy: -12.5, armPhase: 0.3, scaleY: 0.95 } };
    expect(mascotSvg(opts)).toBe(mascotSvg(opts));
  });

  it('sets width and height from size while the viewBox stays 512', () => {
    expect(mascotSvg({ pose: 'cheer', size: 240 })).toMatch(/^<svg [^>]*width="240" height="240" viewBox="0 0 512 512">/);
  });

  it('names the known poses when the pose is unknown', () => {
    expect(() => mascotSvg({ pose: 'dance' })).toThrow(`Unknown pose "dance"; known: ${POSES.join(', ')}`);
  });

  it('names the known expressions when the expression is unknown', () => {
    expect(() => mascotSvg({ pose: 'wave', expression: 'angry' })).toThrow(
      `Unknown expression "angry"; known: ${EXPRESSIONS.join(', ')}`,
    );
  });

  it('rejects frame values that are not finite numbers', () => {
    expect(() => mascotSvg({ pose: 'wave', frame: { dy: Number.NaN } })).toThrow('Expected finite number for frame.dy but received NaN');
    expect(() => mascotSvg({ pose: 'wave', frame: { dx: '3" onload="x' as unknown as number } })).toThrow(/frame\.dx/);
    expect(() => mascotSvg({ pose: 'wave', frame: { scaleY: 0 } })).toThrow(/frame\.scaleY in \(0, 3\]/);
  });
});

describe('animation frames', () => {
  it('closes the eyes on a blink', () => {
    const open = mascotSvg({ pose: 'wave' });
    const blink = mascotSvg({ pose: 'wave', frame: { blink: true } });
    expect(blink).not.toBe(open);
    expect(blink).not.toContain('url(#u-eye)');
  });

  it('swings the waving arm with armPhase and leaves the rest pose at phase 0 and 1', () => {
    const rest = mascotSvg({ pose: 'wave' });
    expect(mascotSvg({ pose: 'wave', frame: { armPhase: 0.25 } })).not.toBe(rest);
    const full = render({ pose: 'wave', frame: { armPhase: 1 } }, 120).pixels;
    const still = render({ pose: 'wave' }, 120).pixels;
    expect(pixelmatch(full, still, undefined, 120, 120, { threshold: PIXEL_THRESHOLD })).toBe(0);
  });

  it('moves the sign box with a bounce', () => {
    const rest = signBox();
    const up = signBox('sign', { dy: -20 });
    expect(up.y).toBeCloseTo(rest.y - 20, 5);
    expect(up.x).toBeCloseTo(rest.x, 5);
    expect(signBox('sign', { rotate: -6 }).rotate).toBeCloseTo(-6, 5);
  });
});

describe('sign lettering', () => {
  it('keeps the text out of the SVG and returns it with the board box', () => {
    const text = '</svg><script>alert(1)</script>理财小白入门指南';
    const composed = composeMascot({ pose: 'sign', sign: text });
    expect(composed.svg).not.toContain('script');
    expect(composed.svg).not.toContain('理财');
    expect(composed.svg).not.toMatch(/<text\b/);
    expect(composed.signText).toBe(text);
    expect(composed.signBox).toEqual({ x: 152, y: 340, width: 208, height: 82, rotate: 0 });
  });

  it('puts the box on the blank board, clear of the hands', () => {
    const box = signBox();
    const { pixels } = render({ pose: 'sign' }, 512);
    const at = (x: number, y: number): number[] => [...pixels.subarray((y * 512 + x) * 4, (y * 512 + x) * 4 + 3)];
    for (let y = box.y; y < box.y + box.height; y += 8) {
      for (let x = box.x; x < box.x + box.width; x += 8) {
        expect(Math.min(...at(Math.round(x), Math.round(y))), `${x},${y}`).toBeGreaterThan(230);
      }
    }
  });

  it('refuses sign text for a pose without a sign', () => {
    expect(() => mascotSvg({ pose: 'wave', sign: '你好' })).toThrow('Pose "wave" holds no sign, so it cannot show sign text; poses with a sign: sign');
    expect(() => signBox('cheer')).toThrow('Pose "cheer" holds no sign; poses with a sign: sign');
  });

  it('balances a two-line sign', () => {
    expect(fitSignText('理财小白入门指南', { width: 208, height: 82 })).toMatchObject({ lines: 2 });
    expect(fitSignText('你好', { width: 208, height: 82 })).toMatchObject({ lines: 1 });
  });
});

describe('snapshots', () => {
  // Perceptual, not byte-exact: anti-aliasing may move between resvg builds. A pose passes when at
  // most MAX_DIFF_RATIO of its 240×240 pixels differ by more than PIXEL_THRESHOLD.
  it.for(POSES)('%s matches its committed 240×240 snapshot', async (pose, { annotate }) => {
    const actual = render({ pose }, SNAPSHOT_SIZE);
    expect([actual.width, actual.height]).toEqual([SNAPSHOT_SIZE, SNAPSHOT_SIZE]);
    if (process.env['UPDATE_SNAPSHOTS'] === '1' || !existsSync(`${SNAPSHOT_DIR}${pose}.png`)) await annotate(`writing snapshot ${pose}.png; commit it so CI compares against it`, 'notice');
    await expectMatchesSnapshot(pose, { data: actual.pixels, width: actual.width, height: actual.height }, { dir: SNAPSHOT_DIR, maxRatio: MAX_DIFF_RATIO, threshold: PIXEL_THRESHOLD });
  });
});
