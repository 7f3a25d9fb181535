// `wendu keys init [--dir DIR]`: head office's Ed25519 signing key pair. The private key is written
// with mode 0600 and never into the repository (unless git-ignored) or the output folder; an
// existing key is never overwritten.
import { HELP_TEXTS } from './help.js';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSigningKey, shortFingerprint } from '../bundle/sign.ts';
import { UsageError, type Io } from './io.ts';

export const PRIVATE_KEY = 'wendu-signing.key';
export const PUBLIC_KEY = 'wendu-signing.pub';

const HELP = HELP_TEXTS.keys;

const inside = (child: string, parent: string) => {
  const r = relative(parent, child);
  return r === '' || (!r.startsWith('..') && !r.startsWith(sep) && !/^[a-zA-Z]:/.test(r));
};

/** The git work tree holding `path` (nearest ancestor with .git), if any. */
function gitRoot(path: string): string | undefined {
  for (let d = path; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

const gitIgnored = (root: string, path: string) =>
  new Promise<boolean>((done) => execFile('git', ['-C', root, 'check-ignore', '-q', '--no-index', relative(root, path) + '/'], (err) => done(!err)));

export async function keysCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      dir: { type: 'string' },
      out: { type: 'string', default: 'out' },
      'if-missing': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (positionals[0] !== 'init' || positionals.length > 1) throw new UsageError('expected `wendu keys init [--dir DIR]`');
  const dir = resolve(io.cwd, values.dir ?? join(homedir(), '.wendu', 'keys'));
  const priv = join(dir, PRIVATE_KEY);
  const pub = join(dir, PUBLIC_KEY);
  if (existsSync(priv) || existsSync(pub)) {
    if (values['if-missing'] && existsSync(priv) && existsSync(pub)) return 0;
    io.stderr(`wendu keys: ${existsSync(priv) ? priv : pub} already exists; a signing key is never overwritten (move it away first if you mean to replace it)\n`);
    return 1;
  }
  const out = resolve(io.cwd, values.out!);
  if (inside(dir, out)) {
    io.stderr(`wendu keys: ${dir} is inside the output folder ${out}; the private key must never be published\n`);
    return 1;
  }
  const root = gitRoot(dir);
  if (root && !(await gitIgnored(root, dir))) {
    io.stderr(`wendu keys: ${dir} is inside the git repository ${root} and not git-ignored; the private key must never be committed (choose --dir outside it, e.g. ~/.wendu/keys)\n`);
    return 1;
  }
  const pair = generateSigningKey();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // 'wx': fails rather than overwrite, even if another process made the file since the check
  await writeFile(priv, pair.privatePem, { mode: 0o600, flag: 'wx' });
  await writeFile(pub, pair.publicPem, { mode: 0o644, flag: 'wx' });
  io.stdout(`wendu keys: wrote ${priv} (private, mode 0600) and ${pub}; key fingerprint ${shortFingerprint(pair.fingerprint)}\n`);
  if (root) io.stdout(`wendu keys: this key lives in a git-ignored folder of the repository: fine for trying Wendu, but head office's real key belongs outside it (wendu keys init)\n`);
  return 0;
}
