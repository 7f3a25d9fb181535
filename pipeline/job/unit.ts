// The render-and-check unit: one job's images drawn, checked and encoded, from plain data to plain
// data, so it runs the same in a worker thread or in the main one. Pixels never leave it: each
// encoded file goes to the store as soon as it is made and only its hash comes back. An entry whose
// drawn texts hold a client detail is returned but not kept, so the cache never holds one outside
// the image bytes. The worker never lints: whether an entry may be kept is decided by the
// caller (`mayKeep`), so the linter's dictionaries load in one thread only.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderJob } from '../render/job.ts';
import { inspectCanvas } from '../check/visual.ts';
import { RenderStore } from '../cache/store.ts';
import type { EntryFile, RenderEntry, RenderOutcome, RenderTask } from './messages.ts';

export type { RenderEntry, RenderOutcome, RenderTask } from './messages.ts';

export async function renderTask(task: RenderTask): Promise<RenderOutcome> {
  const started = performance.now();
  const store = new RenderStore(task.storeDir);
  try {
    const rendered = await renderJob({
      job: task.job,
      branch: task.branch,
      bank: task.bank,
      warning: task.warning,
      readContentFile: (rel) => readFile(join(task.contentDir, rel)),
    });
    const files: EntryFile[] = [];
    for (const f of rendered.files) files.push({ name: f.name, format: f.format, width: f.width, height: f.height, sha256: await store.putBlob(f.data), bytes: f.data.length });
    const canvases = rendered.renders.map((r) => ({ name: r.canvas.name || `${r.canvas.width}×${r.canvas.height}`, rendered: r.rendered }));
    const drawn: RenderEntry['drawn'] = [];
    for (const c of canvases) for (const n of c.rendered.nodes) if (n.text) drawn.push({ ...(n.field ? { field: n.field } : {}), text: n.text });
    const entry: RenderEntry = {
      v: 1,
      key: task.key,
      files,
      overflows: rendered.overflows,
      checks: canvases.flatMap((c) => inspectCanvas(c, { warning: task.warning })),
      drawn,
    };
    return { ok: true, entry, stored: false, ms: performance.now() - started };
  } catch (err) {
    return { ok: false, key: task.key, error: (err as Error).message, ms: performance.now() - started };
  }
}
