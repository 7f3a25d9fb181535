// `wendu build`: the weekly batch. Reads the content folder, runs the stages, writes out/<week>/.
import { parseArgs } from 'node:util';
import { resolve, join } from 'node:path';
import type { Content, Job, Problem, Waiver } from '../model.ts';
import { loadContent, weeksIn } from '../load/content.ts';
import { plan } from '../plan/plan.ts';
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import sharp from 'sharp';
import { lintContextOf, runJob, type JobResult } from '../batch.ts';
import { REQUIRED_WARNINGS, type Finding } from '../lint/index.ts';
import { FORMATS, type FileResult } from '../lint/format/index.ts';
import { staleWaivers } from '../approve/gate.ts';
import { bundleFiles, zipBundle, type BundlePost } from '../bundle/bundle.ts';
import { reportData, type AssetOutcome } from '../report/assemble.ts';
import { reportHtml } from '../report/html.ts';
import { portalHtml } from '../report/portal.ts';
import { checkMascot } from '../mascot/check.ts';
import { chineseDate, dateOf, isWeek } from '../week.ts';
import PQueue from 'p-queue';
import { readFile } from 'node:fs/promises';
import { fingerprintKey, isDirectory, readContentTree, readPolicy, writeFileAtomic } from './files.ts';
import stringWidth from 'string-width';
import { pathToFileURL } from 'node:url';
import type { ActiveRules } from '../lint/policy.ts';
import { formatProblem, paint, UsageError, type Io } from './io.ts';
import { progress } from './progress.ts';

const HELP = `Usage: wendu build [options]

Renders one week of briefs for every branch into out/<week>/.

Options:
  --week 2026-W48     the ISO week to build (default: the newest week in <content>/weeks/)
  --content DIR       the content folder (default: content)
  --out DIR           the output folder (default: out)
  --branch ID         build only this branch; repeat for several (default: all)
  --strict            exit 1 when any asset is rejected by compliance
  --policy FILE       the bank's policy (default: <content>/policy.yaml when present)
  -h, --help          show this help

Exit codes:
  0  every brief loaded and rendered (rejected assets are a normal outcome; the summary names them)
  1  a brief could not be loaded or rendered (or, with --strict, an asset was rejected)
  2  usage or configuration error (bad option, missing content folder, invalid branches.yaml)
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
  const unknown = values.branch!.filter((b) => !content.branches.some((x) => x.id === b));
  if (unknown.length) throw new UsageError(`unknown branch ${unknown.map((b) => `\`${b}\``).join(', ')}; known: ${content.branches.map((b) => b.id).join(', ')}`);

  const jobs = plan(content, { branches: values.branch });
  const outWeek = resolve(io.cwd, values.out!, week);
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
        const result = await runJob(job, { branch, bank: content.bank, warning, readContentFile, lint, waivers: content.waivers, rules: active.rules });
        results.push(result);
        bar.tick(`${job.branch} ${job.brief.id}`, !result.failure);
      }),
    ),
  );
  bar.done();
  results.sort((a, b) => a.job.branch.localeCompare(b.job.branch) || a.job.order - b.job.order);

  const failures = results.flatMap((r) => (r.failure ? [r.failure] : []));
  for (const f of failures) io.stderr(`${formatProblem(f, io.colorErr)}\n`);
  const sarif = { fingerprintKey: await fingerprintKey(io.cwd, io.env ?? {}), srcRoot: pathToFileURL(`${io.cwd}/`).href };
  const published = await publish(content, results, outWeek, active, sarif);
  await writeFileAtomic(join(outWeek, 'plan.json'), `${JSON.stringify(planJson(content, jobs), null, 2)}\n`);

  const loadErrors = content.problems.filter((p) => p.severity === 'error');
  const rejected = results.filter((r) => !r.decision.approved);
  io.stdout(summary(content, results, published, [...loadErrors, ...failures], Date.now() - started, values.out!, active.version, io.color));
  if (loadErrors.length || failures.length) return 1;
  return values.strict && rejected.length ? 1 : 0;
}

interface Published {
  bundles: Map<string, { path: string; bytes: number; sha256: string }>;
  stale: Waiver[];
}

/** The approve → bundle → report stages' outputs: bundles, unpacked branch folders, report, portal, audit log. */
async function publish(content: Content, results: JobResult[], outWeek: string, active: ActiveRules, sarif: { fingerprintKey: Uint8Array; srcRoot: string }): Promise<Published> {
  const ruleset = active.version;
  const week = content.week;
  const bundles = new Map<string, { path: string; bytes: number; sha256: string }>();

  // an interrupted earlier build may have left a staging folder: it never counts as output
  await mkdir(outWeek, { recursive: true });
  for (const name of await readdir(outWeek)) if (name.startsWith('.staging-')) await rm(join(outWeek, name), { recursive: true, force: true });

  // thumbnails for the report and the portal; blurred where the asset holds a client detail
  await rm(join(outWeek, 'report/thumbs'), { recursive: true, force: true });
  const thumbs = new Map<JobResult, string[]>();
  for (const r of results) {
    const pii = r.decision.judged.some((j) => j.status === 'unwaivable');
    const paths: string[] = [];
    for (const f of r.files.filter((f) => f.format !== 'gif' && f.format !== 'webp' && !f.path.includes('-thumb')).slice(0, 9)) {
      const rel = `report/thumbs/${r.job.branch}/${f.path.replace(/^images\//, '').replace(/\.\w+$/, '.jpg')}`;
      let img = sharp(f.data).resize({ width: 360, withoutEnlargement: true }).flatten({ background: '#ffffff' });
      if (pii) img = img.blur(14);
      await writeFileAtomic(join(outWeek, rel), await img.jpeg({ quality: 80 }).toBuffer());
      paths.push(rel);
    }
    thumbs.set(r, paths);
  }

  for (const branch of content.branches) {
    const mine = results.filter((r) => r.job.branch === branch.id);
    if (!mine.length) continue;
    const approved = mine.filter((r) => r.decision.approved && !r.failure);
    if (!approved.length) {
      await rm(join(outWeek, branch.id), { recursive: true, force: true });
      await rm(join(outWeek, 'bundles', `${branch.id}.zip`), { force: true });
      continue;
    }
    // numbered 1…n in posting order among what ships, so a rejected post leaves no gap
    const posts: BundlePost[] = approved.map((r, i) => ({
      order: i + 1,
      briefId: r.job.brief.id,
      title: r.job.brief.fields.title,
      kind: r.job.brief.fields.kind,
      persona: r.job.persona.name,
      date: r.job.date,
      time: r.job.time,
      caption: r.caption,
      files: r.files.map((f) => ({ path: f.path.replace(/^images\/\d+-/, `images/${i + 1}-`), data: f.data, width: f.width, height: f.height })),
    }));
    const waivers = [...new Set(approved.flatMap((r) => r.decision.waivers))];
    const { files } = bundleFiles({ week, branch, bank: content.bank, ruleset, waivers, posts });
    const zip = await zipBundle(files, week);
    const zipRel = `bundles/${branch.id}.zip`;
    await writeFileAtomic(join(outWeek, zipRel), zip);
    // the unpacked folder is written aside and swapped in whole: it never mixes two builds
    const staging = join(outWeek, `.staging-${branch.id}-${process.pid}`);
    await rm(staging, { recursive: true, force: true });
    for (const f of files) await writeFileAtomic(join(staging, f.path), f.data);
    await rm(join(outWeek, branch.id), { recursive: true, force: true });
    await rename(staging, join(outWeek, branch.id));
    bundles.set(branch.id, { path: zipRel, bytes: zip.length, sha256: createHash('sha256').update(zip).digest('hex') });
  }

  const judgedBriefs = new Set(results.map((r) => r.job.brief.id));
  const stale = staleWaivers(content.waivers, judgedBriefs, results.map((r) => ({ brief: r.job.brief.id, decision: r.decision })));
  const outcomes: AssetOutcome[] = results.map((r) => ({
    id: r.job.id,
    branch: r.job.branch,
    branchName: content.branches.find((b) => b.id === r.job.branch)!.name,
    briefId: r.job.brief.id,
    file: r.job.brief.file,
    kind: r.job.brief.fields.kind,
    persona: r.job.persona.name,
    title: r.job.brief.fields.title,
    date: r.job.date,
    time: r.job.time,
    spans: r.spans,
    decision: r.decision,
    thumbnails: (thumbs.get(r) ?? []).map((p) => p.replace(/^report\//, '')),
  }));
  const problems = [...content.problems, ...results.flatMap((r) => (r.failure ? [r.failure] : []))];
  await writeFileAtomic(join(outWeek, 'report/index.html'), reportHtml(reportData(week, ruleset, outcomes, stale, problems)));

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
  const meta = { ruleset, catalog: active.catalog, fixed: [], ...sarif };
  await writeFileAtomic(join(outWeek, 'report/lint.json'), FORMATS.json(fileResults, meta));
  await writeFileAtomic(join(outWeek, 'report/lint.sarif'), FORMATS.sarif(fileResults, meta));

  await writeFileAtomic(
    join(outWeek, 'index.html'),
    portalHtml({
      week,
      range: `${chineseDate(dateOf(week, 'mon')).split(' ')[0]} – ${chineseDate(dateOf(week, 'sun')).split(' ')[0]}`,
      bank: content.bank.name,
      ruleset,
      branches: content.branches
        .filter((b) => results.some((r) => r.job.branch === b.id))
        .map((b) => {
          const mine = results.filter((r) => r.job.branch === b.id);
          const ok = mine.filter((r) => r.decision.approved);
          const bundle = bundles.get(b.id);
          return {
            id: b.id,
            name: b.name,
            city: b.city,
            assets: ok.length,
            rejected: mine.length - ok.length,
            ...(bundle ? { bundle } : {}),
            // one preview per asset, the branch's own posts before the shared ones
            thumbnails: [...ok.filter((r) => r.job.brief.scope !== '_all'), ...ok.filter((r) => r.job.brief.scope === '_all')]
              .flatMap((r) => (thumbs.get(r) ?? []).slice(0, 1))
              .slice(0, 4),
            colors: { primary: b.colors.primary, accent: b.colors.accent },
          };
        }),
    }),
  );

  // the audit trail: every decision of this run appended; earlier runs' lines are never rewritten
  const at = new Date().toISOString();
  const run = createHash('sha256').update(`${at}${process.pid}`).digest('hex').slice(0, 12);
  const lines = results.map((r) =>
    JSON.stringify({
      at,
      run,
      ruleset,
      job: r.job.id,
      hash: r.job.hash,
      decision: r.failure ? 'failed' : r.decision.approved ? (r.decision.waivers.length ? 'approved-with-waivers' : 'approved') : 'rejected',
      reasons: r.decision.reasons,
      waived: r.decision.judged.filter((j) => j.waiver).map((j) => ({ rule: j.finding.ruleId, reviewer: j.waiver!.reviewer, date: j.waiver!.date, reason: j.waiver!.reason })),
    }),
  );
  await mkdir(outWeek, { recursive: true });
  await appendFile(join(outWeek, 'audit.jsonl'), lines.map((l) => `${l}\n`).join(''));
  return { bundles, stale };
}

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

/** Cuts a line to `max` terminal columns (a CJK character takes two), ending it with … */
export function fit(line: string, max = 80): string {
  if (stringWidth(line) <= max) return line;
  let out = '';
  for (const ch of line) {
    if (stringWidth(`${out}${ch}…`) > max) break;
    out += ch;
  }
  return `${out}…`;
}

/** The one-screen summary: every line within 80 columns, colour on a terminal only. */
export function summary(content: Content, results: JobResult[], published: Published, errors: Problem[], ms: number, out: string, ruleset: string, color?: boolean): string {
  const c = paint(color);
  const dir = `${out}/${content.week}`;
  const failedFiles = new Set(errors.map((e) => e.file));
  const lines: string[] = [];
  /** `  label      text`, cut to 80 columns, then painted (the label bold, the text in `tone`) */
  const row = (label: string, text: string, tone: (s: string) => string = (x) => x) => {
    const line = fit(`  ${label.padEnd(10)} ${text}`);
    const at = 2 + label.length;
    lines.push(`  ${c.bold(line.slice(2, at))}${tone(line.slice(at))}`);
  };
  lines.push('', fit(`Wendu build ${content.week}: ${content.root}/ → ${dir}/`));
  row('briefs', `${content.briefs.length} loaded${failedFiles.size ? `, ${failedFiles.size} with errors (skipped)` : ''}`);
  row('assets', `${results.length} planned, ${results.reduce((n, r) => n + r.files.length, 0)} images rendered`);
  for (const b of content.branches) {
    const mine = results.filter((r) => r.job.branch === b.id);
    if (!mine.length) continue;
    const ok = mine.filter((r) => r.decision.approved).length;
    const waived = mine.filter((r) => r.decision.approved && r.decision.waivers.length).length;
    const bundle = published.bundles.get(b.id);
    const rejected = mine.length - ok;
    row(
      b.id,
      `${ok} approved${waived ? ` (${waived} with waivers)` : ''}${rejected ? `, ${rejected} rejected` : ''} → ${bundle ? `${bundle.path} ${(bundle.bytes / 1048576).toFixed(1)} MB` : 'no bundle'}`,
      rejected ? c.yellow : c.green,
    );
  }
  const rejected = results.filter((r) => !r.decision.approved);
  if (rejected.length) {
    lines.push(`  ${c.bold('rejected')}`);
    for (const r of rejected) {
      const more = r.decision.reasons.length > 1 ? ` (+${r.decision.reasons.length - 1} more)` : '';
      const why = r.failure ? 'could not be rendered' : r.decision.reasons[0] ?? '';
      // the reason is cut, never the count of further reasons
      lines.push(c.red(`${fit(`    ${r.job.branch}: ${r.job.brief.id} — ${why}`, 80 - more.length)}${more}`));
    }
  }
  if (published.stale.length) row('stale', `${published.stale.length} waiver(s) match nothing: ${published.stale.map((w) => `${w.brief} ${w.rule}`).join('; ')}`, c.yellow);
  if (errors.length) {
    row('errors', `${errors.length}, listed above; those briefs were skipped`, c.red);
    for (const file of [...failedFiles].sort()) lines.push(fit(`    ${file}`));
  }
  row('report', `${dir}/report/index.html`);
  row('portal', `${dir}/index.html`);
  row('rule set', ruleset);
  row('time', `${(ms / 1000).toFixed(1)}s`);
  lines.push('');
  return lines.join('\n');
}
