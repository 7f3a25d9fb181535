// Every way issue 12 found to hide a client's phone or a guarantee from the linter while the image
// draws it plainly. Each brief goes through the real gate (render included); each must be rejected,
// and the finding must point at the characters the author typed.
import { describe, expect, it } from 'vitest';
import { briefSource, FILE, gate, KNOWLEDGE } from './helpers.ts';

const withBody = (body: string, title = '拆迁款到手，先做好这三件事') => briefSource([...KNOWLEDGE, `title: ${title}`], body);
const REPORT = ['persona: xihu/manager-chen', 'kind: weekly-report', 'day: thu', 'title: 财富健康周报', 'product: wealth'];
const chart = (unit: string, value: number | string) => [
  'chart:',
  '  type: bar',
  `  unit: ${unit}`,
  '  source: 西湖支行本周咨询登记汇总',
  '  data:',
  '    - { label: 养老规划, value: 46 }',
  `    - { label: 教育金, value: ${value} }`,
];

interface Case {
  name: string;
  source: string;
  rule: string;
  field: string;
  /** line and column of the first character typed */
  at: [number, number];
}

const CASES: Case[] = [
  { name: 'a phone split by a soft line break', source: withBody('街坊客户电话138123\n45678，欢迎来电。\n'), rule: 'pii-phone', field: 'body', at: [8, 7] },
  { name: 'a phone split by emphasis in a third paragraph, after a list', source: withBody('第一段。\n\n- 一条\n- 两条\n\n街坊客户电话138**1234**5678。\n'), rule: 'pii-phone', field: 'body', at: [13, 7] },
  { name: 'a phone split by emphasis', source: withBody('街坊客户电话138**1234**5678，欢迎来电。\n'), rule: 'pii-phone', field: 'body', at: [8, 7] },
  { name: 'a phone split by inline code', source: withBody('街坊客户电话138`1234`5678，欢迎来电。\n'), rule: 'pii-phone', field: 'body', at: [8, 7] },
  { name: 'a phone as numeric character references', source: withBody('客户电话&#49;&#51;&#56;&#49;&#50;&#51;&#52;&#53;&#54;&#55;&#56;。\n'), rule: 'pii-phone', field: 'body', at: [8, 5] },
  { name: 'a phone in hex references', source: withBody('客户电话&#x31;&#x33;&#x38;12345678。\n'), rule: 'pii-phone', field: 'body', at: [8, 5] },
  { name: '保本保息 as character references', source: withBody('本产品承诺&#20445;&#26412;&#20445;&#24687;，请放心。\n'), rule: 'guarantee', field: 'body', at: [8, 6] },
  { name: 'zero-width spaces between digit groups', source: withBody('客户电话138&#8203;1234&#8203;5678。\n'), rule: 'pii-phone', field: 'body', at: [8, 5] },
  { name: 'YAML \\u escapes in a quoted title', source: briefSource([...KNOWLEDGE, 'title: "承诺\\u4FDD\\u672C\\u4FDD\\u606F"'], '正文。\n'), rule: 'guarantee', field: 'title', at: [6, 11] },
  { name: 'a phone folded over lines in a YAML scalar', source: briefSource([...KNOWLEDGE, 'title: 拆迁款到手', 'subtitle: >-', '  客户电话138', '  1234', '  5678'], '正文。\n'), rule: 'pii-phone', field: 'subtitle', at: [8, 7] },
  { name: 'a guarantee and a phone in the chart unit', source: briefSource([...REPORT, ...chart('单位保本保息 客户13812345678', 31)], '本周咨询汇总。\n'), rule: 'pii-phone', field: 'chart.unit', at: [9, 18] },
  { name: 'a phone as a chart value (drawn 13,812,345,678)', source: briefSource([...REPORT, ...chart('次', 13812345678)], '本周咨询汇总。\n'), rule: 'pii-phone', field: 'chart.data.1.value', at: [13, 28] },
];

describe('bypasses of the gate (issue 12): each is rejected and located at what was typed', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { result, problems } = await gate(c.source, c.field.startsWith('chart') ? 'weeks/2026-W48/xihu/thu-weekly-report.md' : undefined);
      expect(problems).toEqual([]);
      expect(result!.failure).toBeUndefined();
      expect(result!.decision.approved).toBe(false);
      const hit = result!.decision.judged.find((j) => j.finding.ruleId === c.rule && j.finding.field === c.field);
      expect(hit, `${c.rule} on ${c.field}`).toBeDefined();
      expect([hit!.finding.line, hit!.finding.column]).toEqual(c.at);
      expect(hit!.finding.file).toBe(c.field.startsWith('chart') ? 'content/weeks/2026-W48/xihu/thu-weekly-report.md' : FILE);
      // a client detail is shown masked, never raw
      if (c.rule === 'pii-phone') expect(hit!.finding.excerpt).not.toMatch(/\d{7}/);
    });
  }

  it('a right-to-left override in the caption is rejected (it reverses what staff paste)', async () => {
    const { result } = await gate(briefSource([...KNOWLEDGE, 'title: 拆迁款到手', 'caption: "欢迎咨询 \\u202E8765 4321 831"'], '正文。\n'));
    expect(result!.decision.approved).toBe(false);
    const bidi = result!.decision.judged.filter((j) => j.finding.ruleId === 'bidi-control');
    expect(bidi.map((j) => j.finding.field)).toEqual(expect.arrayContaining(['caption']));
    // once where it was typed, once in the caption staff paste
    expect(bidi.find((j) => j.finding.line === 7)).toMatchObject({ status: 'unwaivable', finding: { file: FILE, column: 16, excerpt: 'U+202E' } });
    expect(bidi.filter((j) => j.finding.field === 'caption')).toHaveLength(2);
  });

  it('the plain controls stay rejected', async () => {
    const phone = await gate(withBody('客户电话13812345678。\n'));
    expect(phone.result!.decision.judged.some((j) => j.finding.ruleId === 'pii-phone')).toBe(true);
    const claim = await gate(withBody('我们承诺保本保息。\n'));
    expect(claim.result!.decision.judged.some((j) => j.finding.ruleId === 'guarantee')).toBe(true);
  });

  it('a brief free of these ships: decoding does not invent findings', async () => {
    const { result } = await gate(withBody('拆迁款到手，*先*留足**生活**备用金&mdash;&mdash;再看 `三件事`。\n'));
    expect(result!.decision.judged.filter((j) => j.status !== 'info')).toEqual([]);
    expect(result!.decision.approved).toBe(true);
  });
});

describe('the linter sees decoded texts under their own field names', () => {
  it('a rate highlighted in the title is judged as in the title (field-aware rules still apply)', async () => {
    const { result } = await gate(briefSource([...KNOWLEDGE, 'title: "业绩比较基准\\uFF14.5%"', 'product: wealth'], '稳健的理财。\n'));
    const bench = result!.decision.judged.find((j) => j.finding.ruleId === 'benchmark-display' && j.finding.field === 'title');
    expect(bench).toBeDefined();
    expect(bench!.finding.message).toContain('标题');
    expect(bench!.finding).toMatchObject({ file: FILE, line: 6 });
  });
});
