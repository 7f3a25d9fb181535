// The render cache as a user meets it: a second build draws nothing, one edited brief re-renders
// its own job only, a reviewer's waiver re-judges without re-rendering, and the cache never keeps
// a client detail in its texts.
import { describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../pipeline/cli/main.ts';
import { CONTENT_DIR } from '../helpers/content.ts';
import { capture } from '../helpers/io.ts';
import { filesUnder } from '../helpers/tree.ts';

async function build(dir: string, ...extra: string[]) {
  const { io, out, err } = capture(dir);
  const code = await main(['build', '--week', '2026-W48', '--branch', 'jinjiang', '--concurrency', '1', ...extra], io);
  const text = out.join('');
  const m = /render\s+(\d+) rendered, (\d+) reused/.exec(text);
  return { code, text, err: err.join(''), rendered: Number(m?.[1]), reused: Number(m?.[2]) };
}

describe('wendu build with the render cache', () => {
  it('renders nothing the second time, re-renders one edited brief, re-judges a withdrawn waiver without rendering', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wendu-cache-'));
    await cp(CONTENT_DIR, join(dir, 'content'), { recursive: true });
    const zip = () => readFile(join(dir, 'out/2026-W48/public/bundles/jinjiang.zip'));

    const cold = await build(dir);
    expect(cold.code).toBe(0);
    expect(cold.rendered).toBe(8);
    expect(cold.text).toContain('8 × not built before');
    const coldZip = await zip();

    const zipPath = join(dir, 'out/2026-W48/public/bundles/jinjiang.zip');
    const thumbs = join(dir, 'out/2026-W48/review/thumbs/jinjiang');
    const before = { zip: await stat(zipPath), thumbs: await stat(thumbs), derived: (await filesUnder(join(dir, 'out/.cache/v1/derived'))).length };
    const auditLines = (await readFile(join(dir, 'out/2026-W48/review/audit.jsonl'), 'utf8')).trim().split('\n').length;
    const warm = await build(dir);
    expect([warm.rendered, warm.reused]).toEqual([0, 8]);
    expect((await zip()).equals(coldZip)).toBe(true);
    // nothing the branch is made from changed: its bundle and thumbnails are left as they were
    // (same file, not rewritten), no thumbnail is made again, and the run's decisions are still audited
    expect((await stat(zipPath)).ino).toBe(before.zip.ino);
    expect((await stat(thumbs)).ino).toBe(before.thumbs.ino);
    expect(before.derived).toBeGreaterThan(8);
    expect((await filesUnder(join(dir, 'out/.cache/v1/derived'))).length).toBe(before.derived);
    const audit = (await readFile(join(dir, 'out/2026-W48/review/audit.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { event: string; run: string });
    const run = audit.at(-1)!.run;
    expect(audit.length).toBeGreaterThan(auditLines);
    expect(audit.filter((r) => r.run === run && r.event === 'decision')).toHaveLength(8);
    expect(audit.at(-1)!.event).toBe('commit');

    const brief = join(dir, 'content/weeks/2026-W48/jinjiang/wed-pension-plan.md');
    await writeFile(brief, (await readFile(brief, 'utf8')).replace(/^title: .*$/m, 'title: 養老規劃，從今天開始 🌱'));
    const edited = await build(dir);
    expect([edited.rendered, edited.reused]).toEqual([1, 7]);
    expect(edited.text).toContain('1 × changed: brief, persona or brand');
    // the branch is published again, with the new title in its bundle
    expect((await stat(zipPath)).ino).not.toBe(before.zip.ino);
    expect((await zip()).equals(coldZip)).toBe(false);

    // the reviewer withdraws the waiver: the asset it covered is rejected, and nothing is drawn again
    expect(warm.text).toMatch(/jinjiang\s+8 approved \(1 with waivers\)/);
    await writeFile(join(dir, 'content/approvals.yaml'), 'waivers: []\n');
    const rejudged = await build(dir);
    expect(rejudged.rendered).toBe(0);
    expect(rejudged.text).toMatch(/jinjiang\s+7 approved, 1 rejected/);
    expect(rejudged.text).toContain('jinjiang/tue-first-salary');

    const forced = await build(dir, '--no-cache');
    expect(forced.rendered).toBe(8);
    expect(forced.text).toContain('8 × --no-cache');
  }, 180_000);

  it('keeps no client detail in the cache: an entry whose image draws one is not stored, its bytes only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wendu-cache-pii-'));
    await cp(CONTENT_DIR, join(dir, 'content'), { recursive: true });
    const brief = join(dir, 'content/weeks/2026-W48/jinjiang/fri-client-story.md');
    await writeFile(brief, (await readFile(brief, 'utf8')).replace(/^title: .*$/m, 'title: 張先生（電話 13812345678）的故事'));
    const first = await build(dir);
    expect(first.rendered).toBe(8);
    const again = await build(dir);
    // the job with the phone number is rendered again every time; the others come from the cache
    expect([again.rendered, again.reused]).toEqual([1, 7]);
    for (const f of await filesUnder(join(dir, 'out/.cache'))) {
      if (f.includes('/blobs/')) continue;
      const text = await readFile(f, 'utf8');
      expect(text, f).not.toContain('13812345678');
      expect(text, f).not.toContain('張先生');
    }
  });
});
