// Interval queries in O(log n): "does any range overlap [from, to)?" and "does any range contain
// [from, to)?" over a list of [start, end) ranges. The linter asks these once per candidate; with a
// linear scan over thousands of safe ranges (every risk warning in an 8 MB file) that was quadratic.
import { Attached } from './attach.ts';

export class RangeIndex {
  private readonly starts: Int32Array;
  /** prefix maximum of the ends, in start order */
  private readonly maxEnd: Int32Array;

  constructor(ranges: readonly (readonly [number, number])[]) {
    const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
    this.starts = new Int32Array(sorted.length);
    this.maxEnd = new Int32Array(sorted.length);
    let m = -1;
    sorted.forEach(([s, e], i) => {
      this.starts[i] = s;
      m = Math.max(m, e);
      this.maxEnd[i] = m;
    });
  }

  get size(): number {
    return this.starts.length;
  }

  /** index of the last range whose start is ≤ x (or < x when `strict`), -1 when none */
  private last(x: number, strict: boolean): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (strict ? this.starts[mid]! < x : this.starts[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** true when some range [s, e) has from < e and to > s */
  overlaps(from: number, to: number): boolean {
    const i = this.last(to, true);
    return i >= 0 && this.maxEnd[i]! > from;
  }

  /** true when some range [s, e) has s ≤ from and to ≤ e */
  contains(from: number, to: number): boolean {
    const i = this.last(from, false);
    return i >= 0 && this.maxEnd[i]! >= to;
  }
}

const indexes = new Attached<readonly unknown[], { size: number; index: RangeIndex }>('rangeIndex');

/** The index of a range list, built on first use and rebuilt when the list has grown. */
export function rangeIndex(ranges: readonly (readonly [number, number])[]): RangeIndex {
  const hit = indexes.get(ranges);
  if (hit && hit.size === ranges.length) return hit.index;
  const index = new RangeIndex(ranges);
  indexes.set(ranges, { size: ranges.length, index });
  return index;
}

/** True when some range overlaps [from, to); small lists are scanned, large ones indexed. */
export function anyOverlaps(ranges: readonly (readonly [number, number])[], from: number, to: number): boolean {
  if (ranges.length <= 8) {
    for (const [s, e] of ranges) if (from < e && to > s) return true;
    return false;
  }
  return rangeIndex(ranges).overlaps(from, to);
}

/** True when some range contains [from, to); small lists are scanned, large ones indexed. */
export function anyContains(ranges: readonly (readonly [number, number])[], from: number, to: number): boolean {
  if (ranges.length <= 8) {
    for (const [s, e] of ranges) if (s <= from && to <= e) return true;
    return false;
  }
  return rangeIndex(ranges).contains(from, to);
}

/** Line starts of a text (offsets just after each \n, with 0 first), for offset → line:column. */
const lineStarts = new Attached<object, Int32Array>('lineStarts');
let lastText: string | undefined;
let lastStarts: Int32Array | undefined;
export function lineIndex(key: object | undefined, text: string): Int32Array {
  let starts = key ? lineStarts.get(key) : text === lastText ? lastStarts : undefined;
  if (starts) return starts;
  const list = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) list.push(i + 1);
  starts = Int32Array.from(list);
  if (key) lineStarts.set(key, starts);
  lastText = text;
  lastStarts = starts;
  return starts;
}

/** 0-based line of `offset` given the line starts. */
export function lineOf(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * File positions (1-based line, UTF-16 column) of offsets [from, to) of a text that starts at
 * `start` in its file, through a line index built once per text (walking the text from its start
 * for every finding was quadratic). `key`: an object the text belongs to, to cache the index on.
 */
export function filePositions(start: { line: number; column: number }, text: string, from: number, to: number, key?: object): [{ line: number; column: number }, { line: number; column: number }] {
  const starts = lineIndex(key, text);
  const at = (offset: number) => {
    const l = lineOf(starts, offset);
    return l === 0 ? { line: start.line, column: start.column + offset } : { line: start.line + l, column: offset - starts[l]! + 1 };
  };
  return [at(from), at(to)];
}

/**
 * The items not contained in an item of higher rank in the same view (a milder rule's match inside
 * a stricter one's), in their original order: one sweep by start instead of comparing every pair.
 */
export function dropContainedInStricter<T extends { view: { index: number }; from: number; to: number }>(items: T[], rank: (t: T) => number): T[] {
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.view.index - items[b]!.view.index || items[a]!.from - items[b]!.from || items[b]!.to - items[a]!.to);
  const dropped = new Uint8Array(items.length);
  // furthest end per rank among the items that start at or before the current one
  let maxTo = new Map<number, number>();
  let view = -1;
  for (let i = 0; i < order.length; ) {
    const g = items[order[i]!]!;
    if (g.view.index !== view) {
      view = g.view.index;
      maxTo = new Map();
    }
    let j = i;
    while (j < order.length && items[order[j]!]!.view.index === view && items[order[j]!]!.from === g.from) {
      const k = items[order[j]!]!;
      maxTo.set(rank(k), Math.max(maxTo.get(rank(k)) ?? -1, k.to));
      j++;
    }
    for (let q = i; q < j; q++) {
      const c = items[order[q]!]!;
      for (const [r, to] of maxTo) if (r > rank(c) && to >= c.to) dropped[order[q]!] = 1;
    }
    i = j;
  }
  return items.filter((_, i) => !dropped[i]);
}
