// The plan stage: every brief × every branch it goes to becomes a job with a stable id, a posting
// slot and a content hash over everything that affects its output.
import type { Content, Job } from '../model.ts';
import { sha256 } from '../load/content.ts';
import { dateOf } from '../week.ts';

/** Bump when the meaning of a job changes, so cached results made under the old meaning are not reused. */
export const PLAN_VERSION = 1;
const DEFAULT_TIME = '09:00';

export interface PlanOptions {
  /** only these branches (all when empty) */
  branches?: string[];
}

export function plan(content: Content, options: PlanOptions = {}): Job[] {
  const wanted = options.branches?.length ? new Set(options.branches) : undefined;
  const jobs: Job[] = [];
  for (const branch of content.branches) {
    if (wanted && !wanted.has(branch.id)) continue;
    const mine = content.briefs
      .filter((b) => b.scope === branch.id || b.scope === '_all')
      .map((brief) => ({ brief, date: dateOf(content.week, brief.fields.day), time: brief.fields.time ?? DEFAULT_TIME }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time) || a.brief.id.localeCompare(b.brief.id));
    mine.forEach(({ brief, date, time }, i) => {
      const persona = content.personas.get(brief.fields.persona)!;
      const hash = sha256(
        JSON.stringify({ v: PLAN_VERSION, brief: brief.hash, persona: persona.hash, branch, bank: content.bank, date, time }),
      );
      jobs.push({ id: `${content.week}:${branch.id}:${brief.id}`, week: content.week, branch: branch.id, brief, persona, date, time, order: i + 1, hash });
    });
  }
  return jobs;
}
