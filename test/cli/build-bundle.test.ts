// `wendu build` runs from an esbuild bundle (pipeline/cli/bundle.js), its render workers from one
// too: the bundles must be invisible — the very bytes of a build run through tsx.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CONTENT_DIR } from '../helpers/content.ts';
import { tree } from '../helpers/tree.ts';

const BIN = new URL('../../pipeline/cli/bin.js', import.meta.url).pathname;


describe('wendu build from its bundle', () => {
  it('writes the same bytes as through tsx, with two render workers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wendu-build-bundle-'));
    await cp(CONTENT_DIR, join(dir, 'content'), { recursive: true });
    const env = { ...process.env, NO_COLOR: '1', CI: '1', SOURCE_DATE_EPOCH: '1764547200', WENDU_FINGERPRINT_KEY: 'bundle-test' };
    const run = (out: string, extra: Record<string, string>) =>
      promisify(execFile)(process.execPath, [BIN, 'build', '--week', '2026-W48', '--branch', 'tianhe', '--concurrency', '2', '--out', out, '--cache', `${out}-cache`], { cwd: dir, env: { ...env, ...extra }, maxBuffer: 1 << 26 });
    // every bundle built afresh in a folder of its own: the build's bundle builds the render
    // worker's, which its own copy of bundle.js must do as well as the plain one does
    const cache = `node_modules/.cache/wendu-bundle-test-${process.pid}`;
    const fast = await run('out-b', { WENDU_BUNDLE_CACHE: cache }).finally(() => rm(new URL(`../../${cache}`, import.meta.url), { recursive: true, force: true }));
    const slow = await run('out-t', { WENDU_NO_BUNDLE: '1' });
    expect(fast.stdout.replace(/time\s+[\d.]+s/, '')).toBe(slow.stdout.replace(/time\s+[\d.]+s/, '').replaceAll('out-t', 'out-b'));
    expect(fast.stdout).toMatch(/render\s+\d+ rendered, 0 reused from the cache, 2 worker/);
    const a = await tree(join(dir, 'out-b/2026-W48'));
    const b = await tree(join(dir, 'out-t/2026-W48'));
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect(a.size).toBeGreaterThan(20);
    for (const [path, bytes] of a) expect(b.get(path)?.equals(bytes), path).toBe(true);
  }, 300_000);
});
