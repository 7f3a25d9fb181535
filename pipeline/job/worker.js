// A render worker's entry (piscina). The engine comes from the bundle pool.ts names (plain
// JavaScript, built by cli/bundle.js from the sources on disk), else from the TypeScript sources
// through tsx, which a worker thread must register itself: it does not inherit the main thread's
// loader. Templates and fonts come from the command layer (workerData); 小U's art is read through
// pipeline/assets/ on first use. Each is parsed once per worker and reused for every task.
const { workerData } = await import('piscina');
/** @type {{ renderTask: typeof import('./unit.ts').renderTask, useTemplates: typeof import('../render/engine.ts').useTemplates, useFonts: typeof import('../render/fonts.ts').useFonts }} */
let engine;
if (workerData?.bundle) {
  // the engine as one plain-JavaScript file (cli/bundle.js), fresh for the sources on disk
  engine = await import(workerData.bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const [unit, render, fonts] = await Promise.all([import('./unit.ts'), import('../render/engine.ts'), import('../render/fonts.ts')]);
  engine = { renderTask: unit.renderTask, useTemplates: render.useTemplates, useFonts: fonts.useFonts };
}
const { renderTask, useTemplates, useFonts } = engine;
// the templates and fonts the command layer loaded and hashed for the cache keys, not a second read
if (workerData?.templates) useTemplates(workerData.templates);
// (a Buffer crosses into a worker as a plain Uint8Array: wrap it again, without a copy)
if (workerData?.fonts) useFonts(workerData.fonts.map((/** @type {{ name: string, data: Uint8Array }} */ f) => ({ name: f.name, data: Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength) })));

/** @param {import('./messages.ts').RenderTask} task */
export default function run(task) {
  return renderTask(task);
}
