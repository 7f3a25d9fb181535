// The render planner: for each job, render or reuse, and why. Pure — it sees the jobs' keys, the
// keys the store holds and the parts each job's key had at the last build (the manifest), and
// decides; the command layer does the disk. Identical jobs in one build (the same sticker pack for
// every branch of one brand) render once: the first renders, the others reuse its result.
import type { KeyParts } from './key.ts';

export interface PlannedJob {
  id: string;
  key: string;
  parts: KeyParts;
}

export type Reason =
  | { code: 'no-cache' }
  | { code: 'new' }
  | { code: 'changed'; what: string[] }
  | { code: 'not-stored' }
  | { code: 'cached' }
  | { code: 'same-as'; job: string };

export type Step = { job: string; key: string; action: 'render'; reason: Reason } | { job: string; key: string; action: 'reuse'; reason: Reason };

export interface PlannerInput {
  jobs: PlannedJob[];
  /** keys whose results the store holds */
  stored: ReadonlySet<string>;
  /** job id → its key's parts at the last build that rendered or reused it */
  previous: Readonly<Record<string, KeyParts>>;
  /** --no-cache: render every distinct key again */
  force?: boolean;
}

export interface RenderPlan {
  steps: Step[];
  /** distinct keys to render, each with the job that renders it */
  renders: { key: string; job: string }[];
}

/** Which parts of a key differ, named for a reader: `brief, persona or brand`, `template poster`, `photo a.jpg` … */
export function changedParts(before: KeyParts, after: KeyParts): string[] {
  const out: string[] = [];
  if (before.engine !== after.engine) out.push('Wendu version or render options');
  if (before.kind !== after.kind) out.push('kind');
  if (before.inputs !== after.inputs) out.push('brief, persona or brand');
  for (const t of new Set([...Object.keys(before.templates), ...Object.keys(after.templates)])) {
    if (before.templates[t] !== after.templates[t]) out.push(`template ${t}`);
  }
  if (before.fonts !== after.fonts) out.push('fonts');
  if (before.mascot !== after.mascot) out.push('mascot art');
  for (const f of new Set([...Object.keys(before.files), ...Object.keys(after.files)])) {
    if (before.files[f] !== after.files[f]) out.push(`file ${f}`);
  }
  return out;
}

export function planRenders(input: PlannerInput): RenderPlan {
  const steps: Step[] = [];
  const renders: { key: string; job: string }[] = [];
  const renderedBy = new Map<string, string>();
  for (const job of input.jobs) {
    const first = renderedBy.get(job.key);
    if (first !== undefined) {
      steps.push({ job: job.id, key: job.key, action: 'reuse', reason: { code: 'same-as', job: first } });
      continue;
    }
    if (!input.force && input.stored.has(job.key)) {
      steps.push({ job: job.id, key: job.key, action: 'reuse', reason: { code: 'cached' } });
      continue;
    }
    const before = input.previous[job.id];
    let reason: Reason;
    if (input.force) reason = { code: 'no-cache' };
    else if (!before) reason = { code: 'new' };
    else {
      const what = changedParts(before, job.parts);
      reason = what.length ? { code: 'changed', what } : { code: 'not-stored' };
    }
    renderedBy.set(job.key, job.id);
    renders.push({ key: job.key, job: job.id });
    steps.push({ job: job.id, key: job.key, action: 'render', reason });
  }
  return { steps, renders };
}

/** One line per reason: `new`, `changed: template poster`, … */
export function describe(reason: Reason): string {
  switch (reason.code) {
    case 'no-cache':
      return '--no-cache';
    case 'new':
      return 'not built before';
    case 'changed':
      return `changed: ${reason.what.join(', ')}`;
    case 'not-stored':
      return 'unchanged, but not in the cache';
    case 'cached':
      return 'unchanged';
    case 'same-as':
      return 'same image as another job';
  }
}

/** Counts for the summary: how many rendered and reused, and the re-render reasons with their counts. */
export function tally(plan: RenderPlan): { rendered: number; reused: number; why: [string, number][] } {
  const why = new Map<string, number>();
  for (const s of plan.steps) if (s.action === 'render') why.set(describe(s.reason), (why.get(describe(s.reason)) ?? 0) + 1);
  return {
    rendered: plan.renders.length,
    reused: plan.steps.length - plan.renders.length,
    why: [...why].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
  };
}
