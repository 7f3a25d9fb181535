import { it } from 'vitest';
import { loadContent } from '../pipeline/load/content.ts';
import { put, sampleTree } from '../test/helpers/content.ts';
import { lintMapped } from '../pipeline/check/texts.ts';
import { lintContextOf } from '../pipeline/batch.ts';
const R = 'weeks/2026-W48/xihu/wed-relocation-funds.md';
const cases = [
 ['title: 拆迁款', '客户电话138123\n45678。\n'],
 ['title: 拆迁款', '客户电话138**1234**5678。\n'],
 ['title: 拆迁款', '客户电话138`1234`5678。\n'],
 ['title: 拆迁款', '客户电话&#49;&#51;&#56;&#49;&#50;&#51;&#52;&#53;&#54;&#55;&#56;。\n'],
 ['title: 拆迁款', '我们承诺&#20445;&#26412;&#20445;&#24687;。\n'],
 ['title: 拆迁款', '客户电话138&#8203;1234&#8203;5678。\n'],
 ['title: "承诺\\u4FDD\\u672C\\u4FDD\\u606F"', '正文。\n'],
 ['title: 拆迁款\nsubtitle: >-\n  客户电话138\n  1234\n  5678', '正文。\n'],
 ['title: 拆迁款', '> > 客户电话13812345678\n'],
];
it('x', async () => {
  for (const [front, body] of cases) {
    const tree = put(await sampleTree(), R, `---\npersona: xihu/president\nkind: knowledge-card\nday: wed\n${front}\n---\n${body}`);
    const c = loadContent(tree, '2026-W48');
    const b = c.briefs.find((b) => b.file.endsWith('wed-relocation-funds.md'));
    if (!b) { console.log(c.problems.filter(p=>p.file.includes('wed-relo'))); continue; }
    const f = lintMapped(b.spans, lintContextOf(c));
    console.log(JSON.stringify(b.spans.map(s=>[s.field,s.text])), f.map(x=>`${x.line}:${x.column}-${x.endLine}:${x.endColumn} ${x.ruleId} ${x.field} ${x.excerpt}`));
  }
});
