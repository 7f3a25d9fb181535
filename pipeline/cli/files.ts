// The disk edge: reading a content folder into memory and writing outputs atomically.
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ContentTree } from '../load/content.ts';

const TEXT = /\.(md|ya?ml|txt)$/i;

/** Reads the text files of a content folder; other files (photos) are listed by path only. */
export async function readContentTree(dir: string): Promise<ContentTree> {
  const files = new Map<string, Uint8Array>();
  const paths = new Set<string>();
  const skipped: { path: string; why: string }[] = [];
  const texts: [string, string][] = [];
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
        if (TEXT.test(entry.name)) texts.push([rel, full]);
      }
    }
  };
  await walk(dir);
  // the text files read side by side, kept in the walk's order
  const read = await Promise.all(texts.map(([, full]) => readFile(full)));
  texts.forEach(([rel], i) => files.set(rel, read[i]!));
  return { root: dir.split(sep).join(posix.sep).replace(/(?<!\/)\/+$/, ''), files, paths, skipped };
}

export async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

/** Writes through a temporary name and a rename, so a crash never leaves a half-written file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // a short temporary name: appending to a long file name would overflow NAME_MAX (255 bytes)
  const tmp = join(dirname(path), `.t-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * The secret that keys SARIF fingerprints (HMAC-SHA256), so a fingerprint cannot be reversed by
 * hashing candidate texts (every phone number, say). From WENDU_FINGERPRINT_KEY when set, else a
 * per-install key in `.wendu/fingerprint.key` under the working folder, made on first use
 * (32 random bytes, mode 0600, never committed: `.wendu/` is git-ignored). The same key gives the
 * same fingerprints run after run, which is what code-scanning tools need to track an alert.
 */
export async function fingerprintKey(cwd: string, env: Record<string, string | undefined>): Promise<Uint8Array> {
  if (env.WENDU_FINGERPRINT_KEY) return new TextEncoder().encode(env.WENDU_FINGERPRINT_KEY);
  const file = join(cwd, '.wendu', 'fingerprint.key');
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing && /^[0-9a-f]{64}\s*$/.test(existing)) return Buffer.from(existing.trim(), 'hex');
  const key = randomBytes(32);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: existing === undefined ? 'wx' : 'w' }).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
  // a concurrent first run may have won the race: use what is on disk
  return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
}

/**
 * The rules a command runs: the bank's policy applied when `explicit` names one or the content
 * folder has a `policy.yaml`, else the rule set as shipped. A policy with problems yields them
 * (located) and no rules: the command stops with exit 2.
 */
export async function readPolicy(
  cwd: string,
  explicit: string | undefined,
  contentRoot: string | undefined,
): Promise<{ active?: import('../lint/policy.ts').ActiveRules; problems: import('../model.ts').Problem[]; missing?: string }> {
  const { parsePolicy, activeRules } = await import('../lint/policy.ts');
  const abs = explicit ? resolve(cwd, explicit) : contentRoot ? join(contentRoot, 'policy.yaml') : undefined;
  const bytes = abs ? await readFile(abs).catch(() => undefined) : undefined;
  if (!bytes) return explicit ? { problems: [], missing: explicit } : { active: activeRules(), problems: [] };
  const rel = relative(cwd, abs!);
  const shown = rel && !rel.startsWith('..') ? rel.split(sep).join(posix.sep) : abs!;
  const { policy, problems } = parsePolicy(shown, bytes);
  return policy ? { active: activeRules(policy), problems: [] } : { problems };
}
