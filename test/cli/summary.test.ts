// The build's one-screen summary: every line within 80 terminal columns (a CJK character takes
// two), the count of further reasons never cut, colour only when asked for.
import stringWidth from 'string-width';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fit, summaryData, summaryText } from '../../pipeline/cli/build.ts';

const reason = 'guarantee: 出现保本保收益类表述「稳赚不赔」：金融广告不得明示或暗示保本、无风险或保收益';
const job = (branch: string, id: string) => ({ branch, brief: { id } });
const results = [
  { job: job('xihu', 'xihu/mon-morning-meeting'), files: [{}, {}], decision: { approved: true, waivers: [], reasons: [] } },
  { job: job('jinjiang', 'jinjiang/tue-first-salary'), files: [{}], decision: { approved: true, waivers: [{}], reasons: [] } },
  { job: job('tianhe-very-long-branch-id', 'tianhe-very-long-branch-id/thu-new-product-draft-with-a-long-name'), files: [{}], decision: { approved: false, waivers: [], reasons: [reason, reason, reason] } },
];
const content = {
  week: '2026-W48',
  root: 'content/of/a/deeply/nested/folder/that/the/marketing/team/uses/every/week/for/briefs',
  briefs: new Array(27).fill({}),
  branches: [{ id: 'xihu' }, { id: 'jinjiang' }, { id: 'tianhe-very-long-branch-id' }],
};
const published = {
  bundles: new Map([
    ['xihu', { path: 'bundles/xihu.zip', bytes: 3.2 * 1048576, sha256: '' }],
    ['jinjiang', { path: 'bundles/jinjiang.zip', bytes: 1048576, sha256: '' }],
  ]),
  stale: [{ brief: 'xihu/old-post-from-another-week', rule: 'safety-words' }],
};

describe('the build summary', () => {
  const render = (color: boolean) =>
    summaryText(summaryData(content as never, results as never, published as never, [{ file: 'content/weeks/2026-W48/xihu/wed-relocation-funds.md' } as never]), 12345, 'out', '808963c42035+policy.1b22e7ae', color);

  it('fits 80 columns on every line', () => {
    for (const line of stripVTControlCharacters(render(true)).split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    const plain = render(false);
    expect(plain).not.toContain('\x1b[');
    expect(plain).toMatch(/^ {2}jinjiang {3}1 approved \(1 with waivers\) → bundles\/jinjiang\.zip 1\.0 MB$/m);
    // a long reason is cut with …, the count of the other reasons stays
    expect(plain).toMatch(/^ {4}tianhe-very-long-branch-id: .*… \(\+2 more\)$/m);
    expect(plain).toContain('808963c42035+policy.1b22e7ae');
  });

  it('colours approvals and rejections on a terminal', () => {
    const coloured = render(true);
    expect(coloured).toContain('\x1b[31m');
    expect(coloured).toContain('\x1b[32m');
  });

  it('cuts by display width: CJK counts two columns', () => {
    expect(fit('一'.repeat(50), 80)).toBe(`${'一'.repeat(39)}…`);
    expect(stringWidth(fit('一'.repeat(50), 80))).toBe(79);
    expect(fit('short', 80)).toBe('short');
  });
});
