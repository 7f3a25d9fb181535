// SARIF for code-scanning tools: waived findings suppressed with the reviewer and reason; errors
// never waivable; findings in generated captions placed at the brief field their words come from,
// or named by field without a false line:col.
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintCommand } from '../../pipeline/cli/lint.ts';
import { CONTENT_DIR } from '../helpers/content.ts';
import { judge } from '../../pipeline/approve/gate.ts';
import { briefSpans } from '../../pipeline/load/markdown.ts';
import { FORMATS } from '../../pipeline/lint/format/index.ts';
import { lintSpans, ruleCatalog, rulesetVersion, type Finding } from '../../pipeline/lint/index.ts';
import type { TextSpan, Waiver } from '../../pipeline/model.ts';

const FILE = 'content/weeks/2026-W48/xihu/sat-weekend-walk.md';
const BRIEF = `---
persona: xihu/president
kind: moments
day: sat
title: 这款理财最稳
product: wealth
---
周末陪客户走走西湖，聊聊家常。
`;
const CTX = { personaNames: [], allowedPhones: [], hotlines: ['95527'] };

function sarifOf(spans: TextSpan[], findings: Finding[], waived?: Map<Finding, Waiver>) {
  const meta = { ruleset: rulesetVersion(), catalog: ruleCatalog(), fixed: [], fingerprintKey: new TextEncoder().encode('k'), srcRoot: 'file:///srv/wendu/' };
  return JSON.parse(FORMATS.sarif([{ file: FILE, findings, problems: [], spans, ...(waived ? { waived } : {}) }], meta)).runs[0];
}

describe('SARIF from a build', () => {
  const { spans } = briefSpans(FILE, new TextEncoder().encode(BRIEF));
  // the caption copies the title, then adds template words of its own (保本 here, to be found)
  const caption: TextSpan = { field: 'caption', file: FILE, text: `周末好！\n这款理财最稳\n理财非存款、产品有风险、投资须谨慎\n—— 稳稳的保本之选` };
  const all = [...spans, caption];
  const findings = lintSpans(all, CTX);

  it('places a caption finding at the brief field its words were copied from', () => {
    const run = sarifOf(all, findings);
    const inCaption = run.results.filter((r: { properties: { field: string } }) => r.properties.field === 'caption');
    const copied = inCaption.find((r: { ruleId: string }) => r.ruleId === 'superlative');
    expect(copied.properties.sourceField).toBe('title');
    // title: is line 5; 这款理财最稳 starts at column 8, 最稳 at column 12
    expect(copied.locations[0].physicalLocation.region).toMatchObject({ startLine: 5, startColumn: 12, endLine: 5, endColumn: 14 });
    expect(copied.locations[0].logicalLocations[0]).toMatchObject({ name: 'caption', fullyQualifiedName: 'title → caption' });
  });

  it('names the field, without a line and column, when the brief does not hold the words', () => {
    const run = sarifOf(all, findings);
    const own = run.results.find((r: { ruleId: string; properties: { field: string } }) => r.ruleId === 'guarantee' && r.properties.field === 'caption');
    expect(own).toBeDefined();
    expect(own.locations[0].physicalLocation.region).toBeUndefined();
    expect(own.locations[0].physicalLocation.artifactLocation).toEqual({ uri: FILE, uriBaseId: '%SRCROOT%' });
    expect(own.locations[0].logicalLocations).toEqual([{ name: 'caption', kind: 'member' }]);
    expect(own.message.text).toContain('位于生成的「caption」中');
    expect(own.properties.waivable).toBe(false);
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///srv/wendu/' } });
  });

  it('suppresses a waived finding with the reviewer and reason, and leaves the others open', () => {
    const title = findings.find((f) => f.ruleId === 'superlative' && f.field === 'title')!;
    const waiver: Waiver = { brief: 'xihu/sat-weekend-walk', rule: 'superlative', textHash: title.textHash, reviewer: '王审核（合规部）', date: '2026-11-20', reason: '「最稳」说的是步道平稳，与产品无关。' };
    const decision = judge('xihu/sat-weekend-walk', findings, [waiver]);
    const waived = new Map(decision.judged.filter((j) => j.waiver).map((j) => [j.finding, j.waiver!] as [Finding, Waiver]));
    expect(waived.size).toBe(1);
    const run = sarifOf(all, findings, waived);
    const suppressed = run.results.filter((r: { suppressions?: unknown }) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]).toMatchObject({
      ruleId: 'superlative',
      properties: { field: 'title', waivable: true },
      suppressions: [{ kind: 'external', status: 'accepted', justification: waiver.reason, properties: { reviewer: '王审核（合规部）', date: '2026-11-20' } }],
    });
    expect(run.results.filter((r: { level: string; suppressions?: unknown }) => r.level === 'error').every((r: { suppressions?: unknown }) => !r.suppressions)).toBe(true);
  });
  it("places a finding by the caption it was made in, when a brief's captions differ per branch", () => {
    const xihu: TextSpan = { field: 'caption', file: FILE, text: '西湖支行｜周末好\n这款理财最稳' };
    const tianhe: TextSpan = { field: 'caption', file: FILE, text: '天河支行的周末，一起走走\n这款理财最稳' };
    const found = [...lintSpans([...spans, xihu], CTX), ...lintSpans([...spans, tianhe], CTX)].filter((f) => f.field === 'caption' && f.ruleId === 'superlative');
    expect(found).toHaveLength(2);
    const run = sarifOf([...spans, xihu, tianhe], found);
    for (const r of run.results) expect(r.locations[0].physicalLocation.region).toMatchObject({ startLine: 5, startColumn: 12 });
  });

  it('tells apart the same words copied from two fields', () => {
    const brief = `---
persona: xihu/president
kind: moments
day: sat
title: 新品上架
subtitle: 年化可达5%
---
这款产品年化可达5%，欢迎咨询。
`;
    const { spans: own } = briefSpans(FILE, new TextEncoder().encode(brief));
    const cap: TextSpan = { field: 'caption', file: FILE, text: '新品上架\n年化可达5%\n这款产品年化可达5%，欢迎咨询。' };
    const both = [...own, cap];
    const run = sarifOf(both, lintSpans(both, CTX));
    const placed = run.results
      .filter((r: { ruleId: string; properties: { field: string } }) => r.ruleId === 'expected-yield' && r.properties.field === 'caption')
      .map((r: { properties: { sourceField: string }; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }) => [r.properties.sourceField, r.locations[0]!.physicalLocation.region.startLine, r.locations[0]!.physicalLocation.region.startColumn]);
    expect(placed).toEqual([
      ['subtitle', 6, 11],
      ['body', 8, 5],
    ]);
  });
});

describe('wendu lint over a content folder', () => {
  it("shows the reviewers' waivers: suppressed in SARIF and ESLint results, the count of open warnings spared", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wendu-lint-waived-'));
    await cp(CONTENT_DIR, join(dir, 'content'), { recursive: true });
    const lint = async (...argv: string[]) => {
      let stdout = '';
      const code = await lintCommand(argv, { stdout: (s) => void (stdout += s), stderr: () => {}, cwd: dir, env: { WENDU_FINGERPRINT_KEY: 'k' } });
      return { code, stdout };
    };
    const brief = 'content/weeks/2026-W48/jinjiang/tue-first-salary.md';
    const sarif = JSON.parse((await lint('-f', 'sarif', brief)).stdout).runs[0];
    expect(sarif.results).toHaveLength(1);
    expect(sarif.results[0]).toMatchObject({
      ruleId: 'safety-words',
      suppressions: [{ kind: 'external', justification: expect.stringContaining('活期存款'), properties: { reviewer: '王审核（合规部）', date: '2026-11-20' } }],
    });
    const [eslint] = JSON.parse((await lint('-f', 'eslint', brief)).stdout);
    expect(eslint).toMatchObject({ messages: [], warningCount: 0, suppressedMessages: [{ ruleId: 'safety-words', severity: 1, suppressions: [{ kind: 'external' }] }] });
    // a waived warning is not an open one
    expect((await lint('--max-warnings', '0', brief)).code).toBe(0);
  });
});
