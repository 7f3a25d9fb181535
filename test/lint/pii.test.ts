import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idCheckDigit, luhn, scan, validId15, validId18 } from '../../pipeline/lint/detectors/numbers.ts';
import { applyFixes, lintSpans } from '../../pipeline/lint/index.ts';
import { CTX, lint, ids } from './helpers.ts';

const pii = (text: string) => lint(text).filter((f) => f.ruleId.startsWith('pii-'));

describe('resident ID validator', () => {
  it('computes the MOD 11-2 check character', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X');
    expect(idCheckDigit('33010619900307451')).toBe('7');
  });
  it('accepts valid 18-digit IDs and rejects a wrong check digit, region or date', () => {
    expect(validId18('11010519491231002X')).toBe(true);
    expect(validId18('110105194912310029')).toBe(false);
    expect(validId18('990105194912310020')).toBe(false);
    expect(validId18('110105194902300020')).toBe(false);
  });
  it('accepts 15-digit legacy IDs by region and date', () => {
    expect(validId15('110105491231002')).toBe(true);
    expect(validId15('110105491331002')).toBe(false);
  });
});

describe('card validator', () => {
  it('runs the Luhn check', () => {
    expect(luhn('4111111111111111')).toBe(true);
    expect(luhn('6222021234567890128')).toBe(true);
    expect(luhn('6222021234567890123')).toBe(false);
  });
  it('takes a Luhn-valid 62 number for a UnionPay card', () => {
    expect(scan('6222 0212 3456 7890 128')).toMatchObject([{ kind: 'card', why: 'luhn' }]);
    // 16 digits that pass no card check are only a candidate: a card next to its label, nothing elsewhere
    expect(scan('1234567812345678')).toMatchObject([{ kind: 'card-suspect' }]);
    expect(ids(pii('会员编号1234567812345678'))).toEqual([]);
    expect(ids(pii('客户信用卡号 1234 5678 1234 5678'))).toEqual(['pii-card']);
  });
});

describe('mobile numbers in any form', () => {
  for (const text of ['13800138000', '138-0013-8000', '138 0013 8000', '+86 138 0013 8000', '(+86)13800138000', '１３８００１３８０００', '幺三八零零一三八零零零', '一三八 零零一三 八零零零', '1\u200b3\u200b8\u200b0\u200b0\u200b1\u200b3\u200b8\u200b0\u200b0\u200b0']) {
    it(`catches ${JSON.stringify(text)}`, () => {
      expect(ids(pii(`电话${text}`))).toEqual(['pii-phone']);
      expect(pii(`电话${text}`)[0]!.excerpt).toMatch(/138\*\*\*\*8000$/);
    });
  }
  it('finds two numbers in a list', () => {
    expect(pii('13800138000 13900139000')).toHaveLength(2);
  });
});

describe('context: what is not a client detail', () => {
  it('passes the branch phone and the hotline', () => {
    expect(pii('咨询电话 0571-8765 4321 / 95528')).toEqual([]);
  });
  it('passes a branch mobile listed as public', () => {
    expect(lint('值班手机 13800138000', { personaNames: [], allowedPhones: ['138-0013-8000'], hotlines: [] })).toEqual([]);
  });
  it('passes masked forms', () => {
    for (const t of ['138****5678', '6222 **** **** 1234', '110105********002X', '客户张*', '张**女士', '客户张某', '张女士', '李先生', '张阿姨', '李姐']) expect(pii(t), t).toEqual([]);
  });
  it("passes the persona's own name", () => {
    expect(pii('周建国先生今天跑了十公里')).toEqual([]);
    expect(ids(pii('王建国先生今天跑了十公里'))).toEqual(['pii-person']);
  });
  it('passes surname + honorific after another name-like character', () => {
    expect(pii('感谢张阿姨的信任')).toEqual([]);
    expect(pii('我和张阿姨聊了一上午')).toEqual([]);
  });
});

describe('PII findings', () => {
  it('are errors that cannot be waived, with the excerpt and message masked', () => {
    const fs = pii('客户王建华，手机13800138000，身份证11010519491231002X');
    expect(ids(fs).sort()).toEqual(['pii-id', 'pii-person', 'pii-phone']);
    for (const f of fs) {
      expect(f.severity).toBe('error');
      expect(f.waivable).toBe(false);
      expect(f.message).not.toMatch(/13800138000|11010519491231002X|王建华/);
      expect(f.suggestion ?? '').not.toMatch(/13800138000|11010519491231002X|王建华/);
      expect(f.excerpt).toContain('*');
    }
  });
  it('say in Chinese what was found, quoting only the masked form, and why it cannot be published', () => {
    const byRule = Object.fromEntries(pii('客户王建华，手机13800138000，卡号6222021234567890128').map((f) => [f.ruleId, f.message]));
    expect(byRule['pii-phone']).toBe('出现客户手机号「138****8000」：客户电话属于个人信息，不得公开发布');
    expect(byRule['pii-card']).toBe('出现银行卡号「622202*********0128」（符合卡号校验规则）：客户金融账户属于敏感个人信息，不得公开发布');
    expect(byRule['pii-person']).toMatch(/^出现客户姓名「王\*」（紧邻“客户”）：/);
  });
  it('carry the masked replacement for --fix', () => {
    const [f] = pii('卡号6222021234567890128');
    expect(f!.fix).toEqual({ from: 2, to: 21, text: '622202*********0128' });
  });
});

describe('client details in everyday formats', () => {
  it.each([
    ['pii-phone', '电话①③⑧⓪⓪①③⑧⓪⓪⓪', '138****8000'],
    ['pii-phone', '1️⃣3️⃣8️⃣0️⃣0️⃣1️⃣3️⃣8️⃣0️⃣0️⃣0️⃣', '138****8000'],
    ['pii-phone', '李女士手机 186🌟5710🌟2233', '186****2233'],
    ['pii-phone', '手机号前3位138，中间4位0013，后4位8000', '138****8000'],
    ['pii-phone', '号码开头是137，中间是0571，尾号是8899', '137****8899'],
    ['pii-phone', '手机号码：138，后面是0013，最后是8000', '138****8000'],
    ['pii-id', '身份证号码前六位是330106，出生日期19900307，后四位4517', '330106********4517'],
    ['pii-phone', '幺五九，零五七一，二二三三', '159****2233'],
    ['pii-phone', '陈叔的号码 ❶❸❽❺❼❶❷❸❹❺❻', '138****3456'],
    ['pii-id', '身份证11010519491231002×', '110105********002X'],
    ['pii-id', '身份证：110105 19491231\n002X', '110105********002X'],
    ['pii-id', '证件号前6位110105，中间8位19491231，后4位002X', '110105********002X'],
    ['pii-card', '工行老卡 9558801234567890123', '955880*********0123'],
    ['pii-card', '中行长城卡 6013 8212 3456 7890', '601382******7890'],
    ['pii-card', '卡号6222 0212\n3456 7890 128', '622202*********0128'],
    ['pii-email', '邮箱 lijianjun(at)163.com', 'l***@163.com'],
    ['pii-email', '发到 wang.xiuying[at]qq.com', 'w***@qq.com'],
    ['pii-email', '客户邮箱：chenlei＠126。com', 'c***@126.com'],
    ['pii-email', 'zhaomin1990 at gmail dot com', 'z***@gmail.com'],
    ['pii-plate', '客户的车浙A 8K2B7停在门口', '浙A ****7'],
    ['pii-plate', '提车照，粤b12345，恭喜', '粤B****5'],
    ['pii-passport', '护照号码：ea1234567', 'EA*****67'],
    ['pii-passport', '港澳通行证 C12345678', 'C1*****78'],
    ['pii-address', '张阿姨家在金色家园3栋2单元501', '金色家园*栋*单元***'],
    ['pii-address', '礼品寄到王家村3组12号', '王家村*组**号'],
    ['pii-address', '客户住址：阳光小区5-3-602', '阳光小区*-*-***'],
    ['pii-person', '今天由孙志刚老师主讲', '孙*'],
    ['pii-person', '恭喜赵德胜总签约成功', '赵*'],
    ['pii-person', '客户姓名：马丽娟', '马*'],
    ['pii-person', '投保人：欧阳志远', '欧阳*'],
    ['pii-person', 'Congratulations to Liu Fang!', 'Liu *'],
  ])('%s in %j', (rule, text, excerpt) => {
    const found = pii(text).filter((f) => f.ruleId === rule);
    expect(found.map((f) => f.excerpt)).toContain(excerpt);
  });

  it('finds every name of a winners list, masked', () => {
    const found = pii('本期中奖名单：刘德明、何秀兰、吴志军，请到网点领奖。');
    expect(found.map((f) => f.excerpt)).toEqual(['刘*', '何*', '吴*']);
    expect(pii('中奖名单：王建国 李秀英 张伟')).toHaveLength(3);
  });

  it('warns (not errors) on an ID-shaped number with a wrong check digit next to 身份证', () => {
    const [f] = pii('身份证号码是 440304198808081234');
    expect(f).toMatchObject({ ruleId: 'pii-id', severity: 'warning', waivable: false, excerpt: '440304********1234' });
    expect(f!.message).toContain('校验位不符');
    expect(pii('产品代码 440304198808081234')).toEqual([]);
    // the label ending the line before the number, the number in groups
    expect(pii('感谢这位客户的信任，他的身份证号是\n350102 1978 0512 3016，资料已经替他录好了。')).toMatchObject([{ ruleId: 'pii-id', severity: 'warning', excerpt: '350102********3016' }]);
    expect(pii('顺丰运单号：\nSF1402837465921')).toEqual([]);
  });
});

describe('whose detail is it', () => {
  it.each([
    ['客服热线95566，网点电话0571-8765 4321'],
    ['意见建议请发送至 service@bank-of-example.com'],
    ['简历投递：hr(at)hzbank.com.cn'],
    ['快递运单号 SF1402658876213 已发出'],
    ['运单号 13800138000123 请查收'],
    ['订单号 202611240001358，已完成支付'],
    ['爱心捐款对公账户：某某慈善基金会，账号 6222021234567890128'],
    ['活动码 4111111111111111，凭码兑换'],
    ['本周六支行三楼会议室301举办讲座'],
    ['活动地点：市民中心5号楼201报告厅'],
    ['网点地址：解放路88号国贸大厦2座1501室'],
    ['鲁迅先生说：时间就像海绵里的水'],
    ['致敬袁隆平院士'],
    ['著名经济学家林毅夫先生的讲座'],
    ['张女士、李先生、王总、李姐、张阿姨都来了'],
    ['中奖名单：王*国、李*英、张某某'],
    ['张伟总是第一个到网点'],
    ['沪深300和中证500今天都涨了'],
    ['航班号 CA1234 准时起飞'],
    ['2026-11-24 9:30，阳光小区门口集合'],
    ['1\n2\n3\n4\n5\n6\n7\n8\n9\n1\n1\n1\n1\n1\n1\n1\n1\n1'],
  ])('passes %j', (text) => {
    expect(pii(text)).toEqual([]);
  });
});

describe('masking never leaves the raw number', () => {
  const digit = fc.integer({ min: 0, max: 9 }).map(String);
  const sep = fc.constantFrom('', ' ', '-', '\u200b', '🌟', '\n');
  const phone = fc.tuple(fc.constantFrom('13', '15', '17', '18', '19'), fc.array(digit, { minLength: 9, maxLength: 9 })).map(([p, d]) => p + d.join(''));

  it('a phone in any grouping is reported with only its first 3 and last 4 digits', () => {
    fc.assert(
      fc.property(phone, sep, sep, (d, s1, s2) => {
        const text = `客户电话 ${d.slice(0, 3)}${s1}${d.slice(3, 7)}${s2}${d.slice(7)}，请回电`;
        const found = pii(text).filter((f) => f.ruleId === 'pii-phone');
        expect(found).toHaveLength(1);
        const f = found[0]!;
        for (const shown of [f.excerpt, f.message, f.suggestion ?? '', f.fix!.text]) {
          expect(shown).not.toMatch(/\d{5}/);
          expect(shown.replace(/\D/g, '')).not.toContain(d);
        }
        expect(f.excerpt).toBe(`${d.slice(0, 3)}****${d.slice(7)}`);
      }),
      { numRuns: 200 },
    );
  });

  it('an ID in any grouping is reported with its middle masked', () => {
    const id17 = fc.tuple(fc.constantFrom('110105', '330106', '440304', '510104'), fc.integer({ min: 1950, max: 2005 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.array(digit, { minLength: 3, maxLength: 3 }));
    fc.assert(
      fc.property(id17, sep, sep, ([region, y, m, d, seq], s1, s2) => {
        const first = `${region}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq.join('')}`;
        const id = first + idCheckDigit(first);
        const found = pii(`身份证 ${id.slice(0, 6)}${s1}${id.slice(6, 14)}${s2}${id.slice(14)}`).filter((f) => f.ruleId === 'pii-id');
        expect(found).toHaveLength(1);
        expect(found[0]!.excerpt).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
        expect(found[0]!.message).not.toContain(id.slice(6, 14));
      }),
      { numRuns: 100 },
    );
  });

  it('a card of any domestic BIN is reported as first 6 + last 4', () => {
    const card = fc.tuple(fc.constantFrom('622202', '621700', '622848', '601382', '955880', '436742'), fc.array(digit, { minLength: 9, maxLength: 9 })).map(([bin, rest]) => {
      const body = bin + rest.join('');
      for (let c = 0; c < 10; c++) if (luhn(body + c)) return body + c;
      throw new Error('no Luhn digit');
    });
    fc.assert(
      fc.property(card, sep, (n, s1) => {
        const found = pii(`卡号 ${n.slice(0, 8)}${s1}${n.slice(8)}`).filter((f) => f.ruleId === 'pii-card');
        expect(found).toHaveLength(1);
        expect(found[0]!.excerpt).toBe(`${n.slice(0, 6)}******${n.slice(-4)}`);
        expect(found[0]!.fix!.text).not.toMatch(/\d{7}/);
      }),
      { numRuns: 100 },
    );
  });
});

describe('--fix masks client details in place', () => {
  it('leaves no client detail behind, whatever its format', () => {
    const source = [
      '客户王建国先生，手机①③⑧⓪⓪①③⑧⓪⓪⓪，',
      '身份证 110105 19491231 002×，卡号 9558 8012 3456 7890 123，',
      '邮箱 wangjg(at)qq.com，车牌 浙a 12345，住阳光小区3栋2单元501。',
    ].join('\n');
    const spans = [{ field: 'text', text: source, file: 'a.txt', start: { line: 1, column: 1 } }];
    const { text, applied } = applyFixes(source, spans, lintSpans(spans, CTX));
    expect(applied.length).toBeGreaterThanOrEqual(7);
    for (const raw of ['⓪①③⑧', '19491231', '8012 3456', 'wangjg', '王建国', '12345', '3栋2单元501']) expect(text).not.toContain(raw);
    const again = lintSpans([{ ...spans[0]!, text }], CTX).filter((f) => f.ruleId.startsWith('pii-'));
    expect(again).toEqual([]);
  });

  it('keeps the text around each masked detail', () => {
    const fc2 = fc.constantFrom('客户电话', '联系我：', 'Tel ', '号码是');
    fc.assert(
      fc.property(fc2, fc.constantFrom('', '，谢谢', '（王姐）'), (pre, post) => {
        const source = `${pre}13957126638${post}`;
        const spans = [{ field: 'text', text: source, file: 'a.txt', start: { line: 1, column: 1 } }];
        const { text } = applyFixes(source, spans, lintSpans(spans, CTX));
        expect(text).toBe(`${pre}139****6638${post}`);
      }),
      { numRuns: 20 },
    );
  });
});

describe('a number split between two texts of one asset', () => {
  // a headline over a subtitle is read as one picture: the number is the client's either way
  const spans = [
    { field: 'image:headline', text: '客户電話１３８', file: 'w/a.md' },
    { field: 'image:subtitle', text: '0013 8000 请回电', file: 'w/a.md' },
  ];
  it('is found in both texts, each part masked as its share of the whole', () => {
    const found = lintSpans(spans, CTX).filter((f) => f.ruleId === 'pii-phone');
    expect(found.map((f) => [f.field, f.excerpt, f.fix?.text])).toEqual([
      ['image:headline', '138****8000', '１３８'],
      ['image:subtitle', '138****8000', '**** 8000'],
    ]);
    expect(found.every((f) => f.severity === 'error' && !f.waivable)).toBe(true);
  });
  it('an ID too, with its X', () => {
    const found = lintSpans([{ field: 'title', text: '身份证号110105', file: 'x' }, { field: 'body', text: '19491231002X，请核对', file: 'x' }], CTX);
    expect(found.filter((f) => f.ruleId === 'pii-id').map((f) => `${f.field}:${f.fix?.text}`).sort()).toEqual(['body:********002X', 'title:110105']);
  });
  it('masks every digit of a part however it is written (一三八0 ‖ 0138000)', () => {
    const found = lintSpans([{ field: 'title', text: '客户电话一三八0', file: 'x' }, { field: 'body', text: '0138000', file: 'x' }], CTX).filter((f) => f.ruleId === 'pii-phone');
    expect(found.map((f) => `${f.field}:${f.fix?.text}`).sort()).toEqual(['body:***8000', 'title:一三八*']);
  });
  it('but two short numbers that end and start two texts are not one (第2026 ‖ 1208期)', () => {
    expect(lintSpans([{ field: 'title', text: '第2026', file: 'x' }, { field: 'body', text: '1208期活动，咨询0571-8765 4321', file: 'x' }], CTX).filter((f) => f.ruleId.startsWith('pii-'))).toEqual([]);
  });
});

describe('a name split from its honorific or label between two texts of one asset', () => {
  const two = (a: string, b: string) => lintSpans([{ field: 'image:headline', text: a, file: 'x' }, { field: 'image:subtitle', text: b, file: 'x' }], CTX).filter((f) => f.ruleId === 'pii-person');
  it('is the client\'s full name either way round', () => {
    expect(two('感谢王建华', '先生的锦旗').map((f) => [f.field, f.excerpt])).toEqual([['image:headline', '王*']]);
    expect(two('客户姓名：', '王建华').map((f) => [f.field, f.excerpt])).toEqual([['image:subtitle', '王*']]);
  });
  it('but a persona, a surname alone or a heading over a greeting is nobody\'s', () => {
    expect(two('周建国', '行长祝大家周末愉快')).toEqual([]);
    expect(two('张', '先生')).toEqual([]);
    expect(two('理财小课堂', '先生们女士们，早上好')).toEqual([]);
    expect(two('客户', '周末来网点')).toEqual([]);
  });
});

describe('two texts of the sample story card', () => {
  it('a heading ending in a word that starts with a surname over a line starting with 客户 is no name (暖心周刊 ‖ 客户信息均已脱敏处理)', () => {
    expect(lintSpans([{ field: 'image:text', text: '周五 · 暖心周刊', file: 'x' }, { field: 'image:text', text: '客户信息均已脱敏处理', file: 'x' }], CTX).filter((f) => f.ruleId.startsWith('pii-'))).toEqual([]);
  });
});
