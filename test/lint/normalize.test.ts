import { describe, expect, it } from 'vitest';
import { lintSpans, normalize } from '../../pipeline/lint/index.ts';
import { CTX, lint } from './helpers.ts';

describe('normalize', () => {
  it('folds full-width forms, drops zero-width characters and reads traditional as simplified', () => {
    expect(normalize('ＮＯ．１').text).toBe('NO.1');
    expect(normalize('保\u200b本\u2060息\ufeff').text).toBe('保本息');
    expect(normalize('預期收益率').text).toBe('预期收益率');
  });

  it('drops spaces and punctuation between CJK characters, and keeps them elsewhere', () => {
    expect(normalize('保 本·保息').text).toBe('保本保息');
    expect(normalize('年化 5%').text).toBe('年化 5%');
    expect(normalize('138 0013').text).toBe('138 0013');
  });

  it('maps every normalised character back to its original range', () => {
    const src = '稳\u200b赚 不·赔';
    const n = normalize(src);
    expect(n.text).toBe('稳赚不赔');
    expect([...n.start]).toEqual([0, 2, 4, 6]);
    expect([...n.end]).toEqual([1, 3, 5, 7]);
  });

  it('keeps the mask character, so masked names stay masked', () => {
    expect(normalize('王*华客户').text).toBe('王*华客户');
  });

  it('does not let a term run across a clause or sentence mark', () => {
    expect(lint('我们确保，本周活动照常。').filter((f) => f.ruleId === 'guarantee')).toEqual([]);
    expect(lint('保。本').filter((f) => f.ruleId === 'guarantee')).toEqual([]);
  });
});

describe('findings point at the original characters', () => {
  it('across zero-width characters', () => {
    const [f] = lint('这款产品保\u200b本').filter((x) => x.ruleId === 'guarantee');
    expect(f).toMatchObject({ line: 1, column: 5, endLine: 1, endColumn: 8, excerpt: '保\u200b本' });
  });

  it('in traditional text', () => {
    const [f] = lint('新品：預期收益率4.5%').filter((x) => x.ruleId === 'expected-yield');
    expect(f).toMatchObject({ column: 4, endColumn: 9, excerpt: '預期收益率' });
  });

  it('in full-width text, on the right line of the file', () => {
    const spans = [{ field: 'body', text: '第一行\n联系：１３８ ００１３ ８０００', file: 'a.md', start: { line: 7, column: 1 } }];
    const [f] = lintSpans(spans, CTX);
    expect(f).toMatchObject({ ruleId: 'pii-phone', line: 8, column: 4, endLine: 8, endColumn: 17, excerpt: '138****8000' });
  });

  it('relative to a span that starts mid-line (a frontmatter value)', () => {
    const spans = [{ field: 'title', text: '稳赚不赔的好机会', file: 'a.md', start: { line: 6, column: 8 } }];
    const [f] = lintSpans(spans, CTX).filter((x) => x.ruleId === 'guarantee');
    expect(f).toMatchObject({ line: 6, column: 8, endColumn: 12, field: 'title' });
  });

  it('by field and offset, with no made-up line:column, in a generated caption without a start', () => {
    const [f] = lintSpans([{ field: 'caption', text: '好消息，稳赚不赔', file: 'job' }], CTX).filter((x) => x.ruleId === 'guarantee');
    expect(f).toMatchObject({ line: 0, column: 0, field: 'caption', offset: { from: 4, to: 8 }, excerpt: '稳赚不赔' });
    expect(f!.endLine).toBeUndefined();
  });

  it('binds each finding to the sha256 of its whole span', async () => {
    const { createHash } = await import('node:crypto');
    const text = '这款理财保本保息';
    const [f] = lint(text).filter((x) => x.ruleId === 'guarantee');
    expect(f!.textHash).toBe(createHash('sha256').update(text).digest('hex'));
  });
});
