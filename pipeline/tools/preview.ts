// Renders one brief for one branch into a folder as PNGs, to look at while designing templates:
//   npx tsx pipeline/tools/preview.ts xihu/wed-relocation-funds [branch] [outdir]
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { readContentTree } from '../cli/files.ts';
import { loadContent } from '../load/content.ts';
import { plan } from '../plan/plan.ts';
import { renderJob } from '../render/job.ts';
import { REQUIRED_WARNINGS } from '../lint/warnings.ts';

const [briefId, branchId, outDir = '/tmp/preview'] = process.argv.slice(2);
if (!briefId) {
  console.error('usage: npx tsx pipeline/tools/preview.ts BRIEF-ID [BRANCH] [OUTDIR]');
  process.exit(2);
}
const contentDir = new URL('../../content/', import.meta.url).pathname;
const tree = await readContentTree(contentDir);
tree.root = 'content';
const content = loadContent(tree, '2026-W48');
for (const p of content.problems) console.error(`${p.file}:${p.line}:${p.column}: ${p.message}`);
const job = plan(content).find((j) => j.brief.id === briefId && (!branchId || j.branch === branchId));
if (!job) throw new Error(`no job for ${briefId} ${branchId ?? ''}`);
const branch = content.branches.find((b) => b.id === job.branch)!;
const warning = job.brief.fields.product ? REQUIRED_WARNINGS[job.brief.fields.product] : '';
const t0 = performance.now();
const result = await renderJob({ job, branch, bank: content.bank, warning, readContentFile: (rel) => readFile(join(contentDir, rel)) });
console.log(`${job.id}: ${result.files.length} files in ${(performance.now() - t0).toFixed(0)} ms; overflows: ${JSON.stringify(result.overflows)}`);
await mkdir(outDir, { recursive: true });
for (const f of result.files) {
  const name = `${job.branch}-${briefId.replace(/\//g, '_')}${f.name ? `-${f.name}` : ''}`;
  await writeFile(join(outDir, `${name}.${f.format === 'jpeg' ? 'jpg' : f.format}`), f.data);
  if (f.format !== 'png') await sharp(f.data).png().toFile(join(outDir, `${name}.view.png`));
  console.log(`  ${join(outDir, name)} ${f.width}×${f.height} ${f.format} ${f.data.length} bytes`);
}
