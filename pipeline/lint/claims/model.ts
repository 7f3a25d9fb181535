// The learned layer: a logistic regression over the character 1–3-grams of a text's normalised
// form (traditional folded to simplified, look-alikes and evasions read as what they stand for,
// punctuation and spacing dropped, digits as 0, the mandated risk warnings taken out), trained on
// the labelled corpus (test/lint/corpus/) by `npm run train:lint` into model.json beside this file.
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
import { normalize } from '../normalize.ts';
import { REQUIRED_WARNINGS } from '../warnings.ts';

export const MODEL_FILE = new URL('./model.json', import.meta.url);
/** hashed weight table: 2^18 buckets */
const BITS = 18;
const MASK = (1 << BITS) - 1;

export interface ModelData {
  /** what it was trained on and how (train-lint.ts) */
  trained: { corpus: string; cases: number; claims: number; epochs: number; seed: number };
  bias: number;
  /** n-gram → weight, rounded; n-grams below the cut are left out */
  weights: Record<string, number>;
}

const WARNINGS = Object.values(REQUIRED_WARNINGS).flatMap((w) => w.split('。')).map((w) => normalize(w).text).filter((w) => w.length > 4);

/** The text the model reads: normalised, without the mandated warnings, digits as 0. */
export function modelText(normalised: string): string {
  let t = normalised;
  for (const w of WARNINGS) t = t.split(w).join('');
  return t.replace(/[0-9]+/g, '0');
}

/** Every 1-, 2- and 3-gram of `t` (training and explanations; scoring hashes instead). */
export function grams(t: string): string[] {
  const out: string[] = [];
  for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= t.length; i++) out.push(t.slice(i, i + n));
  return out;
}

/** FNV-1a over the code units of `t[from, to)`, folded to the table. */
function bucket(t: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  return (h >>> 0) & MASK;
}

export interface Model {
  /** probability that `t` (a modelText) makes a claim the rules forbid */
  score(t: string): number;
  /** the n-grams of `t` that weigh most towards a claim, strongest first */
  strongest(t: string, n: number): string[];
}

/** The hashed weight table of a model's data. */
function tableOf(data: ModelData): Float32Array {
  const table = new Float32Array(1 << BITS);
  for (const [g, w] of Object.entries(data.weights)) table[bucket(g, 0, g.length)]! += w;
  return table;
}

/** A model from its data: the weights placed in the hashed table once. */
export function modelOf(data: ModelData): Model {
  return modelFrom(tableOf(data), data.bias);
}

function modelFrom(table: Float32Array, bias: number): Model {
  const z = (t: string) => {
    let sum = 0;
    let n = 0;
    for (let len = 1; len <= 3; len++) for (let i = 0; i + len <= t.length; i++) (sum += table[bucket(t, i, i + len)]!), n++;
    return bias + (n ? sum / Math.sqrt(n) : 0);
  };
  return {
    score: (t) => 1 / (1 + Math.exp(-z(t))),
    strongest(t, n) {
      // the heaviest 2- and 3-grams, each once, none inside or around one already named
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
 * named by a hash of model.json and of this file: parsing 1 MB of JSON and hashing 54k n-grams cost
 * about 60 ms of every `wendu lint`, reading the table about 1 ms.
 */
export function shippedModel(): Model {
  if (loaded) return loaded;
  const raw = readFileSync(MODEL_FILE);
  const key = createHash('sha256').update(raw).update(readFileSync(new URL(import.meta.url))).digest('hex').slice(0, 24);
  const name = `model-${key}`;
  const size = 4 << BITS;
  const stored = storedTable(name, size);
  if (stored && typeof stored.extra === 'number') {
    // (a copy: the stored bytes need not be aligned for a Float32Array)
    const table = new Float32Array(1 << BITS);
    new Uint8Array(table.buffer).set(stored.bytes);
    return (loaded = modelFrom(table, stored.extra));
  }
  const data = JSON.parse(raw.toString('utf8')) as ModelData;
  const table = tableOf(data);
  storeTable(name, new Uint8Array(table.buffer), data.bias);
  return (loaded = modelFrom(table, data.bias));
}

/**
 * Trains the model: logistic regression by stochastic gradient descent, the examples in a seeded
 * order, each text's n-grams scaled by 1/√n (a long post weighs no more than a short one). The same
 * examples and seed give the same weights.
 */
export function train(examples: { text: string; claim: boolean }[], options: { epochs: number; seed: number; rate: number; l2: number; next: () => number }): { bias: number; weights: Map<string, number> } {
  const xs = examples.map((e) => ({ g: grams(modelText(normalize(e.text).text)), y: e.claim ? 1 : 0 }));
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
