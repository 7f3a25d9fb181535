// Numbers that identify a person: digit runs read from the original text in any form — ASCII or
// full-width digits, circled digits (①③⑧, ❶, ⓵), keycap emoji (1️⃣), Chinese numerals
// (一二三/壹贰叁/幺/两, the radio reading 洞幺两…拐八勾), digits spelled as English or pinyin words
// (one three eight, yao san ba, yī sān bā), separated by spaces, dashes, dots, emoji, a line break or zero-width
// characters, × typed for an ID's X — then classified by their validators: resident ID (MOD 11-2
// check digit, valid region and birth date; a foreign permanent resident's 9…, 2023 on), mobile number, bank card (16–19 digits: a domestic
// bank's BIN, or Luhn). Numbers given in pieces ("前3位138，中间4位0013，后4位8000") are put
// together by findPieces.
import type { SpanView } from './types.ts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Attached } from '../attach.ts';
import { storedTable, storeTable } from '../data-cache.ts';

/** digit value of a code unit: 0–9, X (ID check character), separator, ignored, or none */
const NONE = -1;
const X = 10;
const SEP = 11;
const IGNORE = 12;
/** a character that reads as two digits (⑬, ⒀, ⒔): its digits are in PAIRS */
const PAIR = 13;
const VALUE = new Int8Array(0x10000).fill(NONE);
const PAIRS = new Map<number, string>();
for (let d = 0; d <= 9; d++) {
  VALUE[48 + d] = d;
  VALUE[0xff10 + d] = d;
}
const NUMERALS: [string, number][] = [
  ['〇零洞', 0],
  ['一壹幺', 1],
  ['二贰貳两兩', 2],
  ['三叁參叄参', 3],
  ['四肆', 4],
  ['五伍', 5],
  ['六陆陸', 6],
  ['七柒拐', 7],
  ['八捌', 8],
  ['九玖勾', 9],
];
for (const [chars, d] of NUMERALS) for (const ch of chars) VALUE[ch.charCodeAt(0)] = d;
// What Unicode says of each code unit (symbols; what NFKC reads as digits), worked out once per
// Node (ICU) version and kept in node_modules/.cache/wendu/ (the three passes over the BMP below
// cost tens of milliseconds at every start); the table is the same either way.
{
  const stored = storedTable(`numbers-${tableKey()}`, VALUE.length);
  if (stored) {
    VALUE.set(new Int8Array(stored.bytes.buffer, stored.bytes.byteOffset, VALUE.length));
    for (const [c, digits] of stored.extra as [number, string][]) PAIRS.set(c, digits);
  } else {
    unicodeValues();
    storeTable(`numbers-${tableKey()}`, new Uint8Array(VALUE.buffer), [...PAIRS]);
  }
}

function unicodeValues() {
  // symbols and emoji between digit groups separate them (138🌟0013🌟8000); letters and CJK end a run
  const symbol = /^[\p{So}\p{Sk}]$/u;
  for (let c = 0x2000; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) if (symbol.test(String.fromCharCode(c))) VALUE[c] = SEP;
  // anything that NFKC reads as one digit: circled ①, parenthesised ⑴, with a full stop ⒈, ⓪
  for (let c = 0x80; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const m = /^\(?([0-9])\)?\.?$/.exec(String.fromCharCode(c).normalize('NFKC'));
    if (m) VALUE[c] = Number(m[1]);
  }
  // decimal digits of every script (Arabic-Indic ١٣٨, Devanagari, …): each script's ten in a row
  const digit = /^\p{Nd}$/u;
  for (let c = 0x80, run = 0; c < 0x10000; c++) {
    run = digit.test(String.fromCharCode(c)) ? run + 1 : 0;
    if (run && VALUE[c] === NONE) VALUE[c] = (run - 1) % 10;
  }
  // marks written over or under a digit (1̲3̲8̶), and the controls that only turn or join text
  // (U+202E right-to-left override, word joiners): not there
  const mark = /^\p{M}$/u;
  for (let c = 0x300; c < 0x10000; c++) if (VALUE[c] === NONE && mark.test(String.fromCharCode(c))) VALUE[c] = IGNORE;
  for (const c of [0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x061c]) VALUE[c] = IGNORE;
  // circled and parenthesised numbers 10–50 (⑬, ⒀, ⒔, ㉑): two digits each
  for (let c = 0x2460; c < 0x3300; c++) {
    if (VALUE[c] !== NONE) continue;
    const m = /^\(?([0-9]{2})\)?\.?$/.exec(String.fromCharCode(c).normalize('NFKC'));
    if (m) {
      VALUE[c] = PAIR;
      PAIRS.set(c, m[1]!);
    }
  }
}

/** what the table depends on: this file's code and the Unicode data of this Node */
function tableKey(): string {
  let source = '';
  try {
    source = readFileSync(new URL('./numbers.ts', import.meta.url), 'utf8');
  } catch {
    return '';
  }
  return createHash('sha256').update(source).update(`\0${process.version}\0${process.versions.icu}\0${process.versions.unicode}`).digest('hex').slice(0, 32);
}

// dingbat and double circled digits NFKC leaves alone: ❶–❾, ➀–➈, ➊–➒, ⓵–⓽, ⓿
for (let d = 1; d <= 9; d++) for (const base of [0x2775, 0x277f, 0x2789, 0x24f4]) VALUE[base + d] = d;
VALUE[0x24ff] = 0;
// (叉: the X of an ID read aloud — 四二六叉)
for (const ch of 'XxＸｘ×╳ⅩⅹΧχ叉') VALUE[ch.charCodeAt(0)] = X;
// (an ellipsis and the fillers of speech between groups read aloud: 六二五八……零七二六; 五幺零幺零七，呃，幺九八五;
// groups called out: 幺五两！六八洞九！四四幺三！)
for (const ch of ' \t\u3000\u00a0\n\r-‐‑‒–—－.．·・•_/／()（）|｜~～，、…⋯呃嗯！!杠') VALUE[ch.charCodeAt(0)] = SEP;
// zero-width characters, variation selectors and the keycap mark (1️⃣ is 1 U+FE0F U+20E3)
for (const ch of '\u200b\u200c\u200d\u2060\ufeff\u00ad\ufe0e\ufe0f\u20e3') VALUE[ch.charCodeAt(0)] = IGNORE;

/** words that count what the digits before them number (15位, 3个, 60岁) */
const MEASURE_AFTER = new Set([...'位个岁年元块人次天期'].map((c) => c.charCodeAt(0)));
/** at most this many separator characters between two digit groups of one number */
const MAX_SEPARATORS = 3;

interface Group {
  digits: string;
  from: number;
  to: number;
  /** a line break separates it from the group before */
  nl?: boolean;
}

/**
 * a number continues across a line break only between lines holding at least this many of its
 * digits (not 1\n2\n3; but 4 1 0 1 0 2\n1 9 8 8…, a number typed digit by digit over lines, does)
 */
const MIN_GROUP_ACROSS_LINES = 3;

/**
 * `id-suspect`: 18 characters with a valid region and birth date but a wrong check digit;
 * `card-suspect`: 16–19 digits that pass no card check (a typo, or an issuer not listed) — each
 * reported only next to its label (身份证, 卡号), and never in place of a number that checks;
 * `phone-local`: eight digits, a Hong Kong or Macau number without its country code or a landline
 * without its area code — a person's only next to them (李生 9376 2054; 区小姐（澳门）6628 7719)
 */
export type NumberKind = 'id' | 'phone' | 'card' | 'id-suspect' | 'card-suspect' | 'phone-local';

export interface FoundNumber {
  kind: NumberKind;
  /** ASCII digits (and a final X for an ID), as read */
  digits: string;
  /** original [from, to) in the span text */
  from: number;
  to: number;
  /** phones: the country prefix read before the number (`86`, `0086`) */
  prefix?: string;
  /** cards: why the number is taken for a card (Luhn, or a domestic bank's BIN with a wrong check digit); IDs: a foreign permanent resident's (9332…) */
  why?: 'luhn' | 'bin' | 'foreign';
}

const cache = new Attached<SpanView, FoundNumber[]>('numbers');

/** Identifying numbers in a view's original text (computed once per view, shared by the PII detectors). */
export function findNumbers(view: SpanView): FoundNumber[] {
  let found = cache.get(view);
  if (!found) {
    found = scan(view.span.text);
    // (and as a scan or a photo read it, letters for the digits they look like: 身份证号：33O1O6l9B5O7l2OOl7)
    const ocr = ocrDigits(view.span.text);
    if (ocr !== view.span.text) {
      // (the longer reading wins: 手机 l5S 8O7l 3426 is one number, not its last four digits; both lists are in text
      // order, so one pointer walks the numbers read first and the merge stays linear)
      const first = found;
      const dropped = new Uint8Array(first.length);
      const added: FoundNumber[] = [];
      let k = 0;
      for (const n of scan(ocr)) {
        while (k < first.length && first[k]!.to <= n.from) k++;
        let j = k;
        let longer = false;
        for (; j < first.length && first[j]!.from < n.to; j++) if (first[j]!.digits.length >= n.digits.length) longer = true;
        if (longer) continue;
        for (let q = k; q < j; q++) dropped[q] = 1;
        added.push(n);
      }
      if (added.length) found = [...first.filter((_, i) => !dropped[i]), ...added].sort((a, b) => a.from - b.from);
    }
    // pieces only where a position word is written at all
    if (PIECE_WORD.test(view.span.text)) {
      // (the numbers written whole are in text order: the ones a piece could overlap are found by a
      // binary search, so thousands of pieces cost no more than thousands of numbers)
      const whole = found.slice();
      for (const p of findPieces(ocr)) {
        let lo = 0;
        let hi = whole.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (whole[mid]!.to <= p.from) lo = mid + 1;
          else hi = mid;
        }
        let overlaps = false;
        for (let k = lo; k < whole.length && whole[k]!.from < p.to; k++) if (whole[k]!.to > p.from && whole[k]!.kind === p.kind) overlaps = true;
        if (!overlaps) found.push(p);
      }
    }
    cache.set(view, found);
  }
  return found;
}

/** a run of digits and the letters a scan or a photo reads for them (O, o: 0; I, l: 1; S: 5; B: 8), four or more, single spaces or dashes between */
const OCR_RUN = /[0-9OoIlSB](?:[ -]?[0-9OoIlSB]){3,}/g;
/**
 * `text` with the letters of OCR_RUN read as the digits they stand for, where two in five of a run's characters
 * at least are digits and it stands apart from other Latin letters (l36 OS7l B842 is 136 0571 8842; BOSS 1000 and SOS stay):
 * the same length, so every offset stays.
 */
export function ocrDigits(text: string): string {
  if (!/[OoIlSB]/.test(text) || !/[0-9]/.test(text)) return text;
  return text.replace(OCR_RUN, (run: string, at: number) => {
    const chars = run.replace(/[ -]/g, '');
    const digits = chars.replace(/[^0-9]/g, '').length;
    if (digits === chars.length || digits < 2 || digits * 5 < chars.length * 2) return run;
    // (a code is a letter and then its digits: 叫号 B066, 窗口 S12)
    if (/^[A-Za-z][0-9]+$/.test(chars)) return run;
    if (/[A-Za-z]/.test(text[at - 1] ?? '') || /[A-Za-z]/.test(text[at + run.length] ?? '')) return run;
    return run.replace(/[Oo]/g, '0').replace(/[Il]/g, '1').replace(/S/g, '5').replace(/B/g, '8');
  });
}

/** a position word: pieces are read only where one is written at all */
export const PIECE_WORD = /位|第[一二三四]段|前半?段|后半?段|後半?段|尾号|开头|中间|末尾|出生日期|生日|后面|后头|後頭|后边|接着|然后|最后|[？?]\s*\n/;

/** the words a number read aloud goes on after (然后, 接着) */
const SPOKEN_NEXT = new Set(['然后', '接着', '然後', '接著']);
/** what follows 一 when it starts a word, not a digit (一直, 一下, 一起) */
const YI_WORDS = new Set([...'直下起定点共天样看边会切次块些般半生向早旦再']);

/** a CJK ideograph (a Chinese numeral among the digits) */
const isHan = (code: number) => code >= 0x3400 && code <= 0x9fff;

export function scan(text: string): FoundNumber[] {
  const found: FoundNumber[] = [];
  let run: Group[] = [];
  let cur: Group | undefined;
  let seps = 0;
  let nl = false;
  const endRun = () => {
    if (cur) run.push(cur);
    cur = undefined;
    if (run.length) classifyRun(run, found);
    run = [];
    seps = 0;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    // outside a number, skip to the next character that can start one (most characters)
    if (!cur && !run.length) {
      while (i < n && VALUE[text.charCodeAt(i)]! !== X && VALUE[text.charCodeAt(i)]! !== PAIR && (VALUE[text.charCodeAt(i)]! < 0 || VALUE[text.charCodeAt(i)]! > 9) && lookAlike(text, i, false) < 0 && astralDigit(text, i) < 0 && wordDigit(text, i) < 0) i++;
      if (i >= n) break;
    }
    const code = text.charCodeAt(i);
    let v = VALUE[code]!;
    // a letter typed for a digit inside a number (138OO138OOO, l39 l234 5678)
    // (a spelled word: its digit, and the loop goes on after its last letter)
    let width = 1;
    if (v < 0 || v > 9) {
      const w = v === X ? -1 : wordDigit(text, i);
      const d = w >= 0 ? -1 : lookAlike(text, i, (!!cur && cur.to === i) || (!cur && run.length > 0 && seps > 0 && seps <= 1));
      if (w >= 0) [v, width] = [w & 15, w >> 4];
      else if (d >= 0) v = d;
    }
    // an astral emoji (🌟, 📞) separates like a symbol, an astral digit (𝟏𝟑𝟖, 𝟙) is a digit; its
    // low surrogate is skipped
    if (code >= 0xd800 && code <= 0xdbff) {
      const d = astralDigit(text, i);
      v = d >= 0 ? d : /^[Xx]$/.test(text.slice(i, i + 2).normalize('NFKC')) ? X : SEP;
      i++;
    }
    if (v === IGNORE) continue;
    // a comma and a space between groups, as in a sentence (138, 0013, 8000; one three eight, zero…);
    // a comma alone groups an amount's thousands (12,345,678,901 is no phone)
    if (code === 44 && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) v = SEP;
    // a number written in Chinese numerals ends before 一 that starts a word (一三九五八二七六零四一一直没人接:
    // 一直, not a twelfth digit), once it holds a whole phone's digits
    if (v === 1 && code === 0x4e00 && cur && cur.to === i && isHan(text.charCodeAt(i - 1)) && YI_WORDS.has(text[i + 1] ?? '') && run.reduce((k, g) => k + g.digits.length, cur.digits.length) >= 11) {
      endRun();
      continue;
    }
    // a digit said so many times (一五九，然后两个八: 88; 尾数三个六: 666)
    let repeat = '';
    if (v >= 2 && v <= 4 && isHan(code) && text.charCodeAt(i + 1) === 0x4e2a) {
      const d = VALUE[text.charCodeAt(i + 2)]!;
      if (d >= 0 && d <= 9) [repeat, width] = [String(d).repeat(v), 3];
    }
    if ((v >= 0 && v <= 9) || v === PAIR) {
      // a Chinese numeral right after Arabic digits, or the other way round, starts a group of its
      // own: a reading may still join them (138零零13八000), and one may stop before it
      // (电话189 6723 4410一直没打通: 一直 is a word, not a twelfth digit)
      if (cur && width === 1 && cur.to === i && isHan(code) !== isHan(text.charCodeAt(i - 1))) {
        run.push(cur);
        cur = undefined;
      }
      if (!cur) {
        if (run.length && seps > MAX_SEPARATORS) endRun();
        cur = { digits: '', from: i, to: i };
        if (nl && run.length) cur.nl = true;
        nl = false;
      }
      cur.digits += repeat || (v === PAIR ? PAIRS.get(code)! : String(v));
      i += width - 1;
      cur.to = i + 1;
      seps = 0;
    } else if (v === X && (cur || (run.length && seps <= 1)) && !/[0-9A-Za-z]/.test(text[i + 1] ?? '')) {
      // (an X typed after a space ends the digits before it: 0 0 2 X)
      cur ??= run.pop()!;
      cur.digits += 'X';
      cur.to = i + 1;
      run.push(cur);
      cur = undefined;
      endRun();
    } else if (v === SEP && (cur || run.length)) {
      if (cur) {
        run.push(cur);
        cur = undefined;
      }
      // (the indentation that follows a line break is part of that break: ６２１７ ００３８⏎　　　１０００…)
      if (!(nl && (code === 32 || code === 0x3000 || code === 9))) seps++;
      if (code === 10 || code === 13) nl = true;
      if (seps > MAX_SEPARATORS) endRun();
    } else if ((cur || run.length) && SPOKEN_NEXT.has(text.slice(i, i + 2))) {
      // (a number read aloud goes on after 然后 or 接着: 一五九，然后两个八，六三…)
      if (cur) {
        run.push(cur);
        cur = undefined;
      }
      i++;
      if (++seps > MAX_SEPARATORS) endRun();
    } else {
      // (a group counted by the word after it is no piece of the number before it: 号码 330102650412123，15位老号码)
      if (cur && run.length && MEASURE_AFTER.has(code)) cur = undefined;
      if (cur || run.length) endRun();
    }
    if (!cur && !run.length) nl = false;
  }
  endRun();
  return found;
}

// Digits spelled as words, English or pinyin (tone marks or none, any case): one three eight,
// yao san ba ling, yī sān bā. A word counts only whole (not the "one" of "someone"), and what the
// words make must still be a whole phone, ID or card number, as for digits typed.
const DIGIT_WORDS = new Map<string, number>([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ling', 0], ['dong', 0], ['yi', 1], ['yao', 1], ['er', 2], ['liang', 2], ['san', 3], ['si', 4], ['wu', 5], ['liu', 6], ['qi', 7], ['guai', 7], ['ba', 8], ['jiu', 9], ['gou', 9],
]);
/** a letter of a spelled word: ASCII, or Latin with a tone mark (ā, ǎ, ǜ) */
function isLetter(c: number): boolean {
  const l = c | 32;
  return (l >= 97 && l <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}
const wordCache = new Map<string, number>();
/**
 * The digit a whole spelled word starting at `i` stands for, plus its length × 16 (`one` → 1 + 3 × 16);
 * -1 where no digit word starts.
 */
function wordDigit(text: string, i: number): number {
  if (!isLetter(text.charCodeAt(i)) || (i > 0 && isLetter(text.charCodeAt(i - 1)))) return -1;
  let j = i + 1;
  while (j < text.length && j - i <= 5 && isLetter(text.charCodeAt(j))) j++;
  if (j - i < 2 || j - i > 5) return -1;
  const word = text.slice(i, j);
  let d = wordCache.get(word);
  if (d === undefined) {
    d = DIGIT_WORDS.get(word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()) ?? -1;
    if (wordCache.size > 4096) wordCache.clear();
    wordCache.set(word, d);
  }
  return d < 0 ? -1 : d + (j - i) * 16;
}

/**
 * The digit a Latin letter stands for at `i` (O and o for 0, l and I for 1) where it is typed inside
 * a number: right after its digits or a separator between them (`inNumber`), or starting one right before a digit and not
 * ending a word; else -1. What it makes must still be a whole phone, ID or card number to count.
 */
function lookAlike(text: string, i: number, inNumber: boolean): number {
  const c = text.charCodeAt(i);
  const d = c === 79 || c === 111 ? 0 : c === 108 || c === 73 ? 1 : -1;
  if (d < 0) return -1;
  if (inNumber) return /[A-Za-z]/.test(text[i + 1] ?? '') && !/[OolI]/.test(text[i + 1]!) ? -1 : d;
  const next = VALUE[text.charCodeAt(i + 1)] ?? -1;
  return next >= 0 && next <= 9 && !/[A-Za-z]/.test(text[i - 1] ?? '') ? d : -1;
}

/** The digit an astral character at `i` is (mathematical 𝟏 𝟙 𝟷, others NFKC reads as one digit), else -1. */
function astralDigit(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return -1;
  const cp = text.codePointAt(i)!;
  if (cp >= 0x1d7ce && cp <= 0x1d7ff) return (cp - 0x1d7ce) % 10;
  if (cp < 0x10000 || !/\p{Nd}/u.test(String.fromCodePoint(cp))) return -1;
  const k = String.fromCodePoint(cp).normalize('NFKC');
  return k.length === 1 && k >= '0' && k <= '9' ? k.charCodeAt(0) - 48 : -1;
}

/**
 * Inside a number's span as scan found it: the digits the character at `i` gives (2 for ⑬, 1 for a
 * digit of any script, an X, a letter typed for a digit or a spelled word, 0 for a separator) and its
 * length in code units (2 for 𝟏, 3 for `one`).
 */
export function digitsAt(text: string, i: number): { digits: number; width: number } {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff) return { digits: astralDigit(text, i) >= 0 || /^[Xx]$/.test(text.slice(i, i + 2).normalize('NFKC')) ? 1 : 0, width: 2 };
  const w = wordDigit(text, i);
  if (w >= 0) return { digits: 1, width: w >> 4 };
  const v = VALUE[code]!;
  return { digits: v === PAIR ? 2 : (v >= 0 && v <= 9) || v === X || /[OolI]/.test(text[i]!) ? 1 : 0, width: 1 };
}

/** the fewest digits `classify` takes for anything (a local number without its code) */
const MIN_DIGITS = 8;
/** a mobile number's count of digits: lines of one digit each join when there are at least this many */
const MIN_SINGLE_LINES = 11;

function classifyRun(groups: Group[], found: FoundNumber[]) {
  // a run with fewer digits in all than any number has (一个, 第3期, 2026年) is nothing
  let total = 0;
  for (const g of groups) total += g.digits.length;
  if (total < MIN_DIGITS) return;
  // the digits of each group's line within the run (groups split by spaces count together)
  const line = new Int32Array(groups.length);
  for (let a = 0; a < groups.length; ) {
    let b = a + 1;
    while (b < groups.length && !groups[b]!.nl) b++;
    let sum = 0;
    for (let k = a; k < b; k++) sum += groups[k]!.digits.length;
    line.fill(sum, a, b);
    a = b;
  }
  // a number typed one digit per line (1⏎3⏎8⏎0⏎…): at least a mobile number's count of lines in a
  // row holding one digit each joins across them (three numbered lines 1⏎2⏎3 do not)
  const single = new Int32Array(groups.length);
  for (let a = 0; a < groups.length; ) {
    let b = a;
    while (b < groups.length && line[b] === 1 && (b === a || groups[b]!.nl)) b++;
    if (b - a >= MIN_SINGLE_LINES) single.fill(1, a, b);
    a = Math.max(b, a + 1);
  }
  const suspect = (k: NumberKind) => k === 'id-suspect' || k === 'card-suspect';
  /** the best reading of the groups from i on, and the last group it takes */
  const readAt = (i: number): { best: FoundNumber; last: number } | undefined => {
    let best: FoundNumber | undefined;
    let bestJ = i;
    let digits = '';
    for (let j = i; j < groups.length && digits.length < 19; j++) {
      const g = groups[j]!;
      // (but the last line of an ID written four digits a line may hold its last two: 3301⏎2719⏎6112⏎0345⏎55)
      if (j > i && g.nl && (line[j]! < MIN_GROUP_ACROSS_LINES || line[j - 1]! < MIN_GROUP_ACROSS_LINES) && !(single[j] && single[j - 1]) && !(line[j - 1]! >= MIN_GROUP_ACROSS_LINES && digits.length + g.digits.length === 18 && classify(digits + g.digits)?.kind === 'id')) break;
      digits += g.digits;
      const hit = classify(digits);
      // a longer reading wins, but a suspect never takes the place of a number that checks
      // (13800138000 12345 is a phone and five digits, not a card with a typo; eight digits are the
      // least of readings: 4392 2500 3366 1188 is a card, checked or not)
      if (hit && (!best || (digits.length >= best.digits.length && (!suspect(hit.kind) || suspect(best.kind) || best.kind === 'phone-local')))) {
        best = { ...hit, from: groups[i]!.from, to: groups[j]!.to };
        bestJ = j;
      }
    }
    return best && { best, last: bestJ };
  };
  for (let i = 0; i < groups.length; ) {
    const r = readAt(i);
    if (!r) {
      i++;
      continue;
    }
    // a weak reading does not swallow the start of a number that checks (座位4-5 139 5712 3846: not
    // 5 139 5712 read as a local number, but the mobile number after the seat numbers)
    // (only a local number gives way, and only to a mobile one: a row of digits one per line is no card)
    let later = -1;
    if (r.best.kind === 'phone-local')
      for (let k = i + 1; k <= r.last && later < 0; k++) {
        const o = readAt(k);
        if (o && o.best.kind === 'phone') later = k;
      }
    if (later >= 0) i = later;
    else {
      found.push(r.best);
      i = r.last + 1;
    }
  }
}

/**
 * Card BINs of domestic banks that are read as a card even with a wrong check digit (a typo in a
 * card number is still the client's): UnionPay 62, 60 (中国银行长城卡 6013 and city banks' 60xxxx),
 * and the pre-UnionPay debit ranges 9558 (工商银行), 9559 / 95595–95599 (农业、光大、民生、广发…),
 * 940 (city and rural banks). Visa, Mastercard, JCB and Amex co-branded cards (3, 4, 5) count with
 * a valid Luhn check.
 */
export const DOMESTIC_BINS = ['62', '60', '9558', '9559', '9555', '95595', '95596', '95597', '95598', '95599', '940', '6800', '6900'];

function classify(d: string): Omit<FoundNumber, 'from' | 'to'> | undefined {
  const n = d.length;
  if (d.endsWith('X')) return n === 18 ? (validId18(d) ? { kind: 'id', digits: d } : validForeignId(d) ? { kind: 'id', digits: d, why: 'foreign' } : suspectId(d) ? { kind: 'id-suspect', digits: d } : undefined) : undefined;
  if (n === 18 && validId18(d)) return { kind: 'id', digits: d };
  // (a foreign permanent resident's ID of 2023 on: 9, the province that issued it, a country's number)
  if (n === 18 && validForeignId(d)) return { kind: 'id', digits: d, why: 'foreign' };
  if (n === 15 && validId15(d)) return { kind: 'id', digits: d };
  // (a specimen card's number: its digits after the issuer all zeros — 6200 0000 0000 0000（样卡）)
  if (n >= 16 && n <= 19 && /^\d{2,6}?0{12,}$/.test(d)) return undefined;
  if (n >= 16 && n <= 19) {
    if (DOMESTIC_BINS.some((b) => d.startsWith(b))) return { kind: 'card', digits: d, why: luhn(d) ? 'luhn' : 'bin' };
    const first = d.charCodeAt(0);
    if (first >= 51 && first <= 54 && luhn(d)) return { kind: 'card', digits: d, why: 'luhn' };
  }
  if (n === 18 && suspectId(d)) return { kind: 'id-suspect', digits: d };
  if (n >= 16 && n <= 19) return { kind: 'card-suspect', digits: d };
  if (n === 11 && /^1[3-9]/.test(d)) return { kind: 'phone', digits: d };
  if (n === 13 && /^861[3-9]/.test(d)) return { kind: 'phone', digits: d.slice(2), prefix: '86' };
  if (n === 15 && /^00861[3-9]/.test(d)) return { kind: 'phone', digits: d.slice(4), prefix: '0086' };
  // Hong Kong and Macau numbers with their country code (+852 9123 4567; 00853 6628 1945)
  if (n === 11 && /^85[23][2-9]/.test(d)) return { kind: 'phone', digits: d.slice(3), prefix: d.slice(0, 3) };
  if (n === 13 && /^0085[23][2-9]/.test(d)) return { kind: 'phone', digits: d.slice(5), prefix: d.slice(0, 5) };
  // (not a date: 20270101)
  if (n === 8 && /^[2-9]/.test(d) && !/^(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(d)) return { kind: 'phone-local', digits: d };
  return undefined;
}

/** Province-level region codes (first two digits of a resident ID), GB/T 2260. */
const REGIONS = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91]);
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The MOD 11-2 check character (ISO 7064) of the first 17 digits of a resident ID. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** 18-digit resident ID: region, birth date and check digit. */
export function validId18(d: string): boolean {
  if (!/^\d{17}[\dX]$/.test(d)) return false;
  if (!REGIONS.has(Number(d.slice(0, 2)))) return false;
  const y = Number(d.slice(6, 10));
  if (y < 1900 || y > 2100 || !validDate(y, Number(d.slice(10, 12)), Number(d.slice(12, 14)))) return false;
  return idCheckDigit(d) === d[17];
}

/**
 * 18-digit foreign permanent resident ID (外国人永久居留身份证, 2023 on): 9, the issuing province's two
 * digits, a three-digit country number, the birth date, a sequence and the resident ID's check digit
 * (933250 20000511 0041: Zhejiang, 250 France, born 2000-05-11).
 */
export function validForeignId(d: string): boolean {
  return foreignShaped(d) && idCheckDigit(d) === d[17];
}

/** 9, a mainland province, a country number other than China's and a valid birth date (a foreign permanent resident's ID, checked or not) */
function foreignShaped(d: string): boolean {
  if (!/^9\d{16}[\dX]$/.test(d)) return false;
  const province = Number(d.slice(1, 3));
  if (!REGIONS.has(province) || province > 65 || d.slice(3, 6) === '156' || d.slice(3, 6) === '000') return false;
  const y = Number(d.slice(6, 10));
  return y >= 1900 && y <= 2100 && validDate(y, Number(d.slice(10, 12)), Number(d.slice(12, 14)));
}

/** 18 characters shaped like a resident ID (region, birth date) whose check digit is wrong */
// (a foreign permanent resident's too: 9, a province, a country number, a birth date)
export function suspectId(d: string): boolean {
  if (!/^\d{17}[\dX]$/.test(d)) return false;
  if (!REGIONS.has(Number(d.slice(0, 2)))) return foreignShaped(d) && idCheckDigit(d) !== d[17];
  const y = Number(d.slice(6, 10));
  return y >= 1900 && y <= 2100 && validDate(y, Number(d.slice(10, 12)), Number(d.slice(12, 14))) && idCheckDigit(d) !== d[17];
}

/** 15-digit legacy ID (before 1999): region and a 19yy birth date; it has no check digit. */
export function validId15(d: string): boolean {
  if (!/^\d{15}$/.test(d)) return false;
  if (!REGIONS.has(Number(d.slice(0, 2)))) return false;
  return validDate(1900 + Number(d.slice(6, 8)), Number(d.slice(8, 10)), Number(d.slice(10, 12)));
}

/** The Luhn (mod 10) check of a card number. */
export function luhn(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let v = d.charCodeAt(d.length - 1 - i) - 48;
    if (i % 2 === 1) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return sum % 10 === 0;
}

/** first 6 + stars + last 4 (IDs, cards) */
export const maskMiddle = (d: string) => `${d.slice(0, 6)}${'*'.repeat(Math.max(0, d.length - 10))}${d.slice(-4)}`;
/** 138****5678 */
// (eight digits: 93****54)
export const maskPhone = (d: string, prefix?: string) => `${prefix ? `${prefix} ` : ''}${d.length === 8 ? `${d.slice(0, 2)}****${d.slice(-2)}` : `${d.slice(0, 3)}****${d.slice(-4)}`}`;

/** Digits of a phone number as written in configuration, without a country prefix. */
export function phoneDigits(s: string): string {
  return s.replace(/\D/g, '').replace(/^(0086|86)(?=1[3-9]\d{9}$)/, '');
}

// Numbers given in pieces: 前3位138，中间4位0013，后4位8000 / 开头是138…尾号8000 / 最后四位他翻了半天
// (a piece's digits end at its line: 最后四位3317⏎一抬头就能看到 — 一 is the next line's word)
//才念出来：0310 (a few words between the count and the digits, up to a colon). Each piece is a
// position word, an optional digit count and the digits; pieces within a short stretch of one
// passage are put together in order (前 → 中 → 后) and classified like a number written whole.
const PIECE_DIGIT = '[0-9０-９①-⑨❶-❾〇零一二三四五六七八九幺两兩洞拐勾壹贰貳叁肆伍陆柒捌玖XxＸｘ×]';
/** a piece asked for and answered on the next line, by whoever answers (后面四位呢？⏎B：八八二三) */
const ANSWERED = '[？?]\\s*\\n[^\\n：:0-9０-９]{0,8}[：:]';
const PIECE = new RegExp(
  `(手机号码|手機號碼|手机号|手機號|手机|手機|电话号码|電話號碼|电话|電話|号码|號碼|身份证号码|身份證號碼|身份证号|身份證號|身份证|身份證|证件号码|證件號碼|证件号|證件號|卡号|卡號|前半段|前段|前面|前|开头|開頭|再后头|再後頭|后头|後頭|再后边|后边|头|頭|地区码|地區碼|地址码|第一段|中间|中間|中段|中|第二段|出生日期|出生年月日|出生那段|出生那几位|出生那部分|生日那段|出生|生日那几位|生日那部分|生日|接着|接著|然后|再接|还有|和|再后面|再後面|后面|後面|后半段|后段|後半段|後段|后|後|末尾|末|尾号|尾號|尾|最后|最後|第三段|再)\\s*(?:[0-9０-９一二三四五六七八九十两]{1,2}\\s*[位个個](?:[^\\n。！？0-9０-９]{1,16}?[：:]|呢?\\s*${ANSWERED})?|[一二三四五六七八九十两]{1,2}(?=\\s*[0-9０-９]))?(?:[^\\n。！？0-9０-９]{0,6}${ANSWERED})?(?:数字|号码|数)?\\s*(?:是|为|系|係|[:：])?\\s*(\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*[日号]|(?:${PIECE_DIGIT}(?:[ \\t\\u3000-]|[，,、](?=${PIECE_DIGIT}{2}))?){2,17})`,
  'g',
);
// …or the digits first and their position after them (幺三八，这是开头仨；中间是零五七一…)
const PIECE_AFTER = new RegExp(`((?:${PIECE_DIGIT}[\\s-]?){2,17})[，,、\\s]*(?:这是|是|为|呢个系|系|係)?(开头|開頭|前面|头|頭|中间|中間|最后|最後|末尾|尾号|尾號|结尾|結尾)`, 'g');
/** where a piece goes: 0 first, 1 middle, 2 last; NEXT: after the piece before it (接着, 然后, 后面) */
const NEXT = -1;
const ORDER: Record<string, number> = {
  手机号码: 0, 手机号: 0, 手机: 0, 电话号码: 0, 电话: 0, 号码: 0, 身份证号码: 0, 身份证号: 0, 身份证: 0, 证件号码: 0, 证件号: 0, 卡号: 0,
  前半段: 0, 前段: 0, 前面: 0, 前: 0, 开头: 0, 头: 0, 頭: 0, 地区码: 0, 地區碼: 0, 地址码: 0, 第一段: 0, 中间: 1, 中段: 1, 中: 1, 第二段: 1, 出生日期: 1, 出生年月日: 1, 出生那段: 1, 出生那几位: 1, 出生那部分: 1, 出生: 1, 生日那段: 1, 生日那几位: 1, 生日那部分: 1, 生日: 1,
  接着: NEXT, 然后: NEXT, 再接: NEXT, 还有: NEXT, 和: NEXT, 再: NEXT, 再后面: NEXT, 后面: NEXT, 再后头: NEXT, 后头: NEXT, 再後頭: NEXT, 後頭: NEXT, 再后边: NEXT, 后边: NEXT, 后半段: 2, 后段: 2, 後半段: 2, 後段: 2, 后: 2, 末尾: 2, 末: 2, 尾号: 2, 尾: 2, 最后: 2, 第三段: 2, 结尾: 2, 結尾: 2,
  // (the same in traditional characters: 中間四位, 後四位)
  手機號碼: 0, 手機號: 0, 手機: 0, 電話號碼: 0, 電話: 0, 號碼: 0, 身份證號碼: 0, 身份證號: 0, 身份證: 0, 證件號碼: 0, 證件號: 0, 卡號: 0, 開頭: 0, 中間: 1, 後面: NEXT, 後: 2, 尾號: 2, 最後: 2, 再後面: NEXT, 接著: NEXT,
};
/** characters between two pieces of one number, at most */
const PIECE_WINDOW = 40;

/** the digits a piece is written with (any script; X kept) */
export function pieceDigits(written: string): string {
  let digits = '';
  for (const ch of written) {
    const v = VALUE[ch.charCodeAt(0)]!;
    if (v >= 0 && v <= 9) digits += String(v);
    else if (v === X) digits += 'X';
  }
  return digits;
}

/** the number a run of pieces makes, put in order of their positions when told out of order */
function classifyPieces(group: { order: number; digits: string; from: number; to: number }[], reordered: boolean): FoundNumber | undefined {
  const inOrder = reordered ? [...group].sort((a, b) => a.order - b.order) : group;
  // (a suspect is reported only next to its label, as a number written whole is)
  const hit = classify(inOrder.map((p) => p.digits).join(''));
  // (eight digits in pieces are two short numbers: 尾号5678、卡号6222 ****)
  return hit && hit.kind !== 'phone-local' ? { ...hit, from: group[0]!.from, to: group[group.length - 1]!.to } : undefined;
}

/** a label that names a whole phone or card number, not a place in one (电话, 手机号, 卡号) */
const WHOLE_NUMBER = /^(手机号码|手機號碼|手机号|手機號|手机|手機|电话号码|電話號碼|电话|電話|号码|號碼|卡号|卡號)$/;

export function findPieces(text: string): FoundNumber[] {
  const pieces: { order: number; digits: string; from: number; to: number }[] = [];
  PIECE.lastIndex = 0;
  for (let m = PIECE.exec(text); m; m = PIECE.exec(text)) {
    // (a birth date written as a date: 生日1964年8月23日 is 19640823)
    const date = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})/.exec(m[2]!);
    const digits = date ? date[1]! + date[2]!.padStart(2, '0') + date[3]!.padStart(2, '0') : pieceDigits(m[2]!);
    const to = m.index + m[0].replace(/(?<![\s-])[\s-]+$/, '').length;
    // (a whole number after a label that names no place in it is no piece: 咨询电话：0571-8765 4321 beside 卡号尾号9014)
    if (digits.length >= 10 && WHOLE_NUMBER.test(m[1]!)) continue;
    pieces.push({ order: ORDER[m[1]!]!, digits, from: m.index, to });
  }
  PIECE_AFTER.lastIndex = 0;
  let after = false;
  // (both lists ascend: one pointer over the labelled pieces keeps this linear)
  const labelled = pieces.length;
  let k = 0;
  for (let m = PIECE_AFTER.exec(text); m; m = PIECE_AFTER.exec(text)) {
    const digits = pieceDigits(m[1]!);
    // (not the digits of a piece already read with its label before them)
    while (k < labelled && pieces[k]!.to <= m.index) k++;
    if (k < labelled && pieces[k]!.from <= m.index) continue;
    pieces.push({ order: ORDER[m[2]!] ?? 0, digits, from: m.index, to: m.index + m[0].length });
    after = true;
  }
  if (after) pieces.sort((a, b) => a.from - b.from);
  const found: FoundNumber[] = [];
  for (let i = 0; i < pieces.length; ) {
    let j = i + 1;
    // a piece follows the one before it: a later position, or a "next" word; or it names a
    // position not given yet (后4位…，前7位…: the last piece told first)
    const given = new Set<number>([pieces[i]!.order]);
    let reordered = false;
    while (j < pieces.length && pieces[j]!.from - pieces[j - 1]!.to <= PIECE_WINDOW) {
      const p = pieces[j]!;
      if (p.order === NEXT || p.order > pieces[j - 1]!.order) given.add(p.order);
      else if (!given.has(NEXT) && !given.has(p.order)) {
        given.add(p.order);
        reordered = true;
      } else break;
      j++;
    }
    if (j - i >= 2) {
      const group = pieces.slice(i, j);
      const hit = classifyPieces(group, reordered);
      if (hit) found.push(hit);
      // (else a run of pieces may hold one number among others' tails — 尾号0165⏎前6位622848，中间
      // 8467 1543，后5位24464; 前三位186，中间5702，后面1139⏎郑阿姨 尾号4470: the longest stretch
      // of up to six pieces that makes one number is it)
      else {
        search: for (let len = Math.min(6, group.length - 1); len >= 2; len--) {
          for (let s = 0; s + len <= group.length; s++) {
            const sub = group.slice(s, s + len);
            const part = classifyPieces(sub, sub.some((p, k) => k > 0 && p.order !== NEXT && p.order <= sub[k - 1]!.order));
            if (part) {
              found.push(part);
              break search;
            }
          }
        }
      }
    }
    i = j;
  }
  return found;
}
