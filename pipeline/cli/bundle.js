// `wendu lint` without tsx: the lint command and the pipeline modules it loads, bundled by esbuild
// (a dependency of tsx) into one plain-JavaScript file in node_modules/.cache/wendu/ (never
// committed). bin.js loads the bundle when it is fresh — built from exactly the sources on disk,
// checked by a hash of every source file it holds — and builds it when it is missing or stale, so an
// edited rule engine is picked up by the next run with no build step to remember. Anything that goes
// wrong here (no esbuild, a read-only folder) only means the command runs through tsx as before.
// `node pipeline/cli/bundle.js` builds it ahead (npm's `prepare`).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// (WENDU_BUNDLE_CACHE: another folder, for a test that builds every bundle afresh; inside the
// checkout, where the native packages resolve from node_modules)
const CACHE = process.env.WENDU_BUNDLE_CACHE ? resolve(ROOT, process.env.WENDU_BUNDLE_CACHE) : join(ROOT, 'node_modules', '.cache', 'wendu');

/**
 * What is bundled: name → the entry's source (imports relative to pipeline/cli/). A command's
 * bundle exports `run(argv)`; the render worker's exports what pipeline/job/worker.js needs.
 */
const ENTRIES = {
  lint: "import { lintCommand } from './lint.ts';\nimport { runLoaded } from './main.ts';\nexport const run = (argv) => runLoaded('lint', { lintCommand }, argv);\n",
  build: "import { buildCommand } from './build.ts';\nimport { runLoaded } from './main.ts';\nexport const run = (argv) => runLoaded('build', { buildCommand }, argv);\n",
  'render-worker': "export { renderTask } from '../job/unit.ts';\nexport { useTemplates } from '../render/engine.ts';\nexport { useFonts } from '../render/fonts.ts';\n",
};

/**
 * packages that load a native addon or read files beside themselves (satori its wasm layout, piscina
 * its worker script): imported from node_modules
 */
const NATIVE = ['@node-rs/*', '@napi-rs/*', '@resvg/*', 'sharp', 'satori', 'piscina', 'esbuild', 'tsx', 'tsx/*'];

// A bundle is a folder, `<name>-<hash>/`: the entry `<name>.mjs` and the chunks it imports when
// needed (code splitting), so a command's start-up parses only what it runs (`wendu build` with
// nothing to draw never loads satori or the render engine). The manifest names the current folder.
const manifestFile = (name) => join(CACHE, `${name}.json`);
/**
 * The expression the bundler rewrites, spelled in pieces: this file is bundled too (into the build
 * command, which builds the render worker's bundle when the sources change), and a literal here
 * would be rewritten with everything else — the bundled copy would then look for the wrong text and
 * leave every other file's import.meta.url pointing at the bundle's folder.
 */
const META_URL = ['import', 'meta', 'url'].join('.');
/** A folder at the depth of every bundle's: what import.meta.url is made relative to while bundling. */
const atDepth = (name) => join(CACHE, name);

/** sha256 over the named files' paths and contents; undefined when one cannot be read */
function hashOf(files) {
  const h = createHash('sha256');
  try {
    for (const f of files) h.update(f).update('\0').update(readFileSync(join(ROOT, f))).update('\0');
  } catch {
    return undefined;
  }
  return h.digest('hex');
}

/** the bundle's entry file when the bundle on disk was built from the sources now on disk, else undefined */
function fresh(name) {
  try {
    const m = JSON.parse(readFileSync(manifestFile(name), 'utf8'));
    const file = typeof m.dir === 'string' ? join(CACHE, m.dir, `${name}.mjs`) : undefined;
    return file && m.node === process.version && Array.isArray(m.inputs) && existsSync(file) && m.hash === hashOf(m.inputs) ? file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Builds the bundle of command `name`. Each source's `import.meta.url` is replaced by its own
 * file's URL (relative to the bundle, so the checkout may move): the rule data is read from beside
 * the sources, as under tsx. Returns the entry file.
 */
export async function build(name) {
  const entry = ENTRIES[name];
  const { build: esbuild } = await import('esbuild');
  const { readFile } = await import('node:fs/promises');
  mkdirSync(CACHE, { recursive: true });
  const out = join(atDepth(name), `${name}.mjs`);
  const metaUrl = {
    name: 'own-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.(ts|js)$/ }, async (args) => {
        if (args.path.includes(`${join('node_modules', '')}`) || !args.path.startsWith(ROOT)) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes(META_URL)) return undefined;
        const rel = relative(dirname(out), args.path).split('\\').join('/');
        return { contents: source.replaceAll(META_URL, `new URL(${JSON.stringify(rel)}, ${META_URL}).href`), loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
      });
    },
  };
  // zod's translations of its own messages (dozens of locale modules evaluated at every start): the
  // lint command never asks for one (zod's English is set by zod itself), so `z.locales` is empty there
  const noZodLocales = {
    name: 'no-zod-locales',
    setup(b) {
      b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'wendu-stub' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'wendu-stub' }, () => ({ contents: 'export {};', loader: 'js' }));
    },
  };
  const cli = join(ROOT, 'pipeline', 'cli');
  const result = await esbuild({
    stdin: {
      contents: entry,
      resolveDir: cli,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // packages are bundled too (no module resolution per file at start-up), but for native ones
    external: NATIVE,
    // CommonJS packages inside an ES module bundle still require() Node's own modules
    // (spelled in two pieces: this file is bundled too, and its own import.meta.url gets rewritten)
    banner: { js: `import { createRequire as __wenduRequire } from 'node:module'; const require = __wenduRequire(import.${'meta'}.url);` },
    write: false,
    // dynamic imports become chunks loaded on first use, with the packages only they import
    splitting: true,
    outdir: atDepth(name),
    entryNames: name,
    chunkNames: `${name}-[hash]`,
    outExtension: { '.js': '.mjs' },
    metafile: true,
    logLevel: 'silent',
    plugins: name === 'lint' ? [metaUrl, noZodLocales] : [metaUrl],
    absWorkingDir: ROOT,
  });
  // the packages bundled are those the lock file names
  const inputs = [...Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('<') && !f.includes(':') && !f.includes('node_modules')), ...(existsSync(join(ROOT, 'package-lock.json')) ? ['package-lock.json'] : ['package.json'])]
    .map((f) => f.split('\\').join('/'))
    .sort();
  const hash = hashOf(inputs);
  if (!hash) throw new Error('a bundled source could not be read');
  // written aside and renamed, named by the sources' hash: parallel runs never see half a bundle,
  // and a run still loading chunks from an older folder keeps it
  const dir = `${name}-${hash.slice(0, 16)}`;
  if (!existsSync(join(CACHE, dir, `${name}.mjs`))) {
    const tmp = join(CACHE, `.${dir}.${process.pid}.tmp`);
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    for (const f of result.outputFiles) writeFileSync(join(tmp, relative(atDepth(name), f.path)), f.contents);
    try {
      renameSync(tmp, join(CACHE, dir));
    } catch (err) {
      rmSync(tmp, { recursive: true, force: true });
      if (!existsSync(join(CACHE, dir, `${name}.mjs`))) throw err;
    }
  }
  const mtmp = `${manifestFile(name)}.${process.pid}.tmp`;
  writeFileSync(mtmp, JSON.stringify({ node: process.version, hash, inputs, dir }));
  renameSync(mtmp, manifestFile(name));
  // older folders of this bundle, once no run can still be loading from them (a day), and the
  // single-file bundles of earlier versions
  rmSync(join(CACHE, `${name}.mjs`), { force: true });
  for (const old of readdirSync(CACHE)) {
    if (old === dir || !old.startsWith(`${name}-`) || !/^[0-9a-f]{16}$/.test(old.slice(name.length + 1))) continue;
    try {
      if (Date.now() - statSync(join(CACHE, old)).mtimeMs > 86_400_000) rmSync(join(CACHE, old), { recursive: true, force: true });
    } catch {
      // another run removed it
    }
  }
  return join(CACHE, dir, `${name}.mjs`);
}

/**
 * The file URL of bundle `name`, built first when missing or stale; undefined when there is no such
 * bundle or it cannot be built (the caller falls back to tsx).
 */
export async function bundleUrl(name) {
  if (!Object.hasOwn(ENTRIES, name) || process.env.WENDU_NO_BUNDLE) return undefined;
  try {
    return pathToFileURL(fresh(name) ?? (await build(name))).href;
  } catch {
    return undefined;
  }
}

/** The bundled module of command `name` ({ run(argv) }), or undefined (see `bundleUrl`). */
export async function bundled(name) {
  const url = await bundleUrl(name);
  try {
    return url ? await import(url) : undefined;
  } catch {
    return undefined;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const name of Object.keys(ENTRIES)) {
    try {
      await build(name);
    } catch (err) {
      // never fails an install: the command then runs through tsx
      process.stderr.write(`wendu: no bundle for \`${name}\` (${err.message}); it runs through tsx\n`);
    }
  }
}
