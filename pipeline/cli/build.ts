// `wendu build`: the weekly batch. Reads the content folder, runs the stages, writes out/<week>/.
import { parseArgs } from 'node:util';
import { resolve, join } from 'node:path';
import type { Content, Job, Problem } from '../model.ts';
import { loadContent, weeksIn } from '../load/content.ts';
import { plan } from '../plan/plan.ts';
import { runJob, type JobResult } from '../batch.ts';
import { REQUIRED_WARNINGS } from '../lint/warnings.ts';
import { EXPRESSIONS, POSES } from '../mascot/compose.ts';
import { chineseDate, isWeek } from '../week.ts';
import PQueue from 'p-queue';
import { readFile } from 'node:fs/promises';
import { isDirectory, readContentTree, writeFileAtomic } from './files.ts';
import { formatProblem, UsageError, type Io } from './io.ts';
import { progress } from './progress.ts';

const HELP = `Usage: wendu build [options]

Renders one week of briefs for every branch into out/<week>/.

Options:
  --week 2026-W48     the ISO week to build (default: the newest week in <content>/weeks/)
  --content DIR       the content folder (default: content)
  --out DIR           the output folder (default: out)
  --branch ID         build only this branch; repeat for several (default: all)
  --strict            exit 1 when any asset is rejected by compliance
  -h, --help          show this help

Exit codes:
  0  every brief loaded and rendered (rejected assets are a normal outcome; the summary names them)
  1  a brief could not be loaded or rendered (or, with --strict, an asset was rejected)
  2  usage or configuration error (bad option, missing content folder, invalid branches.yaml)
`;

/** Stages that later work fills in; the summary names those not built yet rather than pretending. */
const NOT_BUILT = ['lint', 'approve', 'bundle', 'report'];

/** The loader's check of `mascot:` in a brief, from the mascot's own pose data. */
export function checkMascot(m: { pose: string; expression?: string }) {
  if (!POSES.includes(m.pose)) return { field: 'pose' as const, message: `Unknown mascot pose \`${m.pose}\`; known: ${POSES.join(', ')}` };
  if (m.expression !== undefined && !EXPRESSIONS.includes(m.expression)) {
    return { field: 'expression' as const, message: `Unknown mascot expression \`${m.expression}\`; known: ${EXPRESSIONS.join(', ')}` };
  }
  return undefined;
}

export async function buildCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      week: { type: 'string' },
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'out' },
      branch: { type: 'string', multiple: true, default: [] },
      strict: { type: 'boolean', default: false },
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

  const jobs = plan(content, { branches: values.branch });
  const outWeek = resolve(io.cwd, values.out!, week);
  const bar = progress(jobs.length, { isTTY: io.tty, write: io.stderr });

  // rendering is CPU-bound: two jobs in flight keep both cores busy while one waits on native work
  const queue = new PQueue({ concurrency: 2 });
  const readContentFile = (rel: string) => readFile(join(contentDir, rel));
  const results: JobResult[] = [];
  await Promise.all(
    jobs.map((job) =>
      queue.add(async () => {
        const branch = content.branches.find((b) => b.id === job.branch)!;
        const product = job.brief.fields.product;
        const result = await runJob(job, { branch, bank: content.bank, warning: product ? REQUIRED_WARNINGS[product] : '', readContentFile });
        results.push(result);
        bar.tick(`${job.branch} ${job.brief.id}`, !result.failure);
      }),
    ),
  );
  bar.done();
  results.sort((a, b) => a.job.branch.localeCompare(b.job.branch) || a.job.order - b.job.order);
  const failures = results.flatMap((r) => (r.failure ? [r.failure] : []));

  for (const branch of content.branches) {
    const mine = results.filter((r) => r.job.branch === branch.id);
    if (!mine.length) continue;
    for (const r of mine) for (const f of r.files) await writeFileAtomic(join(outWeek, branch.id, f.path), f.data);
    await writeFileAtomic(join(outWeek, branch.id, 'captions.md'), captionsMarkdown(content, branch.id, mine));
  }
  await writeFileAtomic(join(outWeek, 'plan.json'), `${JSON.stringify(planJson(content, jobs), null, 2)}\n`);
  for (const f of failures) io.stderr(`${formatProblem(f)}\n`);
  for (const r of results) for (const f of r.findings) io.stderr(`${formatProblem(f)}\n`);

  const loadErrors = content.problems.filter((p) => p.severity === 'error');
  io.stdout(summary(content, results, [...loadErrors, ...failures], Date.now() - started, values.out!));
  return loadErrors.length || failures.length ? 1 : 0;
}

function captionsMarkdown(content: Content, branchId: string, items: JobResult[]): string {
  const branch = content.branches.find((b) => b.id === branchId)!;
  const parts = [`# ${branch.name} · ${content.week} 朋友圈文案`, '', '按发布顺序排列；每条文案可直接复制粘贴。', ''];
  for (const { job, caption: text } of items) {
    parts.push(`## ${job.order}. ${chineseDate(job.date)} ${job.time} · ${job.brief.fields.title}`, '', `<!-- ${job.brief.id} · ${job.persona.name} · ${job.brief.fields.kind} -->`, '', text, '');
  }
  return parts.join('\n');
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

function summary(content: Content, results: JobResult[], errors: Problem[], ms: number, out: string): string {
  const jobs = results.map((r) => r.job);
  const images = results.reduce((n, r) => n + r.files.length, 0);
  const findings = results.reduce((n, r) => n + r.findings.length, 0);
  const failedFiles = new Set(errors.map((e) => e.file));
  const perBranch = content.branches.map((b) => `${b.id} ${jobs.filter((j) => j.branch === b.id).length}`).join(', ');
  const lines = [
    '',
    `Wendu build ${content.week}: ${content.root}/ → ${out}/${content.week}/`,
    `  briefs    ${content.briefs.length} loaded, ${failedFiles.size} with errors`,
    `  jobs      ${jobs.length} (${perBranch})`,
    `  images    ${images} rendered to ${out}/${content.week}/<branch>/images/, ${findings} visual findings`,
    `  captions  ${results.length} written to ${out}/${content.week}/<branch>/captions.md`,
    `  not built yet: ${NOT_BUILT.join(', ')}`,
  ];
  if (errors.length) {
    lines.push(`  errors    ${errors.length} (listed above; each brief with an error was skipped, the rest went on)`);
    for (const file of [...failedFiles].sort()) lines.push(`    ${file}`);
  }
  lines.push(`  time      ${(ms / 1000).toFixed(1)}s`, '');
  return lines.join('\n');
}
