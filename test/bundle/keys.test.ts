// `wendu keys init`: head office's key pair, written where it can never be published or committed.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli/main.ts';
import { signingKeyFrom, publicKeyFrom, fingerprint } from '../../pipeline/bundle/sign.ts';
import { capture } from '../helpers/io.ts';

describe('wendu keys init', () => {
  it('writes an Ed25519 pair, the private key readable by its owner only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wendu-keys-'));
    const c = capture(dir);
    expect(await main(['keys', 'init', '--dir', 'hq'], c.io)).toBe(0);
    const priv = join(dir, 'hq/wendu-signing.key');
    expect((await stat(priv)).mode & 0o777).toBe(0o600);
    const key = signingKeyFrom(await readFile(priv));
    expect(fingerprint(publicKeyFrom(await readFile(join(dir, 'hq/wendu-signing.pub'))))).toBe(key.fingerprint);
    expect(c.out.join('')).toContain(`key fingerprint ${key.fingerprint.slice(0, 8)} ${key.fingerprint.slice(8, 16)}`);
  });

  it('never overwrites a key, and --if-missing keeps the one there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wendu-keys-'));
    expect(await main(['keys', 'init', '--dir', 'k'], capture(dir).io)).toBe(0);
    const before = await readFile(join(dir, 'k/wendu-signing.key'));
    const c = capture(dir);
    expect(await main(['keys', 'init', '--dir', 'k'], c.io)).toBe(1);
    expect(c.err.join('')).toContain('already exists; a signing key is never overwritten');
    expect(await main(['keys', 'init', '--dir', 'k', '--if-missing'], capture(dir).io)).toBe(0);
    expect((await readFile(join(dir, 'k/wendu-signing.key'))).equals(before)).toBe(true);
  });

  it('refuses the output folder and a git repository unless the folder is git-ignored', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wendu-keys-'));
    const c = capture(dir);
    expect(await main(['keys', 'init', '--dir', 'out/keys'], c.io)).toBe(1);
    expect(c.err.join('')).toContain('inside the output folder');
    execFileSync('git', ['init', '-q', dir]);
    const g = capture(dir);
    expect(await main(['keys', 'init', '--dir', 'keys'], g.io)).toBe(1);
    expect(g.err.join('')).toContain('not git-ignored');
    await writeFile(join(dir, '.gitignore'), '.wendu/\n');
    await mkdir(join(dir, '.wendu'), { recursive: true });
    expect(await main(['keys', 'init', '--dir', '.wendu/keys'], capture(dir).io)).toBe(0);
  });

  it('signs a build with the key named by WENDU_SIGNING_KEY; a bad key is a usage error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wendu-keys-'));
    await writeFile(join(dir, 'not-a-key.pem'), '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n');
    const content = new URL('../../content/', import.meta.url).pathname;
    const c = capture(dir);
    expect(await main(['build', '--content', content, '--week', '2026-W48', '--out', join(dir, 'out'), '--signing-key', 'not-a-key.pem'], c.io)).toBe(2);
    expect(c.err.join('')).toContain('signing key `not-a-key.pem`: not a PEM private key');
    const e = capture(dir);
    process.env.WENDU_SIGNING_KEY = join(dir, 'missing.key');
    try {
      const code = await main(['build', '--content', content, '--week', '2026-W48', '--branch', 'xihu', '--out', join(dir, 'out')], e.io);
      expect(code).toBe(2);
      expect(e.err.join('')).toContain('cannot read the signing key');
    } finally {
      delete process.env.WENDU_SIGNING_KEY;
    }
  });
});
