// `wendu lint` as reviewers drive ESLint: standard input, --max-warnings, --quiet, -o, an ignore
// file, ESLint's own result shape (read back by ESLint's stylish formatter), a bank's policy and
// SARIF a code-scanning tool can track.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeEach, describe, expect, it } from 'vitest';
import { lintCommand } from '../../pipeline/cli/lint.ts';
import { colorWanted, type Io } from '../../pipeline/cli/io.ts';
import { rulesetVersion } from '../../pipeline/lint/index.ts';

let dir: string;
async function lint(argv: string[], extra: Partial<Io> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await lintCommand(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd: dir, ...extra });
  return { code, stdout, stderr };
}
const stdinOf = (text: string) => ({ stdin: async () => new TextEncoder().encode(text) });

const BRIEF = `---
persona: xihu/president
kind: knowledge-card
day: wed
title: 稳赚不赔的好机会
---
拆迁款到手，先留足生活备用金。

联系客户请拨13800138000，預期收益率4.5%。
`;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wendu-lint-flags-'));
  writeFileSync(join(dir, 'clean.txt'), '早上好！今天的晨会我们聊了养老规划，慢慢来，比较快。😊\n');
  writeFileSync(join(dir, 'bad.txt'), '第一行很好。\n这款理财保本保息。理财非存款、产品有风险、投资须谨慎。\n');
  writeFileSync(join(dir, 'warn.txt'), '这款理财安全又稳健。理财非存款、产品有风险、投资须谨慎。\n');
  writeFileSync(join(dir, 'warn2.txt'), '这款理财全市最好。理财非存款、产品有风险、投资须谨慎。\n');
});

describe('standard input', () => {
  it('lints `-` and --stdin, reported under --stdin-filename', async () => {
    const a = await lint(['-', '--format', 'json'], stdinOf('這款理財穩賺不賠！'));
    expect(a.code).toBe(1);
    expect(JSON.parse(a.stdout)[0]).toMatchObject({ file: '<stdin>', messages: expect.arrayContaining([expect.objectContaining({ ruleId: 'guarantee', excerpt: '穩賺不賠', line: 1, column: 5 })]) });
    const b = await lint(['--stdin', '--stdin-filename', 'drafts/周一.txt'], stdinOf('早上好，慢慢来，比较快。\n'));
    expect(b.code).toBe(0);
    expect(b.stdout).toContain('no problems in 1 file');
  });
  it('reads a .md name as a brief: frontmatter positions, masked client details', async () => {
    const { stdout, code } = await lint(['--stdin', '--stdin-filename', 'wed.md', '-f', 'json'], stdinOf(BRIEF));
    expect(code).toBe(1);
    const [entry] = JSON.parse(stdout);
    expect(entry.file).toBe('wed.md');
    const byRule = Object.fromEntries(entry.messages.map((m: { ruleId: string }) => [m.ruleId, m]));
    expect(byRule.guarantee).toMatchObject({ line: 5, column: 8 });
    expect(byRule['pii-phone']).toMatchObject({ line: 9, column: 7, excerpt: '138****8000' });
    expect(stdout).not.toContain('13800138000');
  });
  it('refuses paths and standard input together, --fix on standard input, and a lone --stdin-filename (exit 2)', async () => {
    for (const argv of [['-', 'clean.txt'], ['--stdin', '--fix'], ['--stdin-filename', 'x.txt', 'clean.txt']]) {
      const r = await lint(argv, stdinOf('x'));
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^wendu lint: /);
    }
  });
});

describe('--max-warnings and --quiet', () => {
  it('exits 1 when warnings exceed --max-warnings, 0 within it', async () => {
    expect((await lint(['warn.txt', 'warn2.txt'])).code).toBe(0);
    const over = await lint(['--max-warnings', '1', 'warn.txt', 'warn2.txt']);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('2 warnings remain, more than --max-warnings 1');
    expect((await lint(['--max-warnings', '2', 'warn.txt', 'warn2.txt'])).code).toBe(0);
    expect((await lint(['--max-warnings', 'lots', 'warn.txt'])).code).toBe(2);
  });
  it('--quiet reports errors only', async () => {
    const { stdout, code } = await lint(['--quiet', 'bad.txt', 'warn.txt']);
    expect(code).toBe(1);
    expect(stdout).toContain('[guarantee]');
    expect(stdout).not.toContain('safety-words');
    expect(stdout).toContain('1 problem (1 error, 0 warnings)');
  });
});

describe('-o / --output-file', () => {
  it('writes the report to the file and nothing to standard output', async () => {
    const r = await lint(['-o', 'reports/lint.json', '-f', 'json', 'bad.txt'], { color: true });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'reports/lint.json'), 'utf8'))[0].file).toBe('bad.txt');
    await lint(['--output-file', 'out.txt', 'bad.txt'], { color: true });
    // a file is not a terminal: no colour in it
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).not.toContain('\x1b[');
  });
});

describe('.wenduignore', () => {
  beforeEach(() => {
    mkdirSync(join(dir, 'briefs/drafts'), { recursive: true });
    mkdirSync(join(dir, 'briefs/live'), { recursive: true });
    writeFileSync(join(dir, 'briefs/drafts/草稿.txt'), '稳赚不赔！');
    writeFileSync(join(dir, 'briefs/live/周一.txt'), '早上好。');
    writeFileSync(join(dir, 'briefs/live/old.txt'), '保本保息。');
    writeFileSync(join(dir, '.wenduignore'), '# drafts are not for review yet\ndrafts/\n*/live/old.txt\n');
  });
  it('skips what the ignore file names (gitignore syntax), in folders and as named files', async () => {
    const { stdout, code } = await lint(['-f', 'json', 'briefs']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).map((r: { file: string }) => r.file)).toEqual([join('briefs', 'live', '周一.txt')]);
    const named = await lint(['briefs/drafts/草稿.txt', 'briefs/live/周一.txt']);
    expect(named.code).toBe(0);
    expect(named.stderr).toContain('briefs/drafts/草稿.txt: skipped');
  });
  it('--no-ignore lints everything; --ignore-path names another file', async () => {
    expect((await lint(['--no-ignore', 'briefs'])).code).toBe(1);
    writeFileSync(join(dir, 'other-ignore'), 'live/\n');
    const { stdout } = await lint(['--ignore-path', 'other-ignore', '-f', 'json', 'briefs']);
    expect(JSON.parse(stdout).map((r: { file: string }) => r.file)).toEqual([join('briefs', 'drafts', '草稿.txt')]);
    expect((await lint(['--ignore-path', 'nowhere', 'briefs'])).code).toBe(2);
  });
});

describe('--format eslint', () => {
  it("is ESLint's LintResult: filePath, numeric severity, positions, counts, fixes as source ranges", async () => {
    writeFileSync(join(dir, 'f.txt'), '第一行。\n预期收益率4.5%，稳赚不赔。理财非存款、产品有风险、投资须谨慎。\n');
    const { stdout, code } = await lint(['--format', 'eslint', 'f.txt', 'warn.txt', 'clean.txt']);
    expect(code).toBe(1);
    const [f, warn, clean] = JSON.parse(stdout);
    expect(f.filePath).toBe(join(dir, 'f.txt'));
    expect(f.errorCount).toBe(2);
    expect(f.warningCount).toBe(f.messages.filter((m: { severity: number }) => m.severity === 1).length);
    const yieldMsg = f.messages.find((m: { ruleId: string }) => m.ruleId === 'expected-yield');
    expect(yieldMsg).toMatchObject({ severity: 2, line: 2, column: 1, endLine: 2, endColumn: 6, fix: { text: '业绩比较基准' } });
    expect(f.fixableErrorCount).toBe(1);
    // the fix range is a range of the file's text: applying it is what --fix writes
    const [a, b] = yieldMsg.fix.range;
    expect(f.source.slice(a, b)).toBe('预期收益率');
    expect(warn).toMatchObject({ errorCount: 0, warningCount: 1, messages: [{ ruleId: 'safety-words', severity: 1, line: 1, column: 5 }] });
    expect(clean).toMatchObject({ messages: [], errorCount: 0, warningCount: 0, suppressedMessages: [] });
    expect(clean.source).toBeUndefined();
  });
  it("gives a brief's fixes as ranges of the whole file, frontmatter included", async () => {
    const [r] = JSON.parse((await lint(['--stdin', '--stdin-filename', 'wed.md', '-f', 'eslint'], stdinOf(BRIEF))).stdout);
    const fixes = r.messages.filter((m: { fix?: unknown }) => m.fix).map((m: { ruleId: string; fix: { range: [number, number]; text: string } }) => [m.ruleId, BRIEF.slice(...m.fix.range), m.fix.text]);
    expect(fixes).toEqual([
      ['pii-phone', '13800138000', '138****8000'],
      ['expected-yield', '預期收益率', '业绩比较基准'],
    ]);
    expect(r.fixableErrorCount).toBe(2);
  });
  it('never carries a file with a client detail in `source`', async () => {
    const { stdout } = await lint(['--format', 'eslint', '-'], stdinOf('客户手机13800138000'));
    expect(stdout).not.toContain('13800138000');
  });
  it("is read by ESLint's own stylish formatter, and `--format stylish` prints exactly what it prints", async () => {
    const files = ['bad.txt', 'warn.txt', 'clean.txt', 'warn2.txt'];
    const results = JSON.parse((await lint(['--format', 'eslint', ...files])).stdout);
    const formatter = await new ESLint({ cwd: dir }).loadFormatter('stylish');
    const theirs = await formatter.format(results, { cwd: dir, rulesMeta: {} } as never);
    expect(theirs).toContain(join(dir, 'bad.txt'));
    expect(theirs).toMatch(/2:5\s+error\s+出现保本保收益类表述「保本保息」.*guarantee/);
    expect(theirs).toContain('✖ 3 problems (1 error, 2 warnings)');
    const ours = (await lint(['--format', 'stylish', ...files])).stdout;
    expect(ours).toBe(theirs);
  });
});

describe('a policy file', () => {
  const write = (text: string) => writeFileSync(join(dir, 'policy.yaml'), text);
  it('raises a rule and adds a product name, each with a reason; the rule-set version names the policy', async () => {
    write(`rules:
  superlative:
    severity: error
    reason: 本行品牌规范：「最」字表述一律按错误处理。
products:
  - names: [金钥匙安盈]
    kind: wealth
    reason: 本行代销的理财产品系列。
`);
    const { stdout, code } = await lint(['--policy', 'policy.yaml', 'warn2.txt']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/warn2\.txt:1:5: error .*「全市最好」.*\[superlative\]/);
    expect(stdout).toMatch(new RegExp(`ruleset ${rulesetVersion()}\\+policy\\.[0-9a-f]{8}`));
    writeFileSync(join(dir, 'p.txt'), '金钥匙安盈，灵活申赎。');
    const product = await lint(['--policy', 'policy.yaml', 'p.txt']);
    expect(product.stdout).toContain('[missing-risk-warning]');
    // without the policy the product name is just words
    expect((await lint(['p.txt'])).code).toBe(0);
  });
  it('adds words to a word-list rule, caught in traditional characters and full-width forms too', async () => {
    write(`words:
  - rule: guarantee
    words: [铁饭碗]
    reason: 分行文案中出现过的说法，暗示没有风险。
`);
    writeFileSync(join(dir, 'w.txt'), '這款理財，鐵飯碗就對了！理财非存款、产品有风险、投资须谨慎。');
    expect((await lint(['w.txt'])).code).toBe(0);
    const { code, stdout } = await lint(['--policy', 'policy.yaml', 'w.txt']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^w\.txt:1:6: error 出现保本保收益类表述「鐵飯碗」.*\[guarantee\]$/m);
  });
  it('refuses to lower a client-detail rule, with a located error (exit 2)', async () => {
    write(`# 本行政策
rules:
  pii-phone:
    severity: warning
    reason: 我们想把手机号降为警告。
`);
    const { code, stderr, stdout } = await lint(['--policy', 'policy.yaml', 'clean.txt']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^policy\.yaml:4:15: error `pii-phone` is a client-detail \(PII\) rule: it stays `error`.* \[policy\/invalid\]$/m);
  });
  it('locates a missing reason, an unknown rule and words for a detector rule', async () => {
    write(`rules:
  guarantee:
    severity: warning
  no-such-rule:
    severity: error
    reason: 只是试试看而已。
words:
  - rule: pii-email
    words: [邮箱]
    reason: 看看会怎样呢。
`);
    const { code, stderr } = await lint(['--policy', 'policy.yaml', 'clean.txt']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^policy\.yaml:2:3: error Missing required key `rules\.guarantee\.reason`/m);
    expect((await lint(['--policy', 'policy.yaml', 'clean.txt'])).code).toBe(2);
    write(`rules:
  no-such-rule:
    severity: error
    reason: 只是试试看而已。
words:
  - rule: pii-email
    words: [邮箱]
    reason: 看看会怎样呢。
`);
    const second = await lint(['--policy', 'policy.yaml', 'clean.txt']);
    expect(second.stderr).toMatch(/^policy\.yaml:2:3: error Unknown rule `no-such-rule`/m);
    expect(second.stderr).toMatch(/^policy\.yaml:6:11: error `pii-email` is detected by code/m);
  });
  it('is read from the content folder when none is named', async () => {
    mkdirSync(join(dir, 'content'));
    writeFileSync(join(dir, 'content/branches.yaml'), 'bank: { name: 测试银行, hotline: "95555" }\nbranches: []\n');
    writeFileSync(join(dir, 'content/policy.yaml'), 'rules:\n  safety-words:\n    severity: error\n    reason: 本行一律不用「安全」形容理财。\n');
    const { code, stdout } = await lint(['warn.txt']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/warn\.txt:1:5: error .*\[safety-words\]/);
    expect(existsSync(join(dir, 'content/policy.yaml'))).toBe(true);
  });
});

describe('--format sarif', () => {
  it('keys fingerprints with a secret: a phone-only text is not recoverable by hashing numbers', async () => {
    const phone = '13912345678';
    const key = { env: { WENDU_FINGERPRINT_KEY: 'install-secret-甲' } };
    const log = JSON.parse((await lint(['--format', 'sarif', '-'], { ...stdinOf(phone), ...key })).stdout);
    const [res] = log.runs[0].results;
    expect(res.ruleId).toBe('pii-phone');
    const fp = Object.values(res.partialFingerprints)[0] as string;
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(fp).not.toBe(createHash('sha256').update(phone).digest('hex'));
    expect(JSON.stringify(log)).not.toContain(createHash('sha256').update(phone).digest('hex'));
    expect(JSON.stringify(log)).not.toContain(phone);
    // stable for the same key, different for another install
    const again = JSON.parse((await lint(['--format', 'sarif', '-'], { ...stdinOf(phone), ...key })).stdout);
    expect(Object.values(again.runs[0].results[0].partialFingerprints)[0]).toBe(fp);
    const other = JSON.parse((await lint(['--format', 'sarif', '-'], { ...stdinOf(phone), env: { WENDU_FINGERPRINT_KEY: 'another' } })).stdout);
    expect(Object.values(other.runs[0].results[0].partialFingerprints)[0]).not.toBe(fp);
  });
  it('makes a per-install key on first use when none is set', async () => {
    await lint(['--format', 'sarif', 'bad.txt']);
    expect(readFileSync(join(dir, '.wendu/fingerprint.key'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
  });
  it('gives every rule a readable short description, help text and a help link that ships with Wendu', async () => {
    const log = JSON.parse((await lint(['--format', 'sarif', 'bad.txt'])).stdout);
    const rules = log.runs[0].tool.driver.rules;
    const guarantee = rules.find((r: { id: string }) => r.id === 'guarantee');
    expect(guarantee.shortDescription.text).toBe('金融广告不得明示或暗示保本、无风险或保收益');
    expect(guarantee.helpUri).toMatch(/^file:\/\/.*\/pipeline\/lint\/rules\/guarantee\.yaml$/);
    expect(existsSync(new URL(guarantee.helpUri))).toBe(true);
    expect(guarantee.help.text).toContain('依据：');
    for (const r of rules) {
      expect(r.shortDescription.text, r.id).not.toMatch(/\{\{|…|^$/);
      expect(r.properties.waivable, r.id).toBe(r.defaultConfiguration.level !== 'error' && !r.id.startsWith('pii-'));
    }
    expect(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${dir}/`);
  });
});

describe('colour', () => {
  it('is on for a terminal unless NO_COLOR is set (and not empty)', () => {
    expect(colorWanted(true, {})).toBe(true);
    expect(colorWanted(true, { NO_COLOR: '1' })).toBe(false);
    expect(colorWanted(true, { NO_COLOR: '' })).toBe(true);
    expect(colorWanted(false, {})).toBe(false);
    expect(colorWanted(undefined, {})).toBe(false);
  });
});
