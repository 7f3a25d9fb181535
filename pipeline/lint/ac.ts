// Aho–Corasick over UTF-16 code units: every rule term and lexicon word in one automaton, so the
// normalised text is scanned once whatever the size of the word lists. Reports every match,
// overlapping ones included (a combined RegExp would report one per position).

export interface AcMatch {
  /** index of the pattern as added */
  id: number;
  /** [from, to) in the scanned text */
  from: number;
  to: number;
}

export class AhoCorasick {
  private readonly lengths: number[] = [];
  // node 0 is the root; the root's transitions are a dense table (most characters miss it)
  private readonly root = new Int32Array(0x10000).fill(-1);
  private readonly next = new Map<number, number>();
  private fail: Int32Array = new Int32Array(1);
  /** patterns ending at a node, including those reached by dictionary suffix links */
  private out: number[][] = [[]];
  private nodes = 1;
  private built = false;
  // after build: the non-root transitions in an open-addressing table (a Map lookup per character
  // was the scan's main cost): slot → state, character, target
  private hState = new Int32Array(0);
  private hChar = new Int32Array(0);
  private hNext = new Int32Array(0);
  private hMask = 0;

  /** Adds a pattern (already normalised); returns its id. */
  add(pattern: string): number {
    if (this.built) throw new Error('AhoCorasick: add after build');
    if (pattern.length === 0) throw new Error('AhoCorasick: empty pattern');
    let s = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = fold(pattern.charCodeAt(i));
      let t = this.go(s, c);
      if (t < 0) {
        t = this.nodes++;
        this.out.push([]);
        if (s === 0) this.root[c] = t;
        else this.next.set(s * 0x10000 + c, t);
      }
      s = t;
    }
    const id = this.lengths.length;
    this.lengths.push(pattern.length);
    this.out[s]!.push(id);
    return id;
  }

  private go(s: number, c: number): number {
    return s === 0 ? this.root[c]! : (this.next.get(s * 0x10000 + c) ?? -1);
  }

  build(): this {
    this.fail = new Int32Array(this.nodes);
    // children per node, for the breadth-first pass
    const children: [number, number][][] = Array.from({ length: this.nodes }, () => []);
    for (let c = 0; c < 0x10000; c++) if (this.root[c]! >= 0) children[0]!.push([c, this.root[c]!]);
    for (const [key, t] of this.next) children[Math.floor(key / 0x10000)]!.push([key % 0x10000, t]);
    const queue: number[] = [];
    for (const [, t] of children[0]!) {
      this.fail[t] = 0;
      queue.push(t);
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      for (const [c, t] of children[s]!) {
        let f = this.fail[s]!;
        while (f !== 0 && this.go(f, c) < 0) f = this.fail[f]!;
        const g = this.go(f, c);
        this.fail[t] = g >= 0 && g !== t ? g : 0;
        const inherited = this.out[this.fail[t]!]!;
        if (inherited.length) this.out[t] = [...this.out[t]!, ...inherited];
        queue.push(t);
      }
    }
    let size = 16;
    while (size < this.next.size * 2) size *= 2;
    this.hState = new Int32Array(size).fill(-1);
    this.hChar = new Int32Array(size);
    this.hNext = new Int32Array(size);
    this.hMask = size - 1;
    for (const [key, t] of this.next) {
      const st = Math.floor(key / 0x10000);
      const c = key % 0x10000;
      let h = hash(st, c) & this.hMask;
      while (this.hState[h] !== -1) h = (h + 1) & this.hMask;
      this.hState[h] = st;
      this.hChar[h] = c;
      this.hNext[h] = t;
    }
    this.built = true;
    return this;
  }

  /** the transition from non-root state s on c, -1 when none */
  private step(s: number, c: number): number {
    const { hState, hChar, hMask } = this;
    for (let h = hash(s, c) & hMask; ; h = (h + 1) & hMask) {
      const st = hState[h]!;
      if (st === -1) return -1;
      if (st === s && hChar[h] === c) return this.hNext[h]!;
    }
  }

  /**
   * Every match in `text`. Characters for which `skip(code)` is true are stepped over, so
   * `保*本` matches `保本` (the match's range then includes the skipped character).
   */
  scan(text: string, skip?: number): AcMatch[] {
    const hits = this.scanInto(text, skip);
    const found: AcMatch[] = [];
    for (let k = 0; k < hits.count; k++) found.push({ id: hits.id[k]!, from: hits.from[k]!, to: hits.to[k]! });
    return found;
  }

  // the matches of the last scanInto, in typed arrays reused from scan to scan
  private hits: AcHits = { count: 0, id: new Int32Array(64), from: new Int32Array(64), to: new Int32Array(64) };

  /**
   * The matches of `scan`, in the same order, without an object per match: valid until the next
   * scanInto of this automaton (read them, then scan again).
   */
  scanInto(text: string, skip?: number): AcHits {
    const hits = this.hits;
    hits.count = 0;
    const { root, fail, out } = this;
    // positions of the characters fed to the automaton, to recover match starts across skips
    let fed: Int32Array | undefined;
    let nFed = 0;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = fold(text.charCodeAt(i));
      if (c === skip) {
        fed ??= fillFed(text.length, i);
        continue;
      }
      if (fed) fed[nFed] = i;
      nFed++;
      for (;;) {
        const t = s === 0 ? root[c]! : this.step(s, c);
        if (t >= 0) {
          s = t;
          break;
        }
        if (s === 0) break;
        s = fail[s]!;
      }
      const o = out[s]!;
      if (o.length) {
        for (const id of o) {
          const len = this.lengths[id]!;
          const from = fed ? fed[nFed - len]! : i + 1 - len;
          if (hits.count === hits.id.length) grow(hits);
          hits.id[hits.count] = id;
          hits.from[hits.count] = from;
          hits.to[hits.count] = i + 1;
          hits.count++;
        }
      }
    }
    return hits;
  }
}

/** Matches as typed arrays: match k is id[k] at [from[k], to[k]), for k < count. */
export interface AcHits {
  count: number;
  id: Int32Array;
  from: Int32Array;
  to: Int32Array;
}

function grow(h: AcHits) {
  const size = h.id.length * 2;
  for (const key of ['id', 'from', 'to'] as const) {
    const next = new Int32Array(size);
    next.set(h[key]);
    h[key] = next;
  }
}

function fillFed(size: number, upto: number): Int32Array {
  const fed = new Int32Array(size);
  for (let j = 0; j < upto; j++) fed[j] = j;
  return fed;
}

function hash(s: number, c: number): number {
  return (Math.imul(s, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) >>> 7;
}

/** ASCII letters match case-insensitively. */
function fold(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}
