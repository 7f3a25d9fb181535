// The one loader of what the pipeline draws with: templates and their partials, fonts, 小U's art.
// Each comes back as plain values with the sha256 of its bytes, read once by the command layer
// (or a worker) and passed down; the render cache keys on these hashes, so a template edit
// re-renders exactly the jobs whose templates (or the partials they include) changed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
export const FONTS_DIR = fileURLToPath(new URL('../../fonts/', import.meta.url));
export const MASCOT_DIR = join(TEMPLATES_DIR, 'mascot');

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

export interface TemplateFile {
  name: string;
  source: string;
  /** sha256 of the template's own source */
  hash: string;
  /** partial files it includes, directly or through other partials (`{{> footer}}`) */
  partials: string[];
}

export interface Assets {
  templates: Map<string, TemplateFile>;
  partials: Map<string, { source: string; hash: string }>;
  fonts: { files: { name: string; data: Buffer }[]; hash: string };
  mascot: { files: { path: string; data: string }[]; hash: string };
}

/** What the cache key needs of the assets: hashes only, plain data a worker can be sent. */
export interface AssetHashes {
  /** template name → sha256 over its source and every partial it includes */
  templates: Record<string, string>;
  fonts: string;
  mascot: string;
}

const PARTIAL_REF = /\{\{#?>\s*([\w-]+)/g;

/** The partial files `source` includes, transitively, sorted; inline partials (`{{#*inline}}`) are not files. */
export function partialsOf(source: string, partials: ReadonlyMap<string, { source: string }>): string[] {
  const seen = new Set<string>();
  const visit = (src: string) => {
    for (const m of src.matchAll(PARTIAL_REF)) {
      const name = m[1]!;
      if (seen.has(name) || !partials.has(name)) continue;
      seen.add(name);
      visit(partials.get(name)!.source);
    }
  };
  visit(source);
  return [...seen].sort();
}

async function files(dir: string, ext: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith(ext)).sort();
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(path)));
    else if (/\.(svg|yaml)$/.test(e.name)) out.push(path);
  }
  return out;
}

/** Reads templates/, fonts/ and templates/mascot/ once. */
export async function loadAssets(dirs: { templates?: string; fonts?: string } = {}): Promise<Assets> {
  const tdir = dirs.templates ?? TEMPLATES_DIR;
  const fdir = dirs.fonts ?? FONTS_DIR;
  const partials = new Map<string, { source: string; hash: string }>();
  for (const f of await files(join(tdir, 'partials'), '.hbs')) {
    const source = await readFile(join(tdir, 'partials', f), 'utf8');
    partials.set(f.slice(0, -4), { source, hash: sha256(source) });
  }
  const templates = new Map<string, TemplateFile>();
  for (const f of await files(tdir, '.hbs')) {
    const source = await readFile(join(tdir, f), 'utf8');
    const name = f.slice(0, -4);
    templates.set(name, { name, source, hash: sha256(source), partials: partialsOf(source, partials) });
  }
  const fontFiles = [];
  const fontHash = createHash('sha256');
  for (const f of (await files(fdir, '.otf')).concat(await files(fdir, '.ttf'))) {
    const data = await readFile(join(fdir, f));
    fontHash.update(`${f}\0`).update(data);
    fontFiles.push({ name: f, data });
  }
  const mdir = join(tdir, 'mascot');
  const mascotFiles = [];
  const mascotHash = createHash('sha256');
  for (const path of await walk(mdir).catch(() => [] as string[])) {
    const data = await readFile(path, 'utf8');
    const rel = relative(mdir, path);
    mascotHash.update(`${rel}\0${data}\0`);
    mascotFiles.push({ path: rel, data });
  }
  return { templates, partials, fonts: { files: fontFiles, hash: fontHash.digest('hex') }, mascot: { files: mascotFiles, hash: mascotHash.digest('hex') } };
}

/** The hashes the cache key reads: a template's hash covers the partials it includes. */
export function assetHashes(assets: Assets): AssetHashes {
  const templates: Record<string, string> = {};
  for (const t of [...assets.templates.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    templates[t.name] = sha256([t.hash, ...t.partials.map((p) => `${p}:${assets.partials.get(p)!.hash}`)].join('\n'));
  }
  return { templates, fonts: assets.fonts.hash, mascot: assets.mascot.hash };
}

/** The font files `loadAssets` reads (`.otf` then `.ttf`, by name) and their hash, read at once. */
export function readFontFilesSync(dir = FONTS_DIR): Assets['fonts'] {
  const names = (ext: string) => readdirSync(dir).filter((n) => n.endsWith(ext)).sort();
  const files = names('.otf').concat(names('.ttf')).map((name) => ({ name, data: readFileSync(join(dir, name)) }));
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f.name}\0`).update(f.data);
  return { files, hash: hash.digest('hex') };
}

/** 小U's art as `loadAssets` reads it (every .svg and .yaml under templates/mascot/, by path) and its hash, read at once. */
export function readMascotFilesSync(dir = MASCOT_DIR): Assets['mascot'] {
  const walkSync = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .flatMap((e) => (e.isDirectory() ? walkSync(join(d, e.name)) : /\.(svg|yaml)$/.test(e.name) ? [join(d, e.name)] : []));
  const files = walkSync(dir).map((path) => ({ path: relative(dir, path), data: readFileSync(path, 'utf8') }));
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f.path}\0${f.data}\0`);
  return { files, hash: hash.digest('hex') };
}

/** Template and partial sources as the engine compiles them: plain data, sendable to a worker. */
export interface TemplateSources {
  templates: Record<string, string>;
  partials: Record<string, string>;
}

export function templateSources(assets: Pick<Assets, 'templates' | 'partials'>): TemplateSources {
  return {
    templates: Object.fromEntries([...assets.templates].map(([name, t]) => [name, t.source])),
    partials: Object.fromEntries([...assets.partials].map(([name, p]) => [name, p.source])),
  };
}

/**
 * The templates read at once, for a process that was handed none (a preview, a test): the same
 * files `loadAssets` reads, through this module all the same.
 */
export function readTemplateSourcesSync(dir = TEMPLATES_DIR): TemplateSources {
  const hbs = (d: string) => readdirSync(d).filter((f) => f.endsWith('.hbs')).sort();
  const read = (d: string) => Object.fromEntries(hbs(d).map((f) => [f.slice(0, -4), readFileSync(join(d, f), 'utf8')]));
  return { templates: read(dir), partials: read(join(dir, 'partials')) };
}
