// Product type of a whole asset: every span that ships together, read as one post. A post is about
// a wealth product, a fund, a structured deposit, insurance, a deposit or a loan (or several) when
// its text carries that type's evidence outside the mandated warnings; a post with a return word
// and a product cue but no named type is a wealth-like product ("generic"); a metaphor is none.
import type { SpanView } from '../detectors/types.ts';
import { inSafe } from '../detectors/types.ts';
import type { ConceptSet, ProductType } from './concepts.ts';
import { loadConcepts } from './concepts.ts';
import { normalizeTerm, simpleSource } from '../normalize.ts';
import { REQUIRED_WARNINGS } from '../warnings.ts';
import { cannotMatch } from '../prefilter.ts';
import { Attached } from '../attach.ts';
import { enumeration, HEADLINE, markedWrong, onListItemLine, quoteMask } from './analyze.ts';

export interface Evidence {
  view: SpanView;
  /** normalised [from, to) */
  from: number;
  to: number;
}

export interface AssetProducts {
  types: Set<ProductType>;
  /** first evidence of each type (earliest in the first span that has one) */
  evidence: Map<ProductType, Evidence>;
  /** no named type, but a return word and a product cue: asked for the wealth warning */
  generic?: Evidence;
  /** a product of a kind with no disclosure of its own (积存金): still a product whose record is judged */
  otherKind?: boolean;
  /** the asset names a bond the state issues (储蓄国债) and offers no wealth, fund, structured or insurance product */
  stateIssued?: boolean;
}

const cache = new Attached<SpanView[], AssetProducts>('assetProducts');

/** what a wealth product has and no deposit does: a risk level (风险等级PR2), a holding or closed period (90天持有期) */
const NOT_A_DEPOSIT = /风险等级\s*[pP]?[rR][1-5](?![0-9])|(?<!\d)\d+\s*(天|个月)\s*(持有期|封闭期)/g;

/** what tells a post is about the cost of borrowing: instalments, their fees, a loan's annualised rate */
const BORROWING_COST = /分期|手续费|年化利率|贷款利率|借款利率/;

/** the asset offers a product: of a listed type, or a precious metal (a product for what is claimed of it) */
export const isProductAsset = (p: AssetProducts) => p.types.size > 0 || !!p.otherKind;

/**
 * Whether the asset offers something: an offer cue outside quotations, a product of its own (这款,
 * 本产品, a named policy or loan in 「」), or a sale on someone's behalf (代理销售, 代销).
 */
export function offersSomething(views: SpanView[], concepts: ConceptSet = loadConcepts()): boolean {
  const { offerCue, ownProduct } = concepts.products;
  return views.some((v) => matches(offerCue, unquoted(simpleSource(v.norm))) || matches(ownProduct, simpleSource(v.norm)));
}

/** `text` without the questions of a Q&A that report what someone else said (问：理财经理说这款产品…？ up to its 答：) */
const asked = (text: string) => text.replace(/^\s*(问|問|Q)\s*[:：][^\n]*?(说|讲|講|称|告诉我)[^\n]*?(?=(答|A)\s*[:：]|$)/gm, '');

/** `text` without what it quotes (“…”, 「…」, 『…』) */
const unquoted = (text: string) => text.replace(/[“「『][^”」』]*[”」』]/g, '');

/** whether a data regular expression (compiled global: its lastIndex is state) matches `text` */
function matches(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

/**
 * The text of the clause (or sentence) before normalised offset `at`; a clause goes on back across
 * an enumeration comma (不会通过微信、QQ推荐理财: the 不 covers the list).
 */
function before(view: SpanView, at: number, unit: Int32Array): string {
  const { norm } = view;
  let a = at;
  let u = unit[at];
  while (a > 0) {
    if (unit[a - 1] === u) {
      a--;
      continue;
    }
    // (the comma dropped between two characters, or kept beside a Latin letter or a digit)
    if (unit !== norm.clause || at - a > AFTER || !enumeration(norm, a)) break;
    u = unit[--a];
  }
  return norm.text.slice(a, at);
}

/** True when every character of normalised [from, to) is quoted: a phrase cited, not an offer (“买理财稳赚不赔”？不存在的). */
function wholly(view: SpanView, from: number, to: number): boolean {
  const q = quoteMask(view);
  for (let i = from; i < to; i++) if (!q[view.norm.start[i]!]) return false;
  return true;
}

/** a reader's comment in a thread written out under a post (@张女士：…), not the writer's reply (回复@张女士：…) */
// (a reader named as one: 网友@绕城骑行：; 读者@阿May：)
const COMMENT_LINE = /^[ \t]*(网友|读者|粉丝|邻居|街坊|客户)?@[^\s@：:]{1,12}[ \t]*[：:]/;
/** a text that holds a comment section (【评论区】, 留言): its lines opened by a reader's name are readers' */
const COMMENT_SECTION = /评论区|留言区|网友留言|读者留言|回复/;
/** a line opened by someone who is never the writer, wherever it stands (客户：; 网友留言：; Q：; 阿姨：) */
const ASKER_LINE = /^[ \t]*((客户|网友|读者|粉丝)(留言|提问)?|Q|问|阿姨|叔叔|大爷|大妈|奶奶|爷爷)[ \t]*[：:]/;
/** a line opened by a reader's name (张阿姨：; 刘叔：): a reader's inside a comment section */
const READER_LINE = /^[ \t]*[\u4e00-\u9fa5]{0,2}(阿姨|叔叔|叔|姐|哥|伯|婶|先生|女士|老师|奶奶|爷爷|大爷|大妈)[ \t]*[：:]/;
/**
 * True when the source line holding offset `at` is a reader's question in a comment thread
 * (@冯女士：系咪买理财先有粽攞？): the reader asks, the bank offers and claims nothing by it. Only a
 * question: what a "reader" states in the post (@张女士：这款稳赚不赔，我赚了两万) ships under the
 * bank's name and is judged like any other line.
 */
export function onCommentLine(source: string, at: number): boolean {
  // (back to the line's start and on to its end, at most COMMENT_REACH characters each way: a long text stays linear)
  let a = at;
  while (a > 0 && at - a < COMMENT_REACH && source.charCodeAt(a - 1) !== 10) a--;
  if (a > 0 && source.charCodeAt(a - 1) !== 10) return false;
  const opening = source.slice(a, a + 20);
  if (!COMMENT_LINE.test(opening) && !ASKER_LINE.test(opening) && !(READER_LINE.test(opening) && COMMENT_SECTION.test(source.slice(Math.max(0, a - 400), a)))) return false;
  let b = at;
  while (b < source.length && b - at < COMMENT_REACH && source.charCodeAt(b) !== 10) b++;
  return /[？?]/.test(source.slice(at, b));
}
/** how far back a comment's opening (@张女士：) is looked for */
const COMMENT_REACH = 400;

/** the longest product name read back from its closing bracket */
const NAME_LENGTH = 20;
/**
 * True when the quotation around a match ends right after it in 」 or 》, is short and holds a name
 * before it: a product's name that says its type (这期「同心·秋月结构性存款」本周发售), not a phrase cited.
 */
function endsName(view: SpanView, from: number, to: number): boolean {
  const { norm } = view;
  let end = norm.end[to - 1]!;
  // (its kind in brackets may follow the type: “瑞禾金禧两全保险（分红型）”)
  const kind = /^[（(][^（()）\n]{1,8}[)）]/.exec(norm.source.slice(end, end + 12));
  if (kind) end += kind[0].length;
  // (in plain quotation marks only with that kind: “高息教育金保险” in a scam text names no product)
  if (!(kind ? /^\s*[」》”]/ : /^\s*[」》]/).test(norm.source.slice(end, end + 2))) return false;
  // (its opening bracket within NAME_LENGTH characters back: a long text is not read back to its start)
  let open = end - 1;
  while (open >= 0 && end - open <= NAME_LENGTH && norm.source[open] !== '「' && norm.source[open] !== '《' && !(kind && norm.source[open] === '“')) open--;
  // (a name before the type: 「零存整取」 alone is a word quoted, not a product)
  return open >= 0 && end - open <= NAME_LENGTH && norm.start[from]! - open > 2;
}

/** The text of the sentence (or clause) after normalised offset `at`, at most AFTER characters (a list goes on past its clause: 理财、保险、基金，是三种不同的产品). */
const AFTER = 40;
function after(view: SpanView, at: number, c: Int32Array = view.norm.sentence): string {
  let b = at;
  while (b < c.length && b - at < AFTER && c[b] === c[at - 1]) b++;
  return view.norm.text.slice(at, b);
}

/**
 * True for an evidence pattern that spans a phrase on purpose ([^。]{0,24} between a loan word and
 * its rate); the others are words, and a word never runs across a clause mark (保险、产品各有风险
 * is not 保险产品).
 */
const phrases = new WeakMap<RegExp, boolean>();
function isPhrase(re: RegExp): boolean {
  let p = phrases.get(re);
  if (p === undefined) phrases.set(re, (p = /\[\^[^\]]*\]\{/.test(re.source)));
  return p;
}

function first(views: SpanView[], res: RegExp[], notOffer?: { clause: RegExp; sentence: RegExp; after: RegExp; afterClause?: RegExp | undefined }): Evidence | undefined {
  for (const view of views) {
    let best: Evidence | undefined;
    const text = view.norm.text;
    for (const re of res) {
      // regexHits' loop, written out: this runs every evidence pattern over every text of every asset
      re.lastIndex = 0;
      if (cannotMatch(re, text)) continue;
      for (let x = re.exec(text); x; x = re.exec(text)) {
        if (x[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const m = { from: x.index, to: x.index + x[0].length };
        if (inSafe(view, m.from, m.to)) continue;
        if (view.norm.clause[m.from] !== view.norm.clause[m.to - 1] && !isPhrase(re)) continue;
        if (notOffer && wholly(view, m.from, m.to) && !endsName(view, m.from, m.to)) continue;
        // (a reader's comment under the post asks or says its own: @冯女士：系咪买理财先有粽攞？)
        if (notOffer && onCommentLine(view.norm.source, view.norm.start[m.from]!)) continue;
        // (nor a drawn text labelled as the wrong version, nor an item of a list of words not to be written)
        if (notOffer && (view.labelled || (view.itemsNamed && onListItemLine(view, m.from)))) continue;
        // (nor does a line marked as a don't: ❌ 理财产品：小U不会“亲测”给你看)
        if (notOffer && markedWrong(view, m.from)) continue;
        if (notOffer) {
          notOffer.clause.lastIndex = 0;
          notOffer.sentence.lastIndex = 0;
          if (notOffer.clause.test(before(view, m.from, view.norm.clause)) || notOffer.sentence.test(before(view, m.from, view.norm.sentence))) continue;
          // (a type word that ends its sentence is read with the next one's start: 想买股票基金。我们没有直接办)
          const rest = after(view, m.to);
          if (notOffer.after.test(rest || (m.to < view.norm.text.length ? view.norm.text[m.to]! + after(view, m.to + 1) : ''))) continue;
          if (notOffer.afterClause?.test(after(view, m.to, view.norm.clause))) continue;
        }
        if (!best || m.from < best.from) best = { view, from: m.from, to: m.to };
        break;
      }
    }
    if (best) return best;
  }
  return undefined;
}

/** A post that carries a type's exact warning is about that type (the warning is where it is found). */
const WARNED: [ProductType, string][] = [
  ['wealth', normalizeTerm(REQUIRED_WARNINGS.wealth)],
  ['fund', normalizeTerm(REQUIRED_WARNINGS.fund.split('。')[0]!)],
  ['structured', normalizeTerm(REQUIRED_WARNINGS.structured)],
];

/** a brand name in the form of a product series (同心悦享365天, 同心季季开1号, 同心稳利180天持有期) */
const BRAND_SERIES = /(?<!\d)\d+\s*(天|号|个月|年期)|持有|定开|季开|月开|周开|年开|年年|月月|季季|天天|日日|理财/;
/** where the view names a product of the bank's own by its brand in a series' form (同心季季开1号), if it does */
function brandSeries(view: SpanView, unquotedOnly = false): [number, number] | undefined {
  for (const [a, b] of view.brandNames ?? []) if (BRAND_SERIES.test(view.norm.text.slice(a, b + 8)) && !(unquotedOnly && inQuotes(view, a))) return [a, b];
  return undefined;
}
/**
 * whether normalised offset `at` stands inside curly or corner quotation marks opened earlier on its line — not
 * analyze.ts's quoteMask, which counts straight quotes too: posts write their own product so (我们的"同心季季开")
 */
function inQuotes(view: SpanView, at: number): boolean {
  return quotedOnLine(view.norm.source, view.norm.start[at]!);
}
/** True when offset `at` of `text` is inside a quotation (“…”, 「…」, 『…』) opened on its line */
export function quotedOnLine(text: string, at: number): boolean {
  let depth = 0;
  for (let i = text.lastIndexOf('\n', at - 1) + 1; i < at; i++) {
    const c = text[i]!;
    if (c === '“' || c === '「' || c === '『') depth++;
    else if ((c === '”' || c === '」' || c === '』') && depth > 0) depth--;
  }
  return depth > 0;
}
/** whether the asset's product types come only from the mandated warnings it carries (a post that names
 * no product of its own and signs off with 理财非存款、产品有风险、投资须谨慎) */
export function warnedOnly(products: AssetProducts): boolean {
  if (!products.types.size) return false;
  for (const t of products.types) {
    const e = products.evidence.get(t);
    if (!e || !WARNED.some(([, w]) => e.view.norm.text.slice(e.from, e.to) === w)) return false;
  }
  return true;
}
/** the investment types: a wealth word is theirs where the asset offers only them; their offer makes deposit verbs their words (depositByVerb), unless a structured deposit is offered beside them: 起存 is a deposit's */
export const INVESTMENTS: readonly ProductType[] = ['wealth', 'fund', 'insurance'];

/** True when the asset has a product type and every one of them is in `list` (an asset of only these types). */
export function onlyOf(types: ReadonlySet<ProductType>, list: readonly ProductType[]): boolean {
  if (!types.size || !list.length) return false;
  for (const t of types) if (!list.includes(t)) return false;
  return true;
}

/** The product types of the asset made of `views` (computed once per asset). */
export function classifyAsset(views: SpanView[], concepts: ConceptSet = loadConcepts()): AssetProducts {
  const known = cache.get(views);
  if (known) return known;
  // (an offer cue inside a quoted pitch offers nothing: 还有人跟你说“这款保本”)
  // (nor does a lesson that names a product of its own: 「同心学优」两全保险由…承保)
  const { lesson: lessonRe, offerCue, namedProduct, noProduct } = concepts.products;
  // (what a client reports in a Q&A's question names the product someone else spoke of, not one the post offers: 问：理财经理说这款产品…？)
  // (nor one that shows someone's earnings: a lesson does not — 定投分享会 ‖ 张阿姨已赚２万; nor one whose answer
  // likens the product to a deposit: 理财和定期有啥区别？‖ 对你来说没区别，就当是换了个名字的一年定期 — said, not quoted: a
  // reviewed pitch 「跟存款一样」 is the lesson's)
  // (nor one that names a product of the bank's own by its brand in a series' form, not quoting it: 小U答疑时间 ‖
  // 这个同心季季享，会不会亏哦？; not 冒用本行名义…所谓“同心宝·高息理财”)
  // (nor one that names a product the bank's policy lists as its own: 存款利率又降了怎么办 ‖ 金钥匙安盈持有满一年…)
  const lesson = views.some((v) => matches(lessonRe, simpleSource(v.norm))) && !views.some((v) => matches(offerCue, unquoted(asked(simpleSource(v.norm)))) || matches(namedProduct, simpleSource(v.norm)) || matches(concepts.products.earningsShown, v.norm.text) || matches(concepts.products.likenedToDeposit, unquoted(simpleSource(v.norm))) || brandSeries(v, true) || (!!concepts.products.ownNames && matches(concepts.products.ownNames, v.norm.text)));
  const { types: evidenceOf, generic } = concepts.products;
  const types = new Set<ProductType>();
  const evidence = new Map<ProductType, Evidence>();
  const notOffer = { clause: concepts.products.notOffer, sentence: concepts.products.pastSentence, after: concepts.products.notOfferAfter, afterClause: concepts.products.notOfferAfterClause };
  for (const [type, res] of Object.entries(evidenceOf) as [ProductType, RegExp[]][]) {
    const e = first(views, res, notOffer);
    if (e) {
      types.add(type);
      evidence.set(type, e);
    }
  }
  // (a deposit told only by its verbs is one where the asset offers no investment: beside one, its verbs dress it as a deposit)
  const byVerb = concepts.products.depositByVerb;
  if (byVerb && !types.has('deposit') && (types.has('structured') || !INVESTMENTS.some((t) => types.has(t)))) {
    const e = first(views, [byVerb], notOffer);
    if (e) {
      types.add('deposit');
      evidence.set('deposit', e);
    }
  }
  for (const [type, warning] of WARNED) {
    if (types.has(type)) continue;
    // (the fund warning alone asks for a fund's whole disclosure only when nothing else is the post's
    // product and the post does not say it offers none: a deposit lesson that ends with every warning,
    // or 小U今天不推产品…基金有风险，投资须谨慎, is no fund post; a fund pitch with the warning is)
    if (type === 'fund' && (types.size || views.some((v) => matches(noProduct, v.norm.text)))) continue;
    for (const view of views) {
      const at = view.norm.text.indexOf(warning);
      if (at >= 0) {
        types.add(type);
        evidence.set(type, { view, from: at, to: at + warning.length });
        break;
      }
    }
  }
  // (a lesson keeps what it says of deposits, which ask for no disclosure, and offers nothing else)
  if (lesson) for (const t of [...types]) if (t !== 'deposit') (types.delete(t), evidence.delete(t));
  const result: AssetProducts = { types, evidence };
  // (an asset offering a precious metal is not asked for an unnamed wealth product's warning)
  const other = concepts.products.otherKind;
  // (a lesson headed by the metal it teaches is about the bank's product still: 积存金是什么？ ‖ 金价明年看涨20%)
  const otherKind = !types.size && !!other && views.some((v) => matches(other, v.norm.text) && (!lesson || HEADLINE.test(v.span.field)));
  if (otherKind) result.otherKind = true;
  // (a bond the state issues is the product its return words are about: 储蓄国债…100元起，每年付息一次)
  const state = concepts.products.stateIssued;
  const namesState = !!state && views.some((v) => matches(state, v.norm.text));
  // a product of no named type is inferred only where something is offered
  const infer = !lesson && !otherKind && !namesState;
  if (infer && !types.size) {
    const weak = first(views, [concepts.products.weakWealth], notOffer);
    if (weak) {
      types.add('wealth');
      evidence.set('wealth', weak);
    }
  }
  // (beside a deposit, a product told by what no deposit has — a risk level, a holding period — is a wealth product still:
  // 存款利率下调后…本周在售：同心季季享，风险等级PR2，90天持有期，1万元起购)
  if (infer && types.size === 1 && types.has('deposit')) {
    const own = first(views, [NOT_A_DEPOSIT], notOffer);
    if (own) {
      types.add('wealth');
      evidence.set('wealth', own);
    }
  }
  // (a wealth product offered with its warning paraphrased: 起购金额1元，手机银行就能买 ‖ 理财有风险，选择要小心)
  if (infer && !types.size) {
    const said = first(views, [concepts.products.paraphrasedWealth], notOffer);
    if (said && views.some((v) => matches(offerCue, unquoted(simpleSource(v.norm))))) {
      types.add('wealth');
      evidence.set('wealth', said);
    }
  }
  // (nor a return word and a cue in a post that says it sells nothing: 读书，是回报最稳的投资 ‖ 不讲产品，只聊书里那只小狗)
  // (nor a post about what borrowing costs, whose figures are its cost: 0.6%一期的12期分期，年化利率其实约13%)
  if (infer && !types.size && !views.some((v) => matches(noProduct, v.norm.text) || BORROWING_COST.test(v.norm.text))) {
    const r = first(views, [generic.returns], notOffer);
    const cue = first(views, [generic.cue], notOffer);
    if (r && cue) {
      result.generic = r;
      types.add('wealth');
      evidence.set('wealth', r);
    }
  }
  // (a product of the bank's own named by its brand in a series' form, with nothing else to tell its kind:
  // 看看“同心季季开1号”，三个月一开放 ‖ 我哋行而家有只“同心悦享180天持有期” — the bank's wealth products are
  // named so; a brand name alone, 同心悦读会, is no product)
  if (infer && !types.size) {
    for (const view of views) {
      const named = brandSeries(view);
      if (!named) continue;
      types.add('wealth');
      evidence.set('wealth', { view, from: named[0], to: named[1] });
      break;
    }
  }
  // (only when the asset's deposit is the bond itself: 这款大额存单跟国债一样有国家兜底 still claims backing for a deposit)
  const depositIsBond = () => {
    const e = evidence.get('deposit');
    return !e || matches(state!, e.view.norm.text.slice(Math.max(0, e.from - 4), e.to + 4));
  };
  if (namesState && [...types].every((t) => t === 'deposit' || t === 'loan') && depositIsBond()) result.stateIssued = true;
  cache.set(views, result);
  return result;
}
