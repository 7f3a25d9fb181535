// `wendu build`: the weekly batch. Reads the content folder, runs the stages, writes out/<week>/.
import { parseArgs } from 'node:util';
import { resolve, join } from 'node:path';
import type { Content, Job, Problem } from '../model.ts';
import { loadContent, weeksIn } from '../load/content.ts';
import { plan } from '../plan/plan.ts';
import { caption, captionContext } from '../captions/captions.ts';
import { isWeek } from '../week.ts';
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
const NOT_BUILT = ['lint', 'render', 'check', 'approve', 'bundle', 'report'];

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

  const content = loadContent(tree, week);
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
  const failures: Problem[] = [];

  const byBranch = new Map<string, { job: Job; caption: string }[]>();
  for (const job of jobs) {
    const branch = content.branches.find((b) => b.id === job.branch)!;
    try {
      const text = caption(captionContext(job, branch, content.bank, ''), job.persona.role);
      byBranch.set(job.branch, [...(byBranch.get(job.branch) ?? []), { job, caption: text }]);
      bar.tick(`${job.branch} ${job.brief.id}`, true);
    } catch (err) {
      failures.push({ file: job.brief.file, line: 1, column: 1, severity: 'error', ruleId: 'build/caption', message: `Caption failed: ${(err as Error).message}` });
      bar.tick(`${job.branch} ${job.brief.id}`, false);
    }
  }
  bar.done();

  for (const [branch, items] of byBranch) await writeFileAtomic(join(outWeek, branch, 'captions.md'), captionsMarkdown(content, branch, items));
  await writeFileAtomic(join(outWeek, 'plan.json'), `${JSON.stringify(planJson(content, jobs), null, 2)}\n`);
  for (const f of failures) io.stderr(`${formatProblem(f)}\n`);

  const loadErrors = content.problems.filter((p) => p.severity === 'error');
  io.stdout(summary(content, jobs, [...loadErrors, ...failures], Date.now() - started, values.out!));
  return loadErrors.length || failures.length ? 1 : 0;
}

function captionsMarkdown(content: Content, branchId: string, items: { job: Job; caption: string }[]): string {
  const branch = content.branches.find((b) => b.id === branchId)!;
  const parts = [`# ${branch.name} · ${content.week} 朋友圈文案`, '', '按发布顺序排列；每条文案可直接复制粘贴。', ''];
  for (const { job, caption: text } of items) {
    parts.push(`## ${job.order}. ${job.date} ${job.time} · ${job.brief.fields.title}`, '', `<!-- ${job.brief.id} · ${job.persona.name} · ${job.brief.fields.kind} -->`, '', text, '');
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

function summary(content: Content, jobs: Job[], errors: Problem[], ms: number, out: string): string {
  const failedFiles = new Set(errors.map((e) => e.file));
  const perBranch = content.branches.map((b) => `${b.id} ${jobs.filter((j) => j.branch === b.id).length}`).join(', ');
  const lines = [
    '',
    `Wendu build ${content.week}: ${content.root}/ → ${out}/${content.week}/`,
    `  briefs    ${content.briefs.length} loaded, ${failedFiles.size} with errors`,
    `  jobs      ${jobs.length} (${perBranch})`,
    `  captions  ${jobs.length - errors.filter((e) => e.ruleId === 'build/caption').length} written to ${out}/${content.week}/<branch>/captions.md`,
    `  not built yet: ${NOT_BUILT.join(', ')}`,
  ];
  if (errors.length) {
    lines.push(`  errors    ${errors.length} (listed above; each brief with an error was skipped, the rest went on)`);
    for (const file of [...failedFiles].sort()) lines.push(`    ${file}`);
  }
  lines.push(`  time      ${(ms / 1000).toFixed(1)}s`, '');
  return lines.join('\n');
}
