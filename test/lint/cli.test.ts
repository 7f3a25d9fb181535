import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { lintCommand } from '../../pipeline/cli/lint.ts';
import { rulesetVersion } from '../../pipeline/lint/index.ts';
import type { Io } from '../../pipeline/cli/io.ts';

let dir: string;
async function runWith(extra: Partial<Io>, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await lintCommand(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd: dir, ...extra });
  return { code, stdout, stderr };
}
const run = (...argv: string[]) => runWith({}, ...argv);

const BRIEF = `---
persona: xihu/president
kind: knowledge-card
day: wed
title: 稳赚不赔的好机会
product: wealth
---
拆迁款到手，先留足生活备用金。

联系客户请拨13800138000。
`;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wendu-lint-'));
  writeFileSync(join(dir, 'clean.txt'), '早上好！今天的晨会我们聊了养老规划，慢慢来，比较快。\n');
  writeFileSync(join(dir, 'bad.txt'), '第一行很好。\n这款理财保本保息。理财非存款、产品有风险、投资须谨慎。\n');
  writeFileSync(join(dir, 'warn.txt'), '这款理财安全又稳健。理财非存款、产品有风险、投资须谨慎。\n');
  mkdirSync(join(dir, 'briefs'));
  writeFileSync(join(dir, 'briefs', 'wed.md'), BRIEF);
});

describe('wendu lint exit codes', () => {
  it('exits 0 when nothing blocks (warnings do not)', async () => {
    expect((await run('clean.txt')).code).toBe(0);
    expect((await run('warn.txt')).code).toBe(0);
  });
  it('exits 1 when an error remains', async () => {
    expect((await run('clean.txt', 'bad.txt')).code).toBe(1);
  });
  it('exits 2 on usage errors', async () => {
    for (const argv of [['--bogus', 'clean.txt'], [], ['--format', 'xml', 'clean.txt'], ['missing.txt'], ['photo.jpg']]) {
      if (argv[0] === 'photo.jpg') writeFileSync(join(dir, 'photo.jpg'), '');
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/wendu lint/);
      expect(r.stdout).toBe('');
    }
  });
  it('prints usage for --help and exits 0', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: wendu lint/);
  });
});

describe('--format text (the default)', () => {
  it('prints path:line:col: severity message [rule], the suggestion, and a summary with the rule set', async () => {
    const { stdout } = await run('bad.txt', 'warn.txt');
    expect(stdout).toMatch(/^bad\.txt:2:5: error 出现保本保收益类表述「保本保息」：.* \[guarantee\]$/m);
    expect(stdout).toMatch(/^warn\.txt:1:5: warning .* \[safety-words\]$/m);
    expect(stdout).toMatch(/^ {4}→ /m);
    expect(stdout).toContain(`✖ 2 problems (1 error, 1 warning) in 2 files · ruleset ${rulesetVersion()}`);
    expect(stdout).not.toContain('\x1b[');
  });
  it('says so when all is clean', async () => {
    expect((await run('clean.txt')).stdout).toBe(`✔ no problems in 1 file · ruleset ${rulesetVersion()}\n`);
  });
  it('colours severities only when the output is a terminal', async () => {
    const coloured = await runWith({ color: true }, 'bad.txt');
    expect(coloured.stdout).toContain('\x1b[31merror\x1b[39m');
    expect((await runWith({ color: false }, 'bad.txt')).stdout).not.toContain('\x1b[');
  });
});

describe('--format json', () => {
  it('prints exactly the DESIGN.md structure, one entry per file', async () => {
    const { stdout, code } = await run('--format', 'json', 'clean.txt', 'bad.txt');
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out).toEqual([
      { file: 'clean.txt', messages: [] },
      {
        file: 'bad.txt',
        messages: [{ ruleId: 'guarantee', severity: 'error', line: 2, column: 5, endLine: 2, endColumn: 9, message: expect.any(String), excerpt: '保本保息' }],
      },
    ]);
  });
  it('lints briefs with frontmatter positions and masks PII', async () => {
    const { stdout } = await run('--format', 'json', 'briefs');
    const [entry] = JSON.parse(stdout);
    expect(entry.file).toBe(join('briefs', 'wed.md'));
    const byRule = Object.fromEntries(entry.messages.map((m: { ruleId: string }) => [m.ruleId, m]));
    expect(byRule.guarantee).toMatchObject({ line: 5, column: 8, excerpt: '稳赚不赔' });
    expect(byRule['pii-phone']).toMatchObject({ line: 10, column: 7, excerpt: '138****8000' });
    expect(stdout).not.toContain('13800138000');
    // product: wealth — the template draws the warning, so the asset is not missing it
    expect(byRule['missing-risk-warning']).toBeUndefined();
  });
});

describe('--format sarif', () => {
  it('is SARIF 2.1.0 with rule metadata and located results', async () => {
    const log = JSON.parse((await run('--format', 'sarif', 'bad.txt')).stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const run0 = log.runs[0];
    expect(run0.tool.driver.name).toBe('wendu-lint');
    expect(run0.tool.driver.version).toBe(rulesetVersion());
    const rule = run0.tool.driver.rules.find((r: { id: string }) => r.id === 'guarantee');
    // an error is never waivable, whatever the rule's family
    expect(rule).toMatchObject({ id: 'guarantee', defaultConfiguration: { level: 'error' }, properties: { waivable: false } });
    expect(rule.shortDescription.text).toBeTruthy();
    const [res] = run0.results;
    expect(res).toMatchObject({
      ruleId: 'guarantee',
      level: 'error',
      message: { text: expect.any(String) },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'bad.txt', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 5, endLine: 2, endColumn: 9 } } }],
    });
    expect(run0.tool.driver.rules[res.ruleIndex].id).toBe('guarantee');
  });
});

describe('--format html', () => {
  it('is a self-contained page with escaped findings and the rule set', async () => {
    writeFileSync(join(dir, 'x.txt'), '<b>稳赚不赔</b>');
    const { stdout } = await run('--format', 'html', 'x.txt');
    expect(stdout).toMatch(/^<!doctype html>/);
    expect(stdout).toContain(rulesetVersion());
    expect(stdout).not.toContain('<b>');
    expect(stdout).not.toMatch(/<script|<link/);
  });
  it('labels the page in Chinese, lists only the files with findings under a summary bar', async () => {
    writeFileSync(join(dir, 'x.txt'), '这款理财稳赚不赔。理财非存款、产品有风险、投资须谨慎。');
    const { stdout } = await run('--format', 'html', 'x.txt', 'clean.txt');
    expect(stdout).toContain('<th>位置</th><th>级别</th><th>规则</th><th>问题</th><th>原文</th>');
    expect(stdout).toMatch(/<td class="sev">错误<\/td><td class="rule"[^>]*><code>guarantee<\/code><\/td><td>出现保本保收益类表述「稳赚不赔」/);
    expect(stdout).toContain('<h2>x.txt</h2>');
    expect(stdout).not.toContain('clean.txt');
    expect(stdout).toMatch(/共 <strong>2<\/strong>个文件.*<strong>1<\/strong>条错误.*<strong>0<\/strong>条警告.*<strong>1<\/strong>个文件未发现问题/);
    // fixed column widths: position, level and rule never squeeze the message
    expect(stdout).toContain('table-layout:fixed');
    expect(stdout).toContain('<colgroup><col class="pos"><col class="sev"><col class="rule"><col><col class="ex"></colgroup>');
    expect(stdout).not.toMatch(/>(at|severity|message|excerpt|no problems)</);
  });
  it('says so when every file is clean', async () => {
    const { stdout } = await run('--format', 'html', 'clean.txt');
    expect(stdout).toContain('✔ 所有文件均未发现问题');
    expect(stdout).not.toContain('<table');
  });
});

describe('--fix', () => {
  it('masks PII and replaces 预期收益率 in place, atomically, and reports each fix', async () => {
    writeFileSync(join(dir, 'f.txt'), '客户王建华，手机 138 0013 8000，预期收益率4.5%。\n');
    const { stdout } = await run('--fix', 'f.txt');
    expect(readFileSync(join(dir, 'f.txt'), 'utf8')).toBe('客户王*，手机 138****8000，业绩比较基准4.5%。\n');
    expect(stdout).toMatch(/^f\.txt:1:10: fixed 138\*\*\*\*8000 \[pii-phone\]$/m);
    expect(stdout).toMatch(/^f\.txt:1:24: fixed 业绩比较基准 \[expected-yield\]$/m);
    expect(readdirSync(dir).filter((f) => f.includes('tmp'))).toEqual([]);
  });
  it('fixes a brief without touching its frontmatter', async () => {
    await run('--fix', 'briefs/wed.md');
    const text = readFileSync(join(dir, 'briefs', 'wed.md'), 'utf8');
    expect(text).toBe(BRIEF.replace('13800138000', '138****8000'));
  });
});
