// Verdicts on true/false statements (claims/verdict.ts): a false verdict names its statement, a true one makes it the
// writer's claim, what follows a verdict is the writer's own, and a word is a verdict only where it stands alone.
import { describe, expect, it } from 'vitest';
import { CTX, ids, lint } from './helpers.ts';

const BANK = { ...CTX, bankName: '同心银行' };
const WARNING = '理财非存款、产品有风险、投资须谨慎';
const flagged = (texts: string | string[], fields?: string[]) => ids(lint(texts, BANK, fields).filter((f) => f.severity !== 'info'));

describe('verdicts on true/false statements', () => {
  it('a statement given a false verdict is named, not claimed — after it, before it, on a later line, in an answer key', () => {
    expect(flagged(`两道判断题：\n大额存单属于存款，受存款保险保障。答案：√\n银行理财也受存款保险保障。答案：×\n${WARNING}`)).toEqual([]);
    expect(flagged(`「理财产品稳赚不赔」\n\n\n判断：错。\n${WARNING}`)).toEqual([]);
    expect(flagged(`小测验✍️\n（ 错 ）买理财就像存定期，到期连本带息。\n（ 错 ）银行理财有政府兜底。\n${WARNING}`)).toEqual([]);
    expect(flagged(`判断题（答案在最后）\n1. 银行理财产品保本保收益。\n2. 理财非存款。\n——\n答案：1. ×  2. √\n${WARNING}`)).toEqual([]);
    expect(flagged(['理财判断题', '① 银行理财产品都有风险（  ）\n② 同心悦享90天到期一定不会亏本（  ）', '答案：① √  ② ×', WARNING], ['title', 'body', 'footer', 'caption'])).toEqual([]);
    // (a warning given a false verdict is a claim: busted as a rumour, it says the product cannot lose)
    expect(flagged(`说同心月月享会亏本？谣言！\n${WARNING}`)).toContain('guarantee');
  });

  it('a statement given a true verdict is the writer’s claim, in a quiz too', () => {
    expect(flagged(`真假辨析：存款保险保50万元以内的存款？\n✅ 真的。同一存款人在同一家银行的存款本息合并计算，最高偿付50万元。\n${WARNING}`)).toEqual([]);
    expect(flagged(`基金真假辨析：指数基金只要拿满三年一定赚？\n✅ 真的，放心买。\n基金有风险，投资须谨慎。基金过往业绩不代表其未来表现。`)).toContain('guarantee');
    expect(flagged(['理财判断题', '① 理财产品都有风险（  ）\n② 同心悦享90天到期不会亏本（  ）', '答案：① ×  ② √', WARNING], ['title', 'body', 'footer', 'caption'])).toContain('guarantee');
  });

  it('what the writer says after a verdict is read as the writer’s own words', () => {
    expect(flagged(`判断题：理财产品排名第一就一定适合我？\n✗ 错。排名说明不了它适不适合你，期限和风险等级要和自己的情况对上。\n${WARNING}`)).toEqual([]);
    expect(flagged(`真假辨析：理财和存款是两回事？\n❌ 误区！同心月月享其实就跟存定期一个样，到期连本带息一起取。\n${WARNING}`)).toContain('deposit-confusion');
    expect(flagged(`判断：没有哪只理财能说是最好的？\n✗ 错！同心悦享就是我们全行卖得最好、收益最高的一只。\n${WARNING}`)).toContain('superlative');
  });

  it('a verdict word is a verdict only where it stands alone: 假期, 错过, 真心 are words', () => {
    expect(flagged(`同心月月享稳赚不赔，假期也照样计息。\n${WARNING}`)).toContain('guarantee');
    expect(flagged(`同心月月享稳赚不赔，真心推荐。\n${WARNING}`)).toContain('guarantee');
    expect(flagged(`同心月月享稳赚不赔，错过就没了。\n${WARNING}`)).toContain('guarantee');
    // (and no statement is named without a verdict)
    expect(flagged(`判断题：同心月月享稳赚不赔。\n${WARNING}`)).toContain('guarantee');
  });
});
