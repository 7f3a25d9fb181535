// Every file under a folder, by its path relative to it, with its bytes (the build's lock left
// out): for comparing two out folders byte for byte.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

export async function tree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name !== '.lock') files.set(relative(dir, p), await readFile(p));
    }
  };
  await walk(dir);
  return files;
}
