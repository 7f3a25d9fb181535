// The render-and-check unit runs on plain data and returns plain data: what a worker thread can
// be sent and can send back. Its files are in the store under their own hash; no pixels come back.
import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderTask, type RenderTask } from '../../pipeline/job/unit.ts';
import { RenderStore } from '../../pipeline/cache/store.ts';
import { sha256 } from '../../pipeline/assets/index.ts';
import { warningFor } from '../../pipeline/job/stage.ts';
import { CONTENT_DIR } from '../helpers/content.ts';
import { sampleJob } from '../helpers/jobs.ts';

describe('render unit', () => {
  it('draws a moments card (1:1 and 3:4) from plain data, writes its JPEG to the store and returns only hashes, checks and drawn strings', async () => {
    const { job, branch, bank } = await sampleJob('xihu/tue-eggs-and-baskets', 'xihu', { title: '別把雞蛋放在一個籃子裡 🧺' });
    const storeDir = await mkdtemp(join(tmpdir(), 'wendu-unit-'));
    const task: RenderTask = { key: 'k1', job, branch, bank, warning: warningFor(job), contentDir: CONTENT_DIR, storeDir };
    // the task crosses a thread boundary as a structured clone
    const outcome = await renderTask(structuredClone(task));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const back = structuredClone(outcome);
    expect(JSON.parse(JSON.stringify(back.entry))).toEqual(back.entry);
    expect(JSON.stringify(back).length).toBeLessThan(50_000);
    expect(back.entry.files.map((f) => [f.name, f.format, f.width, f.height])).toEqual([
      ['1x1', 'jpeg', 1080, 1080],
      ['3x4', 'jpeg', 1080, 1440],
    ]);
    const store = new RenderStore(storeDir);
    for (const f of back.entry.files) {
      const bytes = await store.blob(f.sha256);
      expect(sha256(bytes)).toBe(f.sha256);
      expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    }
    expect(back.entry.drawn.some((d) => d.text.includes('別把雞蛋放在一個籃子裡'))).toBe(true);
  });

  it('draws the same from the workers\' plain-JavaScript bundle as from the TypeScript sources', async () => {
    const { bundleUrl } = await import('../../pipeline/cli/bundle.js');
    const url = await bundleUrl('render-worker');
    expect(url).toMatch(/render-worker\.mjs$/);
    const bundled = (await import(url!)) as { renderTask: typeof renderTask };
    const { job, branch, bank } = await sampleJob('xihu/wed-relocation-funds', 'xihu', { title: '拆遷款到手，先別急 🏠' });
    const task = async (): Promise<RenderTask> => ({ key: 'k3', job, branch, bank, warning: warningFor(job), contentDir: CONTENT_DIR, storeDir: await mkdtemp(join(tmpdir(), 'wendu-unit-')) });
    const a = await bundled.renderTask(await task());
    const b = await renderTask(await task());
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.entry).toEqual(b.entry);
    expect(a.entry.files.length).toBeGreaterThan(0);
  });

  it('returns the error of a job that cannot be drawn, as data', async () => {
    const { job, branch, bank } = await sampleJob('xihu/tue-eggs-and-baskets', 'xihu', { kind: 'photo-moments', photo: 'photos/不存在.jpg' });
    const outcome = await renderTask({ key: 'k2', job, branch, bank, warning: '', contentDir: CONTENT_DIR, storeDir: await mkdtemp(join(tmpdir(), 'wendu-unit-')) });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toContain('不存在.jpg');
  });
});
