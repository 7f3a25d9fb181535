// The claims layer's data: concept classes, operators (negation, caution, undercut) and product
// types, loaded from concepts.yaml and compiled once into one Aho–Corasick automaton; and the rules'
// claim patterns (rules/<id>.yaml `claims:`) compiled against those classes.
import { readFileSync } from 'node:fs';
import { parseYamlCached as parseYaml } from '../data-cache.ts';
import { z } from 'zod';
import { AhoCorasick } from '../ac.ts';
import { regexSchema as regex } from '../schema.ts';
import { normalizeTerm } from '../normalize.ts';

export const PRODUCT_TYPES = ['wealth', 'fund', 'structured', 'insurance', 'deposit', 'loan'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];
/** what a claim's context may list: the product types, and `metal` — a precious metal's asset, a product of no listed type (积存金, 实物金条) */
export const CONTEXT_TYPES = [...PRODUCT_TYPES, 'metal'] as const;

export const CONCEPTS_SOURCE = new URL('./concepts.yaml', import.meta.url);

export const OPERATORS = ['negate', 'negate-after', 'answer', 'caution', 'caution-after', 'past', 'undercut', 'ask'] as const;
export type Operator = (typeof OPERATORS)[number];

const text = z.string().trim().min(1);
const conceptsSchema = z.strictObject({
  classes: z.record(
    z.string().regex(/^[a-z][a-z-]*$/),
    z.strictObject({
      head: z.boolean().default(false),
      words: z.array(text).default([]),
      patterns: z.array(regex).default([]),
      /** patterns that read across a clause mark inside their sentence (门一关，就是明年的事了): the comma is part of what they say */
      acrossClauses: z.array(regex).default([]),
    }),
  ),
  operators: z.strictObject(Object.fromEntries(OPERATORS.map((o) => [o, z.array(text).min(1)])) as Record<Operator, z.ZodArray<typeof text>>),
  except: z.array(text).default([]),
  /** exceptions by form (刚兑 被逐步打破): a match is deleted with what it straddles, as a listed exception is; within a clause */
  exceptPatterns: z.array(regex).default([]),
  /** exceptions by form read across a clause mark, up to a sentence's end (祝福，一分都不打折) */
  exceptAcross: z.array(regex).default([]),
  products: z.strictObject({
    /** evidence of each product type (regular expressions over the normalised text) */
    types: z.strictObject(Object.fromEntries(PRODUCT_TYPES.map((t) => [t, z.array(regex).min(1)])) as Record<ProductType, z.ZodArray<typeof regex>>),
    /** a deposit told only by its verbs (5万起存): a deposit only where no investment type is offered */
    depositByVerb: regex.optional(),
    /** a product of no named type: a return word together with a product cue */
    weakWealth: regex,
    /** the wealth warning said in other words or in part (理财有风险，选择要小心): a wealth product where something is offered */
    paraphrasedWealth: regex,
    notOffer: regex,
    notOfferAfter: z.string().transform((s) => new RegExp(s)),
    /** the same over the rest of the name's own clause only (代销保险宣传材料将统一标注…, not 这款年金险，宣传页上写明了：年交1万) */
    notOfferAfterClause: z.string().transform((s) => new RegExp(s)).optional(),
    pastSentence: regex,
    generic: z.strictObject({ returns: regex, cue: regex }),
    /** a product of a kind the rules set no disclosure for (precious metals): an asset that offers one is not taken for an unnamed wealth product */
    otherKind: regex.optional(),
    /** a bond the state issues (储蓄国债): backed by the state's credit, which an asset that offers only it may say */
    stateIssued: regex.optional(),
    /** a post that says it offers nothing (over the normalised text) */
    noProduct: regex,
    /** a lesson that names product types to explain them; what names or offers a product of its own (over the text as written) */
    lesson: regex,
    /** someone's earnings shown as a figure (张阿姨已赚2万): a post that shows them is no lesson (over the normalised text) */
    earningsShown: regex,
    /** the writer likening a product to a deposit (对你来说没区别，就当是换了个名字的一年定期): a post that does is no lesson (over the normalised text) */
    likenedToDeposit: regex,
    namedProduct: regex,
    /** the bank's own product names, from its policy (金钥匙安盈): a post that names one is no lesson (over the normalised text) */
    ownNames: z.instanceof(RegExp).optional(),
    offerCue: regex,
    ownProduct: regex,
  }),
  /** a question that does not ask (你还怕什么？能差到哪去？): over a sentence's normalised text */
  rhetorical: z.string().transform((s) => new RegExp(s)).optional(),
});

export type ConceptEntry = { kind: 'class'; cls: number } | { kind: 'op'; op: Operator } | { kind: 'except' };

export interface ConceptSet {
  classes: string[];
  heads: boolean[];
  classIndex: Map<string, number>;
  /** regular-expression classes (amounts): class index → patterns */
  /** (`across`: the match may cross a clause mark, never a sentence's end; class -2: an exception by form) */
  patterns: { cls: number; re: RegExp; across?: true }[];
  automaton: AhoCorasick;
  entries: ConceptEntry[];
  /** entry lengths (one-character entries must be words of their own) */
  lengths: number[];
  products: z.infer<typeof conceptsSchema>['products'];
  rhetorical?: RegExp;
}

export class ConceptsError extends Error {}

/** Compiles concepts data (validated); errors name the file and key. */
export function compileConcepts(data: unknown, file = 'pipeline/lint/claims/concepts.yaml'): ConceptSet {
  const parsed = conceptsSchema.safeParse(data);
  if (!parsed.success) throw new ConceptsError(parsed.error.issues.map((i) => `${file}: ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n'));
  const d = parsed.data;
  const classes = Object.keys(d.classes);
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const automaton = new AhoCorasick();
  const entries: ConceptEntry[] = [];
  const lengths: number[] = [];
  const seen = new Map<string, number>();
  const add = (raw: string, entry: ConceptEntry) => {
    const norm = normalizeTerm(raw);
    if (!norm) return;
    // one phrase, one meaning: the first listing wins (classes before operators before exceptions)
    if (seen.has(norm)) return;
    seen.set(norm, entries.length);
    automaton.add(norm);
    entries.push(entry);
    lengths.push(norm.length);
  };
  // exceptions first: a phrase listed as an exception is never a concept
  for (const w of d.except) add(w, { kind: 'except' });
  for (const op of OPERATORS) for (const w of d.operators[op]) add(w, { kind: 'op', op });
  const patterns: ConceptSet['patterns'] = [];
  classes.forEach((c, cls) => {
    for (const w of d.classes[c]!.words) add(w, { kind: 'class', cls });
    for (const re of d.classes[c]!.patterns) patterns.push({ cls, re });
    for (const re of d.classes[c]!.acrossClauses) patterns.push({ cls, re, across: true });
  });
  // (an exception by form is a pattern of no class: select() reads class -2 as an exception)
  for (const re of d.exceptPatterns) patterns.push({ cls: -2, re });
  for (const re of d.exceptAcross) patterns.push({ cls: -2, re, across: true });
  automaton.build();
  return { classes, heads: classes.map((c) => d.classes[c]!.head), classIndex, patterns, automaton, entries, lengths, products: d.products, ...(d.rhetorical ? { rhetorical: d.rhetorical } : {}) };
}

let cached: ConceptSet | undefined;
export function loadConcepts(): ConceptSet {
  if (cached) return cached;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(CONCEPTS_SOURCE, 'utf8'));
  } catch (err) {
    throw new ConceptsError(`pipeline/lint/claims/concepts.yaml: ${(err as Error).message}`);
  }
  cached = compileConcepts(raw);
  return cached;
}

export type Polarity = 'asserted' | 'negated' | 'either';
export interface ConceptReq {
  cls: number;
  polarity: Polarity;
}
export type ClaimContext = 'any' | 'finance' | 'product' | 'product-asset' | (typeof CONTEXT_TYPES)[number][];

export interface ClaimPattern {
  /** WordRule.index of the rule it belongs to */
  rule: number;
  name: string;
  all: ConceptReq[];
  any: ConceptReq[];
  none: ConceptReq[];
  ordered: boolean;
  scope: 'clause' | 'sentence';
  context: ClaimContext;
  /** not in an asset that has one of these types */
  unlessTypes: ProductType[];
  /** not in an asset whose product types are all of these (and which has one) */
  unlessOnlyTypes: ProductType[];
  /** still applies in an asset of only these types, where its rule is exempt */
  evenIfOnly: ProductType[];
  /** not in an asset that offers only a bond the state issues (AssetProducts.stateIssued) */
  unlessStateIssued: boolean;
  /** only where no other pattern of its rule matched in the sentence */
  fallback: boolean;
  /** only where its concepts are their clause's whole text (but for a closing particle or mark) */
  alone: boolean;
}

export interface ClaimData {
  rule: number;
  file: string;
  name: string;
  all: string[];
  any: string[];
  none: string[];
  ordered: boolean;
  scope: 'clause' | 'sentence';
  context: ClaimContext;
  unlessTypes: ProductType[];
  unlessOnlyTypes: ProductType[];
  evenIfOnly: ProductType[];
  unlessStateIssued: boolean;
  fallback: boolean;
  alone: boolean;
}

/** Resolves the concept names of the rules' claim patterns; an unknown class names the rule file. */
export function compileClaims(concepts: ConceptSet, claims: ClaimData[]): ClaimPattern[] {
  const ref = (c: ClaimData, key: string, s: string): ConceptReq => {
    const polarity: Polarity = s.startsWith('!') ? 'negated' : s.startsWith('~') ? 'either' : 'asserted';
    const name = s.replace(/^[!~]/, '');
    const cls = concepts.classIndex.get(name);
    if (cls === undefined) throw new ConceptsError(`${c.file}: claims.${c.name}.${key}: Unknown concept class \`${name}\`; known: ${concepts.classes.join(', ')}`);
    return { cls, polarity };
  };
  return claims.map((c) => ({
    rule: c.rule,
    name: c.name,
    all: c.all.map((s) => ref(c, 'all', s)),
    any: c.any.map((s) => ref(c, 'any', s)),
    none: c.none.map((s) => ref(c, 'none', s)),
    ordered: c.ordered,
    scope: c.scope,
    context: c.context,
    unlessTypes: c.unlessTypes,
    unlessOnlyTypes: c.unlessOnlyTypes,
    evenIfOnly: c.evenIfOnly,
    unlessStateIssued: c.unlessStateIssued,
    fallback: c.fallback,
    alone: c.alone,
  }));
}
