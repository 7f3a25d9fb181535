// One job through the per-asset stages: caption → render → check → lint → approve.
// Pure apart from `readContentFile`; the command layer writes what comes back.
import type { Bank, Branch, Job, Problem, TextSpan, Waiver } from './model.ts';
import type { LintContext } from './lint/index.ts';
import type { RuleSet } from './lint/rules.ts';
import { judge, type Decision } from './approve/gate.ts';
import { caption, captionContext, captionFoldFindings } from './captions/captions.ts';
import type { OutputFile } from './render/job.ts';
import { inspectCanvas, locateCheck, overflowFindings, type VisualFinding } from './check/visual.ts';
import type { RenderOutcome } from './job/messages.ts';
import { bidiFindings, generatedSpans, lintMapped, uncoveredSpans } from './check/texts.ts';
import { maskDigits } from './load/mask.ts';

export interface JobResult {
  job: Job;
  caption: string;
  /**
   * files named for the bundle: `images/1-mon-0830-morning-meeting.jpg`. From the render stage
   * the bytes stay in the store (`sha256`) and `data` is empty until publish loads them.
   */
  files: (OutputFile & { path: string; sha256?: string })[];
  /**
   * the texts that ship with the asset, as drawn and pasted: the brief's (decoded, mapped to the
   * source), the chart's formatted values, the caption, and every other string the image draws
   */
  spans: TextSpan[];
  /** every string satori laid out on the images, with the template field that drew it */
  drawn: { field?: string; text: string }[];
  /** what only the rendered image shows (overflow, glyphs, safe zone, warning legibility) */
  findings: VisualFinding[];
  /** set when the job could not be rendered at all */
  failure?: Problem;
  /** the gate's verdict over the lint findings of every span and the visual findings */
  decision: Decision;
}

export interface JobDeps {
  branch: Branch;
  bank: Bank;
  /** the exact required risk warning for the brief's product ('' when none) */
  warning: string;
  readContentFile: (rel: string) => Promise<Buffer>;
  lint: LintContext;
  waivers: Waiver[];
  /** the rule set with the bank's policy applied (lint/policy.ts); default: as shipped */
  rules?: RuleSet;
}

export { lintContextOf } from './load/content.ts';

const EXT = { jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp' } as const;

/** `mon-morning-meeting` posted Monday 08:30 as the first post → `1-mon-0830-morning-meeting` */
export function baseName(job: Job): string {
  const day = job.brief.fields.day;
  const slug = job.brief.id.split('/').pop()!.replace(new RegExp(`^${day}-`), '');
  return `${job.order}-${day}-${job.time.replace(':', '')}-${slug}`;
}

/** The job's deps without disk access: all `judgeJob` needs. */
export type JudgeDeps = Omit<JobDeps, 'readContentFile'>;

/**
 * Renders and judges one job in this process, pixels in memory (previews, tests): the same unit
 * and the same judging as the batch, which renders through the cache and the pool instead.
 */
export async function runJob(job: Job, deps: JobDeps): Promise<JobResult> {
  const started = performance.now();
  let outcome: RenderOutcome;
  let data: Buffer[] = [];
  try {
    // loaded here, not at the top: the batch renders in workers and this module is its judge
    const { renderJob } = await import('./render/job.ts');
    const rendered = await renderJob({ job, branch: deps.branch, bank: deps.bank, warning: deps.warning, readContentFile: deps.readContentFile });
    const canvases = rendered.renders.map((r) => ({ name: r.canvas.name || `${r.canvas.width}×${r.canvas.height}`, rendered: r.rendered }));
    data = rendered.files.map((f) => f.data);
    outcome = {
      ok: true,
      stored: false,
      ms: performance.now() - started,
      entry: {
        v: 1,
        key: '',
        files: rendered.files.map((f) => ({ name: f.name, format: f.format, width: f.width, height: f.height, sha256: '', bytes: f.data.length })),
        overflows: rendered.overflows,
        checks: canvases.flatMap((c) => inspectCanvas(c, { warning: deps.warning })),
        drawn: canvases.flatMap((c) => c.rendered.nodes.flatMap((n) => (n.text ? [{ ...(n.field ? { field: n.field } : {}), text: n.text }] : []))),
      },
    };
  } catch (err) {
    outcome = { ok: false, key: '', error: (err as Error).message, ms: performance.now() - started };
  }
  const result = judgeJob(job, outcome, deps);
  result.files.forEach((f, i) => {
    f.data = data[i]!;
    delete f.sha256;
  });
  return result;
}

/**
 * Caption → lint → approve for one job, given its render outcome (fresh or from the cache): cheap
 * and run for every job every build, so an edit of approvals.yaml or the policy re-judges without
 * re-rendering. Visual checks are located in this job's brief here, since one render may serve
 * several jobs.
 */
export function judgeJob(job: Job, outcome: RenderOutcome, deps: JudgeDeps): JobResult {
  const text = caption(captionContext(job, deps.branch, deps.bank, deps.warning), job.persona.role);
  const captionSpan: TextSpan = { field: 'caption', text, file: job.brief.file };
  const result: Omit<JobResult, 'decision'> = { job, caption: text, files: [], spans: [...job.brief.spans, ...generatedSpans(job), captionSpan], drawn: [], findings: [...captionFoldFindings(text, deps.warning, job.brief)] };
  if (outcome.ok) {
    const { entry } = outcome;
    const base = baseName(job);
    result.files = entry.files.map((f) => ({ name: f.name, format: f.format, width: f.width, height: f.height, sha256: f.sha256, data: Buffer.alloc(0), path: `images/${base}${f.name ? `-${f.name}` : ''}.${EXT[f.format]}` }));
    result.findings.push(...overflowFindings(job, entry.overflows));
    result.findings.push(...entry.checks.map((c) => locateCheck(job, c)));
    result.drawn = entry.drawn.map((d) => ({ ...d }));
    // the net: every string satori laid out that no linted text already contains is linted itself
    result.spans.push(...uncoveredSpans(job, result.spans, [{ rendered: { nodes: entry.drawn } }]));
  } else {
    // point at the reference that failed (a photo that does not decode) when the message names it
    const message = outcome.error;
    const f = job.brief.fields;
    const refs = Object.entries(job.brief.refs ?? {}).filter(([key]) => key !== 'persona');
    const named = refs.find(([key]) => {
      const path = key === 'photo' ? f.photo : key.startsWith('photos.') ? f.photos?.[Number(key.slice(7))] : undefined;
      return !!path && message.includes(path);
    });
    const at = named?.[1] ?? { line: 1, column: 1 };
    result.failure = {
      file: job.brief.file,
      line: at.line,
      column: at.column,
      severity: 'error',
      ruleId: 'render/failed',
      message: maskDigits(`Could not render ${job.brief.fields.kind} for ${job.branch}: ${message}`),
    };
  }
  const visual = [...result.findings.map((f) => ({ ...f, waivable: false })), ...bidiFindings(result.spans)];
  const decision = judge(job.brief.id, [...lintMapped(result.spans, deps.lint, deps.rules), ...visual], deps.waivers, !!result.failure);
  return { ...result, decision };
}
