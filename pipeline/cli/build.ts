// `wendu build`: the weekly batch. Reads the content folder, runs the stages, writes out/<week>/.
import { parseArgs } from 'node:util';
import { resolve, join } from 'node:path';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import PQueue from 'p-queue';
import type { Content, Job, Problem, Waiver } from '../model.ts';
import { loadContent, weeksIn } from '../load/content.ts';
import { plan } from '../plan/plan.ts';
import { lintContextOf, runJob, type JobResult } from '../batch.ts';
import { REQUIRED_WARNINGS, ruleCatalog, rulesetVersion, type Finding } from '../lint/index.ts';
import { FORMATS, type FileResult } from '../lint/format/index.ts';
import { staleWaivers } from '../approve/gate.ts';
import { avatarImages, branchRelease } from '../bundle/release.ts';
import { fingerprint, publicKeyFrom, shortFingerprint, signingKeyFrom, type SigningKey } from '../bundle/sign.ts';
import { branchOutcome, reviewThumbs, type Thumb } from '../report/review.ts';
import { reportHtml } from '../report/html.ts';
import { portalHtml } from '../report/portal.ts';
import { checkMascot } from '../mascot/check.ts';
import { chineseDate, dateOf, isWeek } from '../week.ts';
import { isDirectory, readContentTree } from './files.ts';
import { formatProblem, UsageError, type Io } from './io.ts';
import { progress } from './progress.ts';
import { acquireLock, commitBranch, portalFromDisk, PUBLIC, recover, removeLegacyLayout, reportFromDisk, REVIEW, swapDir, writeAtomic, type AuditRecord } from './out.ts';

const HELP = `Usage: wendu build [options]

Renders one week of briefs for every branch into out/<week>/: public/ (the portal, branch pages,
bundles, the public key — what branches may see) and review/ (report, lint.json, lint.sarif,
audit.jsonl, plan.json, thumbnails — reviewers only).

Options:
  --week 2026-W48     the ISO week to build (default: the newest week in <content>/weeks/)
  --content DIR       the content folder (default: content)
  --out DIR           the output folder (default: out)
  --branch ID         build only this branch; repeat for several (default: all)
  --strict            exit 1 when any asset is rejected by compliance
  --signing-key FILE  head office's private key (from \`wendu keys init\`): signs every bundle's
                      manifest; default: the file named by WENDU_SIGNING_KEY; without one the
                      bundles are unsigned and \`wendu verify\` says so
  -h, --help          show this help

Exit codes:
  0  every brief loaded and rendered (rejected assets are a normal outcome; the summary names them)
  1  a brief could not be loaded or rendered (or, with --strict, an asset was rejected)
  2  usage or configuration error (bad option, missing content folder, invalid branches.yaml,
     unreadable signing key, another build running on the same out/<week>)
`;

export async function buildCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      week: { type: 'string' },
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'out' },
      branch: { type: 'string', multiple: true, default: [] },
      strict: { type: 'boolean', default: false },
      'signing-key': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const started = Date.now();
  const contentDir = resolve(io.cwd, values.content!);
  if (!(await isDirectory(contentDir))) throw new UsageError(`content folder \`${values.content}\` does not exist`);
  const tree = await readContentTree(values.content!.startsWith('/') ? values.content! : contentDir);
  tree.root = values.content!.replace(/\/+$/, '');

  const weeks = weeksIn(tree);
  const week = values.week ?? weeks.at(-1);
  if (!week) throw new UsageError(`no weeks in ${tree.root}/weeks/; add briefs under ${tree.root}/weeks/2026-W48/<branch>/`);
  if (!isWeek(week)) throw new UsageError(`\`${week}\` is not an ISO week; expected a week like 2026-W48`);
  if (!weeks.includes(week)) throw new UsageError(`no briefs for ${week} in ${tree.root}/weeks/; weeks there: ${weeks.join(', ') || 'none'}`);

  const content = loadContent(tree, week, { checkMascot });
  const configProblems = content.problems.filter((p) => p.file.endsWith('branches.yaml'));
  for (const p of content.problems) io.stderr(`${formatProblem(p)}\n`);
  if (configProblems.length || content.branches.length === 0) {
    io.stderr(`wendu build: ${tree.root}/branches.yaml must be fixed before anything can be built\n`);
    return 2;
  }
  const unknown = values.branch!.filter((b) => !content.branches.some((x) => x.id === b));
  if (unknown.length) throw new UsageError(`unknown branch ${unknown.map((b) => `\`${b}\``).join(', ')}; known: ${content.branches.map((b) => b.id).join(', ')}`);

  const keyFile = values['signing-key'] ?? (io as Io & { env?: Record<string, string | undefined> }).env?.WENDU_SIGNING_KEY ?? process.env.WENDU_SIGNING_KEY;
  let key: SigningKey | undefined;
  if (keyFile) {
    const pem = await readFile(resolve(io.cwd, keyFile)).catch(() => undefined);
    if (!pem) throw new UsageError(`cannot read the signing key \`${keyFile}\``);
    try {
      key = signingKeyFrom(pem);
    } catch (err) {
      throw new UsageError(`signing key \`${keyFile}\`: ${(err as Error).message}`);
    }
  }

  const jobs = plan(content, { branches: values.branch });
  const outWeek = resolve(io.cwd, values.out!, week);
  const lock = await acquireLock(outWeek, new Date());
  if ('heldBy' in lock) {
    io.stderr(
      `wendu build: another build (pid ${lock.heldBy.pid} on ${lock.heldBy.host}, since ${lock.heldBy.started}) is writing ${values.out}/${week}/; wait for it to finish, or use another --out\n`,
    );
    return 2;
  }
  try {
  const bar = progress(jobs.length, { isTTY: io.tty, write: io.stderr });

  // rendering is CPU-bound: two jobs in flight keep both cores busy while one waits on native work
  const queue = new PQueue({ concurrency: 2 });
  const readContentFile = (rel: string) => readFile(join(contentDir, rel));
  const lint = lintContextOf(content);
  const results: JobResult[] = [];
  await Promise.all(
    jobs.map((job) =>
      queue.add(async () => {
        const branch = content.branches.find((b) => b.id === job.branch)!;
        const product = job.brief.fields.product;
        const warning = product ? REQUIRED_WARNINGS[product] : '';
        const result = await runJob(job, { branch, bank: content.bank, warning, readContentFile, lint, waivers: content.waivers });
        results.push(result);
        bar.tick(`${job.branch} ${job.brief.id}`, !result.failure);
      }),
    ),
  );
  bar.done();
  results.sort((a, b) => a.job.branch.localeCompare(b.job.branch) || a.job.order - b.job.order);

  const failures = results.flatMap((r) => (r.failure ? [r.failure] : []));
  for (const f of failures) io.stderr(`${formatProblem(f)}\n`);
  const published = await publish({ content, jobs, results, outWeek, key, readContentFile, branchIds: content.branches.map((b) => b.id) });
  for (const line of published.recovered) io.stderr(`wendu build: recovered from an interrupted build: ${line}\n`);

  const loadErrors = content.problems.filter((p) => p.severity === 'error');
  const rejected = results.filter((r) => !r.decision.approved);
  io.stdout(summary(content, results, published, [...loadErrors, ...failures], Date.now() - started, values.out!, key));
  if (loadErrors.length || failures.length) return 1;
  return values.strict && rejected.length ? 1 : 0;
  } finally {
    await lock.release();
  }
}

interface Published {
  bundles: Map<string, { path: string; bytes: number; sha256: string }>;
  stale: Waiver[];
  recovered: string[];
}

interface PublishInput {
  content: Content;
  jobs: Job[];
  results: JobResult[];
  outWeek: string;
  key?: SigningKey;
  readContentFile: (rel: string) => Promise<Buffer>;
  branchIds: string[];
}

/**
 * The approve → bundle → report stages' outputs, written as out/<week>/public and review: each
 * branch's release committed as one transaction, then the portal and report rebuilt from disk.
 */
export async function publish(input: PublishInput): Promise<Published> {
  const { content, results, outWeek, key } = input;
  const ruleset = rulesetVersion();
  const week = content.week;
  const run = createHash('sha256').update(`${new Date().toISOString()}${process.pid}${Math.random()}`).digest('hex').slice(0, 12);
  await removeLegacyLayout(outWeek, input.branchIds);
  const recovered = await recover(outWeek, run);
  const range = weekRange(week);
  const avatars = await avatarImages(new Set(results.map((r) => r.job.persona)), input.readContentFile);
  const bundles = new Map<string, { path: string; bytes: number; sha256: string }>();
  const at = new Date().toISOString();

  for (const branch of content.branches) {
    const mine = results.filter((r) => r.job.branch === branch.id);
    if (!mine.length) continue;
    const release = await branchRelease({ week, range, bank: content.bank, branch, ruleset, results: mine, avatars, ...(key ? { key } : {}) });
    // the reviewers' side first: thumbnails (every asset, rejected ones too) and the outcome
    const thumbs = new Map<JobResult, Thumb[]>();
    for (const r of mine) thumbs.set(r, await reviewThumbs(r));
    await swapDir(join(outWeek, REVIEW, 'thumbs', branch.id), [...thumbs.values()].flat().map((t) => ({ path: t.path.replace(`thumbs/${branch.id}/`, ''), data: t.data })));
    const outcome = branchOutcome({
      week,
      ruleset,
      branch,
      results: mine,
      thumbs,
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
  }

  if (key) await writeAtomic(join(outWeek, PUBLIC, 'signing-key.pub'), key.publicPem);
  const order = content.branches.map((b) => b.id);
  const portal = await portalFromDisk(outWeek, order);
  const publicKey = await readFile(join(outWeek, PUBLIC, 'signing-key.pub')).then((pem) => ({ path: 'signing-key.pub', fingerprint: fingerprint(publicKeyFrom(pem)) }), () => undefined);
  await writeAtomic(
    join(outWeek, PUBLIC, 'index.html'),
    portalHtml({ week, range, bank: content.bank.name, ruleset, branches: portal.branches, tags: portal.tags, ...(publicKey ? { publicKey } : {}) }),
  );

  const judgedBriefs = new Set(results.map((r) => r.job.brief.id));
  const stale = staleWaivers(content.waivers, judgedBriefs, results.map((r) => ({ brief: r.job.brief.id, decision: r.decision })));
  const problems = [...content.problems, ...results.flatMap((r) => (r.failure ? [r.failure] : []))];
  const reportRun = {
    staleWaivers: stale.map(({ brief, rule, reviewer, date, reason }) => ({ brief, rule, reviewer, date, reason })),
    problems: problems.map(({ file, line, column, message, ruleId }) => ({ file, line, column, message, ruleId })),
  };
  await writeAtomic(join(outWeek, REVIEW, 'index.html'), reportHtml(await reportFromDisk(outWeek, week, ruleset, order, reportRun)));

  // lint.json / lint.sarif: every finding once per brief file (an _all brief's texts are linted per branch)
  const byFile = new Map<string, FileResult>();
  const entryFor = (file: string) => {
    const entry = byFile.get(file) ?? { file, findings: [], problems: [] };
    byFile.set(file, entry);
    return entry;
  };
  for (const r of results) {
    const entry = entryFor(r.job.brief.file);
    for (const j of r.decision.judged) {
      const f = j.finding as Finding;
      if (!f.textHash || !f.basis) continue;
      if (!entry.findings.some((x) => x.ruleId === f.ruleId && x.line === f.line && x.column === f.column && x.field === f.field)) entry.findings.push(f);
    }
  }
  for (const p of content.problems) entryFor(p.file).problems.push(p);
  const fileResults = [...byFile.values()].sort((a, b) => a.file.localeCompare(b.file));
  const meta = { ruleset, catalog: ruleCatalog(), fixed: [] };
  await writeAtomic(join(outWeek, REVIEW, 'lint.json'), FORMATS.json(fileResults, meta));
  await writeAtomic(join(outWeek, REVIEW, 'lint.sarif'), FORMATS.sarif(fileResults, meta));
  await writeAtomic(join(outWeek, REVIEW, 'plan.json'), `${JSON.stringify(planJson(content, input.jobs), null, 2)}\n`);
  return { bundles, stale, recovered };
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

function summary(content: Content, results: JobResult[], published: Published, errors: Problem[], ms: number, out: string, key?: SigningKey): string {
  const dir = `${out}/${content.week}`;
  const failedFiles = new Set(errors.map((e) => e.file));
  const lines = ['', `Wendu build ${content.week}: ${content.root}/ → ${dir}/`];
  lines.push(`  briefs     ${content.briefs.length} loaded${failedFiles.size ? `, ${failedFiles.size} with errors (skipped)` : ''}`);
  lines.push(`  assets     ${results.length} planned, ${results.reduce((n, r) => n + r.files.length, 0)} images rendered`);
  for (const b of content.branches) {
    const mine = results.filter((r) => r.job.branch === b.id);
    if (!mine.length) continue;
    const ok = mine.filter((r) => r.decision.approved).length;
    const waived = mine.filter((r) => r.decision.approved && r.decision.waivers.length).length;
    const bundle = published.bundles.get(b.id);
    lines.push(
      `  ${b.id.padEnd(10)} ${ok} approved${waived ? ` (${waived} with waivers)` : ''}, ${mine.length - ok} rejected → ${bundle ? `${dir}/${bundle.path} (${(bundle.bytes / 1048576).toFixed(1)} MB)` : 'no bundle: nothing approved'}`,
    );
  }
  const rejected = results.filter((r) => !r.decision.approved);
  if (rejected.length) {
    lines.push('  rejected');
    for (const r of rejected) {
      const more = r.decision.reasons.length > 1 ? ` (+${r.decision.reasons.length - 1} more)` : '';
      lines.push(`    ${r.job.branch}: ${r.job.brief.id} — ${r.failure ? 'could not be rendered' : r.decision.reasons[0]}${more}`);
    }
  }
  if (published.stale.length) lines.push(`  stale      ${published.stale.length} waiver(s) in approvals.yaml match nothing: ${published.stale.map((w) => `${w.brief} ${w.rule}`).join('; ')}`);
  if (errors.length) {
    lines.push(`  errors     ${errors.length} (listed above; each brief with an error was skipped, the rest went on)`);
    for (const file of [...failedFiles].sort()) lines.push(`    ${file}`);
  }
  lines.push(
    key
      ? `  signed     every bundle, key ${shortFingerprint(key.fingerprint)}; public key ${dir}/${PUBLIC}/signing-key.pub`
      : '  UNSIGNED   no --signing-key (or WENDU_SIGNING_KEY): bundles carry no signature; make a key with `wendu keys init`',
  );
  lines.push(`  public     ${dir}/${PUBLIC}/index.html (portal, branch pages, bundles) · serve only this folder to branches`);
  lines.push(`  review     ${dir}/${REVIEW}/index.html (report, lint.json, lint.sarif, audit.jsonl) · rule set ${rulesetVersion()}`);
  lines.push(`  time       ${(ms / 1000).toFixed(1)}s`, '');
  return lines.join('\n');
}
