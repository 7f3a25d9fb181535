// `npm run bench [-- --sizes 20,100,200 --branches 20 --reps 15]`: Wendu's render engine and build
// against warm headless Chromium on the same machine, in one run. A script, not a test: it prints
// figures, it asserts nothing. Sections:
//   1. engine vs Chromium per kind, the same filled HTML and fonts, one at a time (one core each)
//   2. a cold `wendu build` (images/s) of a week without sticker packs vs Chromium drawing the
//      same canvases on as many pages as cores
//   3. 2 workers vs 1 worker (cold builds)
//   4. a warm re-run and a one-brief edit vs the cold run
//   5. peak RSS of cold builds at each size
// The synthetic week: N branches cloned from the sample content (three brands, so three sticker packs).
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { parse, stringify } from 'yaml';
import { chromium } from 'playwright-core';
import { readContentTree } from '../cli/files.ts';
import { loadContent } from '../load/content.ts';
import { checkMascot } from '../mascot/check.ts';
import { plan } from '../plan/plan.ts';
import { filledCanvases } from '../render/job.ts';
import { clearMeasurements, encode, fillTemplate, renderHtml, startProfiling, stopProfiling, type Phase, type RenderProfile } from '../render/engine.ts';
import { warningFor } from '../job/stage.ts';
import { FONTS_DIR } from '../assets/index.ts';
import type { Job } from '../model.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'pipeline/cli/bin.js');
const SAMPLE = join(ROOT, 'content');
const WEEK = '2026-W48';
const CHROMIUM = process.env.WENDU_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '20,100,200' },
    branches: { type: 'string', default: '20' },
    reps: { type: 'string', default: '15' },
    skip: { type: 'string', default: '' },
    /** section 1 only for these kinds (comma-separated) */
    kinds: { type: 'string', default: '' },
    /** section 1 also prints where the engine's CPU time goes, per kind and phase */
    phases: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes!.split(',').map(Number).filter((n) => n > 0);
const N = Number(values.branches);
const REPS = Math.max(3, Number(values.reps));
const skip = new Set(values.skip!.split(',').filter(Boolean));
const onlyKinds = new Set(values.kinds!.split(',').filter(Boolean));
const cores = availableParallelism();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const fmt = (x: number, d = 1) => x.toFixed(d);

/**
 * A week of `n` branches cloned from the sample's three (same briefs, personas, brands). Without
 * `stickers`, the sticker-pack briefs are left out: a week of card canvases only, each one filled
 * HTML, that Chromium can draw too.
 */
async function syntheticWeek(n: number, { stickers = true } = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `wendu-bench-${n}-`));
  const content = join(dir, 'content');
  await cp(SAMPLE, content, { recursive: true });
  const doc = parse(await readFile(join(SAMPLE, 'branches.yaml'), 'utf8')) as { bank: unknown; branches: { id: string; name: string; city: string }[] };
  const samples = doc.branches;
  const branches = [];
  for (let i = 0; i < n; i++) {
    const s = samples[i % samples.length]!;
    const id = `${s.id}-${String(i + 1).padStart(3, '0')}`;
    branches.push({ ...s, id, name: `${s.name.replace(/支行$/, '')}第${i + 1}支行` });
    await cp(join(SAMPLE, 'personas', s.id), join(content, 'personas', id), { recursive: true });
    await mkdir(join(content, 'weeks', WEEK, id), { recursive: true });
    for (const f of await readdir(join(SAMPLE, 'weeks', WEEK, s.id))) {
      const text = await readFile(join(SAMPLE, 'weeks', WEEK, s.id, f), 'utf8');
      await writeFile(join(content, 'weeks', WEEK, id, f), text.replaceAll(`persona: ${s.id}/`, `persona: ${id}/`));
    }
  }
  for (const s of samples) {
    await rm(join(content, 'weeks', WEEK, s.id), { recursive: true, force: true });
    await rm(join(content, 'personas', s.id), { recursive: true, force: true });
  }
  if (!stickers) {
    for (const folder of await readdir(join(content, 'weeks', WEEK))) {
      for (const f of await readdir(join(content, 'weeks', WEEK, folder))) {
        const file = join(content, 'weeks', WEEK, folder, f);
        if (/^kind:\s*sticker-pack\s*$/m.test(await readFile(file, 'utf8'))) await rm(file);
      }
    }
  }
  await writeFile(join(content, 'branches.yaml'), stringify({ bank: doc.bank, branches }));
  await writeFile(join(content, 'approvals.yaml'), 'waivers: []\n');
  return dir;
}

interface BuildRun {
  seconds: number;
  images: number;
  rendered: number;
  reused: number;
  rssMb: number;
}

/** One `wendu build` as a fresh process, timed, with its peak RSS (GNU time). */
function build(dir: string, ...args: string[]): BuildRun {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', CI: '1' };
  delete env.UV_THREADPOOL_SIZE;
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', process.execPath, BIN, 'build', '--week', WEEK, '--out', 'out', '--cache', 'cache', ...args], { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`wendu build failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const num = (re: RegExp, text: string) => Number(re.exec(text)?.[1] ?? NaN);
  return {
    seconds,
    images: num(/(\d+) images/, r.stdout),
    rendered: num(/(\d+) rendered/, r.stdout),
    reused: num(/(\d+) reused/, r.stdout),
    rssMb: num(/maxrss=(\d+)/, r.stderr) / 1024,
  };
}

async function jobsOf(dir: string) {
  const tree = await readContentTree(join(dir, 'content'));
  const content = loadContent(tree, WEEK, { checkMascot });
  const read = (rel: string) => readFile(join(dir, 'content', rel));
  return { content, jobs: plan(content), read };
}

async function canvasesOf(dir: string, jobs: Job[], content: Awaited<ReturnType<typeof jobsOf>>['content']) {
  const read = (rel: string) => readFile(join(dir, 'content', rel));
  const out = [];
  for (const job of jobs) {
    const branch = content.branches.find((b) => b.id === job.branch)!;
    for (const c of await filledCanvases({ job, branch, bank: content.bank, warning: warningFor(job), readContentFile: read })) out.push({ kind: job.brief.fields.kind, ...c });
  }
  return out;
}

/** Filled template HTML as a browser page: the same fonts (file URLs), satori's defaults (flex boxes, border-box). */
function browserHtml(html: string, assets: Record<string, string>): string {
  const body = html.replace(/src="asset:([\w-]+)"/g, (_, name: string) => `src="${assets[name] ?? ''}"`);
  const font = (file: string, weight: number) => `@font-face{font-family:'Noto Sans SC';font-weight:${weight};src:url('${pathToFileURL(join(FONTS_DIR, file)).href}')}`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${font('NotoSansSC-Regular.subset.otf', 400)}${font('NotoSansSC-Bold.subset.otf', 700)}html,body{margin:0}*{box-sizing:border-box}div{display:flex}body{font-family:'Noto Sans SC'}</style></head><body>${body}</body></html>`;
}

async function launch() {
  const profile = await mkdtemp(join(tmpdir(), 'wendu-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, offline: true });
  return { context, close: async () => (await context.close(), await rm(profile, { recursive: true, force: true })) };
}

/**
 * Where the engine's CPU time goes per kind: the mean over REPS cold renders (measurements
 * forgotten) of each phase's CPU ms, and the calls per image where a phase repeats.
 */
async function phases(kinds: Map<string, Awaited<ReturnType<typeof canvasesOf>>[number]>) {
  const order: (Phase | 'fill')[] = ['fill', 'parse', 'layout', 'measure', 'relayout', 'clip', 'probe', 'resvg', 'opaque', 'encode'];
  console.log(`\n   engine CPU ms per image by phase (mean of ${REPS}; calls per image in brackets; probe is part of clip):`);
  console.log(`   ${'kind'.padEnd(16)}${order.map((p) => p.padStart(11)).join('')}${'total'.padStart(8)}`);
  for (const [kind, c] of kinds) {
    const profile: RenderProfile = {};
    let fillMs = 0;
    let total = 0;
    for (let i = 0; i < REPS + 1; i++) {
      clearMeasurements();
      const t = process.cpuUsage();
      const f = process.cpuUsage();
      const html = fillTemplate(c.canvas.template, c.context);
      const fd = process.cpuUsage(f);
      if (i > 0) startProfiling(profile);
      const r = await renderHtml(html, c.canvas.width, c.canvas.height, c.assets);
      await encode(r, { format: 'jpeg', quality: 90 });
      stopProfiling();
      const d = process.cpuUsage(t);
      if (i > 0) (fillMs += (fd.user + fd.system) / 1000, (total += (d.user + d.system) / 1000));
    }
    const cell = (p: Phase | 'fill') => {
      if (p === 'fill') return fmt(fillMs / REPS);
      const e = profile[p];
      if (!e) return '–';
      const calls = e.calls / REPS;
      return `${fmt(e.ms / REPS)}${calls > 1.01 ? ` [${fmt(calls, calls % 1 ? 1 : 0)}]` : ''}`;
    };
    console.log(`   ${kind.padEnd(16)}${order.map((p) => cell(p).padStart(11)).join('')}${fmt(total / REPS).padStart(8)}`);
  }
}

async function main() {
  console.log(`Wendu bench — ${cpus()[0]?.model ?? 'cpu'} × ${cores} cores, ${fmt(totalmem() / 2 ** 30)} GiB, node ${process.version}, ${new Date().toISOString()}`);
  const base = await syntheticWeek(Math.max(3, N));
  const { content, jobs } = await jobsOf(base);

  // 1. engine vs Chromium, per kind, the same filled HTML, one image at a time
  const kinds = new Map<string, Awaited<ReturnType<typeof canvasesOf>>[number]>();
  for (const c of await canvasesOf(base, jobs.filter((j) => j.branch === content.branches[0]!.id), content)) {
    if (!kinds.has(c.kind) && (onlyKinds.size === 0 || onlyKinds.has(c.kind))) kinds.set(c.kind, c);
  }
  const browser = skip.has('kinds') && skip.has('build') ? undefined : await launch();
  if (!skip.has('kinds')) {
    sharp.concurrency(1);
    const page = await browser!.context.newPage();
    await page.goto(pathToFileURL(join(base, 'content', 'branches.yaml')).href).catch(() => undefined);
    console.log(`\n1. per image, one core each (median of ${REPS}, after 2 warm-up runs), JPEG q90:`);
    console.log(`   ${'kind'.padEnd(16)} ${'Wendu ms'.padStart(9)} ${'Chromium ms'.padStart(12)}  Wendu images/s ÷ Chromium's`);
    const ratios: number[] = [];
    for (const [kind, c] of kinds) {
      await page.setViewportSize({ width: c.canvas.width, height: c.canvas.height });
      const html = browserHtml(c.html, c.assets);
      const w: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < REPS + 2; i++) {
        clearMeasurements();
        let t = performance.now();
        const r = await renderHtml(c.html, c.canvas.width, c.canvas.height, c.assets);
        await encode(r, { format: 'jpeg', quality: 90 });
        const wm = performance.now() - t;
        t = performance.now();
        await page.setContent(html, { waitUntil: 'load' });
        await page.screenshot({ type: 'jpeg', quality: 90, clip: { x: 0, y: 0, width: c.canvas.width, height: c.canvas.height } });
        const bm = performance.now() - t;
        if (i >= 2) (w.push(wm), b.push(bm));
      }
      const ratio = median(b) / median(w);
      ratios.push(ratio);
      console.log(`   ${kind.padEnd(16)} ${fmt(median(w), 0).padStart(9)} ${fmt(median(b), 0).padStart(12)}  ${fmt(ratio, 2)}×`);
    }
    console.log(`   median over kinds: ${fmt(median(ratios), 2)}× (sticker packs are not one HTML per image and are left out)`);
    await page.close();
  }
  if (values.phases) await phases(kinds);

  // 2–4. cold build, Chromium on as many pages as cores, workers, warm re-run, one-brief edit
  if (!skip.has('build')) {
    // the same images on both sides: a week without sticker packs, whose every image is one filled HTML
    const cards = await syntheticWeek(N, { stickers: false });
    const cardWeek = await jobsOf(cards);
    const cardCanvases = await canvasesOf(cards, cardWeek.jobs, cardWeek.content);
    const cardsCold = build(cards, '--no-cache');
    const pages = await Promise.all(Array.from({ length: cores }, () => browser!.context.newPage()));
    const t = performance.now();
    let next = 0;
    await Promise.all(
      pages.map(async (page) => {
        for (let i = next++; i < cardCanvases.length; i = next++) {
          const c = cardCanvases[i]!;
          await page.setViewportSize({ width: c.canvas.width, height: c.canvas.height });
          await page.setContent(browserHtml(c.html, c.assets), { waitUntil: 'load' });
          await page.screenshot({ type: 'jpeg', quality: 90, clip: { x: 0, y: 0, width: c.canvas.width, height: c.canvas.height } });
        }
      }),
    );
    const chromeSecs = (performance.now() - t) / 1000;
    // canvases on both sides (a nine-grid is one canvas cut into nine files)
    const wRate = cardCanvases.length / cardsCold.seconds;
    const cRate = cardCanvases.length / chromeSecs;
    console.log(`\n2. cold build of ${N} branches without sticker packs (${cardWeek.jobs.length} jobs, ${cardsCold.rendered} drawn, ${cardsCold.reused} identical ones shared): ${cardCanvases.length} canvases (${cardsCold.images} files) in ${fmt(cardsCold.seconds)} s = ${fmt(wRate)} images/s (the whole build: start-up, render, lint, bundles, report)`);
    console.log(`   Chromium, ${cores} pages: the same ${cardCanvases.length} canvases in ${fmt(chromeSecs)} s = ${fmt(cRate)} images/s (drawing only) → Wendu ${fmt(wRate / cRate, 2)}×`);
    await rm(cards, { recursive: true, force: true });
    const cold = build(base, '--no-cache');

    const small = await syntheticWeek(Math.min(N, 10));
    const one = build(small, '--no-cache', '--concurrency', '1');
    const two = build(small, '--no-cache', '--concurrency', '2');
    console.log(`\n3. cold build of ${Math.min(N, 10)} branches: 1 worker ${fmt(one.seconds)} s, 2 workers ${fmt(two.seconds)} s → ${fmt(one.seconds / two.seconds, 2)}×`);

    const warm = build(base);
    const brief = join(base, 'content', 'weeks', WEEK, content.branches[0]!.id);
    const file = join(brief, (await readdir(brief))[0]!);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: (.*)$/m, 'title: $1（修訂）'));
    const edit = build(base);
    console.log(`\n4. warm re-run: ${fmt(warm.seconds)} s, ${warm.rendered} rendered, ${warm.reused} reused = ${fmt((100 * warm.seconds) / cold.seconds)}% of the cold run`);
    console.log(`   one brief edited: ${fmt(edit.seconds)} s, ${edit.rendered} rendered, ${edit.reused} reused = ${fmt((100 * edit.seconds) / cold.seconds)}% of the cold run`);
    await rm(small, { recursive: true, force: true });
  }
  await browser?.close();

  // 5. peak RSS
  if (!skip.has('rss')) {
    console.log('\n5. peak RSS of a cold build (GNU time, the whole process with its worker threads):');
    const rss: number[] = [];
    for (const n of sizes) {
      const dir = await syntheticWeek(n);
      const r = build(dir, '--no-cache');
      rss.push(r.rssMb);
      console.log(`   ${String(n).padStart(4)} branches: ${fmt(r.rssMb, 0)} MB (${r.images} images in ${fmt(r.seconds)} s)`);
      await rm(dir, { recursive: true, force: true });
    }
    if (rss.length > 1) console.log(`   growth from ${sizes[0]} to ${sizes.at(-1)} branches: ${fmt((100 * (rss.at(-1)! - rss[0]!)) / rss[0]!)}%`);
  }
  await rm(base, { recursive: true, force: true });
}

await main();
