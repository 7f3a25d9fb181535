import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { VIA_HOMOPHONE, VIA_PINYIN } from '../../pipeline/lint/evasion.ts';
import { lintSpans, normalize } from '../../pipeline/lint/index.ts';
import { CTX, ids, lint } from './helpers.ts';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

describe('normalize', () => {
  it('folds full-width forms, drops zero-width characters and reads traditional as simplified', () => {
    expect(normalize('ＮＯ．１').text).toBe('NO.1');
    expect(normalize('保\u200b本\u2060息\ufeff').text).toBe('保本息');
    expect(normalize('預期收益率').text).toBe('预期收益率');
  });

  it('keeps 么 in 什么/怎么 (a Taiwan variant table reads it as 幺), and still reads traditional 麼 as 么', () => {
    expect(normalize('你还怕什么？怎么选').text).toBe('你还怕什么怎么选');
    expect(normalize('為什麼').text).toBe('为什么');
    // a question with 什么 asks; the same sentence made rhetorical claims
    expect(ids(lint('这款理财保本吗？客户最常问的就是这个，我们的回答是看说明书。'))).not.toContain('guarantee');
    expect(ids(lint('这款理财本金亏不了，你还怕什么？理财非存款、产品有风险、投资须谨慎。'))).toContain('guarantee');
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

  it('reads a traditional warning against a pitch the same the first time and every time after (the characters are remembered, the reading is not)', () => {
    const text = '別信「本金一分不會少」這種話，凡是投資，都可能虧損本金。';
    expect(normalize(text).traditional).toBe(true);
    expect(normalize(text).traditional).toBe(true);
    expect(ids(lint(text))).toEqual([]);
    expect(ids(lint(text))).toEqual([]);
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

describe('evasion is read back in the normaliser', () => {
  const guarantee = (text: string) => lint(text).filter((f) => f.ruleId === 'guarantee');

  it.each([
    ['pinyin with tones', '这款理财wěn zhuàn不赔', '稳赚不赔', 'wěn zhuàn不赔'],
    ['pinyin without tones', '这款理财wenzhuan，名额不多', '稳赚', 'wenzhuan'],
    ['pinyin mixed with characters', '理财产品wen赚', '稳赚', 'wen赚'],
    ['capitalised, spaced pinyin', '理财产品 BAO BEN', '保本', 'BAO BEN'],
    ['pinyin with tone numbers', '这款理财bao3ben3', '保本', 'bao3ben3'],
    ['a homophone', '温赚不赔的好产品', '稳赚不赔', '温赚不赔'],
    ['another homophone', '宝本理财', '保本', '宝本'],
    ['components side by side', '亻呆 本理财', '保本', '亻呆 本'],
    ['a look-alike character', '這款理財穏賺不賠', '稳赚不赔', '穏賺不賠'],
    ['a digit for a numeral', '这款理财0风险', '零风险', '0风险'],
    ['one character per line', '新品\n稳\n赚\n不\n赔', '稳赚不赔', '稳\n赚\n不\n赔'],
    ['an emoji inside the word', '这款理财稳💰赚', '稳赚', '稳💰赚'],
    ['a variation selector inside the word', '零\uFE0F风\uFE0F险的基金', '零风险', '零\uFE0F风\uFE0F险'],
  ])('%s: %j', (_, text, word, excerpt) => {
    expect(normalize(text).text).toContain(word);
    expect(guarantee(text).map((f) => f.excerpt)).toContain(excerpt);
  });

  it('reads evaded superlatives and state endorsement too', () => {
    expect(ids(lint('这只基金收益全国第1！'))).toContain('superlative');
    expect(ids(lint('这只基金收益zui gao，没有之一'))).toContain('superlative');
    expect(ids(lint('这款理财有政腐兜底'))).toContain('regulator-endorsement');
    expect(ids(lint('理财产品 guo jia dui bei shu'))).toContain('regulator-endorsement');
    expect(ids(lint('2026年第1期反诈课堂圆满结束。'))).not.toContain('superlative');
  });

  it('reads Cyrillic look-alikes and full-width Latin as Latin', () => {
    expect(normalize('risk-frее').text).toBe('risk free');
    expect(normalize('zero-risk').text).toBe(normalize('zero risk').text);
    expect(ids(lint('ＲＩＳＫ－ＦＲＥＥ的基金'))).toContain('guarantee');
  });

  it('marks how each rewritten character was read', () => {
    const n = normalize('这款理财wenzhuan');
    expect(n.text).toBe('这款理财稳赚');
    expect([...n.via]).toEqual([0, 0, 0, 0, VIA_PINYIN, VIA_PINYIN]);
    // 稳 is read from "wen", 赚 from "zhuan"
    expect(n.source.slice(n.start[4]!, n.end[4]!)).toBe('wen');
    expect(n.source.slice(n.start[5]!, n.end[5]!)).toBe('zhuan');
    expect(normalize('温赚').via[0]).toBe(VIA_HOMOPHONE);
  });

  it.each([
    ['我刚对了一下账，水电费少了20元。'],
    ['国家对个人养老金有税收优惠。'],
    ['周末跑了10公里，jiayou！'],
    ['今天的早餐是 baozi 和豆浆。'],
    ['春\n眠\n不\n觉\n晓'],
    ['Good morning, have a nice day.'],
    ['避嫌起见，我不参加投票。'],
  ])('leaves ordinary text alone: %j', (text) => {
    expect(lint(text).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('leaves pinyin inside an email or web address alone', () => {
    expect(normalize('zhangbaoben@163.com').text).toBe('zhangbaoben@163.com');
    expect(normalize('www.wenzhuan.com').text).toBe('www.wenzhuan.com');
    expect(normalize('理财wen.zhuan').text).toBe('理财稳赚');
  });

  it('does not read ordinary words across a word boundary as homophones of a term', () => {
    for (const text of ['运行时测试通过了', '每位一份小礼品', '国家对养老有补贴', '扫码收款', '本溪的朋友', '这份工作最温暖的地方', '提问赢大奖', '本期预计年化收益率']) expect(normalize(text).text).toBe(text);
  });

  it('reads an emoji-style enclosed ideograph inside a word as decoration', () => {
    expect(normalize('保🉐本保🉐息').text).toBe('保本保息');
    expect(ids(lint('保㊗本理财'))).toContain('guarantee');
  });

  it('reads 🈚 🈶 🉑 as the word they show when confusables.yaml says so (本金🈚️忧 is 本金无忧)', () => {
    expect(normalize('本金🈚️忧，收益🈶️保障').text).toBe('本金无忧收益有保障');
    expect(ids(lint('这款理财本金🈚️忧。'))).toContain('guarantee');
    expect(ids(lint('周末🈚️休，网点照常营业！'))).toEqual([]);
  });

  it('keeps line breaks between ordinary lines as sentence ends', () => {
    const n = normalize('早安\n今天天气不错');
    expect(n.sentence[n.text.indexOf('今')]).toBe(1);
  });
});

describe('properties', () => {
  // (terms banned wherever they stand: 旱涝保收 is one only said of money or as a slogan, 老表说算是旱涝保收了 is not)
  const TERMS = ['稳赚不赔', '保本保息', '零风险', '刚性兑付', '本金无忧', '只赚不赔'];
  // ways to write one character of a term so that a reader still reads it
  const tricks = fc.constantFrom<(ch: string) => string>(
    (ch) => ch,
    (ch) => `${ch}\u200b`,
    (ch) => `${ch} `,
    (ch) => `${ch}·`,
    (ch) => `${ch}💰`,
    (ch) => `${ch}\uFE0F`,
    (ch) => toTraditional(ch),
    (ch) => `${toTraditional(ch)}\u2060`,
  );
  const layout = fc.constantFrom('inline', 'vertical');
  const filler = fc.constantFrom('', '今天', '好消息！', '各位街坊，', 'Hi，');

  it('a term written with any mix of tricks is found, and the finding quotes exactly the original characters', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TERMS), fc.array(tricks, { minLength: 8, maxLength: 8 }), layout, filler, filler, (term, ts, how, pre, post) => {
        const chars = [...term];
        let written: string;
        if (how === 'vertical') written = chars.join('\n');
        // every character but the last may carry an insertion after it; any may be traditional
        else written = chars.map((ch, i) => (i < chars.length - 1 ? ts[i]!(ch) : ts[i]!(ch).slice(0, 1))).join('');
        const prefix = how === 'vertical' ? `${pre}\n` : pre;
        const suffix = how === 'vertical' ? `\n${post}` : post;
        const text = `${prefix}${written}${suffix}`;
        const found = lint(text).filter((f) => f.ruleId === 'guarantee');
        expect(found.map((f) => f.excerpt)).toContain(written);
        const f = found.find((x) => x.excerpt === written)!;
        // line:column point at the written term in the original text
        const lines = text.split('\n');
        const offset = lines.slice(0, f.line - 1).reduce((n, l) => n + l.length + 1, 0) + f.column - 1;
        expect(text.slice(offset, offset + written.length)).toBe(written);
      }),
      { numRuns: 150 },
    );
  });

  it('every normalised character maps back to a non-empty, ordered range of the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'稳赚保本 wenzhuan亻呆0风险\n·💰\u200b\uFE0FＡ１①預期，。'.split('')), maxLength: 40 }), (s) => {
        const n = normalize(s);
        for (let i = 0; i < n.text.length; i++) {
          expect(n.start[i]!).toBeLessThan(n.end[i]!);
          expect(n.end[i]!).toBeLessThanOrEqual(s.length);
          if (i > 0) expect(n.start[i]!).toBeGreaterThanOrEqual(n.start[i - 1]!);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('large inputs', () => {
  it('lints a text with 150,000 findings without overflowing the stack, each finding on its own line', () => {
    const text = '保本\n'.repeat(150_000);
    const found = lintSpans([{ field: 'text', text, file: 'big.txt', start: { line: 1, column: 1 } }], CTX).filter((f) => f.ruleId === 'guarantee');
    expect(found).toHaveLength(150_000);
    expect(found[149_999]).toMatchObject({ line: 150_000, column: 1, endColumn: 3 });
  });
});
