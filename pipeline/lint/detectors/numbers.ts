// Numbers that identify a person: digit runs read from the original text in any form — ASCII or
// full-width digits, Chinese numerals (一二三/壹贰叁/幺/两), separated by spaces, dashes, dots or
// zero-width characters — then classified by their validators: resident ID (MOD 11-2 check digit,
// valid region and birth date), mobile number, bank card (Luhn, UnionPay 62 BIN).
import type { SpanView } from './types.ts';

/** digit value of a code unit: 0–9, X (ID check character), separator, ignored, or none */
const NONE = -1;
const X = 10;
const SEP = 11;
const IGNORE = 12;
const VALUE = new Int8Array(0x10000).fill(NONE);
for (let d = 0; d <= 9; d++) {
  VALUE[48 + d] = d;
  VALUE[0xff10 + d] = d;
}
const NUMERALS: [string, number][] = [
  ['〇零', 0],
  ['一壹幺', 1],
  ['二贰貳两兩', 2],
  ['三叁參叄参', 3],
  ['四肆', 4],
  ['五伍', 5],
  ['六陆陸', 6],
  ['七柒', 7],
  ['八捌', 8],
  ['九玖', 9],
];
for (const [chars, d] of NUMERALS) for (const ch of chars) VALUE[ch.charCodeAt(0)] = d;
for (const ch of 'XxＸｘ') VALUE[ch.charCodeAt(0)] = X;
for (const ch of ' \t\u3000\u00a0-‐‑‒–—－.．·・•_/／()（）') VALUE[ch.charCodeAt(0)] = SEP;
for (const ch of '\u200b\u200c\u200d\u2060\ufeff\u00ad') VALUE[ch.charCodeAt(0)] = IGNORE;

/** at most this many separator characters between two digit groups of one number */
const MAX_SEPARATORS = 3;

interface Group {
  digits: string;
  from: number;
  to: number;
}

export type NumberKind = 'id' | 'phone' | 'card';

export interface FoundNumber {
  kind: NumberKind;
  /** ASCII digits (and a final X for an ID), as read */
  digits: string;
  /** original [from, to) in the span text */
  from: number;
  to: number;
  /** phones: the country prefix read before the number (`86`, `0086`) */
  prefix?: string;
  /** cards: why the number is taken for a card */
  why?: 'luhn' | 'unionpay';
}

const cache = new WeakMap<SpanView, FoundNumber[]>();

/** Identifying numbers in a view's original text (computed once per view, shared by the PII detectors). */
export function findNumbers(view: SpanView): FoundNumber[] {
  let found = cache.get(view);
  if (!found) cache.set(view, (found = scan(view.span.text)));
  return found;
}

export function scan(text: string): FoundNumber[] {
  const found: FoundNumber[] = [];
  let run: Group[] = [];
  let cur: Group | undefined;
  let seps = 0;
  const endRun = () => {
    if (cur) run.push(cur);
    cur = undefined;
    if (run.length) classifyRun(run, found);
    run = [];
    seps = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const v = VALUE[text.charCodeAt(i)]!;
    if (v === IGNORE) continue;
    if (v >= 0 && v <= 9) {
      if (!cur) {
        if (run.length && seps > MAX_SEPARATORS) endRun();
        cur = { digits: '', from: i, to: i };
      }
      cur.digits += String(v);
      cur.to = i + 1;
      seps = 0;
    } else if (v === X && cur && !/[0-9A-Za-z]/.test(text[i + 1] ?? '')) {
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
      seps++;
      if (seps > MAX_SEPARATORS) endRun();
    } else if (cur || run.length) endRun();
  }
  endRun();
  return found;
}

function classifyRun(groups: Group[], found: FoundNumber[]) {
  for (let i = 0; i < groups.length; ) {
    let best: FoundNumber | undefined;
    let bestJ = i;
    let digits = '';
    for (let j = i; j < groups.length && digits.length < 19; j++) {
      digits += groups[j]!.digits;
      const hit = classify(digits);
      if (hit && (!best || digits.length >= best.digits.length)) {
        best = { ...hit, from: groups[i]!.from, to: groups[j]!.to };
        bestJ = j;
      }
    }
    if (best) {
      found.push(best);
      i = bestJ + 1;
    } else i++;
  }
}

function classify(d: string): Omit<FoundNumber, 'from' | 'to'> | undefined {
  const n = d.length;
  if (d.endsWith('X')) return n === 18 && validId18(d) ? { kind: 'id', digits: d } : undefined;
  if (n === 18 && validId18(d)) return { kind: 'id', digits: d };
  if (n === 15 && validId15(d)) return { kind: 'id', digits: d };
  if (n >= 16 && n <= 19) {
    if (d.startsWith('62')) return { kind: 'card', digits: d, why: luhn(d) ? 'luhn' : 'unionpay' };
    if (/^[3-6]/.test(d) && luhn(d)) return { kind: 'card', digits: d, why: 'luhn' };
  }
  if (n === 11 && /^1[3-9]/.test(d)) return { kind: 'phone', digits: d };
  if (n === 13 && /^861[3-9]/.test(d)) return { kind: 'phone', digits: d.slice(2), prefix: '86' };
  if (n === 15 && /^00861[3-9]/.test(d)) return { kind: 'phone', digits: d.slice(4), prefix: '0086' };
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
export const maskPhone = (d: string, prefix?: string) => `${prefix ? `${prefix} ` : ''}${d.slice(0, 3)}****${d.slice(-4)}`;

/** Digits of a phone number as written in configuration, without a country prefix. */
export function phoneDigits(s: string): string {
  return s.replace(/\D/g, '').replace(/^(0086|86)(?=1[3-9]\d{9}$)/, '');
}
