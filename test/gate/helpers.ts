// Test helpers for the gate: a brief written out as source, loaded, planned and run through the
// real per-asset stages (caption → render → check → lint → approve), as `wendu build` does.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadContent } from '../../pipeline/load/content.ts';
import { plan } from '../../pipeline/plan/plan.ts';
import { checkMascot } from '../../pipeline/mascot/check.ts';
import { lintContextOf, runJob, type JobResult } from '../../pipeline/batch.ts';
import { REQUIRED_WARNINGS } from '../../pipeline/lint/index.ts';
import type { Brief, Content, Problem } from '../../pipeline/model.ts';
import { CONTENT_DIR, put, sampleTree } from '../helpers/content.ts';

export const WEEK = '2026-W48';
/** a sample brief's place, replaced by the brief under test */
export const REL = 'weeks/2026-W48/xihu/wed-relocation-funds.md';
export const FILE = `content/${REL}`;

/** A brief's source: frontmatter lines, then the body. */
export const briefSource = (front: string[], body: string) => `---\n${front.join('\n')}\n---\n${body}`;

export const KNOWLEDGE = ['persona: xihu/president', 'kind: knowledge-card', 'day: wed', 'time: "10:00"'];

/** Extra files for a test: put in the tree (by path) and served to the renderer from memory. */
export type Extra = Record<string, Uint8Array>;

export async function loadBrief(source: string | Uint8Array, rel = REL, extra: Extra = {}): Promise<{ content: Content; brief?: Brief; problems: Problem[] }> {
  const tree = put(await sampleTree(), rel, source);
  for (const [p, data] of Object.entries(extra)) {
    tree.paths.add(p);
    if (/\.(md|ya?ml)$/.test(p)) tree.files.set(p, data);
  }
  const content = loadContent(tree, WEEK, { checkMascot });
  return { content, brief: content.briefs.find((b) => b.file === `content/${rel}`), problems: content.problems.filter((p) => p.file === `content/${rel}`) };
}

/** Loads a brief in place of a sample one and runs its job for `branch` through the gate. */
export async function gate(source: string, rel = REL, branch = 'xihu', extra: Extra = {}): Promise<{ result?: JobResult; problems: Problem[] }> {
  const { content, brief, problems } = await loadBrief(source, rel, extra);
  if (!brief) return { problems };
  const job = plan(content).find((j) => j.brief.id === brief.id && j.branch === branch)!;
  const product = job.brief.fields.product;
  const result = await runJob(job, {
    branch: content.branches.find((b) => b.id === branch)!,
    bank: content.bank,
    warning: product ? REQUIRED_WARNINGS[product] : '',
    readContentFile: async (p: string) => (extra[p] ? Buffer.from(extra[p]) : readFile(join(CONTENT_DIR, p))),
    lint: lintContextOf(content),
    waivers: content.waivers,
  });
  return { result, problems };
}

/** The blocking findings of a decision, as `rule line:col field` lines. */
export const blocking = (r: JobResult) =>
  r.decision.judged.filter((j) => j.status === 'open' || j.status === 'unwaivable').map((j) => `${j.finding.ruleId} ${j.finding.line}:${j.finding.column} ${j.finding.field}`);
