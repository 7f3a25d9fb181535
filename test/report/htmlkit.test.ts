import { describe, expect, it } from 'vitest';
import { contrast, esc, relUrl, safeColor, segments } from '../../pipeline/report/htmlkit.ts';

describe('segments', () => {
  const runs = (text: string, hs: { start: number; end: number; finding: number }[], n = 9) =>
    segments(text, hs, n).map((s) => [s.text, s.findings.join(','), s.ends.join(',')]);

  it('cuts overlapping highlights into flat runs and marks where each ends', () => {
    expect(runs('全市最高收益！', [{ start: 2, end: 4, finding: 0 }, { start: 3, end: 6, finding: 1 }])).toEqual([
      ['全市', '', ''],
      ['最', '0', ''],
      ['高', '0,1', '0'],
      ['收益', '1', '1'],
      ['！', '', ''],
    ]);
  });

  it('handles nesting, duplicates, touching ranges and text without highlights', () => {
    expect(runs('稳赚不赔', [{ start: 0, end: 4, finding: 0 }, { start: 0, end: 2, finding: 1 }, { start: 0, end: 4, finding: 0 }])).toEqual([
      ['稳赚', '0,1', '1'],
      ['不赔', '0', '0'],
    ]);
    expect(runs('保本保息', [{ start: 0, end: 2, finding: 0 }, { start: 2, end: 4, finding: 0 }])).toEqual([
      ['保本', '0', '0'],
      ['保息', '0', '0'],
    ]);
    expect(runs('没有问题', [])).toEqual([['没有问题', '', '']]);
    expect(runs('', [{ start: 0, end: 3, finding: 0 }])).toEqual([]);
  });

  it('ignores broken ranges and unknown findings, clamps to the text and keeps surrogate pairs whole', () => {
    expect(runs('abc', [{ start: 2, end: 1, finding: 0 }, { start: 0, end: 1, finding: 5 }, { start: 0.5, end: 2, finding: 0 }], 1)).toEqual([['abc', '', '']]);
    expect(runs('abc', [{ start: -4, end: 99, finding: 0 }], 1)).toEqual([['abc', '0', '0']]);
    // 😀 is two UTF-16 code units: a cut inside it widens to the whole character
    expect(runs('a😀b', [{ start: 2, end: 4, finding: 0 }])).toEqual([
      ['a', '', ''],
      ['😀b', '0', '0'],
    ]);
    expect(segments('a😀b', [{ start: 1, end: 2, finding: 0 }], 1).map((s) => s.text)).toEqual(['a', '😀', 'b']);
  });
});

describe('escaping and URLs', () => {
  it('escapes markup and both quotes', () => {
    expect(esc(`<script>alert("1")</script> & 'x'`)).toBe('&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &#39;x&#39;');
  });

  it('percent-encodes relative paths and refuses anything else', () => {
    expect(relUrl('thumbs/锦江 九宫格-1.png')).toBe('thumbs/%E9%94%A6%E6%B1%9F%20%E4%B9%9D%E5%AE%AB%E6%A0%BC-1.png');
    expect(relUrl('../xihu/images/a#1?.png')).toBe('../xihu/images/a%231%3F.png');
    expect(relUrl('bundles\\xihu.zip')).toBe('bundles/xihu.zip');
    for (const bad of ['javascript:alert(1)', 'JavaScript:x', 'https://x.example/a.png', '//x.example/a.png', '/etc/passwd', 'C:/x.png', 'data:image/png;base64,AA', ''])
      expect(relUrl(bad), bad).toBeUndefined();
  });

  it('accepts only hex colours and measures contrast', () => {
    expect(safeColor('#B3261E', '#000000')).toBe('#b3261e');
    expect(safeColor('#abc', '#000000')).toBe('#aabbcc');
    expect(safeColor('red;background:url(x)', '#000000')).toBe('#000000');
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21);
    expect(contrast('#b3261e', '#ffffff')).toBeGreaterThan(4.5);
    expect(contrast('#f2b33d', '#ffffff')).toBeLessThan(4.5);
  });
});
