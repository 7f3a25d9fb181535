// The render stage of `wendu build`: key every job, plan render or reuse, render the distinct
// keys on the pool, and judge every job (lint + gate, cheap, every run) as its result comes in.
// Results carry no pixels: the files are blobs in the store, read back one branch at a time by
// publish (see `loadFiles`), so memory stays flat however many branches are built.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Content, Job } from '../model.ts';
import { assetHashes, sha256, type Assets } from '../assets/index.ts';
import { contentFilesOf, keyOf, keyParts, type KeyParts } from '../cache/key.ts';
import { planRenders, tally, type RenderPlan } from '../cache/planner.ts';
import { RenderStore } from '../cache/store.ts';
import { REQUIRED_WARNINGS } from '../lint/index.ts';
import type { RuleSet } from '../lint/rules.ts';
import { judgeJob, lintContextOf, type JobResult } from '../batch.ts';
import type { RenderEntry, RenderOutcome, RenderTask } from './messages.ts';
import type { LintContext } from '../lint/index.ts';
import { holdsClientDetail } from '../load/mask.ts';
import type { RenderPool } from './pool.ts';

export interface StageInput {
  content: Content;
  jobs: Job[];
  contentDir: string;
  assets: Assets;
  store: RenderStore;
  pool: RenderPool;
  /** `wendu <version>` */
  version: string;
  rules?: RuleSet;
  /** --no-cache */
  force?: boolean;
  /** called as each job is judged, in the order results come in */
  onResult?: (result: JobResult) => void;
}

export interface StageOutput {
  results: JobResult[];
  plan: RenderPlan;
  summary: ReturnType<typeof tally>;
}

export const warningFor = (job: Job) => (job.brief.fields.product ? REQUIRED_WARNINGS[job.brief.fields.product] : '');

export async function renderStage(input: StageInput): Promise<StageOutput> {
  const { content, jobs, store } = input;
  const hashes = assetHashes(input.assets);
  const branches = new Map(content.branches.map((b) => [b.id, b]));
  const lint = lintContextOf(content);

  // the bytes of every photo and avatar a job reads, hashed once per build
  const fileHashes: Record<string, string> = {};
  for (const path of new Set(jobs.flatMap((j) => contentFilesOf(j)))) {
    fileHashes[path] = await readFile(join(input.contentDir, path)).then(sha256, () => 'unreadable');
  }
  const keyed = jobs.map((job) => {
    const parts = keyParts({ job, branch: branches.get(job.branch)!, bank: content.bank, warning: warningFor(job), assets: hashes, fileHashes, version: input.version });
    return { job, parts, key: keyOf(parts) };
  });
  const plan = planRenders({
    jobs: keyed.map((k) => ({ id: k.job.id, key: k.key, parts: k.parts })),
    stored: await store.keys(),
    previous: await store.manifest(content.week),
    force: !!input.force,
  });

  const taskOf = (job: Job, key: string): RenderTask => ({
    key,
    job,
    branch: branches.get(job.branch)!,
    bank: content.bank,
    warning: warningFor(job),
    contentDir: input.contentDir,
    storeDir: store.dir,
  });
  const outcomes = new Map<string, Promise<RenderOutcome>>();
  const byId = new Map(keyed.map((k) => [k.job.id, k]));
  // a fresh render is kept in the store unless a string it draws holds a client detail
  const render = async (job: Job, key: string): Promise<RenderOutcome> => {
    const outcome = await input.pool.run(taskOf(job, key));
    if (outcome.ok && mayKeep(outcome.entry, lint)) {
      await store.put(outcome.entry);
      return { ...outcome, stored: true };
    }
    return outcome;
  };
  for (const r of plan.renders) outcomes.set(r.key, render(byId.get(r.job)!.job, r.key));
  for (const step of plan.steps) {
    if (outcomes.has(step.key)) continue;
    // a stored entry; should it have gone (cleared between planning and now), render it after all
    const job = byId.get(step.job)!.job;
    outcomes.set(
      step.key,
      store.get(step.key).then((entry) => (entry ? { ok: true as const, entry, stored: true, ms: 0 } : render(job, step.key))),
    );
  }

  const results: JobResult[] = new Array(keyed.length);
  await Promise.all(
    keyed.map(async ({ job, key }, i) => {
      const outcome = await outcomes.get(key)!;
      const result = judgeJob(job, outcome, { branch: branches.get(job.branch)!, bank: content.bank, warning: warningFor(job), lint, waivers: content.waivers, ...(input.rules ? { rules: input.rules } : {}) });
      results[i] = result;
      input.onResult?.(result);
    }),
  );
  const manifest: Record<string, KeyParts> = {};
  for (const k of keyed) manifest[k.job.id] = k.parts;
  await store.recordManifest(content.week, manifest);
  return { results, plan, summary: tally(plan) };
}

/**
 * Whether a render entry may be kept: none of the strings it draws holds a client detail (the
 * branch's own phone and the bank's hotline are public and do not count), so the cache never
 * holds one outside the image bytes.
 */
export function mayKeep(entry: RenderEntry, lint: LintContext): boolean {
  const publicValues = [...(lint.allowedPhones ?? []), ...(lint.hotlines ?? [])].filter((v) => v.length > 0);
  return !entry.drawn.some((d) => holdsClientDetail(publicValues.reduce((t, v) => t.split(v).join(' '), d.text), lint));
}

/** Reads a result's files back from the store into `data` (publish, one branch at a time). */
export async function loadFiles(store: RenderStore, result: JobResult): Promise<void> {
  for (const f of result.files) if (!f.data.length && f.sha256) f.data = await store.blob(f.sha256);
}

/** Drops the bytes again once the branch is published. */
export function unloadFiles(result: JobResult): void {
  for (const f of result.files) if (f.sha256) f.data = Buffer.alloc(0);
}
