// Runs render tasks on every core: a piscina pool of worker threads, one task per worker at a
// time (a render is CPU-bound), sized to the cores unless --concurrency says otherwise. With one
// worker the tasks run in this thread: no pool to start, same code path (renderTask).
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { RenderOutcome, RenderTask } from './messages.ts';
import type { TemplateSources } from '../assets/index.ts';
import type { FontFileData } from '../render/fonts.ts';

export interface RenderPool {
  run(task: RenderTask): Promise<RenderOutcome>;
  /** start the workers (or load the engine) now, ahead of the first task */
  warm(): void;
  /** idempotent */
  close(): Promise<void>;
  readonly size: number;
}

export const defaultConcurrency = () => Math.max(1, availableParallelism());

/** `templates`, `fonts`: what every worker draws with (pipeline/assets/), installed once per worker. */
export function renderPool(concurrency = defaultConcurrency(), init: { templates?: TemplateSources; fonts?: readonly FontFileData[] } = {}): RenderPool {
  if (concurrency <= 1) {
    // in-process: the engine is loaded here, on the first task (with workers, this thread never
    // loads it); serialise so one render runs at a time, as one worker would
    let engine: Promise<(task: RenderTask) => Promise<RenderOutcome>> | undefined;
    const load = () =>
      (engine ??= (async () => {
        const [{ renderTask }, { useTemplates }, { useFonts }] = await Promise.all([import('./unit.ts'), import('../render/engine.ts'), import('../render/fonts.ts')]);
        if (init.templates) useTemplates(init.templates);
        if (init.fonts) useFonts(init.fonts);
        return renderTask;
      })());
    let tail: Promise<unknown> = Promise.resolve();
    return {
      size: 1,
      warm: () => void load().catch(() => undefined),
      run(task) {
        const next = tail.then(async () => (await load())(task));
        tail = next.catch(() => undefined);
        return next;
      },
      close: async () => undefined,
    };
  }
  // started on the first task or by warm(): a warm build that renders nothing starts no worker.
  // The workers load the engine from a plain-JavaScript bundle when one can be had (cli/bundle.js:
  // no tsx, about half the start-up), else through tsx.
  let pool: Promise<Piscina> | undefined;
  const start = () =>
    (pool ??= (async () => {
      const { bundleUrl } = await import('../cli/bundle.js');
      const bundle = await bundleUrl('render-worker');
      return new Piscina({
        filename: new URL('./worker.js', import.meta.url).href,
        minThreads: concurrency,
        maxThreads: concurrency,
        concurrentTasksPerWorker: 1,
        // tasks start in the order they were given (branch by branch), so each branch's last job is
        // done early and publishing streams behind the drawing: by default piscina puts a task it
        // cannot hand out at once at the back of its queue, and a branch's poster could wait behind
        // every other branch's jobs (the first branch was published at 65% of a 20-branch build)
        stricterFIFO: true,
        idleTimeout: 60_000,
        workerData: { templates: init.templates, fonts: init.fonts, bundle },
      });
    })());
  return {
    size: concurrency,
    warm: () => void start().catch(() => undefined),
    run: async (task) => (await start()).run(task) as Promise<RenderOutcome>,
    close: async () => {
      const p = pool;
      pool = undefined;
      await (await p?.catch(() => undefined))?.destroy();
    },
  };
}
