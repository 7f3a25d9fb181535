// Normalisation before matching, with an offset map back to the original.
//
// Evasion lives in the bytes, not the words: full-width letters (ＡＢＣ), zero-width characters,
// traditional characters (預期收益), symbols inserted between characters (保·本, 保 本). The
// linter matches on a normalised copy and reports on the original: every character of the copy
// remembers the original UTF-16 range it came from.
//
// Steps, per code point of the original: NFKC; drop format characters (zero-width space/joiners,
// word joiner, BOM, soft hyphen, bidi marks) and combining marks; traditional → simplified with
// OpenCC's character dictionaries (one character to one character, so offsets stay exact; OpenCC's
// phrase tables change lengths and only matter for words the rules do not contain); then drop
// whitespace and punctuation that sit between two CJK characters. What was dropped between two
// characters is remembered as a "gap strength", so a rule term may run across an inserted space
// or symbol but never across a clause or sentence boundary (，。！？ or a line break).
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import { readEvasion } from './evasion.ts';
import { CJK, CLAUSE, CONFUSABLES, DIGIT, DROP, GAP, LATIN, MASK, OTHER, SENTENCE, WEAK } from './classes.ts';

export { DROP, CJK, DIGIT, LATIN, OTHER, GAP, MASK, WEAK, CLAUSE, SENTENCE, CONFUSABLES } from './classes.ts';

export interface Normalized {
  /** the original text */
  source: string;
  /** the normalised text */
  text: string;
  /** text[i] came from source.slice(start[i], end[i]) */
  start: Int32Array;
  end: Int32Array;
  /** class of text[i] (CJK, DIGIT, …) */
  cls: Uint8Array;
  /** strength of the whitespace/punctuation dropped right before text[i] (0 when none) */
  gap: Uint8Array;
  /** clause and sentence index of text[i]: context checks stay within one */
  clause: Int32Array;
  sentence: Int32Array;
  /** how text[i] was read when it stands for evaded characters (evasion.ts VIA_*), else 0 */
  via: Uint8Array;
  /** the source holds traditional characters (simpleSource converts them) */
  traditional?: true;
}

const SENTENCE_MARKS = new Set([...'。｡！？!?\n\r\u2028\u2029']);
const CLAUSE_MARKS = new Set([...'，、；：,;:…⋯']);

// Traditional (and Taiwan/Hong Kong variant) → simplified, one character each.
const T2S = new Map<string, string>();
function loadDict(dict: string, into: Map<string, string>) {
  for (const pair of dict.split('|')) {
    const sp = pair.indexOf(' ');
    if (sp > 0) into.set(pair.slice(0, sp), pair.slice(sp + 1).split(' ')[0]!);
  }
}
{
  const ts = new Map<string, string>();
  loadDict(TSCharacters, ts);
  const variants = new Map<string, string>();
  loadDict(TWVariantsRev, variants);
  loadDict(HKVariantsRev, variants);
  for (const [t, s] of ts) T2S.set(t, s);
  // a character that is itself standard simplified stays (Taiwan's 么 → 幺 would turn 什么 into 什幺)
  const simplified = new Set(ts.values());
  for (const [v, t] of variants) if (!T2S.has(v) && !simplified.has(v)) T2S.set(v, ts.get(t) ?? t);
}

// Look-alike characters read as the character they imitate (confusables.yaml `chars`).
const LOOKALIKE = new Map<string, string>(Object.entries(CONFUSABLES.chars ?? {}));

interface Entry {
  /** normalised output, possibly several code units or none */
  out: string;
  /** class of each output code unit */
  classes: number[];
  /** gap strength of each output code unit (for GAP) */
  strengths: number[];
  /** a traditional character read as simplified (Normalized.traditional) */
  traditional?: true;
}

const isFormat = /[\p{Cf}\p{Mn}\p{Me}]/u;
const isSpace = /\p{White_Space}/u;
const isPunct = /[\p{P}\p{S}]/u;
const isHan = /[\p{Script=Han}〇]/u;

function classify(ch: string, orig: string): { cls: number; strength: number } {
  if (ch === '*' || ch === '＊') return { cls: MASK, strength: 0 };
  if (isSpace.test(ch)) return { cls: GAP, strength: ch === '\n' || ch === '\r' || SENTENCE_MARKS.has(orig) ? SENTENCE : WEAK };
  // (≠ is a word: 业绩比较基准≠预期收益率 denies what follows it)
  if (ch === '≠') return { cls: OTHER, strength: 0 };
  if (isPunct.test(ch)) {
    const strength = SENTENCE_MARKS.has(orig) ? SENTENCE : CLAUSE_MARKS.has(orig) ? CLAUSE : WEAK;
    return { cls: GAP, strength };
  }
  if (isHan.test(ch)) return { cls: CJK, strength: 0 };
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return { cls: DIGIT, strength: 0 };
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return { cls: LATIN, strength: 0 };
  return { cls: OTHER, strength: 0 };
}

/** Enclosed ideographs shown as emoji (🉐 🈚 🈶 ㊙ ㊗): decoration between characters, not the character NFKC reads… */
const isEmojiIdeograph = (cp: number) => (cp >= 0x1f200 && cp <= 0x1f2ff) || cp === 0x3297 || cp === 0x3299;

function compute(cp: number): Entry {
  const orig = String.fromCodePoint(cp);
  if (isFormat.test(orig)) return { out: '', classes: [], strengths: [] };
  // …unless confusables.yaml reads it as a word (本金🈚️忧 is 本金无忧)
  if (isEmojiIdeograph(cp) && !LOOKALIKE.has(orig)) return { out: orig, classes: orig.length === 2 ? [GAP, GAP] : [GAP], strengths: orig.length === 2 ? [WEAK, WEAK] : [WEAK] };
  let out = '';
  let traditional = false;
  for (let ch of orig.normalize('NFKC')) {
    if (isFormat.test(ch)) continue;
    ch = LOOKALIKE.get(ch) ?? ch;
    // Latin letters with diacritics (pinyin tone marks: wěn zhuàn) read without them
    const c = ch.charCodeAt(0);
    if ((c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff)) {
      const bare = ch.normalize('NFD').replace(/\p{Mn}/gu, '');
      if (/^[A-Za-z]+$/.test(bare)) ch = bare;
    }
    const simple = T2S.get(ch);
    if (simple !== undefined) {
      ch = simple;
      traditional = true;
    }
    out += LOOKALIKE.get(ch) ?? ch;
  }
  const classes: number[] = [];
  const strengths: number[] = [];
  for (let i = 0; i < out.length; i++) {
    // a surrogate pair shares the class of its code point
    const code = out.codePointAt(i)!;
    const { cls, strength } = classify(String.fromCodePoint(code), orig);
    classes.push(cls);
    strengths.push(strength);
    if (code > 0xffff) {
      classes.push(cls);
      strengths.push(strength);
      i++;
    }
  }
  return { out, classes, strengths, ...(traditional ? { traditional: true as const } : {}) };
}

// The BMP fast path: one Int32 per code unit, filled on first sight. Packed as
// bit 24 "known", bit 23 "complex" (see COMPLEX), bits 20–22 strength, 16–19 class, 0–15 output.
// Bounded: 65,536 entries; complex and astral entries are few (ligatures, compatibility forms).
const TABLE = new Int32Array(0x10000);
const COMPLEX = new Map<number, Entry>();
const KNOWN = 1 << 24;
const IS_COMPLEX = 1 << 23;
/** bit 25: a traditional character (read on every sight, though computed once) */
const IS_TRAD = 1 << 25;

function lookup(c: number): number {
  let v = TABLE[c]!;
  if (v !== 0) return v;
  const e = compute(c);
  if (e.out.length === 1) v = KNOWN | (e.strengths[0]! << 20) | (e.classes[0]! << 16) | e.out.charCodeAt(0);
  else if (e.out.length === 0) v = KNOWN | (DROP << 16);
  else {
    COMPLEX.set(c, e);
    v = KNOWN | IS_COMPLEX;
  }
  if (e.traditional) v |= IS_TRAD;
  TABLE[c] = v;
  return v;
}
const ASTRAL = new Map<number, Entry>();

// Output buffers come from a slab: allocating seven small typed arrays per text costs more than
// normalising it. A slab is never reused, only abandoned when full (the garbage collector frees
// it with the last view into it), so results stay valid as long as they are referenced.
const SLAB_BYTES = 1 << 20;
let slab = new ArrayBuffer(SLAB_BYTES);
let slabUsed = 0;

interface Buffers {
  cap: number;
  start: Int32Array;
  end: Int32Array;
  clause: Int32Array;
  sentence: Int32Array;
  codes: Uint16Array;
  cls: Uint8Array;
  gap: Uint8Array;
  via: Uint8Array;
}

function allocate(cap: number): Buffers {
  const bytes = (cap * 21 + 7) & ~7;
  let buf: ArrayBuffer;
  let off: number;
  if (bytes > SLAB_BYTES / 4) {
    buf = new ArrayBuffer(bytes);
    off = 0;
  } else {
    if (slabUsed + bytes > SLAB_BYTES) {
      slab = new ArrayBuffer(SLAB_BYTES);
      slabUsed = 0;
    }
    buf = slab;
    off = slabUsed;
    slabUsed += bytes;
  }
  return {
    cap,
    start: new Int32Array(buf, off, cap),
    end: new Int32Array(buf, off + cap * 4, cap),
    clause: new Int32Array(buf, off + cap * 8, cap),
    sentence: new Int32Array(buf, off + cap * 12, cap),
    codes: new Uint16Array(buf, off + cap * 16, cap),
    cls: new Uint8Array(buf, off + cap * 18, cap),
    gap: new Uint8Array(buf, off + cap * 19, cap),
    via: new Uint8Array(buf, off + cap * 20, cap),
  };
}

// The state of the running normalisation (normalize is synchronous and not re-entrant).
let B: Buffers = allocate(16);
let len = 0;
// whitespace/punctuation waiting to learn whether it sits between two CJK characters
// (typed arrays with a count: resetting a JS array's length on every gap was a measurable cost)
let pCode = new Uint16Array(64);
let pStart = new Int32Array(64);
let pEnd = new Int32Array(64);
let pLen = 0;
let pStrength = 0;
/** an emoji is among the pending characters */
let pEmoji = false;
let lastCls = 0;
let clauseNo = 0;
let sentenceNo = 0;
/** where the current sentence began (normalised index) */
let sentenceFrom = 0;
/** Characters a sentence may run before its next clause mark ends it too. */
const MAX_SENTENCE = 400;

function grow() {
  const next = allocate(B.cap * 2);
  next.start.set(B.start);
  next.end.set(B.end);
  next.clause.set(B.clause);
  next.sentence.set(B.sentence);
  next.codes.set(B.codes);
  next.cls.set(B.cls);
  next.gap.set(B.gap);
  B = next;
}

function put(code: number, k: number, s: number, e: number, g: number) {
  if (len === B.cap) grow();
  B.codes[len] = code;
  B.cls[len] = k;
  B.start[len] = s;
  B.end[len] = e;
  B.gap[len] = g;
  B.clause[len] = clauseNo;
  B.sentence[len] = sentenceNo;
  len++;
}

/** hyphens and underscores: between two Latin words they read as a space (zero-risk = zero risk) */
const JOINERS = new Set([0x2d, 0x5f, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0xff0d]);

/**
 * The pending marks as the end of a line: 'comma' when a comma comes before one line break and nothing
 * ends a sentence (我哋行呢只季季开，⏎…); 'bare' when they are one line break and blanks only (a drawn line
 * with no mark of its own but a closing bracket); undefined otherwise.
 */
function lineEnd(): 'comma' | 'bare' | undefined {
  let comma = false;
  let other = false;
  let breaks = 0;
  for (let j = 0; j < pLen; j++) {
    const c = pCode[j]!;
    if (c === 0x2c || c === 0xff0c || c === 0x3001) comma = breaks === 0 || comma;
    else if (c === 10) breaks++;
    else if (c === 0x3002 || c === 0x21 || c === 0x3f || c === 0xff01 || c === 0xff1f || c === 0xff61 || c === 0x2028 || c === 0x2029) return undefined;
    // (a closing bracket ends the line's last phrase, not its sentence: 申购任意一只代销基金（金额不限）⏎即可领取…)
    else if (c !== 13 && c !== 32 && c !== 0x3000 && c !== 9 && c !== 0x29 && c !== 0xff09) other = true;
  }
  if (breaks !== 1) return undefined;
  return comma ? 'comma' : other ? undefined : 'bare';
}

function flushPending(betweenLatin = false) {
  for (let j = 0; j < pLen; j++) put(betweenLatin && JOINERS.has(pCode[j]!) ? 0x20 : pCode[j]!, GAP, pStart[j]!, pEnd[j]!, 0);
}

function feed(code: number, k: number, strength: number, s: number, e: number) {
  if (k === GAP) {
    if (pLen === pCode.length) {
      const grownCode = new Uint16Array(pLen * 2);
      grownCode.set(pCode);
      pCode = grownCode;
      const grownStart = new Int32Array(pLen * 2);
      grownStart.set(pStart);
      pStart = grownStart;
      const grownEnd = new Int32Array(pLen * 2);
      grownEnd.set(pEnd);
      pEnd = grownEnd;
    }
    pCode[pLen] = code;
    pStart[pLen] = s;
    pEnd[pLen] = e;
    pLen++;
    if (strength > pStrength) pStrength = strength;
    // an emoji and then a space end a clause, as a mark would (都已经成为历史📜 如今的理财…)
    // (only an emoji right after a character: 稳 ✨ 赚 ✨ 不 ✨ 赔 spaces its characters, it ends nothing)
    if (((code >= 0xd800 && code <= 0xdbff) || (code >= 0x2600 && code <= 0x27bf)) && pLen === 1) pEmoji = true;
    else if (pEmoji && (code === 32 || code === 0x3000 || code === 9) && pStrength < CLAUSE) pStrength = CLAUSE;
    return;
  }
  let g = 0;
  if (pLen > 0) {
    // an English full stop: a period and a space before a capital or a Chinese character ends a
    // sentence (No. There's no guaranteed return), not 4.5 or 3. 5
    if (pStrength < SENTENCE && pLen >= 2 && pCode[pLen - 2] === 46 && (pCode[pLen - 1] === 32 || pCode[pLen - 1] === 9) && lastCls === LATIN && ((code >= 65 && code <= 90) || k === CJK)) pStrength = SENTENCE;
    // a line that ends on a comma goes on in the next (我哋行呢只季季开，由出嚟到而家，⏎冇一期唔赚): one line break after a comma
    // ends a clause, not the sentence
    // (and so does a line whose next opens with 就/即/便, which no sentence opens with: 续作同心月月鑫⏎就能参加幸运大转盘;
    // or with 送/赠, a poster's consequence set on its own line: 认购金钥匙安盈满5万元⏎送进口猫粮一袋)
    if (pStrength >= SENTENCE) {
      const end = lineEnd();
      if (end === 'comma' || (end === 'bare' && (code === 0x5c31 || code === 0x5373 || code === 0x4fbf || code === 0x9001 || code === 0x8d60))) pStrength = CLAUSE;
    }
    if (lastCls === CJK && k === CJK) g = pStrength;
    else flushPending(lastCls === LATIN && k === LATIN);
    if (pStrength >= CLAUSE) clauseNo++;
    // a sentence of more than MAX_SENTENCE characters ends at its next clause mark: no real claim
    // spans that far, and context checks within a sentence stay linear in the text
    if (pStrength >= SENTENCE || (pStrength >= CLAUSE && len - sentenceFrom > MAX_SENTENCE)) {
      sentenceNo++;
      sentenceFrom = len;
    }
    pLen = 0;
    pStrength = 0;
    pEmoji = false;
  }
  put(code, k, s, e, g);
  lastCls = k;
}

function feedEntry(e: Entry, s: number, t: number) {
  for (let j = 0; j < e.out.length; j++) feed(e.out.charCodeAt(j), e.classes[j]!, e.strengths[j]!, s, t);
}

/**
 * Normalises `source` for matching: the character steps of the file comment, then evasion read
 * back (evasion.ts: components, digits for numerals, pinyin, homophones). Computed once per text;
 * every rule, detector and concept list works on the result.
 */
export function normalize(source: string): Normalized {
  return readEvasion(normalizeBase(source), normalizeTerm);
}

/** measure words after which Cantonese 呢 is "this" (呢款理财, 呢隻基金, 呢個月, 呢啲): 个 for 個, 只 for 隻 once read */
const MEASURE_AFTER_THIS = new Set([...'款只支个份期种张间位班些笔单批类次排度'].map((c) => c.charCodeAt(0)));
const NE = '呢'.charCodeAt(0);
const ZHE = '这'.charCodeAt(0);

/**
 * Cantonese 呢 before a measure word, written right against it, is the demonstrative 这 (呢款理财 is
 * 这款理财); the Mandarin particle 呢 ends a clause (怎么办呢？这只…) and keeps its reading.
 */
function cantoneseThis(b: Buffers, n: number): void {
  for (let i = 0; i + 1 < n; i++)
    if (b.codes[i] === NE && b.end[i] === b.start[i + 1] && b.cls[i + 1] === CJK && MEASURE_AFTER_THIS.has(b.codes[i + 1]!)) b.codes[i] = ZHE;
}

const XI = '系'.charCodeAt(0);
const SHI = '是'.charCodeAt(0);
const BU = '不'.charCodeAt(0);
/** what follows 系 in Mandarin words (不系统地, 不系列): there 系 is no copula */
const XI_WORD = new Set([...'统列数带里着紧'].map((c) => c.charCodeAt(0)));

/**
 * Cantonese 系 is the copula 是 after a negation (唔系理财, read 不系: 不是理财) and before one in a
 * question (系唔系存单: 是不是存单), where Mandarin has no 不系 but in 不系统 and the like.
 */
function cantoneseIs(b: Buffers, n: number): void {
  for (let i = 1; i < n; i++)
    if (b.codes[i] === XI && b.codes[i - 1] === BU && b.end[i - 1] === b.start[i] && !(i + 1 < n && XI_WORD.has(b.codes[i + 1]!))) {
      b.codes[i] = SHI;
      // (and the 系 of the question 系唔系: 是不是)
      if (i >= 2 && b.codes[i - 2] === XI && b.end[i - 2] === b.start[i - 1]) b.codes[i - 2] = SHI;
    }
}

/** emoji that say yes (👌 👍 ✅ ✔ ☑ 🙆 💯) */
export const ASSENT_EMOJI = ['👌', '👍', '✅', '✔', '☑', '🙆', '💯'];
const ASSENT = new Set(ASSENT_EMOJI.map((e) => e.codePointAt(0)!));
const DUI = '对'.charCodeAt(0);
/** the end of an answer: the text's or a line's end, or a mark that ends a clause */
const ANSWER_END = new Set([...'\n。！!，,~～…？?'].map((c) => c.charCodeAt(0)));
/**
 * An emoji of assent that is a whole answer — after a speaker's colon or at a line's start, and
 * ending its clause (客户：保本吗？⏎我：👌) — is read as the word 对 it stands for; anywhere else it
 * is decoration (✅ 随存随取) and dropped like any emoji. Returns where the answer's emoji end (its
 * skin tones and repeats: 👍🏻👍🏻), or -1.
 */
function answersAlone(src: string, s: number, e: number): number {
  let a = s;
  while (a > 0 && (src.charCodeAt(a - 1) === 32 || src.charCodeAt(a - 1) === 0x3000)) a--;
  const before = a === 0 ? 10 : src.charCodeAt(a - 1);
  if (before !== 10 && before !== 0xff1a && before !== 0x3a) return -1;
  let b = e;
  let end = e;
  while (b < src.length) {
    const c = src.codePointAt(b)!;
    if (c === 32 || c === 0x3000) b++;
    else if (c === 0xfe0f || (c >= 0x1f3fb && c <= 0x1f3ff) || ASSENT.has(c)) end = b += c > 0xffff ? 2 : 1;
    else break;
  }
  return b === src.length || ANSWER_END.has(src.charCodeAt(b)) ? end : -1;
}

/** the character at `i` stands alone on its line but for spaces and variation selectors */
function aloneOnLine(src: string, i: number): boolean {
  for (let a = i - 1; a >= 0 && src.charCodeAt(a) !== 10; a--) if (!/[\s\uFE0F]/.test(src[a]!)) return false;
  for (let b = i + 1; b < src.length && src.charCodeAt(b) !== 10; b++) if (!/[\s\uFE0F]/.test(src[b]!)) return false;
  return true;
}

/** The character steps only (no evasion): what rule terms are compiled with. */
export function normalizeBase(source: string): Normalized {
  const n = source.length;
  sawTraditional = false;
  B = allocate(n + 16);
  len = 0;
  pLen = 0;
  pStrength = 0;
  pEmoji = false;
  lastCls = 0;
  clauseNo = 0;
  sentenceNo = 0;
  sentenceFrom = 0;

  const soft = softNewlines(source);
  const bars = clauseBars(source);
  for (let i = 0; i < n; i++) {
    const c = source.charCodeAt(i);
    if (soft && (c === 10 || c === 13) && soft.has(i)) {
      feed(c, GAP, WEAK, i, i + 1);
      continue;
    }
    if (bars && (c === 0x7c || c === 0xff5c || c === 0xb7 || c === 0x2022 || c === 0x30fb || c === 0x23 || c === 0xff03 || c === 0x7e || c === 0xff5e || c === 0x301c) && bars.has(i)) {
      feed(c, GAP, CLAUSE, i, i + 1);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = source.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        const alone = ASSENT.has(cp) ? answersAlone(source, i, i + 2) : -1;
        if (alone > 0) {
          feed(DUI, CJK, 0, i, alone);
          i = alone - 1;
          continue;
        }
        let e = ASTRAL.get(cp);
        if (!e) ASTRAL.set(cp, (e = compute(cp)));
        if (e.traditional) sawTraditional = true;
        feedEntry(e, i, i + 2);
        i++;
        continue;
      }
    }
    // (an arrow alone on its line points to the next step of a chart; it says nothing is low or high: 风险 ⏎ ⬇️ ⏎ 与收益相伴)
    if ((c === 0x2b07 || c === 0x2b06) && aloneOnLine(source, i)) continue;
    if (c >= 0x2600 && c <= 0x27bf && ASSENT.has(c)) {
      const alone = answersAlone(source, i, i + 1);
      if (alone > 0) {
        feed(DUI, CJK, 0, i, alone);
        i = alone - 1;
        continue;
      }
    }
    const v = lookup(c);
    if (v & IS_TRAD) sawTraditional = true;
    if (v & IS_COMPLEX) {
      feedEntry(COMPLEX.get(c)!, i, i + 1);
      continue;
    }
    const k = (v >> 16) & 15;
    if (k === DROP) continue;
    if (k !== GAP && pLen === 0 && len < B.cap) {
      // the common case, inlined: a character with nothing pending before it
      const b = B;
      b.codes[len] = v & 0xffff;
      b.cls[len] = k;
      b.start[len] = i;
      b.end[len] = i + 1;
      b.gap[len] = 0;
      b.clause[len] = clauseNo;
      b.sentence[len] = sentenceNo;
      len++;
      lastCls = k;
      continue;
    }
    feed(v & 0xffff, k, (v >> 20) & 7, i, i + 1);
  }
  if (pLen > 0) flushPending();
  if (source.includes('呢')) cantoneseThis(B, len);
  if (source.includes('系') || source.includes('係')) cantoneseIs(B, len);

  return {
    source,
    ...(sawTraditional ? { traditional: true } : {}),
    text: len < 2048 ? String.fromCharCode.apply(null, B.codes.subarray(0, len) as unknown as number[]) : decoder.decode(B.codes.subarray(0, len)),
    start: B.start.subarray(0, len),
    end: B.end.subarray(0, len),
    cls: B.cls.subarray(0, len),
    gap: B.gap.subarray(0, len),
    clause: B.clause.subarray(0, len),
    sentence: B.sentence.subarray(0, len),
    via: B.via.subarray(0, len),
  };
}

/** true when `at` is inside brackets opened earlier on its line (【…】, 「…」, 《…》, （…）), looked back at most 40 characters */
function insideBrackets(source: string, at: number): boolean {
  let depth = 0;
  for (let j = at - 1; j >= 0 && at - j <= 40 && source[j] !== '\n'; j--) {
    const ch = source[j]!;
    if ('】」》）)'.includes(ch)) depth--;
    else if ('【「《（('.includes(ch)) {
      if (depth === 0) return true;
      depth++;
    }
  }
  return false;
}

/** a character of a word: CJK, a letter or a digit */
const WORDISH = /[\p{L}\p{N}]/u;

/**
 * Vertical bars that part two items as a clause mark would (不保本｜投资可能亏损; 起购1元 | 持有30天):
 * a bar with a word of two or more characters on each side. A bar between single characters
 * spaces out one word (稳|赚|不|赔) and parts nothing. A middle dot with a space on each side parts
 * items the same way (不保本 · 有波动 · 看清再买). Undefined when there are none.
 */
function clauseBars(source: string): Set<number> | undefined {
  let bars: Set<number> | undefined;
  const run = (from: number, step: 1 | -1) => {
    let i = from;
    while (i >= 0 && i < source.length && (source[i] === ' ' || source[i] === '\u3000')) i += step;
    let k = 0;
    while (i >= 0 && i < source.length && k < 2 && WORDISH.test(source[i]!)) {
      i += step;
      k++;
    }
    return k;
  };
  for (const bar of ['|', '｜', '·', '•', '・']) {
    // (a dot parts two items only with a space on each side: 不保本 · 有波动; 同心·月月享 stays one name)
    const spaced = bar !== '|' && bar !== '｜';
    for (let i = source.indexOf(bar); i >= 0; i = source.indexOf(bar, i + 1)) {
      if (spaced && !(/[ \u3000]/.test(source[i - 1] ?? '') && /[ \u3000]/.test(source[i + 1] ?? ''))) continue;
      // (nor inside a bracketed heading: 【朋友圈红线词 · 今日5个】 is one title)
      if (spaced && insideBrackets(source, i)) continue;
      if (run(i - 1, -1) >= 2 && run(i + 1, 1) >= 2) (bars ??= new Set()).add(i);
    }
  }
  // a hashtag's mark or a wave between two Chinese words of two characters or more parts them the same way
  // (#不承诺收益#净值会波动; 到期啦~明天见); between single characters it spaces out one word (稳~赚~不~赔; 稳#赚#不#赔)
  // (a run of marks and blanks is one parting: 到期啦~~ 明天见)
  // (hashtags written into a sentence, their first glued to the word before, are its object and part nothing:
  // 朋友圈不许带#保本 #稳赚 #闭眼入 这类话题)
  // (a word struck through, ~~不~~保本, stands apart from its neighbours whatever its length: it is not read into them)
  PARTING.lastIndex = 0;
  // (the line's first hashtag, found as the matches go: each character is read once)
  let scanned = 0;
  let lineHashed = false;
  let glued = false;
  for (let m = PARTING.exec(source); m; m = PARTING.exec(source)) {
    let a = m.index;
    while (a > 0 && (source[a - 1] === ' ' || source[a - 1] === '\u3000')) a--;
    const b = m.index + m[0].length;
    for (; scanned < m.index; scanned++) if (source.charCodeAt(scanned) === 10) lineHashed = false;
    const hash = m[0].search(/[#＃]/);
    if (hash >= 0 && !lineHashed) {
      lineHashed = true;
      glued = HAN.test(source[m.index + hash - 1] ?? '');
    }
    const struck = m[0].includes('~~') && (STRUCK.test(source.slice(b, b + 14)) || STRUCK_BEFORE.test(source.slice(Math.max(0, a - 14), a)));
    if (!struck) {
      if (!HAN.test(source[a - 1] ?? '') || !HAN.test(source[b] ?? '') || run(a - 1, -1) < 2 || run(b, 1) < 2) continue;
      if (hash >= 0 && glued) continue;
    }
    for (let j = a; j < b; j++) if (source.charCodeAt(j) !== 32 && source.charCodeAt(j) !== 0x3000) (bars ??= new Set()).add(j);
  }
  return bars;
}

/** hashtag marks and waves, with the blanks after them (those before are read back from the first) */
const PARTING = /[#＃~～〜][#＃~～〜 \u3000]*/g;
/** the struck word after an opening ~~, and before a closing one */
const STRUCK = /^[^~\n]{1,12}~~/;
const STRUCK_BEFORE = /~~[^~\n]{1,12}$/;
const HAN = /[\u4e00-\u9fff]/;

/**
 * Line breaks inside text written one or two characters per line (稳\n赚\n不\n赔): between two
 * such lines the break is an inserted gap, not a sentence end. Undefined when there are none.
 */
/** Consecutive soft line breaks at most: longer runs of one-word lines are lists, not one word. */
const MAX_SOFT_RUN = 24;

function softNewlines(source: string): Set<number> | undefined {
  let soft: Set<number> | undefined;
  let prevShort = false;
  let prevBreak = -1;
  /** the break before the previous line; whether the line before that one, and the previous line, read on */
  let breakBefore = -1;
  let beforeLeads = false;
  let lastLeads = false;
  let run = 0;
  for (let start = 0; start <= source.length; ) {
    let nl = source.indexOf('\n', start);
    if (nl < 0) nl = source.length;
    const short = nl - start <= 12 && isShortLine(source.slice(start, nl));
    // a word spelt down the lines is a few lines long; a run longer than that is a list, and its
    // breaks end sentences again (so one endless "sentence" never makes context checks quadratic)
    run = short && prevShort ? run + 1 : 0;
    if (short && prevShort && run <= MAX_SOFT_RUN) {
      soft ??= new Set();
      soft.add(prevBreak);
      if (prevBreak > 0 && source.charCodeAt(prevBreak - 1) === 13) soft.add(prevBreak - 1);
      // the line a spelt-down word continues (这款理财⏎安⏎全⏎又⏎省⏎心): unless it ended its sentence
      if (run === 1 && beforeLeads) {
        soft.add(breakBefore);
        if (breakBefore > 0 && source.charCodeAt(breakBefore - 1) === 13) soft.add(breakBefore - 1);
      }
    }
    breakBefore = prevBreak;
    beforeLeads = lastLeads;
    // (only a line that a word can continue: short of a paragraph, not closed by a sentence mark)
    lastLeads = !short && nl > start && nl - start <= 40 && !/[。｡！？!?…~～」』”"）)]\s*$/.test(source.slice(start, nl));
    prevShort = short;
    prevBreak = nl;
    start = nl + 1;
  }
  return soft;
}

const HAN_CHAR = /\p{Script=Han}/u;
const FILLER = /[\s\p{P}\p{S}\p{Cf}\p{Mn}\p{Me}]/u;
/** one or two Han characters and nothing else but spaces, punctuation and emoji */
function isShortLine(line: string): boolean {
  let han = 0;
  for (const ch of line) {
    if (HAN_CHAR.test(ch)) han++;
    else if (!FILLER.test(ch)) return false;
  }
  return han >= 1 && han <= 2;
}


const decoder = new TextDecoder('utf-16le');

/** The normalised form of a rule term or phrase, as it will be matched (ASCII letters lower-cased). */
export function normalizeTerm(term: string): string {
  return normalizeBase(term).text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

let sawTraditional = false;

/** BMP traditional → simplified, one code unit each (0: unchanged), made on first use */
let t2sCodes: Uint16Array | undefined;
const simpleSources = new WeakMap<Normalized, string>();
/**
 * The source with traditional characters read as simplified, character for character (same length,
 * so every offset into the source holds): what the claims layer's phrase checks read, so 別信「…」這種話
 * is read as 别信「…」这种话. The source itself when it holds none.
 */
export function simpleSource(n: Normalized): string {
  if (!n.traditional) return n.source;
  let s = simpleSources.get(n);
  if (s !== undefined) return s;
  if (!t2sCodes) {
    t2sCodes = new Uint16Array(0x10000);
    for (const [t, v] of T2S) if (t.length === 1 && v.length === 1) t2sCodes[t.charCodeAt(0)] = v.charCodeAt(0);
  }
  const codes = new Uint16Array(n.source.length);
  for (let i = 0; i < codes.length; i++) {
    const c = n.source.charCodeAt(i);
    codes[i] = t2sCodes[c] || c;
  }
  s = decoder.decode(codes);
  simpleSources.set(n, s);
  return s;
}

/** Traditional → simplified, character by character (for words and display). */
export function toSimplified(text: string): string {
  let out = '';
  for (const ch of text) out += T2S.get(ch) ?? ch;
  return out;
}

/** The original [start, end) of normalised [from, to). */
export function originalRange(n: Normalized, from: number, to: number): [number, number] {
  return [n.start[from]!, n.end[to - 1]!];
}

/** True when normalised [from, to) does not cross a dropped clause or sentence mark. */
export function withinClause(n: Normalized, from: number, to: number): boolean {
  return n.clause[from] === n.clause[to - 1];
}
