// A render worker's entry (piscina): TypeScript is loaded through tsx here because a worker
// thread does not inherit the loader the main thread registered. Fonts, templates and 小U's art
// are parsed once per worker, by the modules' own first use, and reused for every task.
import { register } from 'tsx/esm/api';

register();
const { workerData } = await import('piscina');
const { renderTask } = await import('./unit.ts');
const { useTemplates } = await import('../render/engine.ts');
// the templates the command layer loaded and hashed for the cache keys, not a second read
if (workerData?.templates) useTemplates(workerData.templates);

/** @param {import('./messages.ts').RenderTask} task */
export default function run(task) {
  return renderTask(task);
}
