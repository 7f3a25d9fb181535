// An exact gate before running a RegExp over a text: the characters the RegExp cannot match
// without. Every word rule, concept, product and detector pattern is a RegExp run over every text;
// on the short texts of a post most of them cannot match at all (收益比…高 needs a 比, 年化…% a
// 年 or 化 …), and finding that out from a table of the text's characters costs a few lookups
// instead of a scan. The gate only ever says "cannot match" when the RegExp's own syntax proves it:
// each item a match must contain (a literal, a class, a group repeated at least once, a positive
// lookaround) gives a set of characters of which the text must hold one. Anything the analysis does
// not read exactly (negated classes, \s, \w, Unicode properties, letters with case under the `u` or
// `v` flags) simply gives no requirement.

/** what a RegExp needs: ids of registered sets of UTF-16 code units — a text can match only if it
 * holds one unit of every set */
type Need = Int32Array;
/** the same while it is worked out (plain arrays, duplicates allowed) */
type Partial = number[][];

const NO_PARTIAL: Partial = [];
const NONE: Need = new Int32Array(0);
const needs = new WeakMap<RegExp, Need>();

// Every distinct set any RegExp needs is registered once, and each code unit knows the sets it
// belongs to. A text is then read once: each distinct unit in it marks its sets as held. Asking
// whether a RegExp can match costs a lookup per set it needs, however many units a set has (a
// union of the first characters of 200 alternatives is one lookup, not 200).
const setIds = new Map<string, number>();
const setUnits: Uint16Array[] = [];
const unitSets: (number[] | undefined)[] = new Array(0x10000);

function register(units: number[]): number {
  const sorted = Uint16Array.from(new Set(units)).sort();
  const key = sorted.join(',');
  let id = setIds.get(key);
  if (id === undefined) {
    id = setUnits.length;
    setIds.set(key, id);
    setUnits.push(sorted);
    for (const u of sorted) (unitSets[u] ??= []).push(id);
  }
  return id;
}

/** What `re` needs: the sets of code units of which a text must hold one each. */
export function needOf(re: RegExp): Uint16Array[] {
  return [...needIds(re)].map((id) => setUnits[id]!);
}

/** What `re` needs, as registered sets (computed once per RegExp). */
function needIds(re: RegExp): Need {
  let n = needs.get(re);
  if (n === undefined) {
    try {
      n = Int32Array.from(analyse(re.source, re.flags).need.map(register));
    } catch {
      n = NONE;
    }
    needs.set(re, n);
  }
  return n;
}

/** true when `re` cannot match anywhere in `text` (false: it may, run it) */
export function cannotMatch(re: RegExp, text: string): boolean {
  const need = needIds(re);
  if (!need.length) return false;
  const slot = presence(text);
  const gen = slot.gen;
  for (let k = 0; k < need.length; k++) {
    const id = need[k]!;
    if (id < slot.marked) {
      if (slot.held[id] !== gen) return true;
    } else if (!holdsOne(slot, setUnits[id]!)) return true;
  }
  return false;
}

/** a set registered after the text was read: its units looked up one by one */
function holdsOne(slot: Slot, units: Uint16Array): boolean {
  for (let k = 0; k < units.length; k++) if (slot.table[units[k]!] === slot.gen) return true;
  return false;
}

/**
 * `source` behind a lookahead for the code units a match can begin with, when its syntax tells them
 * exactly and no match is empty; `source` itself otherwise. The same matches at the same places, but
 * V8 looks ahead for a starting character before it tries the pattern: a pattern that opens with a
 * lookbehind (`(?<=(理财|基金)[^。]{0,40})…一样…存款保险`) is otherwise tried — lookbehind first — at
 * every position of the text (one such pattern: 250 ms → 14 ms over 8 MB). Only a pattern with a
 * lookbehind is led: one without is found faster by V8's own scan for its literal start (leading
 * every pattern made the 8 MB file 20 % slower; leading those with a lookbehind, 5–10 % faster).
 */
export function led(source: string, flags: string): string {
  if (!source.includes('(?<')) return source;
  let first: number[] | null;
  try {
    const whole = analyse(source, flags);
    first = whole.empty ? null : whole.first;
  } catch {
    first = null;
  }
  if (!first) return source;
  const units = [...new Set(first)].sort((a, b) => a - b);
  let cls = '';
  const hex = (u: number) => `\\u${u.toString(16).padStart(4, '0')}`;
  for (let k = 0; k < units.length; ) {
    let e = k;
    while (e + 1 < units.length && units[e + 1] === units[e]! + 1) e++;
    cls += e === k ? hex(units[k]!) : `${hex(units[k]!)}-${hex(units[e]!)}`;
    k = e + 1;
  }
  return `(?=[${cls}])(?:${source})`;
}

// The characters of the last few texts asked about: a generation stamp per code unit and per set,
// so a new text costs one pass over it and no clearing (a detector may read the original while a
// pattern reads the normalised text: a few slots, used in turn).
interface Slot {
  text: string | undefined;
  table: Uint32Array;
  /** per registered set: `gen` when the text holds one of its units */
  held: Uint32Array;
  /** how many sets were registered when the text was read (later ones are looked up unit by unit) */
  marked: number;
  gen: number;
}
const SLOTS: Slot[] = [];
let nextSlot = 0;
function presence(text: string): Slot {
  for (const s of SLOTS) if (s.text === text) return s;
  let slot: Slot;
  if (SLOTS.length < 4) SLOTS.push((slot = { text: undefined, table: new Uint32Array(0x10000), held: new Uint32Array(0), marked: 0, gen: 0 }));
  else {
    slot = SLOTS[nextSlot]!;
    nextSlot = (nextSlot + 1) % SLOTS.length;
  }
  if (slot.gen === 0xffffffff) {
    slot.table.fill(0);
    slot.held.fill(0);
    slot.gen = 0;
  }
  const gen = ++slot.gen;
  const table = slot.table;
  if (slot.held.length < setUnits.length) {
    const grown = new Uint32Array(Math.max(setUnits.length, slot.held.length * 2));
    grown.set(slot.held);
    slot.held = grown;
  }
  const held = slot.held;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (table[c] === gen) continue;
    table[c] = gen;
    const ids = unitSets[c];
    if (ids !== undefined) for (let k = 0; k < ids.length; k++) held[ids[k]!] = gen;
  }
  slot.marked = setUnits.length;
  slot.text = text;
  return slot;
}

// ---------------------------------------------------------------------------------------------
// The analysis: a recursive descent over the pattern source, returning for each part the sets of
// characters a match of it must contain, and the code units a match of it can begin with.

class GiveUp extends Error {}

/** what one part of a pattern says about its matches */
interface Part {
  /** sets of code units of which a match must hold one each */
  need: Partial;
  /** the code units a match can begin with (null: any, or not read exactly) */
  first: number[] | null;
  /** whether a match can be empty (consume nothing) */
  empty: boolean;
}

const ZERO_WIDTH: Part = { need: NO_PARTIAL, first: [], empty: true };
const ANY: Part = { need: NO_PARTIAL, first: null, empty: false };

function analyse(source: string, flags: string): Part {
  if (flags.includes('v')) throw new GiveUp();
  const unicode = flags.includes('u');
  const ignoreCase = flags.includes('i');
  let i = 0;
  const s = source;

  /** the code units a character matches, with its other ASCII case under `i`; undefined: no exact answer */
  const fold = (c: number): number[] | undefined => {
    if (!ignoreCase) return [c];
    if (c >= 65 && c <= 90) return unicode && (c === 75 || c === 83) ? undefined : [c, c + 32];
    if (c >= 97 && c <= 122) return unicode && (c === 107 || c === 115) ? undefined : [c, c - 32];
    if (c < 128) return [c];
    const ch = String.fromCharCode(c);
    // a character with case outside ASCII folds in ways not worth modelling
    return ch.toLowerCase() === ch && ch.toUpperCase() === ch ? [c] : undefined;
  };
  const set = (units: number[]): Part => ({ need: [units], first: units, empty: false });

  function alternation(): Part {
    const alts: Part[] = [sequence()];
    while (s[i] === '|') {
      i++;
      alts.push(sequence());
    }
    if (alts.length === 1) return alts[0]!;
    const first: number[] | null = alts.every((a) => a.first) ? alts.flatMap((a) => a.first!) : null;
    const empty = alts.some((a) => a.empty);
    // one of the alternatives matches: the union of one set of each (the smallest)
    const units: number[] = [];
    for (const a of alts) {
      if (!a.need.length) return { need: NO_PARTIAL, first, empty };
      let best = a.need[0]!;
      for (const x of a.need) if (x.length < best.length) best = x;
      for (const u of best) units.push(u);
    }
    return { need: [units], first, empty };
  }

  function sequence(): Part {
    const need: number[][] = [];
    let first: number[] | null = [];
    let empty = true;
    while (i < s.length && s[i] !== '|' && s[i] !== ')') {
      const part = atom();
      const min = quantifier();
      if (min >= 1) for (const x of part.need) need.push(x);
      // the first units: those of each part up to the first that cannot be empty
      if (empty) {
        if (first && part.first) first.push(...part.first);
        else first = null;
        empty = part.empty || min === 0;
      }
    }
    return { need, first, empty };
  }

  /** the quantifier after an atom, if any: its minimum (1 when there is none) */
  function quantifier(): number {
    const c = s[i];
    let min = 1;
    if (c === '*' || c === '?') {
      min = 0;
      i++;
    } else if (c === '+') i++;
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(i));
      if (!m) {
        if (unicode) throw new GiveUp();
        return 1; // a literal { (read by atom next time round)
      }
      min = Number(m[1]);
      i += m[0].length;
    } else return 1;
    if (s[i] === '?') i++;
    return min;
  }

  function atom(): Part {
    const c = s[i]!;
    if (c === '(') {
      i++;
      let kind: 'group' | 'look' | 'negative' = 'group';
      if (s[i] === '?') {
        const head = s.slice(i, i + 4);
        if (head.startsWith('?:')) i += 2;
        else if (head.startsWith('?=')) ((kind = 'look'), (i += 2));
        else if (head.startsWith('?!')) ((kind = 'negative'), (i += 2));
        else if (head.startsWith('?<=')) ((kind = 'look'), (i += 3));
        else if (head.startsWith('?<!')) ((kind = 'negative'), (i += 3));
        else if (head.startsWith('?<')) {
          const close = s.indexOf('>', i);
          if (close < 0) throw new GiveUp();
          i = close + 1;
        } else throw new GiveUp();
      }
      const inner = alternation();
      if (s[i] !== ')') throw new GiveUp();
      i++;
      // a lookaround consumes nothing: what a positive one needs is still needed
      if (kind === 'group') return inner;
      return kind === 'look' ? { ...ZERO_WIDTH, need: inner.need } : ZERO_WIDTH;
    }
    if (c === '[') return charClass();
    if (c === '.') {
      i++;
      return ANY;
    }
    if (c === '^' || c === '$') {
      i++;
      return ZERO_WIDTH;
    }
    if (c === ')' || c === '|') throw new GiveUp();
    if (c === '\\') return escape();
    if (unicode && (c === '{' || c === '}' || c === ']')) throw new GiveUp();
    const cp = unicode ? s.codePointAt(i)! : s.charCodeAt(i);
    i += cp > 0xffff ? 2 : 1;
    if (cp > 0xffff) return ANY;
    const units = fold(cp);
    return units ? set(units) : ANY;
  }

  /** an escape at s[i] (a backslash), outside a class */
  function escape(): Part {
    i++;
    const c = s[i]!;
    i++;
    if (c === 'd') return set([48, 49, 50, 51, 52, 53, 54, 55, 56, 57]);
    if (c === 'b' || c === 'B') return ZERO_WIDTH;
    if ('DsSwW'.includes(c)) return ANY;
    if (c >= '1' && c <= '9') {
      // a back reference (or, without groups enough, an octal escape: not read)
      while (s[i]! >= '0' && s[i]! <= '9') i++;
      return { ...ANY, empty: true };
    }
    if (c === 'k' && s[i] === '<') {
      const close = s.indexOf('>', i);
      if (close < 0) throw new GiveUp();
      i = close + 1;
      return { ...ANY, empty: true };
    }
    if (c === 'p' || c === 'P') {
      if (!unicode) return literal(c.charCodeAt(0));
      const close = s.indexOf('}', i);
      if (close < 0) throw new GiveUp();
      i = close + 1;
      return ANY;
    }
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11 };
    if (c in simple) return literal(simple[c]!);
    if (c === 'x' && /^[0-9a-fA-F]{2}$/.test(s.slice(i, i + 2))) {
      i += 2;
      return literal(parseInt(s.slice(i - 2, i), 16));
    }
    if (c === 'u' && !unicode && /^[0-9a-fA-F]{4}$/.test(s.slice(i, i + 4))) {
      i += 4;
      return literal(parseInt(s.slice(i - 4, i), 16));
    }
    if (/[A-Za-z0-9]/.test(c)) throw new GiveUp();
    // an escaped symbol is itself
    const cp = s.codePointAt(i - 1)!;
    if (cp > 0xffff) throw new GiveUp();
    return literal(cp);
  }

  function literal(c: number): Part {
    const units = fold(c);
    if (!units) throw new GiveUp();
    return set(units);
  }

  function charClass(): Part {
    i++;
    if (s[i] === '^') {
      // a negated class: skipped, no requirement
      i++;
      for (; i < s.length && s[i] !== ']'; i++) if (s[i] === '\\') i++;
      if (s[i] !== ']') throw new GiveUp();
      i++;
      return ANY;
    }
    const units: number[] = [];
    const add = (c: number) => {
      const f = fold(c);
      if (!f) throw new GiveUp();
      for (const u of f) units.push(u);
    };
    while (i < s.length && s[i] !== ']') {
      const a = member();
      if (s[i] === '-' && i + 1 < s.length && s[i + 1] !== ']') {
        i++;
        const b = member();
        if (typeof a !== 'number' || typeof b !== 'number' || b < a || b - a > 1024) throw new GiveUp();
        for (let x = a; x <= b; x++) add(x);
      } else if (typeof a === 'number') add(a);
      else for (const u of a) units.push(u);
    }
    if (s[i] !== ']') throw new GiveUp();
    i++;
    // [] matches nothing: an empty set, which no text holds
    return set(units);
  }

  /** one member of a class: a character (its code unit, unfolded), or the digits of \d */
  function member(): number | number[] {
    if (s[i] !== '\\') {
      const cp = unicode ? s.codePointAt(i)! : s.charCodeAt(i);
      if (cp > 0xffff) throw new GiveUp();
      i++;
      return cp;
    }
    const c = s[i + 1]!;
    if (c === 'd') {
      i += 2;
      return [48, 49, 50, 51, 52, 53, 54, 55, 56, 57];
    }
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11, b: 8 };
    if (c in simple) {
      i += 2;
      return simple[c]!;
    }
    if (c === 'x' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 2, i + 4))) {
      i += 4;
      return parseInt(s.slice(i - 2, i), 16);
    }
    if (c === 'u' && !unicode && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) {
      i += 6;
      return parseInt(s.slice(i - 4, i), 16);
    }
    // an escaped symbol is itself; any other escape in a class is not read
    if (/[A-Za-z0-9]/.test(c)) throw new GiveUp();
    const cp = s.codePointAt(i + 1)!;
    if (cp > 0xffff) throw new GiveUp();
    i += 2;
    return cp;
  }

  const whole = alternation();
  if (i !== s.length) throw new GiveUp();
  return whole;
}
