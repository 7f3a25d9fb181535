// `npm run fuzz -- [--time S] [--count N] [--seed N] [--render-every K] [--content DIR]`
// Mutates the sample briefs (bytes, Markdown and YAML syntax, character references, escapes, bidi
// and control characters, aliases, long runs) and runs each mutant through the loader and the gate
// (decoded texts, lint, every K-th one rendered). A mutant may be refused — that is a located
// problem — but nothing may throw: any exception escaping the stages is a crash, printed with its
// seed and input. Exit 0 when no crash, 1 otherwise; bounded by --time and --count.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readContentTree } from '../cli/files.ts';
import { loadContent, type ContentTree } from '../load/content.ts';
import { checkMascot } from '../mascot/check.ts';
import { plan } from '../plan/plan.ts';
import { lintContextOf, runJob } from '../batch.ts';
import { generatedSpans, lintMapped, bidiFindings } from '../check/texts.ts';
import { REQUIRED_WARNINGS } from '../lint/index.ts';
import { rng } from './rng.ts';

export interface FuzzOptions {
  contentDir: string;
  /** stop after this many mutants */
  count: number;
  /** stop after this many milliseconds */
  timeMs: number;
  seed: number;
  /** render (full gate) every K-th mutant that loads; 0 never */
  renderEvery: number;
  log?: (line: string) => void;
}

export interface FuzzReport {
  tried: number;
  loaded: number;
  refused: number;
  rendered: number;
  crashes: { seed: number; iteration: number; file: string; error: string; input: string }[];
  ms: number;
}


/** Things hostile or careless authors type. */
const TOKENS = [
  '&#49;', '&#x31;', '&#8203;', '&amp;', '&ZeroWidthSpace;', '&#20445;&#26412;', '&#0;', '&#99999999;', '&', '**', '*', '_', '`', '``', '\\', '\n', '\r\n', '\n\n', '> ', '>>>>>>>>', '- ', '1. ', '# ',
  '---', '\n---\n', ': ', '"', "'", '\\u4FDD', '\\U0001F600', '\\x', '&a ', '*a', '<<: *a', '{', '[', '{{', '}}', '{{{title}}}', '<b>', '</div>', '<img src=x>', '<!--', '\u202E', '\u2066', '\u200B',
  '\u0000', '\u0007', '\uFEFF', '\uD800', '😀', '👨‍👩‍👧', '𠮷', '保本保息', '13812345678', '110105194912310021', '6222021234567890123', 'https://127.0.0.1/x', '../../etc/passwd', 'W'.repeat(300), '—'.repeat(80), '9'.repeat(40), ' ', '\t',
];

function mutate(text: string, r: () => number): string {
  let s = text;
  const n = 1 + Math.floor(r() * 4);
  for (let k = 0; k < n; k++) {
    // most mutations land in the body or in a value, where they reach the decoders and the gate
    const body = s.indexOf('\n---', 4) + 4;
    const at = body > 4 && r() < 0.6 ? body + Math.floor(r() * (s.length - body + 1)) : Math.floor(r() * (s.length + 1));
    const pick = r();
    if (pick < 0.45) s = s.slice(0, at) + TOKENS[Math.floor(r() * TOKENS.length)]! + s.slice(at);
    else if (pick < 0.6) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 8));
    else if (pick < 0.75) {
      const len = Math.floor(r() * 40);
      s = s.slice(0, at) + s.slice(at, at + len).repeat(1 + Math.floor(r() * 5)) + s.slice(at);
    } else if (pick < 0.9) s = s.slice(0, at) + String.fromCodePoint(Math.floor(r() * 0x2ffff)) + s.slice(at);
    else s = s.slice(0, at) + s.slice(at).replace(/[^\n]*/, (line) => [...line].reverse().join(''));
  }
  return s;
}

export async function fuzz(o: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const base = await readContentTree(o.contentDir);
  base.root = 'content';
  const week = '2026-W48';
  const briefs = [...base.files.keys()].filter((p) => p.startsWith(`weeks/${week}/`) && p.endsWith('.md'));
  const r = rng(o.seed);
  const report: FuzzReport = { tried: 0, loaded: 0, refused: 0, rendered: 0, crashes: [], ms: 0 };
  const readContentFile = (rel: string) => readFile(join(o.contentDir, rel));
  for (let i = 0; i < o.count && Date.now() - started < o.timeMs; i++) {
    const rel = briefs[Math.floor(r() * briefs.length)]!;
    const source = new TextDecoder().decode(base.files.get(rel));
    const mutant = mutate(source, r);
    // now and then as raw bytes: invalid UTF-8 too
    const bytes = r() < 0.1 ? Buffer.concat([Buffer.from(mutant), Buffer.from([0xff, 0xc3])]) : Buffer.from(mutant);
    const tree: ContentTree = { root: base.root, files: new Map(base.files), paths: new Set(base.paths), skipped: base.skipped };
    tree.files.set(rel, bytes);
    report.tried++;
    try {
      const content = loadContent(tree, week, { checkMascot });
      const brief = content.briefs.find((b) => b.file === `content/${rel}`);
      if (!brief) {
        report.refused++;
        continue;
      }
      report.loaded++;
      const lint = lintContextOf(content);
      const jobs = plan(content).filter((j) => j.brief.id === brief.id);
      for (const job of jobs.slice(0, 1)) {
        const spans = [...job.brief.spans, ...generatedSpans(job)];
        lintMapped(spans, lint);
        bidiFindings(spans);
        if (o.renderEvery > 0 && report.loaded % o.renderEvery === 0) {
          const product = job.brief.fields.product;
          const branch = content.branches.find((b) => b.id === job.branch)!;
          await runJob(job, { branch, bank: content.bank, warning: product ? REQUIRED_WARNINGS[product] : '', readContentFile, lint, waivers: content.waivers });
          report.rendered++;
        }
      }
    } catch (err) {
      const error = (err as Error)?.stack ?? String(err);
      report.crashes.push({ seed: o.seed, iteration: i, file: rel, error, input: mutant });
      o.log?.(`crash #${report.crashes.length} at iteration ${i} (seed ${o.seed}) on ${rel}: ${error.split('\n')[0]}`);
    }
  }
  report.ms = Date.now() - started;
  return report;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      time: { type: 'string', default: '60' },
      count: { type: 'string', default: '500' },
      seed: { type: 'string' },
      'render-every': { type: 'string', default: '10' },
      content: { type: 'string', default: 'content' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write('Usage: npm run fuzz -- [--time SECONDS] [--count N] [--seed N] [--render-every K] [--content DIR]\n');
    return 0;
  }
  const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
  const report = await fuzz({
    contentDir: resolve(values.content!),
    count: Number(values.count),
    timeMs: Number(values.time) * 1000,
    seed,
    renderEvery: Number(values['render-every']),
    log: (l) => process.stderr.write(`${l}\n`),
  });
  for (const c of report.crashes.slice(0, 5)) process.stderr.write(`\n--- crash at iteration ${c.iteration}, ${c.file}\n${c.error}\ninput:\n${JSON.stringify(c.input.slice(0, 2000))}\n`);
  process.stdout.write(
    `fuzz: seed ${seed}: ${report.tried} mutants in ${(report.ms / 1000).toFixed(1)} s — ${report.loaded} loaded, ${report.refused} refused with located problems, ${report.rendered} rendered, ${report.crashes.length} crashes\n`,
  );
  return report.crashes.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // the process never dies of an uncaught exception: anything escaping is reported and exits 1
  process.on('uncaughtException', (err) => {
    process.stderr.write(`fuzz: uncaught ${err.stack ?? err}\n`);
    process.exit(1);
  });
  process.on('unhandledRejection', (err) => {
    process.stderr.write(`fuzz: unhandled ${(err as Error)?.stack ?? err}\n`);
    process.exit(1);
  });
  main().then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`fuzz: ${(err as Error).stack ?? err}\n`);
      process.exit(1);
    },
  );
}
