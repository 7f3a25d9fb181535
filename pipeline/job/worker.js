// A render worker's entry (piscina): TypeScript is loaded through tsx here because a worker
// thread does not inherit the loader the main thread registered. Templates and fonts come from the
// command layer (workerData); 小U's art is read through pipeline/assets/ on first use.
// Each is parsed once per worker and reused for every task.
import { register } from 'tsx/esm/api';

register();
const { workerData } = await import('piscina');
const { renderTask } = await import('./unit.ts');
const { useTemplates } = await import('../render/engine.ts');
const { useFonts } = await import('../render/fonts.ts');
// the templates and fonts the command layer loaded and hashed for the cache keys, not a second read
if (workerData?.templates) useTemplates(workerData.templates);
// (a Buffer crosses into a worker as a plain Uint8Array: wrap it again, without a copy)
if (workerData?.fonts) useFonts(workerData.fonts.map((/** @type {{ name: string, data: Uint8Array }} */ f) => ({ name: f.name, data: Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength) })));

/** @param {import('./messages.ts').RenderTask} task */
export default function run(task) {
  return renderTask(task);
}
