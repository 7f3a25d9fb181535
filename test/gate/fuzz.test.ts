// The fuzzer (issue 12, deliverable 5) in the test run: a short, seeded run must find no crash.
// `npm run fuzz` runs it for longer with a random seed.
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../pipeline/tools/fuzz.ts';
import { CONTENT_DIR } from '../helpers/content.ts';

describe('npm run fuzz', () => {
  it('mutates the sample briefs through the loader and the gate without a single crash', async () => {
    const report = await fuzz({ contentDir: CONTENT_DIR, count: 60, timeMs: 40_000, seed: 20261202, renderEvery: 15 });
    expect(report.crashes.map((c) => `${c.file}#${c.iteration}: ${c.error.split('\n')[0]}`)).toEqual([]);
    expect(report.tried).toBeGreaterThan(10);
    expect(report.loaded).toBeGreaterThan(0);
    expect(report.refused).toBeGreaterThan(0);
  });
});
