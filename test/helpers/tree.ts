// Files under a folder: their paths (a missing folder has none), or their bytes by relative path
// (the build's lock left out) for comparing two out folders byte for byte.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

export async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}

export async function tree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const p of await filesUnder(dir)) if (!p.endsWith('/.lock')) files.set(relative(dir, p), await readFile(p));
  return files;
}
