// Tests that can fail (issue 12, deliverable 6): a missing perceptual snapshot fails instead of being written.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectMatchesSnapshot } from '../helpers/snapshot.ts';

describe('perceptual snapshots', () => {
  it('a missing snapshot fails and is not written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wendu-snap-'));
    const image = { data: Buffer.alloc(4 * 4 * 4, 200), width: 4, height: 4 };
    const saved = process.env['UPDATE_SNAPSHOTS'];
    delete process.env['UPDATE_SNAPSHOTS'];
    try {
      await expect(expectMatchesSnapshot('missing', image, { dir, maxRatio: 0 })).rejects.toThrow(/no committed snapshot/);
    } finally {
      if (saved !== undefined) process.env['UPDATE_SNAPSHOTS'] = saved;
    }
    expect(existsSync(join(dir, 'missing.png'))).toBe(false);
  });
});
