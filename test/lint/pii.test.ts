import { describe, expect, it } from 'vitest';
import { idCheckDigit, luhn, scan, validId15, validId18 } from '../../pipeline/lint/detectors/numbers.ts';
import { lint, ids } from './helpers.ts';

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
    expect(scan('1234567812345678')).toEqual([]);
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
