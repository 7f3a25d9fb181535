// What crosses the worker boundary: plain, serialisable data only (structured clone) — no
// closures, no pixels. A task names the job's data and where to read photos and write bytes;
// an outcome is a render entry (files by blob hash, overflows, visual checks, drawn strings)
// or the error that stopped the render.
import type { Bank, Branch, Job } from '../model.ts';
import type { Overflow } from '../render/engine.ts';
import type { CanvasCheck } from '../check/visual.ts';

export interface RenderTask {
  /** the render cache key (pipeline/cache/key.ts) */
  key: string;
  job: Job;
  branch: Branch;
  bank: Bank;
  /** the exact risk warning the image must draw ('' when none) */
  warning: string;
  /** absolute path of the content folder: photos and avatars are read from it */
  contentDir: string;
  /** absolute path of the render store: encoded files are written there as they are made */
  storeDir: string;
}

export interface EntryFile {
  /** suffix that tells the files of one job apart (`1x1`, `tile-3`, `01-zao-an-thumb`, '' for one file) */
  name: string;
  format: 'jpeg' | 'png' | 'gif' | 'webp';
  width: number;
  height: number;
  /** sha256 of the bytes: the blob's name in the store */
  sha256: string;
  bytes: number;
}

/** One render's result as stored: everything the lint, gate and publish steps need, but no pixels. */
export interface RenderEntry {
  v: 1;
  key: string;
  files: EntryFile[];
  overflows: Overflow[];
  /** the visual checks, not yet located in any brief (a shared result serves several jobs) */
  checks: CanvasCheck[];
  /** every string laid out on the images, with the template field that drew it */
  drawn: { field?: string; text: string }[];
}

export type RenderOutcome =
  | { ok: true; entry: RenderEntry; /** whether the entry is in the store (false for a drawn client detail, or not yet put) */ stored: boolean; ms: number }
  | { ok: false; key: string; error: string; ms: number };
