import { describe, expect, it } from 'vitest';
import { CTX, ids, lint } from './helpers.ts';
import { lintCase } from '../../pipeline/tools/eval-lint.ts';

// A product named by the bank's brand (同心银行 → 同心月月享, 同心添利90天) is one of the bank's products:
// the sentence that names it is about a product, so what is said of it there is judged as product talk.
describe('products named by the bank brand', () => {
  const bank = { ...CTX, bankName: '同心银行' };
  const post = '好多退休嘅街坊问我，有冇啲安安稳稳嘅嘢？\n有！同心月月享，好安全㗎，低风险，啱晒你哋。\n理财非存款、产品有风险、投资须谨慎';

  it('reads a brand-named product as a product, in Cantonese too', () => {
    expect(ids(lint(post, bank))).toContain('safety-words');
    expect(ids(lint('同心添利90天，收益稳稳的。理财非存款、产品有风险、投资须谨慎', bank))).toContain('guarantee');
  });

  it('names the product by any of the series forms a bank uses, and testimonials of it are caught', () => {
    // (季开1号, 半年持有, 悦年年: the name ends in an issue number, a holding period or a repeated time word)
    expect(ids(lint('客户王总说：同心悦年年我买了三回，回回满意，回回续。\n理财非存款、产品有风险、投资须谨慎', bank))).toContain('endorsement');
    expect(ids(lint('我们网点好几个同事都买了同心半年持有。理财非存款、产品有风险、投资须谨慎', bank))).toContain('endorsement');
    expect(ids(lint('同心季开1号，收益稳稳的。理财非存款、产品有风险、投资须谨慎', bank))).toContain('guarantee');
    expect(ids(lint('我们网点好几个同事都买了同心半年持有。理财非存款、产品有风险、投资须谨慎', CTX))).not.toContain('endorsement');
  });

  it('is what a claim is said of, though a deposit was named a clause before', () => {
    // (定期 is the news, 同心季季享 the product the principal is promised for)
    expect(ids(lint('定期利率降了，闲钱别躺着👉 同心季季享，bǎoběn wěnshōu，闭眼入就行。\n理财非存款、产品有风险、投资须谨慎', bank))).toContain('guarantee');
    expect(ids(lint('定期利率降了，同心季季享保本。理财非存款、产品有风险、投资须谨慎', bank))).toContain('guarantee');
    // (a deposit of the bank's own named by its brand keeps its principal by law)
    expect(ids(lint('同心定期存款，保本保息。本行已参加存款保险', bank))).toEqual([]);
  });

  it('needs the bank: without its name the same words name nothing', () => {
    expect(ids(lint(post, CTX))).not.toContain('safety-words');
  });

  it('is not the bank, a branch, a company or an idiom', () => {
    for (const text of ['大家同心协力，网点很安全。', '同心银行西湖支行很安全。', '同心圆的圆心很安全。']) expect(ids(lint(text, bank)), text).toEqual([]);
  });
});

// A product the bank's policy lists as its own (content/policy.yaml: 金钥匙安盈) is named, not explained: a post
// that names one is about it, though it opens like a lesson (…怎么办).
describe("products named in the bank's policy", () => {
  const forecast = '最近好多叔叔阿姨问我存款利率又降了怎么办😂\n按现在的利率走势，金钥匙安盈持有满一年，正收益的可能性很大。\n理财非存款、产品有风险、投资须谨慎';

  it('keeps a forecast about the named product in a post that opens like a lesson', () => {
    expect(lintCase({ text: forecast, expect: [] } as never).map((f) => f.ruleId)).toContain('expected-yield');
  });

  it('reads the same words about an unnamed kind as a lesson', () => {
    const kind = forecast.replace('金钥匙安盈持有满一年', '理财持有满一年');
    expect(lintCase({ text: kind, expect: [] } as never).map((f) => f.ruleId)).not.toContain('expected-yield');
  });
});
