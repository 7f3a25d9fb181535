// Whole-asset rules: they look at every text that ships together (image strings + caption, or a
// brief's fields + body) and report on a representative span — the first place the asset shows
// what needs the missing part.
import { z } from 'zod';
import { normalizeTerm, simpleSource } from '../normalize.ts';
import { REQUIRED_WARNINGS } from '../warnings.ts';
import { analysesOf, markedWrong, named, quotationEnd, quotationStart, quoteMask } from '../claims/analyze.ts';
import type { ProductType } from '../claims/concepts.ts';
import { classifyAsset, isProductAsset, offersSomething } from '../claims/product.ts';
import { regexSchema as regex, ruleData } from '../schema.ts';
import { cannotMatch } from '../prefilter.ts';
import { orig, regexHits, sentenceBefore, type Detect, type Detector, type DetectorHit, type SpanView } from './types.ts';


/** whether `re` matches in any of the views' normalised text */
const hasAny = (views: SpanView[], re: RegExp, textOf = (v: SpanView) => v.norm.text) =>
  views.some((v) => {
    const text = textOf(v);
    re.lastIndex = 0;
    return !cannotMatch(re, text) && re.test(text);
  });
/** the same over the source as written, traditional read as simplified: what explains a benchmark is read inside its own
 * sentence, and the normalised text has no sentence marks (…审慎确定。茶馆的余钱可以考虑配置一部分 names no assets) */
const saysAny = (views: SpanView[], re: RegExp) => hasAny(views, re, (v) => simpleSource(v.norm));
// (a warning may run on from one text into the next: 理财非存款、产品有风险、 ‖ 投资须谨慎)
const contains = (views: SpanView[], phrase: string) => views.some((v) => v.norm.text.includes(phrase)) || (views.length > 1 && views.map((v) => trimMarks(v.norm.text)).join('').includes(phrase));
/** `text` without the marks it ends on (理财非存款产品有风险、 → …风险) */
function trimMarks(text: string): string {
  let e = text.length;
  while (e > 0 && '、，,；;：: \t\n'.includes(text[e - 1]!)) e--;
  return text.slice(0, e);
}

const hit = (view: SpanView, from: number, to: number, data: Record<string, string>): DetectorHit => {
  const [a, b] = orig(view, from, to);
  return { view: view.index, from: a, to: b, data };
};

/** What each product type must carry, in the reviewers' words (COMPLIANCE.md, "Required risk warnings"). */
const KIND: Record<ProductType, string> = { wealth: '理财产品', fund: '基金', structured: '结构性存款', insurance: '保险产品', deposit: '存款', loan: '贷款' };

export const missingRiskWarning: Detector = {
  id: 'missing-risk-warning',
  pii: false,
  create(rule): Detect {
    const d = ruleData(
      rule,
      z.strictObject({ fundStatement: regex, paraphrase: regex, structured: regex, insurer: regex, notDeposit: regex, loanRate: regex, loanRateBasis: regex, loanOtherCost: regex }),
    );
    const wealthWarning = normalizeTerm(REQUIRED_WARNINGS.wealth);
    const fundRisk = normalizeTerm(REQUIRED_WARNINGS.fund.split('。')[0]!);
    return (views) => {
      // the engine classified these views with the active rule set's concepts (a policy's product
      // names included) before any detector runs; this call returns that cached result
      const { types, evidence } = classifyAsset(views);
      if (!types.size) return [];
      const hits: DetectorHit[] = [];
      // a warning undercut in the same asset (风险提示照例要写，其实不用管) does not count
      let undercut = '';
      for (const a of analysesOf.get(views) ?? []) {
        if (a.undercut) {
          undercut = `；「${a.view.span.text.slice(...orig(a.view, a.undercut.from, a.undercut.to))}」让提示形同虚设，不算数`;
          break;
        }
      }
      const paraphrase = () => {
        if (undercut) return undercut;
        for (const v of views) for (const p of regexHits(v, d.paraphrase)) return `；「${v.span.text.slice(...orig(v, p.from, p.to))}」是改写，不能代替原文`;
        return '';
      };
      /** `what` completes 须… (the message) and 请… (the suggestion) */
      const need = (type: ProductType, ok: boolean, what: string) => {
        if (ok && !undercut) return;
        const e = evidence.get(type)!;
        hits.push(hit(e.view, e.from, e.to, { kind: KIND[type], need: what, note: type === 'loan' ? '' : paraphrase() }));
      };
      const warning = (w: string) => `附风险提示原文「${w}」`;
      // (wealth products spoken of as a kind, to explain them, with nothing offered — 理财产品都是净值型的;
      // 理财和存款是两回事 — offer no product to warn of)
      let offers: boolean | undefined;
      const kindOnly = (type: ProductType) => {
        const e = evidence.get(type);
        // (or someone else's, spoken of to warn: 听说有“高收益、低风险”的养老理财？…要多个心眼)
        return !!e && (namedAsKind(type, e.view.norm.text, e.from, views) || PLATFORM_KIND.test(sentenceBefore(e.view, e.from, 24)) || OTHERS_KIND.test(sentenceBefore(e.view, e.from, 40))) && !(offers ??= offersSomething(views));
      };
      if (types.has('wealth') && !kindOnly('wealth')) need('wealth', contains(views, wealthWarning), warning(REQUIRED_WARNINGS.wealth));
      if (types.has('fund') && !kindOnly('fund')) need('fund', contains(views, fundRisk) && hasAny(views, d.fundStatement), warning(REQUIRED_WARNINGS.fund));
      if (types.has('structured')) need('structured', hasAny(views, d.structured), warning(REQUIRED_WARNINGS.structured));
      // (insurance named as a kind, to explain it, with nothing offered — 分红险的红利是不保证的; 定期寿险≠定期
      // 存款 — needs no insurer: there is no policy to underwrite)
      // (a disclosure waved away is a pitch's: 「由…承保，保险产品不是存款」是例行要写的，大家不用在意)
      // (or a poster that carries half the disclosure in a text of its own, naming no insurer: 同心 · 鑫享年金 ‖ … ‖
      // 保险产品非存款，提前退保可能损失本金 — the policy is offered, its insurer left out)
      const insurer = types.has('insurance') && hasAny(views, d.insurer);
      const notDeposit = types.has('insurance') && hasAny(views, d.notDeposit);
      const halfOnPoster = views.length > 1 && notDeposit && !insurer && views.some((v) => v.span.field !== 'body' && v.span.field !== 'caption' && hasAny([v], d.notDeposit));
      // (not a scheme the bank says it does not sell, told as a reminder: 同心银行不代销惠民保，这里只是做个提醒)
      if (types.has('insurance') && (offersSomething(views) || undercut || halfOnPoster) && !(views.some((v) => NOT_SOLD_HERE.test(v.norm.text)) && !undercut)) {
        need('insurance', insurer && notDeposit, [insurer ? '' : '写明承保的保险公司', notDeposit ? '' : '说明保险产品不是存款'].filter(Boolean).join('，并') || '写明承保的保险公司，并说明保险产品不是存款');
      }
      // (someone else's loans, spoken of to warn, in an asset that offers none: 网上那种「秒批、不看流水」的贷款能不能借？)
      const othersLoan = () => {
        const e = evidence.get('loan')!;
        // (or quoted, as a scam's words: 好多阿叔话收过「保证月息2%」嘅电话)
        // (not the bank's own, quoted as the right way to say it: ✅ “咱们行的同心e贷，日利率0.02%…” — its words on the
        // quotation's line or just after, or one of its products by brand near it)
        const at = e.view.norm.start[e.from]!;
        const src = e.view.span.text;
        const quoted = !!quoteMask(e.view)[at] && !OWN_WORDS.test(src.slice(Math.min(src.lastIndexOf('\n', at - 1) + 1, Math.max(0, at - 30)), at + 30)) && !e.view.brandNames?.some(([a]) => Math.abs(a - e.from) <= 30);
        // (or a client's own loan told as a case, nothing offered: 房贷审批通过 🎊; 核对三遍才敢点确认，经营贷今天放款;
        // 查询原因：贷款审批; a blank application form shown to fill in)
        const around = e.view.norm.text.slice(Math.max(0, e.from - 8), e.to + 8);
        const aCase = LOAN_CASE.test(around) || views.some((v) => LOAN_FORM.test(v.norm.text));
        return (OTHERS_KIND.test(sentenceBefore(e.view, e.from, 40)) || quoted || aCase) && !offersSomething(views);
      };
      // (or as a table shows it: a header naming the annualised rate over rows of figures — 额度 ｜ 年化利率（单利） ｜ 期限 ‖ 10万元以内 ｜ 3.85%—4.35%)
      const tableRate = () => views.some((h, i) => /[|｜]/.test(h.span.text) && /年化利率/.test(h.norm.text) && views.slice(i + 1).some((r) => /[|｜]/.test(r.span.text) && /\d\s*%/.test(r.span.text)));
      if (types.has('loan') && !othersLoan()) need('loan', hasAny(views, d.loanRate) || tableRate() || (hasAny(views, d.loanRateBasis) && !hasAny(views, d.loanOtherCost)), '醒目标明年化利率（只写日利率或月利率不算）');
      return hits;
    };
  },
};

/** a payment platform's cash product said to be of a kind, to compare (余额宝对接的是货币基金; 余额宝是货币基金) */
const PLATFORM_KIND = /(余额宝|零钱通|理财通|微信零钱|支付宝)[^。！？\n]{0,8}$/;
/** the bank saying it does not sell what the asset speaks of (不代销惠民保; 并非本行产品) */
const NOT_SOLD_HERE = /(不代销|不代理销售|不销售|没有代销|并不代销|非本行(代销)?产品|并非本行(代销)?产品|不是本行(代销)?(的)?产品)/;
/** a client's loan told as a case: approved, paid out, looked up (审批通过; 今天放款; 放款啦…顺利到账; 查询原因) */
const LOAN_CASE = /审批(已经|已)?(通过|下来了?|成功)|获批|批下来|(今天|今日|已经|已|顺利|刚刚)放款|放款(了|啦|成功|完成)|(今天|今日|已经|已)?顺利到账|查询原因/;
/** a blank application form shown to fill in (房贷申请表填写示范; 申请金额：XXX万元) */
const LOAN_FORM = /申请表[^。\n]{0,6}(填写|示范|样表|模板)|(填写|填表)(示范|示例|样例|模板)|[:：]\s*x{3}/;
/** the bank speaking of its own (咱们行的; 我行; 本行) */
const OWN_WORDS = /咱们|我们|我行|本行|咱行|我哋/;
/** what makes the product after it another lender's or seller's, a kind spoken of (网上那种; 外面有些; 别家的) */
const OTHERS_KIND = /((网上|网络上|外面|别家|别的平台|有些|某些|那种|那类|那些|听说有|听说过|号称|所谓)[^。！？\n]{0,24}|(我|我家|我自己|自己|自家|咱家|我们家)的?(房贷|车贷|贷款)[^。！？\n]{0,8})$/;

/**
 * Whether the product word at normalised `from` of `text` names a kind of product, not one: 理财产品都…; a benchmark or a
 * trust explained; buying spoken of where no way to buy is shown; a fund's kind or way of buying where no fund is named
 * or offered.
 */
function namedAsKind(type: ProductType, text: string, from: number, views: SpanView[]): boolean {
  const at = text.slice(from, from + 12);
  if (GENERIC_KIND.test(at) || BENCHMARK_EXPLAINED.test(at) || TRUST_KIND.test(at)) return true;
  // (an institution or a trade, not a product: 理财公司说了…; 基金经理亲口说 — where no product of the asset is named)
  if (INSTITUTION.test(at)) return !views.some((v) => v.brandNames?.length || NAMED_FUND.test(v.norm.text));
  if (BUYING_KIND.test(at)) return !views.some((v) => HOW_TO_BUY.test(v.norm.text));
  return type === 'fund' && fundKind(text, from) && !views.some((v) => NAMED_FUND.test(v.norm.text) || FUND_OFFER.test(v.norm.text));
}

/**
 * A fund's kind or way of buying, not a fund (定投; 偏股基金; 债基; 基金净值): a kind only where no name stands before it
 * (客户的偏股基金, 开了基金定投 — not 同心稳健债券基金, nor 纯债A)
 */
const FUND_KIND = /^((基金)?定投|(偏股|偏债|股票型|债券型|混合型|指数型?|货币型?|纯债|短债|债券)基金(?![A-Za-z0-9])|债基(?![A-Za-z0-9])|基金(净值|分红|经理|定投))/;
const fundKind = (text: string, from: number) =>
  FUND_KIND.test(text.slice(from, from + 8)) && (text.startsWith('定投', from) || from === 0 || !/[\u4e00-\u9fff]/.test(text[from - 1]!) || /[的只支些种类是买投把了在用开看说和与跟或及]/.test(text[from - 1]!));
/** a fund named (同心沪深300指数基金; 远澜短债债券A; 中证500ETF; a six-digit code) */
const NAMED_FUND = /[\u4e00-\u9fff\dA-Za-z]{2,10}(指数|债券|混合|股票|纯债|短债|货币|联接|成长|价值|精选|红利|配置)[^，。\n]{0,4}(基金|[A-C](?![A-Za-z])|[”」"])|ETF|LOF|QDII|(?<!\d)\d{6}(?!\d)/;
/** a way of buying offered (开通定投; 10元起投; 来找我) */
const FUND_OFFER = /适合|先买|买入|开通|起投|(?<!\d)\d+元(起|一期)|找我|私我|私信我|扫码|认购期|发行|申购费/;
/** an institution, a role or a trade named by a product word (理财公司; 基金经理; 基金管理人; 理财行业) */
const INSTITUTION = /^(银行)?(理财|基金)(公司|子公司|经理|管理人|行业|从业)/;
/** a trust as a legal arrangement (家族信托到底能做什么？), not a trust product offered (信托计划, 信托产品) */
const TRUST_KIND = /^(家族|保险金|养老|教育金?|家庭服务)?信托(?!计划|产品|理财)/;
/** buying a wealth product or a fund spoken of (买理财能不能跑赢通胀？) */
const BUYING_KIND = /^(买|购买)(点|些)?(理财|基金)(?!产品)/;
/** a post that shows how to buy (三步买理财 ① …; 长辈版App也能买理财) offers what it shows */
// (an app named for something else is no way to buy: 评估可以在手机银行上完成)
const HOW_TO_BUY = /步骤|三步|两步|几步|①|1️⃣|([Aa][Pp][Pp]|手机银行|手机上)[^。\n]{0,10}(买|购|申购|认购|下单|搜|入口|理财|基金|输入)|点击|搜索|入口|扫码/;
/** a benchmark explained as a notion (业绩比较基准不是预期收益，更不是承诺) */
const BENCHMARK_EXPLAINED = /^业绩比较基准(不是|不等于|并非|并不是|≠|只是|是什么|怎么看)/;
/** wealth products or funds named as a kind (理财产品都…; 理财和存款是两回事; 一款理财、基金或保险; 理财产品净值化管理; 理财产品分为五个风险等级) */
// (a kind's risk said to be its buyers': 理财产品由投资者自担风险)
const GENERIC_KIND = /^(一款|一只|任何|某款|某只|哪款)?(银行)?(理财|基金)(产品)?([、或]|基金|保险|理财|存款|(都|全|全都|一般|通常|大多|和|与|跟|同|的收益|的净值|按净值|净值会|净值可能|净值随|存续规模|的存续规模|市场规模|的规模|规模(稳步|持续|不断)?(增长|扩大|突破|达到)|已经|早已|不再|现在|如今|变成|改为|净值化|实行净值|打破刚|的风险等级|风险等级分|由(投资者|投资人)|按风险等级|分为|分成|风险(是|都|要|会|写)|有(说明书|登记编码|产品登记编码|风险等级)|的?收益(?![率\d])|到期后|到期了?(钱|资金)))/;

/** what follows a quotation that the post calls wrong (——这句话是错的❌; 是误区) */
// (or a misuse the post reports: 把业绩比较基准「4.5%」单独放大印在海报正中，被认定为变相承诺收益)
// (or what it left out: 「业绩比较基准4.0%」，没写设定依据和测算方法)
const WRONG_AFTER = /^[”」』’"']?\s*[，,]\s*(却|但|也|还|都)?(没写|没有写|未写|没注明|未注明|没说明|未说明|没标|未标明|没附|未附)|^[”」』’"']?\s*[—\-－~～:：，,]*\s*(这句话|这话|这种说法|这个说法|这样说|此话)?[^。\n]{0,4}(是错的|错了|不对|是误区|是误解|是误会|❌|✗|✘|不成立|站不住)|^[”」』’"']?[^。\n]{0,24}?(被认定为|被认定|被处罚|被罚款|被通报|属于违规|是违规的|违反了|风险信号|危险信号|警报|是骗局|是陷阱|都是坑|是坑|想法要改|想法得改|想法不对|要改一改|掰扯清楚)/;
/** true when normalised offset `at` of the view is inside a quotation the post calls wrong */
function quotedAsWrong(view: SpanView, at: number): boolean {
  const source = view.norm.source;
  const start = view.norm.start[at]!;
  const quotes = quoteMask(view);
  if (!quotes[start]) return false;
  const b = quotationEnd(source, quotes, start);
  const a = quotationStart(quotes, start);
  // (or named as the claims layer reads a quotation: …印有“年化收益率5.5%”字样，被…罚款)
  return WRONG_AFTER.test(source.slice(b, b + 24)) || REFUSED_BEFORE.test(source.slice(Math.max(0, a - 10), a)) || named(simpleSource(view.norm), view.norm.end[at]!);
}
/** what before a quotation says the post never writes it (我们的海报从来不写“近一个月年化6%”这种数) */
const REFUSED_BEFORE = /(从来不写|从不写|绝不写|不会写|从来不用|从不用|从来不打|从不打|从来不标|从不标|从来不放|从不放)\s*$/;

export const benchmarkDisplay: Detector = {
  id: 'benchmark-display',
  pii: false,
  create(rule): Detect {
    const d = ruleData(rule, z.strictObject({ number: regex, reason: regex, method: regex, formula: regex, highlighted: z.string().transform((s) => new RegExp(s)), bareRange: z.string().transform((s) => new RegExp(s)), recordPeriod: regex, asReturn: regex }));
    return (views) => {
      // (a lesson on what a benchmark is — a question or a definition, offering no product — shows no
      // product's benchmark: 問：業績比較基準寫著4%，到期就能拿到4%嗎？答：不一定)
      // (classifyAsset already reads lessons that offer nothing; a question about a figure is one too)
      if (!productOf(views) && views.some((v) => ASKS_OR_DEFINES.test(v.norm.source))) return [];
      const reason = saysAny(views, d.reason);
      // (a formula of indices and weights is a method, whatever the product: 测算方法为中债-新综合财富指数收益率×70%＋七天通知存款利率×30%)
      const method = saysAny(views, d.method) || hasAny(views, d.formula);
      // (a fund's benchmark given as its index formula is explained as fund rules ask, and its figure per
      // year may stand beside the fund's own: 2024年度：净值增长率15.80%｜基准14.21% ‖ 业绩比较基准：沪深300指数收益率×95%＋…)
      const missing = classifyAsset(views).types.has('fund') && hasAny(views, d.formula) ? [] : [reason ? '' : '选取理由', method ? '' : '测算方法'].filter(Boolean);
      const hits: DetectorHit[] = [];
      // (tiles that give the benchmark, its reason and its method each a tile of their own show it no
      // more than what explains it: 业绩比较基准（年化）：2.80%–3.30% ‖ 选取依据：… ‖ 测算方法：…)
      const tiles = views.filter((v) => TILE.test(v.span.field));
      const explainedInTiles = saysAny(tiles, d.reason) && saysAny(tiles, d.method);
      const named = views.some((v) => v.norm.text.includes('业绩比较基准'));
      // (a benchmark worked out into the money a sum will bring is shown as a promise, however well it is
      // explained: 业绩比较基准3.0%…放10万进去，一年就是3000块; 每10万放一年，3000块进账)
      // (once per asset: 照这个数算，放10万进去，半年就是1500块 is one sum)
      worked: for (const view of named ? views : []) {
        for (const m of regexHits(view, d.asReturn)) {
          if (NOT_PROMISED.test(view.norm.text.slice(m.to, m.to + 16)) || NOT_PROMISED.test(sentenceBefore(view, m.from, 24))) continue;
          hits.push(hit(view, m.from, m.to, { how: '折算成到手收益', missing: '把基准折算成一笔钱会拿到多少，等于把它当作收益展示' }));
          break worked;
        }
      }
      for (const [vi, view] of views.entries()) {
        const highlighted = d.highlighted.test(view.span.field) && !(explainedInTiles && TILE.test(view.span.field));
        if (!highlighted && missing.length === 0) continue;
        // (a figure drawn alone under the label drawn just before it is the benchmark shown: 业绩比较基准 ‖ 3.35%;
        // the label the last line of its text: 金钥匙安盈⏎业绩比较基准 ‖ 3.00%)
        // (or with the drawn text just after it saying what it is: 3.35% ‖ 小U举着的就是它的业绩比较基准; 3.20% ‖ 金钥匙安盈 业绩比较基准)
        const label = views[vi - 1];
        const gloss = views[vi + 1];
        if (!highlighted && ((label && BENCHMARK_LABEL.test(lastLine(label.span.text))) || (gloss && BENCHMARK_GLOSS.test(gloss.norm.source))) && d.bareRange.test(view.norm.text)) {
          hits.push(hit(view, 0, view.norm.text.length, { how: '单独展示', missing: `未说明其${missing.join('和')}` }));
          continue;
        }
        // (a headline that is nothing but a figure or a range, in an asset that calls it its benchmark:
        // 3.10%—3.60% ‖ 业绩比较基准（年化）; tiles 业绩比较基准 ‖ 3.1%)
        if (highlighted && named && (d.bareRange.test(view.norm.text) || d.bareRange.test(undecorated(view.span.text)))) {
          hits.push(hit(view, 0, view.norm.text.length, { how: '突出展示', missing: `位于${fieldLabel(view.span.field)}，应放在正文中并说明选取理由和测算方法` }));
          continue;
        }
        // (a whole year's figure with its period, in an asset that names no benchmark, is a record shown as
        // past-performance rules allow: 2025年度 ‖ 年化收益率2.86% ‖ 统计区间：2025.01.01—2025.12.31)
        if (highlighted && !named && hasAny(views, d.recordPeriod)) continue;
        for (const m of regexHits(view, d.number)) {
          // a fund's benchmark as an index formula (沪深300指数收益率×80%+…) is shown as fund rules require
          d.formula.lastIndex = 0;
          if (d.formula.test(m.match[0])) continue;
          // (a figure in a quoted saying that the post calls wrong is no display: “基准3.3%，到期就按这个拿”——这句话是错的)
          if (quotedAsWrong(view, m.to - 1)) continue;
          // (a made-up product's figure, to explain what a benchmark is: 假设某产品（举例）业绩比较基准为2.5%—3.2%)
          if (HYPOTHETICAL.test(sentenceBefore(view, m.from, 80))) continue;
          // (a figure quoted in a question that asks whether showing it so is allowed: 海报上只放一个大大的
          // “业绩比较基准3.2%”，合规吗？)
          if (ASKED_IF_ALLOWED.test(view.norm.text.slice(m.to, m.to + 16))) continue;
          // (a figure in a question of what it will bring, a lesson's: 业绩比较基准写着3.0%，是不是就能拿3%？)
          if (ASKED_IF_PAID.test(view.span.text.slice(orig(view, m.from, m.to)[1]))) continue;
          const how = highlighted ? '突出展示' : '单独展示';
          const why = highlighted ? `位于${fieldLabel(view.span.field)}，应放在正文中并说明选取理由和测算方法` : `未说明其${missing.join('和')}`;
          hits.push(hit(view, m.from, m.to, { how, missing: why }));
        }
      }
      return hits;
    };
  },
};

/** where a highlighted number sits, in the reviewers' words (`image:headline` → 图片上的主标题) */
const FIELD_LABELS: Record<string, string> = { title: '标题', subtitle: '副标题', headline: '主标题', cta: '按钮文字' };
function fieldLabel(field: string): string {
  if (field.startsWith('image:')) return `图片上的${fieldLabel(field.slice(6))}`;
  const tile = /^tiles\.(\d+)$/.exec(field);
  if (tile) return `九宫格第 ${Number(tile[1]) + 1} 格`;
  return FIELD_LABELS[field] ?? `「${field}」`;
}

const TILE = /^tiles\.\d+$/;
/** the last line with words on it */
const lastLine = (text: string) => text.trim().split('\n').pop()!.trim();
/** a figure's text without what decorates it (🍊🍊 3.05% 🍊🍊; ★3.35%★): its digits, marks and words only */
const undecorated = (text: string) => text.replace(/[^\p{L}\p{N}%％.\-~～至到—–\s]/gu, '');
/** a drawn text that is only a benchmark's label (业绩比较基准; 业绩比较基准（年化）：; 业绩比较基准（年化，%）) */
const BENCHMARK_LABEL = /^(产品)?(业绩比较基准|业绩基准|比较基准)\s*([（(]年化[^)）]{0,4}[)）])?\s*[:：]?$/;

/** a drawn text that says the figure drawn before it is the benchmark (就是它的业绩比较基准; ↑（业绩比较基准·年化）) */
const BENCHMARK_GLOSS = /^[\s↑👆（(]*(?:[^。！？?\n]{0,16}(?:就是|这是|便是|正是|即为|即是|是)[^。！？?\n]{0,10})?(?:业绩比较基准|业绩基准|比较基准|業績比較基準)(?![^。！？\n]{0,6}(?:是什么|是啥|怎么|吗|嗎))|^[^。！？?\n]{0,12}[\s·｜|]*(?:业绩比较基准|业绩基准|比较基准|業績比較基準)\s*(?:[（(]年化[)）])?\s*$/;

/** what follows a quoted figure to ask whether it may be shown (…”，合规吗？; …”能否单独放大突出？) */
const ASKED_IF_ALLOWED = /^[^。！？\n]{0,6}(合规吗|合规不|可以吗|能发吗|行不行|行吗|对吗|违规吗|(能否|可否|是否可以)(单独|放大|突出|写|发|用|这样|这么))/;
/** an asset that says its figures are made up (这只是举例，不是哪只产品的真实数据; 数字均为假设) */
const MADE_UP = /(只是|仅是|仅为|只为|均为|都是|纯属)(举例|假设|示例|虚构)|不是(哪|某|任何)[^。\n]{0,6}(产品|理财|基金)?的?(真实|实际)(数据|业绩|净值)/;
/** a figure opened as an example (比如…; 举个例子…) */
const EXAMPLE_LEAD = /(比如|例如|譬如|举例|举个例子|打个比方|假设|假如)[^。！？\n]{0,20}$/;
/** an example made up, of a product nobody sells (假设某产品…; 比如某款理财…) */
/** the rest of a sentence that asks whether the figure is what one gets (，是不是就能拿3%？) */
const ASKED_IF_PAID = /^[^。！!\n]{0,24}(是不是|能不能|会不会|就能|吗|嗎)[^。！!\n]{0,12}[？?]/;
/** a worked sum said not to be what one gets (不代表实际收益; 不一定就是3000块) */
const NOT_PROMISED = /不代表|不等于|不一定|未必|并非|不是|不构成|仅为举例|仅供参考|假设某/;
const HYPOTHETICAL = /(假设|假如|举例|举个例子|比如|例如|譬如|打个比方)[^。！？\n]{0,20}某/;

/**
 * the asset offers a product that has a record to show: a loan's rate is its price and a deposit's
 * rate its terms, neither a performance (统计期2026年7月1日至9月30日 ‖ 账单分期年化利率（单利）7.2%–15.6%)
 */
const performs = (views: SpanView[]) => {
  const p = classifyAsset(views);
  // (or the returns of the clients' investments, whatever they hold: 帮客户做的资产配置，整体平均收益7.6%; 为客户创造投资收益…户均收益率6.2%)
  return !!p.otherKind || [...p.types].some((t) => t !== 'loan' && t !== 'deposit') || views.some((v) => CLIENTS_INVESTING.test(v.norm.text));
};
const CLIENTS_INVESTING = /投资收益|资产配置|理财收益|投资组合|配置组合/;

/** a text that asks or defines (业绩比较基准写着4%，到期就能拿到4%吗？; 业绩比较基准是指…) */
const ASKS_OR_DEFINES = /[？?]|是什么|什么是|指的是|是指|不一定/;

/** the asset offers a product (of a named type, or a precious metal) */
const productOf = (views: SpanView[]) => isProductAsset(classifyAsset(views));

/** a product's own announcement (到期公告, 兑付公告…): its realised figure is a disclosure to its holders… */
const ANNOUNCEMENT = /(到期|兑付|收益分配|清算|终止)公告/;
/** …as long as it sells nothing */
const SELLING = /认购|申购|在售|开售|发售|预约|私信|详询|欢迎咨询|欢迎了解|起购|起投|扫码|上新|新一期|下一期|续购/;
/** a window between two dates (2025年9月15日至2025年10月15日; 2025.09.15-2025.10.15) */
const DATE_RANGE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*(?:至|到|-|~|—|–)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日?|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*(?:至|到|-|~|—|–)\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/g;
/** a return figure soon after it */
// (on its own line, and a gain: a loss or a drawdown shown with its dates is no picked success — 区间收益率-0.85%)
const FIGURE_AFTER = /^[^。；\n]{0,30}(年化|收益率|回报|涨|净值增长)[^。；\n]{0,8}(?<![-−－﹣]\s*)(?<![\d.])\d+(\.\d+)?\s*%/;
/** a product whose whole term is that window (起息日…到期日; 观察日; 运作期间…已到期; 期限91天), or a
 * periodic report's own period (报告期：2026年7月1日至2026年9月30日) */
const FULL_TERM = /起息日|到期日|观察日|运作期|已到期|期限\s*\d+\s*天|(到期|兑付)公告|第[\d一二三四五六七八九十]+期[（(]\d{4}[-/.]/;
/** the days between two dates, or NaN */
function daysBetween(y1: number, m1: number, d1: number, y2: number, m2: number, d2: number): number {
  return (Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000;
}

/** a fee by the year, not a return (管理费年化0.30%) */
const FEE_BY_YEAR = /(管理费|托管费|销售服务费|服务费|认购费|申购费|赎回费|手续费)率?(为|是)?年化\s*\d/;
/** a figure drawn alone, as a poster's big number (+4.62%; 📈 5.21%) — with a sign, an arrow or an emoji, wider than the engine's FIGURE_ALONE */
const BIG_FIGURE = /^\s*([+＋↑⬆📈])?\s*\d{1,2}(\.\d{1,2})?\s*%\s*[📈🔥↑⬆]?\s*$/u;
/** a past window named in another of the asset's texts (近一年; 过去一年; 从去年冬至到今年冬至; 成立以来) */
const PAST_WINDOW = /(近|过去|最近)\s*[一二两三六十\d半]*\s*个?(年|月|季度|周)|去年|上一?年度?|上个?月|上季度|今年以来|年初至今|成立以来|运作以来|成立至今|一年下来|这一年|从[^。\n]{0,12}(到|至)[^。\n]{0,12}(今年|本年|现在|如今|今天)/;
/** …whose words say the figure is a result (收益, 涨, 成绩) when it carries no sign */
const RESULT_WORD = /收益|涨|赚|挣|回报|表现|成绩|战绩|业绩/;

export const pastPerformance: Detector = {
  id: 'past-performance',
  pii: false,
  create(rule): Detect {
    const d = ruleData(rule, z.strictObject({ shown: z.array(regex).min(1), period: z.array(regex).min(1), fundStatement: regex, selective: z.array(regex).min(1), selectiveCaveat: regex }));
    const warning = normalizeTerm(REQUIRED_WARNINGS['past-performance']);
    const selective = (views: SpanView[]): DetectorHit[] | undefined => {
      let best: { view: SpanView; from: number; to: number } | undefined;
      for (const view of views) {
        for (const re of d.selective) for (const m of regexHits(view, re)) if (!markedWrong(view, m.from) && !quotedAsWrong(view, m.from) && (!best || (view.index === best.view.index && m.from < best.from))) best = { view, from: m.from, to: m.to };
        if (best) break;
      }
      // a dated window of less than half a year with a return figure (2025年9月15日至2025年10月15日，产品年化
      // 收益率5.86%), unless it is the product's whole term
      if (!best && !views.some((v) => FULL_TERM.test(v.norm.text))) {
        for (const view of views) {
          const t = view.norm.text;
          if (!t.includes('年') && !/\d[-/.]\d/.test(t)) continue;
          DATE_RANGE.lastIndex = 0;
          for (let m = DATE_RANGE.exec(t); m; m = DATE_RANGE.exec(t)) {
            const n = m.slice(1).map(Number);
            const days = m[1] ? daysBetween(n[0]!, n[1]!, n[2]!, m[4] ? n[3]! : n[0]!, n[4]!, n[5]!) : daysBetween(n[6]!, n[7]!, n[8]!, n[9]!, n[10]!, n[11]!);
            // (a report's own period is a quarter at least: 报告期内亮点：2025年10月9日至11月7日 is a month picked)
            if (days >= 80 && views.some((v) => v.norm.text.includes('报告期'))) continue;
            if (days > 0 && days < 182 && FIGURE_AFTER.test(t.slice(m.index + m[0].length))) {
              best = { view, from: m.index, to: m.index + m[0].length };
              break;
            }
          }
          if (best) break;
        }
      }
      if (!best || !performs(views) || hasAny(views, d.selectiveCaveat)) return undefined;
      return [hit(best.view, best.from, best.to, { missing: '以完整的期间展示：只挑了半年以内或年内的一段业绩，属片面宣传（完整自然年度的业绩可附期间展示）' })];
    };
    return (views) => {
      if (views.some((v) => ANNOUNCEMENT.test(v.norm.text)) && !views.some((v) => SELLING.test(v.norm.text))) return [];
      let first: { view: SpanView; from: number; to: number } | undefined;
      // (read once per asset: whether it says its figures are made up)
      let madeUp: boolean | undefined;
      for (const view of views) {
        for (const re of d.shown) {
          for (const m of regexHits(view, re)) {
            // (a figure on a line marked as the wrong way to show it is not shown: ❌ 只写「近一周年化5%」)
            // (nor one quoted to be called wrong: 别人晒“去年赚了8%”，就觉得今年也能有8%——这个想法要改一改)
            if (markedWrong(view, m.from) || quotedAsWrong(view, m.to - 1)) continue;
            // (nor a fee charged by the year: 销售服务费年化0.20%，管理费年化0.30%)
            if (FEE_BY_YEAR.test(view.norm.text.slice(Math.max(0, m.from - 8), m.to))) continue;
            // (nor a figure made up to explain a word, and said to be one: 比如净值从1.0500跌到1.0290，回撤就是2%。⏎这只是举例)
            if (EXAMPLE_LEAD.test(sentenceBefore(view, m.from, 40)) && (madeUp ??= views.some((v) => MADE_UP.test(v.norm.text)))) continue;
            if (!first || (view.index === first.view.index && m.from < first.from)) first = { view, from: m.from, to: m.to };
            break;
          }
        }
        if (first) break;
      }
      // a figure drawn alone with its past window in another text (title 近一年 ‖ big number +4.62%): shown as one
      // (not a benchmark's or a rate's figure: those are read by their own rules)
      if (!first && views.length > 1 && !views.some((v) => /比较基准|预期|预计|利率|费率/.test(v.norm.text))) {
        for (const view of views) {
          const m = BIG_FIGURE.exec(view.norm.text);
          if (!m) continue;
          if (views.some((v) => v !== view && PAST_WINDOW.test(v.norm.text) && (m[1] !== undefined || RESULT_WORD.test(v.norm.text)))) {
            first = { view, from: 0, to: view.norm.text.length };
            break;
          }
        }
      }
      // a window picked to flatter is one-sided whatever it is shown with (the earliest such figure)
      const picked = selective(views);
      if (picked) return picked;
      if (!first) return [];
      // a figure of no product (有人说某个产品年化收益20%还保本，请报警) is no product's performance
      if (!performs(views)) return [];
      const hasWarning = contains(views, warning) || hasAny(views, d.fundStatement);
      const hasPeriod = d.period.some((re) => hasAny(views, re));
      if (hasWarning && hasPeriod) return [];
      const missing = [hasWarning ? '' : '附“过往业绩不代表其未来表现”的风险提示', hasPeriod ? '' : '注明业绩期间的起止日期'].filter(Boolean).join('，也未');
      return [hit(first.view, first.from, first.to, { missing })];
    };
  },
};
