// Verdicts on true/false statements: a myth card, a 判断题, a 真假辨析, an answer key. A statement given a
// FALSE verdict is named, not claimed — its polarity is flipped, as an answer's "no" flips a question (银行理财都保本？
// ❌ 假的 says nothing is guaranteed; 说理财会亏钱？谣言！ says it cannot lose). A statement given a TRUE verdict is the
// writer's own claim, inside a quiz or a lesson too (判断题：…到期保证收益。⏎答案：✔ 正确). What the writer says after a
// verdict (❌ 误区！同心月月享其实就跟存定期一个样) is read as the writer's own words.
// A verdict is a mark or a word standing alone: after 答案/判断/结论, in brackets, after an arrow or a dash, or as a line
// (or a clause) of its own — never a word inside a word (假期, 错过, 对象, 真心).
import { Attached } from '../attach.ts';
import type { SpanView } from '../detectors/types.ts';
import { simpleSource } from '../normalize.ts';

/** marks that call a statement false, and true */
const FALSE_MARKS = ['×', '✗', '✘', '❌', '✖'] as const;
const TRUE_MARKS = ['√', '✓', '✔', '✅'] as const;
/** words that call a statement false, and true (traditional and Cantonese forms with them) */
const FALSE_WORDS = ['错误', '錯誤', '错的', '錯的', '错', '錯', '不正确', '不正確', '不对', '不對', '唔啱', '假的', '假嘅', '假㗎', '假', '误区', '誤區', '谣言', '謠言', 'Myth', 'myth', 'MYTH', 'False', 'false', 'FALSE'] as const;
const TRUE_WORDS = ['正确', '正確', '对的', '對的', '对', '對', '啱', '真的', '真嘅', '真', 'Fact', 'fact', 'FACT', 'True', 'true', 'TRUE'] as const;
/** labels a verdict may follow (答案：×; 判断：错; 我跟她说：假的) */
const VERDICT_LABELS = ['正确答案', '參考答案', '参考答案', '答案揭晓', '答案揭曉', '答案', '判断', '判斷', '判定', '结论', '結論', '粉碎', '辟谣', '闢謠', '回答', '答', 'A'] as const;
/** labels that call the statement after them false (误区一：…; 謠言二：…; Myth: …) */
const FALSE_LABELS = ['误区', '誤區', '谣言', '謠言', 'Myth', 'MYTH', '错误说法', '錯誤說法', '错误认知'] as const;
/** lines that only ask for the verdict, skipped on the way back to the statement (对还是错？) */
const PROMPTS = ['对还是错', '對還是錯', '是真是假', '真的假的', '真定假', '对吗', '對嗎', '你觉得呢', '你覺得呢', '猜猜看', '答案在下面', '答案见下', 'True or false', 'Myth or fact'] as const;

const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const MARKS = `[${FALSE_MARKS.join('')}${TRUE_MARKS.join('')}]\\uFE0F?`;
const WORDS = alt([...FALSE_WORDS, ...TRUE_WORDS]);
const SP = '[ \\t\\u3000]';
/** spaces between the parts of a verdict, bounded (a run of spaces is read a bounded way from each place) */
const SPS = `${SP}{0,3}`;
/** a list number before an item or a key's entry (1. ; 2、; ①; (3)) */
const NUM = '(?:\\d{1,2}' + SP + '{0,3}[.、．)）]|[①-⑳]|[(（]\\d{1,2}[)）])';
/** what may follow a verdict: a stop, a comma, a bracket opening its reason, the line's end */
const AFTER = `(?=${SPS}(?:[。！!.，,；;～~…（(]|\\n|$))`;

/** cheap check: does the text hold any verdict mark or word at all (texts without one cost nothing) */
const GATE = new RegExp(`${MARKS}|答案|判[断斷]|结论|結論|${alt(FALSE_LABELS)}|[→⇒]|——|[?？。！!:：]${SPS}(?:${WORDS})|(?:^|\\n)${SPS}(?:${WORDS})${AFTER}|[（(【\\[]${SPS}(?:${WORDS})${SPS}[）)】\\]]`);
/**
 * A verdict that opens its line (sticky, read at a line's start): a list number, a label, a bracket, a mark and a word
 * ((  错 ) …; 【错】…; 答案：✔ 正确; ❌ 误区！…; 我跟她说：假的，…). Groups: label, open, mark, word, close.
 */
const LEAD = new RegExp(`${SPS}(?:${NUM}${SPS})?(?:(${alt(VERDICT_LABELS)}|[^\\n:：。！？]{0,8}?(?:说|讲|講|话|話))${SPS}[:：]${SPS})?([（(【\\[])?${SPS}(${MARKS})?${SPS}(${WORDS})?${SPS}([）)】\\]])?`, 'y');
/** a label that calls what follows it false (误区四：…; 謠言一：…; Myth: …) */
const FALSE_LEAD = new RegExp(`${SPS}(?:${NUM}${SPS})?(?:${alt(FALSE_LABELS)})${SPS}[一二三四五六七八九十①-⑩\\d]{0,2}${SPS}[:：]`, 'y');
/**
 * A verdict after a statement on its line (…吗？❌ 假的; …。答案：×; … → 假; …（ √ ）; … ✗; …——假): what stands before it
 * (a stop, an arrow, a dash, a label, a bracket, a space before a mark), the mark, the word, the closing bracket.
 */
const INLINE = new RegExp(`(?:([?？。！!」』”"])|(→|⇒|->|=>|——|—)|((?:正确|参考)?答案(?:揭晓|是|为)?${SPS}[:：]?)|([（(【\\[])|${SP})${SPS}(${MARKS})?${SPS}(${WORDS})?${SPS}([）)】\\]])?`, 'g');
/** what stands after a verdict that stands alone */
const ALONE = new RegExp(`^${AFTER}`);
/** an answer key by number (答案：1. ×  2. ×  3. √; 答案：① √  ② ×) and one entry of it */
const KEY = new RegExp(`(?:正确|参考)?答案(?:揭晓|是|为)?${SPS}[:：]?${SPS}(?=${NUM})`, 'g');
const KEY_ENTRY = new RegExp(`${SPS}(?:(\\d{1,2})${SPS}[.、．)）]?|([①-⑳])|[(（](\\d{1,2})[)）])${SPS}(${MARKS}|${WORDS})${SPS}[，,；;、]?`, 'y');
const ITEM = new RegExp(`${SPS}(?:(\\d{1,2})${SPS}[.、．)）]|([①-⑳])|[(（](\\d{1,2})[)）])`, 'y');
const PROMPT = new RegExp(`^[\\s\\u3000\\p{Extended_Pictographic}\\uFE0F]*(?:${alt(PROMPTS)})[\\s\\u3000?？!！。.…~～\\p{Extended_Pictographic}\\uFE0F]*$`, 'u');

/** a statement judged by a verdict: original [from, to) of the text, true (the writer's claim) or false (named) */
export interface Verdict {
  from: number;
  to: number;
  truth: boolean;
}

/** How far a line is read, and how many lines back a verdict of its own looks for its statement. */
const LINE_REACH = 400;
const LINES_BACK = 6;

const isFalse = (mark: string | undefined, word: string | undefined) => !!(mark && (FALSE_MARKS as readonly string[]).includes(mark.replace('\uFE0F', ''))) || (!mark && !!word && (FALSE_WORDS as readonly string[]).includes(word));
const isTrue = (mark: string | undefined, word: string | undefined) => !!(mark && (TRUE_MARKS as readonly string[]).includes(mark.replace('\uFE0F', ''))) || (!mark && !!word && (TRUE_WORDS as readonly string[]).includes(word));
/** a mark and a word that agree (❌ 假的; ✅ 对), or one alone: the verdict's truth, or undefined (✗ 对 is none) */
function truthOf(mark: string | undefined, word: string | undefined): boolean | undefined {
  if (mark && word) {
    const f = isFalse(mark, undefined);
    if (f !== (FALSE_WORDS as readonly string[]).includes(word)) return undefined;
    return !f;
  }
  if (isFalse(mark, word)) return false;
  if (isTrue(mark, word)) return true;
  return undefined;
}

/** the end of the first sentence in [from, to), its mark included (…越好？), or `to` */
function sentenceEnd(src: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if ('？?。！!'.includes(src[i]!)) return i + 1;
  return to;
}

/** where a dash ends a statement that a verdict before it judges (误区四：以为好产品随时都有——本周…: at the dash) */
function statementEnd(src: string, from: number, eol: number): number {
  const dash = src.indexOf('——', from);
  return dash >= 0 && dash < eol ? dash : eol;
}

/**
 * The verdict that opens the line at `a` (ending at `eol`), if one does: what it judges and where the writer's own words
 * after it start. `kind`: `before` (a bracket, a dash or a label: the statement after it on the line), `alone` (a verdict
 * ending in a stop: the statement on a line before), or undefined.
 */
function leadVerdict(src: string, a: number, eol: number): { kind: 'before' | 'alone'; truth: boolean; from: number; to: number } | undefined {
  FALSE_LEAD.lastIndex = a;
  // (the statement a label calls false is its first sentence: 误区2：收益越高越好？高收益往往伴随高风险 — the answer after the
  // question is the writer's own)
  if (FALSE_LEAD.test(src) && FALSE_LEAD.lastIndex < eol) return { kind: 'before', truth: false, from: FALSE_LEAD.lastIndex, to: sentenceEnd(src, FALSE_LEAD.lastIndex, statementEnd(src, FALSE_LEAD.lastIndex, eol)) };
  LEAD.lastIndex = a;
  const m = LEAD.exec(src);
  if (!m || m.index !== a) return undefined;
  const [, label, open, mark, word, close] = m;
  if (!mark && !word) return undefined;
  const truth = truthOf(mark, word);
  if (truth === undefined) return undefined;
  const end = a + m[0].length;
  // (in brackets: what follows on the line is judged — （ 错 ）买理财就像存定期; 【错】…)
  if (open || close) {
    if (!open || !close || '（(【['.indexOf(open) !== '）)】]'.indexOf(close)) return undefined;
    return end < eol ? { kind: 'before', truth, from: end, to: statementEnd(src, end, eol) } : undefined;
  }
  const rest = src.slice(end, Math.min(eol, end + 3));
  // (after a dash: ❌ 假的——「银行理财都有保障」)
  if (rest.startsWith('——') || rest.startsWith('—')) return { kind: 'before', truth, from: end, to: eol };
  // (alone: a stop, a comma or the line's end after it — a word with no mark and no label ends in a stop, and a true
  // one in a full stop or a bang: 真的，… is said for emphasis)
  const stop = /^[ \t\u3000]*([。！!.，,；;～~…]|$)/.exec(rest);
  if (!stop) return undefined;
  if (!mark && !label && truth && !/[。！!.]|^[ \t\u3000]*$/.test(stop[1] || '')) return undefined;
  return { kind: 'alone', truth, from: end, to: end };
}

/**
 * Where the writer's own words start on the line of original offset `at`, when a verdict opening that line has judged a
 * statement before them (❌ 误区！同心月月享其实…: after 误区！; 误区四：以为好产品随时都有——本周…: after the dash), and
 * `at` stands there; -1 otherwise. What the line says before that point is no part of what the writer says after it.
 */
export function ownWordsFrom(view: SpanView, at: number): number {
  if (!verdictsOf(view).length) return -1;
  const src = simpleSource(view.norm);
  let a = at;
  while (a > 0 && at - a < LINE_REACH && src[a - 1] !== '\n') a--;
  let eol = src.indexOf('\n', at);
  if (eol < 0) eol = src.length;
  const lead = leadVerdict(src, a, Math.min(eol, a + LINE_REACH));
  if (!lead) return -1;
  const from = lead.kind === 'alone' ? lead.from : lead.to < eol ? lead.to : -1;
  return from >= 0 && from <= at ? from : -1;
}

/** The line before the one starting at `a` that holds a statement (blank lines and prompts skipped), or undefined. */
function statementBefore(src: string, a: number): [number, number] | undefined {
  let b = a - 1;
  for (let n = 0; b > 0 && n < LINES_BACK; n++) {
    const la = Math.max(src.lastIndexOf('\n', b - 1) + 1, b - LINE_REACH);
    const line = src.slice(la, b);
    if (line.trim() && !PROMPT.test(line)) return [la, b];
    b = la - 1;
  }
  return undefined;
}

/** The verdicts of one text, in order (made once per text; none without a verdict mark). */
const cached = new Attached<SpanView, Verdict[]>('verdicts');
/** verdicts another text of the asset gives this one's numbered items (body ① …（  ） ‖ footer 答案：① √  ② ×) */
const keyed = new Attached<SpanView, Verdict[]>('keyed verdicts');
const NONE: Verdict[] = [];

export function verdictsOf(view: SpanView): Verdict[] {
  let v = cached.get(view);
  if (v) return v;
  const src = simpleSource(view.norm);
  const own = GATE.test(src) ? readVerdicts(src) : NONE;
  const other = keyed.get(view);
  v = other?.length ? [...own, ...other].sort((x, y) => x.from - y.from) : own;
  cached.set(view, v);
  return v;
}

/** The verdict on original offset `at` of the view: 1 true (the writer's claim), -1 false (named), 0 none. */
export function verdictAt(view: SpanView, at: number): number {
  const list = verdictsOf(view);
  if (!list.length) return 0;
  // (ranges are in order and seldom overlap: the last one starting at or before `at`, and a few before it)
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.from <= at) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1, n = 0; i >= 0 && n < 4; i--, n++) if (at < list[i]!.to) return list[i]!.truth ? 1 : -1;
  return 0;
}

/** The numbered entries of the answer keys in `src` (答案：1. ×  2. √ → 1 false, 2 true), and the keys' lines. */
function keysOf(src: string): { entries: Map<string, boolean>; lines: [number, number][] } | undefined {
  if (!src.includes('答案')) return undefined;
  let entries: Map<string, boolean> | undefined;
  const lines: [number, number][] = [];
  KEY.lastIndex = 0;
  for (let k = KEY.exec(src); k; k = KEY.exec(src)) {
    let at = KEY.lastIndex;
    let found = 0;
    for (let e = 0; e < 30; e++) {
      KEY_ENTRY.lastIndex = at;
      const m = KEY_ENTRY.exec(src);
      if (!m) break;
      const token = m[4]!;
      const truth = truthOf(/^[^\u4e00-\u9fffA-Za-z]/.test(token) ? token : undefined, /^[\u4e00-\u9fffA-Za-z]/.test(token) ? token : undefined);
      if (truth === undefined) break;
      (entries ??= new Map()).set(m[1] ?? m[2] ?? m[3]!, truth);
      found++;
      at = KEY_ENTRY.lastIndex;
    }
    if (found) {
      const eol = src.indexOf('\n', k.index);
      lines.push([src.lastIndexOf('\n', k.index) + 1, eol < 0 ? src.length : eol]);
    }
    KEY.lastIndex = Math.max(KEY.lastIndex, at);
  }
  return entries ? { entries, lines } : undefined;
}

/** the numbered item lines of `src` that a key judges: each line's content after its number */
function itemsJudged(src: string, entries: Map<string, boolean>, skip: [number, number][] = []): Verdict[] {
  const out: Verdict[] = [];
  for (let a = 0; a < src.length; ) {
    let eol = src.indexOf('\n', a);
    if (eol < 0) eol = src.length;
    ITEM.lastIndex = a;
    const m = ITEM.exec(src);
    if (m && !skip.some(([x, y]) => a >= x && a < y)) {
      const truth = entries.get(m[1] ?? m[2] ?? m[3]!);
      if (truth !== undefined && ITEM.lastIndex < eol) out.push({ from: ITEM.lastIndex, to: eol, truth });
    }
    a = eol + 1;
  }
  return out;
}

/**
 * Reads the verdicts of one text (see the head of this file): the numbered items its keys judge, a verdict opening each
 * line, then one pass of INLINE over the whole text for a verdict after a line's statement (the first on each line that
 * has none yet). Linear: each line is read a bounded way, and the text once.
 */
function readVerdicts(src: string): Verdict[] {
  const out: Verdict[] = [];
  const keys = keysOf(src);
  if (keys) for (const v of itemsJudged(src, keys.entries, keys.lines)) out.push(v);
  /** the starts of the lines that hold a verdict already (or a key) */
  const done = new Set<number>();
  for (const [a] of keys?.lines ?? []) done.add(a);
  for (let a = 0; a < src.length; ) {
    let eol = src.indexOf('\n', a);
    if (eol < 0) eol = src.length;
    const lead = done.has(a) ? undefined : leadVerdict(src, a, Math.min(eol, a + LINE_REACH));
    if (lead) {
      done.add(a);
      // (alone, it judges the statement on a line before; what the writer says after it is read as usual)
      const st = lead.kind === 'before' ? ([lead.from, lead.to] as const) : statementBefore(src, a);
      if (st) out.push({ from: st[0], to: st[1], truth: lead.truth });
    }
    a = eol + 1;
  }
  let lineStart = 0;
  let nextBreak = src.indexOf('\n');
  INLINE.lastIndex = 0;
  for (let m = INLINE.exec(src); m; m = INLINE.exec(src)) {
    if (m[0].length === 0) {
      INLINE.lastIndex++;
      continue;
    }
    while (nextBreak >= 0 && nextBreak < m.index) {
      lineStart = nextBreak + 1;
      nextBreak = src.indexOf('\n', lineStart);
    }
    const a = lineStart;
    if (done.has(a) || m.index - a > LINE_REACH) continue;
    const [, stop, arrow, label, open, mark, word, close] = m;
    if (!mark && !word) continue;
    // (a word needs more than a space before it: 今天 真 is no verdict; a true word answers a question or follows a label)
    if (!mark && !(stop || arrow || label || open)) continue;
    if (open && (!close || '（(【['.indexOf(open) !== '）)】]'.indexOf(close))) continue;
    const truth = truthOf(mark, word);
    if (truth === undefined) continue;
    if (!mark && truth && !(arrow || label || open || /[?？]/.test(stop ?? ''))) continue;
    // (a verdict stands alone — a stop, a comma, a bracket or the line's end after it — unless it is a mark after a key or a
    // question, or a mark in brackets, which may go on to say why: 答案：× 严禁员工承诺保本; 理财会亏？❌ 不存在的;
    // 只要不卖就不亏。（×）不卖，市值下跌也是真实的损失)
    if (!ALONE.test(src.slice(INLINE.lastIndex, INLINE.lastIndex + 4)) && !(mark && (label || (open && close) || /[?？]/.test(stop ?? '')))) continue;
    const at = m.index + (stop ? 1 : 0);
    if (at - a < 2 || !src.slice(a, at).trim()) continue;
    out.push({ from: a, to: at, truth });
    done.add(a);
  }
  return out.sort((x, y) => x.from - y.from);
}

/**
 * Numbered items of one text judged by an answer key in another text of the asset (body ① …（  ）⏎② …（  ） ‖ footer
 * 答案：① √  ② ×): kept on the items' view for verdictsOf. Only assets with a key (答案) read anything.
 */
export function keyAcross(views: SpanView[]): void {
  if (views.length < 2 || !views.some((v) => v.span.text.includes('答案'))) return;
  for (const kv of views) {
    const keys = keysOf(simpleSource(kv.norm));
    if (!keys) continue;
    for (const v of views) {
      if (v === kv) continue;
      const items = itemsJudged(simpleSource(v.norm), keys.entries);
      if (items.length) keyed.set(v, [...(keyed.get(v) ?? []), ...items]);
    }
  }
}
