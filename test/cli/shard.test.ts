// Shards on a real build: three `wendu build --shard I/3` merged with `wendu merge` give the very
// bytes of one unsharded build — portal, report, SARIF, lint.json, plan, audit log, bundles.
import { describe, expect, it } from 'vitest';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../pipeline/cli/main.ts';
import { parseShard, shardOf } from '../../pipeline/plan/shard.ts';
import { CONTENT_DIR } from '../helpers/content.ts';
import { tree } from '../helpers/tree.ts';
import { capture } from '../helpers/io.ts';

const env = { SOURCE_DATE_EPOCH: '1764547200', WENDU_FINGERPRINT_KEY: 'shard-test-key' };

describe('shards', () => {
  it('puts each branch in one stable shard', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '2', 'a/b', '1/0']) expect(parseShard(bad)).toBeUndefined();
    const ids = Array.from({ length: 200 }, (_, i) => `branch-${i}`);
    const shards = ids.map((id) => shardOf(id, 3));
    expect(ids.map((id) => shardOf(id, 3))).toEqual(shards);
    for (const s of [1, 2, 3]) expect(shards.filter((x) => x === s).length).toBeGreaterThan(40);
  });

  it('three shards merged are byte-identical to one unsharded build', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wendu-shard-'));
    await cp(CONTENT_DIR, join(dir, 'content'), { recursive: true });
    const run = async (...args: string[]) => {
      const c = capture(dir, { env });
      const code = await main(args, c.io);
      return { code, out: c.out.join(''), err: c.err.join('') };
    };
    const whole = await run('build', '--week', '2026-W48', '--out', 'out-all', '--cache', 'cache');
    expect(whole.code).toBe(0);
    for (const i of [1, 2, 3]) {
      const shard = await run('build', '--week', '2026-W48', '--shard', `${i}/3`, '--out', `out-${i}`, '--cache', 'cache');
      expect(shard.code, shard.err).toBe(0);
      // the shards reuse what the unsharded build drew: the cache is shared
      expect(shard.out).toMatch(/render\s+0 rendered/);
    }
    const merged = await run('merge', 'out-1', 'out-2', 'out-3', '--out', 'out-merged');
    expect(merged.code, merged.err).toBe(0);
    expect(merged.out).toContain('3 shards of 2026-W48');

    const a = await tree(join(dir, 'out-all/2026-W48'));
    const b = await tree(join(dir, 'out-merged/2026-W48'));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [path, bytes] of a) expect(b.get(path)?.equals(bytes), path).toBe(true);
    for (const f of ['public/index.html', 'review/index.html', 'review/lint.sarif', 'review/audit.jsonl', 'public/bundles/xihu.zip']) expect(a.has(f), f).toBe(true);
  }, 300_000);

  it('refuses an incomplete set of shards', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wendu-shard-missing-'));
    const c = capture(dir, { env });
    expect(await main(['merge', 'nowhere'], c.io)).toBe(2);
  });
});
