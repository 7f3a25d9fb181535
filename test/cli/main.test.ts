// The `wendu` entry point: usage, --version, `wendu help <command>`, unknown commands, and the
// real process (tsx, bin.js) answering --help without loading the pipeline.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { COMMANDS, main } from '../../pipeline/cli/main.ts';

function capture(extra: Record<string, unknown> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), cwd: process.cwd(), ...extra }, out: () => out.join(''), err: () => err.join('') };
}

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('wendu', () => {
  it('--version prints the version of the package', async () => {
    for (const flag of ['--version', '-v']) {
      const c = capture();
      expect(await main([flag], c.io)).toBe(0);
      expect(c.out()).toBe(`wendu ${pkg.version}\n`);
    }
  });

  it('--help lists every command of the table, and nothing that does not ship', async () => {
    const c = capture();
    expect(await main(['--help'], c.io)).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(c.out()).toMatch(new RegExp(`^  ${name}\\s+\\S`, 'm'));
    expect(c.out()).toContain('wendu help <command>');
    expect(c.out()).not.toContain('\x1b[');
    expect(c.out()).not.toMatch(/COMPLIANCE\.md|DESIGN\.md/);
  });

  it('colours the usage on a terminal only', async () => {
    const c = capture({ color: true });
    await main(['--help'], c.io);
    expect(c.out()).toContain('\x1b[1mUsage:\x1b[22m');
  });

  it("`wendu help <command>` prints that command's own help", async () => {
    for (const [name, marker] of [
      ['lint', 'Usage: wendu lint'],
      ['verify', 'Usage: wendu verify'],
      ['waive', 'Usage: wendu waive'],
    ] as const) {
      const c = capture();
      expect(await main(['help', name], c.io)).toBe(0);
      expect(c.out()).toContain(marker);
      expect(c.out()).not.toContain('Usage: wendu <command>');
    }
    const bad = capture();
    expect(await main(['help', 'frobnicate'], bad.io)).toBe(2);
    expect(bad.err()).toContain('unknown command `frobnicate`');
  });

  it('help texts cite only files that ship with Wendu', async () => {
    for (const name of Object.keys(COMMANDS)) {
      if (name === 'build') continue; // build's help is owned by the build command; checked in build.test.ts
      const c = capture();
      await main(['help', name], c.io);
      expect(c.out(), name).not.toMatch(/[A-Z]+\.md\b/);
      for (const [, path] of c.out().matchAll(/\b((?:pipeline|templates)\/[\w/.-]+)/g)) {
        expect(existsSync(new URL(`../../${path!.replace(/\)$/, '')}`, import.meta.url)), `${name}: ${path}`).toBe(true);
      }
    }
  });

  it('help fits an 80-column terminal (a CJK character takes two)', async () => {
    for (const argv of [['--help'], ['help', 'lint'], ['help', 'waive']]) {
      const c = capture();
      await main(argv, c.io);
      for (const line of c.out().split('\n')) expect(stringWidth(line), `${argv.join(' ')}: ${line}`).toBeLessThanOrEqual(80);
    }
  });

  it('exits 2 with the usage on stderr when no command is given', async () => {
    const c = capture();
    expect(await main([], c.io)).toBe(2);
    expect(c.err()).toContain('Usage: wendu <command>');
    expect(c.out()).toBe('');
  });

  it("answers every command's help from the command table, without loading the command, and the command prints the same", async () => {
    const { answerWithoutCommand } = await import('../../pipeline/cli/commands.js');
    for (const [name, entry] of Object.entries(COMMANDS)) {
      const quick = answerWithoutCommand(['help', name], false, false);
      expect(quick?.code, name).toBe(0);
      expect(quick?.stdout, name).toContain(`Usage: wendu ${name}`);
      expect(answerWithoutCommand([name, '--help'], false, false)?.stdout).toBe(quick?.stdout);
      // the command itself, loaded and run with --help, prints exactly that text
      const mod = (await import(new URL(`../../pipeline/cli/${entry.module.replace('./', '')}`, import.meta.url).href)) as Record<string, (argv: string[], io: unknown) => Promise<number>>;
      const c = capture();
      expect(await mod[entry.export]!(['--help'], c.io), name).toBe(0);
      expect(c.out(), name).toBe(quick?.stdout);
    }
  });

  it('runs a build as a real process: its exit code and messages come through (the build runs in a child started with MALLOC_ARENA_MAX)', async () => {
    const bin = new URL('../../pipeline/cli/bin.js', import.meta.url).pathname;
    const dir = mkdtempSync(join(tmpdir(), 'wendu-bin-build-'));
    const r = await promisify(execFile)(process.execPath, [bin, 'build', '--content', '不存在的目录'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } }).catch((e: { code: number; stderr: string }) => e);
    expect((r as { code: number }).code).toBe(2);
    expect((r as { stderr: string }).stderr).toContain('content folder `不存在的目录` does not exist');
  });

  it('answers --help as a real process, through bin.js', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [new URL('../../pipeline/cli/bin.js', import.meta.url).pathname, '--help'], { env: { ...process.env, NO_COLOR: '1' } });
    expect(stdout).toMatch(/^Usage: wendu <command>/);
  });

  // `script` runs the command on a pseudo-terminal, as a reviewer's terminal would
  const hasScript = existsSync('/usr/bin/script');
  it.skipIf(!hasScript)('colours on a terminal, not with NO_COLOR set, not into a pipe', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wendu-tty-'));
    writeFileSync(join(dir, 'bad.txt'), '這款理財穩賺不賠！理财非存款、产品有风险、投资须谨慎。\n');
    const bin = new URL('../../pipeline/cli/bin.js', import.meta.url).pathname;
    const onTty = async (cmd: string, env: Record<string, string> = {}) => {
      const { NO_COLOR: _, ...rest } = process.env;
      const r = await promisify(execFile)('/usr/bin/script', ['-qec', cmd, '/dev/null'], { cwd: dir, env: { ...rest, ...env } }).catch((e: { stdout: string }) => e);
      return r.stdout;
    };
    expect(await onTty(`node ${bin} --help`)).toContain('\x1b[1mUsage:');
    expect(await onTty(`node ${bin} lint bad.txt`)).toContain('\x1b[31merror\x1b[39m');
    expect(await onTty(`node ${bin} lint bad.txt`, { NO_COLOR: '1' })).not.toContain('\x1b[');
    expect(await onTty(`node ${bin} lint bad.txt | cat`)).not.toContain('\x1b[');
  });
});
