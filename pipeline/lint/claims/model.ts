// The learned layer: a logistic regression over the character 1–3-grams of a text's normalised
// form (traditional folded to simplified, look-alikes and evasions read as what they stand for,
// punctuation and spacing dropped, digits as 0, the mandated risk warnings taken out), trained on
// the labelled corpus (test/lint/corpus/) by `npm run train:lint` into model.json beside this file.
// It reads clause by clause (no n-gram across a clause mark) and knows a negation's scope: an
// n-gram after 不/没/非/无… in its clause is a feature of its own, so 不保证本金 does not weigh what
// 保证本金 weighs (ModelFeatures).
//
// The word lists and claim patterns are exact and explainable but only know the phrasings someone
// wrote down; a post that says the same thing in new words passes them. This model reads how a
// post sounds — the company its words keep in thousands of labelled claims and look-alikes — and
// catches many of those. It is a second opinion, never the only one: it only raises a warning for a
// reviewer (claim-model), with the phrases that weighed most, and only where no exact rule fired.
// Scoring is one pass over the text with a hashed weight table: linear, no allocation per n-gram.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { storedTable, storeTable } from '../data-cache.ts';
import { normalize, type Normalized } from '../normalize.ts';
import { REQUIRED_WARNINGS } from '../warnings.ts';

export const MODEL_FILE = new URL('./model.json', import.meta.url);
/** hashed weight table: 2^18 buckets */
const BITS = 18;
const MASK = (1 << BITS) - 1;

/**
 * What the model reads besides the character n-grams: `clauses` — n-grams stay within a clause;
 * `negation` — an n-gram after a negation character in its clause (不/没/非/无/未/别/勿/莫/甭) is a
 * feature of its own (保本 after 不 weighs what 不…保本 weighs, not what 保本 does). Absent: neither.
 */
export interface ModelFeatures {
  clauses: boolean;
  negation: boolean;
}

export interface ModelData {
  /** what it was trained on and how (train-lint.ts) */
  trained: { corpus: string; cases: number; claims: number; epochs: number; seed: number; features?: ModelFeatures };
  bias: number;
  /** n-gram → weight, rounded; n-grams below the cut are left out */
  weights: Record<string, number>;
}

// (and the fund statement as it is commonly written: 基金过往业绩不预示其未来表现, …并不代表…)
const FUND_STATEMENT_FORMS = ['基金', '基金的'].flatMap((a) => ['过往业绩不', '过往业绩并不'].flatMap((b) => ['预示其未来表现', '代表其未来表现'].map((c) => a + b + c)));
const WARNINGS = [...new Set([...Object.values(REQUIRED_WARNINGS).flatMap((w) => w.split('。')), ...FUND_STATEMENT_FORMS].map((w) => normalize(w).text).filter((w) => w.length > 4))].sort((a, b) => b.length - a.length);

/** Between two clauses of a model input; a negated-scope n-gram's key starts with NEG_KEY. */
export const SEP = '|';
const NEG_KEY = '¬';
const NEGATIONS = new Set([...'不没非无未别勿莫甭']);
/** words that start with a negation character and negate nothing (不错, 非常, 未来) */
const NOT_NEGATION = new Set(['不错', '不少', '不断', '不仅', '不久', '不管', '不同', '不过', '不如', '不然', '非常', '无论', '无聊', '未来', '别人', '别的', '没想', '莫名', '非凡', '无限', '无数', '不单', '不光', '别说']);

/** The text the model reads: normalised, without the mandated warnings, digits as 0 (one text, no clause marks). */
export function modelText(normalised: string): string {
  let t = normalised.split(SEP).join('').split(NEG_KEY).join('');
  for (const w of WARNINGS) t = t.split(w).join('');
  return t.replace(/[0-9]+/g, '0');
}

/**
 * The model's input for normalised [from, to) of `norm`: as modelText, with SEP between clauses.
 * Linear: the warnings are found with indexOf, every character is looked at once.
 */
export function modelInputOf(norm: Normalized, from = 0, to = norm.text.length): string {
  const text = norm.text.slice(from, to);
  const drop = new Uint8Array(text.length);
  for (const w of WARNINGS) for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + w.length)) drop.fill(1, i, i + w.length);
  let out = '';
  let clause = -1;
  let digits = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (drop[i] || ch === SEP || ch === NEG_KEY) continue;
    const c = norm.clause[from + i]!;
    if (clause >= 0 && c !== clause) {
      out += SEP;
      digits = false;
    }
    clause = c;
    if (ch >= '0' && ch <= '9') {
      if (!digits) out += '0';
      digits = true;
      continue;
    }
    digits = false;
    out += ch;
  }
  return out;
}

/**
 * Calls `f(from, to, negated)` for every feature n-gram of model input `t`: every 1–3-gram; with
 * `clauses`, none across SEP (without, SEP is not there at all: the caller strips it); with
 * `negation`, `negated` when a negation character stands before it in its clause.
 */
function eachGram(t: string, o: ModelFeatures, f: (from: number, to: number, negated: boolean) => void) {
  let negated = false;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (ch === SEP) {
      negated = false;
      continue;
    }
    for (let len = 1; len <= 3 && i + len <= t.length; len++) {
      if (t[i + len - 1] === SEP) break;
      f(i, i + len, negated);
    }
    if (o.negation && NEGATIONS.has(ch) && !NOT_NEGATION.has(t.slice(i, i + 2))) negated = true;
  }
}

const PLAIN: ModelFeatures = { clauses: false, negation: false };
/** `t` as the model with features `o` reads it: without clause marks unless it reads clauses. */
const readAs = (t: string, o: ModelFeatures) => (o.clauses ? t : t.split(SEP).join(''));

/** The feature keys of model input `t` (training): n-grams, NEG_KEY before those in a negation's scope. */
export function features(t: string, o: ModelFeatures = PLAIN): string[] {
  const r = readAs(t, o);
  const out: string[] = [];
  eachGram(r, o, (a, b, neg) => out.push(neg ? NEG_KEY + r.slice(a, b) : r.slice(a, b)));
  return out;
}

/** Every 1-, 2- and 3-gram of `t` (training and explanations; scoring hashes instead). */
export function grams(t: string): string[] {
  const out: string[] = [];
  for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= t.length; i++) out.push(t.slice(i, i + n));
  return out;
}

/** FNV-1a over the code units of `t[from, to)`, folded to the table (a negated-scope n-gram salted). */
function bucket(t: string, from: number, to: number, negated = false): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  if (negated) h = Math.imul(h ^ 0x9e37, 0x01000193);
  return (h >>> 0) & MASK;
}
const keyBucket = (g: string) => (g.startsWith(NEG_KEY) ? bucket(g, 1, g.length, true) : bucket(g, 0, g.length));

export interface Model {
  /** probability that `t` (a modelInputOf or modelText) makes a claim the rules forbid */
  score(t: string): number;
  /** the n-grams of `t` that weigh most towards a claim, strongest first */
  strongest(t: string, n: number): string[];
}

/** A model from its data: the weights placed in the hashed table once. */
export function modelOf(data: ModelData): Model {
  return modelFrom(tableOf(data), data.bias, data.trained.features ?? PLAIN);
}

/** The hashed weight table of a model's data. */
function tableOf(data: ModelData): Float32Array {
  const table = new Float32Array(1 << BITS);
  for (const [g, w] of Object.entries(data.weights)) table[keyBucket(g)]! += w;
  return table;
}

function modelFrom(table: Float32Array, bias: number, o: ModelFeatures): Model {
  const z = (input: string) => {
    const t = readAs(input, o);
    let sum = 0;
    let n = 0;
    eachGram(t, o, (a, b, neg) => {
      sum += table[bucket(t, a, b, neg)]!;
      n++;
    });
    return bias + (n ? sum / Math.sqrt(n) : 0);
  };
  return {
    score: (t) => 1 / (1 + Math.exp(-z(t))),
    strongest(input, n) {
      // the heaviest 2- and 3-grams, each once, none inside or around one already named (read
      // as plain n-grams: what a reviewer can find in the text)
      const t = modelText(input);
      const seen = new Map<string, number>();
      for (const g of grams(t)) if (g.length > 1) seen.set(g, table[bucket(g, 0, g.length)]!);
      const out: string[] = [];
      for (const [g] of [...seen].filter(([, w]) => w > 0).sort((a, b) => b[1] - a[1])) {
        if (out.length >= n) break;
        if (!out.some((o) => o.includes(g) || g.includes(o) || o.endsWith(g[0]!) || o.startsWith(g.at(-1)!))) out.push(g);
      }
      return out;
    },
  };
}

let loaded: Model | undefined;
/**
 * The shipped model (model.json), read on first use. Its table is kept between runs (data-cache.ts),
 * named by a hash of model.json and of this file: parsing 1 MB of JSON and hashing 55k n-grams cost
 * about 60 ms of every `wendu lint`, reading the table about 1 ms.
 */
export function shippedModel(): Model {
  if (loaded) return loaded;
  const raw = readFileSync(MODEL_FILE);
  const key = createHash('sha256').update(raw).update(readFileSync(new URL(import.meta.url))).digest('hex').slice(0, 24);
  const name = `model-${key}`;
  const size = 4 << BITS;
  const stored = storedTable(name, size);
  const extra = stored?.extra as { bias: number; features: ModelFeatures } | undefined;
  if (stored && extra && typeof extra.bias === 'number') {
    // (a copy: the stored bytes need not be aligned for a Float32Array)
    const table = new Float32Array(1 << BITS);
    new Uint8Array(table.buffer).set(stored.bytes);
    return (loaded = modelFrom(table, extra.bias, extra.features));
  }
  const data = JSON.parse(raw.toString('utf8')) as ModelData;
  const table = tableOf(data);
  const features = data.trained.features ?? PLAIN;
  storeTable(name, new Uint8Array(table.buffer), { bias: data.bias, features });
  return (loaded = modelFrom(table, data.bias, features));
}

/**
 * Trains the model: logistic regression by stochastic gradient descent, the examples in a seeded
 * order, each text's n-grams scaled by 1/√n (a long post weighs no more than a short one). The same
 * examples and seed give the same weights.
 */
export function train(
  examples: { text: string; claim: boolean }[],
  options: { epochs: number; seed: number; rate: number; l2: number; next: () => number; features?: ModelFeatures },
): { bias: number; weights: Map<string, number> } {
  const xs = examples.map((e) => ({ g: features(modelInputOf(normalize(e.text)), options.features), y: e.claim ? 1 : 0 }));
  const w = new Map<string, number>();
  let bias = 0;
  const order = xs.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(options.next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const { g, y } = xs[k]!;
      const scale = g.length ? 1 / Math.sqrt(g.length) : 0;
      let sum = 0;
      for (const f of g) sum += w.get(f) ?? 0;
      const p = 1 / (1 + Math.exp(-(bias + sum * scale)));
      const grad = p - y;
      bias -= options.rate * grad;
      for (const f of g) w.set(f, (w.get(f) ?? 0) * (1 - options.l2) - options.rate * grad * scale);
    }
  }
  return { bias, weights: w };
}
