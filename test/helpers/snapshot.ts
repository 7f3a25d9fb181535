// Perceptual snapshot comparison, shared by every image test: not byte equality (anti-aliasing
// moves between library versions), but "at most maxRatio of the pixels differ by more than
// pixelmatch's threshold". A missing snapshot fails; only UPDATE_SNAPSHOTS=1 writes snapshots.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { expect } from 'vitest';

/** Straight (not premultiplied) RGBA pixels. */
export interface Raw {
  data: Buffer;
  width: number;
  height: number;
}

export interface SnapshotOptions {
  /** the folder of committed snapshots */
  dir: string;
  /** largest share of differing pixels that still passes, e.g. 0.01 */
  maxRatio: number;
  /** pixelmatch's per-pixel colour threshold (0…1, smaller is stricter) */
  threshold?: number;
}

export const DIFF_DIR = join(tmpdir(), 'wendu-snapshot-diff');

/** Decodes an encoded image (optionally downscaled to `width`) into RGBA pixels. */
export async function toRaw(image: Buffer, width?: number): Promise<Raw> {
  const img = width ? sharp(image).resize({ width }) : sharp(image);
  const { data, info } = await img.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

export async function expectMatchesSnapshot(name: string, image: Raw, options: SnapshotOptions): Promise<void> {
  const file = join(options.dir, `${name}.png`);
  const png = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } }).png({ compressionLevel: 9 }).toBuffer();
  if (process.env['UPDATE_SNAPSHOTS'] === '1') {
    mkdirSync(options.dir, { recursive: true });
    writeFileSync(file, png);
    console.warn(`wrote snapshot ${file}; commit it so CI compares against it`);
    return;
  }
  if (!existsSync(file)) {
    // a missing snapshot fails (in CI above all): writing it would make the test pass on whatever was drawn
    mkdirSync(DIFF_DIR, { recursive: true });
    writeFileSync(join(DIFF_DIR, `${name}.actual.png`), png);
    expect.fail(`${name}: no committed snapshot ${file}${process.env['CI'] ? ' (CI)' : ''}; the image drawn is in ${DIFF_DIR}. Look at it, then run with UPDATE_SNAPSHOTS=1 to write it and commit it`);
  }
  const expected = PNG.sync.read(readFileSync(file));
  expect([expected.width, expected.height], `${name}: snapshot size`).toEqual([image.width, image.height]);
  const diff = new PNG({ width: image.width, height: image.height });
  const differing = pixelmatch(expected.data, image.data, diff.data, image.width, image.height, { threshold: options.threshold ?? 0.1 });
  const ratio = differing / (image.width * image.height);
  if (ratio > options.maxRatio) {
    mkdirSync(DIFF_DIR, { recursive: true });
    writeFileSync(join(DIFF_DIR, `${name}.actual.png`), png);
    writeFileSync(join(DIFF_DIR, `${name}.diff.png`), PNG.sync.write(diff));
  }
  expect(ratio, `${name}: ${(ratio * 100).toFixed(2)}% of pixels differ (diff in ${DIFF_DIR}; UPDATE_SNAPSHOTS=1 to accept)`).toBeLessThanOrEqual(options.maxRatio);
}
