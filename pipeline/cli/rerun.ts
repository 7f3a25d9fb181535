// A re-run that changes nothing. Marketing re-runs the batch after every small edit; when nothing a
// build reads has changed since the last one, and out/<week>/ is exactly as that build left it, the
// outputs would come out byte for byte the same. Such a run reads no brief, judges nothing and
// writes no file: it says the last build's summary again and writes this run's decisions into the
// audit log, as every build does.
//
// What "nothing changed" means is the run's inputs hash (`runInputs`): Wendu's own code with its
// rule data, and its lock file; every file of the content folder (the bank's policy.yaml among
// them), the templates, fonts and mascot art, a --policy file, the signing key, the SARIF
// fingerprint key, the week, the branches and shard asked for, and where the outputs go. Any difference, or any file under out/<week>/ added,
// removed or rewritten since (`snapshot`), or a bundle whose bytes no longer hash to what was
// published, and the build runs in full. `--no-cache` never replays.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem } from '../model.ts';
import type { ContentTree } from '../load/content.ts';
import type { AuditRecord } from './out.ts';
import { PUBLIC, REVIEW } from './out.ts';
import { writeFileAtomic } from './files.ts';
import type { SummaryData } from './build.ts';
import type { JobResult } from '../batch.ts';
import type { LintContext } from '../lint/index.ts';
import { holdsClientDetail } from '../load/mask.ts';
import { sha256 } from '../assets/index.ts';
import type { RenderStore } from '../cache/store.ts';

/** Bump when a run record's shape or meaning changes. */
const RUN_FORMAT = 1;

/** One branch as the last build published it: its decisions (without that run's time and id) and its zip. */
export interface BranchRun {
  id: string;
  decisions: Omit<AuditRecord, 'at' | 'run'>[];
  /** the live zip's sha256; null when the branch ships nothing */
  sha256: string | null;
}

export interface RunRecord {
  format: number;
  inputs: string;
  /** the rule set's version with the policy applied, as the summary shows it */
  ruleset: string;
  summary: SummaryData;
  /** the problems the build printed (content problems, in order) */
  problems: Problem[];
  branches: BranchRun[];
  /** every file under out/<week>/ but the audit log and the lock: path, size, mtime */
  files: [string, number, number][];
}

const PIPELINE = fileURLToPath(new URL('../', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** sha256 over every file of pipeline/ and the lock file: the code that makes the outputs. */
function codeHash(): string {
  const h = createHash('sha256');
  const visit = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) visit(path);
      else if (e.isFile()) h.update(`${relative(PIPELINE, path)}\0`).update(readFileSync(path)).update('\0');
    }
  };
  visit(PIPELINE);
  for (const f of ['package-lock.json', 'package.json']) {
    try {
      h.update(`${f}\0`).update(readFileSync(join(ROOT, f)));
    } catch {
      h.update('-');
    }
  }
  return h.digest('hex');
}

export interface RunInputs {
  /** the content folder as read (text files in memory, others read here) and its path on disk */
  tree: ContentTree;
  contentDir: string;
  /** what the assets hash to: templates (with partials), fonts, mascot art */
  assets: unknown;
  /** --policy FILE and its bytes' sha256 (null: unreadable); null when none is named (content/policy.yaml is a content file) */
  policy: [string, string | null] | null;
  week: string;
  branches: readonly string[];
  shard?: { index: number; count: number };
  signingKey?: string;
  fingerprintKey: Uint8Array;
  srcRoot: string;
  out: string;
  outWeek: string;
  version: string;
}

/** SHA-256 over everything a build reads that shapes its outputs (see the file's header). */
export async function runInputs(input: RunInputs): Promise<string> {
  const h = createHash('sha256');
  const part = (x: unknown) => h.update(`${JSON.stringify(x)}\0`);
  part({
    format: RUN_FORMAT,
    node: process.version,
    code: codeHash(),
    version: input.version,
    assets: input.assets,
    policy: input.policy,
    week: input.week,
    branches: [...input.branches].sort(),
    shard: input.shard ?? null,
    signingKey: input.signingKey ?? null,
    fingerprintKey: sha256(input.fingerprintKey),
    srcRoot: input.srcRoot,
    out: input.out,
    outWeek: input.outWeek,
    root: input.tree.root,
    skipped: input.tree.skipped ?? [],
  });
  // the files not read with the tree (photos, avatars) read side by side, hashed in path order
  const paths = [...input.tree.paths].sort();
  const digests = await Promise.all(
    paths.map(async (path) => {
      const data = input.tree.files.get(path) ?? (await readFile(join(input.contentDir, path)).catch(() => undefined));
      return data ? sha256(data) : null;
    }),
  );
  paths.forEach((path, i) => part([path, digests[i]]));
  return h.digest('hex');
}

/** Every file under out/<week>/ as path, size and mtime, but the audit log (appended by every run) and the lock. */
export function snapshot(outWeek: string): [string, number, number][] {
  const out: [string, number, number][] = [];
  const visit = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, e.name);
      const rel = relative(outWeek, path).split(sep).join(posix.sep);
      if (rel === '.lock' || rel === `${REVIEW}/audit.jsonl`) continue;
      if (e.isDirectory()) visit(path);
      else {
        const s = statSync(path);
        out.push([rel, s.size, s.mtimeMs]);
      }
    }
  };
  visit(outWeek);
  return out;
}

const sameFiles = (a: RunRecord['files'], b: RunRecord['files']) => a.length === b.length && a.every((x, i) => x[0] === b[i]![0] && x[1] === b[i]![1] && x[2] === b[i]![2]);

/** The run records of one render store (its `runs/`): one per out/<week>/ folder, the last build's. */
export class RunRecords {
  private readonly path: string;
  constructor(store: Pick<RenderStore, 'root'>, outWeek: string) {
    this.path = join(store.root, 'runs', `${sha256(outWeek).slice(0, 32)}.json`);
  }

  async read(): Promise<RunRecord | undefined> {
    const record = await readFile(this.path, 'utf8').then((t) => JSON.parse(t) as RunRecord, () => undefined);
    return record?.format === RUN_FORMAT ? record : undefined;
  }

  /** A build that will write: the last build's record goes first, so a killed build never leaves one. */
  async forget(): Promise<void> {
    await rm(this.path, { force: true });
  }

  async write(record: Omit<RunRecord, 'format'>): Promise<void> {
    await writeFileAtomic(this.path, `${JSON.stringify({ format: RUN_FORMAT, ...record })}\n`);
  }
}

/**
 * True when `record` was made from `inputs` and out/<week>/ is as that build left it: the same files
 * with the same sizes and times, every bundle hashing to the sha256 published, and an audit log
 * that ends on a whole line (nothing for recovery to do).
 */
export async function replayable(record: RunRecord | undefined, inputs: string, outWeek: string): Promise<boolean> {
  if (!record || record.inputs !== inputs) return false;
  if (!sameFiles(snapshot(outWeek), record.files)) return false;
  const audit = await open(join(outWeek, REVIEW, 'audit.jsonl')).catch(() => undefined);
  if (audit) {
    try {
      const { size } = await audit.stat();
      const last = Buffer.alloc(1);
      if (size && ((await audit.read(last, 0, 1, size - 1)).bytesRead !== 1 || last[0] !== 0x0a)) return false;
    } finally {
      await audit.close();
    }
  }
  const same = await Promise.all(
    record.branches.map(async (b) => {
      const zip = await readFile(join(outWeek, PUBLIC, 'bundles', `${b.id}.zip`)).catch(() => undefined);
      return (zip ? sha256(zip) : null) === b.sha256;
    }),
  );
  return same.every(Boolean);
}

/**
 * Whether a record of these results may be kept: like a render entry (job/stage.ts `mayKeep`), the
 * store never holds a client detail, so a week in which any text holds one (any client-detail
 * finding, waived or not) is not recorded and is built in full each time, and no text the record
 * keeps (reasons, problems) may hold one either.
 */
export function mayRecord(record: Pick<RunRecord, 'summary' | 'problems' | 'branches'>, results: readonly JobResult[], lint: LintContext): boolean {
  if (results.some((r) => r.decision.judged.some((j) => j.finding.ruleId.startsWith('pii-')))) return false;
  const texts = new Set<string>([
    ...record.problems.flatMap((p) => [p.message, p.file]),
    ...record.summary.rejected.flatMap((r) => [r.why, r.brief]),
    ...record.summary.stale,
    ...record.branches.flatMap((b) => b.decisions.flatMap((d) => (Array.isArray(d.reasons) ? (d.reasons as string[]) : []))),
  ]);
  return ![...texts].some((t) => holdsClientDetail(t, lint));
}

/** This run's audit records when it replays `record`: each branch's decisions, then its pending and commit, as a build whose branches are unchanged writes them. */
export function replayAudit(record: RunRecord, at: string, run: string): AuditRecord[] {
  return record.branches.flatMap((b) => [
    ...b.decisions.map((d) => ({ event: d.event, at, run, ...d }) as AuditRecord),
    { event: 'pending' as const, run, branch: b.id, sha256: b.sha256 },
    { event: 'commit' as const, run, branch: b.id, sha256: b.sha256 },
  ]);
}
