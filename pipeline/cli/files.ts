// The disk edge: reading a content folder into memory and writing outputs atomically.
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, posix, relative, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ContentTree } from '../load/content.ts';

const TEXT = /\.(md|ya?ml|txt)$/i;

/** Reads the text files of a content folder; other files (photos) are listed by path only. */
export async function readContentTree(dir: string): Promise<ContentTree> {
  const files = new Map<string, Uint8Array>();
  const paths = new Set<string>();
  const skipped: { path: string; why: string }[] = [];
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(d, entry.name);
      // symbolic links are never followed (they could lead out of the content folder): each is named
      if (entry.isSymbolicLink()) skipped.push({ path: relative(dir, full).split(sep).join(posix.sep), why: 'a symbolic link (links are not followed)' });
      else if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const rel = relative(dir, full).split(sep).join(posix.sep);
        paths.add(rel);
        if (TEXT.test(entry.name)) files.set(rel, await readFile(full));
      }
    }
  };
  await walk(dir);
  return { root: dir.split(sep).join(posix.sep).replace(/\/+$/, ''), files, paths, skipped };
}

export async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

/** Writes through a temporary name and a rename, so a crash never leaves a half-written file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
