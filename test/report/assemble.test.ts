// What the report shows of an asset: texts masked where a client detail was found — the title too.
import { describe, expect, it } from 'vitest';
import { judge } from '../../pipeline/approve/gate.ts';
import { reportAsset } from '../../pipeline/report/assemble.ts';
import { reportHtml } from '../../pipeline/report/html.ts';

describe('an asset in the report', () => {
  it('masks a client phone in the title wherever the title is shown', () => {
    const title = '感谢王先生（13812345678）的信任';
    const finding = { file: 'w/fri.md', line: 6, column: 14, endLine: 6, endColumn: 25, severity: 'error' as const, ruleId: 'pii-phone', message: '出现客户手机号 138****5678', field: 'title', excerpt: '138****5678', waivable: false };
    const asset = reportAsset({
      id: '2026-W48:xihu:xihu/fri',
      branch: 'xihu',
      branchName: '西湖支行',
      briefId: 'xihu/fri',
      file: 'w/fri.md',
      kind: 'story-card',
      persona: '周建国',
      title,
      date: '2026-11-27',
      time: '19:30',
      spans: [{ field: 'title', text: title, file: 'w/fri.md', start: { line: 6, column: 8 } }],
      decision: judge('xihu/fri', [finding], []),
      thumbnails: ['thumbs/xihu/5-fri.jpg'],
    });
    expect(asset.title).toBe('感谢王先生（138****5678）的信任');
    const html = reportHtml({ week: '2026-W48', ruleset: 'r', assets: [asset], staleWaivers: [], problems: [] });
    expect(html).not.toContain('13812345678');
    expect(html).toContain('感谢王先生（138****5678）的信任');
  });
});
