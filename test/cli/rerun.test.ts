// A re-run with nothing changed, as marketing meets it on a Friday: the build says what the last one
// said, audits this run's decisions and writes no file; any change to what a build reads, or to
// out/<week>/ since, and it builds in full again.
import { describe, expect, it } from 'vitest';
import { appendFile, cp, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { main } from '../../pipeline/cli/main.ts';
import { snapshot } from '../../pipeline/cli/rerun.ts';
import { CONTENT_DIR } from '../helpers/content.ts';
import { capture } from '../helpers/io.ts';

const OUT = 'out/2026-W48';

async function build(dir: string, ...extra: string[]) {
  const { io, out, err } = capture(dir);
  const code = await main(['build', '--week', '2026-W48', '--branch', 'jinjiang', '--concurrency', '1', ...extra], io);
  const text = out.join('');
  const m = /render\s+(\d+) rendered, (\d+) reused/.exec(text);
  return { code, text, err: err.join(''), rendered: Number(m?.[1]), reused: Number(m?.[2]), replayed: text.includes('nothing changed since the last build') };
}

const audit = async (dir: string) => (await readFile(join(dir, OUT, 'review/audit.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { event: string; run: string; job?: string; decision?: string; branch?: string });
/** the summary without the lines a replay says differently: time, render counts, why rendered */
const said = (text: string) => text.split('\n').filter((l) => !/^\s+(time|render)\s|^\s+\d+ × |nothing changed/.test(l));

describe('wendu build, run again with nothing changed', () => {
  it('says the last summary again, audits the decisions, writes no file; an edit, a photo or a touched output builds again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wendu-rerun-'));
    await cp(CONTENT_DIR, join(dir, 'content'), { recursive: true });
    // a brief with a YAML error beside the good ones: the build reports it every time, exit 1
    await writeFile(join(dir, 'content/weeks/2026-W48/jinjiang/sat-broken.md'), '---\nkind: [photo-moments\ntitle: 週末愉快 😊\n---\n正文\n');

    const cold = await build(dir);
    expect(cold.code).toBe(1);
    expect(cold.err).toContain('sat-broken.md');
    expect(cold.replayed).toBe(false);
    const files = snapshot(join(dir, OUT));
    expect(files.length).toBeGreaterThan(20);
    const before = (await audit(dir)).length;

    const warm = await build(dir);
    expect(warm.replayed).toBe(true);
    expect([warm.rendered, warm.reused]).toEqual([0, 8]);
    expect(warm.code).toBe(1);
    const problems = (err: string) => err.split('\n').filter((l) => l.startsWith('content/'));
    expect(problems(warm.err)).toEqual(problems(cold.err));
    expect(problems(warm.err)).toHaveLength(1);
    // the same summary, line for line, but for the render counts and the time
    expect(said(warm.text)).toEqual(said(cold.text));
    expect(said(warm.text).length).toBeGreaterThan(8);
    expect(warm.text).toMatch(/jinjiang\s+8 approved \(1 with waivers\)/);
    // not one file under out/<week>/ written again, but the audit log: 8 decisions, pending, commit
    expect(snapshot(join(dir, OUT))).toEqual(files);
    const records = await audit(dir);
    const run = records.at(-1)!.run;
    expect(records.length).toBe(before + 10);
    expect(records.filter((r) => r.run === run && r.event === 'decision').map((r) => r.decision).sort()).toEqual(['approved', 'approved', 'approved', 'approved', 'approved', 'approved', 'approved', 'approved-with-waivers']);
    expect(records.slice(-2).map((r) => r.event)).toEqual(['pending', 'commit']);
    // --strict: the same replay, and the waived asset is not a rejection, so only the broken brief fails it
    expect((await build(dir, '--strict')).code).toBe(1);

    // a photo's bytes are part of what a build reads, though the brief naming it is unchanged
    const photo = join(dir, 'content/photos/jinjiang/morning-meeting.jpg');
    await writeFile(photo, await sharp(await readFile(photo)).modulate({ brightness: 1.1 }).jpeg({ quality: 85 }).toBuffer());
    const newPhoto = await build(dir);
    expect(newPhoto.replayed).toBe(false);
    expect(newPhoto.rendered).toBe(1);

    // an output removed since: built again, and it is back
    const preview = snapshot(join(dir, OUT)).find(([p]) => p.startsWith('public/previews/'))![0];
    await rm(join(dir, OUT, preview));
    const removed = await build(dir);
    expect(removed.replayed).toBe(false);
    expect(removed.rendered).toBe(0);
    expect((await stat(join(dir, OUT, preview))).isFile()).toBe(true);

    // a bundle changed behind the build's back, even with its old size and time kept: published again
    const zip = join(dir, OUT, 'public/bundles/jinjiang.zip');
    const good = await readFile(zip);
    const { mtime } = await stat(zip);
    const forged = Buffer.from(good);
    forged.writeUInt8(forged.readUInt8(forged.length - 30) ^ 0xff, forged.length - 30);
    await writeFile(zip, forged);
    await utimes(zip, mtime, mtime);
    const tampered = await build(dir);
    expect(tampered.replayed).toBe(false);
    expect((await readFile(zip)).equals(good)).toBe(true);

    // a torn last audit line (a killed run): recovery's work, so a full build
    await appendFile(join(dir, OUT, 'review/audit.jsonl'), '{"event":"decis');
    expect((await build(dir)).replayed).toBe(false);
    expect((await build(dir)).replayed).toBe(true);

    // --no-cache never replays, and what it built is replayed by the next run
    const forced = await build(dir, '--no-cache');
    expect(forced.replayed).toBe(false);
    expect(forced.rendered).toBe(8);
    expect((await build(dir, '--no-cache')).replayed).toBe(false);
    expect((await build(dir)).replayed).toBe(true);
  }, 240_000);

  it('replays nothing when the branches asked for, the rule set or the signing key differ', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wendu-rerun-inputs-'));
    await cp(CONTENT_DIR, join(dir, 'content'), { recursive: true });
    expect((await build(dir)).replayed).toBe(false);
    expect((await build(dir)).replayed).toBe(true);
    // the bank's policy turns a rule off: the rule set changes, so every job is judged again
    await writeFile(join(dir, 'content/policy.yaml'), `${await readFile(join(dir, 'content/policy.yaml'), 'utf8')}\n# 复核：本周不变\n`);
    expect((await build(dir)).replayed).toBe(false);
    expect((await build(dir)).replayed).toBe(true);
    const { io } = capture(dir);
    expect(await main(['keys', 'init', '--dir', 'keys'], io)).toBe(0);
    const signed = await build(dir, '--signing-key', 'keys/wendu-signing.key');
    expect(signed.replayed).toBe(false);
    expect(signed.text).toContain('signed');
    expect((await build(dir, '--signing-key', 'keys/wendu-signing.key')).replayed).toBe(true);
    expect((await build(dir)).replayed).toBe(false);
  }, 120_000);
});
