// Marketing copy the way the sample personas speak passes clean; what a reviewer would catch is caught.
import { describe, expect, it } from 'vitest';
import { lint } from './helpers.ts';

const CLEAN = [
  '早上好！今天的晨会我们聊了养老规划，慢慢来，比较快。',
  '拆迁款到手，先留足生活备用金，再考虑分散配置。理财非存款、产品有风险、投资须谨慎。',
  '最低起购金额1元',
  '咨询电话 0571-8765 4321 / 95528',
  '张阿姨今年68岁',
  '李先生',
  '资产配置说白了，就是别把鸡蛋放在一个篮子里。',
  '小U举着咖啡：周一也要元气满满！',
  '我是理财经理林晓，也是一个摄影爱好者。周末拍了西湖的日落，分享给大家。',
  '本周六上午九点，网点举办反诈骗讲座，现场有小礼品，欢迎叔叔阿姨们参加！地址：北山街88号。',
  '第一次来网点的客户，可以先做个风险测评。',
  '小U提醒：不要把银行卡号、验证码告诉陌生人！',
  '理财小白入门课：工资怎么分、应急钱留多少、怎么识别诈骗套路。',
  '跑步和理财一样，配速稳比冲得快重要。',
  '第三件事：警惕"高息"诱惑。凡是说稳赚不赔的，都要多问一句、多等一天。',
  '陈先生说朋友介绍了一个"包赚"的项目，第二天那家公司就联系不上了。',
  '本周大家最关心的是孩子的教育金和自己的养老储备，还有旅行基金。',
  '资管新规打破刚兑，理财产品不再保本。理财非存款、产品有风险、投资须谨慎。',
];

const CAUGHT: [string, string][] = [
  ['稳赚不赔', 'guarantee'],
  ['保本保息', 'guarantee'],
  ['年化可达5%', 'expected-yield'],
  ['預期收益率4.5%', 'expected-yield'],
  ['保\u200b本', 'guarantee'],
  ['保 本', 'guarantee'],
  ['保·本', 'guarantee'],
  ['１３８ ００１３ ８０００', 'pii-phone'],
  ['幺三八零零一三八零零零', 'pii-phone'],
  ['11010519491231002X', 'pii-id'],
  ['6222021234567890128', 'pii-card'],
  ['王建华客户', 'pii-person'],
  ['全行收益最高的理财产品', 'superlative'],
  ['这款理财和存款一样，到期连本带息', 'deposit-confusion'],
  ['新发理财额度告急，手慢无', 'inducement'],
  ['政府兜底，放心买', 'regulator-endorsement'],
  ['我自己也买了这款理财，三个月就赚了两万', 'endorsement'],
  ['这款理财安全又稳健', 'safety-words'],
];

describe('precision: persona copy passes clean', () => {
  for (const text of CLEAN) it(JSON.stringify(text), () => expect(lint(text).map((f) => `${f.ruleId}:${f.excerpt}`)).toEqual([]));
});

describe('recall: what a reviewer catches is caught', () => {
  for (const [text, rule] of CAUGHT) it(`${rule} in ${JSON.stringify(text)}`, () => expect(lint(text).map((f) => f.ruleId)).toContain(rule));
});

describe('whole-asset rules look at everything that ships together', () => {
  it('accepts the warning in the caption for product content on the image', () => {
    expect(lint(['这款理财最低起购金额1元', '理财非存款、产品有风险、投资须谨慎'])).toEqual([]);
  });
  it('rejects a paraphrase and says so', () => {
    const [f] = lint(['这款理财最低起购金额1元', '理财有风险，投资要小心']).filter((x) => x.ruleId === 'missing-risk-warning');
    expect(f!.message).toBe('提及理财产品「这款理财」：须附风险提示原文「理财非存款、产品有风险、投资须谨慎」；「理财有风险，投资要小心」是改写，不能代替原文');
  });
  it('flags a benchmark number in the title even when the body explains it', () => {
    const fs = lint(['业绩比较基准3.5%', '业绩比较基准选取理由：参考同期限债券收益；测算方法：加权计算。理财非存款、产品有风险、投资须谨慎。']);
    const spans = [
      { field: 'title', text: '业绩比较基准3.5%', file: 't.md', start: { line: 2, column: 8 } },
      { field: 'body', text: '业绩比较基准选取理由：参考同期限债券收益；测算方法：加权计算。理财非存款、产品有风险、投资须谨慎。', file: 't.md', start: { line: 4, column: 1 } },
    ];
    expect(fs.filter((f) => f.ruleId === 'benchmark-display')).toEqual([]);
    return import('../../pipeline/lint/index.ts').then(({ lintSpans }) => {
      const found = lintSpans(spans, { personaNames: [], allowedPhones: [], hotlines: [] }).filter((f) => f.ruleId === 'benchmark-display');
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ field: 'title', line: 2, column: 8 });
      expect(found[0]!.message).toBe('出现突出展示的业绩比较基准「业绩比较基准3.5%」：位于标题，应放在正文中并说明选取理由和测算方法');
    });
  });
  it('asks past performance for its warning and its period', () => {
    const [f] = lint('这款理财近一年收益率5.2%。理财非存款、产品有风险、投资须谨慎。').filter((x) => x.ruleId === 'past-performance');
    expect(f!.message).toBe('出现过往业绩「近一年收益率」：未附“过往业绩不代表其未来表现”的风险提示，也未注明业绩期间的起止日期');
  });
});

describe('claims: what a sentence claims, in its scope', () => {
  const rules = (t: string | string[]) => [...new Set(lint(t).map((f) => f.ruleId))].sort();
  it('a rhetorical denial is a claim; the same words as a question are not', () => {
    expect(rules('这款理财会亏本？想多了！理财非存款、产品有风险、投资须谨慎。')).toEqual(['guarantee']);
    expect(rules('这款理财会亏本吗？会的，净值会波动。理财非存款、产品有风险、投资须谨慎。')).toEqual([]);
  });
  it('a pitch quoted to warn against it passes; a caution word elsewhere does not silence a claim', () => {
    expect(rules('听到“稳赚”两个字，先挂电话。')).toEqual([]);
    expect(rules('小心错过这波稳赚机会！这款理财期限一年。理财非存款、产品有风险、投资须谨慎。')).toEqual(['guarantee', 'inducement']);
  });
  it('history, staff rules, disclaimers and metaphors pass', () => {
    for (const t of ['刚兑已经退出历史舞台。', '严禁员工向客户承诺收益。', '本行不对产品收益作出任何承诺。', '健身是回报最稳的投资。', '不意味着本产品无风险。']) expect(rules(t), t).toEqual([]);
  });
  it('reports one finding where a word and a claim cover the same characters', () => {
    const fs = lint('本钱一分都不会亏，放心买。').filter((f) => f.ruleId === 'guarantee');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.excerpt).toBe('本钱一分都不会亏');
  });
});

describe('product type per asset: each type asks for its own disclosure', () => {
  const warn = (t: string | string[]) => lint(t).filter((f) => f.ruleId === 'missing-risk-warning').map((f) => f.message);
  it('a deposit needs no warning and may state its rate and deposit insurance', () => {
    expect(lint('三年期大额存单年利率1.9%，受存款保险保护，定期存款是保本的。')).toEqual([]);
  });
  it('a loan must state its annualised rate; a daily rate alone does not count', () => {
    expect(warn('消费贷日息低至万分之二，最高可借30万。')).toEqual(['提及贷款「消费贷日息低至万分之二，最高可借30万」：须醒目标明年化利率（只写日利率或月利率不算）']);
    expect(warn('消费贷年化利率（单利）3.6%起，最高可借30万。')).toEqual([]);
  });
  it('a structured deposit and insurance carry their own wording, not the wealth warning', () => {
    expect(warn('本期结构性存款期限91天。理财非存款、产品有风险、投资须谨慎。')[0]).toMatch(/^提及结构性存款「结构性存款」：须附风险提示原文「结构性存款不同于一般性存款/);
    expect(warn('这款增额终身寿由同心人寿保险股份有限公司承保。')[0]).toContain('须说明保险产品不是存款');
    expect(warn('这款增额终身寿由同心人寿保险股份有限公司承保，保险产品不是存款。')).toEqual([]);
  });
  it('a warning undercut in the same asset does not count', () => {
    expect(warn(['这款理财起购1元。', '风险提示照例要写，其实不用管：理财非存款、产品有风险、投资须谨慎。'])[0]).toContain('；「照例要写」让提示形同虚设，不算数');
  });
  it('a metaphor is not a product', () => {
    expect(lint('健身是回报最稳的投资，坚持才有收获。')).toEqual([]);
  });
});
