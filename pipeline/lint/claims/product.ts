// Product type of a whole asset: every span that ships together, read as one post. A post is about
// a wealth product, a fund, a structured deposit, insurance, a deposit or a loan (or several) when
// its text carries that type's evidence outside the mandated warnings; a post with a return word
// and a product cue but no named type is a wealth-like product ("generic"); a metaphor is none.
import type { SpanView } from '../detectors/types.ts';
import { inSafe } from '../detectors/types.ts';
import type { ConceptSet, ProductType } from './concepts.ts';
import { loadConcepts } from './concepts.ts';
import { normalizeTerm } from '../normalize.ts';
import { REQUIRED_WARNINGS } from '../warnings.ts';
import { cannotMatch } from '../prefilter.ts';
import { Attached } from '../attach.ts';
import { enumeration, quoteMask } from './analyze.ts';

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

/** the asset offers a product: of a listed type, or a precious metal (a product for what is claimed of it) */
export const isProductAsset = (p: AssetProducts) => p.types.size > 0 || !!p.otherKind;

/**
 * Whether the asset offers something: an offer cue outside quotations, a product of its own (这款,
 * 本产品, a named policy or loan in 「」), or a sale on someone's behalf (代理销售, 代销).
 */
export function offersSomething(views: SpanView[]): boolean {
  // (or a policy by its name and its own terms: 同心安康重疾险：缴费20年，保障终身)
  return views.some((v) => OFFER_CUE.test(unquoted(v.span.text)) || /这款|该款|这份|该份|一款|本产品|本保险|代理销售|代理一|代销|推荐|投保啦|开始投保|欢迎来网点|来网点(聊|了解|坐)|[「《][^」》]{1,16}(险|保险|贷)[」》]|[\u4e00-\u9fa5]{2,8}(重疾险|医疗险|年金险|寿险|两全保险|年金保险)[：:，,]\s*(缴费|交)\s*\d+\s*年/.test(v.span.text));
}

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

/** The text of the sentence after normalised offset `at`, at most AFTER characters (a list goes on past its clause: 理财、保险、基金，是三种不同的产品). */
const AFTER = 40;
function after(view: SpanView, at: number): string {
  const c = view.norm.sentence;
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

function first(views: SpanView[], res: RegExp[], notOffer?: { clause: RegExp; sentence: RegExp; after: RegExp }): Evidence | undefined {
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
        if (notOffer && wholly(view, m.from, m.to)) continue;
        if (notOffer) {
          notOffer.clause.lastIndex = 0;
          notOffer.sentence.lastIndex = 0;
          if (notOffer.clause.test(before(view, m.from, view.norm.clause)) || notOffer.sentence.test(before(view, m.from, view.norm.sentence))) continue;
          if (notOffer.after.test(after(view, m.to))) continue;
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

/** a post that says it offers nothing (小U今天不推产品) */
const NO_PRODUCT = /不(推|卖|推荐|推销|聊|讲|介绍)(任何|具体)?(产品|理财|基金)/;

/**
 * A lesson (小课堂, 名词解释, 【LPR是什么】, 警示教育, 问：…答：…) that offers nothing — no product of its
 * own, no sale, no amount to buy with, no call to come and buy — names product types to explain them.
 */
const LESSON = /中国理财网[」』”》]?(输入|查询)|怎么查|如何查|(有啥|有什么|有何|有哪些)(不一样|区别|不同)|区别在哪|看清(两|三|几)件事|看保险先看|看贷款(先|只)|只认年化|保险兼业代理|有(人|客户)问[:：]|不做产品推介|不做任何产品推介|不推介|不推荐任何|不针对任何具体|不涉及具体产品|不卖产品|纯知识分享|仅作知识讲解|答案是|类占\d|冷静期|小知识|查询指引|指引：|骗取|的套路|是套路|明令禁止|监管禁止|保什么|不保什么|保哪些|哪些不保|双录|录音录像|冒充[^。]{0,10}(员工|客服|工作人员)|(不少人|很多人|好多人|有人|总有人)把[^。]{0,12}(叫|当|当成|看成|说成|理解成)|资管新规(之后|以后|后|以来|出台|实施)|为什么|为何|怎么确认|怎么办|是啥|啥是|如何|还记得|罚单|案由|被罚款|警惕|行政处罚|处罚信息|违法违规行为|合规警示|内部培训|防范非法集资|聊聊往事|说说往事|别被|先看年化|怎么看|如何看|教你|小课堂|小課堂|名词|名詞|是什么|是什麼|什么是|什麼是|科普|速查|警示教育|案例学习|知识卡|知識卡|划重点|劃重點|一图读懂|答疑|老故事|讲个故事|严禁|红线|小贴士|贴士|冒名|冒用|报警|挂失|反诈|先还|还掉|还清|读招募说明书|读说明书|暗示话术|不合规的|处罚通报|通报学习|学习通报|合规案例|自查自纠|客户通知|应监管要求|^\s*Q[:：]|\n\s*A[:：]|被认定为|变相承诺|引以为戒|行内通报|内部通报|处罚依据|讲讲往事|那个年代|特殊年代|上世纪|(街坊|客户们?|大家|朋友们?|网友|粉丝|邻居)[^，。]{0,8}(问得最多|最关心|咨询最多)|^\s*问[:：]|\n\s*问[:：]|^\s*問[:：]/;
/** a product named in 「」 or 《》 and then called by its kind (「同心学优」两全保险; 《安享》年金保险) */
// (or by its designation: 同心固收增强6号, 稳利180天持有期)
const NAMED_PRODUCT = /[「《][^」》“”\n]{1,16}[」》]\s*(两全保险|年金保险|年金险|终身寿险|增额终身寿险?|重疾险|重大疾病保险|医疗险|医疗保险|意外险|意外伤害保险|理财产品|理财|基金|贷款|消费贷|经营贷)|[\u4e00-\u9fa5]{2,10}((?<![路街道巷弄里村镇区楼院厦])\d+号(?![楼院室线])|\d+\s*天(持有期|封闭)|\d+\s*个月(持有期|封闭))/;
export const OFFER_CUE = /(我们的|我行的?|本行的?|咱们行的?)[^，。]{0,3}(贷|理财|基金|保险|产品|存单|积存金)|可分期|按月还款|每借|可借|可贷|(这|该|本|新|這|該)(款|只|支|期|隻)|上线|上線|挑一只|选一只|买一只|随借随还|隨借隨還|额度(最高|可达|根据|以审批)|额度\d|立即申请|扫码|(来|到|可|即可|均可|都可|欢迎|前来|网点|柜台|线上|手机银行|app|APP|马上|立即|现在|都能|就能|一键)[^，。]{0,2}(办理|辦理)|在售|开售|開售|发售|發售|上新|上架|开放(申购|认购)|開放(申購|認購)|认购|認購|申购|申購|\d+(\.\d+)?\s*(万|萬|千|百)?元?\s*(就能|就可以|即可|便可)?\s*(起购|起購|起投|起存)|(本行|我行|我们|咱们行?)[^，。]{0,4}代(销|銷)|详询|詳詢|私信|欢迎[^，。]{0,4}(咨询|諮詢|选购|投保)|歡迎諮詢|预约|預約/;

/** The product types of the asset made of `views` (computed once per asset). */
export function classifyAsset(views: SpanView[], concepts: ConceptSet = loadConcepts()): AssetProducts {
  const known = cache.get(views);
  if (known) return known;
  // (an offer cue inside a quoted pitch offers nothing: 还有人跟你说“这款保本”)
  // (nor does a lesson that names a product of its own: 「同心学优」两全保险由…承保)
  const lesson = views.some((v) => LESSON.test(v.span.text)) && !views.some((v) => OFFER_CUE.test(unquoted(v.span.text)) || NAMED_PRODUCT.test(v.span.text));
  const { types: evidenceOf, generic } = concepts.products;
  const types = new Set<ProductType>();
  const evidence = new Map<ProductType, Evidence>();
  const notOffer = { clause: concepts.products.notOffer, sentence: concepts.products.pastSentence, after: concepts.products.notOfferAfter };
  for (const [type, res] of Object.entries(evidenceOf) as [ProductType, RegExp[]][]) {
    const e = first(views, res, notOffer);
    if (e) {
      types.add(type);
      evidence.set(type, e);
    }
  }
  for (const [type, warning] of WARNED) {
    if (types.has(type)) continue;
    // (the fund warning alone asks for a fund's whole disclosure only when nothing else is the post's
    // product and the post does not say it offers none: a deposit lesson that ends with every warning,
    // or 小U今天不推产品…基金有风险，投资须谨慎, is no fund post; a fund pitch with the warning is)
    if (type === 'fund' && (types.size || views.some((v) => NO_PRODUCT.test(v.norm.text)))) continue;
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
  const otherKind = !lesson && !types.size && !!other && views.some((v) => matches(other, v.norm.text));
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
  if (infer && !types.size) {
    const r = first(views, [generic.returns], notOffer);
    const cue = first(views, [generic.cue]);
    if (r && cue) {
      result.generic = r;
      types.add('wealth');
      evidence.set('wealth', r);
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
