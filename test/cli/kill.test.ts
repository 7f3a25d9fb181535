// Crash safety: publishing killed with SIGKILL at random moments, again and again, then run once
// more. After every kill each zip on disk is whole and signed; after the re-run no temporary file
// remains, every folder is its zip unpacked, the portal shows each zip's SHA-256, and the audit
// log has committed every bundle on disk.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../pipeline/bundle/verify.ts';
import { main } from '../../pipeline/cli/main.ts';
import { generateSigningKey } from '../../pipeline/bundle/sign.ts';
import { bundlesOnDisk, leftovers, readAudit } from '../../pipeline/cli/out.ts';
import { plan } from '../../pipeline/plan/plan.ts';
import { serialize } from 'node:v8';
import { sampleContent } from '../helpers/jobs.ts';

const CHILD = new URL('./kill-child.ts', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;
const KILLS = 52;

let FIXTURE = '';
/** how long one publish takes here (ms), measured as the children report it: kills are spread over two of them */
let cycle = 300;

function child(outWeek: string, keyFile: string, mode: 'loop' | 'once', killAfterMs?: number, onReady?: () => void): Promise<{ code: number | null; signal: string | null; ready: boolean }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', CHILD, outWeek, keyFile, FIXTURE, mode], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let ready = false;
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.stdout.on('data', (d: Buffer) => {
      for (const m of d.toString().matchAll(/cycle (\d+)/g)) cycle = Math.round(0.7 * cycle + 0.3 * Number(m[1]));
      if (!ready && d.toString().includes('ready')) {
        ready = true;
        onReady?.();
        if (killAfterMs !== undefined) setTimeout(() => p.kill('SIGKILL'), killAfterMs);
      }
    });
    p.on('error', reject);
    p.on('exit', (code, signal) => (code && code !== 0 && code !== 3 ? reject(new Error(`child exited ${code}: ${err}`)) : resolve({ code, signal, ready })));
  });
}

/** `wendu verify --trust` over every zip on disk: each must be whole and signed. */
async function wholeBundles(outWeek: string, trusted: string) {
  const zips = (await bundlesOnDisk(outWeek)).map((id) => join(outWeek, 'public/bundles', `${id}.zip`));
  if (!zips.length) return;
  const err: string[] = [];
  const code = await main(['verify', '--trust', trusted, ...zips], { stdout: () => {}, stderr: (s: string) => void err.push(s), cwd: outWeek });
  expect(err.join(''), outWeek).toBe('');
  expect(code).toBe(0);
}

describe('a publish killed at random moments', () => {
  it(`survives ${KILLS} SIGKILLs: bundles whole, nothing temporary left, every bundle on disk committed in the audit log`, async () => {
    const keys = await mkdtemp(join(tmpdir(), 'wendu-kill-keys-'));
    const pair = generateSigningKey();
    await writeFile(join(keys, 'k.key'), pair.privatePem, { mode: 0o600 });
    const trusted = join(keys, 'k.pub');
    await writeFile(trusted, pair.publicPem);
    // two branches, five posts: small enough that one publish takes a moment, so the kills land all over it
    const content = await sampleContent();
    content.branches = content.branches.slice(0, 2);
    const briefs = ['xihu/mon-morning-meeting', 'xihu/tue-eggs-and-baskets', 'jinjiang/mon-morning-meeting', 'jinjiang/tue-first-salary', '_all/tue-poster-finance-101'];
    const jobs = plan(content).filter((j) => briefs.includes(j.brief.id));
    FIXTURE = join(keys, 'fixture.v8');
    await writeFile(FIXTURE, serialize({ content, jobs }));
    const lanes = await Promise.all([0, 1].map(() => mkdtemp(join(tmpdir(), 'wendu-kill-'))));
    let killed = 0;
    let sawLeftovers = 0;
    await Promise.all(
      lanes.map(async (dir) => {
        const outWeek = join(dir, '2026-W48');
        for (let k = 0; k < KILLS / lanes.length; k++) {
          const r = await child(outWeek, join(keys, 'k.key'), 'loop', Math.floor(Math.random() * 2 * cycle));
          expect(r.code, 'a killed build must not leave the lock stuck').not.toBe(3);
          expect(r.signal).toBe('SIGKILL');
          killed++;
          if ((await leftovers(outWeek)).length) sawLeftovers++;
          await wholeBundles(outWeek, trusted);
        }
        expect((await child(outWeek, join(keys, 'k.key'), 'once')).code).toBe(0);
      }),
    );
    expect(killed).toBeGreaterThanOrEqual(50);
    // the kills did land mid-write: some left temporary files for the next run to clean
    expect(sawLeftovers).toBeGreaterThan(0);
    for (const dir of lanes) {
      const outWeek = join(dir, '2026-W48');
      expect(await leftovers(outWeek)).toEqual([]);
      expect(await readdir(outWeek)).not.toContain('.lock');
      await wholeBundles(outWeek, trusted);
      const audit = await readAudit(outWeek);
      const portal = await readFile(join(outWeek, 'public/index.html'), 'utf8');
      for (const id of await bundlesOnDisk(outWeek)) {
        const zip = await readFile(join(outWeek, 'public/bundles', `${id}.zip`));
        const sha = createHash('sha256').update(zip).digest('hex');
        const last = audit.filter((r) => r.branch === id && r.event !== 'decision').at(-1);
        expect(last, id).toMatchObject({ event: 'commit', sha256: sha });
        expect(portal).toContain(sha.match(/.{8}/g)!.join('</span><span>'));
        const manifest = (await readZip(zip)).get('manifest.json')!;
        expect((await readFile(join(outWeek, 'public', id, 'manifest.json'))).equals(manifest), id).toBe(true);
      }
      // no pending change is left open
      const open = new Map<string, string>();
      for (const r of audit) if (r.branch && r.event !== 'decision') open.set(r.branch, r.event);
      expect([...open.values()].filter((e) => e === 'pending')).toEqual([]);
    }
    for (const d of [keys, ...lanes]) await rm(d, { recursive: true, force: true });
  }, 300_000);

  it('refuses a second publish on the same folder while the first runs, and lets it in once the first is killed', async () => {
    const keys = await mkdtemp(join(tmpdir(), 'wendu-lock-'));
    const pair = generateSigningKey();
    await writeFile(join(keys, 'k.key'), pair.privatePem, { mode: 0o600 });
    const content = await sampleContent();
    content.branches = content.branches.slice(0, 1);
    FIXTURE = join(keys, 'fixture.v8');
    await writeFile(FIXTURE, serialize({ content, jobs: plan(content).slice(0, 2) }));
    const outWeek = join(keys, 'out/2026-W48');
    // the first holds the lock (looping) until it is killed; the second comes while it runs
    let running!: () => void;
    const isRunning = new Promise<void>((r) => (running = r));
    const first = child(outWeek, join(keys, 'k.key'), 'loop', 6000, running);
    await isRunning;
    expect((await child(outWeek, join(keys, 'k.key'), 'once')).code).toBe(3);
    expect((await first).signal).toBe('SIGKILL');
    expect((await child(outWeek, join(keys, 'k.key'), 'once')).code).toBe(0);
    await rm(keys, { recursive: true, force: true });
  }, 120_000);
});
