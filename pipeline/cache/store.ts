// The render cache on disk: a content-addressed store under out/.cache (or --cache DIR).
//
//   v1/blobs/ab/<sha256>       encoded image bytes, named by their own hash (shared between entries)
//   v1/entries/cd/<key>.json   one render result: its files (by blob hash), overflows, the visual
//                              checks and the strings drawn — never a client detail (entries whose
//                              drawn texts hold one are not stored; see build)
//   v1/manifests/<week>.json   job id → the parts of its key at the last build, for the planner's reasons
//   v1/derived/ef/<key>        an image derived from a blob (a reviewer's thumbnail, a portal preview),
//                              named by the hash of its source's hash and the recipe that made it
//   v1/runs/<hash>.json        the last build of one out/<week>/ folder, for a re-run with nothing
//                              changed to replay (cli/rerun.ts); never kept for a week with a client detail
//
// Every file is written under a temporary name and renamed, so a killed build leaves no torn entry;
// an entry is written after its blobs, so an entry on disk always has its bytes.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from '../assets/index.ts';
import { writeFileAtomic } from '../cli/files.ts';
import type { KeyParts } from './key.ts';
import type { RenderEntry } from '../job/unit.ts';

const LAYOUT = 'v1';


export class RenderStore {
  readonly root: string;
  /** the folder given (out/.cache or --cache DIR); workers open the same store from it */
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
    this.root = join(dir, LAYOUT);
  }

  private entryPath(key: string) {
    return join(this.root, 'entries', key.slice(0, 2), `${key}.json`);
  }

  private blobPath(sha: string) {
    return join(this.root, 'blobs', sha.slice(0, 2), sha);
  }

  /** Keys of every entry on disk. */
  async keys(): Promise<Set<string>> {
    const out = new Set<string>();
    const dir = join(this.root, 'entries');
    for (const sub of await readdir(dir).catch(() => [] as string[])) {
      for (const name of await readdir(join(dir, sub)).catch(() => [] as string[])) if (name.endsWith('.json') && !name.startsWith('.')) out.add(name.slice(0, -5));
    }
    return out;
  }

  async get(key: string): Promise<RenderEntry | undefined> {
    try {
      return JSON.parse(await readFile(this.entryPath(key), 'utf8')) as RenderEntry;
    } catch {
      return undefined;
    }
  }

  /** Writes a blob by the hash of its bytes; returns the hash. An existing blob is not written again. */
  async putBlob(data: Uint8Array): Promise<string> {
    const sha = sha256(data);
    const path = this.blobPath(sha);
    const present = await readFile(path).then((b) => b.length === data.length, () => false);
    if (!present) await writeFileAtomic(path, data);
    return sha;
  }

  async blob(sha: string): Promise<Buffer> {
    const data = await readFile(this.blobPath(sha));
    if (sha256(data) !== sha) throw new Error(`render cache: blob ${sha.slice(0, 12)} is damaged; run with --no-cache`);
    return data;
  }

  /**
   * An image derived from other bytes (a thumbnail, a preview): made once by `make` and kept under
   * the hash of `source` (the source bytes' SHA-256) and `recipe` (everything else that decides
   * the output, e.g. `thumb 480 q80 blur14`), so a re-run or another branch reuses it.
   */
  async derived(source: string, recipe: string, make: () => Promise<Buffer>): Promise<Buffer> {
    const key = sha256(`${source}\0${recipe}`);
    const path = join(this.root, 'derived', key.slice(0, 2), key);
    const kept = await readFile(path).catch(() => undefined);
    if (kept) return kept;
    const data = await make();
    await writeFileAtomic(path, data);
    return data;
  }

  async put(entry: RenderEntry): Promise<void> {
    await writeFileAtomic(this.entryPath(entry.key), `${JSON.stringify(entry)}\n`);
  }

  async manifest(week: string): Promise<Record<string, KeyParts>> {
    try {
      return JSON.parse(await readFile(join(this.root, 'manifests', `${week}.json`), 'utf8')) as Record<string, KeyParts>;
    } catch {
      return {};
    }
  }

  /** Records the parts of this build's jobs (merged into what other branches or shards recorded). */
  async recordManifest(week: string, parts: Record<string, KeyParts>): Promise<void> {
    const merged = { ...(await this.manifest(week)), ...parts };
    const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : 1)));
    await writeFileAtomic(join(this.root, 'manifests', `${week}.json`), `${JSON.stringify(sorted)}\n`);
  }
}
