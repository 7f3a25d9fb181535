// The output folder, out/<week>/, and how it changes: the disk edge of publishing.
//
//   public/   what branches may see: portal, branch folders (the bundle unpacked), bundles/*.zip,
//             signing-key.pub — nothing of a rejected asset, no finding
//   review/   reviewers and operators: report, lint.json, lint.sarif, audit.jsonl, plan.json,
//             thumbs/, outcomes/<branch>.json
//
// Crash safety: every file is written under a short temporary name (`.t-xxxxxxxx`, so a long file
// name never overflows NAME_MAX) and renamed; folders are filled aside (`.s-…`) and swapped in. A
// branch changes as one transaction: its audit lines are appended first with a `pending` record
// naming the new zip's SHA-256, then the zip is renamed in, the folder swapped, and a `commit`
// record appended. The next run (under the lock) finishes or rolls back whatever a killed run left:
// folders re-extracted from the zip that is live, pending records committed or aborted by what is
// on disk, temporary names removed. The portal and the report are rebuilt from disk every run.
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { appendFile, link, mkdir, open, readdir, readFile, rename, rm, stat, truncate, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readZip } from '../bundle/verify.ts';
import { sha256 } from '../bundle/bundle.ts';
import type { BranchRelease } from '../bundle/release.ts';
import type { BranchOutcome } from '../report/review.ts';
import type { BranchPageData, PortalBranch, PortalTag, ReportData } from '../report/model.ts';
import { chineseDate } from '../week.ts';

export const PUBLIC = 'public';
export const REVIEW = 'review';
const TEMP = /^\.(t|s|o)-[0-9a-f]{8}$/;

export const tempName = (kind: 't' | 's' | 'o' = 't') => `.${kind}-${randomBytes(4).toString('hex')}`;
const exists = (p: string) => stat(p).then(() => true, () => false);

/** Writes through a short temporary name in the same folder and a rename. */
export async function writeAtomic(path: string, data: string | Uint8Array, durable = false): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), tempName());
  try {
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(data);
      if (durable) await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Fills a fresh folder `.s-…` beside `dir` with `files` and swaps it in place of `dir` (removed first when `files` is undefined). */
export async function swapDir(dir: string, files: { path: string; data: Uint8Array }[] | undefined): Promise<void> {
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  let staging: string | undefined;
  if (files) {
    staging = join(parent, tempName('s'));
    for (const f of files) {
      await mkdir(dirname(join(staging, f.path)), { recursive: true });
      await writeFile(join(staging, f.path), f.data);
    }
  }
  let old: string | undefined;
  if (await exists(dir)) {
    old = join(parent, tempName('o'));
    await rename(dir, old);
  }
  if (staging) await rename(staging, dir);
  if (old) await rm(old, { recursive: true, force: true });
}

// ── the lock ────────────────────────────────────────────────────────────────────────────────────

export interface LockHolder {
  pid: number;
  host: string;
  started: string;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes out/<week>/.lock for this process, or says who holds it. The lock file is made whole
 * (written aside, then hard-linked in), and a lock whose process is gone — a killed build — is
 * taken over, so a crash never leaves the folder stuck.
 */
export async function acquireLock(outWeek: string, now: Date): Promise<{ release: () => Promise<void> } | { heldBy: LockHolder }> {
  await mkdir(outWeek, { recursive: true });
  const path = join(outWeek, '.lock');
  const me: LockHolder = { pid: process.pid, host: hostname(), started: now.toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    const tmp = join(outWeek, tempName());
    await writeFile(tmp, JSON.stringify(me));
    try {
      await link(tmp, path);
      await unlink(tmp);
      const release = async () => {
        process.removeListener('exit', onExit);
        await rm(path, { force: true });
      };
      const onExit = () => {
        try {
          unlinkSync(path);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', onExit);
      return { release };
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      // ENOENT: our half-made lock was swept by the holder's cleanup; try again
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let raw = '';
    let holder: LockHolder | undefined;
    try {
      raw = await readFile(path, 'utf8');
      holder = JSON.parse(raw) as LockHolder;
    } catch {
      holder = undefined;
    }
    if (holder && (holder.host !== me.host || alive(holder.pid))) return { heldBy: holder };
    // the holder is gone (killed): move its lock aside and take over — unless what was moved is
    // not the dead lock we read (another build took over in between): then put it back
    const aside = join(outWeek, tempName());
    try {
      await rename(path, aside);
    } catch {
      continue;
    }
    const moved = await readFile(aside, 'utf8').catch(() => '');
    if (moved !== raw) await link(aside, path).catch(() => undefined);
    await rm(aside, { force: true });
  }
  throw new Error(`could not take ${path}`);
}


// ── the audit log (journal) ─────────────────────────────────────────────────────────────────────

export interface AuditRecord {
  event: 'decision' | 'pending' | 'commit' | 'abort';
  run: string;
  branch?: string;
  /** the zip that is live after this branch's change; null when the branch ships nothing */
  sha256?: string | null;
  [key: string]: unknown;
}

const auditPath = (outWeek: string) => join(outWeek, REVIEW, 'audit.jsonl');

export async function appendAudit(outWeek: string, records: AuditRecord[]): Promise<void> {
  await mkdir(join(outWeek, REVIEW), { recursive: true });
  // one write: a kill leaves the whole batch or a torn last line, which the next run trims
  await appendFile(auditPath(outWeek), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
}

export async function readAudit(outWeek: string): Promise<AuditRecord[]> {
  const text = await readFile(auditPath(outWeek), 'utf8').catch(() => '');
  const out: AuditRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as AuditRecord);
    } catch {
      /* a torn line of a killed run */
    }
  }
  return out;
}

/** Publishes one branch as a transaction: pending record, zip, folder, commit record. `release` undefined withdraws it. */
export async function commitBranch(outWeek: string, branch: string, release: BranchRelease | undefined, decisions: AuditRecord[], run: string): Promise<void> {
  const pub = join(outWeek, PUBLIC);
  const zipPath = join(pub, 'bundles', `${branch}.zip`);
  let tmpZip: string | undefined;
  if (release) {
    await mkdir(dirname(zipPath), { recursive: true });
    tmpZip = join(dirname(zipPath), tempName());
    await writeAtomicTo(tmpZip, release.zip);
  }
  const sha = release?.sha256 ?? null;
  await appendAudit(outWeek, [...decisions, { event: 'pending', run, branch, sha256: sha }]);
  if (tmpZip) await rename(tmpZip, zipPath);
  else await rm(zipPath, { force: true });
  await swapDir(join(pub, branch), release?.files);
  await appendAudit(outWeek, [{ event: 'commit', run, branch, sha256: sha }]);
}

async function writeAtomicTo(tmp: string, data: Uint8Array) {
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

// ── recovery ────────────────────────────────────────────────────────────────────────────────────

async function* walk(dir: string): AsyncGenerator<{ path: string; name: string; isDir: boolean }> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    yield { path, name: e.name, isDir: e.isDirectory() };
    if (e.isDirectory() && !TEMP.test(e.name)) yield* walk(path);
  }
}

/** Every temporary name under out/<week>: what a killed run leaves. */
export async function leftovers(outWeek: string): Promise<string[]> {
  const found: string[] = [];
  for await (const e of walk(outWeek)) if (TEMP.test(e.name) || /\.tmp-\d+-[0-9a-f]+$/.test(e.name) || e.name.startsWith('.staging-')) found.push(e.path);
  return found;
}

/** Zip ids on disk: public/bundles/<id>.zip. */
export async function bundlesOnDisk(outWeek: string): Promise<string[]> {
  const names = await readdir(join(outWeek, PUBLIC, 'bundles')).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.zip') && !n.startsWith('.')).map((n) => n.slice(0, -4)).sort();
}

/**
 * Finishes what a killed run left: a torn audit line trimmed; each branch folder made the unpacked
 * copy of the zip that is live; folders without a zip removed; pending records committed (when the
 * live zip is the one they name) or aborted; temporary names removed. Returns what it did.
 */
export async function recover(outWeek: string, run: string): Promise<string[]> {
  const did: string[] = [];
  const audit = auditPath(outWeek);
  const text = await readFile(audit).catch(() => undefined);
  if (text && text.length && text[text.length - 1] !== 0x0a) {
    await truncate(audit, text.lastIndexOf(0x0a) + 1);
    did.push('trimmed a torn audit line');
  }
  const pub = join(outWeek, PUBLIC);
  const live = new Map<string, string>();
  for (const id of await bundlesOnDisk(outWeek)) {
    const zip = await readFile(join(pub, 'bundles', `${id}.zip`));
    live.set(id, sha256(zip));
    let entries: Map<string, Buffer>;
    try {
      entries = await readZip(zip);
    } catch {
      continue; // never happens for a renamed-in zip; verify reports it
    }
    const onDisk = await readFile(join(pub, id, 'manifest.json')).catch(() => undefined);
    const inZip = entries.get('manifest.json');
    if (!onDisk || !inZip || !onDisk.equals(inZip)) {
      await swapDir(join(pub, id), [...entries].map(([path, data]) => ({ path, data })));
      did.push(`re-extracted ${id}/ from its zip`);
    }
  }
  for (const name of await readdir(pub).catch(() => [] as string[])) {
    if (name === 'bundles' || name.startsWith('.') || live.has(name)) continue;
    if (await exists(join(pub, name, 'manifest.json'))) {
      await rm(join(pub, name), { recursive: true, force: true });
      did.push(`removed ${name}/ (its bundle was withdrawn)`);
    }
  }
  const open = new Map<string, AuditRecord>();
  for (const r of await readAudit(outWeek)) {
    if (!r.branch) continue;
    if (r.event === 'pending') open.set(r.branch, r);
    else if (r.event === 'commit' || r.event === 'abort') open.delete(r.branch);
  }
  const fixes: AuditRecord[] = [];
  for (const [branch, p] of open) {
    const now = live.get(branch) ?? null;
    if (now === (p.sha256 ?? null)) fixes.push({ event: 'commit', run: p.run, branch, sha256: now, recoveredBy: run });
    else fixes.push({ event: 'abort', run: p.run, branch, sha256: now, recoveredBy: run });
  }
  if (fixes.length) {
    await appendAudit(outWeek, fixes);
    did.push(`${fixes.length} interrupted branch change(s) settled in the audit log`);
  }
  const temps = await leftovers(outWeek);
  for (const t of temps) await rm(t, { recursive: true, force: true });
  if (temps.length) did.push(`removed ${temps.length} temporary file(s)`);
  return did;
}

/** Files of the layout before public/ and review/ existed: served as a whole, they exposed drafts. */
export async function removeLegacyLayout(outWeek: string, branchIds: readonly string[]): Promise<void> {
  const legacyAudit = join(outWeek, 'audit.jsonl');
  if ((await exists(legacyAudit)) && !(await exists(auditPath(outWeek)))) {
    await mkdir(join(outWeek, REVIEW), { recursive: true });
    await rename(legacyAudit, auditPath(outWeek));
  }
  for (const name of ['index.html', 'plan.json', 'report', 'bundles', 'audit.jsonl', ...branchIds]) await rm(join(outWeek, name), { recursive: true, force: true });
}

// ── rebuilding the portal and the report from disk ──────────────────────────────────────────────

export async function outcomesOnDisk(outWeek: string): Promise<BranchOutcome[]> {
  const dir = join(outWeek, REVIEW, 'outcomes');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
  const out: BranchOutcome[] = [];
  for (const n of names) {
    try {
      out.push(JSON.parse(await readFile(join(dir, n), 'utf8')) as BranchOutcome);
    } catch {
      /* unreadable: left out of the report, the next build of that branch rewrites it */
    }
  }
  return out;
}

const ordered = <T extends { id: string }>(items: T[], order: readonly string[]) =>
  [...items].sort((a, b) => {
    const i = order.indexOf(a.id);
    const j = order.indexOf(b.id);
    return (i < 0 ? 1e9 : i) - (j < 0 ? 1e9 : j) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });

/** The portal's branches and tags from public/ (pages, zips) and review/outcomes (counts). */
export async function portalFromDisk(outWeek: string, order: readonly string[]): Promise<{ branches: PortalBranch[]; tags: PortalTag[] }> {
  const pub = join(outWeek, PUBLIC);
  const outcomes = new Map((await outcomesOnDisk(outWeek)).map((o) => [o.branch.id, o]));
  const ids = new Set([...outcomes.keys(), ...(await bundlesOnDisk(outWeek))]);
  const pages = new Map<string, BranchPageData>();
  const branches: PortalBranch[] = [];
  for (const id of ids) {
    const o = outcomes.get(id);
    const zip = await readFile(join(pub, 'bundles', `${id}.zip`)).catch(() => undefined);
    const page = zip ? await readFile(join(pub, id, 'posts.json'), 'utf8').then((t) => JSON.parse(t) as BranchPageData, () => undefined) : undefined;
    if (page) pages.set(id, page);
    const info = page?.branch ?? o?.branch;
    if (!info) continue;
    const shipped = page?.posts.length ?? 0;
    const approved = o ? o.assets.filter((a) => a.status !== 'rejected').length : shipped;
    const firstImages = (page?.posts ?? [])
      .map((p) => p.images[0] ?? p.stickers?.[0]?.still)
      .filter((i): i is NonNullable<typeof i> => !!i)
      .slice(0, 4)
      .map((i) => `${id}/${i.path}`);
    branches.push({
      id,
      name: info.name,
      city: info.city,
      assets: zip ? approved : 0,
      rejected: o ? o.assets.length - approved : 0,
      ...(zip ? { bundle: { path: `bundles/${id}.zip`, bytes: zip.length, sha256: sha256(zip) } } : {}),
      ...(page ? { page: `${id}/index.html` } : {}),
      thumbnails: firstImages,
      colors: info.colors,
    });
  }
  const sorted = ordered(branches, order);
  const tagNames = [...new Set(sorted.flatMap((b) => [...(pages.get(b.id)?.branch.tags ?? outcomes.get(b.id)?.branch.tags ?? []), ...(pages.get(b.id)?.posts.flatMap((p) => p.segments) ?? [])]))];
  const tags: PortalTag[] = tagNames.map((tag) => ({
    tag,
    branches: sorted
      .filter((b) => (pages.get(b.id)?.branch.tags ?? outcomes.get(b.id)?.branch.tags ?? []).includes(tag) || pages.get(b.id)?.posts.some((p) => p.segments.includes(tag)))
      .map((b) => ({
        id: b.id,
        name: b.name,
        posts: (pages.get(b.id)?.posts ?? [])
          .filter((p) => p.mode !== 'stickers' && (p.segments.length === 0 || p.segments.includes(tag)))
          .map((p) => ({ order: p.order, title: p.title, slot: `${chineseDate(p.date)} ${p.time}` })),
      })),
  }));
  return { branches: sorted, tags };
}

/** The report's data from review/outcomes and this run's problems and stale waivers. */
export async function reportFromDisk(outWeek: string, week: string, ruleset: string, order: readonly string[], run: Pick<ReportData, 'staleWaivers' | 'problems'>): Promise<ReportData> {
  const outcomes = await outcomesOnDisk(outWeek);
  const byBranch = ordered(outcomes.map((o) => ({ id: o.branch.id, o })), order);
  return { week, ruleset, assets: byBranch.flatMap((x) => x.o.assets), staleWaivers: run.staleWaivers, problems: run.problems };
}
