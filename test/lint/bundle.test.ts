// `wendu lint` runs from an esbuild bundle (pipeline/cli/bundle.js) and reads the linter's YAML
// data through a JSON cache (pipeline/lint/data-cache.ts): both must be invisible — the same report
// as through tsx and the YAML parser, and an edit is seen at once.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlCached } from '../../pipeline/lint/data-cache.ts';

const BIN = new URL('../../pipeline/cli/bin.js', import.meta.url).pathname;
const LINT_DIR = new URL('../../pipeline/lint/', import.meta.url);

async function wendu(cwd: string, env: Record<string, string>, ...argv: string[]) {
  const r = await promisify(execFile)(process.execPath, [BIN, ...argv], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 1 << 26 }).catch(
    (e: { stdout: string; stderr: string; code: number }) => e,
  );
  return { stdout: r.stdout, stderr: r.stderr, code: 'code' in r ? r.code : 0 };
}

describe('wendu lint from its bundle', () => {
  it('prints the same report, exit code and ruleset as through tsx', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wendu-bundle-'));
    mkdirSync(join(dir, 'briefs'));
    writeFileSync(join(dir, 'a.txt'), '這款理財穩賺不賠，年化可達4.8%！客户王建华，联系电话13800138000。\n');
    writeFileSync(join(dir, 'b.txt'), '警惕“保本保息”的高息诱惑🙅‍♀️，理财非存款、产品有风险、投资须谨慎。\nｗěｎ ｚｈｕàｎ不赔？想多了！\n');
    writeFileSync(
      join(dir, 'briefs', 'wed.md'),
      '---\npersona: xihu/president\nkind: knowledge-card\nday: wed\ntitle: 稳&#36186;不赔的好机会\nproduct: wealth\n---\n拆迁款到手，先留足生活备用金。\n\n身份证11010519491231002X，请**保密**。\n',
    );
    for (const format of ['json', 'sarif']) {
      const fast = await wendu(dir, {}, 'lint', '--format', format, '.');
      const slow = await wendu(dir, { WENDU_NO_BUNDLE: '1' }, 'lint', '--format', format, '.');
      expect(fast.code).toBe(1);
      expect(fast.stdout).toBe(slow.stdout);
      expect(fast.stderr).toBe(slow.stderr);
      expect(fast.code).toBe(slow.code);
    }
    // the bundle was there to be used: built from the sources the report came from
    const manifest = JSON.parse(readFileSync(new URL('../../node_modules/.cache/wendu/lint.json', import.meta.url), 'utf8')) as { inputs: string[] };
    expect(manifest.inputs).toEqual(expect.arrayContaining(['pipeline/cli/lint.ts', 'pipeline/lint/engine.ts', 'pipeline/lint/claims/analyze.ts']));
    const report = JSON.parse((await wendu(dir, {}, 'lint', '--format', 'json', '.')).stdout) as unknown;
    expect(JSON.stringify(report)).toContain('pii-phone');
    // a usage error is a usage error from the bundle too
    const usage = await wendu(dir, {}, 'lint', '--bogus', 'a.txt');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('wendu lint:');
  }, 60_000);
});

describe('the linter data cache', () => {
  it('gives every data file exactly the value the YAML parser gives', () => {
    const files = [
      ...readdirSync(new URL('rules/', LINT_DIR)).map((f) => new URL(`rules/${f}`, LINT_DIR)),
      new URL('lexicon.yaml', LINT_DIR),
      new URL('confusables.yaml', LINT_DIR),
      new URL('claims/concepts.yaml', LINT_DIR),
    ];
    for (const f of files) {
      const raw = readFileSync(f, 'utf8');
      // twice: the second answer comes from the cache
      expect(parseYamlCached(raw), f.pathname).toEqual(parseYaml(raw));
      expect(parseYamlCached(raw), f.pathname).toEqual(parseYaml(raw));
    }
  });
  it('reads an edited file afresh and reports a broken one as the parser does', () => {
    const a = parseYamlCached('terms:\n  - 保本保息\n  - 稳赚不赔\n');
    expect(a).toEqual({ terms: ['保本保息', '稳赚不赔'] });
    (a as { terms: string[] }).terms.push('不该留下'); // a caller's edit never reaches the next caller
    expect(parseYamlCached('terms:\n  - 保本保息\n  - 稳赚不赔\n')).toEqual({ terms: ['保本保息', '稳赚不赔'] });
    expect(parseYamlCached('terms:\n  - 保本保息\n  - 零风险\n')).toEqual({ terms: ['保本保息', '零风险'] });
    expect(() => parseYamlCached('terms: [保本\n  - x: : y')).toThrow();
  });
});
