// The claims layer: what a sentence claims, from concepts and their scope.
//
// Per text: one automaton scan finds every concept phrase and operator (leftmost-longest, exceptions
// swallow what they cover). Only sentences that could hold a claim (a pattern's concepts are all
// there) or that hold a word-rule term are analysed further: one-character phrases must be words of
// their own in jieba's segmentation of the clause (不 in 不会 counts, in 不错 it does not), then each
// concept gets a status:
//   - a negation covers the rest of its clause up to and including the first head (不保证…),
//     and what follows a negated head is not asserted at all (不保证本金安全);
//   - a negation after (想多了, 退出历史舞台) flips its clause, the clause before when it opens its
//     own, and a question just before it (会亏本？想多了！ claims no loss);
//   - a caution word (警惕, 听到…) makes the rest of its clause a quotation, a caution after (…都是骗子)
//     the sentence before it; quoted text is a quotation when the text warns or talks about fraud.
// Patterns (rules' `claims:`) then ask for concepts with a polarity within a clause or sentence.
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import type { SpanView } from '../detectors/types.ts';
import { OPERATORS, type ClaimPattern, type ConceptSet, type Operator, type ProductType } from './concepts.ts';
import { cannotMatch } from '../prefilter.ts';
import { CLAUSE, SENTENCE } from '../classes.ts';
import { ASSENT_EMOJI, normalizeTerm, simpleSource } from '../normalize.ts';
import { Attached } from '../attach.ts';
import { isProductAsset, onCommentLine, onlyOf, type AssetProducts } from './product.ts';
import { ownWordsFrom, verdictAt, verdictsOf } from './verdict.ts';

const MASK_CODE = 42;

export const ASSERTED = 0;
export const NEGATED = 1;
export const NEUTRAL = 2;
export type Status = typeof ASSERTED | typeof NEGATED | typeof NEUTRAL;

export interface Hit {
  from: number;
  to: number;
  /** concept class, or -1 for an operator */
  cls: number;
  op: Operator | undefined;
  status: Status;
  /** where the negation that flipped it starts, when it stands before it in its clause */
  negatedFrom: number | undefined;
}

let jieba: Jieba | undefined;
/**
 * The segmenter, with its dictionary loaded once per process, on first need: the package (a native
 * addon and a 5 MB dictionary) is not even loaded for texts that never need a clause segmented.
 */
function segmenter(): Jieba {
  if (jieba) return jieba;
  const require = createRequire(import.meta.url);
  const { Jieba: J } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const { dict } = require('@node-rs/jieba/dict.js') as typeof import('@node-rs/jieba/dict.js');
  return (jieba = J.withDict(dict));
}

/**
 * Words of `text` with jieba's part-of-speech tags (nr: a person's name), the same segmenter the
 * claims use; `hmm` also joins characters the dictionary does not know into words (刘桂芬/x).
 */
export function taggedWords(text: string, hmm = false): { word: string; tag: string }[] {
  return segmenter().tag(text, hmm);
}

export interface ViewClaims {
  view: SpanView;
  /** hits per analysed sentence, in order */
  sentences: Map<number, Hit[]>;
  /** status of a word-rule term at normalised [from, to) (its sentence must have been analysed) */
  statusAt(from: number, to: number): Status;
  /** true when a listed exception runs across the edge of [from, to) (不会亏 in 不会亏待), or covers it */
  straddled(from: number, to: number): boolean;
  /** operators found anywhere in the text (undercut, caution) */
  ops: Set<Operator>;
  /** the undercut phrase, if any (original characters) */
  undercut?: { from: number; to: number };
}

interface Raw {
  from: number;
  to: number;
  entry: number;
  cls: number;
  /** always present (undefined when not an operator): one object shape for every hit */
  op: Operator | undefined;
}

/**
 * The selected hits of a text as columns (hit k: from[k], to[k], …, for k < n), in text order: the
 * whole text's hits without an object each. Objects (Raw) are made only for the sentences analysed.
 */
interface Selected {
  n: number;
  from: Int32Array;
  to: Int32Array;
  entry: Int32Array;
  cls: Int32Array;
  /** operator index in OPERATOR_LIST, -1 when none */
  op: Int8Array;
}

const OPERATOR_LIST: readonly Operator[] = OPERATORS;
const OP_INDEX = new Map<Operator, number>(OPERATOR_LIST.map((o, i) => [o, i]));
const NEGATE = OP_INDEX.get('negate')!;
const NEGATE_AFTER = OP_INDEX.get('negate-after')!;
const ANSWER = OP_INDEX.get('answer')!;
const CAUTION = OP_INDEX.get('caution')!;
const CAUTION_AFTER = OP_INDEX.get('caution-after')!;
/** a line that is one bare word or phrase (保本; 预期收益率), not a sentence about something (这款保本) */
// (a figure may be part of it: 日息1%)
// (or a line of such words and nothing else, three or more set apart by 、: 保本、保息、稳赚、零风险……)
const BARE_ITEM = /^[\s\u3000]*【?(?![这该本此])[\u4e00-\u9fa5A-Za-z][\u4e00-\u9fa5A-Za-z0-9.%％]{1,9}】?[\s\u3000]*$|^[\s\u3000]*[“「"]?[\u4e00-\u9fa5A-Za-z][\u4e00-\u9fa5A-Za-z0-9.%％]{0,7}[”」"]?(?:[\s\u3000]*[、／/·][\s\u3000]*[“「"]?[\u4e00-\u9fa5A-Za-z][\u4e00-\u9fa5A-Za-z0-9.%％]{0,7}[”」"]?){2,}[\s\u3000]*(……|…|\.\.\.|等等?)?[\s\u3000]*$/;
/** a line of bare words side by side (保本　保息　稳赚　零风险; 国家级、最佳、唯一、NO.1) */
// (a cell may be an emoji, as a bingo card's free square: 年化可达 ｜ 🆓 ｜ 手慢无)
const WORDS_LINE = /^[\s\u3000]*(?:(?:【?[\u4e00-\u9fa5A-Za-z0-9.]{2,8}】?|\p{Extended_Pictographic}\uFE0F?)[\s\u3000、／/|｜·•・]+){1,}(?:【?[\u4e00-\u9fa5A-Za-z0-9.]{2,8}】?|\p{Extended_Pictographic}\uFE0F?)[\s\u3000。；;]*$/u;
/** a line that is one quotation and nothing else (‘这款和存款一样安全’) */
const QUOTED_LINE = /^[\s\u3000]*(?:[‘“「『"'][^\n‘“「『”」』’"']{1,40}[’”」』"'][\s\u3000、，,]*)+[\s\u3000。；;，,…]*$/;
/** a label that announces an offer, not a term to define (讲座福利：, 本周推荐：) */
const OFFER_LABEL = /(福利|推荐|新品|上新|好物|礼遇|专享|特惠|优惠|活动|彩蛋|加餐|爆款|精选|在售|热销|开售|发售)\s*[:：]$/;
/** a line that defines a word (保本：承诺本金不亏; 「躺赚」：不用管就能赚钱) */
const GLOSSARY_LINE = /^[\s\u3000]*[“「『]?[\u4e00-\u9fa5A-Za-z·／/、]{2,12}[”」』]?\s*[:：]/;
/** a line that is a choice of a question (A. 资产保值; B、…) */
const LIST_OPTION = /^[\s\u3000]*[A-Fa-f]\s*[.、．)）]/;
/** a line that is an item of a list: a bullet, a number, 一是 or a quotation opens it (· 承诺高额回报; 1. 保本保息; ② …; 一是承诺保本保收益；二是…; 「保·本」「稳 赚」) */
const LIST_ITEM = /^[\s\u3000]*(?:[·•・●○■□◆◇▪▫►▶➤→\-*—“「『☐]|[一二三四五六七八九十]是|第[一二三四五六七八九十\d]{1,2}(名|位)?[，、,:：「“『]|\d{1,2}号位\s*[:：]|\p{Extended_Pictographic}|\d{1,2}\s*[.、．)）｜|]|\d{1,2}[ \t\u3000]+(?=[\u4e00-\u9fa5])|\d\uFE0F?\u20E3|[（(]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*[)）]|[\u2460-\u2473\u2776-\u277f]|[一二三四五六七八九十]{1,2}\s*[、.．])/u;

/** a title that warns against what it lists, then the list (防范非法集资 · 街坊版⏎⏎保本⏎高息) */
const CAUTION_TITLE = /^[\s\p{Extended_Pictographic}【\[]*(防范|谨防|警惕|提防|识破|揭秘|识别)[^\n，。！？!?]{0,20}$|防非|防骗|防诈|反诈|防范非法集资|(自测|自查)[^\n]{0,12}(见过|中了|有几|几个|几条)/u;
/** a header that announces words as words (关键词; 下面这几个词) */
const NAMED_WORDS_HEADER = /关键词|关键字|敏感词|高危词|(这|下面|以下|下列)(这)?(几|[两三四五六七八九十])?(个|些)(词|字眼)/;
/** a line that heads a list of pitches, colon or not (红灯话术清单; 这几句话术，谁说都别信) */
/** the head of a spot-the-problem puzzle or its answer page (找茬挑战：这张海报有几处违规？; 找茬答案页): a drawn text (see lintSpans) or a line that heads a list */
export const SPOT_HEAD = /找茬|挑错|找找看|圈出[^\n]{0,10}(坑|错|问题|违规)|哪里不对|有几处违规|几处问题|找出[^\n]{0,8}(违规|问题|错)/;
/** a head that lists what the writer never says (小U不会说的五句话; 我永远不会跟你讲的三句话) */
// (in English too: Red Flags 🚩 听到就挂; words we never say)
export const NEVER_SAYS_HEAD = String.raw`(?:(永远不会|绝不会|不会|唔會|唔会|从不)(说|讲|講|跟你说|跟你讲|同你讲)的[一二两三四五六七八九十几\d]*句(话)?|[Rr]ed [Ff]lags?(?![A-Za-z])|[Ww]arning [Ss]igns(?![A-Za-z])|(?<![A-Za-z])([Ww]ords|[Pp]hrases|[Ll]ines|[Tt]hings)( that)? (we|I|you'll|you will|staff) (never|won't|will never|don't) (say|use|write|hear))`;
// (or that tells the reader to scroll past what follows: 看到这些，请直接划走👇)
const LIST_HEADER = new RegExp(String.raw`${SPOT_HEAD.source}|(看到|见到|遇到|刷到)(这些|这几|以下|下面)[^。\n]{0,8}(直接划走|请直接划走|请划走|直接拉黑|快跑|绕道走|赶紧跑)|[一二两三四五六七八九十几\d]+句(话)?(别信|不要信|不能信|莫信)|(这些|以下|下面|以下的)(话|说话|說話|说法)[^。\n]{0,16}(不会|唔会|唔會|永远不会|不能|不可以|不该|不准|不许)[^。\n]{0,8}(说|讲|講)|(员工|員工)[^。\n]{0,6}(永远不会|不会|唔會|唔会)[^。\n]{0,8}(说|讲|講)的话|${NEVER_SAYS_HEAD}|错句|(最离谱|最坑人?|最常见|最可怕|最危险|最容易上当)的[^\n]{0,6}(话术|说法|套路|骗局|骗术)|(问题|退回原因|退稿原因|违规点|扣分项)[^\n]{0,10}(集中在|主要是|主要有|包括|有以下|如下)|(红线|禁用|违规|敏感|违禁|不能碰的|不能写的|不能用的)(词|语|用语|词语|字眼|表述)|(不得|禁止|严禁|不准|不许|不应|不能|不可)(含有|出现|使用|包含|宣传|进行|从事|有|作出|做出)?(下列|以下|如下|下面)(的)?(内容|行为|情形|情况|表述|用语|事项|词语|说法)|[五四三六七八九十几](个|条)(不许|不准|不得|严禁|禁止|铁规矩|规矩)|铁规矩|(话术|说法|套路|骗局|陷阱|红线|红旗|黑话)[^\n]{0,6}(清单|合集|大全|盘点|汇总|别信|不要信|莫信|要警惕|请警惕|一律|都是)|(以下|下面|这几句|这些|几句|几种|[两三四五六七八九十]句|[两三四五六七八九十]种)[^\n]{0,6}(话术|说法|套路|话|词|字眼)|(别信|不要信|莫信|要警惕|请警惕|都是坑|全是坑|是陷阱|都是陷阱|是骗局|都是骗局)\s*[\p{Extended_Pictographic}\s]*$|(这些|这几句|以下|下面|[两三四五六七八九十几]句)[^\n]{0,8}(话|说法|词|字眼|表述)[^\n]{0,10}(不能说|不能讲|不能用|不能写|不要说|别说|不许说|不准说|说不得|不可以说)`, 'u');

/** a choice that says no, or yes, with its first word (B 不会 ✅; A 会 ✅) */
const CHOICE_NO = /^(不会|不能|不可能|不是|没有|没|不|否|冇|唔会|唔係)/;
const CHOICE_YES = /^(会|能|可能|有可能|是|有|对|可以|係|系|会的|能的)/;
/** a choice marked as the right one */
const CHOICE_MARK = /[✅✔√☑✓]/;
/** a line that opens as a quiz's or a poll's choice (A. …; B 有可能; 1️⃣ 会) — not a Q&A's A： */
const CHOICE_OPENING = /^[ \t\u3000]*(?:[A-Fa-f]\s*[.、．)）]|[A-F][ \t\u3000]+(?=[\u4e00-\u9fa5\d])|[1-9]\uFE0F?\u20E3)/;
/** True when normalised offset `from` of the view stands on a line that is a choice of a question (A. …; B、…; in a quiz, A：…) */
export function onOptionLine(view: SpanView, from: number): boolean {
  const src = view.norm.source;
  const at = view.norm.start[from]!;
  const a = src.lastIndexOf('\n', at - 1) + 1;
  // (or a letter and a space, or a poll's keycap: B 有可能; 1️⃣ 会，雷打不动先存20%)
  return CHOICE_OPENING.test(src.slice(a, a + 8)) || /^[\s\u3000]*[A-F]\s*[:：]/.test(src.slice(a, a + 8));
}

/** True when normalised offset `from` of the view stands on a line that is an item of a list (a bullet, a number, one bare word) */
export function onListItemLine(view: SpanView, from: number): boolean {
  const src = view.norm.source;
  const at = view.norm.start[from]!;
  const a = src.lastIndexOf('\n', at - 1) + 1;
  let b = src.indexOf('\n', at);
  if (b < 0) b = src.length;
  if (LIST_ITEM.test(src.slice(a, a + 8)) || BARE_ITEM.test(src.slice(a, b)) || WORDS_LINE.test(src.slice(a, b)) || QUOTED_LINE.test(src.slice(a, b)) || /^\s*[|｜]/.test(src.slice(a, a + 4))) return true;
  // (a line under an offer's label is no glossary entry: 讲座福利：同心…，到期本金一分不少)
  const g = GLOSSARY_LINE.exec(src.slice(a, a + 14));
  return !!g && !OFFER_LABEL.test(g[0]);
}

/** the hit `k` of `sel` as an object */
function rawAt(sel: Selected, k: number): Raw {
  const op = sel.op[k]!;
  return { from: sel.from[k]!, to: sel.to[k]!, entry: sel.entry[k]!, cls: sel.cls[k]!, op: op < 0 ? undefined : OPERATOR_LIST[op] };
}

// select's columns, reused from call to call (a dozen typed arrays per text cost more than the
// selection of a short text): select is not re-entrant, and what it returns is read before the next
// call (analyzeView groups it into objects at once)
let capacity = 0;
let cFrom = new Int32Array(0);
let cTo = new Int32Array(0);
let cEntry = new Int32Array(0);
let cCls = new Int32Array(0);
let cOp = new Int8Array(0);
/** 1: a pattern's match that may cross a clause mark (acrossClauses) */
let cAcross = new Int8Array(0);
let keys = new Float64Array(0);
let order = new Int32Array(0);
let keep = new Int32Array(0);
const selected: Selected = { n: 0, from: new Int32Array(0), to: new Int32Array(0), entry: new Int32Array(0), cls: new Int32Array(0), op: new Int8Array(0) };

/** room for `n` candidates in every column (the candidates' first `used` kept) */
function reserve(n: number, used: number) {
  if (n <= capacity) return;
  capacity = Math.max(n, capacity * 2, 256);
  const grow = <T extends Int32Array | Int8Array | Float64Array>(a: T, copy: boolean): T => {
    const b = new (a.constructor as { new (n: number): T })(capacity);
    if (copy) b.set(a.subarray(0, used));
    return b;
  };
  [cFrom, cTo, cEntry, cCls, cOp, cAcross] = [grow(cFrom, true), grow(cTo, true), grow(cEntry, true), grow(cCls, true), grow(cOp, true), grow(cAcross, true)];
  [keys, order, keep] = [grow(keys, false), grow(order, false), grow(keep, false)];
  selected.from = grow(selected.from, false);
  selected.to = grow(selected.to, false);
  selected.entry = grow(selected.entry, false);
  selected.cls = grow(selected.cls, false);
  selected.op = grow(selected.op, false);
}

/** Lets go of columns grown for a huge text (a worker lints on for hours). */
function releaseScratch() {
  if (capacity <= 1 << 16) return;
  capacity = 0;
  [cFrom, cTo, cEntry, cCls, keys, order, keep] = [new Int32Array(0), new Int32Array(0), new Int32Array(0), new Int32Array(0), new Float64Array(0), new Int32Array(0), new Int32Array(0)];
  cOp = new Int8Array(0);
  cAcross = new Int8Array(0);
  Object.assign(selected, { n: 0, from: new Int32Array(0), to: new Int32Array(0), entry: new Int32Array(0), cls: new Int32Array(0), op: new Int8Array(0) });
}

/** how much text before a match a pattern's lookbehind may read, when a match is read again in a window */
const LOOKBEHIND_ROOM = 200;

/** true when 就 at `at` opens 就…嘛/吗/么 ending its sentence within a few words: a question that asks to be agreed with */
function asksAgreement(text: string, gap: Uint8Array, at: number): boolean {
  for (let j = at + 2; j < Math.min(text.length, at + 26); j++) {
    if (gap[j]! >= SENTENCE) return false;
    const ch = text[j];
    if ((ch === '嘛' || ch === '吗' || ch === '么') && (j + 1 === text.length || gap[j + 1]! >= SENTENCE)) return true;
  }
  return false;
}

/** whether the UTF-16 unit at `i` of `text` is a Latin letter (an English word's edge); false past either end */
const latinAt = (text: string, i: number) => {
  const c = text.charCodeAt(i) | 32;
  return c >= 97 && c <= 122;
};

/** Leftmost-longest, non-overlapping selection of the automaton's (and patterns') matches. */
function select(c: ConceptSet, view: SpanView, excepts: [number, number][], label = false): Selected {
  const text = view.norm.text;
  const gap = view.norm.gap;
  const hits = c.automaton.scanInto(text, MASK_CODE);
  // every candidate as columns: the automaton's matches (in its order), then the patterns'
  reserve(hits.count, 0);
  let m = 0;
  let anyClass = false;
  for (let k = 0; k < hits.count; k++) {
    const id = hits.id[k]!;
    const e = c.entries[id]!;
    const a = hits.from[k]!;
    const b = hits.to[k]!;
    // an English word matches as a word, never inside another (interest in interesting, risk in risky),
    // its plural too (wealth product in wealth products)
    if ((latinAt(text, a) && latinAt(text, a - 1)) || (latinAt(text, b - 1) && latinAt(text, b) && !((text[b] === 's' || text[b] === 'S') && !latinAt(text, b + 1)))) continue;
    const x = e.kind === 'class' ? e.cls : e.kind === 'except' ? -2 : -1;
    if (x >= 0) anyClass = true;
    cFrom[m] = a;
    cTo[m] = b;
    cEntry[m] = id;
    cCls[m] = x;
    cOp[m] = e.kind === 'op' ? OP_INDEX.get(e.op)! : -1;
    cAcross[m] = 0;
    m++;
  }
  // the bank's own products named by its brand (同心月月享) are product references, as 这款 is
  if (view.brandNames) {
    const ref = c.classIndex.get('product-ref');
    if (ref !== undefined) for (const [a, b] of view.brandNames) {
      reserve(m + 1, m);
      cFrom[m] = a;
      cTo[m] = b;
      cEntry[m] = -1;
      cCls[m] = ref;
      cOp[m] = -1;
      cAcross[m] = 0;
      m++;
      anyClass = true;
    }
  }
  // the pattern classes (amounts, comparisons) only matter next to a word of some class, or on a
  // product's label, which is about the product though it names none (今年目标+8% on a fund's tile)
  if (anyClass || label) for (const { cls: pc, re, across } of c.patterns) {
    // (a pattern that reads across a clause mark stops only at a sentence's end)
    const stop = across ? SENTENCE : CLAUSE;
    re.lastIndex = 0;
    if (cannotMatch(re, text)) continue;
    for (let x = re.exec(text); x; x = re.exec(text)) {
      if (!x[0].length) {
        re.lastIndex++;
        continue;
      }
      // a match across a clause mark never counts (punctuation is dropped from the normalised text):
      // look again from the next character, so it does not hide one inside it (…三年了。她说：「一年赚的钱)
      let cut = -1;
      for (let i = x.index + 1; i < x.index + x[0].length; i++) if (gap[i]! >= stop) {
        cut = i;
        break;
      }
      const at = x.index;
      let len = x[0].length;
      if (cut >= 0) {
        // (a greedy gap may have run past the mark: the same start may hold a match that ends
        // before it — 就当多存了一笔定期。理财非存款 holds 就当多存了一笔定期)
        // (read in a window that keeps what a lookbehind needs: bounded, so a long text stays linear)
        const from = Math.max(0, x.index - LOOKBEHIND_ROOM);
        re.lastIndex = x.index - from;
        const y = re.exec(text.slice(from, cut));
        re.lastIndex = x.index + 1;
        if (!y || y.index !== x.index - from || !y[0].length) continue;
        len = y[0].length;
      }
      reserve(m + 1, m);
      cFrom[m] = at;
      cTo[m] = at + len;
      cEntry[m] = -1;
      cCls[m] = pc;
      cOp[m] = -1;
      cAcross[m] = across ? 1 : 0;
      m++;
    }
  }
  // by place: start, then the longer first, then the order found (a stable sort's order)
  byPlaceOrder(m);
  const safe = safeMask(view);
  let kept = 0;
  let end = 0;
  let anyExcept = false;
  for (let q = 0; q < m; q++) {
    const k = order[q]!;
    const a = cFrom[k]!;
    const b = cTo[k]!;
    // never across a clause mark (an exception neither: 不用操心，到期收钱 holds no 不用操心到期)
    let crosses = false;
    const stop = cEntry[k]! < 0 && cAcross[k] ? SENTENCE : CLAUSE;
    for (let i = a + 1; i < b; i++) if (gap[i]! >= stop) crosses = true;
    if (cCls[k] === -2 && !crosses) {
      excepts.push([a, b]);
      anyExcept = true;
    }
    // pattern classes (amounts, comparisons) overlap the words they are made of
    const pattern = cEntry[k]! < 0;
    if (!pattern && a < end) continue;
    if (crosses) continue;
    if (covers(safe, a, b)) continue;
    // (NO.1 is a ranking, not an English "no")
    if (cOp[k] === NEGATE && b - a === 2 && /^no$/i.test(text.slice(a, b)) && /^\s*[.．]?\s*\d/.test(text.slice(b, b + 3))) continue;
    // an A-not-A question (受不受影响, 值不值得) asks: its 不 negates nothing
    if (cOp[k] === NEGATE && b - a === 1 && a > 0 && b < text.length && !gap[a] && !gap[b] && text[a - 1] === text[b] && /[\u4e00-\u9fa5]/.test(text[b]!)) continue;
    // a potential complement (讲不清, 看不懂) says what cannot be done, and negates nothing after it
    // (讲不清风险的产品 is no risk-free product)
    if (cOp[k] === NEGATE && b - a === 1 && a > 0 && !gap[a] && !gap[b] && (text[b] === '清' || text[b] === '懂') && /[\u4e00-\u9fa5]/.test(text[a - 1]!)) continue;
    // 不就…嘛 asks to be agreed with (那不就跟存定期一样嘛): its 不 negates nothing
    if (cOp[k] === NEGATE && b - a === 1 && text[a] === '不' && text[b] === '就' && asksAgreement(text, gap, b)) continue;
    keep[kept++] = k;
    if (!pattern) end = b;
  }
  // an exception across a concept's edge is the word really there (亏待 in 不会亏待); an operator
  // keeps its place (成本 does not undo 不构成 in 不构成本行…的承诺)
  const index = anyExcept || excepts.length ? exceptIndex(excepts) : undefined;
  const out = selected;
  let n = 0;
  for (let q = 0; q < kept; q++) {
    const k = keep[q]!;
    if (index && (cCls[k] === -2 || (cCls[k] !== -1 && index(cFrom[k]!, cTo[k]!)))) continue;
    out.from[n] = cFrom[k]!;
    out.to[n] = cTo[k]!;
    out.entry[n] = cEntry[k]!;
    out.cls[n] = cCls[k]!;
    out.op[n] = cOp[k]!;
    n++;
  }
  out.n = n;
  return out;
}

/**
 * Fills order[0…m) with the candidates by start, then end descending, then index: one numeric sort
 * of packed keys (start, reversed length and index in the 53 bits of a double) when they fit, else
 * a sort with a comparator — the same order either way.
 */
function byPlaceOrder(m: number) {
  let fits = m < 1 << 20;
  for (let k = 0; fits && k < m; k++) if (cFrom[k]! >= 1 << 23 || cTo[k]! - cFrom[k]! >= 1 << 10) fits = false;
  if (fits) {
    for (let k = 0; k < m; k++) keys[k] = (cFrom[k]! * 1024 + (1023 - (cTo[k]! - cFrom[k]!))) * 1048576 + k;
    // (a short list sorts as well by insertion, without a view of the scratch array)
    if (m <= 16) {
      for (let i = 1; i < m; i++) {
        const x = keys[i]!;
        let j = i - 1;
        for (; j >= 0 && keys[j]! > x; j--) keys[j + 1] = keys[j]!;
        keys[j + 1] = x;
      }
    } else keys.subarray(0, m).sort();
    for (let q = 0; q < m; q++) order[q] = keys[q]! % 1048576;
    return;
  }
  const list: number[] = [];
  for (let k = 0; k < m; k++) list.push(k);
  list.sort((a, b) => cFrom[a]! - cFrom[b]! || cTo[b]! - cTo[a]! || a - b);
  for (let q = 0; q < m; q++) order[q] = list[q]!;
}

/** a guarantee given for what comes before it in the clause (对其收益或风险作出任何保证) */
const GUARANTEE_AFTER = /^[^不没非无]{0,10}((作出|做出|作了|做了|给予|提供|进行)[^，。不没]{0,8}|的?(任何|实质性|一切)[^，。不没]{0,4})(保证|承诺|担保|实质性判断|背书|判断)/;

/** a prohibition right before a quotation's opening (不得用“…”; 严禁说「…」) */
const FORBIDDEN_QUOTE = /(不得|不许|不准|禁止|严禁|不能|不要|别|切勿)(用|说|讲|写|出现)?[^，。！？\n“”「」]{0,3}[“「『"]$/;
/** what an undercut is said of: the warning (风险提示照例要写，其实不用管; …投资须谨慎。听听就好), not a quoted pitch (网上那些“稳赚”的直播，请别当真) */
const WARNING_WORDS = /提示|风险|谨慎|单利|这句|这行|那句|那行|这几个字|那几个字|小字|免责|说明书|套话|规定|写着|印着|承保|不是存款/;
/** the sentence of normalised `at`, or one of the two before it, speaks of a warning (…投资须谨慎～⏎好啦念完啦！这种话听听就好) */
function aboutWarning(norm: SpanView['norm'], at: number): boolean {
  const s = norm.sentence[at]!;
  let a = at;
  while (a > 0 && norm.sentence[a - 1]! >= s - 2 && at - a < 200) a--;
  let b = at;
  while (b < norm.text.length && norm.sentence[b] === s && b - at < 80) b++;
  if (!WARNING_WORDS.test(norm.text.slice(a, b))) return false;
  // (the words may all be a quoted pitch's and what points at it: read again without such quotes)
  const source = norm.source.slice(norm.start[a]!, norm.end[b - 1]!);
  if (!/[“「『"]/.test(source)) return true;
  return WARNING_WORDS.test(normalizeTerm(source.replace(QUOTED_CLAIM, (q, inner: string) => (WARNING_QUOTED.test(normalizeTerm(inner)) ? q : ''))));
}
/** a quotation with what points back at it (“养老产品都是低风险的”——这句话听听就好: said of the quoted pitch, not of a warning) */
const QUOTED_CLAIM = /[“「『"]([^”」』"\n]{0,80})[”」』"]([\s—\-－~～，,：:]*(这|那)(句话?|话|种话|种说法|个说法))?/g;
/** a denial or a question right before an undercut word (不是一句客套话; 绝不是走过场; 风险提示是不是走个形式？) */
const UNDERCUT_DENIED = /(不是|并不是|并非|绝不是|可不是|从来不是|不只是|不仅仅是|不光是|不能当)(一句|一个|一种|在)?(客)?$|(是不是|是否|难道|会不会|算不算)(只是|就是|在)?$/;
/** what a quoted warning holds (“投资须谨慎”这句话听听就好 undercuts it) */
const WARNING_QUOTED = /谨慎|提示|非存款|不是存款|承保|有风险|免责/;

/** the opening of an answer that defines a term: (A：|答：) the term, then 就是/是指/指的是/意思是 */
const DEFINITION = /^\s*((A|答)\s*[:：]\s*)?(?<term>[^。！？\n]{1,10}?)[，,]?\s*(就是|是指|指的是|意思是|的意思是|是说)/;

/** An enumeration comma (、) stands between normalised characters i - 1 and i (dropped between two characters, or kept beside a Latin letter or a digit). */
export function enumeration(norm: SpanView['norm'], i: number): boolean {
  return norm.text[i - 1] === '、' || norm.source.slice(norm.end[i - 1]!, norm.start[i]!).trim() === '、';
}

/** how far a sentence is read back from a word (bounded: linear on one endless sentence) */
const SENTENCE_REACH = 160;
/** where the sentence of normalised offset `i` starts, at most SENTENCE_REACH before `limit` */
function sentenceStart(sentence: Int32Array, i: number, limit = i): number {
  let a = i;
  while (a > 0 && limit - a < SENTENCE_REACH && sentence[a - 1] === sentence[i]) a--;
  return a;
}

/** words that point back to what the sentence before spoke of (这样的设计; 这款; 它; 比我哋更高: what we offer) */
const REFERS_BACK = /这样的|这种|这款|这只|这支|这期|这个产品|它|佢|比(我们|我哋|咱们|我行|本行)(更|还)?/;
const PRODUCT_NOUN = /理财|基金|保险|存单|结构性存款|贷款|积存金|产品/;
/**
 * True when the sentence of `at` points back (这样的, 这款, 它) to a product the sentence before it names
 * (说一款新发的养老理财：期限五年。整个杭州就我们这儿有这样的设计，独一份).
 */
function pointsBack(view: SpanView, at: number): boolean {
  const { sentence, text } = view.norm;
  const a = sentenceStart(sentence, at);
  let b = at;
  while (b < text.length && b - at < SENTENCE_REACH && sentence[b] === sentence[at]) b++;
  if (a === 0 || !REFERS_BACK.test(text.slice(a, b))) return false;
  return PRODUCT_NOUN.test(text.slice(sentenceStart(sentence, a - 1), a));
}

/** a product's name in brackets (「同心季季盈」) */
const BRACKETED_NAME = /[「『《][^」』》「『《\n]{3,12}[」』》]/;
/**
 * True when the sentence before normalised offset `at` names a product in brackets before it
 * (「同心季季盈」主打一个安全; a line that ends on a comma runs on into the next: 「同心季季盈」不追高收益，⏎主打一个安全).
 */
export function namesProductBefore(view: SpanView, at: number): boolean {
  const { sentence, source, start, end } = view.norm;
  let a = sentenceStart(sentence, at);
  // (the source from just after the sentence before: its opening bracket is no normalised character)
  const from = (i: number) => (i > 0 ? end[i - 1]! : 0);
  if (a > 0 && /[，,、]\s*$/.test(source.slice(Math.max(0, from(a) - 2), start[a]!))) a = sentenceStart(sentence, a - 1, at);
  // (or one of the names the bank's policy lists: 监管局的领导对金钥匙安盈给予了充分肯定)
  return BRACKETED_NAME.test(source.slice(from(a), start[at]!)) || !!view.brandNames?.some(([x]) => x >= a && x < at);
}

/** the fields that head an asset or stand alone on it (title, subtitle, an image's headline, a badge, a button, a nine-grid tile, a sticker, a chart): about the asset's product */
export const HEADLINE = /(^|[:.])(title|subtitle|headline|badge|cta|slogan|tagline)$|(^|[:.])(tiles?|stickers?)([.-]?\d+)?$|^chart(\.|:|$)/i;

/**
 * A short headline of an asset that offers a product (a badge, a tile: 稳稳的💰) is the product's
 * label: what it says, it says of the product, though it names none (the concept class `label`).
 */
export function productLabel(view: SpanView, products: AssetProducts): boolean {
  return isProductAsset(products) && view.norm.text.length > 0 && view.norm.text.length <= 12 && HEADLINE.test(view.span.field);
}

/**
 * Negations that forbid (a rule quoted: 严禁向客户承诺保本、保收益), deny a commitment (不承担任何保本、
 * 保收益的义务), deny what something implies (不意味着本产品无风险、收益有保障) or say nobody does it
 * (没有一个人会在任何场合、以任何方式对您说“稳赚”): they cover a list
 * joined by enumeration commas, in the claims analysis and for word rules.
 */
export const PROHIBIT = ['不能拿', '不得拿', '不准拿', '不许拿', '不会拿', '不会送', '不能送', '不得送', '不会用', '从不用', '绝不用', '没有一个人', '没有任何人', '没有人会', '没人会', '无权', '不意味着', '并不意味着', '不代表', '并不代表', '不等于', '并不等于', '不表示', '并不表示', '不能用', '不能以', '不得以', '严禁', '禁止', '不得', '不准', '不许', '切勿', '杜绝', '不允许', '不承担', '不承诺', '不保证', '不作出', '不做出', '不作任何', '不提供', '不构成', '不负责', '不可以', '唔可以', '唔准', '唔得', '不由', '并不由', '不能对客户', '不能向客户', '不能跟客户', '不能和客户', '不能给客户'];

/** a negation that refuses to use or give what the list names (不用礼品、抽奖拉认购; 不送米、油): the list is refused, not denied item by item */
const NOT_USING = /^(不用|不拿|不以)(?!担心|操心|怕|愁|急|慌)|^不(给|搞|设|送|发|派)$/;

/** a line that cites a law or rule by name and opens its text with a colon (《广告法》第二十五条…贴出来给大家看看：) */
const STATUTE_LEAD = /《[^》\n]{1,30}(法|条例|办法|规定|指引|通知|意见|规范|准则|细则)》[^\n]{0,40}[：:]\s*$/;
/**
 * a line of a statute's text: a duty, a prohibition or an exception in its own words (an item mark
 * alone is not enough: 《…》：⏎（一）本产品保本保息 is a claim listed under a citation, not the law)
 */
const STATUTE_TEXT = /不得|禁止|严禁|应当|不应|除外|不准|不许|须|必须/;
/** how many lines a statute's text may run below the line that cites it */
const STATUTE_LINES = 6;
/** the longest line read as a statute's (an article runs a few hundred characters) */
const STATUTE_LINE = 600;

/**
 * a heading that names a term to explain (理财名词小词典 · 第1期：保本; 名词解释：刚性兑付; 饮啖茶，讲下“刚性兑付”):
 * a glossary's own word, or a verb of talking about with the term quoted (同心月月享，聊聊：保本保息 is no heading)
 */
const GLOSSARY_HEAD = /((名词|词典|科普|释义|解释|小课堂|知识点)[^。！？!?\n]{0,14}?([：:]\s*[“「『]?[\u4e00-\u9fff]{2,8}[”」』]?|[“「『][\u4e00-\u9fff]{2,8}[”」』]?)|(讲下|讲讲|聊聊|说说|讲一讲|聊一聊|说一说)[^。！？!?\n]{0,6}?[“「『][\u4e00-\u9fff]{2,8}[”」』]?)\s*[\p{Extended_Pictographic}\s]*$/u;
/** the post's own product, or the bank speaking of itself */
const OUR_PRODUCT = /这只|这款|这支|这期|这个产品|我们|我行|本行/;
/** a glossary's own word, in a heading (理财小词典, 名词解释) */
const GLOSSARY_NOUN = /名词|词典|辞典|科普|释义|小课堂|知识卡|术语/;
/** a glossary entry's bracketed term opening its line (【刚性兑付】…) */
const ENTRY_HEAD = /^[ \t\u3000]*[【\[]([\u4e00-\u9fff]{2,8})[】\]]/;

/** an A-not-A modal that asks (会不会, 能不能; 唔 is read as 不) */
const A_NOT_A = /会不会|能不能|可不可以|肯不肯|要不要|敢不敢|得不得|有没有/;

/** a clause that is a negation and nothing more (也不能; 不可能的) */
const BARE_NEGATION = /^(也|都|更|还|亦|又|且|绝|决)?(不|没|未|无|别|莫|勿|冇|唔)[\u4e00-\u9fa5]{0,2}(的|啊|呀|嘛|了|啦)?$/;

/** what was asked about, now on offer (…问的零风险理财来了) */
const ARRIVED = /^[^，。！？,]{0,8}(来了|到了|上线了|上新了|有了|终于有了|安排上了|开售了|回来了)/;

/** what may stand before a denial that makes up its clause (…，这种说法根本不靠谱 / …，其实两回事) */
const DENIAL_OPENING = /^(但是?|可是?|不过|其实|实际上|事实上|然而|而|只是)?(这|那|这些|那些|这种|那种|这类|那类|此类|这样|这个|那个|这些都|这话|那话)?(说法|话|宣传|话术|承诺|事|事情|东西|说辞)?(都|也|全|全都|完全|根本|纯属|统统|通通|一律|一概|千万|万万|可|从来|一定|务必|当然|肯定|绝对|压根|本来|本身|就|真|真的|已经|已|早已|早就|早都|均已|如今|现在|现已)*(是)?(监管|法规|规定|国家|法律|监管部门|行里|总行)?$/;
/** negations that close a clause as "no need" or "don't", not as a denial of the clause before */
const NO_NEED = new Set(['不用', '不必', '不需要', '不需', '无需', '用不着', '不要', '别', '勿', '甭', '莫']);
/** a "no need" word, or one that opens with it (不用担心, 别担心: an assurance after a claim, not a denial of it) */
const noNeed = (word: string) => NO_NEED.has(word) || NO_NEED.has(word.slice(0, 1)) || NO_NEED.has(word.slice(0, 2)) || NO_NEED.has(word.slice(0, 3));
/** a clause that closes in uncertainty (事先说不准; 谁也说不准): the clause before is neither said nor denied */
const UNSURE = /说不准|说不好|不好说|不一定|没准/;
/** the hedge itself at a negation's place (不一定, 说不准…) */
const UNSURE_END = /^(说不准|说不好|不好说|不一定|没准)/;
/** a partial no (不是都会亏): not all, so it neither answers yes nor flips the question */
const PARTIAL_NO = /^(不是都|并不都|并非都|不都|不全|不全是|不是每|不是所有|不是所有的|并非所有|并不是所有|唔係所有|唔系所有)$/;
/** a negation that hedges rather than denies (不一定; a partial no too) */
const HEDGE = new RegExp(`^(不一定|未必|不见得|不一定会|不一定能)$|${PARTIAL_NO.source}`);

const ANSWER_FLIPS = 1;
const ANSWER_CAUTIONS = 2;
const ANSWER_AFFIRMS = 4;
/** a clause that opens on the writer's own product (我们这款理财…; 本行的同心悦享…) */
const OWN_PRODUCT_HEAD = /(我们|我行|本行|咱们|我哋|我们行|我们银行)(的|这|呢|新出的|新上的|家)?(款|只|个|支|期)?[^说讲称]{0,8}(理财|基金|产品|存单|保险|同心)/;
/** a verb of saying inside a clause's head (说, 讲, 号称): what follows is reported */
const SAYING_IN = /说|讲|称|吹|话/;
/** a clause that opens by going on with what was said (…，说有政府兜底; …，还号称稳赚) */
const GOES_ON_SAYING = /^(还|又|并|并且|而且)?(说|讲|话|称|号称|宣称|声称|自称|吹|谎称)/;
/** someone reported saying what follows, in its clause (只要是拍胸口说…; 号称…) */
const REPORTED_SAYING = /(说|讲|讲的|号称|宣称|声称|吹|打包票|拍胸口|拍胸脯|保证)[^说讲]{0,6}$/;
/** a question asking leave (…可以吗？; 这样行不行？) */
const PERMISSION_Q = /(可以|行|允许|合适|妥当)(吗|么|嘛|不)?[?？\s]*$|可不可以[^，。]{0,4}[?？\s]*$|行不行[?？\s]*$/;
/** a question why something happened (怎么少了几十块, 为什么跌了) */
const WHY_PAST = /(怎么|为什么|为啥|咋|点解|做咩|凭什么)[^，。]{0,6}了/;
/** a dash that ends a reported question and opens its answer (问我这期怎么样——这期是…) */
// (or the writer telling them, after a colon: 佢问我会唔会蚀，我话俾佢听：…; 她问我…，我跟她说：…)
const ANSWER_DASH = /[^\s—－-][\s]*(——|—|－－|--)|(我|小U)(就)?((话|讲)(俾|畀|给)(佢|他|她)听|(同|跟|和)(佢|他|她)(讲|说|话)|告诉(她|他|佢)|回(她|他|佢)|答(她|他|佢)|说|讲|话|答)[:：]/;
/** no one can promise it (没人能保证, 谁也不敢打包票, 不能保证, 冇人可以保證) */
const NO_ONE = '(没人|没有人|谁都|谁也|任何人都|冇人|無人|无人|没有谁|我也|我都|不能|无法|没法|不敢|没办法)(能|可以|敢|会|不能|不敢|没法|唔可以)?(保证|担保|打包票|承诺|保證|擔保|打包單)';
const NO_ONE_PROMISES = new RegExp(`^${NO_ONE}`);
/** the same after who answers, up to a colon (小U的回答：没人能保证…; 我只能实话实说：不能保证…) */
const NO_ONE_PROMISES_LED = new RegExp(String.raw`^[^：:\n。？！?!]{1,14}[：:]\s*` + NO_ONE);
/** a word of comfort that may open an answer (放心，不会) */
const COMFORT = /^(放心|安心|莫慌|别慌|唔使惊|不用怕|别怕|嗯|哎|诶|害|嗨)$/;
/** the asked word taken up again before the answer (亏？这个字儿啊，在它这儿压根儿查无此字) — no answer of its own either */
const TAKEN_UP = /^(这个?字儿?|这事儿?|这个事儿?|这种事|这个问题|这个嘛|这话|这个说法)(啊|呀|嘛|呢|哈|嘞)?$/;
/** a clause before the answer that answers nothing itself: a word of comfort or the asked word taken up */
const noAnswerOfItsOwn = (clause: string) => COMFORT.test(clause) || TAKEN_UP.test(clause);
/** the writer saying it, before a bare yes (我说能！; 我当场回她：可以) */
const SELF_REPLY = /^(我|我们|小U)(就|当场|直接|马上|立刻)?(说|讲|回|答|回答|回复)(他|她|佢|您|你|佢哋|他们|她们)?(?=.)/;
/** a clause that is a speaker whose name ends in a Latin letter, its colon kept (小U：对) */
const LATIN_SPEAKER = /^[^:\s]{0,8}[a-z]\s*:$/i;
/** who answers, as a clause of its own before the answer (统一回复：; 答：) */
const REPLY_LEAD = /^((统一)?回复|答|回|a|我|我们)$/;
/** a clause that is nothing but a yes: a plain one (对！ 没错 当然), or the verb asked (能！ 会的。 当然可以 赔！) */
const YES_WORD = /^(答|a|(统一)?回复|回)?:?((你|您)?(说得对|讲得对|说得没错|讲得啱|说得是)|对|对头|对头对头|是嘞|是噻|冇错|是的|是啊|是呀|没错|当然|肯定|绝对|必须|妥妥|稳稳|系|系呀|系啊|系嘅|梗系|嗯|嗯嗯|嗯哼|对对|对对对|duidui|dui|差不多|妥|妥了|放心|放心吧|那必须|那当然)(的|啦|呀|啊|哦|吧|嘛|咯|喔|哈|滴|嘅|㗎|噉)*$/;
/** a clause that is nothing but a negated verb (不会的！ 没有。): it agrees with a question that asks with the same words */
/** …or the question's own negated words said back (这个理财不保本吗？不保本。; 不是保本的吗？不是的) */
const ECHOED_PHRASE = /^((?:不|没|非|唔|冇)[\u4e00-\u9fa5]{1,4}?)(?:的|啦|呀|啊|哦|吧|嘛|咯|喔|哈|滴)*$/;
const ECHOED_NO = /^(?:当然|肯定|绝对|一定)?((?:不|没|唔|冇)(?:会|能|可能|用|有|亏|跌|少|赔|蚀|得))(?:的|啦|呀|啊|哦|吧|嘛|咯|喔|哈|滴)*$/;
const YES_VERB = /^(答|a|(统一)?回复|回)?:?(当然|肯定|绝对|一定|梗系)?(能|会|可以|行|有|保|赔|包|稳|要|算|是)(的|啦|呀|啊|哦|吧|嘛|咯|喔|哈|滴)*$/;

/** a question that asks who says it (谁说理财不会亏？; 边个话…): it denies what it asks about */
const WHO_SAYS = /^(谁说|谁讲|谁敢说|谁敢讲|边个话|边个讲|邊個話|边个敢话)/;
/** an answer naming who says it (监管说的, 资管新规讲的, 法规规定的) */
const WHO_ANSWER = /^[—\-－~～]*[^，。！？!?]{1,12}(说的|讲的|規定的|规定的|写的|定的|话嘅|讲嘅|講嘅)$/;

/** the first clause of a text is a bare yes (有！; 当然可以) — it answers the question that closed the text before */
export function opensWithYes(view: SpanView): boolean {
  const n = view.norm;
  let e = 0;
  while (e < n.text.length && n.clause[e] === n.clause[0]) e++;
  const first = n.text.slice(0, e).replace(/(?<![\s,.;:!?])[\s,.;:!?]+$/, '');
  return !!first && (YES_WORD.test(first) || YES_VERB.test(first));
}

/** analyzeView's class stamps, shared by every call (a typed array per text costs more than the check) */
let stampBuffer = new Int32Array(64);
let stampGen = 0;

/** 1 where a normalised character lies in a safe range (the mandated warnings), built once per view. */
const masks = new Attached<SpanView, Uint8Array>('safeMask');
const NO_MASK = new Uint8Array(0);
export function safeMask(view: SpanView): Uint8Array {
  if (!view.safe.length) return NO_MASK;
  let m = masks.get(view);
  if (m && m.length === view.norm.text.length) return m;
  m = new Uint8Array(view.norm.text.length);
  for (const [a, b] of view.safe) m.fill(1, a, b);
  masks.set(view, m);
  return m;
}
export function covers(mask: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (mask[i]) return true;
  return false;
}

/**
 * A test for "an exception runs across the edge of [from, to), or covers it": a binary search among the
 * exceptions by start, then only those starting within reach of the range.
 */
function exceptIndex(excepts: [number, number][]): (from: number, to: number) => boolean {
  if (!excepts.length) return () => false;
  let sorted = true;
  let longest = 0;
  for (let i = 0; i < excepts.length; i++) {
    if (i && excepts[i]![0] < excepts[i - 1]![0]) sorted = false;
    longest = Math.max(longest, excepts[i]![1] - excepts[i]![0]);
  }
  const list = sorted ? excepts : [...excepts].sort((x, y) => x[0] - y[0]);
  return (from, to) => {
    const min = from - longest + 1;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]![0] < min) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length && list[i]![0] < to; i++) {
      const [a, b] = list[i]!;
      // (across an edge, or around the whole of it: a pattern's hit or a word-rule term inside an
      // exception phrase — 最高 in 最低和最高, 公司承担 in 保险公司承担 — is no concept either)
      if (b > from && !(from <= a && to >= b)) return true;
    }
    return false;
  };
}

/** what follows a caution that introduces a list: a colon (after a closing bracket: 案由）：), 有：/包括：, ，就是, the name of what it lists (…通常有四个特征：), or where it may not appear (禁止出现在任何员工朋友圈：) */
const LIST_LEAD = /^[）)】\]”」』]?[：:]|^[^。！？!?\n：:]{0,14}[：:](?=[^。！？!?\n]{1,12}、)|^\s*——|^(有|是|为|如下|包括|包含|主要有|一般有|通常有)[：:]|^[，,]\s*(就是|便是)|^[^，。,！？!?\n]{0,10}(特征|特点|表现|手段|套路|话术|伎俩|招数|坑|雷|问题|毛病|错误|错处)[”」』]?(是|有|为|如下)?[：:]|^(说法|表述|写法|情形)[^，。,！？!?\n]{0,8}[：:]|^(出现)?(在|于)[^，。,！？!?\n]{0,12}[：:]/;
/** a concession after a negated verb: what follows happens all the same (不投股票也会波动) */
const CONCESSIVE = /也(会|能|可能|要|得|照样|一样|还是|都会)|照样(会|能|可能)/;
/** between a negation and its target, what makes the negated words a subject being defined (不保本的意思就是可能亏): the negation stays behind */
const DEFINED_AS = /的意思(就)?是|的意思(就)?系|的意思就是说/;
/** Verbs that do not take a negation for themselves: 不会让本金受损 negates 受损, not 让. */
const LIGHT = new Set([...'会能是有让使令叫给要被把对在用再得想敢来去将也都就还又才该可'].concat(['可以', '可能', '能够', '应该', '需要', '担心', '害怕', '操心', '发愁', '会让', '做到', '出现', '遇到', '发生', '造成', '导致', '带来', '存在', '意味着', '代表', '等于', '构成', '作出', '做出', '提供', '到期', '到时', '到时候']));

/** Token starts (and the end) of a clause, with whether each token is a verb of its own; cached. */
const tokenCache = new Map<string, [number, boolean][]>();
function tokens(clause: string): [number, boolean][] {
  let t = tokenCache.get(clause);
  if (t) return t;
  t = [];
  let pos = 0;
  for (const w of segmenter().tag(clause, false)) {
    t.push([pos, w.tag.startsWith('v') && !LIGHT.has(w.word)]);
    pos += w.word.length;
  }
  t.push([pos, false]);
  if (tokenCache.size > 20000) tokenCache.clear();
  tokenCache.set(clause, t);
  return t;
}

interface Segmented {
  /** token boundaries (normalised offsets), ascending */
  bounds: number[];
  /** starts of verbs that take a negation for themselves, sorted */
  verbs: number[];
}

/**
 * Segments the clauses that need it (a one-character hit or a negation) with jieba, once each;
 * drops one-character hits that are not words of their own: 非 in 非常, 不 in 不错, 最 in 最近. A
 * character that starts a longer word followed by another hit (非 + 保本 in 非保本) still counts.
 */
function align(view: SpanView, hits: Raw[], segs: Map<number, Segmented>): Raw[] {
  const { norm } = view;
  const segment = (clause: number, at: number): Segmented => {
    let seg = segs.get(clause);
    if (seg) return seg;
    let a = at;
    while (a > 0 && norm.clause[a - 1] === clause) a--;
    let b = at;
    while (b < norm.text.length && norm.clause[b] === clause) b++;
    seg = { bounds: [], verbs: [] };
    for (const [at, verb] of tokens(norm.text.slice(a, b))) {
      seg.bounds.push(a + at);
      if (verb) seg.verbs.push(a + at);
    }
    segs.set(clause, seg);
    return seg;
  };
  const bound = (seg: Segmented, at: number) => {
    const i = lowerBound(seg.bounds, at);
    return i < seg.bounds.length && seg.bounds[i] === at;
  };
  // (hits are in text order: a hit starting at `at` is found by a binary search)
  const starts = (at: number) => {
    const i = firstFrom(hits, at);
    return i < hits.length && hits[i]!.from === at;
  };
  let bad: Uint8Array | undefined;
  const needed: number[] = [];
  for (const h of hits) if ((h.to - h.from === 1 || h.op === 'negate') && !needed.includes(norm.clause[h.from]!)) needed.push(norm.clause[h.from]!);
  if (!needed.length) return hits;
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k]!;
    const clause = norm.clause[h.from]!;
    if (!needed.includes(clause)) continue;
    // a 不 or 没 that ends a question asks (会亏不？; 您睡得着觉不？): it negates nothing
    if (h.op === 'negate' && h.to - h.from === 1 && (h.to >= norm.text.length || norm.sentence[h.to] !== norm.sentence[h.from]) && /^\s*[？?]/.test(norm.source.slice(norm.end[h.from]!, norm.end[h.from]! + 3))) {
      (bad ??= new Uint8Array(hits.length))[k] = 1;
      continue;
    }
    const seg = segment(clause, h.from);
    const [a, b] = [bound(seg, h.from), bound(seg, h.to)];
    // a phrase that starts and ends inside words is not there (保本 in 环保本来)
    if (h.to - h.from > 1) {
      if (!a && !b) (bad ??= new Uint8Array(hits.length))[k] = 1;
      continue;
    }
    if (a && b) continue;
    if (a && starts(h.to)) continue;
    (bad ??= new Uint8Array(hits.length))[k] = 1;
  }
  return bad ? hits.filter((_, k) => !bad![k]) : hits;
}

/** 1 where an original character of the view is inside a quotation, once per view (quoteDepth). */
const quoteMasks = new Attached<SpanView, Uint8Array>('quotes');
export function quoteMask(view: SpanView): Uint8Array {
  let q = quoteMasks.get(view);
  if (!q) quoteMasks.set(view, (q = quoteDepth(view.norm.source)));
  return q;
}

/** the inside of a closed topic tag, up to its closing mark (稳赚不赔 of #稳赚不赔#) */
const HASHTAG = /^[^\s#＃]{1,20}(?=[#＃])/;
/** Quotation depth of every original character (“…”, 「…」, ‘…’, "…", and a closed topic tag #…#). */
function quoteDepth(source: string): Uint8Array {
  const d = new Uint8Array(source.length);
  let depth = 0;
  let straight = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    // “ 「 『 ‘ 《 open, ” 」 』 ’ 》 close, " ' toggle, a line break ends a straight quote
    if (c === 0x201c || c === 0x300c || c === 0x300e || c === 0x2018 || c === 0x300a) depth++;
    else if (c === 0x201d || c === 0x300d || c === 0x300f || c === 0x2019 || c === 0x300b) depth = depth > 0 ? depth - 1 : 0;
    else if (c === 34 || c === 39) straight = !straight;
    else if (c === 10) straight = false;
    // (a topic tag is a quotation too: #稳赚不赔# names the tag, as “稳赚不赔” would — only a closed one, on its line, without a space)
    else if ((c === 35 || c === 0xff03) && depth === 0 && !straight) {
      const close = HASHTAG.exec(source.slice(i + 1, i + 22));
      if (close) {
        d.fill(1, i, i + close[0].length + 2);
        i += close[0].length + 1;
        continue;
      }
    }
    if (depth > 0 || straight) d[i] = 1;
  }
  return d;
}

/** Where the quotation around original offset `at` opens (its opening mark; at most 200 characters back). */
export function quotationStart(quotes: Uint8Array, at: number): number {
  let a = at;
  while (a > 0 && at - a < 200 && quotes[a - 1]) a--;
  return a;
}

/** True when the quotation around original offset `at` is hearsay a client brings in (说是听邻居讲「比存款划算」): not even a testimonial. */
function hearsay(source: string, quotes: Uint8Array, at: number): boolean {
  const a = quotationStart(quotes, at);
  // (or what someone else earned, as the quotation itself reports it: 『隔壁老刘买了你们那个，说赚了好几千…』)
  if (/^[“「『‘"']?(隔壁|邻居|朋友|我朋友|亲戚|同事|老[\u4e00-\u9fa5]|人家|别人)[^，。！？]{0,12}[，,]?\s*(说|讲|听说)(是)?(赚|挣|稳赚|保本|不亏)/.test(source.slice(a, a + 30))) return true;
  return /听(邻居|朋友|亲戚|街坊|同事|老乡|熟人|牌友|舞友|人家|别人)(讲|说|讲过|说过)[:：,，]?\s*[“「『‘"']?$/.test(source.slice(Math.max(0, a - 16), a + 1));
}

/** the run of offsets around `at` that share its mark in `marks` (its sentence, its clause): [start, end) */
function runAround(marks: ArrayLike<number>, at: number, length: number): [number, number] {
  const m = marks[at];
  let a = at;
  while (a > 0 && marks[a - 1] === m) a--;
  let b = at;
  while (b < length && marks[b] === m) b++;
  return [a, b];
}

/**
 * The sentence at `at` speaks of something of everyday life in online slang (这锅底是我吃过的天花板; 虾皮的量翻倍;
 * 这支镜头闭眼入不亏; 橘猫…这才是真正的躺赚), naming no product, no money and no product of the bank's: its slang
 * is about that thing, whatever else the post offers. [at, to) must be slang itself (default: the 8 characters at `at`).
 */
export function lifeSlang(view: SpanView, at: number, to?: number): boolean {
  const { norm } = view;
  // (the words found must be slang themselves: a promise or a gift beside a hotpot is still one)
  if (!SLANG.test(to === undefined ? norm.text.slice(at, at + 8) : norm.text.slice(at, to))) return false;
  const s = norm.sentence[at]!;
  // (the sentence is read once, however many words are found in it)
  let bySentence = lifeSentences.get(view);
  if (!bySentence) lifeSentences.set(view, (bySentence = new Map()));
  let life = bySentence.get(s);
  if (life === undefined) {
    const [a, b] = runAround(norm.sentence, at, norm.text.length);
    const sentence = simpleSource(norm).slice(norm.start[a]!, norm.end[b - 1]!);
    life = !view.brandNames?.some(([x, y]) => x < b && y > a) && EVERYDAY.test(sentence) && !MONEY_WORDS.test(sentence) && !LIKENED.test(sentence);
    bySentence.set(s, life);
  }
  return life;
}
const lifeSentences = new Attached<SpanView, Map<number, boolean>>('lifeSentences');
/** things of everyday life a post's slang may be about */
/** (English too: sleep is the investment with guaranteed returns) */
const EVERYDAY = /(?<![A-Za-z])(sleep|sleeping|nap|naps|workout|workouts|gym|running|jogging|reading|books|cooking|baking|coffee|family|friends|kids|hobby|hobbies|yoga|hiking)(?![A-Za-z])|火锅|锅底|毛肚|黄喉|饺子|馅|包子|蛋挞|面包|姜饼|月饼|汤圆|粽子|奶茶|咖啡|自助|三文鱼|配方|菜|汤|镜头|定焦|相机|照片|拍|晚霞|日落|猫|狗|宠物|马拉松|配速|球赛|比赛|进球|抽奖|年会|联欢|扫地机器人|大米|手气|运气|排队|作品|摄影|展|演唱会|电影|剧|游戏|王者|跑了[^，。！？!?]{0,4}步|晨练|骑车|烤一盘|早茶|团年饭|年夜饭|龙舟|绘本|爬山|登山|散步|骑行|游泳|瑜伽|太极|跑步|健身|蛋糕|烘焙|做饭|下厨|厨艺|做菜|一桌菜|钓鱼|毕业照/i;
/** online slang of praise, certainty and haste (天花板; 封神; 闭眼入; 躺赚; 回本; 翻倍; 限量; 冲) */
/** (English too: guaranteed returns, risk-free — said of sleep) */
const SLANG = /guaranteed returns?|risk-free|天花板|封神|yyds|永远的神|闭眼|躺赚|躺着赚|回本|翻倍|翻番|限量|冲鸭|冲冲|冲就|真香|赢麻|稳了|抄底|绝绝子|无敌|天选|王炸|顶流|不亏|封顶/i;
/** money or a product named or pointed at (理财; 收益; 利率; 3%; 申购; 这只; 新出嗰只) */
/** (English too: fund, wealth, deposit, RMB) */
const MONEY_WORDS = /(?<![A-Za-z])(fund|funds|wealth|deposit|deposits|interest|rmb|yuan|cny|principal|savings|product|products|bank)(?![A-Za-z])|理财|基金|产品|收益|利率|利息|本金|本钱|存款|存单|定期|活期|保险|净值|年化|%|％|买入|申购|认购|赎回|持有|起购|开放|上车|钱|元|万|贷|这只|这款|那只|那款|呢只|呢款|嗰只|嗰款|新品|这期|本期|新出|入了|买了|跟我买|给他挑|给她挑|给你挑/i;
/** a thing likened to something else (就像这款…; 跟…一样; 也是这个道理) */
const LIKENED = /就像|好像|好比|如同|一个道理|也是这样|也一样|同理/;

/** a term called unlawful where it stands (补了就是违规刚兑; 非法集资里的保本高息; 就是变相承诺保本; 用最差行情暗示不会亏): named as the offence, not claimed */
const UNLAWFUL_BEFORE = /(违规|违法|非法|違規|違法|划掉|删掉|禁用|变相承诺|变相|暗示)(的)?$/;
/** a clause that says a kind of thing does not exist (没有收益高还没风险的好事; 哪有稳赚不赔的买卖; 没有任何一款保险是什么都赔的;
 * 没有哪一款银行理财有国家担保; 早就没有“保本理财”这回事了; 稳赚不赔的投资不存在; 理财可没有稳赚不赔这回事), not one that ranks (没有比这更稳的) */
const DENIED_KIND = /^(?:[\u4e00-\u9fa5]{1,4}(?:可|倒))?(但|可|而|其实|所以)?(这世上|世上|天下|世界上)?(根本|压根|从来|本来就|早就|早已|已经|现在|如今)?(没有|没|哪有|哪里有|不存在|找不到)((?![^。]*比)[^。]{2,24}的(好事|事|事情|东西|产品|理财|买卖|馅饼|午餐|投资|生意)|(任何)?(一款|一种|一只|一个|哪款|哪种|哪一款|哪一种|哪一只)?[^。]{0,4}(保险|理财|产品|基金|投资)(是|能|会|可以|有)[^。]{1,16}|(?![^。]*比)[^。]{2,24}(这回事|这种事|这码事|这一说))(了|啦)?[。!！]?$|^(?![^。]*比)[^。]{2,24}的(好事|事|事情|东西|产品|理财|买卖|馅饼|午餐|投资|生意)(在这世上|在世上)?(根本|压根|从来|本来就|早就|早已|已经|现在|如今)?(是)?(不存在|没有)(的)?(了|啦)?[。!！]?$/;
/** a loss itself said not to exist (不存在赔钱这回事; 压根没有亏本这一说), which DENIED_KIND would read as a kind of thing denied */
const LOSS_DENIED = /(没有|没|不存在|哪有|哪里有)(赔钱|亏钱|亏损|亏本|蚀本|赔本|亏|赔|本金损失|损失)(的)?(这回事|这种事|这码事|这一说|一说)/;
/** one character between quotation marks (「最」; “保”), not one of a row of them (「保」「本」), nor a verb in scare quotes that the sentence goes on with (把钱「存」进金钥匙安盈) */
const LONE_QUOTED = /^[^」”』’"'][「“『‘"'][\u4e00-\u9fa5][」”』’"'](?![「“『‘"'])(?![进入到])/;

/**
 * True when the word at normalised `from` is named where it stands, not said: a character quoted alone
 * (这两个「最」是产品规则 — not the dictionary idiom 字典里没有“亏”这个字) or a word called unlawful (违规刚兑).
 * Read by the word rules (engine.ts) and by the claims alike.
 */
export function namedInPlace(view: SpanView, from: number): boolean {
  const { norm } = view;
  const at = norm.start[from]!;
  const src = simpleSource(norm);
  if (LONE_QUOTED.test(src.slice(Math.max(0, at - 2), at + 3)) && !/字典|词典|辞典/.test(norm.text.slice(Math.max(0, from - 12), from))) return true;
  if (UNLAWFUL_BEFORE.test(norm.text.slice(Math.max(0, from - 5), from))) return true;
  // (or counted as none: 1条完整风险提示、0个“稳赚”)
  if (/(?<![\d.])(0|零)\s*(个|次|句)\s*[「“"『]?$/.test(src.slice(Math.max(0, at - 5), at))) return true;
  // (or the keyword an auto-reply answers: 关键词【稳赚】自动回复)
  if (/关键词\s*[【「“"『\[]$/.test(src.slice(Math.max(0, at - 5), at))) return true;
  // (or quoted words said not to go together: “高收益”和“低风险”很难同时出现 — read a bounded way on)
  if (/[「“『]$/.test(src.slice(Math.max(0, at - 1), at))) {
    const after = NOT_TOGETHER.exec(src.slice(at, at + 40));
    if (after && (after[1] || /[」”』][和与跟及、，,\s]{0,2}[「“『]$/.test(src.slice(Math.max(0, at - 4), at)))) return true;
  }
  // (or a quotation of what others put about, named by whose it is: 网上那些「理财收益排行榜」; 所谓的“保本理财”)
  // (looked for a bounded way back: a text of many quotations stays linear)
  const lead = src.slice(Math.max(0, at - 12), at);
  const open = Math.max(0, at - 12) + Math.max(lead.lastIndexOf('「'), lead.lastIndexOf('“'), lead.lastIndexOf('『'));
  return open >= Math.max(0, at - 12) && !/[」”』]/.test(src.slice(open, at)) && OTHERS_QUOTE.test(src.slice(Math.max(0, open - 8), open));
}
/** a quoted word, perhaps joined to others, said not to come together (“高收益”和“低风险”很难同时出现; 「保本」「高收益」不可兼得) */
const NOT_TOGETHER = /^[^」”』\n]{1,8}[」”』]((?:[和与跟及、，,\s]{0,2}[「“『][^」”』\n]{1,8}[」”』])*)[^。！？!?\n]{0,6}((很难|不可能|不能|难以|无法|没法|不会|没有)(同时|兼得|共存|两全)|不可兼得|难以兼得|不能兼得|无法兼得|不可能两全)/;
/** what opens a quotation of others' words (网上那些; 外面有些; 所谓的) */
// (or what many are said to be fond of saying: 很多产品都爱说“手慢无”; or what others post: 别人晒的“上一期年化3.2%”)
// (or what a peer wrote: 看到同行朋友圈写“第四笔钱就放XX理财…”; or what the reader is told not to chase: 与其追着“最高收益”跑)
const OTHERS_QUOTE = /(与其|别|不要|莫|少|不必)(再)?(追着|追逐|盯着|只盯着|只看|迷信|去追)$|(同行|别人|别家|有人)[^「“『\n]{0,4}(写|发|晒)(着|了|的)?[:：]?$|(网上|外面|别家|别人家|某些|所谓|别人晒|人家晒|别人发)([^「“『\n]{0,2}的|那些|那种|这些|有些|流传的)?$|(产品|骗子|别人|有人|推销员?|中介|很多人|不少人|一些人|好多人|有些人|他们)[^「“『\n]{0,2}(都|总|就)(爱说|爱讲|爱写|喜欢说|喜欢写)([「“『][^」”』\n]{1,12}[」”』][、，,和与及\s]*)*$/;

/** what someone named is said to have said, up to a term in the same clause (我表哥说有个…; 群里的人讲…; not 有人说…，但这款不会) */
const HEARSAY_LEAD = /(?:听(?:表哥|表姐|朋友|亲戚|邻居|街坊|同事|老乡|熟人)(?:说|讲)|(?<![跟对同和给向])(?:表哥|表姐|表弟|表妹|堂哥|堂姐|朋友|亲戚|邻居|街坊|同事|同学|他|她|他们|对方|那人|中介|业务员|群里的人|群主)[^，。！？!?,\n]{0,4}(?:说|讲|号称|声称|宣称|告诉我)|(?:经纪人|销售员|推销员|那些人|骗子)[^，。！？!?,\n]{0,8}(?:说|讲|号称|声称|宣称))[^，。！？!?,\n]{0,24}$/;
/** True when the word at normalised `from` is what someone named is said to have said (我表哥说有个银监会批过的…) */
export function saidByOther(view: SpanView, from: number): boolean {
  const at = view.norm.start[from]!;
  return HEARSAY_LEAD.test(simpleSource(view.norm).slice(Math.max(0, at - 40), at));
}

/** True when the quotation around original offset `at` is introduced by a reporting verb (他说：“…”). */
function reported(source: string, at: number): boolean {
  let i = at;
  while (i > 0 && !'“「『‘"\''.includes(source[i - 1]!)) i--;
  if (i === 0) return false;
  // (a review received is a client's: 收到一条超暖的好评🥰⏎客户说：“…”)
  const lead = source.slice(Math.max(0, i - 24), i - 1).replace(/收到[^，。！？\n]{0,10}(好评|留言|评价|感谢信?|表扬信?|锦旗|点赞|反馈|来信)/g, '');
  // (the bank's own copy, named so in the clause before the quotation, is its claim: 我们跟别家不一样，我们的文案写「…」)
  if (/(我们|我行|本行|咱们|咱行)的?(文案|海报|宣传|广告|标语|朋友圈)/.test(lead.split(/[，,。！？]/).pop()!)) return false;
  // a client's or a relative's words are a testimonial, the bank's own material is its claim;
  // only another party's pitch (推销员说“…”) is a quotation
  // (another party: a fraudster, a stranger, a named other institution 某同业机构员工, a saying 巴菲特有句名言)
  if (!/开玩笑|玩笑|对那些|如有员工|若有员工|如果有员工|推销|销售员|业务员|骗子|对方|有人|有啲人|有d人|旁人|外人|听人|很多理财笔记|很多笔记|好多笔记|很多帖子|很多博主|不少博主|有些博主|很多人|好多人|不少人|有些人|有的人|其他人|其他人都|听朋友说|听朋友讲|听人说|听人讲|听别人说|截图|截屏|有的宣传|有些宣传|有的文案|有些文案|有的广告|有些广告|哪个跟你|哪个同你|哪个对你|哪个给你|别家|同行|友行|别的银行|其他银行|陌生|群主|自称|老姐妹|老一辈|老人常说|常言道|边个|谁跟你|谁同你|谁对你|某机构|某公司|机构的人|某平台|平台|网上|广告|中介|隔壁|别人|人家|外面|群里|群裡|短信|电话|来电|私募|传单|宣传单|所谓|某[^，。！？“”「」]{0,6}(银行|行|机构|公司|平台|员工|经理)|不法分子|犯罪分子|诈骗分子|名言|格言|俗话|老话|收到|私信|陌生号码|巴菲特|芒格|格雷厄姆|索罗斯/.test(lead)) return false;
  // the verb may introduce several quotations in a row (说“…”“…”; 说能帮你“躺赚”、让你“稳稳翻倍”)
  // (and what it is said of may stand between: 群里天天说某个养老公寓项目“保本保息”; or one more clause of the
  // pitch: 讲座…说投十万一年返两万，还『保本到期全退』)
  return /(说|告诉[他她我你们]*|讲|称|问|喊|吹|传|流传|转发|催|催促|逼|宣传|推销|推什么|卖什么|兜售|吆喝|叫卖|忽悠|发来|收到|私信|发消息|发信息|话|写着|写的是|写了|写|标着|号称|叫做?|所谓|一句|印着|发布|发了|名言|格言|承诺|许诺|保证|传单|单张|海报|广告|截图|拉[他她你我]?买|劝[他她你我]?买|拉着[他她你我]?买)([^，。！？“”「」『』]{0,12}[，,])?[^，。！？“”「」]{0,12}[:：,，]?\s*([“「『][^”」』]*[”」』][、，,]?[^，。！？“”「」]{0,6})*$/.test(source.slice(Math.max(0, i - 40), i - 1));
}

/**
 * True when the quotation around original offset `at` is someone's wish, told to the writer (阿姨跟我说：
 * “小陈，我就买收益最高的那个。”): what a client asks for is no claim of the bank's, whoever says it.
 */
function wished(source: string, at: number): boolean {
  let i = at;
  while (i > 0 && !'“「『‘"\''.includes(source[i - 1]!)) i--;
  if (i === 0 || !/(说|问|讲|道|嚷|念叨|开口)[^，。！？“”「」]{0,4}[:：，,]?\s*$/.test(source.slice(Math.max(0, i - 12), i - 1))) return false;
  // (or asks the seller to say it: 『小陈，你就说句保本，我马上签。』)
  return /^([^，。！？”」』]{1,6}[，,])?((我|俺|咱)?(就|只|也|还是)?(想|要|想要|只要|就要|想买|要买|只买|就买|买)|(你|您|你们)?(就|先)?(给我|帮我|替我)|(你|您)(就|只要|只需|只管)?(说句|说一句|讲句|讲一句|写句|打个包票|给句准话)|[^，。！？”」』]{0,4}(你|您)[^，。]{0,3}(亲测|晒晒|晒一下|测一下|试一下|买一个)|推荐|有没有|哪)/.test(source.slice(i, at + 1));
}

/** a verb of telling and the mark after it (…说：; …回她，) */
const SAYS = String.raw`[^。！？\n“”「」]{0,8}?(说|讲|回|答|回复|告诉)[他她你您佢们哋]*[:：，,]\s*`;
/** someone else's pitch retold: a third party and what they said or offered (自称…的电话，说有高息还保本) */
const RETOLD = /(有人|对方|骗子|陌生|电话|来电|短信|自称|冒充|假冒|网上|群里|中介|推销员|业务员|截图|转发|图片|传单|单张|海报|传言|谣言|网传|流传)[^。！？]{0,30}(说|称|讲|推荐|推销|号称|宣称|声称|承诺|许诺)/;
/** `WENDU_CLAIM_DEBUG=1` prints each claim pattern that matched, with its rule's index, name and words (to stderr) */
const CLAIM_DEBUG = !!process.env.WENDU_CLAIM_DEBUG;
/** a sentence that opens on a rumour or on what someone heard (听说…; 有街坊话听讲…; 网上都在传…; 谣言：“…”; 标题叫《…》) */
const RUMOUR_LEAD = /^[^。！？\n]{0,16}?(听说|听讲|聽講|聽說|听人说|听人讲|据说|據說|据传|传言|傳言|传闻|网传|網傳|都在传|流传|谣言|謠言|有人说|有人讲|有人話|有人话|街坊话|街坊話|标题叫|标题是|標題叫|上门推销|推銷|推销|有人上门)/;
/** the rumour labelled false before it is told (谣言：; 假消息：) */
const RUMOUR_FALSE = /(谣言|謠言|假消息|不实传言|不實傳言|误区|誤區)\s*[0-9一二三四五六七八九十]?\s*[:：]/;
/** a clause that sets a rumour right (其实不完全一样; 其實唔係咁; 这里提醒一下：…是不确定的; ——会亏的) */
const SETS_RIGHT = /^[\s—\-－~～:：，,；;！!。？?]*(?:(?:[\u4e00-\u9fa5]{1,3}们)?(其实|其實|实际上|實際上|事实上|事實上|真相|真相是|正解|但是?|可是|不过|不過|这里提醒一下|提醒一下|这里提醒|提醒大家|记住|記住|要记住|记好了?)[\s:：，,是]*[^。！？\n]{0,40}?(不是|唔係|唔系|并非|並非|并不|並不|不代表|不等于|不等於|不完全|不一样|不一樣|不保本|不保证|不保證|不确定|不確定|无法预测|無法預測|可能为零|可能為零|会亏|會虧|会蚀|會蝕|有机会蚀|有機會蝕|有风险|有風險|假的|没这回事|冇呢回事)|(不是的|不是这样|唔係咁|唔系咁|并非如此|並非如此|会亏的|會虧的|会亏哦|会亏钱的|假的|(这种|這種|这类|這類)?(标题党|標題黨)))/;
/** what names the word before it as a word (——这四个字，…; 这两个字，你在哪儿听到…) */
const NAMES_IT = /^[\s—\-－~～:：，,…]*(看到|听到|见到|遇到|碰到|一看到|一听到)?(这|那)?(个|[两二三四五六七八九十几]个|[两三四五六七八九十几])(字|词|字眼|说法|样)|^[\s—\-－~～:：，,…]*(看到|听到|见到|遇到|碰到)?(这个词|这句话|这个说法|这几个字)|^[\s—\-－~～:：，,…]*(这|那)(是|就是)[^。！？\n]{0,16}(短信|传单|广告|宣传单|消息|帖子|话术|骗局|诈骗|套路)/;
/**
 * True when the word at original [at, end) stands on its line only to be named (unquoted): alone or
 * before a dash, with the next words naming it (保本保息——这四个字，…不该再出现; 稳赚⏎⏎这两个字，你在哪儿
 * 听到…), after a glossary label (📖 词条：刚性兑付), or alone under a line that announces it (彻底忘掉下面
 * 这个词。…⏎⏎零风险).
 */
function namedOnItsLine(source: string, at: number, end: number): boolean {
  let la = at;
  while (la > 0 && source[la - 1] !== '\n' && at - la < 40) la--;
  let lb = end;
  while (lb < source.length && source[lb] !== '\n' && lb - end < 60) lb++;
  const head = source.slice(la, at);
  if (/(词条|名词|术语|名词解释|词语辨析)\s*[:：]\s*$/.test(head)) return true;
  // (a riddle's answer: 打一个骗子最爱说的词。好多叔叔阿姨一下就猜出来了：稳赚)
  // (not an answer the line then ties to a product of its own: 谜底：只涨不跌——说的就是咱们的金钥匙安盈)
  if (/(谜底|答案)(是|为)?\s*[:：]\s*$|猜(出来|中)了?\s*[:：]\s*$/.test(head) && !RIDDLE_OWN.test(source.slice(end, lb))) return true;
  // (a riddle's words whose answer is a warning: 谜面：高收益、零风险（打四字）⏎谜底：小心骗局)
  if (/谜面\s*[:：][^\n]{0,20}$/.test(head) && RIDDLE_WARNS.test(source.slice(lb, lb + 80))) return true;
  // (what is wrong with a quoted pitch, counted and listed: 一句话里四个坑：许诺收益、冒用政府、保证不亏、催你赶紧)
  if (/[一二两三四五六七八九十几\d](个|处|大)(坑|问题|雷|毛病|错误|错处|违规点)\s*[:：][^：:\n]{0,40}$/.test(head)) return true;
  // (words listed as words after a count of them: 我在白板上写了三个词：保本、稳赚、零风险)
  // (not what a product is summed up in: 这款产品的特点就四个字：刚-性-兑-付)
  if (/(个|几个|些|排|串|组|堆)(词|字|说法|字眼|词儿)\s*[:：]\s*([\u4e00-\u9fa5A-Za-z]{1,8}\s*[、，,和与及]\s*)*((?<=、\s*)[\u4e00-\u9fa5A-Za-z]{1,6})?$/.test(head) && !/(这款|这只|本产品|产品|特点|优势|卖点|亮点|好处|概括|总结|一句话|就)[^：:]{0,10}(个|几个|些)(词|字|说法|字眼|词儿)\s*[:：]/.test(head) && !OWN_WORDS.test(head)) return true;
  // (the word may be one of a bare phrase of up to 8 characters that opens the line: 保本保息——)
  const lead = /^[\s\u3000]*(\p{Extended_Pictographic}\s*)?([\u4e00-\u9fa5A-Za-z]*)$/u.exec(head);
  const tail = /^[\u4e00-\u9fa5A-Za-z]*/.exec(source.slice(end, lb))![0];
  // (not a sentence about a product: 这款理财保本)
  if (!lead || lead[2]!.length + (end - at) + tail.length > 8 || /^(这|该|此)|这款|这只|这支|该款|本产品|理财|基金|保险|产品/.test(lead[2]!)) return false;
  const rest = source.slice(end + tail.length, lb);
  if (NAMES_IT.test(rest)) return true;
  if (rest.trim()) return false;
  // the next line with words on it, or one of the two lines with words on them before it
  const next = /^\s*([^\n]*)/.exec(source.slice(lb, lb + 60))![1]!;
  if (NAMES_IT.test(next)) return true;
  const before = source.slice(Math.max(0, la - 120), la).split('\n').filter((l) => l.trim()).slice(-2);
  // (not the writer's own answer in so many words: 这只到期怎么样？⏎我只讲四个字：⏎稳⏎赚⏎不⏎赔)
  return before.some((l) => /(下面|以下|下列)(这|的)?(个|几个|些)?(词|字|说法|字眼)|(一个|这个|几个|[两三四五六七八九十]个)(词|字|字眼)\s*[:：]\s*$/.test(l) && !OWN_WORDS.test(l));
}

/** a riddle's answer tied to the bank's own product on its line (——说的就是咱们的金钥匙安盈) */
const RIDDLE_OWN = /说的就是|指的就是|就是(咱们|我们|本行|我行)|对应(的)?产品|这款|这只|(本行|我行|咱们)的?[^，。\n]{0,4}(理财|产品|基金)/;
/** a riddle answered with a warning (谜底：小心骗局) */
const RIDDLE_WARNS = /谜底\s*[:：]\s*[^\n]{0,4}(小心|谨防|当心|提防|警惕|骗局|诈骗|陷阱|防骗|骗子)/;

/** the writer's own answer, counted in words (我只讲四个字：; 一句话，四个字：) — their claim, not words named */
const OWN_WORDS = /(只|就|我)(讲|说|回|答|送|用)[^：:\n]{0,3}(一个|几个|[两三四五六七八九十]个)(词|字|字眼)|(换个|换种|换句|换一个)(说法|讲法|话)/;
/** words that call a thing said false (别信; 是谣言) */
const DISBELIEF = /^(别信|不要信|莫信|千万别信|千万莫信|不能信|不可信|不要相信|别相信|是假的|假的|都是假的|全是假的|是骗人的|骗人的|都是骗人的|是谣言|谣言|纯属谣言|是骗局)$/;
/** the imperatives of DISBELIEF, which may also stand before what they disbelieve (别信稳赚) */
const DISBELIEF_BEFORE = /^(别信|不要信|莫信|千万别信|千万莫信|不能信)$/;
/**
 * what the writer says of a quotation to make it their own, applying it to the product (用在咱们产品上一点都
 * 不夸张; 这个叫法挺到位) — not a saying agreed with (爷叔讲得对！), which may well be a warning
 */
const ENDORSED = /((?<![不别])(你们|你哋|您|大家)(都)?懂[的嘅啦]?(?![吗嗎么]|不懂)|懂的都懂|心照不宣)(?![^。！？\n]{0,8}(骗|詐|诈|假|坑|陷阱|套路|违规|報警|报警))|(这话|这个|这称号|这名号|这评价)?[^。！？\n]{0,6}(我)?(不谦虚|不客气|就不谦虚了)[^。！？\n]{0,4}(认了|收下|收了|接下|接了)|我(就)?认了|(用在|放在|说的就是|形容)[^。！？\n]{0,24}(不夸张|不为过|恰如其分|到位|贴切|合适)|(这个|这|呢个)(叫法|称呼|外号|比喻|名号|称号|评价)[^。！？\n]{0,8}(到位|贴切|准确|形象|没毛病|担得起|当得起|配得上|受得起)|^[\s—\-－~～:：，,。…]*(我|小U)?(说|讲|回|答)[:：，,]\s*([\u4e00-\u9fa5]{1,3}[，,]?\s*)?(你|您)?(说得对|讲得对|讲得啱|说得没错|没说错|讲得冇错)|(这|呢)(句说话|句话)[^。！？\n]{0,6}(冇讲错|没讲错|冇错|讲得啱|一点不假|一点都不假)|(这|呢)(句说话|句话|个评价|番话)[，,\s]?(我|我哋|我们)?(就|都)?(收货|收下|认同|赞同|同意|认了|照单全收|受落)|(我还是|今天我还是|我依然是?|我仍然是?)(这句话|这么说|这个观点|这样说|这么看)|(比我说的|比我讲的)(更)?(有分量|有说服力|管用)|名副其实|实至名归|当之无愧|^[\s—\-－~～:：，,。…]*(想了想|仔细想想|说实话)?[，,\s]*(这话|这句话|此话|这评价|这个评价)?[^。！？\n]{0,4}(我认|我同意|我赞同|不假|一点不假|说得没错|说得对|说得在理|没毛病|确实如此|还真是|是真的|是事实)|(讲|说|講)(嘅|的)(系|係|是)真(话|話)/;
/** True when the quotation around original offset `at` is taken up by the writer just after it closes */
/**
 * The bank's own product said to be what a quotation says, right before it (我们行的“稳盈”理财才是真正的“稳赚不赔”;
 * 我们自己的“月月盈”理财，“保本保息”): the writer adopts the words for its own product. A warning about fraud
 * elsewhere in the asset does not make that quotation a mention of the fraudsters' words.
 */
const OWN_ADOPTS = /(我们|我們|我行|本行|咱们|咱們|咱行|自家|我们自己|我們自己)(行|家|自己)?(的|嘅)?[^，。！？\n]{0,8}(理财|理財|基金|产品|產品|保险|保險|存单|存單)[^。！？\n不没沒未非无無别別勿]{0,3}?(才是|就是|是|係|主打)?(真正的|真正嘅|真的|绝对|絕對|妥妥的|确实|確實)?[，,、：:\s]*[“「『"'‘]?$/;
export function ownAdopted(source: string, at: number): boolean {
  let a = at;
  while (a > 0 && at - a < 40 && !'。！？!?\n'.includes(source[a - 1]!)) a--;
  return OWN_ADOPTS.test(source.slice(a, at));
}

function endorsed(source: string, at: number): boolean {
  let close = at;
  while (close < source.length && close - at < 200 && !'”」』’"\''.includes(source[close]!)) close++;
  if (close >= source.length || close - at >= 200) return false;
  // (to the end of the sentence after the one it closes in)
  // (across the line break after it: “旱涝保收”四个字。⏎…这四个字用来形容我们这款养老理财，再贴切不过)
  const after = /^[^。！？\n]*[。！？\n]?\s*[^。！？\n]*/.exec(source.slice(close + 1, close + 80))![0];
  return ENDORSED.test(after);
}

/** a loss supposed (亏了, 跌咗的话), then who is asked to act on it (银行会赔; 你们能补): the loss is the condition */
const LOSS_SUPPOSED = /(亏|虧|跌|蚀|蝕|亏损|亏本|亏钱|賠錢|赔钱)(了|咗)(的话|嘅话)?(?=[^会能可肯]{0,6}(会|能|可以|肯|會))/;
/** the words that open a condition */
const CONDITION_WORDS = '如果|要是|假如|万一|倘若|若是';
/** a lead that supposes someone says it (真有人这么跟你讲，; 要是有人说：) */
const CONDITIONAL_LEAD = new RegExp(`有人|${CONDITION_WORDS}`);
/** a sentence that opens with a condition (万一亏了，…; 如果跌了，…), or a question reported with one (有客户问：“万一亏了，…”) */
const CONDITION_OPENS = new RegExp(`^([\\u4e00-\\u9fa5]{0,8}(问|問|说|說|讲|講|道))?(那)?(${CONDITION_WORDS}|假设|真的?要是|萬一)`);
/** who tells the one who passed a pitch on (我跟他说：) */
const TOLD = new RegExp(String.raw`^\s*([我他她]|小U|我们)?` + SAYS);
/** who answers and whom they address, before the answer itself (我跟他说：叔叔，…; 我回她：…; an answer's label or its speaker: 答：不会; A：一般不会; 经理王晓雨：不会的) */
const ANSWER_LEAD = new RegExp(String.raw`^\s*((答|回答|答复|[AＡ]|小U|我|我们|[\u4e00-\u9fa5]{0,4}(经理|行长|柜员|客服|专员|顾问|主任)[\u4e00-\u9fa5]{0,3})\s*[:：]\s*|([我他她]|小U|我们)` + SAYS + ')' + String.raw`((叔叔|阿姨|大爷|大妈|奶奶|爷爷|姐姐?|哥哥?|老师|师傅|大家|家人们|街坊们?|老哥|老姐|[\u4e00-\u9fa5]{1,2}(叔|姨|伯|婶|姐|哥))\s*[，,]\s*)?`);
/** what the words after a quotation say of it when they call it a breach or correct it (但这句话本身就违规; 这句话我得纠正) */
// (or sent back by a reviewer: …”⏎合规同事退了回来：…)
// (or called a way of saying that is no longer allowed: “预期收益率”这种现在已经不允许用的说法; or gone, or too good to be true:
// 「保本理财」…已经退出历史舞台; “保本理财”这块招牌…一戳就破; “高收益、低风险”的养老产品？天下没有这种好事; “把钱存进理财”是不准确的)
// (or a forecast refused — “一年能赚多少”：我们不做收益预测; two words said never to meet — “高收益”和“低风险”几乎不会同时出现;
// a pitch one is told not to nod at — 听到这句话先别急着点头; a view set against it — 我的看法是，…; or anyone, a manager too, who
// says it — 如果有理财经理这样跟你推销)
const CALLED_WRONG = /^[^。！？\n]{0,16}[。！？!?]?\s*(但|可|然而|其实)?([:：]?\s*(我们|我|本行)(从来)?(不做|不作|不提供|没法|无法|不能|不会)[^。！？\n]{0,6}(预测|估算|估个数|预估)|(几乎)?不(会|可能)同时(出现|存在|成立)|(听到这(句|种)话[^。！？\n]{0,4}(先)?(别|不要)(急着)?(点头|相信|信|心动))|[^。！？\n]{0,12}(转述|转发|引用)了?[^。！？\n]{0,10}(说法|话术|原话)|(我的看法是|我的理解是|我更愿意(这样|这么)理解|我倒觉得|其实不然|事实并非如此|并非如此|其实不是这样)|(错在哪(里|儿)?|哪里错了|问题出在哪(里|儿)?)|[^。！？\n]{0,8}(如果|要是|假如|若)?有(人|理财经理|客户经理|员工|工作人员|销售人员|业务员|陌生人)(这么|这样|如此|咁样|咁)(跟|对|同|和|向)?(您|你|大家|你哋)?(推销|推銷|说|讲|講|介绍|介紹)|[^。！？\n]{0,24}(唔应该咁讲|唔應該咁講|唔应该咁讲|不应该这么说|不該這麼說|不该这么说|不应该这样说|不应该这么写|不该这么写|已经删咗|已經刪咗|已经删了|已經刪了|已经删除|已經刪除)|(这种|这类|这些)[^。！？\n]{0,12}(不允许|不被允许|禁止|不能|不让|不准)[^。！？\n]{0,4}(用|说|写|出现)的?(说法|字眼|词|表述|用语)|[^。！？\n]{0,16}(结果|原来|后来才知道|一查)(系|是|竟然是|竟然系)?(假嘅|假的|骗局|骗子|诈骗|非法集资)|[^。！？\n]{0,4}(这种话|这句话|这话|这类话|这种说法)[^。！？\n]{0,4}(我|我们|我哋)?(从来|从不|从没|绝不|永远)(不|唔)?(说|讲|写|用)|[^。！？\n]{0,24}(这种话|这句话|这话|这类话|这种说法)[^。！？\n]{0,12}(别再|不要再|莫再|不准再|不许再)(说|讲|写|用|发)|[^。！？\n]{0,24}(这种话|这句话|这话|这类话|这种说法)[^。！？\n]{0,4}(不能拿来|不能拿出来|不能跟客户|不能对客户|说不得|我?(得|要|必须|需要)?(纠正|更正|澄清)|不对|不准确|有误|说错了)|[^。！？\n]{0,16}(请|让|叫|劝)?(她|他|你|您|大家)?(别|不要|不能|不该|千万别)(这么|这样|如此)(写|说|讲|发)|(我|我们)?(跟|和|同|给)(他|她|他们|她们|你|您|大家)(掰扯清楚|解释清楚|讲清楚|说清楚|讲明白|说明白|算清楚)|(我|我们)?(得|要|必须|需要|想|当场|马上|立刻|赶紧|就|每次都|都会|总会|总是)(认真|耐心)?(地)?(更正|纠正|澄清)(了|咗)?(一下)?|[^。！？\n]{0,10}(退了回来|退回来了?|被退回|打了回来|打回来了?|被打回|被驳回|驳回了|没通过审核|没有通过审核|未通过审核|不予通过)|(这话|这句话|这种说法|这个说法|呢句说话|呢句话|呢种讲法|呢个讲法|呢种说法)[^。！？\n]{0,4}(错在哪|错在哪里|哪里错|哪儿错|错哪了|问题在哪)|(这话|这句话|这种说法|这个说法|呢句说话|呢句话|呢种讲法|呢个讲法|呢种说法)[^。！？\n]{0,20}(不成立|唔成立|站不住脚?|企唔住脚?|过时了|行不通|行唔通|不灵了)|(这句话|这种话|这话|这种说法|这个说法|这句|这张图|这张海报|这张图片|这条|这篇|这段文案|这段话)[^。！？\n]{0,6}(违规|不合规|是误导|在暗示|是暗示|不能说|不能用|得纠正|要纠正|需要纠正|不对|不准确|是错的|错了)|(这里|在这里|这点|这一点)(要|得|必须|需要|先)?(说清楚|讲清楚|说明一下|澄清一下|澄清)|(这个|这个想法|这种想法|这个理解|这种理解|这个看法)(可|就)?(得|要|需要|必须)(掰扯清楚|说清楚|讲清楚|分清楚|纠正|更正|改一改|改改|改|澄清)|[^。！？\n]{0,30}(退出了?历史舞台|已成历史|已经成为历史|成为了历史|一戳就破|纸糊的|天下(没有|哪有)(这种|这样的)好事|哪有这种好事|没有这种好事)|(是|就是)?(不准确|错误)的|是?(要|得|需要|必须)?(分清|分清楚|讲清楚|说清楚|弄清楚|搞清楚|弄明白|搞明白)|[^。！？\n]{0,4}(这话|这句话|这种话|这种说法)是[^。！？\n]{0,12}(推销|骗子|忽悠|中介)[^。！？\n]{0,10}(爱说|最爱说|常说|惯用|挂在嘴边)|(这种|这类|这些|这样的)(词|字眼|说法|话)[^。！？\n]{0,4}(先别|别|不要|千万别|莫))/;
/** after a list of words, what turns to the product (但它真的稳赚; 这款) */
const LIST_TURNS = /但|可是|不过|然而|其实|只是|它|这款|这只|本产品|我们的|我们这/;
/** a negation that denies the use of words (不会使用, 不得出现) */
const DENIED_USE = /^(不会|不得|不准|不许|不能|禁止|严禁|绝不|从不|唔会|不想|不愿|不敢)((使用|用|说|讲|写|提)?(以下|下列|下面|如下|这些|这几种|这类)的?(说法|表述|字眼|词语|词汇|词|话术|用语|宣传语|内容|字)|使用|用|说|讲|写|出现|提)/;
/** before a label of fraud, what says it does not fit (不是非法集资; 跟…完全不同) */
const DENIED_BEFORE = /(不是|并非|绝非|绝不是|决不是|才不是|哪是|不属于|不算|唔系|唔係|不涉及)(什么|啥)?$/;
const CONTRAST_BEFORE = /(跟|和|与|同)$/;
const CONTRAST_AFTER = /^(有)?(着)?(本质|根本|明显|完全|截然)?(的)?(区别|不同|两样|不一样|无关|划清)/;
/** after a label of fraud, what says it has nothing to do with it (…非法集资无关) */
const UNRELATED_AFTER = /^[^是]{0,2}(无关|不沾边|扯不上)/;
/** the bank saying it never sold what was retold (我行从未发行此类产品) */
// (or the picture it came in is not the bank's: 这张图不是同心银行发布的)
const DISOWNED = /^\s*(我行|本行|我们|我们行|同心银行)(从未|从来没有|从来没|从没|并未|没有|不曾|也不会)(发行|推出|销售|发布|代销|卖)(过)?(此类|这类|这种|任何|类似|这样的)|^\s*(这张|这幅|这个|该)(图|截图|海报|图片|单张|传单)(片)?(不是|并非|并不是|不系|唔系)[^。！？\n]{0,10}(发布|发出|制作|出)的/;
/** what the line after a quoted pitch says of it when it warns against it (这样的话…都是假的; 任何人这么说，都要提高警惕) */
const FOLLOW_UP = /^\s*(听到|看到|遇到|碰到|收到|见到)?((听到|看到|遇到)(这些|这几句|这几个词|这几个字|以上)|(如果|要是|假如|若)?(你|您)?[^。！？\n]{0,4}被(这样|这么|这种话|这句话|这些话)(催|劝|忽悠|推销|游说|说动|洗脑)过?|(如果|要是|假如|若)?有人(这样|这么)(跟你|对你|和你|跟您|对您|同你)?(说|讲|推销|推荐|介绍|吹)|(推销员|销售|业务员|对方|骗子|中介)[^。！？\n]{0,4}(这样|这么)(回答|说|讲|推销|介绍)|这样的话|这种话|这些话|这类话|这种广告|这类广告|这样的广告|这种短信|这类短信|这种宣传|这类宣传|这类催促|这种催促|这些催促|这类字眼|这种字眼|这几句话?|这两句话?|这种说法|这些说法|这类说法|此类说法|以上说法|上面这些话|类似的话|(任何人|谁|凡是|只要有人|有人|对方|谁要是|别人)?(这么说|这样说|这么讲|这样讲|说这种话|说这些话|说这样的话|跟你这么说|跟你这样说))[^。！？\n]{0,40}(不会|没有|别信|不要信|都是假|是假的|骗|警惕|当心|小心|违规|违法|不可能|提防|核实|别激动|别心动|别冲动|先别|冷静|先停|停一停|问清楚|多留个心眼|留个心眼|起身走人|走人|转身就走|扭头就走|慢下来|慢一点|慢一慢|只想问|想问一句|靠什么赚钱)/;

/** after a quoted message, the next sentence saying the bank did not send it (，问是不是真的。⏎不是我们发的) */
const DISOWNED_AFTER = /^[^。！？\n]{0,16}[。！？]?\s*\n?\s*(这条|这个|那条)?(消息|信息|短信)?(不是|并非|唔系|唔係)(我们|我们行|本行|我行|同心银行|我哋)(发|发的|发布|推送|出)/;
/** a negation of answering for what follows it (不会为…; 不能替…; 从不对…) */
const NOT_FOR = /^(不会|不能|不得|不可能|无法|从不|绝不|并不|不|没有|没)(为|替)/;
/** thanks for a client's words, then a reminder that sets them right (“…从没亏过。”谢谢阿姨！⏎但我得提醒一句：; ，谢谢夸奖，但我必须说一句：), or a plain no right after them (“银行理财跟存款差不多”。不一样！) */
const BUT_REMINDS = /^[^。！？\n]{0,16}[。！？!?]?\s*(但|但是|不过|可是)[，,]?\s*(我|小U)?(得|必须|还是要|还是得|要|想|不得不|也得|也要)(提醒|纠正|更正|澄清|说明|补充|说|讲)(一句|一下|两句|几句|大家|您|你)|^[”」』"']?[。！？!?]?\s*(其实|但|可)?[，,]?\s*(不一样|不对|错了|大错特错|不是这样|并非如此|并不是这样|这话不对|这是误解)([！!。，,—–]|$)/;
/** who corrects it (我赶紧纠正：) */
const CORRECTING = /^\s*(我|小U|我们)?[^。！？\n“”「」]{0,4}(纠正|更正|解释|劝他|劝她|劝佢|提醒他|提醒她|提醒佢)[:：，,]\s*/;
/** an answer that opens by calling what it answers wrong (不对哦，…; 不是这样的) */
const CORRECTED = /^\s*(不对|不是的|不是这样|可不是|错了|错啦|这可不对|这不对|其实不是|并不是这样|唔系|唔啱|不是这么回事|(别人|人家|人哋)[^，。！？\n]{0,6}(不代表|唔代表|不等于|唔等于))/;
/** words after a quotation that say whose they were (…的原话; 该表述属实) */
const RETOLD_CASE = /原话|说的话|该表述|此表述|上述表述|这句话|这番话|这种说法|该说法|该内容|经核实|经查|情况属实/;
/** what came of them: a finding or a sanction */
const SANCTION = /处理决定|书面警告|警告处分|记过|扣减[^，。！？\n]{0,6}绩效|并非本行|不是本行|销售误导|误导(销售|客户)|停岗|被?处罚|处分|问责|通报批评|取消[^，。！？\n]{0,8}资格|暂停[^，。！？\n]{0,8}资格|属实|认定为|被投诉|客户投诉/;

/**
 * What right after a quotation (or a row of them) judges, glosses or sets it rather than says it: a quiz
 * about it (——这句话是对是错？), a tally (被圈1次), a gloss (= …; →; ｜ 真相), a refutation after a dash
 * (——没有人能预测; ——正规理财的说明书里找不到这句), a saying heard and then answered (——这句话您可能听过。但…), a
 * pitch someone hands out (——菜市场里又有人在发这种传单), words named together (把“保本”和“高息”写在一起的), the
 * ad that said it (看到一个“…保本保息…”的链接), what lies behind it (这样的“高收益”背后往往是…), disbelief
 * (说“不查征信”的贷款⏎小U一个都不信), the scheme it named gone soon after (“包赚”项目…第二天那家公司就失联了), a judgement (属于/涉嫌/暗示/诱导…), a test that set it
 * (这是本月岗位考试第8题给出的文案), an equation that does not hold (“降息=稳赚”这个等式不存在), a word nobody can say (“必涨”谁也说不了), a line the writer will not say (“股市跌了它没跌”——这句话我们不会说), a fault named (——这是把过去当成承诺)
 */
// (or judged right after it: “我买了xx赚了多少”，听听就好，别当成决策依据)
const QUOTE_JUDGED = /^[\s”」』"]*(是|就是)?(任何|哪个|所有|哪一款|哪款)[^。\n]{0,8}(都)?(给不了|做不到|不能给|无法给|不可能给|给不出)|^[\s”」』]*[，,]?\s*(听听就好|看看就好|听听而已|看看而已|别当真|不要当真|当不得真)[，,。]|^[”」』]*[^。！？\n“「]{0,16}(一样|一回事|一个道理)[，,]\s*(听听就好|看看就好|听听而已|千万别当真|别当真|不要当真|当不得真)|^[\s”」』。，,]*(姐妹们|朋友们|大家|各位|街坊们)?[，,]?\s*(这种|这类|这样的)[^。\n]{0,6}(帖子|宣传|海报|广告|说法|截图|图)[^。\n]{0,4}(看看就好|听听就好|别信|不能信|当不得真|别当真)|^[\s”」』]*[？?！!]?[\s—\-－~～]*(这句话|这话|这种话|这类话)[^。\n]{0,12}(我们|我|本行|小U)?(从来|永远)?(不会|不能|绝不|从不|不敢|没敢|一次都没敢|从没)[^。\n]{0,6}(说|讲|写)|^[\s”」』]*[—\-－~～]*\s*(这句话|这话|这种话|这类话|这种说法)[^。\n]{0,2}(听听就算了|听听就好|听听而已|看看就好|别信|不要信|当不得真|别当真)|^[\s”」』]*[—\-－~～]*\s*这(是|属于|叫)(把|在|预测|承诺|暗示|违规|误导|夸大|变相)|^[\s”」』]*(谁也|谁都|没人|没有人|任何人都)(说不了|说不准|不敢说|不能保证|保证不了|打不了包票)|^[\s”」』]*(这个|这种|这样的|这条|此)?(等式|公式|逻辑|推论|说法|结论)[^。\n]{0,4}(并?不存在|不成立|是错的|站不住)|^[\s—\-－~～]*(这|那|以上)(几|[两二三四五六七八九十])?(个|些|句)(词|字|说法|字眼|话)[^。\n]{0,24}(红线|违规|禁用|禁止|不能|不许|不准|不该|骗|坑|雷|陷阱)|^[\s—\-－~～。，,]*凡是[^。\n]{0,14}(都是|都不是|多半是|就是|十有八九)|^[\s—\-－~～。，,]*(这|这种|这个|此类|那种|呢种|呢个|呢类)(说法|讲法|话)[^。\n]{0,4}(没有依据|无依据|没依据|冇依据|不靠谱|不可信|别信|不要信|唔好信|是错的|不对)|^[\s—\-－~～]*(这句话|这话|这种说法|这个说法)?[^。\n]{0,4}(是对是错|是真是假|对不对[？?]|对吗[？?]|能信吗|靠谱吗)|^[\s—\-－~～]*(这句话|这话|这种说法|这个说法)[^。\n]{0,6}(听过|听说过|见过|耳熟)[\s\S]{0,4}(但|可是|其实|不过|然而|实际上|请记住|记住|要知道)|^\s*[❓❔]|^[\s”」』]*(等|这些|这类)[^。\n]{0,12}(写法|说法|字眼|变体|拆字|谐音|拼音)|^[\s—\-－~～]*[^。\n]{0,16}(拿着|拿来|转来|发来|截图)(这种|这类|这样的)(宣传|广告|传单|截图|说法|消息)|^\s*[？?]?\s*(并?不存在|请睁大眼睛|睁大眼睛|擦亮眼睛)|^[\s—\-－~～]*[^。\n]{0,10}(有人|骗子|对方|不法分子|陌生人)[^。\n]{0,6}(在)?(发|传|散发|转发|说|推|卖|喊|打)(这种|这类|这样的)|^\s*(写在一起|放在一起|连在一起|摆在一起|凑在一起|挂在嘴边)|^\s*的?(链接|广告|短信|传单|小广告|宣传单|推销电话|群消息)|^\s*(背后|后面)(往往|通常|多半|大多|都)?(是|藏着)|^\s*[:：]?\s*[^。\n]{0,10}(已经不用|早就不用|不再用|不再使用|已停用|停用了)|^\s*的?(项目|平台|公司|产品|群)[^。\n]{0,40}(失联|跑路|爆雷|卷款|是骗局|是诈骗|人去楼空)|^[^。]{0,16}(一个都不信|都不信|别信|不要信|千万别信|莫信|不能信)|^[\s”」』]*的[^。\n]{0,30}(一律|统统|全部|通通|都|千万)(别信|不要信|不能信|是骗|是假的|挂掉|拉黑|别理)|^\s*(被圈|被说|被提|被用|被写|被划|出现)了?[\d一二三四五六七八九十]+\s*次|^\s*[=＝≈→➡⇒｜|]|^\s*[—\-－]{1,2}\s*(正规[^。\n]{0,12}(找不到|不会|没有)|[^。\n]{0,8}早就被禁|[^。\n]{0,6}是骗|没有人|没人|谁也|并不|不是|别信|假的|错的)|^[”」』’]*\s*[^。，,\n]{0,6}?(属于|涉嫌|暗示|诱导|混同|夸大|违反|是违规|违规了)|^[\s。！!]*这是[^。\n]{0,12}(考试|考题|题目|第[\d一二三四五六七八九十]+题|反面教材|错误示范|驳回稿|退稿)/;
/** words before a quotation that make it someone else's, or one not to say (短视频里讲“…”; 任何人跟你拍胸口说“…”; 别信「稳赚」; 一句都不许说：“保本”), or a word seen, heard or misread (看到「手慢无」就心慌; 别念成「保本」的保) */
const QUOTE_INTRO = /((截图|视频|帖子|海报|短视频|直播间|朋友圈)[^。“”「」\n]{0,12}(配文|文案|标题|弹幕)[:：]?\s*$|(剪报|报纸|旧报纸|老报纸|新闻|报道)[^。“”「」\n]{0,8}(标题|大标题)[:：]?\s*$|(跟我|和我|同我)(争|吵|拗|抬杠|辩)[^，。“”「」\n]{0,4}[:：]?\s*$|(刷到|看到)(了)?(一条|一个|一张|一则|条|张)[^，。“”「」\n]{0,6}\s*[:：]\s*$|(转给我|转来|收到)(了)?(一条|一个|一张|一则|条|张)?[^，。“”「」\n]{0,6}(帖子|海报|截图|链接|短信|广告|传单)\s*[:：]\s*$|(可以|能|能不能|可不可以|可否|敢不敢)(这样|这么|如此)(说|讲|写|宣传)((吗|么|嘛)\s*[:：？?]?|\s*[？?])\s*$|从来不写|从不写|绝不写|不会写|别信|不要信|莫信|千万别信|不信|别听|不要听|莫听|别碰|不要碰|别说|不要说|不能说|别讲|不要讲|别写|不要写|不能写|不许说|不准说|不得说|禁止说|不许讲|不准讲|不许写|不准写|不得写|禁止写|不能用的?|不许用的?|不准用的?|不得用的?|禁止用的?|不能出现的?|不得出现的?|禁用的?|(严禁|禁止|不得|不许|不准|不能)(对|跟|向|同)(客户|街坊|大家|老人|客人)(说|讲|承诺))\s*[:：？?]?\s*$|(视频|短视频|直播|网上|群里|广告|传单|海报|朋友圈|文章|帖子|推文|短信|消息|评论区)(里|上|中)?[，,]?[^，。“”「」]{0,6}(讲|说|写|称|喊|留言)(的|着|说)?\s*[:：，,]?\s*(这款|这只|某某产品|这个产品|这个)?(是)?\s*$|(图|图片|截图|单子|宣传单|宣传页|纸条)[，,]?\s*(上面|里面|上头|上)?[^，。“”「」]{0,2}(写着|印着|写的是|印的是|写|印)\s*[:：]?\s*$|(任何人|有人|谁|别人|对方|推销员|业务员|骗子|(?<![A-Za-z])TA(?![A-Za-z])|(?<![A-Za-z])ta(?![A-Za-z]))[^，。“”「」]{0,10}(说|讲|承诺|保证|发|转发|介绍|介紹|推荐|推薦)[^，。“”「」]{0,4}?\s*[:：]?\s*$|(念成|读成|看成|听成|误读成|认成|看到|听到|见到|碰到|刷到)\s*$/;

/** English words before a quotation that make it one not to say (never say “guaranteed”; don't believe “…”) */
const QUOTE_INTRO_EN = /(?<![A-Za-z])(never|don't|do not|won't|will not|must not|mustn't|can't|cannot|shouldn't|should not|not allowed to|banned from|avoid)( ever)? (say|says|saying|write|writes|writing|use|uses|using|promise|claim|believe|trust)( words like| phrases like| things like)?\s*[:：,，]?\s*$|(?<![A-Za-z])(words|phrases) like\s*$/i;
/** an English verb of pitching just before a quotation (promises “…”; offers you a “…”) */
const PITCH_VERB_EN = /(?<![A-Za-z])(promis(es|ed|ing)?|offer(s|ed|ing)?|claim(s|ed|ing)?|guarantee(s|d)?|pitch(es|ed|ing)?|sell(s|ing)?|tell(s|ing)? you|say(s|ing)?)( you| to you)?( (a|an|the|some))?\s*[:：,，]?\s*$/i;
/** who makes such a pitch: someone supposed, a stranger or a fraudster (if someone calls…; a scammer) */
const PITCHER_EN = /(?<![A-Za-z])(if|when|whenever) (someone|anyone|somebody|anybody|a caller|a stranger|they|people)(?![A-Za-z])|(?<![A-Za-z])(scammers?|fraudsters?|impostors?|imposters?|strangers?)(?![A-Za-z])/i;

/** True when the quotation ending after original offset `at` is named, not used (“预期收益型”转向…, “保本”二字). */
export function named(source: string, at: number): boolean {
  // (the quotation's close, however far inside it the word stands: “我买了XX半年赚了多少”的晒单)
  let i = at;
  while (i < source.length && i - at < 40 && !'”」』’"\''.includes(source[i]!)) i++;
  if (i >= source.length || i - at >= 40) return false;
  if (/^(型|类)$/.test(source.slice(at, i))) return true;
  // a word being taught or named (新词：“刚兑”。意思是…)
  let open = at;
  while (open > 0 && !'“「『‘"\''.includes(source[open - 1]!)) open--;
  // (a quotation one is told not to believe: 别信「稳赚」！)
  // (the words before the first of a row of quotations: 翻译过来就是“保证回报”“无风险”)
  // (read once: every check below looks at the end of the same words)
  const wordsBefore = open > 0 ? source.slice(Math.max(0, open - 48), open - 1).replace(/(?<![“「『‘"'][^”」』’"'\n]{0,20}[”」』’"'][、，,和与及或\s]*)([“「『‘"'][^”」』’"'\n]{0,20}[”」』’"'][、，,和与及或\s]*)+$/, '') : '';
  if (open > 0 && QUOTE_INTRO.test(wordsBefore.slice(-16))) return true;
  // (in English too: our posts never say “guaranteed”; if someone on WhatsApp promises “…”; someone claiming to be
  // “林经理” offers you a “risk-free” plan)
  if (open > 0 && (QUOTE_INTRO_EN.test(wordsBefore.slice(-24)) || (PITCH_VERB_EN.test(wordsBefore.slice(-24)) && PITCHER_EN.test(source.slice(Math.max(0, open - 120), open))))) return true;
  // (asked by a client, or quoted in a complaint: 有位客户问“你们能不能保证不亏”; 问我有没有“低风险、高收益”的东西;
  // 有位叔叔在留言里批评我们：「…」)
  // (a question in its own words is left to the reading of questions and answers: 问：“这款理财会不会亏啊？”)
  if (open > 0 && !/[？?]\s*$/.test(source.slice(Math.max(0, i - 2), i)) && /((?<!答|回)问|问我|问道|问过|问起|有没有|有冇|批评我们|批评说|抱怨|吐槽)\s*[:：]?\s*$/.test(wordsBefore.slice(-6))) return true;
  // (or heard and fallen for: 一听“保本保息”“稳赚不赔”就心动; or denied both together: 没有既“低风险”又“高收益”的好事)
  if (open > 0 && /(新词|这个词|名词|术语|概念|叫做?|称为|字眼|关于|所谓|什么是|什么叫|何为|说说|聊聊|谈谈|这句|那句|这个说法|这几个字|翻译过来(就是)?|翻译成|译成|译过来(就是)?|听到|听见|一听到?|一看到|听人说|题是|一题|题目是|问题是|没有?既)[:：]?\s*$/.test(wordsBefore.slice(-8))) return true;
  // (asked whether a draft has them, or told not to have them: 有没有写“收益最高”“全市第一”？; 不要出现“保本”)
  if (open > 0 && /(有没有|是否|有无|别|不要|不能|不准|不许|严禁|禁止|不得|不可|未|没有|没)(再)?(写|出现|使用|用|提到|含有|带有|印)(了|着|过)?\s*$/.test(wordsBefore.slice(-10))) return true;
  // (refused: 不对任何理财产品说『保本』; a reason for a rejection: 因为写了『回报稳稳的』; a complaint's words:
  // 投诉，称购买时『听说保本』; a misconception retold: 有阿姨把分红险当成『利息更高的存款』)
  if (open > 0 && /不(对|跟|向|和|给)?[^，。！？\n“”「」『』]{0,10}(说|讲|写|用|提)\s*$|(不是|并非|并不是|绝不是|也不是|可不是)\s*$|(没|没有|未)把\s*$|(因为|由于)(写了|用了|出现了?|说了|带了)\s*$|(投诉|举报|反映)[^。]{0,8}(称|说)[^，。！？“”「」『』]{0,6}$|(有人|有阿姨|有叔叔|很多人|不少人|好多人|有客户|有街坊|有的人|同事|客户|街坊|大家)[^，。]{0,4}(把|将)[^，。]{0,10}(当成|当作|看成|理解成|误以为是|说成|叫成|喊成)\s*$|(看不到|见不到|听不到|不会看到|不会听到|写成|拆成|改成|变成|谐音成|替换成)\s*$|第[一二三四五六七八九十\d]{1,3}题\s*[:：]?\s*$|要求[^，。“”「」‘’]{0,10}(写|加|注明|备注)\s*$|(找我要|向我要|跟我要|问我要|要我发|让我发|让我晒|找我讨)\s*$|(很多人|不少人|好多人|很多同事|不少同事|有人)(选了|答了?|写了)\s*$/.test(wordsBefore.slice(-24))) return true;
  // (a phrase given as the example of what was said: 记下原话：比如「零风险」)
  if (open > 0 && /(原话|说法|话术)\s*[:：]?\s*(比如|例如|像)\s*$/.test(wordsBefore.slice(-10))) return true;
  // (what a client was told, as a complaint reports it: 被告知“稳赚”)
  if (open > 0 && /(被告知|被承诺|被许诺|被推销说|被忽悠说|被说成)\s*$/.test(wordsBefore.slice(-8))) return true;
  // (or asked what it means: 「分红实现率100%」系咩意思？)
  if (/^[。，,.\s]*(意思是|的意思|是指|指的是|(系|是|到底是|究竟是)?(咩|乜|什么|啥|甚么|什麼)意思)/.test(source.slice(i + 1, i + 10))) return true;
  // (a word in scare quotes after whoever recommended it: 她亲戚推荐的'存单' — a so-called one)
  if (open > 0 && i - open <= 4 && /(推荐|介绍|说|讲|叫)的\s*$/.test(source.slice(Math.max(0, open - 6), open - 1))) return true;
  // (a phrase worn out by repetition: 都有一句被说了无数遍的“保本高息”)
  if (open > 0 && /(被说|被念叨|被喊|被讲|说了|听了)[^，。！？“”「」『』]{0,6}(遍|次|回)的\s*$/.test(wordsBefore.slice(-14))) return true;
  // (a name given to a practice, quoted: 这种做法在业内叫“刚性兑付”; or one said not to exist: 不存在的“稳赚版理财”)
  if (open > 0 && /(叫|叫做|称为|称作|俗称|简称|所谓的?|不存在的)\s*$/.test(wordsBefore.slice(-6))) return true;
  // (words announced as never used, then quoted: 有两个字我从来不写进朋友圈：“稳赚”; 三句唔准讲嘅嘢——“保本”…)
  if (open > 0 && /(个字|个词|句话|[两三四五六七八九十几]句)[^。！？\n“”「」]{0,14}(不写|不说|不用|不提|不讲|不会写|不会说|不能写|不能说|不该写|不该说|不准讲|不准说|唔准讲|唔准講|唔讲|唔講)[^。！？\n“”「」]{0,8}([:：]|——|\p{Extended_Pictographic}*\s*\n)\s*$/u.test(wordsBefore.slice(-30))) return true;
  // (several quoted in a row are named together: “稳赚不赔”“保本保息”这些话)
  const rest = source.slice(i + 1, i + 80).replace(/^(\s*[、，,和与及或]?\s*[“「『‘"'][^”」』’"'\n]{0,20}[”」』’"'])+/, '');
  if (QUOTE_JUDGED.test(rest.slice(0, 30))) return true;
  // a whole quoted pitch, however long, that the next line calls words nobody lawful says (“跟着老师买，
  // 保证翻倍。”⏎这样的话，在任何一家持牌金融机构的正规员工嘴里，你都不会听到)
  let close = at;
  while (close < source.length && close - at < 200 && !'”」』’'.includes(source[close]!)) close++;
  // (or says so to the one who passed it on: …”⏎我跟他说：任何人这么说，都要提高警惕)
  if (close < source.length) {
    const after = source.slice(close + 1, close + 80);
    const lead = TOLD.exec(after.slice(0, 19));
    if (FOLLOW_UP.test(lead ? after.slice(lead[0].length) : after.slice(0, 59))) return true;
    // (or tells them it is wrong: “理财嘛，就是利息高点的定期噻。”⏎我跟她讲：不对哦，理财不是存款)
    if (lead && CORRECTED.test(after.slice(lead[0].length))) return true;
    // (or, with no one named answering, the next line opens by calling what someone said wrong: 有街坊话：“…今年梗系都唔会蚀啦？”⏎唔系咁计㗎)
    if (!lead && open > 0 && /(说|讲|话|話|問|问|讲过|说过)\s*[:：]?\s*$/.test(wordsBefore.slice(-6)) && /^\s*\n/.test(after) && CORRECTED.test(after.replace(/^\s+/, ''))) return true;
    const fixes = CORRECTING.exec(after.slice(0, 19));
    // (a correction labelled as one needs no 不对 of its own: 客户原话：『…跟定期一样的。』⏎经理更正：『…』)
    if (fixes && (/更正|纠正/.test(fixes[0]) || CORRECTED.test(after.slice(fixes[0].length)))) return true;
    // (or calls it a breach, or corrects it: “亏钱？不存在的！”，听起来很让人安心。⏎但这句话本身就违规)
    if (CALLED_WRONG.test(after.slice(0, 59))) return true;
    // (or answers it no, straight after: “理财跟存定期一个样？”不一样！)
    if (/^[\s，,—\-－～~]*(不一样|当然不是|并不是|不是的|不对|错了?)[！!。]/.test(after)) return true;
    // (or the next sentence disowns the message it quoted: …“同心银行内部产品，保本…”，问是不是真的。⏎不是我们发的。)
    if (DISOWNED_AFTER.test(after.slice(0, 40))) return true;
    // (or a case retold: whose words they were and what came of them — “放心买，保本的”⏎这是某行理财经理对客户说的
    // 原话…经核查认定为销售误导; …“基本不会亏”。经调阅双录，该表述属实，已对当事员工停岗培训)
    const told = source.slice(close + 1, close + 160);
    if (RETOLD_CASE.test(told) && SANCTION.test(told)) return true;
  }
  // (no longer the rule: “到期一分不少”不再是理财的默认规则; someone's flyer: 写着“年年都有得收”的保单宣传单)
  if (/^(不再是|已不再是|早已不是|早就不是|已经不是|再也不是|已不是)/.test(rest)) return true;
  // (a word used as a selling point, to say so: 谁还拿“刚兑”说事)
  if (/^(说事|来说事|当卖点|做卖点|做文章|当噱头|当幌子)/.test(rest)) return true;
  if (/^的[^，。！？,]{0,4}(投诉|纠纷|案例|案子|宣传单|传单|广告|海报|宣传册|宣传页|折页|短信|小广告|招贴|晒单|晒图|截图|帖子|视频|直播|网络项目|项目|平台|网站|App|app|群|图|图片)/.test(rest)) return true;
  // (a screenshot of it: 一张别人转给她的'收益排名第一'截图)
  if (/^(截图|截屏|图片)/.test(rest)) return true;
  // (after a row of quotations and a dash: 「年化能到8%」「只赚不赔」——⏎如果有人这样跟你推销理财…先停一停)
  // (or after the row closes its sentence: “额度仅剩，手慢无”。⏎听到这些，先别急着转账)
  if (FOLLOW_UP.test(rest.replace(/^[\s—\-－~～:：，,…]*/, '')) || FOLLOW_UP.test(rest.replace(/^[。！!]\s*/, ''))) return true;
  // (someone nearly fell for it: 「内部渠道，年化12%，保本保息」——赵叔叔差点信了这句话)
  if (/^[\s—\-－~～:：，,…]*[^。！？\n]{0,8}(差点|险些|差一点|差点儿)(就)?(信了|上当|被骗|被忽悠|掏钱|把[^。！？\n]{0,8}(转|汇|交|取)(出去|走|了))/.test(rest)) return true;
  // (此类噱头: 看到“ＧＵＡＲＡＮＴＥＥＤ ＲＥＴＵＲＮ”这类洋气噱头也别心动)
  if (/^(这类|这种|此类|之类的?|这样的|这些|那类|那种)[^，。！？,]{0,6}(噱头|口号|广告语?|宣传语?|套路|话术|字眼|说辞|标语|词儿?|招牌)/.test(rest)) return true;
  if (/^(等[^，。！？,]{0,4}(用语|说法|表述|字眼|词语?|话术|宣传语)|活动|等活动|的活动)/.test(rest)) return true;
  // (struck from where it stood: 某同事朋友圈写了「保本」，已删除重发; 旧折页还写着「预期年化」，已撤下销毁)
  if (/^[^。；;\n]{0,10}(已删除|已撤下|已撤回|已改为|已改成|已下架|已删|已销毁|撤下销毁|已纠正|已整改|一律删除|已谈话|一律改为|一律改成|改为业绩比较基准)/.test(rest)) return true;
  // (said too lightly, as an apology owns: 我把「历史波动小」说得太轻巧了)
  if (/^(说|讲|写)得(太|过于|有点|有些)?(轻巧|轻松|绝对|满|死|随便|轻描淡写)/.test(rest)) return true;
  // (refused one by one: “保本”不说，“稳赚”不说; an era named by it: 那是“预期收益率”时代的做法; a message passed on:
  // …”⏎群里有街坊转来这条短信; the retold case: …这句话是上周一位同事准备发到客户群的草稿)
  if (/^(不说|不讲|不写|不提|不用|都不说)|^(时代|年代|那会儿|那个年代)|^[。！!\s]*[^。\n]{0,10}(转来|转发来|发来|收到)(的)?(这条|这个|这段)(短信|消息|信息|链接)|^[。！!\s]*这句话是[^。\n]{0,20}(草稿|初稿)|^等内容/.test(rest)) return true;
  // (written another way to slip past a filter: 把“保本”拆成“保 本”)
  if (/^(写成|拆成|改成|变成|谐音成|替换成|说成|换成)/.test(rest)) return true;
  // (said not to be the bank's, or unreviewed, or judged wrong after a dash: ——那不是我们的话; 那多半没走审核; ——错。)
  if (/^[—\-\s]*(那|这)?(不是|并非)(我们|我行|本行|银行|小U)的(话|说法|用语)|^[，,]?\s*(那|这)?(多半|肯定|一定|就是)?(没走审核|没经过审核|未经审核|没有经过审核)|^[—\-－\s]*(错|不对|错误|不合规|违规|假)([。！!，,；;\s]|$)|^[—\-－\s]*[✗✘×❌]|^[，,。]?\s*[【\[](批注|审核意见|合规意见|点评)[】\]]|^[，,]?\s*(都是|全是|全都是)?(哄人|骗人|忽悠人|吹牛|瞎说|乱讲)的?/.test(rest)) return true;
  // (a quotation judged, fine or not: 比如「最低起购金额1万元」没问题，「最高收益」就不行; 说「这款理财很安全」就不行)
  // (or after a comma: 「收益界天花板」，这个不行)
  if (/^[，,]?\s*(就|也|都|是|则|这个|这句|这种)?(没问题|没有问题|不行|不可以|不能用|不能写|不合规|违规|出问题|得删|要删|也得删|必须删)/.test(rest)) return true;
  // (a word said not to fit what it describes: “安全”和产品的风险等级不匹配)
  if (/^(和|与|跟|同)[^。！？\n]{0,12}(不匹配|不相符|不符|对不上|不一致)/.test(rest)) return true;
  // (a word used to describe, asked about, or disowned: 用「稳赚」来形容理财; “保本”之问; 「躺赚」都不是银行理财会说的话)
  if (/^(来)?(形容|描述|称呼|概括|比喻)|^(之问|之惑|之争|之辩)|^[^。！？\n]{0,4}(都)?不是[^。！？\n]{0,10}(会说的话|该说的话|能说的话|说的话)/.test(rest)) return true;
  // (counted, as a review's tally counts words: “保本”23处、“稳赚”11处; 57处「稳赚不赔」类表述; struck out: “预期收益率”一律改掉)
  // (含“保本”“稳赚”类承诺（87件）; 使用“预期收益率”（39件）; struck again: 第五行“比存定期划算”也删掉)
  if (/^\s*[（(]?\s*\d+\s*(处|次|个|份|条|件|例|回|人次|篇|起|笔)|^(类|一类)(表述|说法|用语|字眼|话术|宣传|词语?|承诺|措辞|文案)|^[\s—\-－~～:：，,]*(也|一律|统统|全部|全都|都|要|必须|请)?(改掉|删掉|删除|去掉|拿掉|换掉)/.test(rest)) return true;
  // (struck in the next sentence: 一条写了“比存款多赚一点”。⏎都已经删了)
  if (/^[。！!；;]\s*(都|均|全都|全部|两条都|这两条|这条)?(已经|已)?(删了|删掉了|删除了|撤下了|改掉了|撤回了)/.test(rest)) return true;
  // (after a dash too: “高收益、低风险、零门槛”——这几个词凑在一起，本身就是最大的风险信号)
  const bare = rest.replace(/^[\s—\-－~～:：，,…]*/, '');
  if (/^(已停用|已经停用|已禁用|已废止|已取消|停用|禁用|早就不用了|不再使用)/.test(bare)) return true;
  // (a violation retold, and what the regulator found it to be: 还写了「认购满5万送年货礼盒」。监管认定：以赠品诱导销售)
  if (/^[。；;]?\s*(监管部门|监管机构|监管|金融监管总局|银保监会?|人民银行|央行|检查组)?(认定|定性为|认定为|认定其|通报)/.test(bare)) return true;
  // (named as what staff are punished for: 说“保本”“稳赚”的一律严肃处理)
  if (/^的?(一律|都|将|会)?(被)?(严肃处理|追责|处分|开除|处罚|问责)/.test(bare)) return true;
  if (/^(这|那)?[几两三四五六七八九十]个(词|字)[^。！？\n]{0,16}(风险信号|危险信号|警报|骗局|陷阱|坑|套路|不能信|别信|违规)/.test(bare)) return true;
  // (…——我在黑板上写的第一行就是这四个字，然后画了个大大的叉)
  if (/^[^。！？\n]{0,24}(就是|是)(这|那)[两三四五六七八九十几]个字/.test(bare)) return true;
  // (…——在任何理财宣传里看到这几个词，请先别信)
  if (/^[^。！？\n]{0,14}(这|那)(些|几个|[两三四五六七八九十]个)(词|字|话|说法|字眼)[^。！？\n]{0,12}(别信|不要信|莫信|警惕|当心|小心|骗|违规)/.test(bare)) return true;
  // (a pitch answered by hanging up: “保本保息，年化8%”——挂！)
  // (or struck from a draft: ☐ “手慢无”“额度告急”——删)
  if (/^[—\-－~～\s]*(挂|挂掉|挂断|直接挂|拉黑|删掉|删除)[！!。]|^[—\-－~～:：→\s]*(删|删掉|删除|划掉|不能发|不能写|别写|别发|不要写|不予通过|不通过|未通过|退回)\s*([！!。；;，,]|\n|$)/.test(rest)) return true;
  // (a checklist's question and the fix its arrow points to: □ 写了『保本』『保息』？→ 删; …？→ 改成业绩比较基准)
  if (/^[？?]?\s*[→⇒➡]\uFE0F?\s*[^\n]{0,12}(删|改成|改为|换成|去掉|打码|不能写|别写)/.test(rest)) return true;
  // (words named after a dash, then denied their use: 『稳赚』『躺赚』——这三个词，在正规宣传里都不该出现;
  // “全城收益第一”“唯一推荐”——这些话我们不说)
  if (/^(这|那)?(些|几|[两三四五六七八九十]个|[两三四五六七八九十几]句)(词|字|话|说法|字眼|表述)?[^。！？\n]{0,30}(一句都|一个都|都|同样|也)?(不该|不应|不能|不得|不会|不准|不许|不允许|严禁|禁止|别|不要)(再)?(出现|使用|用|说|写|讲|提)|^(这|那)?(些|几|[两三四五六七八九十]个|[两三四五六七八九十几]句)(词|字|话|说法)?[^。！？\n]{0,30}(先别|千万别|别急着|不要急着)(转账|信|下单|买|心动|付钱|汇款)|^(这|那)?(些|几|[两三四五六七八九十]个)(词|字|话|说法|字眼|表述)[^。！？\n]{0,8}(我们|我|本行|咱们)(都|从来|从)?(不说|不用|不写|不讲|不提)/.test(bare)) return true;
  return /^(的推销|的推销电话|的推销话术|的广告|的小广告|的宣传单|的短信|的传单|的帖子|表述|等行为|等情况|等情形|等现象|等做法|等违规|型|这?[一二两三四五六七八九十几\d]+[个個]大?字|这个词|这个说法|一词|等表述|等字样|等用语|的说法|这种说法|字样|之类|二字|两个字|这几个字|几个字|几个词|等词|这些话|这类话|这种话|这样的话|这些说法|这类说法|这些词|这类词|这些字眼|这类字眼|等说法|之类的话|呢啲字|呢啲话|呢啲話|呢啲嘢|呢类字|呢类话|嗰啲字|这类拼音|这种拼音|这类写法|这种写法|这些写法|的承诺|这种承诺|这句承诺|的许诺|的鬼话|的谎话|的谎言|的套路|的话术|这种话术|的印象|这种印象|的错觉|的误会|的误解|这种误解)/.test(rest);
}

/**
 * True when the sentence ending at normalised `lastIndex` asks (保本吗？哪款收益最高？) and the next
 * sentence does not answer it with the product (…？就是这款！).
 */
function askedYesNo(view: SpanView, lastIndex: number, rhetorical?: RegExp): boolean {
  const { norm } = view;
  if (!endsWithQuestion(view, lastIndex)) return false;
  let first = lastIndex;
  while (first > 0 && norm.sentence[first - 1] === norm.sentence[lastIndex]) first--;
  // (the mark itself is kept at the end of a text: 能保证收益吗？ ends in ?, its last word is 吗)
  let li = lastIndex;
  while (li > first && /[\s?？!！。.,，~～…)）」』"”]/.test(norm.text[li]!)) li--;
  const last = norm.text[li];
  const sentence = norm.text.slice(first, lastIndex + 1);
  if (rhetorical?.test(sentence)) return false;
  // (and a verb with 不 or 没 at the end: 这次的波动，您睡得着觉不？)
  const asks = last === '吗' || last === '么' || last === '嘛' || last === '呢' || last === '不' || last === '没' || /哪|什么|怎么|为什么|多少|是否|是不是|有没有|会不会|能不能/.test(sentence);
  if (!asks) return false;
  const answer = norm.text.slice(lastIndex + 1, lastIndex + 12);
  // (answered with a wink, which says yes without saying it: 有政府托底㗎？⏎我淨係笑咗笑：識嘅自然識😉)
  if (WINK.test(norm.text.slice(lastIndex + 1, lastIndex + 24))) return false;
  // (after a 还用问 that makes it obvious: 还用问嘛，就是这只一年期的…)
  // (or a 还用问 that answers alone, before the product named: 答：这还用问？当然是金钥匙安盈啦)
  return !/^(答)?((这|那)?还用(问|说)(嘛|吗|么|啊)?)?(就是|当然是|答案是|那必须是|必须是|首选|选)(这|它|我们|本)/.test(answer) && !OBVIOUS_YES.test(answer);
}
/** a hedge that opens an answer (一般不会; 基本上没有; 大概率不会) */
const HEDGE_OPENING = /^(一般来说|一般|通常|基本上|基本|大概率|大多数情况下|正常情况下|应该|估计|几乎)(?=不|没|唔|冇)/;
/** a bare denial of a promise (不保证, 不承诺): it disclaims what came before */
const NOT_PROMISED = /^(不保证|不承诺|不担保|不确保|并不保证|并不承诺)$/;
/** another party saying something, its words running unquoted to the end of the text before a target (see reportedUnquoted) */
// (or a message received from a stranger, in Cantonese too: 收到陌生WhatsApp，話有隻…穩賺唔蝕)
const THIRD_PARTY_SAYS = /(有人|有些人|有的人|被人|一名男子|一名女子|陌生男子|陌生女子|骗子|诈骗分子|不法分子|对方|推销员|业务员|陌生人|陌生号码|群主|中介|某平台|某公司|某机构|网上|直播间里|短视频里|所谓的?老师|自称|收到[^。！？\n]{0,12}(短信|信息|訊息|消息|来电|來電|电话|電話|微信|WhatsApp|whatsapp|链接|連結|私信))[^。！？\n]{0,30}?(说|讲|講|称|號稱|号称|宣称|声称|吹|吹嘘|推销|推|保证|承诺|忽悠|(?<![电電通讲講说說对對笑废廢闲閒情童神实實好])[话話](?=有|佢|係|系|呢|可以|會|会|保|穩|稳|包|年化|每年))(?!说|讲)/;
/** after another party's words, the writer speaking for themselves (但这款不会, 其实, 确实) */
const TURNS_TO_OWN = /你告诉我|反正我|但|可是|不过|然而|其实|确实|真的是|说得对|没毛病|的确|我们的|本行的|我行的|我们自己|我哋|自己|点头|认可|没错|是真的|不假|属实|同意|赞同/;
/** a clause that asks (能不能, 会不会, 是不是, …吗): after 问我， it is the question asked */
const ASKED_NEXT = /^(能不能|可不可以|可以不可以|会不会|是不是|要不要|有没有|该不该|值不值|划不划算|好不好|行不行|能否|是否)|(能不能|可不可以|会不会|是不是|要不要|有没有|该不该|值不值|划不划算|好不好|行不行|能否|是否)[^]{0,10}$|[吗么呢]$/;
/** a clause about others than the writer's product (别的网点, 别家, 其他银行) */
const OTHERS_HEAD = /^(别的|别家|其他|其它|外面|人家|别人|同行|隔壁|外头|第二家)/;
/** caution words that name features (的特点, 特征是): a caution only when a fraud has them */
const FEATURE_WORD = /^(的特点|特点是|常见特点|典型特点|的特征|特征是|典型特征)$/;
/** what says the thing with features is a fraud (非法集资, 骗局, 杀猪盘, 骗子的) */
const FRAUD_SUBJECT = /骗|诈|非法|传销|庞氏|杀猪|套路|陷阱|不法|违规|违法|虚假|假冒|冒充|高息揽储|资金盘|跑路|爆雷|黑平台|地下钱庄|非正规|不正规|山寨/;
/** an obvious yes, the question called needless (答：这还用问？当然是金钥匙安盈啦) */
/** an answer left to the reader as too plain to say (看看这走势，答案还用我说吗？; 不用我多说了吧) */
const OBVIOUS_ANSWER = /答案(还用|不用)我?(说|讲|多说)|还用我(说|讲|多说)|不用我(多)?(说|讲)了吧|你说呢|您说呢|懂的都懂/;
const OBVIOUS_YES = /^(答|回复|A)?(这|那)?还用(问|说)(嘛|吗|么|啊)?(当然|肯定|就是|必须|绝对)(?!不|没)/;
// (or an answer that sees no difference, or leaves the reader to taste it: 反正我是没看出来; 你自己品; 拿到手你就知道了)
const WINK = /反正我(是)?没看出来|反正我(是)?看不出来|你自己品|自己品品|你细品|(拿到手|到账|到手|买了)(你|您)?就知道了|懂的都懂|懂得都懂|识嘅自然识|识的自然识|懂的自然懂|你懂的|心照不宣|只可意会|说多了犯规|不能说太多|不好明说|不方便明说|不用我多说|唔使我多讲/;

/**
 * Where the question of a sentence ending at normalised `lastIndex` starts: its last clause when that
 * clause is an offer or invitation of its own (…差多少我给您补多少，要不要我给您写个条子？ asks about
 * the note, not the promise), else the sentence's start.
 */
// (or an invitation to whoever has not joined yet: …个个都赚到了，有没有还没买的？; 还有谁没上车？)
const OFFER_QUESTION = /^(那)?(要不要|需不需要|用不用|想不想|要不|需要我|要我|有没有(人|谁|朋友|街坊|家人|宝子)?(还没|还未|没|想|要|需要|感兴趣)|还有(谁|哪位|人)|谁还|哪位还|有冇(人)?(仲未|未|想))/;
const OWN_QUESTION = /[吗么嘛呢]$|会不会|能不能|是不是|有没有|是否|保不保|亏不亏|稳不稳|赚不赚/;
function askedFrom(view: SpanView, lastIndex: number): number {
  const { norm } = view;
  let a = lastIndex;
  while (a > 0 && norm.clause[a - 1] === norm.clause[lastIndex]) a--;
  if (norm.sentence[a - 1] !== norm.sentence[lastIndex] || !OFFER_QUESTION.test(norm.text.slice(a, lastIndex + 1))) {
    while (a > 0 && norm.sentence[a - 1] === norm.sentence[lastIndex]) a--;
    return a;
  }
  // (a clause before that asks on its own is asked too: 这款保本吗，要不要我帮您查一下？)
  for (;;) {
    let b = a - 1;
    if (b < 0 || norm.sentence[b] !== norm.sentence[lastIndex]) return a;
    while (b > 0 && norm.clause[b - 1] === norm.clause[a - 1]) b--;
    if (!OWN_QUESTION.test(norm.text.slice(b, a))) return a;
    a = b;
  }
}

/**
 * True when the line of normalised offset `from` is marked as a wrong example (✗ 保本、保息; ❌“这款预期
 * 收益4%”): the mark is a symbol the normaliser drops between characters, so it is read in the source.
 */
export function markedWrong(view: SpanView, from: number): boolean {
  const src = simpleSource(view.norm);
  const at = view.norm.start[from]!;
  let a = at;
  while (a > 0 && at - a < 60 && src[a - 1] !== '\n') a--;
  // (not what the writer says after a verdict that opens the line and judges the statement before it: ❌ 误区！同心月月享其实…)
  if (WRONG_MARK.test(src.slice(a, at)) && ownWordsFrom(view, at) < 0) return true;
  // (the end of the line, or 200 characters on: read once, by the checks below that need it)
  let eol = -1;
  const lineEnd = () => {
    if (eol < 0) for (eol = at; eol < src.length && eol - at < 200 && src[eol] !== '\n'; ) eol++;
    return eol;
  };
  // (a true-or-false statement with its blank, answered false on a line below: 判断：…就不会亏钱。（ ）⏎答案：× …)
  if (TRUE_FALSE_BLANK.test(src.slice(at, lineEnd())) && JUDGED_FALSE.test(src.slice(lineEnd() + 1, lineEnd() + 160))) return true;
  // (a line spoken by a fraudster in a script or a comic: 骗子：大姐，这个项目保本保息; ① 骗子：我们平台全国第一)
  if (FRAUD_SPEAKER.test(src.slice(a, at)) || WRONG_LABEL.test(src.slice(a, at))) return true;
  // (a line a client speaks in a dialogue or a script — 客户：…; 【客户】…; 阿婆：「…」; 小杨（演客户）：…; a chatbot's 用户：… — is the client's,
  // unless the next line opens by agreeing: 客户：这款跟定期一样吧？⏎理财经理：对的。)
  if (CLIENT_SPEAKER.test(src.slice(a, at))) {
    const e = lineEnd();
    // (nor where it asks and the next line answers it no, which says the opposite as the writer's own: 客户：会亏吗？⏎经理：不会的)
    if (!NEXT_AGREES.test(src.slice(e + 1, e + 40)) && !answeredNo(src, at, e)) return true;
  }
  // (a named client's line in a dialogue, the staff answering on the next line: 张阿姨：…跟定期一样吧？⏎陈晓文：阿姨，不一样的哦 —
  // not a testimonial card's one line: 刘阿姨：两年多了，每一期都有进账)
  if (NAMED_SPEAKER.test(src.slice(a, at))) {
    const e = lineEnd();
    const next = src.slice(e + 1, e + 40);
    // (answered by someone else, not by the next client of a row of reviews: 刘叔叔：“…”⏎孙姐：“…”)
    if (NEXT_SPEAKER.test(next) && !NAMED_SPEAKER.test(next) && !CLIENT_SPEAKER.test(next) && !NEXT_AGREES.test(next) && !answeredNo(src, at, e)) return true;
  }
  // (a quiz's answer that goes on to say what is wrong: 答案：A ❌ 任何暗示保本的说法都是违规的; not an answer
  // that says something of its own: 正确答案：B ✅ 在咱们银行买理财，本金到期原样回到你卡上)
  if (ANSWER_LABEL.test(src.slice(a, at))) {
    const eol = src.indexOf('\n', at);
    if (CONDEMNS.test(src.slice(a, Math.min(eol < 0 ? src.length : eol, at + 120)))) return true;
  }
  // (and the question that answers it on the next line: 骗子：这个项目保本保息⏎小U：年化12%还保本？)
  if (a > 1) {
    let p = a - 1;
    while (p > 0 && a - p < 80 && src[p - 1] !== '\n') p--;
    if (FRAUD_SPEAKER.test(src.slice(p, a))) {
      let e = at;
      while (e < src.length && e - at < 40 && src[e] !== '\n' && src[e] !== '。') e++;
      if (/[？?]/.test(src.slice(at, e + 1))) return true;
    }
  }
  // (or marked at its end, as a short line of a do-and-don't list: 「稳赚不赔」❌)
  let b = at;
  while (b < src.length && b - at < 40 && src[b] !== '\n') b++;
  // (or counted, a word and its tally on a line of its own: 保本　43次)
  if (TALLY_LINE.test(src.slice(a, b))) return true;
  // (or listed in brackets after the word or kind they belong to: 『稳』字相关（稳赚、稳稳的、稳收益）)
  if (/(字|词|类)(相关|开头|打头)?[（(][^)）\n]*$/.test(src.slice(Math.max(a, at - 40), at))) return true;
  if (b - a <= 40 && WRONG_END.test(src.slice(at, b))) return true;
  // (or in a table's column headed as the wrong way: | ❌ 错误说法 | ✅ 规范说法 |⏎| 保本保收益 | 不保本… |)
  if (/^\s*[|｜]/.test(src.slice(a, at)) && (wrongColumn(src, a, at) || VERDICT_CELL.test(rowAfter(src, at)))) return true;
  // (or judged wrong later on its line: 1. 可以对客户说“这款理财保本，放心”。❌ 错。)
  if (JUDGED_WRONG.test(src.slice(at, b))) return true;
  // (or struck through: ~~稳赚不赔~~ → 收益随市场波动; 稳̶赚̶ with a combining stroke)
  // (not in an asset that sells: there the struck word is still shown, with a wink — ~~保本~~ 波动小; 划掉的不算哈😏)
  if (!view.sells) {
    if (STRUCK.test(src.slice(at + 1, at + 2))) return true;
    const opens = src.slice(a, at).split('~~').length - 1;
    if (opens % 2 === 1 && src.slice(at, b).includes('~~')) return true;
  }
  // (or explained after a dash as what is wrong with it: 保本、稳赚、零风险——暗示保证本金和收益)
  // (the gloss itself names what is wrong, not claims it)
  // (looked for within the line only: an indexOf to the text's end would make a long text quadratic)
  const line = src.slice(a, b);
  const dash = line.indexOf('——');
  return dash >= 0 && WRONG_GLOSS.test(line.slice(dash + 2));
}
/** True when `at` (on the table row starting at `a`) stands in a column whose header cell marks it wrong (at most 12 rows up). */
function wrongColumn(src: string, a: number, at: number): boolean {
  const column = src.slice(a, at).split(/[|｜]/).length - 2;
  let header = -1;
  for (let start = a, rows = 0; start > 0 && rows < 12; rows++) {
    // (a row is read back at most ROW_REACH characters: a long line before a table is not read again per hit)
    let prev = start - 1;
    while (prev > 0 && start - prev < ROW_REACH && src[prev - 1] !== '\n') prev--;
    if (prev > 0 && src[prev - 1] !== '\n') break;
    if (!/^\s*[|｜]/.test(src.slice(prev, start))) break;
    header = prev;
    start = prev;
  }
  if (header < 0) return false;
  const end = src.indexOf('\n', header);
  const cells = src.slice(header, end < 0 ? undefined : end).split(/[|｜]/).slice(1);
  if (!(column >= 0 && column < cells.length)) return false;
  // (or a column of pitches beside one that says what is wrong with them: | 话术 | 问题在哪 |)
  return WRONG_HEAD.test(cells[column]!) || REASON_HEAD.test(cells[column]!) || (PITCH_HEAD.test(cells[column]!) && cells.some((c) => REASON_HEAD.test(c)));
}
const PITCH_HEAD = /^\s*(话术|说法|原话|原句|宣传语|文案|表述)\s*$/;
const REASON_HEAD = /^\s*(问题在哪|问题在哪里|问题出在哪|错在哪|错在哪里|问题|违规点|违规原因|错误原因|哪里不对)\s*[?？]?\s*$/;
const ROW_REACH = 200;
/** the rest of the table row from `at` (at most ROW_REACH characters) */
function rowAfter(src: string, at: number): string {
  let b = at;
  while (b < src.length && b - at < ROW_REACH && src[b] !== '\n') b++;
  return src.slice(at, b);
}
/** a later cell of a row that rules the row out (| 国家队背书 | 暗示政府担保 | 删除 |; | C | 监管部门亲自审过 | 不能 |) */
const VERDICT_CELL = /[|｜]\s*(已删除|已撤下|已撤回|已下架|删除|删|删掉|不能|不能发|不可以|不可|不行|退回|不通过|违规|不合规|禁用|错|错误|[✗❌✘✖×⛔]\uFE0F?)\s*([+＋、][^|｜\n]{0,10})?(?=[|｜]|$)/;
/** a mark and a verdict later on the line (❌ 错; ✗ 不对), not 错过 */
const JUDGED_WRONG = /[✗❌✘✖×⛔]\uFE0F?\s*(错(?!过)|不对|错误|不正确|不可以|不能说|不行|违规)|[【\[](批注|审核意见|合规意见|合规批注)[】\]]/;
const WRONG_HEAD = /[✗❌✘✖×⛔]|🚫|错误|违规|不规范|不合规|禁用|红线|别这样|原稿|原文|原句|原表述|送审稿|^\s*(问题|问题类型|违规类型|违规点|问题点|错在哪|原因|退回原因|问题词|不能写|不可以写|不要写|别写|不能说|严禁说|禁止说|不许说|不准说|别说|严禁|禁说|违规原文|违反条款|违规条款|老说法|旧说法|以前的说法)\s*$/;
/** a combining stroke or slash over the character before it (strikethrough typed without markdown) */
const STRUCK = /^[\u0335\u0336\u0337\u0338]/;
const WRONG_GLOSS = /^\s*((删|删掉|删除|划掉|撤下|不行)\s*[，,、]\s*)?(暗示|预测|无依据|绝对化|违规|属于违规|不得|不能|禁止|夸大|误导|变相|诱导|催单|催促|拿理财比|把理财|拿[^，。\n]{0,6}比)/;
/** a line labelled as the wrong version (改稿前：…; 理财经理（错误）：…; 错误示范：…) */
// (or a line that lists what was wrong: 问题：①承诺收益；②与存款作比较; 退回理由：承诺保本; a quiz's analysis of its
// options: A 暗示保本，还把理财说成存款；B 预测收益并催促购买)
const WRONG_LABEL = /^[\s\p{Extended_Pictographic}·•]*(红灯|黄灯)\s*[：:—\-]|^\s*[【\[](批注|审核意见|合规意见|合规批注)[】\]]|^\s*(批注|审核意见|合规意见)\s*[:：]|^\s*错选\s*[A-F]|^\s*(批|批语|红笔|红笔批注|师傅红笔|老师批注|评语|输入|原答案|考生答案|错误答案|学员答案|改写前|之前的写法|原来的写法|旧写法|原句|原话|改稿前|改前|修改前|原稿|原文|错误示范|错误写法|反面示例|错误示例|错误回答|错误说法|问题|存在问题|违规点|问题点|错在哪|错在|退回理由|退回原因|扣分点|违规类型|问题类型|违规情形|处罚原因|处罚事由|违规事实|案由|禁用|禁止|禁用说法|禁用语|坑词|雷词|不能说|不能用|解析|答案解析|题目解析|点评|错句|处分依据|处理依据|处理结果)\s*[\d一二三四五六七八九十①-⑨]{0,2}\s*[:：]|^\s*[A-F]\s*[.、．:：]?\s*(暗示|预测|冒用|承诺|夸大|属于|涉嫌|违规|错在|混淆|诱导|催促|把|用了|使用了|违反)|^\s*(老说法|旧说法|改稿前|修改前|原稿)\s*[✗×❌✘✖]|^[^\n【]{0,3}【(禁用|禁止|红线|不能用|不能说|不能写)】|^[^:：\n]{0,8}[（(]\s*(错误|错误示范|错|不合规|违规|反面|已删除|已删|作废|已作废|未通过|退回|已退回|已撤回|已撤下|不合格)\s*[)）]\s*[:：]|^\s*(查到|查出|发现|检出|抽查发现)[\d一二三四五六七八九十]+\s*(宗|处|起|例|条|次)\s*[:：]|^[^:：\n，。]{0,8}?(初稿|旧稿|草稿|徒弟稿|学生稿|学生原文|同事稿|第一版)\s*(?:[（(][^)）\n]{0,8}[)）])?\s*[:：]/u;
const ANSWER_LABEL = /^\s*(正确|参考)?答案\s*[\d一二三四五六七八九十①-⑨]{0,2}\s*[:：]/;
/** a true-or-false statement's blank at its line's end (…不会亏钱。（ ）) */
const TRUE_FALSE_BLANK = /[（(][\s\u3000]*[)）][\s\u3000]*$/;
/** the answer, within two lines below, that judges it false (答案：× ; 正确答案：错) */
const JUDGED_FALSE = /^(?:[^\n]*\n){0,2}[\s\u3000]*(?:正确|参考)?(?:答案|答)[\s\u3000]*[:：]?[\s\u3000]*(?:[×✗✘❌✖]|错误?|不对|[Ff](?![A-Za-z])|false)/i;
const CONDEMNS = /违规|違規|违法|不合规|不合規|不能|不可以|不得|不应|错|錯|骗|騙|诈|詐|陷阱|坑|红线|紅線|禁|误导|誤導|夸大|涉嫌|问题|不对|预测|承诺|暗示|混淆|诱导|催促|冒用|最高级|绝对化|[✗❌✘✖🚫]/u;
/** a speaker label of a client opening a line of a dialogue or a script (客户：; 【客户】; 阿婆：; 镜头1｜小伙子：; 小杨（演客户）：; 张阿姨：; 陳伯：; 闺蜜：) */
const CLIENT_SPEAKER = /^\s*(?:镜头\s*\d+\s*[｜|:：]\s*|第[一二三四五六七八九十\d]+格\s*[｜|:：]\s*)?(?:[【\[](客户|顾客|客人|客戶|街坊)[】\]]|(?:客户|顾客|客人|客戶|用户|用戶|访客|粉丝|读者|观众|学员|提问者|阿姨|叔叔|大爷|大妈|阿婆|阿伯|伯伯|婆婆|街坊|小伙子|姑娘|队友|邻居|网友|家长|孃孃|嬢嬢)\s*(?:[（(][^)）\n]{0,8}[)）])?\s*[:：]|[\u4e00-\u9fa5]{1,3}[（(]演客户[)）]\s*[:：])/;
/** the next line of a dialogue opening by agreeing with the line before (理财经理：对的; 小U：没错！) */
/** a client named by surname and honorific, or a friend or relative, opening a line of a dialogue (张阿姨：; 陳伯：; 闺蜜：): theirs only where the next line is another speaker's */
const NAMED_SPEAKER = /^\s*(?:[张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤陳黃劉楊吳許鄭謝韓馮鄧蕭葉蘇魏呂盧鍾譚陸範賈韋鄒龔萬錢嚴龍](?:阿姨|叔叔|大爷|大妈|阿婆|阿伯|伯|婆婆|姐|大姐|哥|大哥|叔|姨|奶奶|爷爷|太|生)|闺蜜|孙子|孙女|外孙|同事|朋友)\s*[:：]/;
/** the next line opens with a speaker of its own (陈晓文：…) */
const NEXT_SPEAKER = /^[^：:\n]{1,10}[：:]/;
/** the next line opens, after its speaker, with an answer of no (经理：不会的; 陈晓文：放心，没有) */
// (a bare no, ending its clause: not 没有只赚不亏的产品, which denies something else)
const NEXT_ANSWERS_NO = /^[^：:\n]{0,12}[：:][\s\p{Extended_Pictographic}\uFE0F]*[“「"]?\s*((放心|您放心|安心)[，,！!]?\s*)?(不会|不會|没有|沒有|没事|沒事|不用担心|不用擔心|唔会|唔會|唔使|冇|绝对不会|肯定不会|一般不会|基本不会|基本上不会)(的|啦|嘞|哦|喔|呀|啊|嘅|架|㗎|咯)*\s*([，,。！!~～…]|$)/mu;
/** the line from `at` to `e` asks, and the next line answers it no */
const answeredNo = (src: string, at: number, e: number) => /[？?]\s*[”」"]?\s*$/.test(src.slice(at, e)) && NEXT_ANSWERS_NO.test(src.slice(e + 1, e + 40));
const NEXT_AGREES = new RegExp(`^[^：:\\n]{0,12}[：:]\\s*[“「"]?\\s*(对|是的|是啊|没错|说得对|讲得对|对对|当然|肯定|就是|可不是|系呀|冇错|${ASSENT_EMOJI.join('|')})`, 'u');
/** a speaker label of a fraudster opening a line (骗子：; ① 骗子：) */
// (骗子甲：; a role in scare quotes, with a stage direction: “理财顾问”（凑近）：)
// (or a speaker labelled in brackets before the line: （骗子）您好，我是银行客服…)
const FRAUD_SPEAKER = /^\s*(?:镜头\s*\d+\s*[｜|:：]\s*)?(?:[\d①-⑨]+\s*[.、．)）]?\s*)?(?:(骗子[甲乙丙丁AB12]?|诈骗分子|不法分子|假客服|假警察|冒充者|陌生来电|陌生人|陌生男子|陌生女子|神秘人|推销员|大忽悠|坏人|被告人?)|对方|[“"「『][^”"」』\n]{1,6}[”"」』])\s*(?:[（(][^)）\n]{0,8}[)）])?\s*[:：]|^\s*[（(【\[](骗子[甲乙丙丁AB12]?|诈骗分子|不法分子|假客服|假警察|冒充者)[)）】\]]/;
/** a line that is one word and how often it was found (保本　43次; 「稳赚」：31处) */
const TALLY_LINE = /^[\s\u3000·•\-*]*[“「『【]?[\u4e00-\u9fa5A-Za-z]{2,8}[”」』】]?[\s\u3000:：·…\-—]*\d+\s*(次|处|件|条|篇|例|回)[\s\u3000。；;，,]*$/;
// (after a list number too: 2. ✗ 保本)
const WRONG_MARK = /^\s*(?:[-*•·]\s*|\d{1,2}\s*[.、．)）]\s*)?(?:[✗❌✘✖×⛔]|🚫)/;
const WRONG_END = /(?:[✗❌✘✖⛔]|🚫)\uFE0F?\s*$/;

/** Where the quotation around original offset `at` ends (its closing mark's offset; at most 200 characters on). */
export function quotationEnd(source: string, quotes: Uint8Array, at: number): number {
  let b = at;
  while (b < source.length && b - at < 200 && quotes[b]) b++;
  return b;
}

/** A question someone asked, quoted whole (有客户问我：「你们最稳的产品是什么？」): it asks, it claims nothing. */
function askedQuotation(source: string, quotes: Uint8Array, at: number): boolean {
  const a = quotationStart(quotes, at);
  return /问(我|过我|了我|道|我们)?\s*[:：，,]?\s*[“「『"]?$/.test(source.slice(Math.max(0, a - 8), a)) && /[？?]\s*[”」』"]?\s*$/.test(source.slice(a, quotationEnd(source, quotes, at) + 1));
}

/** a quiz: it asks which of its options is right and gives the answer (以下边句可以发朋友圈？… 答案：D) */
const QUIZ = /判断题|选择题|小测验|考考你|测一测|(以下|下面|下列)[^。\n]{0,12}(哪|可以|能|对|正确|合规)|哪[一个句条项]+[^。\n]{0,10}[？?]/;
const QUIZ_ANSWER = /答案\s*[:：是为]|正确答案|参考答案/;

/** True when the quotation around original offset `at` is an option of a quiz (A. 「稳稳的幸福，只赚不赔」): put up to be judged, not said. */
function quizOption(source: string, quotes: Uint8Array, at: number): boolean {
  const a = quotationStart(quotes, at);
  let b = a;
  while (b > 0 && a - b < 8 && source[b - 1] !== '\n') b--;
  return /^\s*[A-Da-d①②③④⑤][.、．:：)）]?\s*[“「『"]?$/.test(source.slice(b, a));
}

/** The quotation around original offset `at` (its opening mark included, at most 200 characters each side). */
function quotationAround(source: string, quotes: Uint8Array, at: number): string {
  return source.slice(quotationStart(quotes, at), quotationEnd(source, quotes, at));
}

/** True when the quotation around original offset `at` asks (“你自己买了没、赚了多少”): a question quoted is no testimonial. */
const askedInQuote = (source: string, quotes: Uint8Array, at: number) => /[？?吗么]|多少|了没|有没有|什么|怎么|几多|点样/.test(quotationAround(source, quotes, at));

/** True when the quotation around original offset `at` is a yes-no question (“这个保本吗？” 19次; “有冇保本嘅？”): it asks */
// (not 呢 or 么: “…稳赚不赔，还等什么呢？” is a seller's own rhetoric)
// (an A-not-A question asks too: “有冇保本嘅理财？”, “是不是保本的？”)
function quotedYesNo(source: string, quotes: Uint8Array, at: number): boolean {
  const q = quotationAround(source, quotes, at);
  return /^[“「『‘"']\s*(有没有|有冇|有無|有沒有|是不是|会不会|會不會|能不能|可不可以)/.test(q) || /((吗|嘛|吧|没有|没|不|嘅|冇|未)\s*[？?]|(有冇|有没有|有無|有沒有|係唔係|系唔系|是不是|会不会|會不會|会唔会|能不能|可不可以|保不保|亏不亏|稳不稳)[^”」』’"'？?。]{0,12}[？?])\s*[”」』’"']?\s*$/.test(q);
}

/** after a quotation closes: someone asks whether it can be trusted (“…年底前进场稳了”，问我靠不靠谱) */
const ASKED_AFTER = /^[”」』’"']?\s*[，,：:]?\s*(又|就|便|来|跑来|专门|特地)?(问我|问问我|问了我|问过我|问小U|让我|请我|找我|要我)(帮忙|帮他|帮她|帮着)?(看看|看下|看一下|把把关|判断一下|判断)?[^。\n？?]{0,4}(靠不靠谱|靠谱吗|可不可信|可信吗|信不信得过|能不能买|能买吗|可以买吗|能不能投|能投吗|行不行|真的假的|是真是假|是不是真的|真的吗|怎么看|咋看|怎么样|咋样|有没有问题|有没有坑|是不是坑|是不是骗局|系唔系真|靠唔靠谱)/;

/**
 * True when the quotation around original offset `at` is questioned right after it closes (“银行理财都是保本的”？):
 * a myth put up to be examined — unless the next words affirm it (“保本保息”？没错！).
 */
function questionedQuote(source: string, quotes: Uint8Array, at: number): boolean {
  const b = quotationEnd(source, quotes, at);
  if (ASKED_AFTER.test(source.slice(b, b + 24))) return true;
  const after = /^[”」』’"']?\s*[？?]+/.exec(source.slice(b, b + 6));
  return !!after && !/^\s*(对|没错|是的|当然|确实|真的|必须|就是|肯定|绝对|冇错|係|系)/.test(source.slice(b + after[0].length, b + after[0].length + 8));
}

/** True when sentence `s` of the view ends with a question mark in the original. */
function endsWithQuestion(view: SpanView, lastIndex: number): boolean {
  const { norm } = view;
  // (the sentence's own last characters may be the mark and a line break, kept before a Latin letter:
  // 是真的吗？⏎A：不是)
  let last = lastIndex;
  while (last > 0 && lastIndex - last < 3 && /\s/.test(norm.text[last]!) && norm.sentence[last - 1] === norm.sentence[lastIndex]) last--;
  const next = lastIndex + 1 < norm.text.length ? norm.start[lastIndex + 1]! : norm.source.length;
  // the mark was dropped between two characters, or kept after a digit or a Latin letter
  const between = norm.source.slice(norm.start[last]!, next);
  return /[？?]/.test(between);
}

/** an answer opening the next text that denies what the one before asked (会亏本？ ‖ 想多了！; 能保证收益吗？ ‖ 不能。) */
export const ANSWER_NO = /^(放心|安心)?[啦吧啊呀嘛]?(当然|肯定|绝对)?(不|没|非|并非|想多了|多虑了|不存在|怎么可能|哪有)/;

/**
 * Analyses one text: the concept hits of the sentences that may hold a claim (patterns) or a word
 * term (`need`), with their status. `nextOpening`: the normalised start of the asset's next text,
 * which answers a question that ends this one (a poster's title asks, its body answers). `label`: the
 * text is a product's label (productLabel), read for the pattern classes though it has no concept word.
 */
export function analyzeView(c: ConceptSet, patterns: ClaimPattern[], view: SpanView, need: Set<number>, aboutFraud: boolean, nextOpening = '', label = false, nextYes = false): ViewClaims {
  const { norm } = view;
  // (the source with traditional characters read as simplified: what the phrase checks read)
  const src = simpleSource(norm);
  // the text's last sentence, and whether the next text opens by denying it
  const lastSentence = norm.text.length ? norm.sentence[norm.text.length - 1]! : -1;
  const nextDenies = ANSWER_NO.test(nextOpening);
  const excepts: [number, number][] = [];
  const all = select(c, view, excepts, label);
  resolvePronouns(c, all, view);
  const straddles = exceptIndex(excepts);
  const ops = new Set<Operator>();
  let undercut: { from: number; to: number } | undefined;
  for (let k = 0; k < all.n; k++) {
    const op = all.op[k]!;
    if (op < 0) continue;
    ops.add(OPERATOR_LIST[op]!);
    // (not one quoted to be forbidden: 不得用“走个流程”之类的话带过)
    // (not an undercut denied: “产品有风险”不是一句客套话)
    if (OPERATOR_LIST[op] === 'undercut' && !undercut && aboutWarning(norm, all.from[k]!) && !FORBIDDEN_QUOTE.test(norm.source.slice(Math.max(0, norm.start[all.from[k]!]! - 12), norm.start[all.from[k]!]!)) && !UNDERCUT_DENIED.test(norm.text.slice(Math.max(0, all.from[k]! - 8), all.from[k]!))) undercut = { from: all.from[k]!, to: all.to[k]! };
  }

  // group by sentence (hits are in text order: a sentence's hits are a run [groupFrom[g], groupTo[g]));
  // keep the sentences worth analysing
  const groupSentence: number[] = [];
  const groupFrom: number[] = [];
  for (let k = 0; k < all.n; k++) {
    const s = norm.sentence[all.from[k]!]!;
    if (!groupSentence.length || groupSentence[groupSentence.length - 1] !== s) {
      groupSentence.push(s);
      groupFrom.push(k);
    }
  }
  groupFrom.push(all.n);
  /** the group of sentence `s`, or -1 (sentences ascend with the groups) */
  const groupOf = (s: number): number => {
    const lo = lowerBound(groupSentence, s);
    return lo < groupSentence.length && groupSentence[lo] === s ? lo : -1;
  };
  const listOf = (g: number): Raw[] => {
    const list: Raw[] = [];
    for (let k = groupFrom[g]!; k < groupFrom[g + 1]!; k++) list.push(rawAt(all, k));
    return list;
  };
  // a sentence is analysed when a pattern could match it: its concepts are there, a negated one
  // with a negation in reach (in the sentence, or an answer after a question)
  // the classes present in the sentence at hand: stamp[cls] === gen (no set per sentence)
  if (stampBuffer.length < c.classes.length) stampBuffer = new Int32Array(c.classes.length);
  const stamp = stampBuffer;
  const index = patternIndex(patterns);
  const wanted = (g: number) => {
    const s = groupSentence[g]!;
    if (need.has(s)) return true;
    if (stampGen === 0x7fffffff) ((stampGen = 0), stamp.fill(0));
    const gen = ++stampGen;
    let negation = false;
    const [a, b] = [groupFrom[g]!, groupFrom[g + 1]!];
    for (let k = a; k < b; k++) {
      if (all.cls[k]! >= 0) stamp[all.cls[k]!] = gen;
      if (all.op[k] === NEGATE || all.op[k] === NEGATE_AFTER) negation = true;
    }
    if (!negation && g + 1 < groupSentence.length && groupSentence[g + 1] === s + 1) {
      for (let k = groupFrom[g + 1]!; k < groupFrom[g + 2]!; k++) if (all.op[k] === NEGATE_AFTER || all.op[k] === NEGATE || all.op[k] === ANSWER) negation = true;
    }
    if (!negation && nextDenies && s === lastSentence) negation = true;
    // (a statement given a false verdict is negated by it: 说理财会亏钱？谣言！)
    if (!negation && verdictsOf(view).length) for (let k = a; k < b && !negation; k++) if (verdictAt(view, norm.start[all.from[k]!]!) < 0) negation = true;
    const present = (cls: number) => stamp[cls] === gen;
    const fits = (p: ClaimPattern) => p.all.every((r) => present(r.cls) && (r.polarity !== 'negated' || negation)) && (!p.any.length || p.any.some((r) => present(r.cls)));
    for (const i of index.always) if (fits(patterns[i]!)) return true;
    // only a pattern whose first required class is here can match
    for (let k = a; k < b; k++) {
      if (all.cls[k]! < 0) continue;
      const ps = index.byClass.get(all.cls[k]!);
      if (ps) for (const i of ps) if (fits(patterns[i]!)) return true;
    }
    return false;
  };
  const sentences = new Map<number, Hit[]>();
  let quotes: Uint8Array | undefined;
  // (whether the text is a quiz with its answer: read once per text)
  let quiz: boolean | undefined;
  // (whether a clause says a kind of thing does not exist: read once per clause)
  const deniedKinds = new Map<number, boolean>();
  const analysed: number[] = [];
  for (let g = 0; g < groupSentence.length; g++) if (wanted(g)) analysed.push(g);
  // a question answered by the next sentence (会亏本？想多了！): keep the answer too
  for (const g of analysed) {
    const s = groupSentence[g]!;
    if (!sentences.has(s + 1) && groupOf(s + 1) >= 0) sentences.set(s + 1, []);
  }
  const raws = new Map<number, Raw[]>();
  const segs = new Map<number, Segmented>();
  /**
   * A list of lines under a header that warns (非法集资的常见特征：⏎· 承诺高额回报⏎· 保本付息; 以下说法均属违规：
   * ⏎1. 保本保息): every item line is a quotation, as a caution before a colon covers the rest of its
   * sentence. The header is the line before the items; it ends with a colon and holds a caution (or a
   * prohibition).
   */
  let sentFirst: Int32Array | undefined;
  /** the first normalised character of each sentence (-1: none), made on first use */
  const firstOfSentences = () => {
    if (!sentFirst) {
      sentFirst = new Int32Array(norm.text.length ? norm.sentence[norm.text.length - 1]! + 1 : 0).fill(-1);
      for (let i = norm.text.length - 1; i >= 0; i--) sentFirst[norm.sentence[i]!] = i;
    }
    return sentFirst;
  };
  /** per sentence, once: where another party's unquoted words start, in the original text (-1: none) */
  const reports = new Map<number, number>();
  /**
   * In an asset that warns of fraud, what another party is told saying without quotation marks
   * (家长群里有人推“…”，说年化8%、政府兜底、名额有限): from their verb to the end of the sentence,
   * unless the writer turns to speak for themselves (但…, 其实…, 确实…)
   */
  const reportedUnquoted = (s: number, from: number): boolean => {
    let at = reports.get(s);
    if (at === undefined) {
      at = -1;
      const first = firstOfSentences()[s];
      if (first !== undefined && first >= 0) {
        let end = first;
        while (end < norm.text.length && norm.sentence[end] === s) end++;
        const a = norm.start[first]!;
        const b = norm.end[end - 1]!;
        const m = THIRD_PARTY_SAYS.exec(src.slice(a, b));
        // (the turn may come after the target: 有人说理财会亏，但这款不会 — the denial makes it the writer's)
        if (m && !TURNS_TO_OWN.test(src.slice(a + m.index + m[0].length, b))) at = a + m.index + m[0].length;
      }
      reports.set(s, at);
    }
    return at >= 0 && at <= norm.start[from]!;
  };
  /**
   * Sentence `s` is nothing but a denial (假的。都是骗人的！): it calls the sentence before it false, as
   * a reported rumour (群里流传…，说跟着投就有政府托底。假的。) is then a quotation.
   */
  const denials = new Map<number, boolean>();
  /** the hit [from, to) is all of sentence `s` but marks and brackets (【高收益？】) */
  const wholeSentence = (s: number, from: number, to: number): boolean => {
    const first = firstOfSentences()[s];
    if (first === undefined || first < 0 || from - first > 4) return false;
    let end = to;
    while (end < norm.text.length && norm.sentence[end] === s && end - to <= 4) end++;
    return (end >= norm.text.length || norm.sentence[end] !== s) && /^[\p{P}\p{S}\s]*$/u.test(norm.text.slice(first, from) + norm.text.slice(to, end));
  };
  /** sentence `s` opens by warning against what was just said (记住：听到这种话先挂电话) */
  const warned = new Map<number, boolean>();
  const warnedNext = (s: number): boolean => {
    let v = warned.get(s);
    if (v !== undefined) return v;
    const first = firstOfSentences()[s];
    v = false;
    if (first !== undefined && first >= 0) {
      const a = norm.start[first]!;
      const next = src.slice(a, a + 80).replace(/^(记住|提醒(一句|大家)?|注意|切记|谨记|划重点|(在这里|特此|郑重|统一)?澄清(一下)?|辟谣)\s*[:：，,]?\s*/, '');
      v = FOLLOW_UP.test(next) || DISOWNED.test(next);
    }
    warned.set(s, v);
    return v;
  };
  /** the original text of sentence `s` before normalised offset `at` */
  const sentenceHead = (s: number, at: number): string => {
    const first = firstOfSentences()[s];
    return first === undefined || first < 0 ? '' : src.slice(norm.start[first]!, norm.start[at]!);
  };
  /** sentence `s` retells a rumour (RUMOUR_LEAD) that a later clause of it, or the next sentence, sets right; or that is labelled false */
  const rumourSetRight = (s: number, from: number, to: number): boolean => {
    const head = sentenceHead(s, from);
    if (!RUMOUR_LEAD.test(head)) return false;
    if (RUMOUR_FALSE.test(head)) return true;
    // the rest of the sentence after the claim's clause (read a bounded way: an endless sentence stays linear)
    let end = to;
    while (end < norm.text.length && norm.sentence[end] === s && end - to < SENTENCE_REACH) end++;
    const ended = end >= norm.text.length || norm.sentence[end] !== s;
    const rest = src.slice(norm.end[to - 1]!, end < norm.text.length ? norm.start[end]! : src.length);
    const cut = rest.search(/[，,；;—]/);
    if (cut >= 0 && SETS_RIGHT.test(rest.slice(cut))) return true;
    const next = firstOfSentences()[s + 1];
    return ended && next !== undefined && next >= 0 && SETS_RIGHT.test(src.slice(norm.end[end - 1]!, norm.start[next]! + 60));
  };
  const bareDenial = (s: number): boolean => {
    let v = denials.get(s);
    if (v !== undefined) return v;
    v = false;
    const first = firstOfSentences()[s];
    const g = first === undefined || first < 0 ? -1 : groupOf(s);
    if (g >= 0) {
      let end = first!;
      while (end < norm.text.length && norm.sentence[end] === s) end++;
      for (let j = groupFrom[g]!; j < groupFrom[g + 1]!; j++) {
        const op = all.op[j]!;
        if ((op === NEGATE_AFTER || op === CAUTION_AFTER) && all.from[j]! - first! <= 1 && /^[了的啊呀吧嘛哦!！。\s]*$/.test(norm.text.slice(all.to[j]!, end))) v = true;
      }
    }
    denials.set(s, v);
    return v;
  };
  /**
   * Sentence `s` defines a term the sentence before asks about (「刚兑」是什么意思？⏎A：刚性兑付，就是到期必须按
   * 承诺收益兑付): what the defining clause names is described, not claimed. Returns where that clause
   * ends (-1: no definition); what the sentence says after it is judged as usual (…，像我们这款就是4.2%).
   */
  const definitions = new Map<number, number>();
  const definitionEnd = (s: number): number => {
    let v = definitions.get(s);
    if (v !== undefined) return v;
    v = -1;
    const starts = firstOfSentences();
    const first = starts[s];
    const prev = s > 0 ? starts[s - 1] : -1;
    if (first !== undefined && first >= 0 && prev !== undefined && prev >= 0) {
      const asked = norm.text.slice(prev, first).replace(/(?<![^\u4e00-\u9fff])[^\u4e00-\u9fff]+$/, '');
      const m = DEFINITION.exec(src.slice(norm.start[first]!, norm.start[first]! + 24));
      if (m && /(是什么意思|什么意思|啥意思|是什么|是啥|指什么)$/.test(asked) && /[？?]\s*$/.test(src.slice(norm.start[prev]!, norm.start[first]!))) {
        let e = first;
        while (e < norm.text.length && norm.sentence[e] === s && norm.start[e]! < norm.start[first]! + m[0].length) e++;
        const clause = norm.clause[Math.min(e, norm.text.length - 1)];
        while (e < norm.text.length && norm.sentence[e] === s && norm.clause[e] === clause) e++;
        // (a definition in terms of the post's own product is a claim about it: …就是这只产品预计能给您的收益)
        if (!OUR_PRODUCT.test(norm.text.slice(first, e))) v = e;
      }
    }
    // a glossary card: its heading names a term (理财名词小词典 · 第1期：保本; 讲下“刚性兑付”), and the
    // sentence after it defines that term (“保本”是说…; 刚性兑付，就是…): both are about the word
    if (v < 0 && first !== undefined && first >= 0) {
      let end = first;
      while (end < norm.text.length && norm.sentence[end] === s) end++;
      const own = src.slice(norm.start[first]!, norm.end[end - 1]!);
      if (GLOSSARY_HEAD.test(own) && !OUR_PRODUCT.test(own)) v = end;
      else if (prev !== undefined && prev >= 0) {
        const m = DEFINITION.exec(own.slice(0, 24));
        // (the term defined, without its quotation marks: “保本”是说…)
        const term = m ? normalizeTerm(m.groups!.term!.replace(/[“”「」『』"']/g, '')) : '';
        const heading = src.slice(norm.start[prev]!, norm.start[first]!).replace(/(?<![\s“「『"])[\s“「『"]+$/, '');
        if (term.length >= 2 && GLOSSARY_HEAD.test(heading.trim()) && norm.text.slice(prev, first).includes(term) && !OUR_PRODUCT.test(own)) v = end;
      }
    }
    // an entry of a glossary under its heading (理财小词典 ⏎【保本】过去有些产品…): the entry's first
    // sentence defines its bracketed term (the heading looked for a bounded way back)
    if (v < 0 && first !== undefined && first >= 0) {
      // (the bracket was dropped before the sentence's first character: its line starts a few characters back)
      let at = norm.start[first]!;
      while (at > 0 && norm.start[first]! - at < 4 && src[at - 1] !== '\n') at--;
      const entry = ENTRY_HEAD.exec(src.slice(at, at + 12));
      if (entry && (at === 0 || src[at - 1] === '\n') && GLOSSARY_NOUN.test(src.slice(Math.max(0, at - 600), at))) {
        let end = first;
        while (end < norm.text.length && norm.sentence[end] === s) end++;
        const entryText = src.slice(at, norm.end[end - 1]!);
        if (!OUR_PRODUCT.test(entryText) && !/本产品|本理财|新品|在售/.test(entryText)) v = end;
      }
    }
    definitions.set(s, v);
    return v;
  };
  /** sentence `s` stands on a reader's comment line (@张女士：…) that asks (once per sentence) */
  const comments = new Map<number, boolean>();
  const onComment = (s: number): boolean => {
    let v = comments.get(s);
    if (v === undefined) {
      const first = firstOfSentences()[s];
      comments.set(s, (v = first !== undefined && first >= 0 && onCommentLine(src, norm.start[first]!)));
    }
    return v;
  };
  const listCovered = new Map<number, boolean>();
  const lineOf = (s: number) => {
    const at = norm.start[sentFirst![s]!]!;
    const a = src.lastIndexOf('\n', at - 1) + 1;
    let b = src.indexOf('\n', at);
    if (b < 0) b = src.length;
    return [a, b] as const;
  };
  const underWarningList = (s: number): boolean => {
    let v = listCovered.get(s);
    if (v !== undefined) return v;
    v = false;
    if (src.includes('\n')) {
      firstOfSentences();
      const [a] = lineOf(s);
      const option = LIST_OPTION.test(src.slice(a, a + 8));
      // (a word alone on its line is an item too: 【朋友圈红线词 · 今日5个】⏎保本⏎稳赚⏎零风险)
      const bareItem = (la: number, lb: number) => BARE_ITEM.test(src.slice(la, lb));
      if (option || LIST_ITEM.test(src.slice(a, a + 8)) || bareItem(a, lineOf(s)[1])) {
        // back over the list's items (and its other sentences) to the line before them
        let k = s - 1;
        const item = option ? LIST_OPTION : LIST_ITEM;
        // (a header may open with an emoji too: ‼️ 这几句话术，谁说都别信)
        const opensItem = (k: number) => {
          const [la, lb] = lineOf(k);
          return (item.test(src.slice(la, la + 8)) || (!option && bareItem(la, lb))) && !LIST_HEADER.test(src.slice(la, lb));
        };
        while (k >= 0 && s - k <= 60 && (sentFirst![k]! < 0 || opensItem(k))) k--;
        if (k >= 0 && s - k <= 60) {
          const [ha, hb] = lineOf(k);
          const g = groupOf(k);
          // the choices of a question put to the reader (第3题：您的主要投资目的是？⏎A. 资产保值，不愿意承担本金损失)
          if (option && /[？?]\s*$/.test(src.slice(ha, hb))) v = true;
          // (a title that warns against what it lists: 防范非法集资 · 街坊版; 防非自测：下面这些说法，你见过几个？)
          else if (!option && CAUTION_TITLE.test(src.slice(ha, hb))) v = true;
          // (a header that lists the words as words: 我把关键词一个个拎出来：⏎内部额度⏎保本保息)
          else if (!option && NAMED_WORDS_HEADER.test(src.slice(ha, hb))) v = true;
          // (a header that names what follows as pitches needs no colon: 红灯话术清单 🔴; 这几句话术，谁说都别信)
          // (or a title in brackets on a line of its own: 【防范非法集资·认准“四性”】)
          else if ((/[：:]\s*$|^\s*【[^【】\n]+】\s*$/.test(src.slice(ha, hb)) || LIST_HEADER.test(src.slice(ha, hb))) && g >= 0) {
            // (a caution, a denial after it, or a prohibition: 以下说法均属违规：; 严禁以下行为：)
            for (let j = groupFrom[g]!; j < groupFrom[g + 1]!; j++) {
              const op = all.op[j]!;
              if (op === CAUTION || op === CAUTION_AFTER || op === NEGATE_AFTER || (op === NEGATE && PROHIBIT.some((p) => norm.text.startsWith(p, all.from[j]!)))) v = true;
            }
          }
        }
      }
    }
    listCovered.set(s, v);
    return v;
  };
  // (whether the text cites anything by title at all: looked up once, not per sentence)
  let citesTitle: boolean | undefined;
  const statutes = new Map<number, boolean>();
  /**
   * Sentence `s` stands in the text of a law or rule that a line before it cites and opens with a
   * colon (把《广告法》第二十五条抄了一遍，贴出来给大家看看：⏎…不得含有下列内容：⏎（一）…明示或者暗示保本…):
   * the statute's words, quoted — as long as every line down to it states a duty, a prohibition or
   * an exception, so a claim written after a citation is still read. Once per sentence.
   */
  const underStatute = (s: number): boolean => {
    if (!(citesTitle ??= src.includes('《'))) return false;
    let v = statutes.get(s);
    if (v !== undefined) return v;
    v = false;
    firstOfSentences();
    let [a, b] = lineOf(s);
    // (a line read is at most a sentence's worth: a text of one huge line is no statute)
    for (let up = 0; up < STATUTE_LINES && a > 0 && b - a <= STATUTE_LINE; up++) {
      if (!STATUTE_TEXT.test(src.slice(a, b))) break;
      b = a - 1;
      a = src.lastIndexOf('\n', b - 1) + 1;
      if (b - a <= STATUTE_LINE && STATUTE_LEAD.test(src.slice(a, b))) {
        v = true;
        break;
      }
    }
    statutes.set(s, v);
    return v;
  };
  for (const g of analysed) raws.set(groupSentence[g]!, align(view, listOf(g), segs));
  for (const [s] of sentences) if (!raws.has(s)) raws.set(s, align(view, listOf(groupOf(s)), segs));
  // (a word of features cautions only where what has them is a fraud: 非法集资的特点：承诺高额回报 — not
  // 这款理财的特点：保本保息、稳赚不赔, which lists the product's own)
  const featureWord = (h: Raw) => h.op === 'caution' && FEATURE_WORD.test(norm.text.slice(h.from, h.to));
  for (const [s, list] of raws) if (list.some(featureWord)) raws.set(s, list.filter((h) => !featureWord(h) || FRAUD_SUBJECT.test(sentenceHead(s, h.from))));
  // (the columns are not read past this point: a huge text's are let go, not kept for the next)
  releaseScratch();
  sentences.clear();
  // lists are sorted by `from` and hits do not overlap much: look at the few that can cover `at`
  const covered = (list: Raw[], at: number) => {
    for (let i = firstFrom(list, at - MAX_HIT) ; i < list.length && list[i]!.from <= at; i++) if (at < list[i]!.to) return true;
    return false;
  };
  /** normalised `a` stands inside a quotation that closes before normalised `b` (the view's quote mask) */
  const quotedApart = (a: number, b: number) => {
    const q = (quotes ??= quoteMask(view));
    const from = norm.start[a]!;
    if (!q[from]) return false;
    for (let i = from + 1, to = norm.start[b]!; i < to; i++) if (!q[i]) return true;
    return false;
  };
  /** a verb of its own between a negation and a concept takes the negation (不了解风险) */
  const verbBetween = (list: Raw[], clause: number, a: number, b: number) => {
    const seg = segs.get(clause);
    if (!seg) return false;
    for (let i = lowerBound(seg.verbs, a); i < seg.verbs.length && seg.verbs[i]! < b; i++) if (!covered(list, seg.verbs[i]!)) return true;
    return false;
  };
  /** a caution that introduces a list (…的特征：), or a time in the past set off by a comma (十年前，…), covers the rest of its sentence */
  const coversSentence = (h: Raw) => {
    // (a denial of use that opens a list: 本行员工不会使用：保本、稳赚、零风险)
    if (h.op === 'negate') {
      const m = DENIED_USE.exec(norm.text.slice(h.from, h.from + 12));
      if (!m || !LIST_LEAD.test(src.slice(norm.end[h.from + m[0].length - 1]!, norm.end[h.from + m[0].length - 1]! + 16))) return false;
      // (only a list of words: nothing after it turns to the product — 我们不会用：保本这种词，但它真的稳赚)
      let e = h.from + m[0].length;
      while (e < norm.text.length && norm.sentence[e] === norm.sentence[h.from] && e - h.from < 120) e++;
      return !LIST_TURNS.test(norm.text.slice(h.from + m[0].length, e));
    }
    if (h.op !== 'caution' && h.op !== 'caution-after' && h.op !== 'past') return false;
    const rest = src.slice(norm.end[h.to - 1]!, norm.end[h.to - 1]! + 40);
    // (a caution may name its list first: 骗子常用的话术有：…)
    if (h.op === 'past') {
      if (/^[，,：:]/.test(rest)) return true;
      // (or a scene of the past that a colon ends: 想起十几年前大家买理财的样子：到期就兑付…; not
      // 过去的经验告诉我：…, a lesson drawn for now)
      let e = h.to;
      while (e < norm.text.length && e - h.to < 16 && norm.clause[e] === norm.clause[h.from]) e++;
      return e < norm.text.length && norm.clause[e] !== norm.clause[h.from] && /(样子|时候|那会儿|日子|情景|场景|光景|年代)$/.test(norm.text.slice(h.to, e)) && /^\s*[：:]/.test(src.slice(norm.end[e - 1]!, norm.start[e]!));
    }
    // (or says what it is: 最常见的误解，就是把它当成定期存款; or names what it lists first: 非法集资通常有四个特征：…;
    // or says where the list hangs before it: 禁用词清单，贴在我工位上：保本、稳赚…)
    return LIST_LEAD.test(rest);
  };
  /**
   * Where the list that clause `clause` ends is joined into starts: back over clauses joined by an
   * enumeration comma (、), within LOOKBACK of `from`; `from` itself when the clause follows no 、.
   * Once per clause (a clause of thousands of hits walks back once).
   */
  let enumStarts: Map<number, number> | undefined;
  const enumStart = (from: number, clause: number) => {
    let u = (enumStarts ??= new Map()).get(clause);
    if (u === undefined) {
      let p = from;
      const limit = Math.max(0, from - LOOKBACK);
      while (p > limit && norm.sentence[p - 1] === norm.sentence[from]) {
        if (norm.clause[p - 1] !== norm.clause[p] && !enumeration(norm, p)) break;
        p--;
      }
      u = norm.clause[p] === clause ? -1 : p;
      enumStarts.set(clause, u);
    }
    return u < 0 ? from : u;
  };
  /**
   * A label of fraud said NOT to fit (这款理财保本保息，不是非法集资; 与非法集资有本质区别): the writer vouches for
   * what came before instead of calling it a pitch. Within the label's clause.
   */
  const labelDenied = (h: Raw) => {
    let a = h.from;
    while (a > 0 && h.from - a < 8 && norm.clause[a - 1] === norm.clause[h.from]) a--;
    let b = h.to;
    while (b < norm.text.length && b - h.to < 10 && norm.clause[b] === norm.clause[h.from]) b++;
    const before = norm.text.slice(a, h.from);
    const after = norm.text.slice(h.to, b);
    return DENIED_BEFORE.test(before) || (CONTRAST_BEFORE.test(before) && CONTRAST_AFTER.test(after)) || UNRELATED_AFTER.test(after);
  };
  /** a past that measures a record (过去三年每个月都是正收益; 过去五年从没亏过): the product's own, not history */
  const recordWindow = (h: Raw) => h.op === 'past' && /^的?[0-9一二两三四五六七八九十几半]+个?(年|月|季度|周|天)/.test(norm.text.slice(h.to, h.to + 6));
  /** per sentence: where the earliest caution that introduces a list ends, and where the last caution-after starts */
  // (these caches are made on first use: a text with no sentence analysed never needs them)
  let marks: Map<number, { listCautionTo: number; cautionAfterFrom: number; pastTo: number; pastEnd: number; finalCaution: number }> | undefined;
  const marksOf = (s: number, list: Raw[]) => {
    let m = (marks ??= new Map()).get(s);
    if (m) return m;
    m = { listCautionTo: Infinity, cautionAfterFrom: -1, pastTo: Infinity, pastEnd: -1, finalCaution: -1 };
    for (const h of list) {
      if (coversSentence(h)) m.listCautionTo = Math.min(m.listCautionTo, h.to);
      if (h.op === 'caution-after' && !labelDenied(h)) m.cautionAfterFrom = Math.max(m.cautionAfterFrom, h.from);
    }
    // a caution that closes its sentence (…只要是拍胸口说不会亏的，莫信。) disbelieves what someone is
    // reported saying in the clause before it — not the rest of the sentence (稳赚不赔！说会亏的，别信)
    const last = list[list.length - 1];
    if (last?.op === 'caution' && endsClause(last.to) && !list.some((h) => h.cls >= 0 && h.from > last.from)) m.finalCaution = last.from;
    // a time in the past that opens its sentence (过去的理财大多承诺保本，银行在兜底；现在…) sets
    // the time of the sentence up to a word of the present
    const first = list.find((h) => h.cls >= 0 || h.op === 'past');
    if (first?.op === 'past' && !recordWindow(first)) {
      let a = first.from;
      while (a > 0 && norm.sentence[a - 1] === s) a--;
      if (norm.clause[a] === norm.clause[first.from]) {
        let b = first.to;
        while (b < norm.text.length && norm.sentence[b] === s) b++;
        const now = PRESENT.exec(norm.text.slice(first.to, b));
        m.pastTo = first.to;
        m.pastEnd = now ? first.to + now.index : b;
      }
    }
    marks.set(s, m);
    return m;
  };

  let infos: Map<number, { question: boolean; yesNo: boolean; caution: boolean; askFrom: number; focusFrom: number; askClause: number; why: boolean }> | undefined;
  const sentenceInfo = (s: number, list: Raw[], from: number) => {
    let info = (infos ??= new Map()).get(s);
    if (info) return info;
    let last = from;
    while (last + 1 < norm.text.length && norm.sentence[last + 1] === s) last++;
    const yesNo = askedYesNo(view, last, c.rhetorical);
    info = {
      question: endsWithQuestion(view, last),
      yesNo,
      caution: list.some((h) => h.op === 'caution' || h.op === 'caution-after'),
      askFrom: yesNo ? askedFrom(view, last) : 0,
      focusFrom: 0,
      askClause: norm.clause[last]!,
      why: false,
    };
    // what an answer denies is the clause that asks, when it holds a concept of its own (基金亏了，银行会赔吗？
    // 不会。 denies that the bank pays, not that the fund lost); a bare tag (保本保息，是真的吗？不是。) asks
    // about the whole sentence
    if (info.question) {
      let a = last;
      while (a > 0 && norm.clause[a - 1] === norm.clause[last] && norm.sentence[a - 1] === s) a--;
      if (list.some((h) => h.cls >= 0 && h.from >= a)) info.focusFrom = a;
      // (nor, after a condition that opens the sentence, the condition: 万一亏了，你们银行会补吗？不会。 — the
      // cover is asked though it is no concept of the lists, the loss is supposed)
      // (or the clause right before, after what opens the sentence: 先问问自己：如果买完就跌两成，睡得着吗？睡不着，就少买点)
      else if (a > 0 && norm.sentence[a - 1] === s && (CONDITION_OPENS.test(norm.text.slice(sentenceStart(norm.sentence, a - 1), a)) || CONDITION_OPENS.test(norm.text.slice(sentenceStart(norm.clause, a - 1), a)))) info.focusFrom = a;
      // (an A-not-A verb asks from where it stands: in 蚀咗你哋会唔会包底？ the loss is the condition,
      // the cover is asked — 唔会 denies the cover, not the loss)
      const j = norm.text.slice(a, last + 1).search(A_NOT_A);
      if (j > 0) info.focusFrom = a + j;
      // (nor a loss supposed in the clause that asks, before who is asked to cover it: 理财亏了银行会赔的吧？不会的)
      else {
        const sup = LOSS_SUPPOSED.exec(norm.text.slice(a, last + 1));
        if (sup) info.focusFrom = a + sup.index + sup[0].length;
      }
      // (asking why something happened is no yes-no question an answer could deny: 我的理财怎么少了几十块？莫慌，…)
      info.why = WHY_PAST.test(norm.text.slice(a, last + 1));
      // (asking whether one may do something: its no forbids the doing, it denies nothing in it —
      // 故意选「能承受高风险」可以吗？——不可以)
      if (PERMISSION_Q.test(norm.text.slice(a, last + 1))) info.focusFrom = last + 1;
    }
    infos.set(s, info);
    return info;
  };
  /** true when nothing but a particle follows normalised `at` in its clause (但这款不会。) */
  const endsClause = (at: number) => {
    let i = at;
    while (i < norm.text.length && norm.clause[i] === norm.clause[at - 1] && ('了的啊呀哦吧呢嘛'.includes(norm.text[i]!) || /[\p{P}\s]/u.test(norm.text[i]!))) i++;
    return i >= norm.text.length || norm.clause[i] !== norm.clause[at - 1];
  };
  /** the normalised text of the clause of `at` from `at` on (at most 12 characters) */
  const clauseRest = (at: number) => {
    let i = at;
    while (i < norm.text.length && i - at < 12 && norm.clause[i] === norm.clause[Math.max(0, at - 1)]) i++;
    return norm.text.slice(at, i);
  };
  /** the normalised text of `at`'s clause before `at` (at most 12 characters) */
  const clauseHead = (at: number) => {
    let i = at;
    while (i > 0 && at - i < 12 && norm.clause[i - 1] === norm.clause[at]) i--;
    return norm.text.slice(i, at);
  };
  /**
   * true when a negation ending at `at` is one of a list of negations joined by 、 that share the
   * verb after the list (不会、也不允许再这样做): it does not close its clause as a bare denial. A
   * list that ends bare (不会、不可能) still denies.
   */
  const sharesVerb = (at: number) => {
    if (at >= norm.text.length || !enumeration(norm, at)) return false;
    let e = at;
    let last = at;
    while (e < norm.text.length && e - at < 40 && norm.sentence[e] === norm.sentence[at]) {
      if (e > at && norm.clause[e] !== norm.clause[e - 1]) {
        if (!enumeration(norm, e)) break;
        last = e;
      }
      e++;
    }
    return !BARE_NEGATION.test(norm.text.slice(last, e).replace(/(?<![^\u4e00-\u9fa5])[^\u4e00-\u9fa5]+$/, ''));
  };
  /** the last clause of the list joined by 、 that clause `c` (ending at normalised `at`) opens, within 40 characters; `c` when none */
  const listEnd = (c: number, at: number) => {
    let last = c;
    for (let e = at; e < norm.text.length && e - at < 40 && norm.sentence[e] === norm.sentence[at - 1]; e++) {
      if (norm.clause[e] !== norm.clause[e - 1]) {
        if (!enumeration(norm, e)) break;
        last = norm.clause[e]!;
      }
    }
    return last;
  };
  /** every clause from `at`'s to the one before `last` is a short item (at most 6 characters: 用抽奖、赠品) */
  const shortItems = (at: number, last: number) => {
    let a = at;
    while (a > 0 && norm.clause[a - 1] === norm.clause[at]) a--;
    for (let e = a, n = 0; e < norm.text.length && norm.clause[e]! < last; e++) {
      n = e > a && norm.clause[e] !== norm.clause[e - 1] ? 1 : n + 1;
      if (n > 6) return false;
    }
    return true;
  };
  const lossCls = c.classIndex.get('loss') ?? -2;
  /** the first clause of sentence `s` negates a concept of class `cls` (a negation at most 6 characters before it) */
  const echoDenied = (s: number, cls: number) => {
    const next = raws.get(s);
    if (!next?.length) return false;
    const first = norm.clause[next[0]!.from]!;
    if (cls === lossCls) return false;
    for (let k = 0; k < next.length && norm.clause[next[k]!.from] === first; k++) {
      if (next[k]!.op !== 'negate') continue;
      for (let j = k + 1; j < next.length && norm.clause[next[j]!.from] === first && next[j]!.from - next[k]!.to <= 6; j++) if (next[j]!.cls === cls) return true;
    }
    return false;
  };
  /** per sentence: counts[k] = negate-after hits among its first k hits */
  let negateAfters: Map<number, Int32Array> | undefined;
  const negateAfterCounts = (s: number, hs: Raw[]) => {
    let counts = (negateAfters ??= new Map()).get(s);
    if (counts && counts.length === hs.length + 1) return counts;
    counts = new Int32Array(hs.length + 1);
    for (let k = 0; k < hs.length; k++) counts[k + 1] = counts[k]! + (hs[k]!.op === 'negate-after' ? 1 : 0);
    negateAfters.set(s, counts);
    return counts;
  };
  /**
   * How the first clause of sentence `s` answers the question before it (会亏本？想多了！): each
   * negation after, and each negation or answer word opening the clause, flips what was asked; a
   * caution after makes it a quotation. The same for every target of the question: counted once.
   */
  let answers: Map<number, number> | undefined;
  /** where the clause from normalised `b` ends (at most 12 characters on) */
  const clauseEnd = (b: number) => {
    let e = b;
    while (e < norm.text.length && e - b < 12 && norm.clause[e] === norm.clause[b]) e++;
    return e;
  };
  /** the clause that asks, right before the answer at `at` (at most 40 characters), without its
   * A-not-A verbs, which ask and negate nothing (银行会不会赔？会的) */
  const askingText = (at: number) => {
    let q = at - 1;
    const qClause = norm.clause[q]!;
    while (q > 0 && at - q < 40 && norm.clause[q - 1] === qClause) q--;
    // (an A-not-A verb asks, and so does a 不 or 没 at the question's end: 会亏不？ is no negative question)
    return norm.text.slice(q, at).replace(/(.)[不没唔冇]\1/g, '').replace(/[不没][\s？?。]*$/, '');
  };
  /** the line sentence k opens when it is a quiz's or a poll's choice, or undefined */
  const choiceLine = (k: number): string | undefined => {
    // (where sentence k starts, hits or none: sentence numbers rise through the text)
    const at = lowerBound(norm.sentence, k);
    if (at >= norm.text.length || norm.sentence[at] !== k) return undefined;
    const o = norm.start[at]!;
    // (a choice's sentence opens its line, a letter and a mark or two in: look back that far only, and on to the
    // line's end only so far — a thread written on one line stays linear)
    let line = o;
    while (line > 0 && o - line < 8 && src[line - 1] !== '\n') line--;
    if ((line > 0 && src[line - 1] !== '\n') || !CHOICE_OPENING.test(src.slice(line, o + 8))) return undefined;
    let e = o;
    while (e < src.length && e - o < 120 && src[e] !== '\n') e++;
    return src.slice(line, e);
  };
  const answer = (s: number) => {
    let a = (answers ??= new Map()).get(s);
    if (a !== undefined) return a;
    const next = raws.get(s) ?? [];
    let flips = 0;
    a = 0;
    // (a quiz's choice answers nothing unless it is marked right; the one marked right answers: 有可能亏钱吗？⏎A 不可能⏎B 有可能 ✅)
    const first = choiceLine(s);
    if (first && !CHOICE_MARK.test(first)) {
      let k = s + 1;
      let line = choiceLine(k);
      while (line && !CHOICE_MARK.test(line)) line = choiceLine(++k);
      // (the choice marked right answers as its first word does: 不会 ✅ no, 会 ✅ yes)
      const words = line?.replace(CHOICE_OPENING, '').trim() ?? '';
      a = CHOICE_NO.test(words) ? ANSWER_FLIPS : CHOICE_YES.test(words) ? ANSWER_AFFIRMS : 0;
      answers.set(s, a);
      return a;
    }
    /** where the answer opens: after who gives it and whom it is given to */
    let opening = -1;
    if (next.length) {
      // (the answer may come after who gives it and whom it is given to: 我跟他说：叔叔，没有这回事)
      const sentFrom = firstOfSentences()[s] ?? -1;
      const lead = sentFrom >= 0 ? ANSWER_LEAD.exec(src.slice(norm.start[sentFrom]!, norm.start[sentFrom]! + 24)) : null;
      opening = next[0]!.from;
      // (no answer starts deep in its sentence: 哪有只赚不赔的理财？真有人这么跟你讲，要么是没讲清楚 —
      // a lead that supposes someone says it is no one answering)
      if (!lead || CONDITIONAL_LEAD.test(lead[0])) {
        // (an interjection may stand before it: 嗯，不会)
        if (sentFrom >= 0 && norm.clause[opening] !== norm.clause[sentFrom] && clauseEnd(sentFrom) - sentFrom > 3 && !TAKEN_UP.test(norm.text.slice(sentFrom, clauseEnd(sentFrom)))) opening = -1;
      } else {
        // (the first character after the lead opens the answer)
        const after = norm.start[sentFrom]! + lead[0].length;
        opening = sentFrom;
        while (opening < norm.text.length && norm.start[opening]! < after) opening++;
      }
      // (a word of comfort alone before the answer is no answer of its own: 放心，不会。; nor the asked word taken up: 这个字儿啊，…)
      // (after its speaker too: 小U：放心，不会的)
      const comfortAt = lead ? opening : sentFrom;
      if (opening >= 0 && sentFrom >= 0 && norm.clause[opening] === norm.clause[comfortAt] && noAnswerOfItsOwn(norm.text.slice(comfortAt, clauseEnd(comfortAt)))) {
        const after = next.find((h) => norm.clause[h.from] === norm.clause[comfortAt]! + 1);
        if (after) opening = after.from;
      }
      // (a hedge before the answer's no is no other answer: A：一般不会; 基本上不会)
      if (opening >= 0) {
        const h = HEDGE_OPENING.exec(norm.text.slice(opening, opening + 6));
        if (h) opening += h[0].length;
      }
      const firstClause = opening >= 0 ? norm.clause[opening]! : -1;
      // (an answer that no one can promise it answers neither way: 它会跌吗？⏎小U的回答：没人能保证它不跌哦; 能不能保证
      // 不亏？⏎我只能实话实说：不能保证不亏)
      const said = opening >= 0 ? opening : sentFrom;
      if (sentFrom >= 0 && (NO_ONE_PROMISES.test(norm.text.slice(said, said + 12)) || NO_ONE_PROMISES_LED.test(src.slice(norm.start[sentFrom]!, norm.start[sentFrom]! + 24)))) a |= ANSWER_CAUTIONS;
      for (const h of next) {
        if (norm.clause[h.from] !== firstClause) continue;
        // (disbelief answers neither yes nor no: it calls what was asked false, whichever way it was asked)
        if (h.op === 'negate-after' && DISBELIEF.test(norm.text.slice(h.from, h.to))) a |= ANSWER_CAUTIONS;
        // (a partial no answers nothing either way: 理财是不是都会亏？不是都会亏，但…)
        else if (h.op === 'negate-after' || (((h.op === 'negate' && !PARTIAL_NO.test(norm.text.slice(h.from, h.to))) || h.op === 'answer') && h.from === opening)) flips++;
        else if (h.op === 'caution-after' || (h.op === 'caution' && h.from === opening)) a |= ANSWER_CAUTIONS;
      }
      // (an answer that warns is no yes or no: 哪有只赚不赔的理财？别信。)
      if (a & ANSWER_CAUTIONS) flips = 0;
    }
    // (the last sentence's answer is the next text's opening)
    else if (nextDenies && s > lastSentence) flips++;
    // (or a bare yes that is the whole of the next text's first clause: 有没有又保本、又比定期高的理财？ ‖ 有！👇 同心安盈365天)
    else if (nextYes && s > lastSentence) a |= ANSWER_AFFIRMS;
    // a bare yes opening the sentence (保本吗？能！) answers it too: it has no concept of its own. A
    // verb's yes to a negative question says the negation is wrong (R1就没有风险吗？有), a plain yes
    // (对, 没错) that it is right
    const sentFrom = s <= lastSentence ? (firstOfSentences()[s] ?? -1) : -1;
    if (!flips && sentFrom > 0) {
      let b = sentFrom;
      let e = clauseEnd(b);
      // (after who answers: 统一回复：系呀)
      // (or a speaker whose colon the normaliser kept, after a Latin letter: 小U：👌)
      if ((REPLY_LEAD.test(norm.text.slice(b, e)) || LATIN_SPEAKER.test(norm.text.slice(b, e))) && e < norm.text.length && norm.sentence[e] === s) e = clauseEnd((b = e));
      // (a mark kept before a Latin letter ends it too: 系呀,bb)
      // (and after the writer saying so: 我说能！)
      const reply = norm.text.slice(b, e).replace(/(?<![\s,.;:!?])[\s,.;:!?]+$/, '').replace(SELF_REPLY, '');
      const word = YES_WORD.test(reply);
      // (who says it, named, answers a question that asks who says it: 谁说理财不能保本？——监管说的。 — what it
      // asked about stands as said)
      if (WHO_ANSWER.test(reply) && WHO_SAYS.test(askingText(sentFrom))) flips++;
      else if (word || YES_VERB.test(reply)) {
        // (a question that opens by asking who says it has denied itself already, and the verb's yes
        // answers what it denied: 谁说理财不会亏？会的。 — the loss is affirmed, nothing flips back)
        const asking = askingText(sentFrom);
        // (but a yes by the modal of an A-not-A question says yes to all it asks, its negation too: 会不会不保本？会的)
        const modal = /(会|是|能|有|要)(不|没)\1[^会是能有要？?]*[？?]?$/.exec(norm.text.slice(Math.max(0, sentFrom - 40), sentFrom))?.[1];
        if (/[不没无非未别冇唔]/.test(asking) && !word && !(modal && reply.startsWith(modal))) {
          if (!WHO_SAYS.test(asking)) flips++;
        } else a |= ANSWER_AFFIRMS;
      }
    }
    // a denial that echoes a negative question agrees with it (不会亏吧？不会的！ / 本金不会少吧？不会！)
    if (flips & 1 && sentFrom > 0) {
      const echoFrom = opening > sentFrom && norm.sentence[opening] === s ? opening : sentFrom;
      const echoed = norm.text.slice(echoFrom, clauseEnd(echoFrom));
      const echo = ECHOED_NO.exec(echoed) ?? ECHOED_PHRASE.exec(echoed);
      if (echo && askingText(sentFrom).includes(echo[1]!)) {
        flips = 0;
        a |= ANSWER_AFFIRMS;
      }
    }
    // (a wink says yes without saying it: 有政府托底㗎？⏎我淨係笑咗笑：識嘅自然識😉)
    // (and so does an obvious yes: 哪款收益最高？⏎答：这还用问？当然是金钥匙安盈啦)
    if (!flips && sentFrom >= 0 && (WINK.test(norm.text.slice(sentFrom, sentFrom + 24)) || OBVIOUS_YES.test(norm.text.slice(sentFrom, sentFrom + 16)) || OBVIOUS_ANSWER.test(norm.text.slice(sentFrom, sentFrom + 24)))) a |= ANSWER_AFFIRMS;
    if (flips & 1) a |= ANSWER_FLIPS;
    answers.set(s, a);
    return a;
  };
  let lastNegFrom = -1;
  const rhetoric = c.classIndex.get('rhetoric') ?? -2;
  const gained = c.classIndex.get('gained') ?? -2;
  const selfKin = c.classIndex.get('self-kin') ?? -2;
  const certainty = c.classIndex.get('certainty') ?? -2;
  const noloss = c.classIndex.get('noloss') ?? -2;
  const depositLike = c.classIndex.get('deposit-like') ?? -2;
  const unbeaten = c.classIndex.get('unbeaten') ?? -2;
  /**
   * A guarantee word later in the clause that a negation before the target is about: the target is
   * its object (不代表监管部门对其收益或风险作出任何保证 denies a guarantee; it does not deny the risk).
   * Reads at most a few hits after the target.
   */
  const objectOfDeniedGuarantee = (list: Raw[], from: number, to: number, clause: number) => {
    let i = firstFrom(list, from + 1);
    for (let k = 0; i < list.length && k < 8; i++, k++) {
      const h = list[i]!;
      if (norm.clause[h.from] !== clause) break;
      if (h.op === 'negate') return false;
      if (h.cls === certainty) return true;
    }
    // (作出任何保证 is an exception phrase, not a hit: read the words after the target)
    let b = to;
    while (b < norm.text.length && b - to < 20 && norm.clause[b] === clause) b++;
    return GUARANTEE_AFTER.test(norm.text.slice(to, b));
  };
  const statusIn = (s: number, from: number, to: number, cls = -1): Status => {
    const list = raws.get(s) ?? [];
    const clause = norm.clause[from]!;
    let neg = 0;
    let neutral = false;
    // someone else asks (客户问我…；有人问：…): asked, not claimed, unless an answer flips it
    let asked = false;
    let negEnd = -1;
    lastNegFrom = -1;
    const bind = (at: number) => {
      // (a dash after the negated words opens a fresh statement, which the negation does not reach:
      // 也不是搞饥饿营销——这期额度确实只剩最后一点了)
      // (a single dash set off by spaces does too: is NOT principal-protected — 本产品不保本)
      if (neg && negEnd > 0 && /——|\s[—–]\s/.test(src.slice(norm.end[negEnd - 1]!, norm.start[at]!))) neg = 0;
      else if (neg && verbBetween(list, clause, negEnd, at)) {
        neutral = true;
        neg = 0;
      } else if (neg && (CONCESSIVE.test(src.slice(norm.end[negEnd - 1]!, norm.start[at]!)) || DEFINED_AS.test(src.slice(norm.end[negEnd - 1]!, norm.start[at]!)))) neg = 0;
    };
    const m = marksOf(s, list);
    // a list joined by enumeration commas is one clause for a caution before it (对方说…有政府兜底、保本保息)
    const unit = enumStart(from, clause);
    // (the writer's own words after a verdict that opens the line: what the line said before them — the statement judged,
    // a label 误区四： — reaches no further: ❌ 误区！同心月月享其实…; 误区四：以为…——本周额度只剩最后200万)
    const ownFrom = ownWordsFrom(view, norm.start[from]!);
    if (ownFrom < 0 && (m.listCautionTo <= from || (m.pastTo <= from && from < m.pastEnd) || underWarningList(s) || underStatute(s) || (aboutFraud && reportedUnquoted(s, from)))) neutral = true;
    // only the target's own clause, and within it what is near enough to bind: a text with one
    // endless clause stays linear
    for (let i = firstFrom(list, from - LOOKBACK); i < list.length; i++) {
      const h = list[i]!;
      // (a caution the target's pattern starts inside is before it: 有人跟你说「这个产品跟定存差不多」)
      if (h.to > from && !(h.op === 'caution' && h.from < from)) break;
      if (ownFrom >= 0 && norm.start[h.from]! < ownFrom) continue;
      // a caution that introduces a list (非法集资的特征：承诺高额回报、保本付息) covers the sentence
      if (coversSentence(h)) neutral = true;
      // (not what was asked about and is now here: 你们天天问的零风险理财来了！)
      // (a dash after the question opens the answer: 好多阿姨问我这期怎么样——这期是保本的)
      // (or when it closes its clause and the next, the target's, is a question: 有小伙子问我，能不能买份理财当520礼物)
      if (h.op === 'ask' && (norm.clause[h.from] === clause || /^[：:]/.test(src.slice(norm.end[h.to - 1]!, norm.end[h.to - 1]! + 1)) || (norm.clause[h.from]! + 1 === clause && endsClause(h.to) && ASKED_NEXT.test(clauseHead(from) + clauseRest(from)))) && !(norm.text[h.to] === '的' && ARRIVED.test(clauseRest(to))) && !ANSWER_DASH.test(src.slice(norm.end[h.to - 1]!, norm.start[from]!))) asked = true;
      if (norm.clause[h.from] !== clause) {
        // a caution covers the rest of a list joined by enumeration commas; a negation does not
        // (不保本、不保收益 negates each, 不承担投资、兑付和风险管理责任 denies no risk)
        if (h.from >= unit && h.op === 'caution') neutral = true;
        // …and the next clause when it goes on with what the impostor says (有短信冒充银行推“央行认证款”，说有政府兜底)
        if (h.op === 'caution' && norm.clause[h.from]! + 1 === clause && GOES_ON_SAYING.test(clauseHead(from))) neutral = true;
        // …and so does a prohibition (严禁承诺保本、保收益; 不得宣传预期收益、保本): it forbids the list
        if (h.from >= unit && h.op === 'negate' && (PROHIBIT.some((p) => norm.text.startsWith(p, h.from)) || NOT_USING.test(norm.text.slice(h.from, h.to + 1)))) neutral = true;
        // …and a denied answering for a list, its verb after the list (不会为任何一只股票、基金或理财兜底)
        if (h.from >= unit && h.op === 'negate' && NOT_FOR.test(norm.text.slice(h.from, h.to + 2))) neutral = true;
        continue;
      }
      // (not necessarily is no denial: 净值低于1不一定意味着最终亏损 leaves the loss open)
      if (h.op === 'negate' && HEDGE.test(norm.text.slice(h.from, h.to))) {
        neutral = true;
        continue;
      }
      // (a negation inside one quoted phrase stops at its closing mark: “不保证本金和收益”“可能损失全部本金”)
      if (h.op === 'negate' && quotedApart(h.from, from)) continue;
      // (an answer word that denies is a negation where it is no answer: 肯定不会亏吧？)
      if (h.op === 'negate' || (h.op === 'answer' && /[不没无]/.test(norm.text.slice(h.from, h.to)))) {
        bind(h.from);
        // a negation that opens a new item denies it afresh, it does not cancel the one before as a double
        // negative would (不是不保本): one joined by 也, 又, 亦 … (neither … nor: 不买产品也不晒收益); one right after
        // the no-loss word the last was spent on (不保本不保息 — but 不提供保本承诺 stays one denial); one in the next
        // hashtag or after a dash (#理财非存款 #不保本不保息; 九成九也谈不上——它压根就不保本); an English one, which
        // never doubles (not a deposit — there is no guaranteed return)
        const prev = list[i - 1];
        if (
          neg &&
          (/(也|又|亦|还|更|并|且|同时)$/.test(norm.text.slice(Math.max(0, h.from - 2), h.from)) ||
            latinAt(norm.text, h.from) ||
            (prev !== undefined && prev.cls === noloss && norm.clause[prev.from] === clause && lastNegFrom >= 0 && prev.from - lastNegFrom <= 3) ||
            (negEnd > 0 && /[#＃]|——/.test(src.slice(norm.end[negEnd - 1]!, norm.start[h.from]!))))
        )
          neg = 0;
        neg ^= 1;
        negEnd = h.to;
        if (neg) lastNegFrom = h.from;
      } else if (h.op === 'caution' || (h.op === 'past' && !recordWindow(h))) neutral = true;
      // (a word of disbelief read after a claim, 稳赚？别信, is a caution before one: 别信稳赚; 不要信稳赚的话)
      else if (h.op === 'negate-after' && DISBELIEF_BEFORE.test(norm.text.slice(h.from, h.to))) neutral = true;
      else if (h.cls >= 0) {
        bind(h.from);
        if (c.heads[h.cls]) {
          if (neg) neutral = true;
          neg = 0;
        }
      }
    }
    bind(from);
    // (a negation whose words the target's own contains is no negation of it: 从来没有 ‖ 没有一个客户亏 share 没有)
    if (neg && negEnd > from) neg = 0;
    if (!neg) lastNegFrom = -1;
    if (neg && cls !== certainty && objectOfDeniedGuarantee(list, from, to, clause)) {
      neg = 0;
      neutral = true;
    }
    // after the target: a negation after flips its clause (and the clause before when it opens its
    // own clause); a caution after makes the sentence a quotation
    const info = sentenceInfo(s, list, from);
    /**
     * What follows the target in its sentence: a negation after (想多了, 退出历史舞台) in its own
     * clause flips it, each one; in the next clause only a negation-after that opens it or a bare
     * denial that closes it (…，但这款不会) does; a caution after makes it a quotation. Flips and
     * cautions do not depend on their order, so this counts instead of walking every later hit:
     * a clause of thousands of hits costs a binary search, not a walk per hit.
     */
    const afterTarget = (s: number, hs: Raw[]) => {
      // (not the writer's own product in a clause of its own, with a caution tacked on after it: 我们这款理财稳赚不赔，
      // 遇到骗子记得报警 — the caution is about someone else; 说我们这款稳赚不赔的都是骗子 still quotes it)
      if (m.cautionAfterFrom >= to && !(norm.clause[m.cautionAfterFrom]! > norm.clause[from]! && OWN_PRODUCT_HEAD.test(clauseHead(from)) && !SAYING_IN.test(clauseHead(from)))) neutral = true;
      if (m.finalCaution >= to && norm.clause[from]! >= norm.clause[m.finalCaution]! - 1 && REPORTED_SAYING.test(clauseHead(from))) neutral = true;
      if (!hs.length) return;
      const i0 = firstFrom(hs, to);
      const flips = negateAfterCounts(s, hs);
      // hits are in text order, so their clauses ascend: the first hit past clause `c`
      const past = (start: number, c: number) => {
        let lo = start;
        let hi = hs.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (norm.clause[hs[mid]!.from]! <= c) lo = mid + 1;
          else hi = mid;
        }
        return lo;
      };
      // (a quoted list joined by 、 is one clause here: 「零风险、高收益」的产品，根本不存在 denies both)
      // (a quoted list only, and not one whose later items say something of their own: 哪些是存款、哪些不是)
      // (and a list of short unquoted items whose last carries the negation after: 用抽奖、赠品来促销理财是
      // 明令禁止的 — then only an operator in an earlier item cuts it short)
      let own = listEnd(clause, to);
      const quotedList = !!(quotes ??= quoteMask(view))[norm.start[from]!];
      if (own !== clause && !quotedList && !shortItems(from, own)) own = clause;
      for (let k = i0; own !== clause && k < hs.length && norm.clause[hs[k]!.from]! <= own; k++) if (hs[k]!.op && (quotedList || norm.clause[hs[k]!.from]! < own)) own = clause;
      const end = past(i0, own);
      if ((flips[end]! - flips[i0]!) & 1) neg ^= 1;
      if (end >= hs.length || norm.clause[hs[end]!.from] !== own + 1) return;
      const nextEnd = past(end, own + 1);
      // the first and the last hit of the next clause (hits are in text order: its run is [end, nextEnd))
      const first = hs[end]!.from;
      const last = hs[nextEnd - 1]!.from;
      /** where a hedge at a negation ends (不一定: the whole word, whatever the negation's own length) */
      const hedgeEnd = (h: Raw) => {
        const m = UNSURE_END.exec(norm.text.slice(h.from, h.from + 6));
        return m ? h.from + m[0].length : h.to;
      };
      const visit = (h: Raw) => {
        // (only when it is the whole of that clause: 更不允许说“稳赚” forbids what follows it)
        // (a comparison is no denial: 这款稳赚不赔，跟那些P2P不是一回事 says it differs from them)
        if (h.op === 'negate-after' && first === h.from && endsClause(h.to) && DENIAL_OPENING.test(clauseHead(h.from))) neg ^= 1;
        // a bare denial closing the clause (有人说理财会亏，但这款不会): it denies the clause before
        // (说不准 leaves it open)
        // (closing it: 别人问我都不一定告诉 hedges the telling, not the claim before)
        // (a bare "not promised" closing it disclaims the clause before, it does not deny it: 收益随市场
        // 波动，不保证 — the return is not promised, not "it does not fluctuate")
        // (not asked back to be scoffed at: 本金安全，不保证？怎么可能！)
        else if (h.op === 'negate' && last === h.from && endsClause(h.to) && NOT_PROMISED.test(norm.text.slice(h.from, h.to)) && !/^[\s\p{Pe}"”’」』]*[？?]/u.test(src.slice(norm.end[h.to - 1]!, norm.end[h.to - 1]! + 3))) neutral = true;
        else if (h.op === 'negate' && last === h.from && UNSURE.test(norm.text.slice(Math.max(0, h.from - 2), h.to + 2)) && endsClause(hedgeEnd(h))) neutral = true;
        // (not a "no need": 能接受短期波动、这笔钱一年内不用 says the money is not used; nor 没了, "gone":
        // 估计明天上午就没了)
        // (a denial that another one opens cancels out: 年年有得收，唔会话边年冇 — "no year without")
        // (not one of a list of negations that share the verb after them: 今天的理财不会、也不允许再这样做)
        // (nor one that agrees: 从来没有一个客户亏过本，以后也不会 — 也, 都 carry the denial on, they do not deny it)
        // (nor one said of others, which sets ours apart: 我额外再返你0.5%的保费，别的网点可没有)
        else if (h.op === 'negate' && last === h.from && endsClause(h.to) && !OTHERS_HEAD.test(clauseHead(h.from)) && !noNeed(norm.text.slice(h.from, h.to)) && !(norm.text[h.from] === '没' && norm.text[h.to] === '了') && !(hs[end]!.op === 'negate' && hs[end]!.from !== h.from) && !sharesVerb(h.to) && !/(也|都|亦|同样|照样|一样)$/.test(norm.text.slice(Math.max(0, h.from - 2), h.from))) neg ^= 1;
      };
      // (a denial after words that only say whose it is: 用抽奖、赠品来促销理财，是监管明令禁止的)
      // (the first operator of the clause, after concepts only)
      if (!hs[end]!.op)
        for (let k = end + 1; k < nextEnd; k++) {
          const h = hs[k]!;
          if (!h.op) continue;
          if (h.op === 'negate-after' && endsClause(h.to) && DENIAL_OPENING.test(clauseHead(h.from))) neg ^= 1;
          break;
        }
      let i = end;
      for (; i < nextEnd && hs[i]!.from === first; i++) visit(hs[i]!);
      for (let j = nextEnd - 1; j >= i && hs[j]!.from === last; j--) visit(hs[j]!);
    };
    afterTarget(s, list);
    // a statement given a verdict (银行理财都保本？❌ 假的; 判断题：…到期保证收益。⏎答案：✔ 正确; 答案：1. × 2. √): a false
    // one flips it, as an answer's no does (说理财会亏钱？谣言！ says it cannot lose); a true one is the writer's claim,
    // asked or quoted (verdict.ts)
    const verdict = verdictAt(view, norm.start[from]!);
    const negBefore = neg;
    if (verdict < 0) neg ^= 1;
    // a yes-no question (保本吗？) asks, it does not claim — unless answered (会亏吗？想多了) or negated
    const yesNo = info.yesNo;
    // (a quoted question answered is no question left: 「这只会不会亏？」⏎想多了)
    let answered = verdict !== 0;
    // a rhetorical question (你怕什么？能差到哪去？) is a claim, whatever answers it; so is asking for a
    // better one (还有比金钥匙安盈更香的吗？没有了。 — its “no” says none is better)
    if (verdict) {
      // (the verdict is the answer: no answer after it is read again)
    } else if (info.question && cls !== rhetoric && cls !== unbeaten) {
      const a = answer(s + 1);
      if (a & ANSWER_FLIPS && from >= info.focusFrom && !info.why) {
        // (a 难道 question already says no, and its answer agrees: 难道买了理财就一定赚钱？当然不是。)
        if (!/难道|難道/.test(sentenceHead(s, from))) neg ^= 1;
        answered = true;
      } else if (a & ANSWER_AFFIRMS && norm.clause[from] === info.askClause) {
        answered = true;
        // (a 难道 question says no, and a yes answers it back: 理财难道还会亏吗？会的。)
        if (/难道|難道/.test(sentenceHead(s, from))) neutral = true;
      }
      if (a & ANSWER_CAUTIONS) neutral = true;
      // (an answer that denies the same thing in its first clause: 国家兜底？理财产品没有谁来兜底。)
      // (a word of the lists stands for the classes found inside it: 国家兜底 — 兜底; not a loss, whose
      // denial is itself a claim: 要不要违约金？…不收违约金)
      else if (!(a & (ANSWER_FLIPS | ANSWER_AFFIRMS)) && !info.why && from >= info.focusFrom && (cls >= 0 ? echoDenied(s + 1, cls) : list.some((h) => h.cls >= 0 && h.from >= from && h.to <= to && echoDenied(s + 1, h.cls)))) {
        neg ^= 1;
        answered = true;
      }
    } else if (!info.question && bareDenial(s + 1)) neutral = true;
    if (verdict > 0) asked = false;
    // (a pitch retold without quotation marks, that the next sentence warns against: …自称“银行内部”的
    // 电话，说有高息还保本。记住：听到这种话先挂电话)
    if (!neutral && !info.question && warnedNext(s + 1) && RETOLD.test(sentenceHead(s, from))) neutral = true;
    // (a rumour retold and set right, later in its sentence or by the next: 有街坊话听讲理财唔会蚀本，其实唔係咁; 听说理财不会亏？——会亏的，理财不保本;
    // 有人说…就等于安全。⏎其实…不代表…; or labelled false before it is told: 谣言：“…亏了银行都会兜着”)
    if (!neutral && rumourSetRight(s, from, to)) neutral = true;
    if (yesNo && from >= info.askFrom && neg === negBefore && !negBefore && cls !== rhetoric && cls !== unbeaten && !answered) neutral = true;
    // (a word asked alone, as a title: 【高收益？】 — a question, not a claim, unless answered yes)
    if (info.question && !answered && cls !== unbeaten && !(answer(s + 1) & ANSWER_AFFIRMS) && wholeSentence(s, from, to)) neutral = true;
    // (a denial inside the question someone else asks is theirs too: 有叔叔问：…所以肯定不亏？; but a
    // question the writer answers yes is the writer's claim: 客户问我：这款不会亏吧？不会！)
    // (an indirect question too, asked without its mark: 客户问我能不能保证不亏。)
    if (asked && neg === negBefore && !answered && (!negBefore || info.question || (ASKED_NEXT.test(clauseHead(from) + clauseRest(from)) && (clauseEnd(from) >= norm.text.length || norm.sentence[clauseEnd(from)] !== s)))) neutral = true;
    if (!neutral && !verdict && markedWrong(view, from)) neutral = true;
    if (!neutral && namedOnItsLine(src, norm.start[from]!, norm.end[to - 1]!)) neutral = true;
    // (a definition that likens a product to a deposit misleads as any likening does: “固收+”到底是什么？⏎简单说，就是定期存款的升级版)
    if (!neutral && !(cls === depositLike && /存款|定期|存单|活期/.test(norm.text.slice(from, to))) && from < definitionEnd(s)) neutral = true;
    // (a reader's question in the thread under a post is theirs: @雷阿姨：那在你们行买理财就不会亏了噻？;
    // only the question — what a "reader" is made to state ships under the bank's name — and only unanswered:
    // 问：会亏吗？⏎答：不会。 is the writer's no)
    if (!neutral && info.question && !answered && onComment(s)) neutral = true;
    if (!neutral) {
      quotes ??= quoteMask(view);
      const at = norm.start[from]!;
      // quoted words are a quotation in a warning, or when someone else is reported saying them
      // (but a client's own words about what they earned, quoted, are the testimonial itself:
      // 她逢人就讲：「一年赚的钱，够我交一年广场舞的班费」)
      quiz ??= QUIZ.test(src) && QUIZ_ANSWER.test(src);
      if (namedInPlace(view, from)) neutral = true;
      // (a kind of thing said not to exist, the claim inside it with it: 没有收益高还没风险的好事)
      if (!neutral) {
        const cl = norm.clause[from]!;
        let denied = deniedKinds.get(cl);
        if (denied === undefined) {
          const [a0, b0] = runAround(norm.clause, from, norm.text.length);
          deniedKinds.set(cl, (denied = DENIED_KIND.test(norm.text.slice(a0, b0))));
        }
        // (but a loss said not to exist at all is the promise: 不存在赔钱这回事; 根本没有亏本这一说)
        if (denied && !(cls === lossCls && LOSS_DENIED.test(norm.text.slice(...runAround(norm.clause, from, norm.text.length))))) neutral = true;
      }
      // (a risk someone answers for, as the object of 为…背书: 不代表有谁为它的收益和风险背书 — the denial is of the answering)
      if (cls === lossCls && /(为|替|对)[^，。,]{0,8}$/.test(norm.text.slice(Math.max(0, from - 9), from)) && /^[^，。,]{0,3}(背书|负责|兜底|担保|买单|埋单|承担|托底)/.test(norm.text.slice(to, to + 8))) neutral = true;
      // (what someone else is said to have said, quoted or not, in a post about a scam: 我表哥说有个银监会批过的“内部产品”)
      // (but what a client earned, told so, is the testimonial itself: 她说一年下来比原来多拿了两千多)
      if (aboutFraud && cls !== gained && cls !== selfKin && saidByOther(view, from)) neutral = true;
      // (a client's words the writer thanks them for and then sets right are not the writer's claim, whatever they say)
      if (quotes[at]) {
        const close = quotationEnd(src, quotes, at);
        if (BUT_REMINDS.test(src.slice(close + 1, close + 41))) neutral = true;
      }
      if (quotes[at] && ((aboutFraud && !ownAdopted(src, at)) || info.caution || hearsay(src, quotes, at) || (quiz && quizOption(src, quotes, at)) || (!answered && (askedQuotation(src, quotes, at) || quotedYesNo(src, quotes, at) || questionedQuote(src, quotes, at))) || ((reported(src, at) || named(src, norm.end[to - 1]!) || wished(src, at)) && !((cls === gained || cls === selfKin) && !askedInQuote(src, quotes, at)))) && !endorsed(src, at)) neutral = true;
    }
    return neutral ? NEUTRAL : neg ? NEGATED : ASSERTED;
  };

  for (const [s, list] of raws) {
    sentences.set(
      s,
      list.map((h) => {
        const status = h.cls >= 0 ? statusIn(s, h.from, h.to, h.cls) : ASSERTED;
        return { from: h.from, to: h.to, cls: h.cls, op: h.op, status, negatedFrom: status === NEGATED && lastNegFrom >= 0 ? lastNegFrom : undefined };
      }),
    );
  }
  return {
    view,
    sentences,
    ops,
    ...(undercut ? { undercut } : {}),
    statusAt: (from, to) => statusIn(norm.sentence[from]!, from, to),
    straddled: straddles,
  };
}

/** how many sentences back a pronoun looks for the person it stands for */
const PRONOUN_REACH = 2;
/** people of the person classes who are the writer, not someone a 他 can stand for */
const FIRST_PERSON = new Set(['我', '我自己', '本人', '我家', '我们家', '咱家', '自己家', '自己人', '全员', '我们团队']);
const pronounPlans = new WeakMap<ConceptSet, { pronoun: number; people: Set<number> }>();

/**
 * A pronoun (他, 她, 他们; 佢 read as 他) stands for the person last named within a sentence or two
 * before it — a relative, a client, an expert — and takes that person's class, so 我舅舅买了那只理财。
 * 到期一看，比他预想的多不少 is a relative's testimonial. A pronoun with no one named before it
 * stays a pronoun (a class no claim asks for).
 */
function resolvePronouns(c: ConceptSet, sel: Selected, view: SpanView) {
  let plan = pronounPlans.get(c);
  if (!plan) {
    const people = new Set(['self-kin', 'client', 'expert'].map((n) => c.classIndex.get(n)).filter((x): x is number => x !== undefined));
    pronounPlans.set(c, (plan = { pronoun: c.classIndex.get('pronoun') ?? -9, people }));
  }
  const { pronoun, people } = plan;
  if (pronoun < 0) return;
  const { text, sentence } = view.norm;
  let last = -1;
  let lastCls = -1;
  for (let k = 0; k < sel.n; k++) {
    const cls = sel.cls[k]!;
    if (cls === pronoun) {
      // (a pronoun that stands for someone carries them on: 孙先生…。他来网点…。我们陪他…。他说：…)
      if (last >= 0 && sentence[sel.from[k]!]! - sentence[last]! <= PRONOUN_REACH) {
        sel.cls[k] = lastCls;
        last = sel.from[k]!;
      }
    } else if (people.has(cls) && !FIRST_PERSON.has(text.slice(sel.from[k]!, sel.to[k]!))) {
      last = sel.from[k]!;
      lastCls = cls;
    }
  }
}

/** The claims analysis of each asset's views (keyed by the views array), for the whole-asset detectors. */
export const analysesOf = new Attached<SpanView[], ViewClaims[]>('analyses');

export interface ClaimHit {
  pattern: ClaimPattern;
  view: SpanView;
  from: number;
  to: number;
}

/** Runs the claim patterns over the analysed sentences of every view of one asset; `reviews`: the asset shows clients' reviews (reviewAsset, read once by the caller). */
export function matchClaims(c: ConceptSet, patterns: ClaimPattern[], analyses: ViewClaims[], products: AssetProducts, reviews = false): ClaimHit[] {
  const { types } = products;
  const product = isProductAsset(products);
  // (a denied loss alone is no money talk: 网点柜面不受影响 in a service notice, 资金没有损失 after a
  // fraud; a loss said to happen is: 万一亏了，差额我们补足)
  const lossClass = c.classIndex.get('loss') ?? -2;
  const finance = ['principal', 'return', 'product-ref', 'risk-grade', 'amount', 'benchmark', 'deposit-like', 'deposit-word', 'purchase', 'gained', 'easy-credit', 'gain-modal', 'holding', 'all-in', 'selftest', 'extra', 'spent', 'bought-gift'].map((n) => c.classIndex.get(n)).filter((x): x is number => x !== undefined);
  const out: ClaimHit[] = [];
  /** a pattern's match kept (one that must stand alone only where it is its clause's whole text) */
  const found = (p: ClaimPattern, view: SpanView, m: { from: number; to: number } | undefined) => {
    if (m && (!p.alone || wholeClause(view.norm, m.from, m.to))) {
      if (CLAIM_DEBUG) console.error(`claim ${p.rule}: ${(p as { name?: string }).name ?? '?'} «${view.norm.text.slice(m.from, m.to)}» [types ${[...types].join(',')}]`);
      out.push({ pattern: p, view, from: m.from, to: m.to });
    }
  };
  const index = patternIndex(patterns);
  if (claimStamp.length < c.classes.length) claimStamp = new Int32Array(c.classes.length);
  const stamp = claimStamp;
  const labelClass = c.classIndex.get('label') ?? -2;
  // (an asset of clients' reviews: what a client says in it is theirs — see reviewVoice)
  const clientClass = c.classIndex.get('client') ?? -2;

  for (const a of analyses) {
    const { norm } = a.view;
    const label = labelClass >= 0 && productLabel(a.view, products);
    // (forEach: no iterator objects; hits are in text order, so a clause's hits are a run of them)
    a.sentences.forEach((hits) => {
      const live = hits.filter((h) => h.cls >= 0 && h.status !== NEUTRAL);
      if (label && live.length) live.unshift({ from: live[0]!.from, to: live[0]!.from, cls: labelClass, op: undefined, status: ASSERTED, negatedFrom: undefined });
      if (!live.length) return;
      // (a client's review the bank shows — 好评墙 ‖ “这款比存款强多了”——李女士 — is a client speaking, named or not)
      if (reviews && clientClass >= 0 && !live.some((h) => h.cls === clientClass)) {
        const voiced = live.find((h) => reviewVoice(a.view, h.from));
        if (voiced) live.unshift({ from: voiced.from, to: voiced.from, cls: clientClass, op: undefined, status: ASSERTED, negatedFrom: undefined });
      }
      // (a headline or a tile of a product asset is about its product: 同类里的顶流🏆)
      // (or a sentence that names one of the asset's products before its words: 「同心年年有」…排头一名)
      const sentenceFinance =
        (types.size > 0 && HEADLINE.test(a.view.span.field)) ||
        live.some((h) => finance.includes(h.cls) || (h.cls === lossClass && h.status === ASSERTED)) ||
        (product && (namesProductBefore(a.view, live[live.length - 1]!.from) || pointsBack(a.view, live[0]!.from)));
      // the classes present: stamp[cls] === gen
      if (claimGen === 0x7fffffff) ((claimGen = 0), stamp.fill(0));
      const gen = ++claimGen;
      // only the patterns whose first required class is here (the others cannot match), in order
      const candidates = index.always.slice();
      for (const h of live) {
        if (stamp[h.cls] === gen) continue;
        stamp[h.cls] = gen;
        const list = index.byClass.get(h.cls);
        if (list) for (const i of list) candidates.push(i);
      }
      candidates.sort((x, y) => x - y);
      // the sentence's hits clause by clause, made for the first clause-scoped pattern that needs them
      let units: Hit[][] | undefined;
      for (const i of candidates) {
        const p = patterns[i]!;
        if (!p.all.every((r) => stamp[r.cls] === gen)) continue;
        if (!contextOk(p.context, types, sentenceFinance, product) || p.unlessTypes.some((t) => types.has(t)) || onlyOf(types, p.unlessOnlyTypes) || (p.unlessStateIssued && products.stateIssued)) continue;
        if (p.scope !== 'clause') {
          found(p, a.view, matchUnit(p, live));
          continue;
        }
        units ??= clauseRuns(live, norm.clause);
        for (const unit of units) found(p, a.view, matchUnit(p, unit));
      }
    });
  }
  return out;
}

/**
 * words that make an asset's quotations clients' reviews: a review wall, a rating, a client's message
 * (好评、五星、⭐⭐⭐⭐⭐、客户留言、客户说、感谢信、满意度、听听TA们怎么说)
 */
// (or a quotation signed by a client on the line after it: “…每年都多赚一点。”⏎——电工李师傅)
const REVIEW_FRAME = /[”」』]\s*\n?[ \t]*(——|—|－－)\s*[^\n—]{0,14}(师傅|叔叔|阿姨|老师|先生|女士|客户|客戶|大哥|大姐|姐|哥|伯|婶|爷|奶|老板|总|姨|叔)\s*(\n|$)|听听(TA|ta|他|她|客户|大家|街坊)们?怎么说|好评|五星|5星|五粒星|[⭐★]{3,}|追评|评价|評價|留言|客户说|客戶說|客户原话|客户的话|客户来信|客戶來信|感谢信|表扬信|客户心声|客户反馈|评分|打分|满意度|(?<![a-z])(reviews?|testimonials?|rated)(?![a-z])/i;
/** True when the asset offers a product and shows clients' reviews (REVIEW_FRAME in any of its texts). */
export function reviewAsset(views: SpanView[], products: AssetProducts): boolean {
  return isProductAsset(products) && views.some((v) => REVIEW_FRAME.test(v.span.text));
}
/** a line attributed to someone after a dash (“…”——李女士; — Mr. Ho) or headed as a review (⭐⭐⭐⭐⭐ 追评：…) */
const ATTRIBUTED = /(——|—|－－|--|-)\s*[^\n—\-]{1,16}\s*$/;
const REVIEW_HEAD = /^\s*([⭐★]+\s*|(追评|好评|评价|客户说|客户留言|客户原话|留言)\s*[:：])/;

/** True when normalised offset `from` is a client's voice in an asset of reviews: quoted, or on an attributed or review-headed line. */
function reviewVoice(view: SpanView, from: number): boolean {
  const at = view.norm.start[from]!;
  const src = view.span.text;
  // (not another party's words, retold: 看到别家海报写“收益满意度99%”)
  if (quoteMask(view)[at]) return !reported(src, at);
  const a = src.lastIndexOf('\n', at - 1) + 1;
  let b = src.indexOf('\n', at);
  if (b < 0) b = src.length;
  const line = src.slice(a, b);
  return ATTRIBUTED.test(line) || REVIEW_HEAD.test(line);
}

/** a closing particle or mark after a slogan in its clause (旱涝保收啦！) */
const CLOSING = /^[了啦呀啊哦喔哈咯嘛吧呢!！。？?~～…\s]*$/;

/** whether [from, to) of the normalised text is its clause's whole text, but for a closing particle or mark */
function wholeClause(norm: SpanView['norm'], from: number, to: number): boolean {
  const c = norm.clause[from]!;
  if (from > 0 && norm.clause[from - 1] === c) return false;
  // (a few particles at most: the clause's rest is not walked further, so an endless clause stays linear)
  let end = to;
  while (end < norm.text.length && end - to <= 8 && norm.clause[end] === c) end++;
  return (end === norm.text.length || norm.clause[end] !== c) && CLOSING.test(norm.text.slice(to, end));
}

/** `hits` (in text order) cut into runs of one clause each */
function clauseRuns(hits: Hit[], clause: Int32Array): Hit[][] {
  const runs: Hit[][] = [];
  for (let u = 0; u < hits.length; ) {
    const c = clause[hits[u]!.from]!;
    let v = u + 1;
    while (v < hits.length && clause[hits[v]!.from] === c) v++;
    runs.push(u === 0 && v === hits.length ? hits : hits.slice(u, v));
    u = v;
  }
  return runs;
}

/** matchClaims' class stamps, shared by every call */
let claimStamp = new Int32Array(64);
let claimGen = 0;

/** Claim patterns by the class of their first `all` requirement (those without one: always), built once per list. */
const patternIndexes = new WeakMap<ClaimPattern[], { byClass: Map<number, number[]>; always: number[] }>();
function patternIndex(patterns: ClaimPattern[]): { byClass: Map<number, number[]>; always: number[] } {
  let index = patternIndexes.get(patterns);
  if (index) return index;
  index = { byClass: new Map(), always: [] };
  for (const [i, p] of patterns.entries()) {
    const first = p.all[0];
    if (!first) index.always.push(i);
    else {
      let list = index.byClass.get(first.cls);
      if (!list) index.byClass.set(first.cls, (list = []));
      list.push(i);
    }
  }
  patternIndexes.set(patterns, index);
  return index;
}

/** `product`: the asset offers a product (of a listed type, or a precious metal: isProductAsset) */
function contextOk(ctx: ClaimPattern['context'], types: ReadonlySet<ProductType>, sentenceFinance: boolean, product: boolean): boolean {
  if (ctx === 'any') return true;
  if (ctx === 'finance') return product || sentenceFinance;
  if (ctx === 'product-asset') return product;
  if (!sentenceFinance) return false;
  if (ctx === 'product') return product;
  // (`metal`: a precious metal's asset, a product of no listed type — 积存金就是黄金版的零存整取)
  return ctx.some((t) => (t === 'metal' ? product && !types.size : types.has(t)));
}

const fits = (h: Hit, r: { cls: number; polarity: string }) =>
  h.cls === r.cls && (r.polarity === 'either' || (r.polarity === 'asserted' ? h.status === ASSERTED : h.status === NEGATED));

function matchUnit(p: ClaimPattern, unit: Hit[]): { from: number; to: number } | undefined {
  if (p.none.some((r) => unit.some((h) => fits(h, r)))) return undefined;
  if (p.any.length && !p.any.some((r) => unit.some((h) => fits(h, r)))) return undefined;
  let from = Infinity;
  let to = -1;
  let after = -1;
  const chosen: Hit[] = [];
  for (const r of p.all) {
    const h = unit.find((x) => fits(x, r) && (!p.ordered || x.from >= after));
    if (!h) return undefined;
    after = h.to;
    chosen.push(h);
  }
  // in order, each concept is the nearest one before the next (产品…这款理财，就是放心 quotes 这款理财，就是放心)
  if (p.ordered) {
    for (let i = chosen.length - 2; i >= 0; i--) {
      const next = chosen[i + 1]!;
      for (const x of unit) if (fits(x, p.all[i]!) && x.to <= next.from && x.from > chosen[i]!.from) chosen[i] = x;
    }
  }
  p.all.forEach((r, i) => {
    const h = chosen[i]!;
    // a denial is quoted with its negation (不用担心亏损)
    from = Math.min(from, r.polarity === 'negated' && h.negatedFrom !== undefined ? h.negatedFrom : h.from);
    to = Math.max(to, h.to);
  });
  // the excerpt spans what the claim is made of: the required concepts and the nearest of `any`
  let extra: Hit | undefined;
  for (const h of unit) {
    if (!p.any.some((r) => fits(h, r))) continue;
    const d = h.to <= from ? from - h.to : h.from >= to ? h.from - to : 0;
    const e = extra ? (extra.to <= from ? from - extra.to : extra.from >= to ? extra.from - to : 0) : Infinity;
    if (d < e) extra = h;
  }
  if (extra) {
    from = Math.min(from, extra.from);
    to = Math.max(to, extra.to);
  }
  return { from, to };
}

/** Words of the present that end a past opening its sentence (…；资管新规之后，…；现在…). */
const PRESENT = /现在|如今|而今|目前|眼下|当下|今天|今年|这款|这只|这期|本期|之后|以后|此后|后来|从此|随着/;

/** The longest a concept hit is: hits starting further back than this cannot cover a position. */
const MAX_HIT = 64;
/** How far back in its clause a negation or concept can still bind the target. */
const LOOKBACK = 200;

/** Index of the first hit of `list` (sorted by `from`) with from >= `at`. */
function firstFrom(list: readonly { from: number }[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.from < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first value of sorted `values` >= `at`. */
export function lowerBound(values: ArrayLike<number>, at: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
