// The publish step of `wendu build`: the approve → bundle → report stages' outputs written as
// out/<week>/public (what branches may see) and out/<week>/review (reviewers only). Each branch's
// release is committed as one transaction (see out.ts); the portal and the report are then rebuilt
// from what is on disk, so they always show what is really there.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import sharp from 'sharp';
import PQueue from 'p-queue';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Branch, Content, Job, Problem, TextSpan, Waiver } from '../model.ts';
import type { ReportData } from '../report/model.ts';
import type { JobResult } from '../batch.ts';
import type { Finding } from '../lint/index.ts';
import type { ActiveRules } from '../lint/policy.ts';
import { FORMATS, type FileResult } from '../lint/format/index.ts';
import { avatarImages, branchRelease } from '../bundle/release.ts';
import { fingerprint, publicKeyFrom, type SigningKey } from '../bundle/sign.ts';
import { branchOutcome, reviewThumbs, type BranchOutcome, type Derive, type Thumb } from '../report/review.ts';
import { reportHtml } from '../report/html.ts';
import { portalHtml } from '../report/portal.ts';
import { chineseDate, dateOf } from '../week.ts';
import type { BranchRun } from './rerun.ts';
import { appendAudit, commitBranch, portalFromDisk, PUBLIC, recover, removeLegacyLayout, reportFromDisk, REVIEW, swapDir, writeAtomic, type AuditRecord } from './out.ts';

export interface Published {
  bundles: Map<string, { path: string; bytes: number; sha256: string }>;
  stale: Waiver[];
  recovered: string[];
  /** branches that could not be published, with why (the rest were) */
  failed: string[];
  /** each branch published, in order: its decisions and its live zip (what a replaying re-run audits again) */
  branches: BranchRun[];
}

export interface PublishInput {
  content: Content;
  jobs: Job[];
  results: JobResult[];
  outWeek: string;
  key?: SigningKey;
  readContentFile: (rel: string) => Promise<Buffer>;
  branchIds: string[];
  /** the rules as the bank's policy set them: their version goes into every manifest and report */
  active: ActiveRules;
  /** SARIF's keyed fingerprints and the root its relative paths are under */
  sarif: { fingerprintKey: Uint8Array; srcRoot: string };
  /**
   * where the results' bytes are: loaded one branch at a time and dropped once it is published,
   * so memory does not grow with the number of branches (default: already in `data`)
   */
  files?: { load(r: JobResult): Promise<void>; unload(r: JobResult): void };
  /** this build is shard I of N (`wendu build --shard`): what `wendu merge` needs is written too */
  shard?: { index: number; count: number };
  /** the audit log's time and run id; default: now and a random id (SOURCE_DATE_EPOCH fixes both, see stampOf) */
  stamp?: { at: string; run: string };
  /** derived images (thumbnails, previews) kept by their source's hash: the render store's `derived` */
  derive?: Derive;
  /** Wendu's version, part of what a branch's files are made from (see `publishInputs`) */
  version?: string;
  /** write every branch again even when its inputs have not changed (--no-cache) */
  force?: boolean;
}

/** The audit stamp: fixed by SOURCE_DATE_EPOCH (reproducible builds; shards merged byte for byte), else now. */
export function stampOf(week: string, env: Record<string, string | undefined>): { at: string; run: string } {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) {
    return { at: new Date(Number(epoch) * 1000).toISOString(), run: createHash('sha256').update(`${week}\0${epoch}`).digest('hex').slice(0, 12) };
  }
  return { at: new Date().toISOString(), run: createHash('sha256').update(`${new Date().toISOString()}${process.pid}${Math.random()}`).digest('hex').slice(0, 12) };
}

/**
 * The approve → bundle → report stages' outputs, written as out/<week>/public and review: each
 * branch's release committed as one transaction, then the portal and report rebuilt from disk.
 */
export async function publish(input: PublishInput): Promise<Published> {
  const out = await publisher(input);
  for (const branch of input.content.branches) {
    const mine = input.results.filter((r) => r.job.branch === branch.id);
    if (mine.length) await out.branch(branch, mine);
  }
  return out.finish(input.results);
}

export interface Publisher {
  /**
   * Publishes one branch from all its results, as one transaction. Branches are published in
   * branches.yaml order (the audit log's order), each as soon as it is complete, while later ones
   * are still rendering; a branch that cannot be published is reported, the others go on.
   */
  branch(branch: Branch, mine: JobResult[]): Promise<void>;
  /** After every branch: signing key, run files, portal and report (from disk). */
  finish(results: JobResult[]): Promise<Published>;
}

/** Starts publishing a build: recovers what a killed run left and prepares what every branch shares. */
export async function publisher(input: Omit<PublishInput, 'results'>): Promise<Publisher> {
  const { content, outWeek, key } = input;
  const ruleset = input.active.version;
  const week = content.week;
  const { at, run } = input.stamp ?? stampOf(week, {});
  await removeLegacyLayout(outWeek, input.branchIds);
  const recovered = await recover(outWeek, run);
  const range = weekRange(week);
  const avatars = await avatarImages(new Set(input.jobs.map((j) => j.persona)), input.readContentFile, input.derive);
  const bundles = new Map<string, { path: string; bytes: number; sha256: string }>();
  const failed: string[] = [];
  const done: BranchRun[] = [];
  const record = (id: string, decisions: AuditRecord[], sha256: string | null) => done.push({ id, decisions: decisions.map(({ at: _at, run: _run, ...d }) => d), sha256 });

  const publishBranch = async (branch: Branch, mine: JobResult[]) => {
    // one branch that cannot be published (a disk error, a bundle that cannot be made) does not stop the others
    try {
      const decisions: AuditRecord[] = mine.map((r) => ({
        event: 'decision',
        at,
        run,
        ruleset,
        branch: branch.id,
        job: r.job.id,
        hash: r.job.hash,
        decision: r.failure ? 'failed' : r.decision.approved ? (r.decision.waivers.length ? 'approved-with-waivers' : 'approved') : 'rejected',
        reasons: r.decision.reasons,
        waived: r.decision.judged.filter((j) => j.waiver).map((j) => ({ rule: j.finding.ruleId, reviewer: j.waiver!.reviewer, date: j.waiver!.date, reason: j.waiver!.reason })),
      }));
      const inputs = publishInputs({ version: input.version ?? '', week, ruleset, bank: content.bank, branch, key, avatars, results: mine });
      // nothing this branch is made from has changed and its files are whole on disk: the run's
      // decisions go into the audit log, the files stay as they are (bytes would come out the same)
      const same = input.force ? undefined : await unchanged(outWeek, branch.id, inputs);
      if (same) {
        await appendAudit(outWeek, [...decisions, { event: 'pending', run, branch: branch.id, sha256: same.bundle?.sha256 ?? null }, { event: 'commit', run, branch: branch.id, sha256: same.bundle?.sha256 ?? null }]);
        if (same.bundle) bundles.set(branch.id, { path: `${PUBLIC}/bundles/${branch.id}.zip`, bytes: same.bundle.bytes, sha256: same.bundle.sha256 });
        record(branch.id, decisions, same.bundle?.sha256 ?? null);
        return;
      }
      for (const r of mine) await input.files?.load(r);
      const release = await branchRelease({ week, range, bank: content.bank, branch, ruleset, results: mine, avatars, ...(key ? { key } : {}) });
      // the reviewers' side first: thumbnails (every asset, rejected ones too) and the outcome
      // made side by side (sharp works off the main thread, on libvips' threads), kept in job order
      const made = await Promise.all(mine.map((r) => Promise.all([reviewThumbs(r, false, input.derive), reviewThumbs(r, true, input.derive)])));
      const thumbs = new Map<JobResult, Thumb[]>(mine.map((r, i) => [r, made[i]![0]]));
      const full = new Map<JobResult, Thumb[]>(mine.map((r, i) => [r, made[i]![1]]));
      await swapDir(join(outWeek, REVIEW, 'thumbs', branch.id), [...thumbs.values()].flat().map((t) => ({ path: t.path.replace(`thumbs/${branch.id}/`, ''), data: t.data })));
      await swapDir(join(outWeek, REVIEW, 'images', branch.id), [...full.values()].flat().map((t) => ({ path: t.path.replace(`images/${branch.id}/`, ''), data: t.data })));
      const outcome = branchOutcome({
        week,
        ruleset,
        branch,
        results: mine,
        thumbs,
        full,
        avatars,
        ...(release ? { bundle: { sha256: release.sha256, bytes: release.zip.length, ...(release.signature ? { signedBy: release.signature.key } : {}) } } : {}),
      });
      await writeAtomic(join(outWeek, REVIEW, 'outcomes', `${branch.id}.json`), `${JSON.stringify({ ...outcome, inputs }, null, 2)}\n`);
      await commitBranch(outWeek, branch.id, release, decisions, run);
      if (release) bundles.set(branch.id, { path: `${PUBLIC}/bundles/${branch.id}.zip`, bytes: release.zip.length, sha256: release.sha256 });
      record(branch.id, decisions, release?.sha256 ?? null);
    } catch (err) {
      failed.push(`${branch.id}: ${(err as Error).message}`);
    } finally {
      for (const r of mine) input.files?.unload(r);
    }
  };

  const finish = async (results: JobResult[]): Promise<Published> => {
    if (key) await writeAtomic(join(outWeek, PUBLIC, 'signing-key.pub'), key.publicPem);
    const pieces = runPieces({ ...input, results });
    if (input.shard) await writeAtomic(join(outWeek, REVIEW, SHARD_FILE), `${JSON.stringify({ shard: input.shard, ...pieces })}\n`);
    const stale = await writeRunFiles(outWeek, pieces, input.sarif, input.derive);
    return { bundles, stale, recovered, failed, branches: done };
  };
  return { branch: publishBranch, finish };
}

/** Bump when what publishing writes for a branch changes shape, so no build reuses older files. */
const PUBLISH_FORMAT = 1;

/**
 * SHA-256 over everything a branch's published files are made from: Wendu's version, the week, the
 * rule set, the bank, the branch, the signing key, the personas' avatars and every result (the job
 * by its content hash, caption, drawn strings, findings, decision, the images by their hashes).
 * Equal inputs make equal bytes.
 */
export function publishInputs(input: { version: string; week: string; ruleset: string; bank: unknown; branch: unknown; key?: SigningKey; avatars: ReadonlyMap<string, Buffer>; results: readonly JobResult[] }): string {
  const h = createHash('sha256');
  const part = (x: unknown) => h.update(`${JSON.stringify(x, (k, v) => (k === 'data' && v && typeof v === 'object' && v.type === 'Buffer' ? undefined : v))}\0`);
  part({ format: PUBLISH_FORMAT, version: input.version, week: input.week, ruleset: input.ruleset, bank: input.bank, branch: input.branch, key: input.key?.fingerprint ?? null });
  // only the avatars of this branch's personas: a shard holds fewer, the same branch's bytes are equal
  const personas = new Set(input.results.map((r) => r.job.persona.id));
  for (const [persona, data] of [...input.avatars].sort(([a], [b]) => (a < b ? -1 : 1))) if (personas.has(persona)) part([persona, createHash('sha256').update(data).digest('hex')]);
  for (const r of input.results) {
    if (r.files.some((f) => !f.sha256 && !f.data.length)) return randomHash();
    // the job by its content hash (brief, persona, branch, bank, slot: plan.ts), not its parsed brief
    // with a source map per character; its texts follow from it and from what is hashed here
    const { job, spans: _spans, ...rest } = r;
    part({ job: { id: job.id, hash: job.hash, order: job.order }, ...rest, files: r.files.map((f) => ({ ...f, sha256: f.sha256 ?? createHash('sha256').update(f.data).digest('hex') })) });
  }
  return h.digest('hex');
}

const randomHash = () => createHash('sha256').update(`${Math.random()}${process.hrtime.bigint()}`).digest('hex');

/** The branch's outcome on disk when it was made from `inputs` and its bundle, folder and thumbnails are all there. */
async function unchanged(outWeek: string, branch: string, inputs: string): Promise<BranchOutcome | undefined> {
  const outcome = await readFile(join(outWeek, REVIEW, 'outcomes', `${branch}.json`), 'utf8').then((t) => JSON.parse(t) as BranchOutcome, () => undefined);
  if (!outcome || outcome.inputs !== inputs) return undefined;
  const isDir = (p: string) => stat(p).then((s) => s.isDirectory(), () => false);
  if (!(await isDir(join(outWeek, REVIEW, 'thumbs', branch))) || !(await isDir(join(outWeek, REVIEW, 'images', branch)))) return undefined;
  const zip = await readFile(join(outWeek, PUBLIC, 'bundles', `${branch}.zip`)).catch(() => undefined);
  if (!outcome.bundle) return zip ? undefined : outcome;
  if (!zip || createHash('sha256').update(zip).digest('hex') !== outcome.bundle.sha256) return undefined;
  return (await isDir(join(outWeek, PUBLIC, branch))) ? outcome : undefined;
}

/** What a shard leaves for `wendu merge` beside its outcomes: review/shard.json. */
export const SHARD_FILE = 'shard.json';

/**
 * Everything of one build's run beyond the branches' own folders, as plain data: what run.json,
 * lint.json, lint.sarif and plan.json are made from. A sharded build writes it to review/shard.json
 * and `wendu merge` concatenates the shards' pieces; both then write through `writeRunFiles`, so
 * the merged files are the bytes an unsharded build writes.
 */
export interface RunPieces {
  week: string;
  bank: string;
  ruleset: string;
  catalog: ActiveRules['catalog'];
  /** branch order of branches.yaml */
  order: string[];
  /** approvals.yaml's waivers in file order; results name them by index (waivers match by value) */
  waivers: Waiver[];
  contentProblems: Problem[];
  /** in build order: by branch id, then posting order */
  results: PieceResult[];
  plan: ReturnType<typeof planJson>['jobs'];
}

export interface PieceResult {
  branch: string;
  order: number;
  brief: string;
  file: string;
  spans: TextSpan[];
  /** the lint findings that go into lint.json / lint.sarif, with the index of the waiver that waived each */
  findings: { finding: Finding; waiver?: number }[];
  /** indices of the waivers the gate applied */
  used: number[];
  failure?: Problem;
}

const sameWaiver = (a: Waiver, b: Waiver) => a.brief === b.brief && a.rule === b.rule && a.textHash === b.textHash && a.reviewer === b.reviewer && a.date === b.date && a.reason === b.reason;

export function runPieces(input: Pick<PublishInput, 'content' | 'results' | 'jobs' | 'active'>): RunPieces {
  const { content } = input;
  const indexOf = (w: Waiver) => content.waivers.findIndex((x) => sameWaiver(x, w));
  return {
    week: content.week,
    bank: content.bank.name,
    ruleset: input.active.version,
    catalog: input.active.catalog,
    order: content.branches.map((b) => b.id),
    waivers: content.waivers,
    contentProblems: content.problems,
    results: input.results.map((r) => ({
      branch: r.job.branch,
      order: r.job.order,
      brief: r.job.brief.id,
      file: r.job.brief.file,
      spans: r.spans,
      findings: r.decision.judged.flatMap((j) => {
        const f = j.finding as Finding;
        if (!f.textHash || !f.basis) return [];
        return [{ finding: f, ...(j.waiver ? { waiver: indexOf(j.waiver) } : {}) }];
      }),
      used: r.decision.waivers.map(indexOf).filter((i) => i >= 0),
      ...(r.failure ? { failure: r.failure } : {}),
    })),
    plan: planJson(content, input.jobs).jobs,
  };
}

/** Shards' pieces as one run's: results and plan jobs in the order one unsharded build makes them. */
export function mergePieces(shards: RunPieces[]): RunPieces {
  const [first] = shards;
  if (!first) throw new Error('nothing to merge');
  const rank = (id: string) => first.order.indexOf(id);
  return {
    ...first,
    results: shards.flatMap((s) => s.results).sort((a, b) => a.branch.localeCompare(b.branch) || a.order - b.order),
    plan: shards.flatMap((s) => s.plan).sort((a, b) => rank(a.branch) - rank(b.branch) || a.order - b.order),
  };
}

/** run.json, the portal and report (from disk), lint.json, lint.sarif and plan.json of one run; returns the stale waivers. */
export async function writeRunFiles(outWeek: string, pieces: RunPieces, sarif: PublishInput['sarif'], derive?: Derive): Promise<Waiver[]> {
  const judgedBriefs = new Set(pieces.results.map((r) => r.brief));
  const used = new Set(pieces.results.flatMap((r) => r.used));
  const stale = pieces.waivers.filter((w, i) => judgedBriefs.has(w.brief) && !used.has(i));
  const problems = [...pieces.contentProblems, ...pieces.results.flatMap((r) => (r.failure ? [r.failure] : []))];
  const runInfo: RunInfo = {
    week: pieces.week,
    bank: pieces.bank,
    ruleset: pieces.ruleset,
    order: pieces.order,
    staleWaivers: stale.map(({ brief, rule, reviewer, date, reason }) => ({ brief, rule, reviewer, date, reason })),
    problems: problems.map(({ file, line, column, message, ruleId }) => ({ file, line, column, message, ruleId })),
  };
  await writeAtomic(join(outWeek, REVIEW, 'run.json'), `${JSON.stringify(runInfo, null, 2)}\n`);
  await writePages(outWeek, derive);

  // lint.json / lint.sarif: every finding once per brief file (an _all brief's texts are linted per branch)
  const byFile = new Map<string, FileResult>();
  const entryFor = (file: string) => {
    const entry = byFile.get(file) ?? { file, findings: [], problems: [] };
    byFile.set(file, entry);
    return entry;
  };
  for (const r of pieces.results) {
    const entry = entryFor(r.file);
    entry.spans = [...(entry.spans ?? []), ...r.spans];
    for (const { finding: f, waiver } of r.findings) {
      if (!entry.findings.some((x) => x.ruleId === f.ruleId && x.line === f.line && x.column === f.column && x.field === f.field)) entry.findings.push(f);
      if (waiver !== undefined && pieces.waivers[waiver]) (entry.waived ??= new Map()).set(f, pieces.waivers[waiver]!);
    }
  }
  for (const p of pieces.contentProblems) entryFor(p.file).problems.push(p);
  const fileResults = [...byFile.values()].sort((a, b) => a.file.localeCompare(b.file));
  const meta = { ruleset: pieces.ruleset, catalog: pieces.catalog, fixed: [], ...sarif };
  await writeAtomic(join(outWeek, REVIEW, 'lint.json'), FORMATS.json(fileResults, meta));
  await writeAtomic(join(outWeek, REVIEW, 'lint.sarif'), FORMATS.sarif(fileResults, meta));
  await writeAtomic(join(outWeek, REVIEW, 'plan.json'), `${JSON.stringify({ week: pieces.week, jobs: pieces.plan }, null, 2)}\n`);
  return stale;
}

/** What the portal and report need beyond the branches' outcomes: review/run.json. */
export interface RunInfo {
  week: string;
  bank: string;
  ruleset: string;
  /** branch order of branches.yaml */
  order: string[];
  staleWaivers: ReportData['staleWaivers'];
  problems: ReportData['problems'];
}

/** The portal and the report, rebuilt from what is on disk alone (public/, review/outcomes, review/run.json). */
export async function writePages(outWeek: string, derive?: Derive): Promise<void> {
  const run = JSON.parse(await readFile(join(outWeek, REVIEW, 'run.json'), 'utf8')) as RunInfo;
  const portal = await portalFromDisk(outWeek, run.order);
  // small previews for the portal (a phone should not fetch full images to show four thumbnails),
  // branches side by side on every core (sharp works off the main thread)
  const pub = join(outWeek, PUBLIC);
  const queue = new PQueue({ concurrency: availableParallelism() });
  await queue.addAll(
    portal.branches.map((b) => async () => {
      const files: { path: string; data: Buffer }[] = [];
      for (const [i, t] of b.thumbnails.entries()) {
        const data = await readFile(join(pub, t)).catch(() => undefined);
        if (!data) continue;
        const make = () => sharp(data).resize({ width: 360, withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: 78 }).toBuffer();
        files.push({ path: `${i + 1}.jpg`, data: derive ? await derive(createHash('sha256').update(data).digest('hex'), 'preview 360 q78', make) : await make() });
      }
      await swapDir(join(pub, 'previews', b.id), files.length ? files : undefined);
      b.thumbnails = files.map((f) => `previews/${b.id}/${f.path}`);
    }),
  );
  for (const name of await readdir(join(pub, 'previews')).catch(() => [] as string[])) {
    if (!name.startsWith('.') && !portal.branches.some((b) => b.id === name && b.thumbnails.length)) await rm(join(pub, 'previews', name), { recursive: true, force: true });
  }
  const publicKey = await readFile(join(outWeek, PUBLIC, 'signing-key.pub')).then((pem) => ({ path: 'signing-key.pub', fingerprint: fingerprint(publicKeyFrom(pem)) }), () => undefined);
  await writeAtomic(
    join(outWeek, PUBLIC, 'index.html'),
    portalHtml({ week: run.week, range: weekRange(run.week), bank: run.bank, ruleset: run.ruleset, branches: portal.branches, tags: portal.tags, ...(publicKey ? { publicKey } : {}) }),
  );
  await writeAtomic(join(outWeek, REVIEW, 'index.html'), reportHtml(await reportFromDisk(outWeek, run.week, run.ruleset, run.order, run)));
}

export const weekRange = (week: string) => `${chineseDate(dateOf(week, 'mon')).split(' ')[0]} – ${chineseDate(dateOf(week, 'sun')).split(' ')[0]}`;

function planJson(content: Content, jobs: Job[]) {
  return {
    week: content.week,
    jobs: jobs.map((j) => ({
      id: j.id,
      branch: j.branch,
      brief: j.brief.id,
      file: j.brief.file,
      kind: j.brief.fields.kind,
      persona: j.persona.id,
      date: j.date,
      time: j.time,
      order: j.order,
      hash: j.hash,
    })),
  };
}

