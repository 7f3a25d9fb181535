// The publish step of `wendu build`: the approve → bundle → report stages' outputs written as
// out/<week>/public (what branches may see) and out/<week>/review (reviewers only). Each branch's
// release is committed as one transaction (see out.ts); the portal and the report are then rebuilt
// from what is on disk, so they always show what is really there.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import sharp from 'sharp';
import { join } from 'node:path';
import type { Content, Job, Waiver } from '../model.ts';
import type { ReportData } from '../report/model.ts';
import type { JobResult } from '../batch.ts';
import type { Finding } from '../lint/index.ts';
import type { ActiveRules } from '../lint/policy.ts';
import { FORMATS, type FileResult } from '../lint/format/index.ts';
import { staleWaivers } from '../approve/gate.ts';
import { avatarImages, branchRelease } from '../bundle/release.ts';
import { fingerprint, publicKeyFrom, type SigningKey } from '../bundle/sign.ts';
import { branchOutcome, reviewThumbs, type Thumb } from '../report/review.ts';
import { reportHtml } from '../report/html.ts';
import { portalHtml } from '../report/portal.ts';
import { chineseDate, dateOf } from '../week.ts';
import { commitBranch, portalFromDisk, PUBLIC, recover, removeLegacyLayout, reportFromDisk, REVIEW, swapDir, writeAtomic, type AuditRecord } from './out.ts';

export interface Published {
  bundles: Map<string, { path: string; bytes: number; sha256: string }>;
  stale: Waiver[];
  recovered: string[];
  /** branches that could not be published, with why (the rest were) */
  failed: string[];
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
}

/**
 * The approve → bundle → report stages' outputs, written as out/<week>/public and review: each
 * branch's release committed as one transaction, then the portal and report rebuilt from disk.
 */
export async function publish(input: PublishInput): Promise<Published> {
  const { content, results, outWeek, key } = input;
  const ruleset = input.active.version;
  const week = content.week;
  const run = createHash('sha256').update(`${new Date().toISOString()}${process.pid}${Math.random()}`).digest('hex').slice(0, 12);
  await removeLegacyLayout(outWeek, input.branchIds);
  const recovered = await recover(outWeek, run);
  const range = weekRange(week);
  const avatars = await avatarImages(new Set(results.map((r) => r.job.persona)), input.readContentFile);
  const bundles = new Map<string, { path: string; bytes: number; sha256: string }>();
  const at = new Date().toISOString();
  const failed: string[] = [];

  for (const branch of content.branches) {
    const mine = results.filter((r) => r.job.branch === branch.id);
    if (!mine.length) continue;
    // one branch that cannot be published (a disk error, a bundle that cannot be made) does not stop the others
    try {
      for (const r of mine) await input.files?.load(r);
      const release = await branchRelease({ week, range, bank: content.bank, branch, ruleset, results: mine, avatars, ...(key ? { key } : {}) });
      // the reviewers' side first: thumbnails (every asset, rejected ones too) and the outcome
      const thumbs = new Map<JobResult, Thumb[]>();
      const full = new Map<JobResult, Thumb[]>();
      for (const r of mine) {
        thumbs.set(r, await reviewThumbs(r));
        full.set(r, await reviewThumbs(r, true));
      }
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
      await writeAtomic(join(outWeek, REVIEW, 'outcomes', `${branch.id}.json`), `${JSON.stringify(outcome, null, 2)}\n`);
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
      await commitBranch(outWeek, branch.id, release, decisions, run);
      if (release) bundles.set(branch.id, { path: `${PUBLIC}/bundles/${branch.id}.zip`, bytes: release.zip.length, sha256: release.sha256 });
    } catch (err) {
      failed.push(`${branch.id}: ${(err as Error).message}`);
    } finally {
      for (const r of mine) input.files?.unload(r);
    }
  }

  if (key) await writeAtomic(join(outWeek, PUBLIC, 'signing-key.pub'), key.publicPem);
  const judgedBriefs = new Set(results.map((r) => r.job.brief.id));
  const stale = staleWaivers(content.waivers, judgedBriefs, results.map((r) => ({ brief: r.job.brief.id, decision: r.decision })));
  const problems = [...content.problems, ...results.flatMap((r) => (r.failure ? [r.failure] : []))];
  const runInfo: RunInfo = {
    week,
    bank: content.bank.name,
    ruleset,
    order: content.branches.map((b) => b.id),
    staleWaivers: stale.map(({ brief, rule, reviewer, date, reason }) => ({ brief, rule, reviewer, date, reason })),
    problems: problems.map(({ file, line, column, message, ruleId }) => ({ file, line, column, message, ruleId })),
  };
  await writeAtomic(join(outWeek, REVIEW, 'run.json'), `${JSON.stringify(runInfo, null, 2)}\n`);
  await writePages(outWeek);

  // lint.json / lint.sarif: every finding once per brief file (an _all brief's texts are linted per branch)
  const byFile = new Map<string, FileResult>();
  const entryFor = (file: string) => {
    const entry = byFile.get(file) ?? { file, findings: [], problems: [] };
    byFile.set(file, entry);
    return entry;
  };
  for (const r of results) {
    const entry = entryFor(r.job.brief.file);
    entry.spans = [...(entry.spans ?? []), ...r.spans];
    for (const j of r.decision.judged) {
      const f = j.finding as Finding;
      if (!f.textHash || !f.basis) continue;
      if (!entry.findings.some((x) => x.ruleId === f.ruleId && x.line === f.line && x.column === f.column && x.field === f.field)) entry.findings.push(f);
      if (j.waiver) (entry.waived ??= new Map()).set(f, j.waiver);
    }
  }
  for (const p of content.problems) entryFor(p.file).problems.push(p);
  const fileResults = [...byFile.values()].sort((a, b) => a.file.localeCompare(b.file));
  const meta = { ruleset, catalog: input.active.catalog, fixed: [], ...input.sarif };
  await writeAtomic(join(outWeek, REVIEW, 'lint.json'), FORMATS.json(fileResults, meta));
  await writeAtomic(join(outWeek, REVIEW, 'lint.sarif'), FORMATS.sarif(fileResults, meta));
  await writeAtomic(join(outWeek, REVIEW, 'plan.json'), `${JSON.stringify(planJson(content, input.jobs), null, 2)}\n`);
  return { bundles, stale, recovered, failed };
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
export async function writePages(outWeek: string): Promise<void> {
  const run = JSON.parse(await readFile(join(outWeek, REVIEW, 'run.json'), 'utf8')) as RunInfo;
  const portal = await portalFromDisk(outWeek, run.order);
  // small previews for the portal (a phone should not fetch full images to show four thumbnails)
  const pub = join(outWeek, PUBLIC);
  for (const b of portal.branches) {
    const files: { path: string; data: Buffer }[] = [];
    for (const [i, t] of b.thumbnails.entries()) {
      const data = await readFile(join(pub, t)).catch(() => undefined);
      if (!data) continue;
      files.push({ path: `${i + 1}.jpg`, data: await sharp(data).resize({ width: 360, withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: 78 }).toBuffer() });
    }
    await swapDir(join(pub, 'previews', b.id), files.length ? files : undefined);
    b.thumbnails = files.map((f) => `previews/${b.id}/${f.path}`);
  }
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

