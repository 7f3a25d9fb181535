// `wendu build`: the weekly batch. Reads the content folder, runs the stages, writes out/<week>/.
import { HELP_TEXTS } from './help.js';
import { parseArgs } from 'node:util';
import { resolve, join } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Branch, Content, Job, Problem } from '../model.ts';
import { loadContent, weeksIn } from '../load/content.ts';
import { plan } from '../plan/plan.ts';
import { lintContextOf, type JobResult } from '../batch.ts';
import { loadAssets, sha256, templateSources } from '../assets/index.ts';
import { RenderStore } from '../cache/store.ts';
import type { tally } from '../cache/planner.ts';
import { defaultConcurrency, renderPool } from '../job/pool.ts';
import { loadFiles, renderStage, unloadFiles } from '../job/stage.ts';
import { inShard, parseShard, type Shard } from '../plan/shard.ts';
import { version } from './commands.js';
import { shortFingerprint, signingKeyFrom, type SigningKey } from '../bundle/sign.ts';
import { checkMascot } from '../mascot/check.ts';
import { isWeek } from '../week.ts';
import { fingerprintKey, isDirectory, readContentTree, readPolicy } from './files.ts';
import stringWidth from 'string-width';
import { pathToFileURL } from 'node:url';
import { formatProblem, paint, UsageError, type Io } from './io.ts';
import { progress } from './progress.ts';
import { acquireLock, appendAudit, PUBLIC, REVIEW } from './out.ts';
import { publisher, stampOf, type Published } from './publish.ts';
import { mayRecord, replayable, replayAudit, RunRecords, runInputs, snapshot } from './rerun.ts';

const HELP = HELP_TEXTS.build;

export async function buildCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      week: { type: 'string' },
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'out' },
      branch: { type: 'string', multiple: true, default: [] },
      shard: { type: 'string' },
      concurrency: { type: 'string' },
      cache: { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      'signing-key': { type: 'string' },
      policy: { type: 'string' },
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
  let shard: Shard | undefined;
  if (values.shard !== undefined) {
    shard = parseShard(values.shard);
    if (!shard) throw new UsageError(`Expected --shard I/N with 1 ≤ I ≤ N (e.g. 2/3) but received \`${values.shard}\``);
  }
  const concurrency = values.concurrency === undefined ? defaultConcurrency() : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`Expected a positive integer for --concurrency but received \`${values.concurrency}\``);
  const contentDir = resolve(io.cwd, values.content!);
  if (!(await isDirectory(contentDir))) throw new UsageError(`content folder \`${values.content}\` does not exist`);
  const storeDir = resolve(io.cwd, values.cache ?? join(values.out!, '.cache'));
  const assets = await loadAssets();
  const pool = renderPool(concurrency, { templates: templateSources(assets), fonts: assets.fonts.files });
  // a cold build (no cache yet, or --no-cache) will draw: the workers start now, while the content
  // is read and keyed, not after
  if (values['no-cache'] || !(await isDirectory(join(storeDir, 'v1')))) pool.warm();
  try {
  const tree = await readContentTree(values.content!.startsWith('/') ? values.content! : contentDir);
  tree.root = values.content!.replace(/(?<!\/)\/+$/, '');

  const weeks = weeksIn(tree);
  const week = values.week ?? weeks.at(-1);
  if (!week) throw new UsageError(`no weeks in ${tree.root}/weeks/; add briefs under ${tree.root}/weeks/2026-W48/<branch>/`);
  if (!isWeek(week)) throw new UsageError(`\`${week}\` is not an ISO week; expected a week like 2026-W48`);
  if (!weeks.includes(week)) throw new UsageError(`no briefs for ${week} in ${tree.root}/weeks/; weeks there: ${weeks.join(', ') || 'none'}`);

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
  const outWeek = resolve(io.cwd, values.out!, week);
  const sarif = { fingerprintKey: await fingerprintKey(io.cwd, io.env ?? {}), srcRoot: pathToFileURL(`${io.cwd}/`).href };

  /** out/<week>/ locked for this build; undefined, said why, when another build holds it */
  const lockOut = async () => {
    const lock = await acquireLock(outWeek, new Date());
    if (!('heldBy' in lock)) return lock;
    io.stderr(
      `wendu build: another build (pid ${lock.heldBy.pid} on ${lock.heldBy.host}, since ${lock.heldBy.started}) is writing ${values.out}/${week}/; wait for it to finish, or use another --out\n`,
    );
    return undefined;
  };

  // a re-run with nothing changed since the last build: its summary again, its decisions audited,
  // no file written (--no-cache never replays, but what it builds may be replayed next time)
  const store = new RenderStore(storeDir);
  const runs = new RunRecords(store, outWeek);
  // the bank's policy by its bytes: content/policy.yaml is one of the content files, --policy FILE is read here
  const policyFile = values.policy === undefined ? undefined : resolve(io.cwd, values.policy);
  const inputs = await runInputs({
    tree,
    contentDir,
    assets: { templates: [...assets.templates.values()].map((t) => [t.name, t.hash]), partials: [...assets.partials].map(([n, p]) => [n, p.hash]), fonts: assets.fonts.hash, mascot: assets.mascot.hash },
    policy: policyFile === undefined ? null : [policyFile, await readFile(policyFile).then(sha256, () => null)],
    week,
    branches: values.branch!,
    ...(shard ? { shard } : {}),
    ...(key ? { signingKey: key.fingerprint } : {}),
    ...sarif,
    out: values.out!,
    outWeek,
    version: `wendu ${version()}`,
  });
  const last = values['no-cache'] ? undefined : await runs.read();
  if (last?.inputs === inputs) {
    const lock = await lockOut();
    if (!lock) return 2;
    try {
      if (await replayable(last, inputs, outWeek)) {
        const { at, run } = stampOf(week, io.env ?? {});
        await appendAudit(outWeek, replayAudit(last, at, run));
        for (const p of last.problems) io.stderr(`${formatProblem(p, io.colorErr)}\n`);
        const s = last.summary;
        io.stdout(summaryText(s, Date.now() - started, values.out!, last.ruleset, io.color, key, { rendered: 0, reused: s.planned, why: [], workers: pool.size, unchanged: true, ...(shard ? { shard } : {}) }));
        return s.errors ? 1 : values.strict && s.rejected.length ? 1 : 0;
      }
    } finally {
      await lock.release();
    }
  }

  const content = loadContent(tree, week, { checkMascot });
  const configProblems = content.problems.filter((p) => p.file.endsWith('branches.yaml'));
  for (const p of content.problems) io.stderr(`${formatProblem(p, io.colorErr)}\n`);
  const policy = await readPolicy(io.cwd, values.policy, contentDir);
  if (policy.missing) throw new UsageError(`no such policy file \`${policy.missing}\``);
  for (const p of policy.problems) io.stderr(`${formatProblem(p, io.colorErr)}\n`);
  if (!policy.active) {
    io.stderr(`wendu build: the policy must be fixed before anything can be built\n`);
    return 2;
  }
  const active = policy.active;
  if (configProblems.length || content.branches.length === 0) {
    io.stderr(`wendu build: ${tree.root}/branches.yaml must be fixed before anything can be built\n`);
    return 2;
  }
  // branch folders sit beside bundles/ in public/: a branch may not take a name the layout uses
  const reserved = content.branches.filter((b) => ['bundles', 'previews', 'public', 'review', 'avatars', 'images'].includes(b.id));
  if (reserved.length) {
    io.stderr(`wendu build: ${tree.root}/branches.yaml: branch id ${reserved.map((b) => `\`${b.id}\``).join(', ')} is reserved for the output layout; rename the branch\n`);
    return 2;
  }
  const unknown = values.branch!.filter((b) => !content.branches.some((x) => x.id === b));
  if (unknown.length) throw new UsageError(`unknown branch ${unknown.map((b) => `\`${b}\``).join(', ')}; known: ${content.branches.map((b) => b.id).join(', ')}`);

  const jobs = plan(content, { branches: values.branch }).filter((j) => !shard || inShard(j.branch, shard));
  const lock = await lockOut();
  if (!lock) return 2;
  try {
  // this build writes: the last build's run record goes first, so a killed build never leaves one
  await runs.forget();
  const bar = progress(jobs.length, { isTTY: io.tty, write: io.stderr, color: io.colorErr, columns: process.stderr.columns || Number(io.env?.COLUMNS) || 80 });

  const readContentFile = (rel: string) => readFile(join(contentDir, rel));
  const out = await publisher({
    content,
    jobs,
    outWeek,
    key,
    readContentFile,
    branchIds: content.branches.map((b) => b.id),
    active,
    sarif,
    files: { load: (r) => loadFiles(store, r), unload: unloadFiles },
    stamp: stampOf(week, io.env ?? {}),
    // --no-cache: every thumbnail made again and every branch written again, as on a first build
    ...(values['no-cache'] ? { force: true } : { derive: (source: string, recipe: string, make: () => Promise<Buffer>) => store.derived(source, recipe, make) }),
    version: `wendu ${version()}`,
    ...(shard ? { shard } : {}),
  });
  // each branch is published as soon as all its jobs are judged, in branches.yaml order, while
  // the workers draw the next ones: nothing waits for the whole batch, and no branch's bytes stay
  // in memory after it is written
  const streaming = inOrder(content.branches.filter((b) => jobs.some((j) => j.branch === b.id)), jobs, (branch, mine) => out.branch(branch, mine));
  let stage;
  try {
    stage = await renderStage({
      content,
      jobs,
      contentDir,
      assets,
      store,
      pool,
      version: `wendu ${version()}`,
      rules: active.rules,
      force: values['no-cache'],
      onResult: (r) => {
        bar.tick(`${r.job.branch} ${r.job.brief.id}`, !r.failure);
        streaming.add(r);
      },
    });
  } finally {
    await pool.close();
  }
  bar.done();
  await streaming.done();
  const results = stage.results;
  results.sort((a, b) => a.job.branch.localeCompare(b.job.branch) || a.job.order - b.job.order);

  const failures = results.flatMap((r) => (r.failure ? [r.failure] : []));
  for (const f of failures) io.stderr(`${formatProblem(f, io.colorErr)}\n`);
  const published = await out.finish(results);
  for (const line of published.recovered) io.stderr(`wendu build: recovered from an interrupted build: ${line}\n`);
  for (const line of published.failed) io.stderr(`wendu build: could not publish ${line}; the next build retries it\n`);

  const loadErrors = content.problems.filter((p) => p.severity === 'error');
  const rejected = results.filter((r) => !r.decision.approved);
  const data = summaryData(content, results, published, [...loadErrors, ...failures]);
  // what a re-run with nothing changed replays; not after a failure, which the next build retries
  const record = { inputs, ruleset: active.version, summary: data, problems: content.problems, branches: published.branches };
  if (!failures.length && !published.failed.length && mayRecord(record, results, lintContextOf(content))) {
    await runs.write({ ...record, files: snapshot(outWeek) });
  }
  io.stdout(summaryText(data, Date.now() - started, values.out!, active.version, io.color, key, { ...stage.summary, workers: pool.size, ...(shard ? { shard } : {}) }));
  if (loadErrors.length || failures.length || published.failed.length) return 1;
  return values.strict && rejected.length ? 1 : 0;
  } finally {
    await lock.release();
  }
  } finally {
    await pool.close();
  }
}

/**
 * Hands each branch's results to `publish` once all its jobs are in, strictly in the given order
 * (a complete branch waits for the ones before it), one branch at a time.
 */
export function inOrder(branches: Branch[], jobs: Job[], publish: (branch: Branch, mine: JobResult[]) => Promise<void>) {
  const left = new Map(branches.map((b) => [b.id, jobs.filter((j) => j.branch === b.id).length]));
  const got = new Map<string, JobResult[]>(branches.map((b) => [b.id, []]));
  let next = 0;
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown;
  const pump = () => {
    while (next < branches.length && left.get(branches[next]!.id) === 0) {
      const branch = branches[next++]!;
      const mine = got.get(branch.id)!.sort((a, b) => a.job.order - b.job.order);
      got.delete(branch.id);
      chain = chain.then(() => publish(branch, mine)).catch((err: unknown) => void (failure ??= err));
    }
  };
  return {
    add(r: JobResult) {
      const n = left.get(r.job.branch);
      if (n === undefined) return;
      got.get(r.job.branch)!.push(r);
      left.set(r.job.branch, n - 1);
      pump();
    },
    /** every branch handed over and published */
    async done() {
      pump();
      await chain;
      if (failure) throw failure;
      if (next < branches.length) throw new Error(`results missing for ${branches.slice(next).map((b) => b.id).join(', ')}`);
    },
  };
}

/** Cuts a line to `max` terminal columns (a CJK character takes two), ending it with … */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** `line` cut to `max` columns with an ellipsis, by whole characters (an emoji sequence is one). */
export function fit(line: string, max = 80): string {
  if (stringWidth(line) <= max) return line;
  let out = '';
  let width = 0;
  for (const { segment } of graphemes.segment(line)) {
    const w = stringWidth(segment);
    if (width + w + 1 > max) break;
    out += segment;
    width += w;
  }
  return `${out}…`;
}

/**
 * What the one-screen summary says about a build's results, as plain data: made from the results
 * after a build, and kept with its run record so a re-run that changes nothing can say it again.
 */
export interface SummaryData {
  week: string;
  root: string;
  briefs: number;
  /** files with errors, sorted */
  failedFiles: string[];
  planned: number;
  images: number;
  branches: { id: string; ok: number; waived: number; rejected: number; bundle?: { path: string; bytes: number } }[];
  rejected: { branch: string; brief: string; why: string; more: number }[];
  stale: string[];
  errors: number;
}

export function summaryData(content: Content, results: JobResult[], published: Pick<Published, 'bundles' | 'stale'>, errors: Problem[]): SummaryData {
  return {
    week: content.week,
    root: content.root,
    briefs: content.briefs.length,
    failedFiles: [...new Set(errors.map((e) => e.file))].sort(),
    planned: results.length,
    images: results.reduce((n, r) => n + r.files.length, 0),
    branches: content.branches.flatMap((b) => {
      const mine = results.filter((r) => r.job.branch === b.id);
      if (!mine.length) return [];
      const ok = mine.filter((r) => r.decision.approved).length;
      const bundle = published.bundles.get(b.id);
      return [{ id: b.id, ok, waived: mine.filter((r) => r.decision.approved && r.decision.waivers.length).length, rejected: mine.length - ok, ...(bundle ? { bundle: { path: bundle.path, bytes: bundle.bytes } } : {}) }];
    }),
    rejected: results
      .filter((r) => !r.decision.approved)
      .map((r) => ({ branch: r.job.branch, brief: r.job.brief.id, why: r.failure ? 'could not be rendered' : r.decision.reasons[0] ?? '', more: Math.max(0, r.decision.reasons.length - 1) })),
    stale: published.stale.map((w) => `${w.brief} ${w.rule}`),
    errors: errors.length,
  };
}

/** The one-screen summary: every line within 80 columns, colour on a terminal only. */
export function summaryText(
  data: SummaryData,
  ms: number,
  out: string,
  ruleset: string,
  color?: boolean,
  key?: SigningKey,
  rendering?: ReturnType<typeof tally> & { workers: number; shard?: Shard; unchanged?: boolean },
): string {
  const c = paint(color);
  const dir = `${out}/${data.week}`;
  const lines: string[] = [];
  /** `  label      text`, cut to 80 columns, then painted (the label bold, the text in `tone`) */
  const row = (label: string, text: string, tone: (s: string) => string = (x) => x) => {
    const line = fit(`  ${label.padEnd(10)} ${text}`);
    const at = 2 + label.length;
    lines.push(`  ${c.bold(line.slice(2, at))}${tone(line.slice(at))}`);
  };
  lines.push('', fit(`Wendu build ${data.week}: ${data.root}/ → ${dir}/`));
  row('briefs', `${data.briefs} loaded${data.failedFiles.length ? `, ${data.failedFiles.length} with errors (skipped)` : ''}`);
  row('assets', `${data.planned} planned, ${data.images} images${rendering?.shard ? ` (shard ${rendering.shard.index}/${rendering.shard.count})` : ''}`);
  if (rendering) {
    row('render', `${rendering.rendered} rendered, ${rendering.reused} reused from the cache, ${rendering.workers} worker(s)`);
    for (const [why, n] of rendering.why) row('', `${n} × ${why}`);
    if (rendering.unchanged) row('', 'nothing changed since the last build: no file written again');
  }
  for (const b of data.branches) {
    row(
      b.id,
      `${b.ok} approved${b.waived ? ` (${b.waived} with waivers)` : ''}${b.rejected ? `, ${b.rejected} rejected` : ''} → ${b.bundle ? `${b.bundle.path} ${(b.bundle.bytes / 1048576).toFixed(1)} MB` : 'no bundle'}`,
      b.rejected ? c.yellow : c.green,
    );
  }
  if (data.rejected.length) {
    lines.push(`  ${c.bold('rejected')}`);
    for (const r of data.rejected) {
      const more = r.more ? ` (+${r.more} more)` : '';
      // the reason is cut, never the count of further reasons
      lines.push(c.red(`${fit(`    ${r.branch}: ${r.brief} — ${r.why}`, 80 - more.length)}${more}`));
    }
  }
  if (data.stale.length) row('stale', `${data.stale.length} waiver(s) match nothing: ${data.stale.join('; ')}`, c.yellow);
  if (data.errors) {
    row('errors', `${data.errors}, listed above; those briefs were skipped`, c.red);
    for (const file of data.failedFiles) lines.push(fit(`    ${file}`));
  }
  if (key) row('signed', `every bundle, key ${shortFingerprint(key.fingerprint)}; ${dir}/${PUBLIC}/signing-key.pub`);
  else row('UNSIGNED', 'no --signing-key: bundles carry no signature (wendu keys init)', c.yellow);
  row('public', `${dir}/${PUBLIC}/index.html · serve only this folder to branches`);
  row('review', `${dir}/${REVIEW}/index.html · lint.json, lint.sarif, audit.jsonl`);
  row('rule set', ruleset);
  row('time', `${(ms / 1000).toFixed(1)}s`);
  lines.push('');
  return lines.join('\n');
}
