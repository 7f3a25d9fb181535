// Test helpers: jobs of the sample week, with a brief's fields or body swapped for a test.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadContent } from '../../pipeline/load/content.ts';
import { plan } from '../../pipeline/plan/plan.ts';
import { checkMascot } from '../../pipeline/mascot/check.ts';
import { lintContextOf } from '../../pipeline/batch.ts';
import type { Brief, Content, Job } from '../../pipeline/model.ts';
import { CONTENT_DIR, sampleTree } from './content.ts';

export async function sampleContent(): Promise<Content> {
  return loadContent(await sampleTree(), '2026-W48', { checkMascot });
}

export async function sampleJob(briefId: string, branch = briefId.startsWith('_all') ? 'xihu' : briefId.split('/')[0]!, change: Partial<Brief['fields']> = {}, paragraphs?: string[]) {
  const content = await sampleContent();
  const job = plan(content).find((j) => j.brief.id === briefId && j.branch === branch);
  if (!job) throw new Error(`no sample job ${briefId} for ${branch}`);
  const changed: Job = { ...job, brief: { ...job.brief, fields: { ...job.brief.fields, ...change }, paragraphs: paragraphs ?? job.brief.paragraphs } };
  return {
    content,
    job: changed,
    branch: content.branches.find((b) => b.id === branch)!,
    bank: content.bank,
    readContentFile: (rel: string) => readFile(join(CONTENT_DIR, rel)),
    lint: lintContextOf(content),
    waivers: content.waivers,
  };
}
