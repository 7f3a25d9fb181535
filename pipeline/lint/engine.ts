// The lint engine: normalise each text once, run every word rule through one automaton scan and
// the rules' patterns, judge each candidate in context (clause, negation, exceptions, product
// sentence, mandated warnings), then run the detectors — per text and over the whole asset — and
// turn everything into located findings on the original characters.
import * as crypto from 'node:crypto';
import type { Problem, TextSpan } from '../model.ts';
import { DETECTOR_SOURCES, DETECTORS } from './detectors/index.ts';
import { pieceDigits } from './detectors/numbers.ts';
import type { Detect, DetectorHit, LintContext, SpanView } from './detectors/types.ts';
import { CLAUSE, normalize, normalizeBase, normalizeTerm, SENTENCE, simpleSource } from './normalize.ts';
import { VIA_PINYIN } from './evasion.ts';
import { dropContainedInStricter, filePositions } from './ranges.ts';
import { cannotMatch } from './prefilter.ts';
import { loadRuleData, loadRuleSet, type Context, type RuleMeta, type RuleSet, type Severity, type WordRule } from './rules.ts';
import { analysesOf, analyzeView, ANSWER_NO, ASSERTED, lifeSlang, namedInPlace, saidByOther, opensWithYes, onListItemLine, onOptionLine, NEVER_SAYS_HEAD, SPOT_HEAD, namesProductBefore, lowerBound, covers as inMask, reviewAsset, enumeration, HEADLINE, matchClaims, ownAdopted, PROHIBIT, productLabel, safeMask, type ViewClaims } from './claims/analyze.ts';
import { classifyAsset, INVESTMENTS, isProductAsset, onlyOf, warnedOnly, type AssetProducts } from './claims/product.ts';
import { Attached } from './attach.ts';
import { keyAcross } from './claims/verdict.ts';
import type { ProductType } from './claims/concepts.ts';

export type { LintContext } from './detectors/types.ts';

/** A finding: a located problem with what a reviewer needs to judge and waive it. */
export type Finding = Problem & {
  /** the original characters flagged; for PII, masked (138****5678) */
  excerpt: string;
  /** the span's field: `title`, `body`, `caption`, `image:headline`, … */
  field: string;
  suggestion?: string;
  /** the law and article */
  basis: string;
  /** PII findings are never waivable */
  waivable: boolean;
  /** sha256 (hex) of the full text of the span the finding is in: waivers bind to it */
  textHash: string;
  /**
   * [from, to) of the flagged characters in the span's text. Generated texts (captions, image
   * strings: spans without `start`) have no file position: their findings carry line 0, column 0
   * and are located by `field` and this offset alone.
   */
  offset: { from: number; to: number };
  /** what `--fix` writes over span.text[from, to) (masked PII, 业绩比较基准) */
  fix?: { from: number; to: number; text: string };
};

export interface CatalogEntry {
  id: string;
  severity: Severity;
  basis: string;
  message: string;
  suggestion: string;
  waivable: boolean;
  /** `words` for word-list rules, else the detector's name */
  engine: string;
}

/** sha256 (hex) of a text: Node's one-shot hash where it has one (20.12+), half the cost of a Hash object */
const oneShot = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;
const sha256 = (text: string): string => (oneShot ? oneShot('sha256', text) : crypto.createHash('sha256').update(text).digest('hex'));

/** The mask character is stepped over by the automaton: 保*本 is 保本. */
const MASK_CODE = 42;

let compiled: { set: RuleSet; detects: { rule: RuleMeta; detect: Detect; pii: boolean; secondOpinion: boolean }[] } | undefined;
/** rule sets other than the checkout's (a bank's policy applied: lint/policy.ts), compiled once each */
const others = new WeakMap<RuleSet, NonNullable<typeof compiled>>();

function engine(rules?: RuleSet) {
  if (rules) return others.get(rules) ?? (others.set(rules, withDetects(rules)), others.get(rules)!);
  return (compiled ??= withDetects(loadRuleSet(new Set(DETECTORS.keys()), DETECTOR_SOURCES)));
}

function withDetects(set: RuleSet) {
  const detects = set.rules
    .filter((r) => r.detector)
    .map((rule) => {
      const d = DETECTORS.get(rule.detector!)!;
      return { rule, detect: d.create(rule), pii: d.pii, secondOpinion: !!d.secondOpinion };
    })
    // second opinions last: they speak only where the others found nothing
    .sort((a, b) => Number(a.secondOpinion) - Number(b.secondOpinion));
  return { set, detects };
}

/** The rule-set version: a short hash of the rule data, lexicon, warnings and engine/detector sources. */
export function rulesetVersion(): string {
  return loadRuleData(new Set(DETECTORS.keys()), DETECTOR_SOURCES).version;
}

/** Every rule with its metadata, for SARIF and reports. */
export function ruleCatalog(rules?: RuleSet): CatalogEntry[] {
  // (the checkout's catalog from its data alone: checking a policy compiles nothing)
  return (rules ?? loadRuleData(new Set(DETECTORS.keys()), DETECTOR_SOURCES)).rules.map((r) => ({
    id: r.id,
    severity: r.severity,
    basis: r.basis,
    message: r.message,
    suggestion: r.suggestion,
    waivable: !(r.detector && DETECTORS.get(r.detector)?.pii),
    engine: r.detector ?? 'words',
  }));
}

/** whether normalised `at` is on a text's short first line (a title of up to 24 characters, no comma or full stop) and the sentence after it names a product */
function headLine(view: SpanView, at: number): boolean {
  const { norm } = view;
  // (only the first CARD_LINE_MAX characters are read for the line's end: a text of one endless line costs nothing per term)
  const head = norm.source.slice(0, CARD_LINE_MAX);
  const end = head.indexOf('\n');
  if (end < 0 || norm.start[at]! >= end || /[，。,；;]/.test(head.slice(0, end))) return false;
  const s = norm.sentence[at]!;
  if (norm.sentence[0] !== s) return false;
  // the first character after the line's end, in the next sentence, names a product
  const k = lowerBound(norm.start, end + 1);
  return k < norm.text.length && norm.sentence[k] !== s && view.productSentences.has(norm.sentence[k]!);
}

/** a line of no more than 25 characters and no clause mark, as a card's or a title's line is */
const CARD_LINE_MAX = 25;
const CLAUSE_MARK = /[，。,；;！？!?]/;
/**
 * The bounds [a, b) of the short line of `src` around offset `o` (a line break or the text's edge on either side, at
 * most CARD_LINE_MAX characters each way, no clause mark in it), or undefined. Reads no further: a text of one endless
 * line costs nothing per term.
 */
function shortLine(src: string, o: number): [number, number] | undefined {
  let a = o;
  while (a > 0 && o - a < CARD_LINE_MAX && src[a - 1] !== '\n') a--;
  let b = o;
  while (b < src.length && b - o < CARD_LINE_MAX && src[b] !== '\n') b++;
  if ((a > 0 && src[a - 1] !== '\n') || (b < src.length && src[b] !== '\n') || CLAUSE_MARK.test(src.slice(a, b))) return undefined;
  return [a, b];
}

/**
 * True when normalised `at` stands on a short line of a card that a short line right above it names a
 * product on (小U测评 🔑金钥匙安盈⏎安全性 ⭐⭐⭐⭐⭐): the card's lines are the product's attributes.
 */
function underProductLine(view: SpanView, at: number): boolean {
  const { norm } = view;
  const line = shortLine(norm.source, norm.start[at]!);
  if (!line || line[0] === 0) return false;
  const above = shortLine(norm.source, line[0] - 1);
  if (!above) return false;
  // (the line above names a product: some character of it is in a product sentence, its own sentence)
  const s = norm.sentence[at]!;
  for (let i = lowerBound(norm.start, above[0]); i < norm.text.length && norm.start[i]! < above[1]; i++) if (norm.sentence[i] !== s && view.productSentences.has(norm.sentence[i]!)) return true;
  return false;
}

/**
 * True when normalised `at` opens a sentence with no subject of its own, right after a sentence that
 * names a product: the sentence goes on about it (…配一份个人养老金理财吧⏎低风险、省心，缴进去就不用盯着).
 */
function openerAfterProduct(view: SpanView, at: number): boolean {
  const { norm } = view;
  const s = norm.sentence[at]!;
  if (at === 0 || norm.sentence[at - 1] !== s - 1 || !view.productSentences.has(s - 1)) return false;
  // (not after a question: what answers it is said of its own — 你买的什么理财？亲测推荐一下呗)
  const mark = norm.source.slice(norm.end[at - 1]!, norm.start[at]!);
  return !/[？?]/.test(mark);
}

/** whether the words at normalised `at` speak of a product a neighbouring line or sentence names (a rule's productNearby) */
const productNearby = (view: SpanView, at: number) => headLine(view, at) || underProductLine(view, at) || openerAfterProduct(view, at);

/** The loaded rules with their examples (for the test suite). */
export function ruleDefinitions(): readonly RuleMeta[] {
  return engine().set.rules;
}

interface Candidate {
  rule: WordRule;
  view: SpanView;
  from: number;
  to: number;
}

/** a text that is only an arrow (⬇️, ↓, ➡) */
const ARROW_ONLY = /^[\s\uFE0F⬇⬆↓↑➡→⬅←]+$/;

/**
 * Lints the texts of one asset: word rules, claim patterns and PII detectors per text, whole-asset
 * rules over all of them together. Findings point at the original characters of each span.
 */
export function lintSpans(spans: TextSpan[], ctx: LintContext, rules?: RuleSet): Finding[] {
  const { set, detects } = engine(rules);
  const views: SpanView[] = [];
  const scans: Scan[] = [];
  for (const [index, span] of spans.entries()) {
    const scan = scanSpan(set, index, span);
    views.push(scan.view);
    scans.push(scan);
  }
  // a key in one text that judges the numbered items of another (① …（  ）⏎② …（  ） ‖ 答案：① √  ② ×): the items take
  // its verdicts, read with each text's own (claims/verdict.ts) — before anything reads a verdict
  keyAcross(views);
  // a name made of the bank's brand and a product word is one of its products: the sentence that names
  // it is about a product (同心月月享，好安全㗎; 金钥匙 names come from the bank's policy instead)
  // (and so is a name the bank's policy lists: 金钥匙安盈 — 监管局的领导对金钥匙安盈给予了充分肯定 praises a product)
  for (const named of [brandedProduct(ctx.bankName), set.concepts.products.ownNames]) {
    if (!named) continue;
    for (const view of views) {
      named.lastIndex = 0;
      if (cannotMatch(named, view.norm.text)) continue;
      for (let m = named.exec(view.norm.text); m; m = named.exec(view.norm.text)) {
        if (!m[0]) {
          named.lastIndex++;
          continue;
        }
        view.productSentences.add(view.norm.sentence[m.index]!);
        (view.brandNames ??= []).push([m.index, m.index + m[0].length]);
      }
    }
  }
  // a warning about fraud in one text of the asset (a poster titled 这些话一出现，就是骗局) makes
  // every quotation in its texts a mention of the fraudsters' words
  if (scans.some((s) => s.aboutFraud)) for (const s of scans) s.aboutFraud = true;
  // an image headed as a list of scammers' lines (骗子最爱的话术 ‖ ① 内部渠道 ② 保证翻倍) draws those
  // lines to warn: what its other drawn texts say is theirs; the caption under it is still the bank's
  // (none of these namings holds where another text of the asset takes the named words back as true
  // of its own product: 这些话不能说！ ‖ 稳赚不赔 ‖ 以上都是我们同心稳盈理财的真实特点; 哪一句能发朋友圈？… ‖ 答案：都能发)
  const adopted = views.some((v) => ADOPTS_NAMED.test(v.norm.source));
  const pitchList = !adopted && views.some((v) => HEADLINE.test(v.span.field) && PITCH_LIST.test(v.norm.source));
  // an image that heads its list as words not to be written (新员工第一课：这五个词，写了就退稿 ‖ — 保本⏎— 稳赚;
  // 这些话不能说！ ‖ 🙊「全城收益第一」): the items of its drawn lists are named; its other lines are read as usual
  // (a footer may say so of the list above it at more length: 以上是从街坊们提供的诈骗群截图里摘出来的高频词，…)
  if (!adopted && views.some((v) => drawnList(v) && (v.norm.source.length <= 40 || /^以上/.test(v.norm.source)) && v.norm.source.length <= 80 && BANNED_LIST.test(v.norm.source))) for (const v of views) if (drawnList(v)) v.itemsNamed = true;
  // an image whose drawn text is only a label for the next one (修改前（未通过） ‖ 央行认证，闭眼入！; 骗子甲（台词） ‖
  // 银监盖过章的…; 这条短信，是诈骗！ ‖ 【某某资管】…保本高息; 以下为被处罚文案原文 ‖ “闭眼买，稳赚不赔”): what
  // that next drawn text says is the wrong version, the fraudster's or the penalised one, named and not said
  for (let i = 0; i + 1 < views.length; i++) {
    const label = views[i]!;
    if (!adopted && drawnList(label) && drawnList(views[i + 1]!) && label.span.text.length <= 40 && WRONG_VERSION_LABEL.test(label.span.text.trim())) views[i + 1]!.labelled = true;
  }
  // a drawn phrase that the next drawn text goes on to call false (稳赚不赔 ‖ 这四个字，正规银行不会写; 零風險理財 ‖
  // 並不存在; 刚兑时代 ‖ 已经结束了; 保證收益 ‖ ——是詐騙分子最愛用的四個字): the phrase is named, not said
  for (let i = 0; i + 1 < views.length; i++) {
    const phrase = views[i]!;
    if (!adopted && drawnList(phrase) && drawnList(views[i + 1]!) && PHRASE_ALONE.test(phrase.span.text) && (NAMES_THE_PHRASE.test(views[i + 1]!.norm.source) || GONE_NOW.test(views[i + 1]!.norm.source))) phrase.labelled = true;
  }
  // a pitch drawn whole in quotation marks, or as a short phrase, that a later text of the asset — its caption too —
  // opens by calling false (“跟存定期一个样，还能多拿点。” ‖ …这句话不对; 稳赚不赔 ‖ ❌ 假的！; 高收益 · 零风险 · 秒到账 ‖
  // 这三个词凑在一起，基本就是骗局): named, not said
  if (!adopted) {
    // (the last text that refutes: every drawn pitch before it is refuted by some later text)
    let lastRefute = -1;
    for (let j = views.length - 1; j > 0 && lastRefute < 0; j--) if (REFUTES.test(views[j]!.norm.source)) lastRefute = j;
    for (let i = 0; i < lastRefute; i++) {
      const v = views[i]!;
      // (or a few short lines of pitches, each asked: 百分之百回本？⏎一万块一年稳拿三百五？)
      if (drawnList(v) && (QUOTED_WHOLE.test(v.span.text) || v.span.text.trim().length <= 16 || (v.span.text.length <= 40 && v.span.text.split('\n').every((l) => QUOTED_WHOLE.test(l) || /[？?]\s*$/.test(l))))) v.labelled = true;
    }
  }
  // (and a spot-the-problem image names everything drawn after its head: 小U找茬：圈出朋友圈里的四个坑 ‖ “赔了算我的” ‖ …)
  const spot = adopted ? -1 : views.findIndex((v) => drawnList(v) && v.span.text.length <= 40 && SPOT_HEAD.test(v.norm.source));
  if (spot >= 0) for (let i = spot + 1; i < views.length; i++) if (drawnList(views[i]!)) views[i]!.labelled = true;
  // an image that asks which of its lines may be posted (抢答题：下面哪一句能发朋友圈？ ‖ A. …⏎B. …): its choices are named
  // (and so are the choices of a quiz whose key picks one, whatever it asks: what the key picks is read at the key)
  // (a choice marked right on its own line is a key too: A 不可能⏎B 有可能 ✅ — and what it marks is the writer's pick, read)
  const quiz = !adopted && (views.some((v) => QUIZ_HEAD.test(v.norm.source)) || (views.some((v) => ANSWER_KEY.test(v.span.text) || MARKED_CHOICE.test(v.span.text)) && views.some((v) => CHOICE_START.test(v.span.text))));
  const named = (c: { view: SpanView; from: number }) => !!c.view.labelled || (!!c.view.itemsNamed && onListItemLine(c.view, c.from)) || (quiz && drawnList(c.view) && onOptionLine(c.view, c.from) && !markedChoice(c.view, c.from));
  // the asset's product types decide where product rules and claims count
  const products = classifyAsset(views, set.concepts);
  // (an asset that sells shows what it strikes through: ~~保本~~ 波动小 is read, not marked wrong — one that offers
  // its product now, or winks at what it struck; not a rewrite shown as a lesson: 改稿前后对比 ‖ ~~全城最稳的理财~~ → 删除)
  if (isProductAsset(products) && views.some((v) => SELLS_NOW.test(simpleSource(v.norm)))) for (const v of views) v.sells = true;
  // an asset that names no product and speaks of a part of life as an investment (每晚给女儿读绘本
  //是最值的一笔投入…就是最好的利息) is a metaphor throughout, not only in that sentence
  // (a poster's title in an investment's words completed by a part of life beside it too: 回报最稳的投资 ‖ 是每天早上跑5公里;
  // 健身 ‖ 回报最稳的投资)
  // (unless the asset carries the metaphor over to something of the bank's own: 健身是回报最稳的投资。我们的同心稳盈也一样，稳赚不赔)
  // (nor one whose only product is the warning it signs off with, and that says its metaphor is not about money:
  // 晨跑是回报最稳的投资。⏎不过这句话只说身体，不说钱 ‖ 理财非存款、…)
  const lifeAsset = (!products.types.size || (warnedOnly(products) && views.some((v) => NOT_ABOUT_MONEY.test(v.norm.source)) && !views.some((v) => v.brandNames?.length || OWN_PRODUCT.test(v.norm.text)))) && (views.some((v) => LIFE_METAPHOR.test(v.norm.source)) || views.some((v, i) => lifeTitle(v, views[i - 1], views[i + 1]))) && !views.some((v) => LIKENED_OWN.test(v.norm.source));
  // (an asset of clients' reviews: every sentence may be a client's, read for claims — matchClaims)
  const reviews = reviewAsset(views, products);
  const candidates: Candidate[] = [];
  const analyses: ViewClaims[] = [];
  for (const [i, scan] of scans.entries()) {
    const { found, analysis } = judge(set, scan, products, lifeAsset, answerOpening(answering(views, i)), !!scans[i + 1] && (opensWithYes(scans[i + 1]!.view) || (opensNamingOwn(scans[i + 1]!.view) && ASKS_WHICH.test(scan.view.span.text))), reviews, i > 0 && productTitle(views[i - 1]!));
    if (!(pitchList && drawnList(scan.view))) for (const c of found) if (!named(c)) candidates.push(c); // push(...found) overflows the stack past ~100k
    analyses.push(analysis);
  }
  const fallbacks: Candidate[] = [];
  for (const c of matchClaims(set.concepts, set.claims, analyses, products, reviews)) {
    const rule = set.wordRules[c.pattern.rule]!;
    if ((pitchList && drawnList(c.view)) || named(c)) continue;
    // (a claim of a metaphor, in an asset that names no product, is none: as for word rules in judge)
    if (lifeAsset || lifeSlang(c.view, c.from, c.to) || ((!isProductAsset(products) || metaphor(c.view, c.from, true, true)) && metaphor(c.view, c.from, true))) continue;
    // (a claim's match ends at its last word: the clause up to there, 产品以短期债券和存单)
    if (rule.notAfter && rule.notAfter.test(clauseBefore(c.view, c.to, true))) continue;
    if (rule.notBefore && rule.notBefore.test(clauseAfter(c.view, c.to))) continue;
    if (rule.notInName && inName(c.view.span.text, c.view.norm.start[c.from]!, c.view.norm.end[c.to - 1]!)) continue;
    const spared = exempt(rule, products.types) && !onlyOf(products.types, c.pattern.evenIfOnly);
    // (a pattern that applies even to deposits applies where a deposit is the subject: 不论定期还是理财，都纳入存款保险)
    if (!spared && (c.pattern.evenIfOnly.includes('deposit') || !saidOfDeposit(rule, c.view, c.from, c.to))) (c.pattern.fallback ? fallbacks : candidates).push({ rule, view: c.view, from: c.from, to: c.to });
  }
  // (a fallback reading counts only where nothing else of its rule was found in the sentence: it
  // would only widen the narrower finding's excerpt)
  if (fallbacks.length) {
    const where = (c: Candidate) => `${c.view.index}:${c.rule.index}:${c.view.norm.sentence[c.from]}`;
    const found = new Set(candidates.map(where));
    for (const f of fallbacks) if (!found.has(where(f))) candidates.push(f);
  }
  analysesOf.set(views, analyses);

  const findings: Finding[] = [];
  const hashes = new Map<number, string>();
  const textHash = (view: SpanView) => {
    let h = hashes.get(view.index);
    if (!h) hashes.set(view.index, (h = sha256(view.span.text)));
    return h;
  };

  for (const c of resolve(candidates)) {
    const [from, to] = [c.view.norm.start[c.from]!, c.view.norm.end[c.to - 1]!];
    const original = c.view.span.text.slice(from, to);
    const matched = c.view.norm.text.slice(c.from, c.to);
    const replacement = c.rule.fix.get(matched.toLowerCase());
    const safeFix = replacement !== undefined && original.length === matched.length;
    findings.push(
      finding(c.rule, c.view, from, to, { excerpt: original, waivable: true, textHash: textHash(c.view), ...(safeFix ? { fix: replacement } : {}) }),
    );
  }
  // a claim split over short drawn texts, a word or two each (只赚 ‖ 不赔): the run's words read together
  for (const texts of shortRuns(views)) {
    // (an arrow drawn alone between two texts is a chart's step, read as nothing: 风险 ‖ ⬇️ ‖ 与收益相伴而行)
    const run = texts.filter((v) => !ARROW_ONLY.test(v.span.text));
    if (run.length < 2) continue;
    const pieces = run.map((v) => v.span.text.trim());
    const starts: number[] = [];
    let at = 0;
    for (const p of pieces) {
      starts.push(at);
      at += p.length;
    }
    const first = run[0]!.span;
    const scan = scanSpan(set, run[0]!.index, { field: first.field, file: first.file, text: pieces.join('') });
    for (const c of readTogether(set, scan, products, lifeAsset)) {
      if (lifeSlang(scan.view, c.from, c.to)) continue;
      const [a, b] = [scan.view.norm.start[c.from]!, scan.view.norm.end[c.to - 1]!];
      let k = run.length - 1;
      while (k > 0 && starts[k]! > a) k--;
      if (b <= starts[k]! + pieces[k]!.length) continue; // within one text: its own pass found it
      const view = run[k]!;
      const lead = view.span.text.indexOf(pieces[k]!);
      let m = k;
      while (m + 1 < run.length && starts[m + 1]! < b) m++;
      const excerpt = pieces.slice(k, m + 1).join(' ‖ ');
      findings.push(finding(c.rule, view, lead + a - starts[k]!, lead + pieces[k]!.length, { excerpt, waivable: true, textHash: textHash(view) }));
    }
  }
  // a short drawn head and the drawn text right after it, read as the one phrase a poster makes of them (保本 ‖ ✖ …不再有保本理财;
  // 定投不是 ‖ 稳赚; 刚兑 ‖ 已成历史; 唯一 ‖ 的要求：看清风险等级再买): what the head says alone stands only where the two read
  // together still say it
  const wordRuleIds = new Set(set.wordRules.map((r) => r.id));
  for (let i = 0; i + 1 < views.length; i++) {
    const h = views[i]!;
    const nx = views[i + 1]!;
    const ht = h.span.text.trim();
    const piece = (t: string) => t.length <= SHORT_DRAWN && !/[，。！？!?,；;]/.test(t);
    if (!drawnList(h) || !drawnList(nx) || h.labelled || nx.labelled || !ht || !piece(ht) || nx.span.text.length > 80) continue;
    // (only a pair that turns the head round — a no, a cross, a verdict — and a next text that is no mandated warning)
    // (not one that goes on with a but: 不敢说保本 ‖ 但肯定亏不了多少)
    // (or a head that ends on its no: 定投不是 ‖ 稳赚; or one that goes on with the head's own phrase: 唯一 ‖ 的要求)
    if (!(TURNS_ROUND.test(nx.span.text) || /(不是|并非|并不|不|没有|没|非|≠)$/.test(ht) || /^\s*的/.test(nx.span.text)) || MANDATED.test(nx.span.text) || /^\s*(但|可是|可|不过|然而|只是)/.test(nx.span.text)) continue;
    // (the head's own findings, and the next text's when it is a short piece too: 定投不是 ‖ 稳赚 — not what a run of
    // pieces read together found: 旱 ‖ 涝 ‖ 保收 is read whole above)
    // (each text's findings shifted to where its words stand in the two read together: ht, then nx's whole text)
    const pieces: [SpanView, number][] = [[h, -h.span.text.indexOf(ht)]];
    if (piece(nx.span.text.trim())) pieces.push([nx, ht.length]);
    const own = pieces.flatMap(([v, shift]) => findings.filter((f) => f.textHash === textHash(v) && f.field === v.span.field && wordRuleIds.has(f.ruleId) && !f.excerpt.includes(' ‖ ')).map((f) => [f, shift] as const));
    if (!own.length) continue;
    const scan = scanSpan(set, h.index, { field: h.span.field, file: h.span.file, text: ht + nx.span.text });
    const together = readTogether(set, scan, products, lifeAsset);
    for (const [f, shift] of own) {
      const [a, b] = [f.offset!.from + shift, f.offset!.to + shift];
      if (together.some((c) => c.rule.id === f.ruleId && scan.view.norm.start[c.from]! < b && scan.view.norm.end[c.to - 1]! > a)) continue;
      findings.splice(findings.indexOf(f), 1);
    }
  }
  // a drawn question and the drawn text right after it that answers it (理财跟定期，有啥两样？ ‖ 没啥两样，都是到期拿本拿息;
  // 这只算不算避风港？ ‖ 算！乱的时候就该躲进来): read together, as a question answered in one text is; what the answer
  // claims is reported in the answer
  for (let i = 0; i + 1 < views.length; i++) {
    const q = views[i]!;
    const a = answering(views, i)!;
    const qt = q.span.text.trimEnd();
    if (!drawnList(q) || !drawnList(a) || q.labelled || a.labelled || !/[？?]$/.test(qt) || qt.length > 60 || a.span.text.length > 80 || /[？?]/.test(a.span.text)) continue;
    // (not a quiz's head over its choices, nor a question that offers alternatives: 哪一句是合规说法？ ‖ A. …; 跟风买，还是看清楚再买？ ‖ ✗ …)
    if (/哪|还是|怎么写|怎样写|如何写|该信/.test(qt) || /^[\s\u3000]*([A-Fa-f][.、．:：)）]|[✗✓❌✅×√✔✘①-⑩]|答案)/.test(a.span.text)) continue;
    const text = `${qt}${a.span.text}`;
    const scan = scanSpan(set, a.index, { field: a.span.field, file: a.span.file, text });
    // (what either text already says on its own is reported there)
    const seen = new Set(findings.filter((f) => f.textHash === textHash(q) || f.textHash === textHash(a)).map((f) => f.ruleId));
    for (const c of readTogether(set, scan, products, lifeAsset)) {
      if (seen.has(c.rule.id)) continue;
      seen.add(c.rule.id);
      const to = scan.view.norm.end[c.to - 1]!;
      // (a word of the question, affirmed by the answer, is reported at the answer's opening)
      const end = Math.max(1, Math.min(a.span.text.length, to - qt.length));
      findings.push(finding(c.rule, a, 0, end, { excerpt: `${qt} ‖ ${a.span.text.slice(0, end)}`, waivable: true, textHash: textHash(a) }));
    }
  }
  // a quiz whose answer key picks a choice (问：本金会变少吗？⏎A. 有可能⏎B. 不可能 ‖ 正确答案：B): the question and the
  // chosen answer read together, as the writer's own words, reported at the key
  for (const q of answeredQuizzes(views)) {
    const keyView = views[q.keyView]!;
    const scan = scanSpan(set, keyView.index, { field: keyView.span.field, file: keyView.span.file, text: q.text });
    const seen = new Set<number>();
    // (a quiz is a lesson, which offers no product; what its key asserts of a product is read as said of one:
    // 小U小测验 ‖ 理财到期，本金会不会变少？ ‖ …B. 不会，到期都是本金加收益 ‖ 正确答案：B)
    const asserted = products.types.size ? products : classifyAsset([scan.view], set.concepts);
    for (const c of readTogether(set, scan, asserted, lifeAsset)) {
      if (seen.has(c.rule.index)) continue;
      seen.add(c.rule.index);
      findings.push(finding(c.rule, keyView, q.keyFrom, q.keyTo, { excerpt: `${keyView.span.text.slice(q.keyFrom, q.keyTo)} ‖ ${q.choice}`, waivable: true, textHash: textHash(keyView) }));
    }
  }
  // an acrostic (藏头诗, 藏尾): the characters an asset may hide words in (acrosticHeads) read together,
  // reported from the first of them to the last
  for (const { heads, fewest, hinted } of acrosticHeads(views)) {
    const text = heads.map((h) => h.char).join('');
    const first = views[heads[0]!.view]!;
    // (the heads are a headline the asset hides: about its product, as a drawn title is)
    const scan = scanSpan(set, first.index, { field: 'headline', file: first.span.file, text });
    // (unasked, only a listed term read whole counts: where the heads hold none long enough, the claims
    // are not read at all — most assets' line heads spell nothing, and reading them costs a whole text's analysis)
    if (!hinted && (termRun(scan, () => true)?.width ?? 0) < fewest) continue;
    // (one reading per rule, the widest: 穩賺 inside 穩賺不賠 is the same claim, reported once)
    const widest = new Map<WordRule, [number, number]>();
    for (const c of readTogether(set, scan, products, lifeAsset)) {
      // (where nothing says the characters hide words, only a listed term read whole counts: heads that
      // a pattern or a term with characters between reads — 包 ‖ 眠 ‖ 息 — are as likely chance)
      const whole = hinted ? c : termRun(scan, (t) => t.rule === c.rule.index && t.from >= c.from && t.to <= c.to);
      if (!whole) continue;
      const [a, b] = [scan.view.norm.start[whole.from]!, scan.view.norm.end[whole.to - 1]!];
      // (two heads, where nothing says the heads hide words, are as likely chance: 一⏎安…⏎全… of a poem)
      if (b - a < fewest) continue;
      // (characters one to a line are read with their marks and quotation by singleCharRuns: “稳⏎赚⏎不⏎赔” quoted)
      if (heads.slice(a, b).every((h) => h.alone)) continue;
      const known = widest.get(c.rule);
      if (!known || b - a > known[1] - known[0]) widest.set(c.rule, [a, b]);
    }
    for (const [rule, [a, b]] of widest) {
      const excerpt = text.slice(a, b).split('').join(' ‖ ');
      const at = heads[a]!;
      const end = heads[b - 1]!;
      const atView = views[at.view]!;
      findings.push(finding(rule, atView, at.at, end.view === at.view ? end.at + 1 : atView.span.text.length, { excerpt, waivable: true, textHash: textHash(atView) }));
    }
  }

  // characters written one to a line or one to a drawn text, each alone or after a label (稳⏎赚⏎不⏎赔;
  // 第一块：稳 ‖ 第二块：赚 ‖ 第三块：不 ‖ 第四块：赔——说的就是本周新品): the characters read together, with
  // what follows the last of them on its line
  for (const run of singleCharRuns(views)) {
    const first = views[run[0]!.view]!;
    const last = run[run.length - 1]!;
    const text = run.map((p) => p.char).join('') + last.tail;
    const scan = scanSpan(set, first.index, { field: first.span.field, file: first.span.file, text });
    for (const c of readTogether(set, scan, products, lifeAsset)) {
      // (only what needs two of the characters at least: one character's own claims are its line's)
      if (c.from >= run.length - 1 || c.to < 2 || c.to - c.from < 2) continue;
      const end = Math.min(c.to, run.length);
      const excerpt = run.slice(c.from, end).map((p) => p.char).join(' ‖ ');
      const at = run[c.from]!;
      const atView = views[at.view]!;
      const endPiece = run[end - 1]!;
      const to = endPiece.view === at.view ? endPiece.at + 1 : atView.span.text.length;
      findings.push(finding(c.rule, atView, at.at, to, { excerpt, waivable: true, textHash: textHash(atView) }));
    }
  }

  const more = piiReadings(set, views);
  for (const { rule, detect, pii, secondOpinion } of detects) {
    if (secondOpinion && findings.some((f) => f.severity === 'error' || f.severity === 'warning')) continue;
    // a detector rule exempt for the asset's products, like a word rule (claim-model on a deposit's rate)
    if (exempt(rule, products.types)) continue;
    const hits = pii ? piiHits(rule, detect, views, more, ctx) : detect(views, ctx);
    for (const hit of hits) {
      const view = views[hit.view]!;
      const excerpt = hit.excerpt ?? view.span.text.slice(hit.from, hit.to);
      findings.push(
        finding(rule, view, hit.from, hit.to, { excerpt, waivable: !pii, textHash: textHash(view), ...(hit.data ? { data: hit.data } : {}), ...(hit.fix !== undefined ? { fix: hit.fix } : {}), ...(hit.severity ? { severity: hit.severity } : {}) }),
      );
    }
  }

  return onePerPlace(findings);
}

/** an answer key (答案：B; 正确答案是 B; 答案揭晓：B！; 答案：只有B) */
const ANSWER_KEY = /(?:正确)?答案(?:揭晓|是|为|係)?\s*[:：]?\s*(?:只有|只能是|只能选|就是|选)?\s*([A-F])(?![A-Za-z])/;
/** the word a question asks with, which its answer fills (多少; 哪一类; 哪款; 什么): read only where the question ends on it or soon after */
const WH_WORD = /(多少|几个点|哪一类|哪一种|哪一款|哪一个|哪一只|哪类|哪种|哪款|哪个|哪只|哪家|哪一家|什么|啥)(?=[^，。,；;？?]{0,24}[？?]\s*$)/;
/** a quiz that asks for the wrong choice: what it picks is named as wrong */
const ASKS_FOR_WRONG = /违规|違規|骗|騙|诈|詐|不会(跟|对|同)?(你|您)?(说|講|讲)|唔会(同你)?讲|不能(对|跟|同|和)?(您|你|客户|客戶)?(说|讲|講|写|发)|不可以(说|讲|写|发)|错误|錯誤|错的|不正确|不對|不对|坑|陷阱|假的|不合规|不合規|踩雷|红线|紅線|禁用|不能(出现|用|印|写进|登)|不可以出现|不得出现|不该出现|不应该?出现|不能够出现/;
/** a choice that opens with a bare answer to its question (不会，…; 是的，…) */
const ANSWER_OPENING = /^(不会|会|不是|是的|是|对|不对|没错|能|不能|可以|不可以|没有|有|当然|肯定|一定|差不多|一样)[，,。！!～~\s]/;
/** a text with a quiz's choices in it (A. 有可能⏎B. 不可能) */
const CHOICE_START = /^[ \t\u3000]*[A-F](?:[.、．:：)）]|[ \t\u3000]+(?=[\u4e00-\u9fa5\d]))/m;
/** a choice marked as the right one (B 有可能 ✅; C 103,200元🎉 is not a mark) */
const MARKED_CHOICE = /^[ \t\u3000]*[A-F](?:[.、．:：)）]|[ \t\u3000]+)[^\n]*[✅✔√☑✓]/m;
/** a quiz's choice on its own line (A. 有可能; B、不可能) */
const CHOICE_LINE = /^[ \t\u3000]*([A-F])(?:[.、．:：)）][ \t\u3000]*|[ \t\u3000]+(?=[\u4e00-\u9fa5\d]))(\S[^\n]*)$/gm;

/** a quiz's key (in text keyView, [keyFrom, keyTo)), the choice it picks and the text to read for it */
interface AnsweredQuiz {
  keyView: number;
  keyFrom: number;
  keyTo: number;
  choice: string;
  text: string;
}

/**
 * The quizzes of an asset whose key picks one choice: the text to read is the question before the
 * choices with the chosen one after it where the choice is a bare answer (不可能), or the choice alone
 * where it says something of its own (同心悦享90天是零风险理财); reported at the key.
 */
function answeredQuizzes(views: SpanView[]): AnsweredQuiz[] {
  if (!views.some((v) => v.span.text.includes('答案'))) return [];
  const out: AnsweredQuiz[] = [];
  for (const kv of views) {
    const key = ANSWER_KEY.exec(kv.span.text);
    if (!key) continue;
    for (const v of views) {
      const src = v.span.text;
      if (!CHOICE_START.test(src)) continue;
      CHOICE_LINE.lastIndex = 0;
      let first = -1;
      let chosen: string | undefined;
      for (let m = CHOICE_LINE.exec(src); m; m = CHOICE_LINE.exec(src)) {
        if (first < 0) first = m.index;
        if (m[1] === key[1]) chosen = m[2]!.trim();
      }
      if (chosen === undefined || first < 0) continue;
      // (the question: the last line before the choices that asks, in their text or in a drawn text before it)
      const before = [...views.filter((x) => x.index < v.index && x !== kv && drawnList(x)).map((x) => x.span.text), src.slice(0, first)].join('\n');
      const question = before.split('\n').reverse().find((l) => /[？?]/.test(l))?.replace(/^[ \t\u3000]*(问|問|Q)[:：]\s*/, '') ?? '';
      // (a quiz that asks for the wrong one names it: 下面哪句是违规宣传？; 哪一句正规的理财经理不会跟你说？)
      // (the question only, where it is drawn apart: a title 防骗小测验 asks nothing)
      if (ASKS_FOR_WRONG.test(`${src.slice(0, first)}\n${question}`) || ASKS_FOR_WRONG.test(kv.span.text.slice(0, key.index))) break;
      const bare = chosen.length <= 6 && !/[是为係]/.test(chosen);
      if (bare && !question) continue;
      // (a question that asks what or which takes the choice in its place: 年化收益大约是多少？ ‖ 3.5%左右 reads
      // 年化收益大约是3.5%左右; 金钥匙安盈属于哪一类？ ‖ 一种收益更高的存款)
      const wh = WH_WORD.exec(question);
      if (wh && !/[？?]/.test(chosen)) {
        const filled = `${question.slice(0, wh.index)}${chosen.replace(/(?<![。！!～~\s])[。！!～~\s]+$/, '')}${question.slice(wh.index + wh[0].length)}`.replace(/(?<![？?])[？?]+\s*$/, '');
        out.push({ keyView: kv.index, keyFrom: key.index, keyTo: key.index + key[0].length, choice: chosen, text: `${filled}。` });
        break;
      }
      // (so is a choice that opens with a bare answer: 到期会不会少拿本金？ ‖ 不会，到期都是本金加收益)
      const answers = bare || ANSWER_OPENING.test(chosen);
      out.push({ keyView: kv.index, keyFrom: key.index, keyTo: key.index + key[0].length, choice: chosen, text: answers ? `${question}${chosen}。` : `${chosen}。` });
      break;
    }
  }
  return out;
}

/**
 * What a text made of several drawn pieces (a split phrase, an acrostic's line heads) says: its words
 * and its claims, read as one text of the asset.
 */
function readTogether(set: RuleSet, scan: Scan, products: AssetProducts, lifeAsset: boolean): Candidate[] {
  const { found, analysis } = judge(set, scan, products, lifeAsset);
  if (lifeAsset) return found;
  const out = [...found];
  for (const c of matchClaims(set.concepts, set.claims, [analysis], products, reviewAsset([scan.view], products))) {
    const rule = set.wordRules[c.pattern.rule]!;
    if (c.pattern.fallback || (exempt(rule, products.types) && !onlyOf(products.types, c.pattern.evenIfOnly))) continue;
    out.push({ rule, view: c.view, from: c.from, to: c.to });
  }
  return out;
}

/** a character alone on its line, after any bullet, emoji or short label (稳; 第二块：赚; ② 不) */
const SINGLE_LINE = /^[\s\p{Extended_Pictographic}\uFE0F\u200d·•\-—*①-⑩]*(?:[^\n:：]{1,12}[:：]\s*)?([\u4e00-\u9fa5])(?![\u4e00-\u9fa5A-Za-z0-9])([^\n]*)$/u;
interface SinglePiece {
  view: number;
  /** the character's offset in its text */
  at: number;
  char: string;
  /** what follows it on its line */
  tail: string;
}
/** Runs of two or more lines in a row (within a text or across texts) that each hold one character alone. */
function singleCharRuns(views: SpanView[]): SinglePiece[][] {
  const runs: SinglePiece[][] = [];
  let run: SinglePiece[] = [];
  const flush = () => {
    if (run.length >= 2) runs.push(run);
    run = [];
  };
  for (const [vi, view] of views.entries()) {
    const src = view.span.text;
    let at = 0;
    for (const line of src.split('\n')) {
      const m = SINGLE_LINE.exec(line);
      // (a tail that goes on in words ends the run: 赔——说的就是本周新品 is its last line)
      if (m) {
        run.push({ view: vi, at: at + line.lastIndexOf(m[1]!, line.length - m[2]!.length), char: m[1]!, tail: m[2]! });
        if (/[\u4e00-\u9fa5]/.test(m[2]!)) flush();
      } else flush();
      at += line.length + 1;
    }
  }
  flush();
  return runs;
}

/** words that tell the reader a text hides words in its line heads (藏头诗; 读读每行第一个字; 藏在每行开头) */
const ACROSTIC = /藏头|每一?(行|句)的?(第一个字|第一字|头一个字|首字|开头那个字|开头)|(首字|第一个字|头一个字)连(起来|着)读?|竖着读|竖读|竖着看|(第一个字|头一个字|首字)[^。！？\n]{0,6}(连起来|串起来|读一读|读读)/;
/** words that tell the reader the words hide in the lines' last characters (藏尾; 看每句最后一个字) */
const ACROSTIC_TAIL = /藏尾|每一?(行|句)的?(最后一个字|最后一字|末字|尾字|结尾)|(尾字|最后一个字|末字)连(起来|着)读?/;
/** words that name a column to read down (每行第二个字; 第二列竖着看) */
const ACROSTIC_COLUMN = /每一?(行|句)的?第([二三四五六2-6])个?字|第([二三四五六2-6])列/;
/** a line of verse: five to nine characters, with its punctuation and emoji (保得春风暖万家，) */
const VERSE_LINE = /^[\s\p{Extended_Pictographic}\uFE0F\u200d]*([\u4e00-\u9fa5]{5,9})[，。！？、；,.!?;～~\s\p{Extended_Pictographic}\uFE0F\u200d]*$/u;
/** the fewest lines of verse in a row that read as a poem whose heads may hide words */
const POEM_LINES = 4;
/** a line's head: its first character after any bullet, number, emoji or opening mark (1. 保持…; 👉 稳…; U盘…) */
const HIDDEN_HEAD = /^[\s\p{Extended_Pictographic}\uFE0F\u200d·•\-—*#【\[（(「『“"‘]*(?:(?:\d{1,2}|[一二三四五六七八九十])\s*[.、．)）:：]\s*|[①-⑳]\s*)?([\u4e00-\u9fa5A-Za-z])/u;
/** a line's tail: its last character before any closing mark or emoji (…全无。 → 无) */
const LINE_TAIL = /([\u4e00-\u9fa5])[^\u4e00-\u9fa5A-Za-z0-9]*$/u;
/** a character marked alone (【包】饺子…【赚】钱…) */
const MARKED_CHAR = /[【〖\[]([\u4e00-\u9fa5])[】〗\]]/g;
interface Head {
  view: number;
  at: number;
  char: string;
  /** the only Chinese character of its line (what singleCharRuns reads, with its quotation marks) */
  alone?: boolean;
}
/**
 * The widest run of listed terms read whole that `keep` keeps, each touching the next (保本 ‖ 保息 of 保本保息), measured
 * in the characters of the text as written (w ‖ e ‖ n ‖ z ‖ h ‖ u ‖ a ‖ n, read as 稳赚, is eight), and how wide it is.
 */
function termRun(scan: Scan, keep: (t: Scan['terms'][number]) => boolean): { from: number; to: number; width: number } | undefined {
  const { start, end } = scan.view.norm;
  const terms = scan.terms.filter((t) => t.exact && keep(t)).sort((a, b) => a.from - b.from);
  let best: { from: number; to: number; width: number } | undefined;
  let from = -1;
  let to = -1;
  for (const t of terms) {
    if (t.from > to) from = t.from;
    to = Math.max(to, t.to);
    const width = end[to - 1]! - start[from]!;
    if (!best || width > best.width) best = { from, to, width };
  }
  return best;
}
/** One reading of characters taken from many lines, and the fewest of them a claim must span to count. */
interface HiddenReading {
  heads: Head[];
  fewest: number;
  /** a text tells the reader to read these characters together */
  hinted: boolean;
}
/**
 * The characters an asset may hide words in, read together in order across its texts: every line's
 * first character, every sentence's, every text's, and every line's last character. Unasked, a reading
 * counts a listed term read whole over three line or text heads at least (零 ‖ 风 ‖ 险), four sentence
 * heads or line ends; where a text tells the reader to read them (读读每行第一个字; 看每句最后一个字),
 * any claim over two. That text may also name a column (每行第二个字); the characters marked alone
 * (【包】…【赚】…【不】…【亏】) and a poem's heads (POEM_LINES lines of verse) are read as asked.
 */
function acrosticHeads(views: SpanView[]): HiddenReading[] {
  const said = views.map((v) => simpleSource(v.norm)).join('\n');
  const headHint = ACROSTIC.test(said);
  const tailHint = ACROSTIC_TAIL.test(said);
  const column = ACROSTIC_COLUMN.exec(said);
  const nth = column ? '123456'.indexOf(pieceDigits(column[2] ?? column[3]!)) : -1;
  const lineHeads: Head[] = [];
  const poems: Head[][] = [];
  let poem: Head[] = [];
  const endPoem = () => {
    if (poem.length >= POEM_LINES) poems.push(poem);
    poem = [];
  };
  const sentenceHeads: Head[] = [];
  const textHeads: Head[] = [];
  const tails: Head[] = [];
  const columnChars: Head[] = [];
  const marked: Head[] = [];
  for (const [vi, view] of views.entries()) {
    const src = view.span.text;
    let at = 0;
    let headed = false;
    for (const line of src.split('\n')) {
      const head = HIDDEN_HEAD.exec(line);
      const alone = line.replace(/[^\u4e00-\u9fa5]/g, '').length === 1;
      if (head && VERSE_LINE.test(line)) poem.push({ view: vi, at: at + head[0].length - 1, char: head[1]! });
      else endPoem();
      if (head) {
        const h = { view: vi, at: at + head[0].length - 1, char: head[1]!, alone };
        lineHeads.push(h);
        if (!headed) textHeads.push(h);
        headed = true;
        if (nth > 0) {
          const c = line.slice(head[0].length - 1).replace(/[^\u4e00-\u9fa5]/g, '')[nth];
          if (c) columnChars.push({ view: vi, at: at + line.indexOf(c, head[0].length), char: c });
        }
      }
      const tail = LINE_TAIL.exec(line);
      if (tail) tails.push({ view: vi, at: at + tail.index, char: tail[1]!, alone });
      let from = 0;
      for (const sentence of line.split(/(?<=[。！？!?；;])/)) {
        const s = HIDDEN_HEAD.exec(sentence);
        if (s) sentenceHeads.push({ view: vi, at: at + from + s[0].length - 1, char: s[1]!, alone });
        from += sentence.length;
      }
      at += line.length + 1;
    }
    endPoem();
    for (const m of src.matchAll(MARKED_CHAR)) marked.push({ view: vi, at: m.index! + 1, char: m[1]! });
  }
  const out: HiddenReading[] = [
    { heads: lineHeads, fewest: headHint ? 2 : 3, hinted: headHint },
    // (sentences and line ends are many more than lines, and end on common words: unasked, four at least)
    { heads: sentenceHeads, fewest: headHint ? 2 : 4, hinted: headHint },
    { heads: tails, fewest: tailHint ? 2 : 4, hinted: tailHint },
    { heads: columnChars, fewest: 2, hinted: true },
    { heads: marked, fewest: 2, hinted: true },
  ];
  if (views.length >= 3) out.push({ heads: textHeads, fewest: 3, hinted: false });
  // (a poem's heads are read as a hinted reading is: a poem is written to be read so)
  for (const p of poems) out.push({ heads: p, fewest: 3, hinted: true });
  return [...out.filter((r) => r.heads.length >= 3), ...reversedWords(views)];
}
/** a text telling the reader to read what follows backwards (倒着读：本保; 倒过来念就是答案：赔不赚稳) */
const REVERSED = /(倒着|倒过来|反着|反过来|从后往前|从右往左)(读|念|说|看|写)/g;
/** what ends the words read backwards: a sentence's or a clause's mark, a closing quote */
const REVERSED_END = /[。！？!?\n，,”」』]/;
const HAN = /[\u4e00-\u9fa5]/;
/**
 * The characters after such a cue and its colon or opening quote (a few characters on, no comma between), up
 * to the sentence's end, read in reverse: 倒着读：底兜府政 reads 政府兜底. A reading only where the text
 * asks for it, so any claim over two of them counts.
 */
function reversedWords(views: SpanView[]): HiddenReading[] {
  const out: HiddenReading[] = [];
  for (const [vi, view] of views.entries()) {
    const src = view.span.text;
    for (const m of src.matchAll(REVERSED)) {
      const cue = /^[^。！？!?\n，,、；;]{0,8}?[:：“「『]/.exec(src.slice(m.index! + m[0].length, m.index! + m[0].length + 12));
      if (!cue) continue;
      const heads: Head[] = [];
      const from = m.index! + m[0].length + cue[0].length;
      for (let i = from; i < src.length && i < from + 24 && heads.length < 8; i++) {
        const ch = src[i]!;
        if (REVERSED_END.test(ch)) break;
        if (HAN.test(ch)) heads.push({ view: vi, at: i, char: ch });
      }
      if (heads.length >= 2) out.push({ heads: heads.reverse(), fewest: 2, hinted: true });
    }
  }
  return out;
}
/** the most characters a drawn text may have to be read with its neighbours as one phrase (只赚 ‖ 不赔) */
const SHORT_DRAWN = 8;
/** a figure drawn alone (3.35%, +8%), and the most characters of the label drawn before it */
const FIGURE_ALONE = /^[+＋-]?\d+(\.\d+)?\s*[%％]$/;
const LABEL_DRAWN = 10;
/**
 * Runs of two or more neighbouring drawn texts of one to SHORT_DRAWN characters each, none labelled or
 * an item of a list of words not to be written: the pieces of one phrase split over an image's texts.
 */
function shortRuns(views: SpanView[]): SpanView[][] {
  const runs: SpanView[][] = [];
  let run: SpanView[] = [];
  const flush = () => {
    if (run.length >= 2) runs.push(run);
    run = [];
  };
  // (a figure alone and the short label drawn just before it are one phrase too: 业绩比较基准 ‖ 3.35%)
  const figure = (v: SpanView | undefined) => !!v && FIGURE_ALONE.test(v.span.text.trim());
  for (const [i, v] of views.entries()) {
    const t = v.span.text.trim();
    const n = t.length;
    // (a drawn text with a mark inside it is a whole utterance, not a piece of a phrase: 抵扣≠收益 ‖ 稳赚？不存在的;
    // one that ends on a full stop or a bang ends its phrase: 缴了！)
    // (and so is a clause of a mandated warning: 理财非存款 ‖ 投资须谨慎 ‖ 产品有风险 on a couplet's lines)
    const whole = /[，。！？!?,；;≠＝=]/.test(t.slice(0, -1)) || MANDATED.test(t);
    const piece = !whole && ((n >= 1 && n <= SHORT_DRAWN) || figure(v) || (n <= LABEL_DRAWN && figure(views[i + 1]) && drawnList(views[i + 1]!)));
    if (drawnList(v) && piece && !v.labelled && !v.itemsNamed) {
      run.push(v);
      if (/[。！？!?]$/.test(t)) flush();
    } else flush();
  }
  flush();
  return runs;
}

/** The other readings of an asset's texts the client-detail detectors look at (made once per asset). */
interface PiiReadings {
  joined?: ReturnType<typeof acrossFields>;
  /** the texts as typed, before the pinyin reader: made only when it rewrote Latin letters */
  typed?: SpanView[];
  /** the texts with Chinese numerals read aloud after a letter or a digit written as digits, one for one (川A幺两洞拐八 → 川A12078; E幺两三四…): made only where there are such */
  spoken?: SpanView[];
  /** the asset's digits in order, as the number the post says they spell (assembledDigits) */
  assembled?: ReturnType<typeof assembledDigits>;
}
/** the numerals a digit is said by, aloud too (幺 1, 两 2, 洞 0, 拐 7, 勾 9) */
const SPOKEN_NUMERALS = '〇零洞一幺二两三四五六七拐八九勾';
/** Chinese numerals run on after a Latin letter or a digit: each one digit (pieceDigits) */
const SPOKEN_RUN = new RegExp(`(?<=[A-Za-z0-9])[${SPOKEN_NUMERALS}]{2,}`, 'g');
/** a plate read out, its characters apart (浙A 八 K 三 二 七; 川A，幺洞两，D九): after a province and its letter, numerals, digits and single letters with spaces or commas between */
const SPOKEN_PLATE = new RegExp(`(?<=[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼滬雲遼魯蘇贛晉陝閩貴粵寧瓊][A-Za-z])(?:[ \\t，,、]{1,2}|[${SPOKEN_NUMERALS}0-9]|[A-Za-z](?![A-Za-z])){5,16}`, 'g');
/** an email read out: its @ said (艾特, 小老鼠, 圈a, at) and its domain's dot (点 com) */
const SPOKEN_EMAIL = /(艾特|小老鼠|圈[aA]|(?<![A-Za-z])at(?![A-Za-z])|[@＠])[^。！？\n]{0,24}(点|點|dot|[.。．])\s*(com|cn|net|org)/;
/** a passport's or a travel permit's number read out after its letter (护照号：E，七三九二，零四六幺) */
const PASSPORT_CUE = /护照|護照|通行证|通行證|台胞证|台胞證|回乡证|回鄉證|passport/i;
/** a permit's number said in numerals after its name, no letter before it (台胞证号零九二三七一五八) */
const SPOKEN_PERMIT = new RegExp(`(?<=(台胞证|台胞證|回乡证|回鄉證)号?码?[：:\\s]{0,2})[${SPOKEN_NUMERALS}]{6,12}`, 'g');
const SPOKEN_DOCUMENT = new RegExp(`(?<=(?<![A-Za-z])[A-Za-z])(?:[ \\t，,、]{1,2}|[${SPOKEN_NUMERALS}0-9]){6,24}`, 'g');
/** numerals said one by one (一六三; 二零零三) */
const NUMERAL_RUN = new RegExp(`[${SPOKEN_NUMERALS}]{2,}`, 'g');
const NUMERAL = new RegExp(`[${SPOKEN_NUMERALS}]`, 'g');
/** a run read out character by character, one for one: its commas read as spaces, each numeral as its digit */
const spelledOut = (run: string) => run.replace(/[，,、]/g, ' ').replace(NUMERAL, pieceDigits);
/**
 * A text as it reads when digits are said aloud, one character for one: numerals run on after a
 * letter or a digit (SPOKEN_RUN), a plate read out with its characters apart (its commas read as
 * spaces), and in a text that reads out an email, every run of numerals and the @'s nicknames
 * (小老鼠 → 艾特, 圈a → 艾特) — 客户念邮箱：zhang wei 八八 小老鼠 一六三 点 com — and in a text about a passport, the
 * numerals after a letter (护照号：E，七三九二，零四六幺), and a permit's numerals after its name (台胞证号零九二三七一五八).
 */
function spokenReading(text: string): string {
  let out = text.replace(SPOKEN_RUN, pieceDigits).replace(SPOKEN_PLATE, spelledOut);
  if (SPOKEN_EMAIL.test(out)) out = out.replace(/小老鼠/g, '艾特 ').replace(/圈[aA]/g, '艾特').replace(NUMERAL_RUN, pieceDigits);
  if (PASSPORT_CUE.test(out)) out = out.replace(SPOKEN_DOCUMENT, spelledOut).replace(SPOKEN_PERMIT, pieceDigits);
  return out;
}
function piiReadings(set: RuleSet, views: SpanView[]): PiiReadings {
  const joined = acrossFields(set, views);
  // (the pinyin reader rewrites text before any detector reads it: a fold that swallows part of a
  // detail hides it — 回信已发至 xu.hf… read as 积蓄 — so the numbers, addresses and plates are also
  // read in the text as typed; names are not, where pinyin words would look like pinyin names)
  const typed = views.some((v) => v.norm.via.includes(VIA_PINYIN)) ? views.map((v) => scanSpan(set, v.index, v.span, true, true).view) : undefined;
  const spokenTexts = views.map((v) => spokenReading(v.span.text));
  const spoken = spokenTexts.some((t, i) => t !== views[i]!.span.text) ? views.map((v, i) => scanSpan(set, v.index, { ...v.span, text: spokenTexts[i]! }, true, true).view) : undefined;
  const assembled = assembledDigits(set, views);
  return { ...(joined ? { joined } : {}), ...(typed ? { typed } : {}), ...(spoken ? { spoken } : {}), ...(assembled ? { assembled } : {}) };
}

/** a post that says its figures, read together, are someone's number (三个数连起来就是他的手机号; 这串其实是她的身份证号) */
// (not a denial: 这串编号…这是活动代码，不是任何人的证件号)
const ASSEMBLE_CUE = /(连起来|拼起来|串起来|合起来|连在一起|接起来|按顺序|依次|连着)(?:(?!不是|并非|唔系|不系)[^。！？\n]){0,16}(就是|即是|即系|就系|系|是|拨|打)|(这串|这组|这几个数|这些数字|呢串|呢组|三笔|几笔)(?:(?!不是|并非|唔系|不系)[^。！？\n]){0,24}(就是|其实是|其实系|即系|系|是)(?:(?!不是|并非|唔系|不系|任何人)[^。！？\n]){0,16}(手机|电话|号码|身份证|证件号|卡号)|(其实|实际上|其实即)(是|系|即系|就是)(?:(?!不是|并非|唔系|不系|任何人)[^。！？\n]){0,16}(手机|电话|号码|身份证|证件号|卡号)/;
/**
 * The digits of an asset that says its figures spell a number (a price, a score, a countdown, a
 * date that 连起来就是他的手机号), read as that number: one text of the label the post names and every
 * digit of the asset in order, and what maps a detector's hits on it back to the first digit's text.
 * Undefined when no text of the asset says so (the common case: no further pass).
 */
function assembledDigits(set: RuleSet, views: SpanView[]): { view: SpanView; at: { view: number; from: number }[]; label: number } | undefined {
  let cue: RegExpExecArray | null = null;
  for (const v of views) if ((cue = ASSEMBLE_CUE.exec(v.span.text))) break;
  if (!cue) return undefined;
  const what = cue[0];
  const label = /身份证|证件/.test(what) ? '身份证号：' : /卡号/.test(what) ? '卡号：' : '手机号：';
  let digits = '';
  const at: { view: number; from: number }[] = [];
  for (const v of views) {
    const src = v.span.text;
    for (let i = 0; i < src.length && digits.length < 64; i++) {
      const c = src[i]!;
      const d = c >= '0' && c <= '9' ? c : c >= '０' && c <= '９' ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : (c === 'X' || c === 'x' || c === '×') && digits.length >= 14 ? 'X' : '';
      if (!d) continue;
      digits += d;
      at.push({ view: v.index, from: i });
    }
  }
  if (digits.length < 11) return undefined;
  const first = views[0]!.span;
  return { view: scanSpan(set, 0, { field: first.field, file: first.file, text: label + digits }, true).view, at, label: label.length };
}
/**
 * a client-detail detector's hits in each text, across the asset's texts, and in the texts as typed
 * (a place found twice is reported once: onePerPlace keeps the first)
 */
function piiHits(rule: RuleMeta, detect: Detect, views: SpanView[], more: PiiReadings, ctx: LintContext): DetectorHit[] {
  const hits = detect(views, ctx);
  if (more.joined) for (const h of more.joined.crossing(detect(more.joined.views, ctx))) hits.push(h);
  if (more.typed && rule.id !== 'pii-person') for (const h of detect(more.typed, ctx)) hits.push(h);
  if (more.spoken && rule.id !== 'pii-person') for (const h of detect(more.spoken, ctx)) hits.push(h);
  // (found in the assembled digits: reported at the first digit it covers, in that digit's text)
  if (more.assembled && rule.id !== 'pii-person') {
    const { at, label } = more.assembled;
    for (const h of detect([more.assembled.view], ctx)) {
      const k = h.from - label;
      if (k < 0 || k >= at.length) continue;
      const { fix: _fix, ...hit } = h;
      const start = at[k]!;
      const end = at[Math.min(at.length, h.to - label) - 1]!;
      hits.push({ ...hit, view: start.view, from: start.from, to: end.view === start.view ? end.from + 1 : views[start.view]!.span.text.length });
    }
  }
  return hits;
}

/** the end of a text and the start of the next that could be two pieces of one detail (川A ‖ 后五位是88C57) */
const PIECE_END = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ〇零一二三四五六七八九幺壹贰叁肆伍陆柒捌玖][^0-9A-Za-z０-９Ａ-Ｚａ-ｚ]{0,3}$/;
const PIECE_START = /^[^\n]{0,16}?[0-9０-９〇零一二三四五六七八九幺壹贰叁肆伍陆柒捌玖]/;

/**
 * A client's detail split over the texts of one asset — the province and letter of a plate in the
 * body, its serial in the caption; the first digits of a phone in the title, the rest in the body —
 * is read in the asset's texts joined by line breaks, as a reader reads the post. Returns the joined
 * view and what maps a detector's hits on it back: only hits that cross from one text into the next
 * (the others each text's own pass finds), located in the text where they start. Undefined when no
 * two neighbouring texts meet in a piece of a number (the common case: no second pass). (Digits that
 * meet exactly at the edge are also read by pii-numbers' acrossTexts, which marks both parts.)
 */
function acrossFields(set: RuleSet, views: SpanView[]): { views: SpanView[]; crossing(hits: DetectorHit[]): DetectorHit[] } | undefined {
  if (views.length < 2) return undefined;
  const ends = views.map((v) => PIECE_END.test(v.span.text.trimEnd()));
  const begins = views.map((v) => PIECE_START.test(v.span.text.trimStart()));
  let meet = false;
  for (let i = 0; i + 1 < views.length && !meet; i++) meet = ends[i]! && begins[i + 1]!;
  // (the rest of a number may come texts later, past a text between: 手机号 158 ‖ 一副老花镜… ‖ 后面是 6027 1945 —
  // read as a second joined view with that text moved up beside the piece it continues)
  const orders: number[][] = [];
  if (meet) orders.push(views.map((_, i) => i));
  for (let i = 0; i + 2 < views.length; i++) {
    if (!ends[i] || !DIGITS_END.test(views[i]!.span.text.trimEnd())) continue;
    for (let j = i + 2; j < views.length; j++) {
      if (!DIGITS_START.test(views[j]!.span.text.trimStart())) continue;
      orders.push([...views.keys()].filter((k) => k !== j).flatMap((k) => (k === i ? [i, j] : [k])));
      break;
    }
  }
  if (!orders.length) return undefined;
  const first = views[0]!.span;
  // (the tiles of a grid that each hold a few digits are read in a row, as one line: 15 ‖ 9 ‖ 88 ‖ 0 ‖ …)
  const tile = (v: SpanView | undefined) => !!v && /^\s*[0-9０-９]{1,4}\s*$/.test(v.span.text);
  const joins = orders.map((order, n) => {
    const starts: number[] = [];
    let at = 0;
    for (const k of order) {
      starts.push(at);
      at += views[k]!.span.text.length + 1;
    }
    const text = order.map((k, i) => (i === 0 ? '' : tile(views[order[i - 1]!]) && tile(views[k]) ? ' ' : '\n') + views[k]!.span.text).join('');
    return { order, starts, view: scanSpan(set, n, { field: first.field, file: first.file, text }, true).view };
  });
  return {
    views: joins.map((j) => j.view),
    crossing: (hits) => {
      const out: DetectorHit[] = [];
      for (const h of hits) {
        const { order, starts } = joins[h.view]!;
        let p = order.length - 1;
        while (p > 0 && starts[p]! > h.from) p--;
        const k = order[p]!;
        const len = views[k]!.span.text.length;
        if (h.to <= starts[p]! + len) continue;
        // (no fix: the mask stands for characters of two texts)
        const { fix: _fix, ...hit } = h;
        out.push({ ...hit, view: k, from: h.from - starts[p]!, to: len });
      }
      return out;
    },
  };
}
/** a text that ends in Arabic digits, and one whose first digits come within a few words (后面是 6027 1945) */
const DIGITS_END = /[0-9０-９][^0-9A-Za-z０-９]{0,3}$/;
const DIGITS_START = /^[^\n0-9０-９]{0,8}[0-9０-９]/;

/**
 * Only the client-detail (PII) findings of lintSpans, the same ones, without judging word rules and
 * claims (the PII detectors read neither): what masking a file name or a message needs.
 */
export function piiFindings(spans: TextSpan[], ctx: LintContext, rules?: RuleSet): Finding[] {
  const { set, detects } = engine(rules);
  // the PII detectors read the normalised text and the safe ranges only: no word-rule terms,
  // patterns or product sentences are gathered for them
  const views = spans.map((span, index) => scanSpan(set, index, span, true).view);
  const findings: Finding[] = [];
  const hashes = new Map<number, string>();
  const more = piiReadings(set, views);
  for (const { rule, detect, pii } of detects) {
    if (!pii) continue;
    const hits = piiHits(rule, detect, views, more, ctx);
    for (const hit of hits) {
      const view = views[hit.view]!;
      let textHash = hashes.get(view.index);
      if (!textHash) hashes.set(view.index, (textHash = sha256(view.span.text)));
      const excerpt = hit.excerpt ?? view.span.text.slice(hit.from, hit.to);
      findings.push(
        finding(rule, view, hit.from, hit.to, { excerpt, waivable: false, textHash, ...(hit.data ? { data: hit.data } : {}), ...(hit.fix !== undefined ? { fix: hit.fix } : {}), ...(hit.severity ? { severity: hit.severity } : {}) }),
      );
    }
  }
  return onePerPlace(findings);
}

/**
 * Each finding once (a rule at one place of one field), in file order: what every caller that
 * re-locates findings (decoded spans mapped back to the file) applies again after moving them.
 */
export function onePerPlace<F extends Finding>(findings: F[]): F[] {
  const seen = new Set<string>();
  return findings
    .filter((f) => {
      const key = `${f.ruleId}\u0000${f.file}\u0000${f.field}\u0000${f.line}:${f.column}-${f.endLine}:${f.endColumn}\u0000${f.offset?.from}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(
      (a, b) =>
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
        a.line - b.line ||
        a.column - b.column ||
        (a.field < b.field ? -1 : a.field > b.field ? 1 : 0) ||
        (a.offset?.from ?? 0) - (b.offset?.from ?? 0) ||
        (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
    );
}

/**
 * what follows products that a scheme does not cover (…都不在保障范围内; …不受存款保险保护), or that
 * something has nothing to do with (抽奖…和开户、存款、理财统统无关)
 */
const NOT_COVERED = /^[^。，]{0,12}(都|均|也)?(不在|不属于|不受)[^。，]{0,6}(保障|保护|赔付|承保)|^[^。，]{0,4}(统统|全都|都|均|全|一概|完全|毫)?(无关|没关系|没有关系|没有任何关系|无任何关系|不挂钩|不挂勾|唔关事|冇关系)/;
/** the rest of the clause after normalised `to` (across a list's 、) says what does not cover it */
function notCovered(norm: SpanView['norm'], to: number): boolean {
  let b = to;
  let u = norm.clause[to - 1];
  while (b < norm.text.length && b - to < 24) {
    if (norm.clause[b] !== u) {
      if (!enumeration(norm, b)) break;
      u = norm.clause[b];
    }
    b++;
  }
  return NOT_COVERED.test(norm.text.slice(to, b));
}

/**
 * The sentence at `at` says something is an investment (健身是回报最稳的投资; 读书是最划算的投资; 最稳嘅投资，系投资自己), or
 * speaks of a part of life in an investment's words (身体是一笔只赚不赔的投资; 陪家人吃饭这种投入，
 * 稳赚，回报是一辈子的). Asked only of assets that name no product; `life`: only the latter (这是
 * 央妈亲儿子级别的理财 calls a product a product).
 */
const METAPHOR = /(是|就是|才是|算是|堪称|系|就系|先系)[^，。,！？!?]{0,12}(投资|理财|回报|买卖|存款|收益|财富|手艺|功夫|本事|生意)(?![\u4e00-\u9fa5])|(投资|回报|买卖)[^。！？!?]{0,3}[，,]?\s*(就是|是|才是|莫过于|系|就系|先系)(?![^。！？!?]{0,14}(这款|这只|这期|理财|基金|产品|存款|存单|保险))/;
const LIFE = '((书法|摄影|绘画|国画|合唱|舞蹈|手机|英语|老年大学)班|临帖|画画|弹琴|果树|种菜|腿脚|心静|看牙|牙医|领养|养猫|养狗|猫咪|毛孩子|毛团|笑声|两个娃|防暑|中暑|避暑|学过的|投资自己|投在自己|一门课|一本书|跑鞋|读过的书|本领|保养|孝顺|供[^，。！？!?]{0,6}上了?大学|种树|植树|种了[^，。！？!?]{0,6}树|读了[^，。！？!?]{0,3}本书|爬了?[^，。！？!?]{0,3}座山|登山|绿萝|盆栽|一盆|看展|逛展|观展|看画展|逛博物馆|手作|练书法|学书法|旅行|旅游|出去走走|看世界|看过的风景|跑了[^，。！？!?]{0,4}步|跑[^，。！？!?]{0,3}(公里|km|KM|Km|K)|体检|晨练|骑车|绿道|出一身汗|好觉|读书[^，。！？!?]{0,2}\\d+本|头盔|家人身上|陪母亲|陪父亲|身体|健康|蛋挞|烤一盘|邻居|邻里|回家吃饭|回家吃顿饭|吃顿饭|陪他们|陪妈妈|陪阿妈|陪老妈|陪爸爸|陪老爸|陪阿爸|陪爷爷|陪奶奶|陪外婆|陪外公|陪屋企人|早茶|团年饭|年夜饭|划龙舟|龙舟|早睡早起|睡够|陪娃|陪老人|陪伴家人|陪伴|陪家人|陪孩子|陪爸妈|陪父母|读书|读绘本|绘本|阅读|看书|陪读|亲子|晨跑|夜跑|打卡|爬山|登山|汗水|流的汗|散步|骑行|游泳|瑜伽|太极|学习|运动|跑步|健身|锻炼|睡眠|早睡|亲情|友情|爱情|感情|知识|技能|习惯|好心情|笑容|笑脸|善意|蛋糕|烘焙|做饭|下厨|厨艺|厨房|做菜|一顿饭|这顿饭|一桌菜|一桌饭|饭菜|手艺|种花|养花|钓鱼|照片|相片|毕业照|回忆|青春|早起|晚睡|苦读|寒窗|练桨|划船|龙舟|训练|练琴|练字|包饺子|饺子|兴趣班|冰箱|电费)';
// (跑步是我这辈子最不会亏的一件事，身体才是最大的本钱)
const LIFE_WORTH = '(保险|投资|最好的[“"「]?理财|投入|回报|买卖|生意|利息|这笔账|收益|本钱|本金|保本|保息|资产|只涨不跌|越看越值钱|不会亏|不亏|稳赚|只赚不赔|没有不赚|年化|预计年化)';
// (or says outright that the word is a figure of speech: 这个“回报率”只用来形容蛋糕)
/** a title in an investment's words that names no product (回报最稳的投资), and a part of life */
const LIFE_TITLE = new RegExp(LIFE_WORTH);
const LIFE_WORD = new RegExp(LIFE);
/**
 * A drawn title in an investment's words, naming no product, that the text after it completes with a part of life (回报最稳
 * 的投资 ‖ 是每天早上跑5公里) or a short head before it names one (健身 ‖ 回报最稳的投资): the poster is a metaphor
 */
function lifeTitle(v: SpanView, before: SpanView | undefined, after: SpanView | undefined): boolean {
  const src = v.norm.source;
  if (!HEADLINE.test(v.span.field) || !LIFE_TITLE.test(src) || MANDATED.test(src) || /产品|这款|本款|理财|基金|保险|存款/.test(src)) return false;
  if (after && /^\s*(是|就是|才是|系|就系)/.test(after.norm.source) && LIFE_WORD.test(after.norm.source)) return true;
  return !!before && before.norm.source.trim().length <= 8 && LIFE_WORD.test(before.norm.source);
}
const LIFE_METAPHOR = new RegExp(`${LIFE}[^。！？!?]{0,20}${LIFE_WORTH}|${LIFE_WORTH}[^。！？!?]{0,20}${LIFE}|${LIFE_WORTH}[^。！？!?]{0,8}(只|仅|只是|仅仅)(用来|拿来)?(形容|比喻|打比方|开玩笑)`);
// (the closing mark may lie past the sentence's last character: only the opening one is read)
/** the writer saying the metaphor is not about money (不过这句话只说身体，不说钱) */
const NOT_ABOUT_MONEY = /只说身体|说的是身体|不说钱|不是说钱|说的不是钱|跟钱无关|和钱无关|与钱无关|不谈钱|不关钱的事|唔关钱事/;
/** a product of the writer's own pointed at, bought or paying (这款; 这只持有满一年; 本产品; 买了一个月; 收益; 3.3%) */
const OWN_PRODUCT = /这款|这只|这支|那款|那只|这个产品|这份产品|呢只|呢款|本产品|该产品|这期|本期|新一期|这一期|持有满|起购|起投|认购|申购|买了|收益|年化|利率|利息|[0-9]%/;
/** something of the bank's own said to be the same as what the metaphor praised (我们的同心稳盈也一样; 就像这款…一样) */
const LIKENED_OWN = /(我们|我們|我行|本行|咱们|咱們|咱行)(的|家的|嘅|行的)?[「“『]?[\u4e00-\u9fa5A-Za-z0-9]{2,10}[」”』]?[^，。！？!?\n]{0,4}(也一样|也一樣|也是一样|也是這樣|也是这样|也是这个道理|也是這個道理|同样如此|一个道理|一個道理|一样稳|一樣穩)|(就像|就好像|好比|如同|跟|和|同)(这款|這款|这只|這隻|这支|呢只|本产品|这个产品|这期)[^，。！？!?\n]{0,8}(一样|一樣|一个样|似的)/;
const QUOTED_LIFE = new RegExp(`${LIFE}[^。！？!?]{0,20}[“「『"'](投资|投入|回报|本钱|理财|收益|资产|保险|存款|储蓄)|[“「『"'](投资|投入|回报|本钱|理财|收益|资产|保险|存款|储蓄)[”」』"'][^。！？!?]{0,20}${LIFE}`);
/** per view and sentence: [METAPHOR, LIFE_METAPHOR, QUOTED_LIFE] (a sentence of thousands of terms is read once) */
const metaphors = new Attached<SpanView, Map<number, [boolean, boolean, boolean]>>('metaphors');
// (`quoted`: only a part of life called an investment in scare quotes — 每天早起这件事，是回报最稳的一笔“投资”;
// 汗水这笔「投资」，回报最实在 — which stays a metaphor even in a post that names a product)
function metaphor(view: SpanView, at: number, life = false, quoted = false): boolean {
  const { norm } = view;
  const s = norm.sentence[at]!;
  let bySentence = metaphors.get(view);
  if (!bySentence) metaphors.set(view, (bySentence = new Map()));
  let m = bySentence.get(s);
  if (!m) {
    let a = at;
    while (a > 0 && norm.sentence[a - 1] === s) a--;
    let b = at;
    while (b < norm.text.length && norm.sentence[b] === s) b++;
    // (read as simplified: 划龍舟八年，我覺得最穩嘅回報，就係身邊呢班老隊友)
    const sentence = simpleSource(norm).slice(norm.start[a]!, norm.end[b - 1]!);
    bySentence.set(s, (m = [METAPHOR.test(sentence), LIFE_METAPHOR.test(sentence), QUOTED_LIFE.test(sentence)]));
  }
  return quoted ? m[2] : life ? m[1] : m[0] || m[1];
}

/** a drawn text that is one quotation and nothing else (“只要是银行卖的，就有监管机构担着，不会出事。”) */
const QUOTED_WHOLE = /^[\s\u3000]*[“「『"][^”」』"\n]{2,80}[”」』"][\s\u3000]*$/;
/** a text that opens by calling what was drawn before it false (这句话不对; 不对哦; 这种算法不成立; ❌ 假的！; 这三个词凑在一起，基本就是骗局) */
const REFUTES = /^[\s\u3000\p{Extended_Pictographic}\uFE0F]*(?:❌|✗|×)?\s*(?:(?:虽然|虽说|尽管)[^，。\n]{0,12}[，,]\s*(?:但是?|可是?|不过)?\s*)?(?:这句话|这话|这种说法|这种算法|这个说法|这张图|这是|这(?:[两三四五六七八九]|几)个(?:词|字)(?:凑在一起)?)?[，,\s]*(?:基本)?(?:就)?(?:是)?(?:不对|不成立|假的|有误|错了|说错了|骗局|谣言|别信|不可信|有人盗用|盗用|冒用|(?:都)?(?:是)?(?:骗子|诈骗|骗人)(?:的)?(?:话术|套路)?|(?:正规)[^，。\n]{0,8}不会(?:这样|这么)(?:写|说|讲|宣传|推销))/u;
/** a drawn text that is one short phrase and nothing else (稳赚不赔; 「零风险理财」) */
const PHRASE_ALONE = /^[\s\u3000]*[“「"]?[\u4e00-\u9fa5A-Za-z0-9%.]{2,10}[”」"]?[\s\u3000]*$/;
/** a text whose first sentence tells that what the phrase before it names is over (刚性兑付 ‖ 2018年资管新规出台后，刚兑已经退出历史舞台) */
const GONE_NOW = /^[^。！？!?\n]{0,30}(退出(了)?历史舞台|退出歷史舞台|成为(了)?历史|成為歷史|已成历史|一去不复返|不复存在|(已经|已|早已|早就)?被(依法)?打破)/;
/** a text that opens by calling the phrase before it false, over, or a fraudster's (已经结束了; 並不存在; ——是詐騙分子…; 这四个字…) */
const NAMES_THE_PHRASE = /^[\s\u3000]*[—–\-…]*[\s\u3000]*((已经|已經|早已|早就)?(结束了|結束了|过去了|過去了|成为历史|成為歷史|退出历史舞台|一去不复返)|(并|並)?(不存在|唔存在|冇呢回事|没有这回事|沒有這回事)|(是|係|系)?(诈骗|詐騙|骗子|騙子|骗局|騙局)|(这|這|呢)(四|几|幾|两|兩|三|五|六)?(个|個)?(字|句话|句話))/;
const NAMES_DEPOSIT = /存款|定期|存单|储蓄|活期|国债|存折|贷|借/;
/** The normalised sentence at `at` (at most SUBJECT_WINDOW characters either side). */
function sentenceOf(view: SpanView, at: number): string {
  const { sentence, text } = view.norm;
  let a = at;
  while (a > 0 && at - a < SUBJECT_WINDOW && sentence[a - 1] === sentence[at]) a--;
  let b = at;
  while (b < text.length && b - at < SUBJECT_WINDOW && sentence[b] === sentence[at]) b++;
  return text.slice(a, b);
}

/** a headline that says the image lists scammers' or forbidden lines (骗子最爱的话术; 违规话术Top3) */
const PITCH_LIST = /(骗子|诈骗|骗局|非法集资|不法分子|违规|杀猪盘)[^，。！？\n]{0,6}(话术|骗术|套路|说辞|台词|口头禅|黑话|信号|特征|迹象|征兆|苗头)/;
/** a drawn line that announces the list under it as words not to be written */
const BANNED_LIST = new RegExp(`${/(这些|以下|下面|这几个)(词|说法|话|字眼)[^\n]{0,6}(出现|看到|听到)?[^\n]{0,4}(就|请|都)?(是)?(划走|划过|别信|拉黑|快跑|绕道|违规|违法|犯规|踩红线)|避坑[^\n]{0,8}(这些|以下|下面)(词|说法|话)|(听到|看到|遇到|碰到|听见)(这|以下|下面)?[两三四五六七八九十几]?(句|些|个)(话|说法|词)?[^\n]{0,8}(先停|停一停|先别|别急|多问|警惕|小心|挂|拉黑|退群|别信|报警|核实)|(这|以下|下面)?[两三四五六七八九十几]?(个|些|几|句)(?:[“「"][\u4e00-\u9fa5]{0,4})?(词|字|话|说法|字眼|句子)[”」"]?[^，。！？\n]{0,8}[，,]?[^，。！？\n]{0,8}(写了就退稿|就退稿|一律退稿|不能说|不能写|不能用|别说|别写|不许说|不准说|说不得|不能讲|不能出现|不得出现|不准出现|不许出现)|闭嘴清单|禁用词清单|红线词清单|禁用表达|禁用词|禁用语|禁语|违禁词|违规用语|违规说法|违规话术|问题话术|宾果|填字|找词游戏|不能对客户说|(?<![一二两三四五六七八九十几\d])[一二两三四五六七八九十几\d]+句(话)?(别信|不要信|不能信|莫信)|(这些|以下|下面)(话|说话|說話|说法)[^。\n]{0,16}(不会|唔会|唔會|永远不会|不能|不可以|不该|不准|不许)[^。\n]{0,8}(说|讲|講)|(这些|以下|下面)(话|说法)[，,\s]*(我们|我|咱们|我哋)?(不说|不讲|从不说|从来不说|唔讲|唔講)|(员工|員工)[^。\n]{0,6}(永远不会|不会|唔會|唔会)[^。\n]{0,8}(说|讲|講)的话|^以上[^。\n]{0,40}(高频词|违规词|禁用|骗子|诈骗|话术)|(以下|下面|下列)(说法|词语|用语|表述|话术)[^，。！？\n]{0,6}(一律)?(不得|不能|不准|禁止)(使用|出现|说|写)|(从来)?(不说|不会说|不讲|说不出)(这|以下|下面)?[两三四五六七八九十几]?(句|个|些)(话|词|说法)|这[两三四五六七八九十几]句话[^，。！？\n]{0,10}(听过|见过|遇到过)|不可能从[^\n]{0,8}(说出来|说出口)|唔准出[现現]|唔准用|唔准讲|唔准講|不准出[现現]|不得出[现現]|禁用示例|违规表述|红线词|违规词|罚单里|(这些|以下|下面)(话术|说法|话|词|字眼|词儿)[^，。！？\n]{0,10}[，,]?\s*(听到就要警惕|就要警惕|要警惕|别信|不要信|要小心)/.source}|${NEVER_SAYS_HEAD}`);
/**
 * The bank's products named by its brand (同心银行 → 同心): the brand, one to four characters and a word
 * that product names end with (享 盈 益 利 宝 鑫 …), and a term or number after it at most — not the bank, a
 * branch, a company or an idiom (同心协力, 同心银行, 同心理财有限责任公司). Once per bank name.
 */
const brandedRes = new Map<string, RegExp | undefined>();
function brandedProduct(bankName: string | undefined): RegExp | undefined {
  if (!bankName) return undefined;
  let re = brandedRes.get(bankName);
  if (re === undefined && !brandedRes.has(bankName)) {
    const brand = normalizeTerm(bankName).replace(/(农村商业银行|农商银行|农商行|村镇银行|商业银行|银行)$/, '');
    re = brand.length >= 2 && /^[\u4e00-\u9fa5]+$/.test(brand)
      ? new RegExp(`${brand}[·・]?(?:[\u4e00-\u9fa5]{0,3}(享|盈|益|利|宝|鑫|添|悦|颐|稳|福|安|丰|润|盛|泰|恒|瑞|赢|康|乐|惠|裕|祥|养)|[\u4e00-\u9fa5]{0,3}(持有|定开|季开|月开|周开|年开)(\d+号)?|[\u4e00-\u9fa5]{1,4}\d+号|(悦|添|鑫|安|福|乐|盈|享)?(年年|月月|季季|天天|日日))(?![\u4e00-\u9fa5]{0,3}(银行|支行|分行|网点|营业部|社区|小区|公司|人寿|保险股份))`, 'g')
      : undefined;
    brandedRes.set(bankName, re);
  }
  return re;
}

/** words that take what a list, a label or a quiz named back as true of the bank's own product (以上都是我们…理财的真实特点; 答案：都能发) */
const ADOPTS_NAMED = /(以上|上面|上述|这些|這些)[^。！？\n]{0,6}(都是|均为|全是|就是|都係)[^。！？\n]{0,12}(我们|我們|我行|本行|产品|產品|理财|理財|基金)[^。！？\n]{0,8}的?(真实|真實|特点|特點|优势|優勢|卖点|賣點|亮点|亮點)|(都能发|都可以发|全都能发|都能說|都能说|都可以说)(?![^。！？\n]{0,3}吗)|(都是|全是|都係)(真的|事实|事實)(?![^。！？\n]{0,6}(案例|骗|騙|违规|違規))/;
/** a question that asks which of the choices below may be posted, or which break the rules */
const QUIZ_HEAD = /(哪一句|哪句|哪些说法|哪个说法|哪一项|哪项|哪一个|哪一张|哪张|哪一条|哪条|哪一幅|哪幅|以下哪|下列哪|下面哪)[^\n]{0,16}(能|可以|合规|违规|不合规|不能|可|是对的|是错的|正确|错误|才对|对)|(第[一二三四五六七八九十\d]{1,3}题|测验|抢答|竞赛)[^\n]{0,12}(哪|选)/;
/** a drawn text that labels the next as the wrong version, a fraudster's lines or a penalised original (see lintSpans) */
const WRONG_VERSION_LABEL = /^[\s\p{Extended_Pictographic}【\[]*(?:驳回稿|退回稿|被驳回的稿子|反面教材)[^\n]{0,16}$|^[\s\p{Extended_Pictographic}【\[]*(?:(?:修改前|改稿前|改前|原稿|原文|送审稿|初稿|错误示范|错误写法|反面示例|反面案例|错误示例|错误说法|违规原文|违规文案|老说法|旧说法|骗子[甲乙丙丁AB12]?|诈骗分子|不法分子|假客服|假警察|冒充者)\s*(?:[（(][^)）\n]{0,8}[)）])?\s*[:：]?[\s】\]]*$|(?:以下|下面|下列)?(?:为|是)?[^\n]{0,6}(?:被处罚|违规|被通报)的?(?:文案|原文|内容|宣传|话术)[^\n]{0,20}$|(?:这条|这个|这则|此条|以下|下面)(?:短信|信息|消息|广告|电话|链接|话术)[，,]?\s*(?:是|就是|系|都是)(?:诈骗|骗局|假的|钓鱼)[！!。]*$|^[^\n]{0,24}(?:原话|原句|原文|初稿|退稿|扣分原话|错句|原文照登|照登|原样照录)\s*[：:]?[\s】\]]*$|[^\n]{0,12}(?:推销|诈骗|骗子|骗局|导师|荐股)[^\n]{0,8}(?:录音|录像|聊天记录|群聊|截图)|[^\n]{0,6}[“"「][^”"」\n]{1,8}[”"」][^\n]{0,6}(?:群聊|聊天记录|截图|录音)|[^\n]{0,12}(?:初稿|原稿|文案|草稿)[^\n]{0,8}(?:未通过|没通过|不予通过|被退回)|^[\s\p{Extended_Pictographic}【\[]*(?:红灯|红灯区|黄灯)[^\n]{0,20}$)|^[\s\p{Extended_Pictographic}【\[]*(?:这种|这类|这条|此类)(?:短信|消息|信息|来电|电话|链接)[，,、\s]*(?:删|删掉|直接删|拉黑|别回|不要回|挂断|别点)[！!。\s\p{Extended_Pictographic}]*$/u;
/** what a drawn text says to turn the short head before it round (不是; ✖; 已成历史) */
const TURNS_ROUND = /[不没非无别勿莫✖❌✗×≠]|已成|历史|说不准|谣言|假的|骗/;
/** the mandated warnings' words: such a text turns nothing round */
const MANDATED = /非存款|有风险|须谨慎|不同于一般性存款|承保|不预示|不代表其未来/;
/** True when normalised offset `from` of the view stands on a choice's line that is marked right (B 有可能 ✅) */
function markedChoice(view: SpanView, from: number): boolean {
  const src = view.norm.source;
  const at = view.norm.start[from]!;
  let b = src.indexOf('\n', at);
  if (b < 0) b = src.length;
  return MARKED_CHOICE.test(src.slice(src.lastIndexOf('\n', at - 1) + 1, b));
}
/** a drawn text of such an image that is not its caption (the caption is posted text, the bank's own) */
const drawnList = (view: SpanView) => !/(^|[:.])caption$/i.test(view.span.field);

/** A rule that does not apply to this asset's products (存款是保本的: a deposit is). */
function exempt(rule: RuleMeta, types: ReadonlySet<ProductType>): boolean {
  return onlyOf(types, rule.exemptIfOnly);
}

/**
 * Whether what is said at `at` is said of a deposit: the subject is the first product noun of the
 * clause before it, or else of the sentence (存单是存款，保本保息 — but 这款“高息存款”…还本付息 is
 * said of 这款; what a product invests in is not its subject: 底层资产全是国债和存单, 底子都是存款和债券; nor what it is
 * compared with: 嫌定期利率低…这款理财).
 */
// (nor what it is called or said to be: 就是一张家庭存单, 名字不叫存款, 它不是存款 name no subject)
// (nor a deposit's rate told as the time to buy something else: 存款利率往下走的时候买纯债基金 is said of the fund; a fund named
// by its share class is a subject: 存款利率下调以后，同心纯债A…还有1.5%的上涨空间)
// (a deposit that matures is whose clients are addressed, not the subject: 定期到期的朋友可以了解一下同心季季盈…预计年化)
const SUBJECT = /(?<![比跟像嫌和同与叫是])(?<!(?:是|当成|当作|相当于|好比|如同)一张[^，。]{0,24})(?!(?:定期存款|存款|定期|大额存单|存单)(?:利率|利息)[^，。]{0,12}(?:理财|基金|保险|信托|这款|这只))(底层资产|底层|底子|底仓|持仓|投的(?:全|都)?是|投向|投资于|投资范围|投资标的|大额存单|(?<!同业)存单|定期存款|活期存款|储蓄存款|存款|定期(?![^，。]{0,3}到期的?(朋友|客户|街坊|叔叔|阿姨|各位|您|你|大家|家人|老客户))|储蓄国债|结构性存款|理财|基金|(?:纯债|混合|联接|债券|指数)[a-cA-C](?![a-zA-Z])|保险|信托|这款|这只|该产品|本产品|它)/;
/** How far back a subject is looked for: a noun further back is not what the words are said of. */
const SUBJECT_WINDOW = 160;
/** a wish answered with a deposit (想保本，就放存款 / 要保本的话还是存定期 / 先把要保本的钱放进存款): the deposit is what is said to keep the principal */
const WISH_BEFORE = /(想|要|想要|追求|图|求|只求|只想)[^，。,]{0,4}$/;
const DEPOSIT_ANSWER = /^(的话|的钱)?(那就|就|还是|只能|只有|请|可以|建议|那|先)?(只能|还是|老老实实)?(放|放进|放到|放在|选|存|存进|买|选择|考虑|去存|找|存到|看)?(银行)?(的)?(存款|定期|大额存单|存单|储蓄|国债)/;
function depositSubject(view: SpanView, at: number, to = at): boolean {
  const { norm } = view;
  // bounded, so a text with one endless sentence stays linear
  const start = (unit: Int32Array) => {
    let a = at;
    while (a > 0 && at - a < SUBJECT_WINDOW && unit[a - 1] === unit[at]) a--;
    return a;
  };
  const clauseFrom = start(norm.clause);
  if (to > at && WISH_BEFORE.test(norm.text.slice(Math.max(at - 6, clauseFrom), at)) && norm.sentence[to] === norm.sentence[at] && DEPOSIT_ANSWER.test(norm.text.slice(to, to + 16))) return true;
  // (a deposit word that opens its clause is its own subject: 存单是银行存款的凭证)
  if (at === clauseFrom && /^(大额存单|存单|定期存款|存款|储蓄存款)(是|为|指|由|受)/.test(norm.text.slice(at, at + 8))) return true;
  // (a likening that names its subject by a pronoun first: 当佢系定期存款咁 is said of 佢, the product)
  if (to > at && /^(当|把)(他|它|这款|这只)/.test(norm.text.slice(at, at + 3))) return false;
  // (what the words themselves name first is their subject when it is no deposit: 不如直接存进这款三年期理财 is said of 这款,
  // whatever deposit the clause before planned)
  const own = to > at ? SUBJECT.exec(norm.text.slice(at, Math.min(to, at + 12)))?.[1] : undefined;
  if (own && !/存单|存款|储蓄|定期|底/.test(own) && !/^(投|持仓)/.test(own)) return false;
  let subject = SUBJECT.exec(norm.text.slice(clauseFrom, at))?.[1];
  if (subject && /存单|存款|储蓄|定期/.test(subject) && MOVED_INTO.test(norm.text.slice(clauseFrom, at))) return false;
  // (one of the bank's products named in the clause, or in a clause between, is its subject: 定期利率降了，同心季季享保本
  // and 定期利率降了，同心季季享，bǎoběn are said of 同心季季享)
  if (!subject && brandIn(view, clauseFrom, at)) return false;
  // else the first product noun of the nearest clause before that names one (存款利率还会降，现在买这款理财，等于锁住了高收益: 这款)
  for (let b = clauseFrom, s0 = start(norm.sentence); !subject && b > s0; ) {
    let a = b - 1;
    // (a list joined by enumeration commas is one clause: 这款理财投的全是国债、大行存单 — 这款)
    while (a > s0 && at - a < SUBJECT_WINDOW && (norm.clause[a - 1] === norm.clause[a] || enumeration(norm, a))) a--;
    subject = SUBJECT.exec(norm.text.slice(a, b))?.[1];
    if (!subject && brandIn(view, a, b)) return false;
    // (a deposit moved into one of the bank's products: the product is what the clause is about — 有客户将部分定期转咗去金钥匙安盈)
    // (or in a clause after it, before the words: 到期的定期不想冒雨过来的，可以…直接转存金钥匙安盈，跟存定期一个样)
    if (subject && /存单|存款|储蓄|定期/.test(subject) && (MOVED_INTO.test(norm.text.slice(a, b)) || MOVE_VERB.test(norm.text.slice(b, at)))) return false;
    b = a;
  }
  // (no product noun in the sentence: the heading its line opens with names it — 【3年期大额存单】存款。年利率1.75%，存入即锁定)
  if (!subject) {
    const src = simpleSource(norm);
    const at0 = norm.start[at]!;
    // (the line's start looked for within SUBJECT_WINDOW only: one endless line with many terms stays linear)
    let a = at0;
    while (a > 0 && at0 - a < SUBJECT_WINDOW && src[a - 1] !== '\n') a--;
    const head = a === 0 || src[a - 1] === '\n' ? LINE_HEAD.exec(src.slice(a, Math.min(at0, a + 20))) : null;
    if (head) return /存单|存款|储蓄|定期/.test(head[1]!) && !/结构性|理财|基金|保险/.test(head[1]!);
  }
  return !!subject && /存单|存款|储蓄|定期/.test(subject) && subject !== '结构性存款';
}
/** whether normalised [from, to) of the view names one of the bank's products by its brand, a deposit's name aside (同心季季享, not 同心定期存款) */
function brandIn(view: SpanView, from: number, to: number): boolean {
  return !!view.brandNames?.some(([a, b]) => a >= from && b <= to && !/存|储蓄/.test(view.norm.text.slice(a, b)));
}

/**
 * The first normalised characters of the next text, where an answer to a question would stand — after a speaker's
 * label, which does not hide the answer it opens (小U：只要拿满三年就不会亏？ ‖ 小U：不对不对！)
 */
/** a drawn title that only names a product (金钥匙安盈; 同心季季盈理财): what the text under it opens with is about that product */
// (or a short title that ends on the product's name, the money handed to it: 老字号的闲钱，交给金钥匙安盈 ‖ 低风险、好打理)
function productTitle(v: SpanView): boolean {
  if (!HEADLINE.test(v.span.field)) return false;
  if (shortLabel(v)) return !!v.brandNames?.length || v.productSentences.size > 0;
  let end = v.norm.text.length;
  while (end > 0 && /[\s。！!～~]/.test(v.norm.text[end - 1]!)) end--;
  const text = v.norm.text.slice(0, end);
  return text.length <= 24 && !!v.brandNames?.some(([a, b]) => b >= text.length && HANDED_TO.test(v.norm.text.slice(Math.max(0, a - 4), a)));
}
/** a verb that hands money or a choice to what follows it (交给; 就选; 放进) */
// (read on the normalised text, where traditional characters are already simplified)
const HANDED_TO = /(交给|就选|选|认准|首选|放进|配置|买|就买|安排上?)$/;
/** a text that is only a short label, no clause of its own (金钥匙安盈 第19期) */
const shortLabel = (v: SpanView) => v.norm.text.length <= 16 && !/[，。！？,!?]/.test(v.span.text);
/**
 * The text that answers text `i` of an asset: the next one, or the one after it when the next is only a short label (the
 * product's name) between a question and an answer that denies it (谁在给它兜底？ ‖ 金钥匙安盈 第19期 ‖ 没有人。…)
 */
function answering(views: SpanView[], i: number): SpanView | undefined {
  const next = views[i + 1];
  if (next && views[i + 2] && shortLabel(next) && !ANSWER_NO.test(answerOpening(next)) && ANSWER_NO.test(answerOpening(views[i + 2]))) return views[i + 2];
  return next;
}
function answerOpening(view: SpanView | undefined): string {
  if (!view) return '';
  const label = /^\s*[^:：\n]{1,6}[:：]\s*/.exec(view.span.text);
  let k = 0;
  if (label) while (k < view.norm.text.length && view.norm.start[k]! < label[0].length) k++;
  return view.norm.text.slice(k, k + 8);
}
/** a deposit moved into something that is no deposit (定期转去金钥匙安盈; 存款换成理财; 把定期挪到…) */
/** money moved into something that is no deposit (转存金钥匙安盈) */
const MOVE_VERB = /(转去|转到|转进|转入|转存|挪到|挪去|挪进|搬到|转咗去|转了去)(?!(定期|存款|存单|活期|储蓄|大额存单|银行))/;
const MOVED_INTO = /(定期|存款|存单|储蓄)[^，。,]{0,6}(转去|转到|转进|转入|转存|转成|换成|换到|挪到|挪去|挪进|搬到|转咗去|转了去)(?!(定期|存款|存单|活期|储蓄|大额存单|银行))(?![^，。,]{0,10}(名下|账户|账上|卡上|卡里|户头|手里|手上))/;
/** a line's bracketed heading (【3年期大额存单】) */
const LINE_HEAD = /^\s*[【\[]([^】\]\n]{1,16})[】\]]/;

/** A rule exempt for deposits (exemptIfOnly / wordsExemptIfAny: [deposit]) does not apply to what is said of a deposit. */
function saidOfDeposit(rule: WordRule, view: SpanView, at: number, to = at): boolean {
  return (rule.exemptIfOnly.includes('deposit') || rule.wordsExemptIfAny.includes('deposit')) && depositSubject(view, at, to);
}

interface Scan {
  view: SpanView;
  /** (`exact`: a listed term with nothing inserted between its characters) */
  terms: { rule: number; context: Context; from: number; to: number; maxGap: number; evenIfOnly?: readonly ProductType[]; exact?: boolean }[];
  aboutFraud: boolean;
}

/** `piiOnly`: the view's normalised text and safe ranges only (what the PII detectors read). */
function scanSpan(set: RuleSet, index: number, span: TextSpan, piiOnly = false, typed = false): Scan {
  // (`typed`: without the evasion pass — what the PII detectors read beside the folded text)
  const norm = typed ? normalizeBase(span.text) : normalize(span.text);
  const text = norm.text;
  const view: SpanView = { index, span, norm, safe: [], productSentences: new Set(), wealthSentences: new Set() };
  // (read before anything else scans with this automaton)
  const hits = set.automaton.scanInto(text, MASK_CODE);
  if (piiOnly) {
    for (let k = 0; k < hits.count; k++) if (set.entries[hits.id[k]!]!.kind === 'safe') view.safe.push([hits.from[k]!, hits.to[k]!]);
    return { view, terms: [], aboutFraud: false };
  }

  const excepted: Record<'product' | 'wealth', [number, number][]> = { product: [], wealth: [] };
  for (let k = 0; k < hits.count; k++) {
    const e = set.entries[hits.id[k]!]!;
    if (e.kind === 'safe') view.safe.push([hits.from[k]!, hits.to[k]!]);
    else if (e.kind === 'lex-except') excepted[e.list].push([hits.from[k]!, hits.to[k]!]);
  }
  // masks of the safe and excepted characters: a match inside one does not count (linear in the text)
  // (no ranges, no mask: nothing is within one)
  const mask = (ranges: [number, number][]) => {
    if (!ranges.length) return undefined;
    const m = new Uint8Array(text.length);
    for (const [a, b] of ranges) m.fill(1, a, b);
    return m;
  };
  const masks = { safe: mask(view.safe), product: mask(excepted.product), wealth: mask(excepted.wealth) };
  const within = (m: Uint8Array | undefined, from: number, to: number) => {
    if (!m) return from >= to;
    for (let i = from; i < to; i++) if (!m[i]) return false;
    return true;
  };

  const terms: Scan['terms'] = [];
  for (let k = 0; k < hits.count; k++) {
    const e = set.entries[hits.id[k]!]!;
    const from = hits.from[k]!;
    const to = hits.to[k]!;
    if (e.kind === 'lex') {
      if (within(masks.safe, from, to) || within(masks[e.list], from, to)) continue;
      // (products named to say what does not cover them are no product talk: 理财产品、基金、保险产品都不在保障范围内)
      if (notCovered(norm, to)) continue;
      (e.list === 'product' ? view.productSentences : view.wealthSentences).add(norm.sentence[from]!);
    } else if (e.kind === 'term') {
      // terms never run across a clause mark
      terms.push({ rule: e.rule, context: e.context, from, to, maxGap: CLAUSE, evenIfOnly: e.evenIfOnly, exact: to - from === e.norm.length });
    }
  }
  // a wealth sentence is a product sentence too
  for (const s of view.wealthSentences) view.productSentences.add(s);
  // patterns may span clauses, never sentences
  for (const rule of set.wordRules) {
    for (const p of rule.patterns) {
      p.re.lastIndex = 0;
      if (cannotMatch(p.re, text)) continue;
      for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
        if (m[0].length === 0) {
          p.re.lastIndex++;
          continue;
        }
        terms.push({ rule: rule.index, context: p.context, from: m.index, to: m.index + m[0].length, maxGap: SENTENCE, evenIfOnly: p.evenIfOnly });
      }
    }
  }
  const aboutFraud = set.mentions.some((w) => text.includes(w));
  return { view, terms, aboutFraud };
}

/** a text that ends asking which one (全城R2理财里，哪一只常年排在头一名？) */
const ASKS_WHICH = /(哪一?[只款个家支种期位样]|谁)[^？?\n]{0,24}[？?][\s\p{Extended_Pictographic}\uFE0F]*$/u;
/** what may lead an answer before the product it names (答案：; 就是它——; 当然是) */
const ANSWER_LEAD = /^[\s\p{P}\p{Extended_Pictographic}\uFE0F]*(正确答案|答案|答|A)?[\s:：]*(就是|当然是|正是|是|选)?(它|这只|这款)?[\s\p{P}]*$/u;
/** the text opens with an answer that names one of the bank's own products (就是它——金钥匙安盈🔑): a which-question answered */
function opensNamingOwn(view: SpanView): boolean {
  const first = view.brandNames?.[0];
  return !!first && view.norm.clause[first[0]] === view.norm.clause[0] && ANSWER_LEAD.test(view.span.text.slice(0, view.norm.start[first[0]]!));
}

/** Judges each word-rule match of one text in context; analyses the text's claims on the way. */
function judge(set: RuleSet, scan: Scan, products: AssetProducts, lifeAsset = false, nextOpening = '', nextYes = false, reviews = false, underTitle = false): { found: Candidate[]; analysis: ViewClaims } {
  const { types } = products;
  // (an asset that offers a product — a listed type or a precious metal — speaks of it in its headlines and tiles)
  const offers = isProductAsset(products);
  const label = productLabel(scan.view, products);
  const { view, aboutFraud } = scan;
  const { norm } = view;
  const text = norm.text;
  const span = view.span;
  const found: Candidate[] = [];
  const kept: Scan['terms'] = [];
  for (const t of scan.terms) {
    const { from, to } = t;
    const rule = set.wordRules[t.rule]!;
    if ((exempt(rule, types) && !(t.evenIfOnly && onlyOf(types, t.evenIfOnly))) || rule.wordsExemptIfAny.some((x) => types.has(x)) || (!t.evenIfOnly?.includes('deposit') && saidOfDeposit(rule, view, t.from, t.to))) continue;
    let broken = false;
    for (let i = from + 1; i < to; i++) if (norm.gap[i]! >= t.maxGap) broken = true;
    if (broken) continue;
    if (inMask(safeMask(view), from, to)) continue;
    if (rule.exceptions.length && coveredByException(rule.exceptions, text, from, to)) continue;
    // (a character quoted alone, a word called unlawful, is named where it stands: 这两个「最」是产品规则; 违规刚兑)
    if (namedInPlace(view, from)) continue;
    if (negated(set, rule, view, from, to)) continue;
    if (rule.notAfter && rule.notAfter.test(clauseBefore(view, from))) continue;
    if (rule.notBefore && rule.notBefore.test(clauseAfter(view, to))) continue;
    if (aboutFraud && quoted(span.text, norm.start[from]!, norm.end[to - 1]!) && !ownAdopted(span.text, norm.start[from]!)) continue;
    // (and so is what someone else is said to have said, in a post about a scam: 我表哥说有个银监会批过的“内部产品”)
    if (aboutFraud && rule.id !== 'endorsement' && saidByOther(view, from)) continue;
    if (rule.notInName && inName(span.text, norm.start[from]!, norm.end[to - 1]!)) continue;
    // a product rule needs a product: the asset has one, and this sentence is about it; without a
    // product type, a sentence that calls something else an investment is a metaphor, whatever
    // the rule (健身是回报最稳的投资; 身体是一笔只赚不赔的投资)
    // (a headline of a product asset is about its product: 同类第一 ‖ 一年持有期｜固收类｜R2级)
    // (and so is a sentence that names one of its products before the words: 「同心季季盈」主打一个安全)
    // (or a text's short first line, over a line that names its product: 💯稳⏎金钥匙安盈，给爸妈的养老钱找个家)
    // (and so is the first sentence of a text under a title that only names the product: 金钥匙安盈 ‖ 安全有保障⏎食老免烦恼)
    if (t.context === 'product' && !view.productSentences.has(norm.sentence[from]!) && !(offers && (HEADLINE.test(span.field) || (underTitle && norm.sentence[from] === norm.sentence[0]) || namesProductBefore(view, from) || coupletLine(span.text, norm.start[from]!))) && !(rule.productNearby && productNearby(view, from) && !quoted(span.text, norm.start[from]!, norm.end[to - 1]!))) continue;
    if (lifeAsset || lifeSlang(view, from, to) || ((!types.size || metaphor(view, from, true, true)) && metaphor(view, from, t.context !== 'product'))) continue;
    // (a wealth word is the product's when the sentence names one, or when the whole asset is about
    // one wealth product (or fund, or insurance) and the sentence names no deposit: 退休金好搭档「月月享」‖ 每月15号，利息自动打到卡上)
    if (t.context === 'wealth' && !view.wealthSentences.has(norm.sentence[from]!) && !(types.size === 1 && onlyOf(types, INVESTMENTS) && !NAMES_DEPOSIT.test(sentenceOf(view, from)))) continue;
    kept.push(t);
  }
  const need = new Set(kept.map((t) => norm.sentence[t.from]!));
  // (a product's label is read for claims though it names no product: 稳稳的💰)
  if (label) need.add(norm.sentence[0]!);
  // (in an asset of clients' reviews a sentence may be a client's, though it names no one: “…”——李女士)
  if (reviews && text.length) for (let s = norm.sentence[0]!; s <= norm.sentence[text.length - 1]!; s++) need.add(s);
  const analysis = analyzeView(set.concepts, set.claims, view, need, aboutFraud, nextOpening, label, nextYes);
  // a negation or caution anywhere before the term in its clause (不得宣传预期收益率), a negation
  // after it (刚兑已经退出历史舞台), a quotation in a warning
  for (const t of kept) if (!analysis.straddled(t.from, t.to) && analysis.statusAt(t.from, t.to) === ASSERTED) found.push({ rule: set.wordRules[t.rule]!, view, from: t.from, to: t.to });
  return { found, analysis };
}

/** an asset offering its product now (开放申购; 新一期; 今日起售; 详询), or winking at what it struck (😏; 你们懂; 划掉的不算) */
const SELLS_NOW = /开放申购|开放认购|开放购买|起售|开售|发售|开卖|开放啦|今天开放|今日开放|本周开放|新一期|上新|上架|私聊|详询|欢迎咨询|欢迎来|找我|😏|😉|🤫|你们懂|您懂|懂的|看得到|看得见|不算[哈啊呀]?|应该没问题/;
/** a line of a couplet (上联：… ‖ 下联：… ‖ 横批：…): like a headline, about the asset's product */
const COUPLET_LINE = /^[\s\p{Extended_Pictographic}\uFE0F]*(上联|下联|横批|横联|上聯|下聯|橫批|橫聯)\s*[:：]/u;
function coupletLine(src: string, at: number): boolean {
  // (the line's opening looked for a bounded way back: a text on one endless line stays linear)
  const from = Math.max(0, at - 40);
  const back = src.slice(from, at + 1);
  const nl = back.lastIndexOf('\n');
  return (nl >= 0 || from === 0) && COUPLET_LINE.test(back.slice(nl + 1));
}

/** ASCII and CJK ideographs only: lower-cased one character at a time, whatever stands around them */
const PLAIN = /^[\x00-\x7f\u3400-\u4dbf\u4e00-\u9fff]*$/;

/**
 * true when an exception phrase covers [from, to) of `t`. A phrase that covers the match contains
 * it, lower-cased (where the match's characters lower-case one by one): the others are not tried.
 */
function coveredByException(phrases: string[], t: string, from: number, to: number): boolean {
  const match = t.slice(from, to);
  const lower = PLAIN.test(match) ? match.toLowerCase() : undefined;
  for (const x of phrases) if ((lower === undefined || x.includes(lower)) && covers(t, x, from, to)) return true;
  return false;
}

/** true when an occurrence of `phrase` in `t` covers [from, to) */
function covers(t: string, phrase: string, from: number, to: number): boolean {
  if (phrase.length < to - from) return false;
  // a phrase that opens with a CJK ideograph (no case: only itself lower-cases to it) can only
  // stand where that character does: test it before slicing
  const first = phrase.charCodeAt(0);
  const ideograph = (first >= 0x4e00 && first <= 0x9fff) || (first >= 0x3400 && first <= 0x4dbf);
  // phrases are normalised with ASCII lower-cased, like the automaton matches
  for (let s = Math.max(0, to - phrase.length); s <= from; s++) {
    if (ideograph && t.charCodeAt(s) !== first) continue;
    if (t.slice(s, s + phrase.length).toLowerCase() === phrase) return true;
  }
  return false;
}

const OPEN_QUOTES = new Set([...'“"\'‘「『《〈']);
const CLOSE_QUOTES = new Set([...'”"\'’」』》〉']);

/** true when original [from, to) is wrapped in quotation marks */
function quoted(t: string, from: number, to: number): boolean {
  let a = from - 1;
  while (a >= 0 && /\s/.test(t[a]!)) a--;
  let b = to;
  while (b < t.length && /\s/.test(t[b]!)) b++;
  return a >= 0 && b < t.length && OPEN_QUOTES.has(t[a]!) && CLOSE_QUOTES.has(t[b]!);
}

/** a product's designation after its name (同心稳盈180天第3期, 稳利30天持有期, 安享3号) */
const DESIGNATION = /^[\p{Script=Han}A-Za-z]{0,3}?\s*(\d+\s*(天|个月|年期|日)|第\s*\d+\s*期|\d+\s*号|(最短)?持有期|封闭式)/u;
/** a fund's name with its share class, from a word inside it (景安稳健债券A, 安盈增强债券C类, 稳健增长混合(LOF)) */
const FUND_NAME = /^[\p{Script=Han}]{0,6}?(债券|纯债|短债|中短债|混合|股票|指数|货币|联接|灵活配置|偏债|偏股|增强)(型)?(发起式)?(证券投资基金)?\s*([A-EH]类?|[（(]LOF[)）])(?![A-Za-z])/u;
/**
 * true when original [from, to) lies inside a product's name: in 「」 or 《》 (at most 12 characters, no
 * clause mark: 「鑫享无忧」), or followed by the product's designation (同心稳盈180天第3期), or a fund's name
 * with its share class
 */
function inName(t: string, from: number, to: number): boolean {
  if (DESIGNATION.test(t.slice(to, to + 16)) || FUND_NAME.test(t.slice(from, from + 24))) return true;
  // (a name in curly quotes with its kind right after it: “学业无忧”教育年金保险)
  {
    let q = from - 1;
    while (q >= 0 && from - q <= 12 && !'“”，。！？,!?\n'.includes(t[q]!)) q--;
    // (the closing mark looked for from the words' start: a claim's match may run on past it, 无忧”教育年金保险)
    let r = from;
    while (r < t.length && r - from <= 12 && !'“”，。！？,!?\n'.includes(t[r]!)) r++;
    if (q >= 0 && t[q] === '“' && t[r] === '”' && QUOTED_KIND.test(t.slice(r + 1, r + 13))) return true;
  }
  // (「」 and 《》 are looked for from the words' end: words that run past the closing mark say something of the name —
  // 「同心添利90天」本金包冇事嘅 — and reading them from their start, as above, drops a dozen corpus findings)
  let a = from - 1;
  while (a >= 0 && from - a <= 12 && !'「《」》，。！？,!?\n'.includes(t[a]!)) a--;
  let b = to;
  while (b < t.length && b - to <= 12 && !'」》「《，。！？,!?\n'.includes(t[b]!)) b++;
  if (!(a >= 0 && b < t.length && b - a - 1 <= 12 && ((t[a] === '「' && t[b] === '」') || (t[a] === '《' && t[b] === '》')))) return false;
  // (a quotation said of the product describes it, it does not name it: 这只基金是「避险港湾」 — unless
  // it is what the product is called: 名字就是「稳稳的幸福」)
  const before = t.slice(Math.max(0, a - 8), a);
  return !(t[a] === '「' && DESCRIBED.test(before) && !CALLED.test(before));
}
/** a product's kind right after a quoted name (“学业无忧”教育年金保险; “安心享”两全保险; “稳盈”理财) */
const QUOTED_KIND = /^[\u4e00-\u9fa5]{0,6}?(保险|险|理财|基金|理财计划|理财产品)(?![\u4e00-\u9fa5]{0,2}(好|不错|稳|安全))/;
const DESCRIBED = /(是|就是|堪称|称得上|算得上|简直是|好比|像是?|如同|当作|当成|作为)\s*$/;
const CALLED = /(名字|名称|名叫|叫做?|名为|称为|取名|起名|品牌|系列)(是|就是|为)?\s*$/;

/** The normalised clause before `from`, at most NOT_AFTER_WINDOW characters (bounded: linear on one endless clause). */
const NOT_AFTER_WINDOW = 24;
function clauseBefore(view: SpanView, from: number, inclusive = false): string {
  const { clause, text } = view.norm;
  let s = from;
  // (`inclusive`: `from` ends a match, whose last character's clause is read — a term may close its clause: 投资范围为债券、存单。)
  if (inclusive && s > 0) s--;
  // (a clause goes on back across an enumeration comma: 投的全是国债、政策性金融债和大行存单; and, read from a match's end,
  // across one label's colon: 投资范围：债券、存单)
  let colon = inclusive;
  while (s > 0 && from - s < NOT_AFTER_WINDOW) {
    if (clause[s - 1] === clause[s] || enumeration(view.norm, s)) s--;
    else if (colon && /^[:：]\s*$/.test(view.norm.source.slice(view.norm.end[s - 1]!, view.norm.start[s]!))) (colon = false), s--;
    else break;
  }
  return text.slice(s, from);
}

/** The normalised clause after `to`, at most NOT_AFTER_WINDOW characters. */
function clauseAfter(view: SpanView, to: number): string {
  const { clause, text } = view.norm;
  let e = to;
  while (e < text.length && e - to < NOT_AFTER_WINDOW && clause[e] === clause[to - 1]) e++;
  return text.slice(to, e);
}

/** How far back in the clause a negation or caution word is looked for. */
const NEGATION_WINDOW = 12;

/** Whether the term at normalised [from, to) is negated or cautioned in its clause before it, or said not to equal what follows (≠). */
function negated(set: RuleSet, rule: WordRule, view: SpanView, from: number, to: number): boolean {
  const { text, clause } = view.norm;
  // (a word said not to equal something is named, not claimed: 高收益≠好产品)
  if (text[to] === '≠') return true;
  let s = from;
  while (s > 0 && from - s < NEGATION_WINDOW && clause[s - 1] === clause[from] && view.norm.gap[s]! < CLAUSE) s--;
  if (s === from) return false;
  const pre = text.slice(s, from);
  for (const n of set.negations) if (pre.endsWith(n)) return true;
  for (const n of rule.negations) if (pre.endsWith(n)) return true;
  for (const c of set.cautions) if (pre.includes(c)) return true;
  // a prohibition or a denied commitment covers a list joined by enumeration commas (严禁承诺保本、
  // 保收益: 保收益 too)
  if (s > 0 && enumeration(view.norm, s)) {
    const list = clauseBefore(view, from);
    for (const p of PROHIBIT) if (list.includes(p)) return true;
  }
  return false;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * One finding per place: overlapping matches of one rule (a word and a claim on the same
 * characters, 稳赚 inside 本金稳赚不会亏) become one finding over their union; a match of a milder
 * rule inside a match of a stricter one is dropped (有保障 inside 收益有保障).
 */
function resolve(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.view.index - b.view.index || a.rule.index - b.rule.index || a.from - b.from || b.to - a.to);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    const last = kept[kept.length - 1];
    if (last && last.rule === c.rule && last.view === c.view && c.from < last.to) {
      last.to = Math.max(last.to, c.to);
      continue;
    }
    kept.push({ ...c });
  }
  return dropContainedInStricter(kept, (c) => RANK[c.rule.severity]);
}

function fill(template: string, data: Record<string, string>): string {
  if (!template.includes('{{')) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => data[k] ?? '');
}

function finding(
  rule: RuleMeta,
  view: SpanView,
  from: number,
  to: number,
  o: { excerpt: string; waivable: boolean; textHash: string; data?: Record<string, string>; fix?: string; severity?: Severity },
): Finding {
  const span = view.span;
  const data = { excerpt: o.excerpt, ...o.data };
  const f: Finding = {
    file: span.file,
    line: 0,
    column: 0,
    severity: o.severity ?? rule.severity,
    ruleId: rule.id,
    message: fill(rule.message, data),
    excerpt: o.excerpt,
    field: span.field,
    suggestion: fill(rule.suggestion, data),
    basis: rule.basis,
    waivable: o.waivable,
    textHash: o.textHash,
    offset: { from, to },
  };
  if (span.start) {
    const [start, end] = filePositions(span.start, span.text, from, to, view);
    Object.assign(f, { line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
  }
  if (o.fix !== undefined) f.fix = { from, to, text: o.fix };
  return f;
}
