// Decoded texts keep the source range of every character: Markdown (blocks, lists, quotes,
// emphasis, code, escapes, references) and YAML (quoted, single-quoted, folded, literal, plain).
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';
import { decodedBriefSpans, joinLines, parseMarkdown } from '../../pipeline/load/markdown.ts';
import type { TextSpan } from '../../pipeline/model.ts';
import { lintMapped } from '../../pipeline/check/texts.ts';

const FRONT = '---\npersona: xihu/president\nkind: knowledge-card\nday: wed\ntitle: 标题\n---\n';

/** The source characters a span's text[i] came from. */
const origin = (src: string, span: TextSpan, i: number) => {
  const lines = src.split('\n');
  const { start, end } = span.map![i]!;
  if (start.line !== end.line) return null;
  return lines[start.line - 1]!.slice(start.column - 1, end.column - 1);
};

/** Paragraphs as the library computes them (the renderer's reference). */
function reference(src: string): string[] {
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(src) as Root;
  return tree.children.slice(1).flatMap((n) => (n.type === 'list' ? n.children.map((i) => `· ${joinLines(toString(i))}`) : n.type === 'yaml' || n.type === 'html' || n.type === 'thematicBreak' ? [] : [joinLines(toString(n))])).map((t) => t.trim()).filter(Boolean);
}

const BODIES = [
  '第一段 *强调* 和 **加粗** 与 `代码`。\n\n第二段\n接着写 English\nwords here。\n',
  '> 引用第一行\n> 引用第二行 &amp; &#20445;&#x672C;\n\n- 列表一\n  续行\n- 列表二 \\*星号\\*\n\n1. 编号 [链接](https://example.com) ![图](a.png)\n',
  '# 标题\n\n正文 <b>HTML</b> &ZeroWidthSpace;零宽 &notanentity; 尾\n\n---\n\n  缩进两格\n',
];

describe('decoded Markdown', () => {
  it.each(BODIES)('draws what mdast-util-to-string gives, each character mapped to what was typed: %#', (body) => {
    const src = FRONT + body;
    const { md } = parseMarkdown('x.md', new TextEncoder().encode(src));
    expect(md!.paragraphs).toEqual(reference(src));
    const span = decodedBriefSpans('x.md', new TextEncoder().encode(src)).spans.find((s) => s.field === 'body')!;
    expect(span.text).toBe(md!.paragraphs.join('\n\n'));
    span.text.split('').forEach((ch, i) => {
      const o = origin(src, span, i);
      if (o === null || o.length !== 1 || /\s/.test(ch) || ch === '·') return;
      expect(o, `body[${i}]`).toBe(ch);
    });
  });

  it('maps a character reference to the whole reference', () => {
    const src = `${FRONT}承诺&#20445;&#x672C;&amp;\n`;
    const span = decodedBriefSpans('x.md', new TextEncoder().encode(src)).spans.find((s) => s.field === 'body')!;
    expect(span.text).toBe('承诺保本&');
    expect([2, 3, 4].map((i) => origin(src, span, i))).toEqual(['&#20445;', '&#x672C;', '&amp;']);
  });
});

describe('decoded YAML', () => {
  it('maps escapes, doubled quotes, folding and literal blocks back to the characters typed', () => {
    const src = [
      '---',
      'persona: xihu/president',
      'kind: knowledge-card',
      'day: wed',
      'title: "承诺\\u4FDD\\u672C \\x41\\t"',
      "subtitle: '它''s 好'",
      'caption: >-',
      '  第一行',
      '  second line',
      '',
      '  新段',
      'segments:',
      '  - |',
      '    字面',
      '    两行',
      '  - 平常  的',
      '    文字',
      '---',
      '正文',
      '',
    ].join('\n');
    const spans = decodedBriefSpans('x.md', new TextEncoder().encode(src)).spans;
    const by = (f: string) => spans.find((s) => s.field === f)!;
    expect(by('title').text).toBe('承诺保本 A\t');
    expect([2, 3, 5].map((i) => origin(src, by('title'), i))).toEqual(['\\u4FDD', '\\u672C', '\\x41']);
    expect(by('subtitle').text).toBe("它's 好");
    expect(origin(src, by('subtitle'), 1)).toBe("''");
    expect(by('caption').text).toBe('第一行 second line\n新段');
    expect(origin(src, by('caption'), 4)).toBe('s');
    expect(by('segments.0').text).toBe('字面\n两行\n');
    expect(by('segments.1').text).toBe('平常  的 文字');
    expect(origin(src, by('segments.1'), 6)).toBe('文');
  });
});

describe('a link as it reads once scanned', () => {
  const spansOf = (link: string) => decodedBriefSpans('x.md', new TextEncoder().encode(`---\npersona: xiao-u\nkind: poster\nday: tue\ntitle: 入门课\nlink: ${link}\n---\n正文\n`)).spans;
  it('decodes %XX escapes and base64 values into a span of their own, located at the link', () => {
    const pct = spansOf('https://bank.example/s?p=%31%33%38%30%30%31%33%38%30%30%30&n=%E7%8E%8B%E5%BB%BA%E5%8D%8E');
    const decoded = pct.find((s) => s.field === 'link:decoded')!;
    expect(decoded.text).toBe('https://bank.example/s?p=13800138000&n=王建华');
    expect(decoded.map![0]!.start).toEqual({ line: 6, column: 7 });
    expect(spansOf('https://bank.example/s?u=MTM4MDAxMzgwMDA=').find((s) => s.field === 'link:decoded')!.text).toBe('13800138000');
  });
  it('reports a detail once: where the link shows it in the clear, or at the link when only the decoding shows it', () => {
    const found = (link: string) => lintMapped(spansOf(link), { personaNames: [], allowedPhones: [], hotlines: [] }).filter((f) => f.ruleId === 'pii-phone');
    expect(found('https://bank.example/s?p=13800138000&n=%E7%8E%8B').map((f) => [f.field, f.line, f.column])).toEqual([['link', 6, 32]]);
    expect(found('https://bank.example/s?p=%31%33%38%30%30%31%33%38%30%30%30').map((f) => [f.field, f.line, f.column])).toEqual([['link:decoded', 6, 7]]);
  });
  it('adds nothing for a plain link or a token that is not readable text', () => {
    expect(spansOf('https://events.tongxin-bank.example/finance-101').map((s) => s.field)).toEqual(['title', 'link', 'body']);
    expect(spansOf('https://bank.example/s?t=x7Fq9ZpL2mWv').map((s) => s.field)).toEqual(['title', 'link', 'body']);
  });
});
