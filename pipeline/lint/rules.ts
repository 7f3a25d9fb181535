// Loading the rule set: YAML files in rules/ (word-list rules, and the metadata and examples of
// detector rules) and lexicon.yaml, validated when loaded with errors naming the file and key,
// compiled once per process (module cache) into one Aho–Corasick automaton.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { parseYamlCached as parseYaml } from './data-cache.ts';
import { z } from 'zod';
import { AhoCorasick } from './ac.ts';
import { normalizeTerm } from './normalize.ts';
import { patternRegExp } from './schema.ts';
import { REQUIRED_WARNINGS } from './warnings.ts';
import { compileClaims, CONTEXT_TYPES, PRODUCT_TYPES, type ClaimPattern, type ConceptSet, loadConcepts, CONCEPTS_SOURCE, type ProductType } from './claims/concepts.ts';

export type Severity = 'error' | 'warning' | 'info';
/** where a term counts: anywhere, or only in a sentence about a product / a wealth or insurance product */
export type Context = 'any' | 'product' | 'wealth';

export const RULES_DIR = new URL('./rules/', import.meta.url);
const LEXICON_FILE = new URL('./lexicon.yaml', import.meta.url);

const text = z.string().trim().min(1, 'Expected a non-empty string');
const context = z.enum(['any', 'product', 'wealth']);
/** the source of a regular expression, checked when the rule is loaded */
const regexText = text.refine((p) => {
  try {
    new RegExp(p);
    return true;
  } catch {
    return false;
  }
}, 'Expected a valid regular expression');
const example = z.union([
  text,
  // (`fields`: the field of each text, as an asset draws them: [title, badge, caption])
  z.strictObject({ text: z.union([text, z.array(text).min(1)]), fields: z.array(z.string().min(1)).optional(), excerpt: text.optional() }),
  z.array(text).min(1),
]);
// (`evenIfOnly`: the term counts even in an asset of only these types, where the rule's `exemptIfOnly`
// spares its words: a structured deposit's principal is protected, its return is not risk-free)
const term = z.union([text, z.strictObject({ text, context: context.optional(), evenIfOnly: z.array(z.enum(PRODUCT_TYPES)).optional() })]);
const pattern = z.union([text, z.strictObject({ pattern: text, context, evenIfOnly: z.array(z.enum(PRODUCT_TYPES)).optional() })]);
/** a concept of a claim pattern: `loss` (asserted), `!loss` (negated), `~loss` (either) */
const conceptRef = z.string().regex(/^[!~]?[a-z][a-z-]*$/, 'Expected a concept class like `loss`, `!loss` or `~loss`');
/**
 * where a claim counts: anywhere; in a finance sentence or asset; in a product asset's sentence about
 * money (`product`) or anywhere in a product asset (`product-asset`); or in an asset of these types
 */
const claimContext = z.union([z.enum(['any', 'finance', 'product', 'product-asset']), z.array(z.enum(CONTEXT_TYPES)).min(1)]);
const claim = z.strictObject({
  /** what the pattern recognises, in the reviewers' words */
  name: text,
  /** every one of these concepts, in one clause (or sentence) */
  all: z.array(conceptRef).min(1),
  /** and at least one of these (any polarity) */
  any: z.array(conceptRef).default([]),
  /** and none of these */
  none: z.array(conceptRef).default([]),
  /** the concepts of `all` in this order */
  ordered: z.boolean().default(false),
  scope: z.enum(['clause', 'sentence']).default('clause'),
  context: claimContext.default('any'),
  /** not in an asset that also has one of these product types */
  unlessTypes: z.array(z.enum(PRODUCT_TYPES)).default([]),
  /** not in an asset whose product types are all of these (a deposit's interest per sum; not when the post also offers a wealth product) */
  unlessOnlyTypes: z.array(z.enum(PRODUCT_TYPES)).default([]),
  /** applies even in an asset of only these types, where the rule's `exemptIfOnly` spares its words (a structured deposit's principal is protected; a promise to make up its shortfall is not) */
  evenIfOnly: z.array(z.enum(PRODUCT_TYPES)).default([]),
  /** not in an asset that offers only a bond the state issues: a treasury bond's state credit is a fact, not an endorsement */
  unlessStateIssued: z.boolean().default(false),
  /** counts only where no other pattern of its rule matched in the sentence: a broad reading that would only widen a narrower one's excerpt */
  fallback: z.boolean().default(false),
  /** the concepts of `all` are their clause's whole text, but for a closing particle or mark: a slogan (旱涝保收，年年有余), not what a sentence says of something (老表说算是旱涝保收了) */
  alone: z.boolean().default(false),
  examples: z.strictObject({
    valid: z.array(example).min(1, 'Expected at least one valid example: a pattern cannot ship without proof'),
    invalid: z.array(example).min(1, 'Expected at least one invalid example: a pattern cannot ship without proof'),
  }),
});

const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'Expected a lower-case id like `guarantee` or `pii-phone`'),
  severity: z.enum(['error', 'warning', 'info']),
  basis: text,
  message: text,
  suggestion: text,
  /** the code module that detects this rule (detectors/<name>.ts); absent for word-list rules */
  detector: text.optional(),
  /** detector rules: the detector's own word lists, validated by the detector */
  data: z.record(z.string(), z.unknown()).optional(),
  context: context.default('any'),
  terms: z.array(term).default([]),
  patterns: z.array(pattern).default([]),
  exceptions: z.array(text).default([]),
  negations: z.array(text).default([]),
  /** the rule's words do not count after this in their clause (主要投资于存单: what a product holds, not what it is) */
  notAfter: regexText.optional(),
  /** the rule's words do not count before this in their clause: what they are said of is no product (唯一要记住的事; 最醒目的位置; 收益最高的不一定…) */
  notBefore: regexText.optional(),
  fix: z.record(z.string(), text).optional(),
  /** the rule's words do not count inside a product's name: in 「」 or 《》, or before its designation (「鑫享无忧」百万医疗险; 无忧180天持有期: a name, not a description) */
  notInName: z.boolean().default(false),
  /** the rule's words speak of a product named on a neighbouring line or sentence: on a text's short title line over it
   * (💯稳⏎金钥匙安盈，…), on a short line under it (小U测评 金钥匙安盈⏎安全性 ⭐⭐⭐⭐⭐), or opening the sentence after it
   * (…配一份养老理财吧⏎低风险、省心): engine.ts productNearby */
  productNearby: z.boolean().default(false),
  /** claim patterns over concept classes (claims/concepts.yaml) */
  claims: z.array(claim).default([]),
  /** the rule does not apply to an asset whose product types are all among these (存款是保本的) */
  exemptIfOnly: z.array(z.enum(PRODUCT_TYPES)).default([]),
  /** the rule's words do not apply to an asset that has one of these types (存单 in a post about 大额存单) */
  wordsExemptIfAny: z.array(z.enum(PRODUCT_TYPES)).default([]),
  examples: z.strictObject({
    valid: z.array(example).min(1, 'Expected at least one valid example: a rule cannot ship without proof'),
    invalid: z.array(example).min(1, 'Expected at least one invalid example: a rule cannot ship without proof'),
  }),
});
export type RuleData = z.infer<typeof ruleSchema>;

const lexiconSchema = z.strictObject({
  product: z.strictObject({ terms: z.array(text).min(1), except: z.array(text).default([]) }),
  wealth: z.strictObject({ terms: z.array(text).min(1), except: z.array(text).default([]) }),
  negations: z.array(text).min(1),
  cautions: z.array(text).default([]),
  mentions: z.array(text).default([]),
  safe: z.array(text).default([]),
});
export type LexiconData = z.infer<typeof lexiconSchema>;

export interface Example {
  /** one text, or several texts that ship together (image strings + caption) */
  texts: string[];
  /** the field of each text (default: body, then caption1, caption2…) */
  fields?: string[];
  /** the original characters the finding must quote (masked for PII) */
  excerpt?: string;
}

export interface RuleMeta {
  id: string;
  severity: Severity;
  basis: string;
  message: string;
  suggestion: string;
  detector?: string;
  data?: Record<string, unknown>;
  /** where the rule is defined, for error messages */
  file: string;
  examples: { valid: Example[]; invalid: Example[] };
  /** the rule's claim patterns with their own examples */
  claims: { name: string; examples: { valid: Example[]; invalid: Example[] } }[];
  /** product types whose assets the rule does not apply to when they are all the asset is (a deposit's 保本) */
  exemptIfOnly: ProductType[];
}

export interface CompiledTerm {
  rule: number;
  context: Context;
}
export interface CompiledPattern {
  re: RegExp;
  context: Context;
  /** the pattern counts even in an asset of only these types (as a term's `evenIfOnly`) */
  evenIfOnly?: readonly ProductType[];
}
export interface WordRule extends RuleMeta {
  index: number;
  wordsExemptIfAny: ProductType[];
  patterns: CompiledPattern[];
  /** normalised phrases that contain a term and do not count */
  exceptions: string[];
  negations: string[];
  /** tested on the normalised clause before a term (at most NOT_AFTER_WINDOW characters) */
  notAfter: RegExp | undefined;
  /** tested on the normalised clause after a term (at most NOT_AFTER_WINDOW characters) */
  notBefore: RegExp | undefined;
  /** not inside a product's name (engine.ts inName) */
  notInName: boolean;
  /** about the product a neighbouring line or sentence names (engine.ts productNearby) */
  productNearby: boolean;
  /** normalised term → replacement, applied by --fix when the original has no inserted characters */
  fix: Map<string, string>;
}

/** what an automaton match stands for */
export type AcEntry =
  | { kind: 'term'; rule: number; context: Context; norm: string; evenIfOnly: readonly ProductType[] }
  | { kind: 'lex'; list: 'product' | 'wealth' }
  | { kind: 'lex-except'; list: 'product' | 'wealth' }
  | { kind: 'safe' };

export interface RuleSet {
  rules: RuleMeta[];
  wordRules: WordRule[];
  automaton: AhoCorasick;
  entries: AcEntry[];
  negations: string[];
  cautions: string[];
  mentions: string[];
  /** the claims layer: concept classes and every rule's claim patterns */
  concepts: ConceptSet;
  claims: ClaimPattern[];
  version: string;
}

export class RuleFileError extends Error {}

function formatIssues(file: string, error: z.ZodError): string {
  return error.issues.map((i) => `${file}: ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('\n');
}

function readYaml(url: URL, shown: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(url, 'utf8');
  } catch (err) {
    throw new RuleFileError(`${shown}: cannot read: ${(err as Error).message}`);
  }
  try {
    return parseYaml(raw);
  } catch (err) {
    throw new RuleFileError(`${shown}: invalid YAML: ${(err as Error).message}`);
  }
}

const toExample = (e: z.infer<typeof example>): Example =>
  typeof e === 'string' ? { texts: [e] } : Array.isArray(e) ? { texts: e } : { texts: typeof e.text === 'string' ? [e.text] : e.text, ...(e.fields ? { fields: e.fields } : {}), ...(e.excerpt ? { excerpt: e.excerpt } : {}) };

/**
 * Validates one rule file's parsed content. Errors name the file and the key
 * (`pipeline/lint/rules/guarantee.yaml: examples.invalid: Expected at least one …`).
 */
export function validateRule(data: unknown, file: string, detectors: ReadonlySet<string>): RuleData {
  const parsed = ruleSchema.safeParse(data);
  if (!parsed.success) throw new RuleFileError(formatIssues(file, parsed.error));
  const r = parsed.data;
  const base = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  if (r.id !== base) throw new RuleFileError(`${file}: id: Expected \`${base}\` (the file name) but found \`${r.id}\``);
  if (r.detector) {
    if (!detectors.has(r.detector)) throw new RuleFileError(`${file}: detector: Unknown detector \`${r.detector}\`; known: ${[...detectors].sort().join(', ')}`);
    if (r.terms.length || r.patterns.length) throw new RuleFileError(`${file}: terms: A detector rule keeps its word lists under \`data\``);
  } else {
    if (!r.terms.length && !r.patterns.length && !r.claims.length) throw new RuleFileError(`${file}: terms: Expected \`terms\`, \`patterns\` or \`claims\` (or a \`detector\`)`);
    if (r.data) throw new RuleFileError(`${file}: data: Only detector rules take \`data\``);
  }
  r.patterns.forEach((p, i) => {
    const source = typeof p === 'string' ? p : p.pattern;
    try {
      new RegExp(source, 'gi');
    } catch (err) {
      throw new RuleFileError(`${file}: patterns.${i}: ${(err as Error).message}`);
    }
  });
  return r;
}

export function validateLexicon(data: unknown, file: string): LexiconData {
  const parsed = lexiconSchema.safeParse(data);
  if (!parsed.success) throw new RuleFileError(formatIssues(file, parsed.error));
  return parsed.data;
}

/** Compiles validated rule data (and the lexicon) into a rule set. `sources` feed the version hash. */
export function compileRules(datas: { data: RuleData; file: string }[], lexicon: LexiconData, sources: string[] = [], concepts: ConceptSet = loadConcepts()): RuleSet {
  const sorted = [...datas].sort((a, b) => (a.data.id < b.data.id ? -1 : 1));
  const seen = new Set<string>();
  for (const { data, file } of sorted) {
    if (seen.has(data.id)) throw new RuleFileError(`${file}: id: Duplicate rule id \`${data.id}\``);
    seen.add(data.id);
  }
  const automaton = new AhoCorasick();
  const entries: AcEntry[] = [];
  const add = (norm: string, entry: AcEntry) => {
    if (!norm) return;
    automaton.add(norm);
    entries.push(entry);
  };

  const rules: RuleMeta[] = [];
  const wordRules: WordRule[] = [];
  for (const { data: r, file } of sorted) {
    const meta = metaOf(r, file);
    rules.push(meta);
    if (r.detector) continue;
    const index = wordRules.length;
    for (const t of r.terms) {
      const [raw, ctx, evenIfOnly] = typeof t === 'string' ? [t, r.context, []] : [t.text, t.context ?? r.context, t.evenIfOnly ?? []];
      const norm = normalizeTerm(raw);
      add(norm, { kind: 'term', rule: index, context: ctx, norm, evenIfOnly });
    }
    wordRules.push({
      ...meta,
      index,
      wordsExemptIfAny: r.wordsExemptIfAny,
      patterns: r.patterns.map((p) => (typeof p === 'string' ? { re: patternRegExp(p), context: r.context } : { re: patternRegExp(p.pattern), context: p.context, evenIfOnly: p.evenIfOnly })),
      exceptions: r.exceptions.map(normalizeTerm),
      negations: r.negations.map(normalizeTerm),
      notAfter: r.notAfter === undefined ? undefined : new RegExp(`(?:${r.notAfter})$`, 'i'),
      notBefore: r.notBefore === undefined ? undefined : new RegExp(`^(?:${r.notBefore})`, 'i'),
      notInName: r.notInName,
      productNearby: r.productNearby,
      fix: new Map(Object.entries(r.fix ?? {}).map(([k, v]) => [normalizeTerm(k), v])),
    });
  }
  for (const list of ['product', 'wealth'] as const) {
    for (const t of lexicon[list].terms) add(normalizeTerm(t), { kind: 'lex', list });
    for (const t of lexicon[list].except) add(normalizeTerm(t), { kind: 'lex-except', list });
  }
  for (const phrase of [...Object.values(REQUIRED_WARNINGS).flatMap(splitSentences), ...lexicon.safe]) add(normalizeTerm(phrase), { kind: 'safe' });
  automaton.build();
  const claims = compileClaims(
    concepts,
    wordRules.flatMap((w) => sorted.find((d) => d.data.id === w.id)!.data.claims.map((c) => ({ rule: w.index, file: w.file, ...c }))),
  );

  return {
    rules,
    wordRules,
    automaton,
    entries,
    negations: [...new Set(lexicon.negations.map(normalizeTerm))],
    cautions: lexicon.cautions.map(normalizeTerm),
    mentions: lexicon.mentions.map(normalizeTerm),
    concepts,
    claims,
    version: versionOf(sorted, lexicon, sources),
  };
}

/** A rule's metadata and examples, as reports, SARIF and the suite read them. */
function metaOf(r: RuleData, file: string): RuleMeta {
  return {
    id: r.id,
    severity: r.severity,
    basis: r.basis,
    message: r.message,
    suggestion: r.suggestion,
    file,
    examples: { valid: r.examples.valid.map(toExample), invalid: r.examples.invalid.map(toExample) },
    claims: r.claims.map((c) => ({ name: c.name, examples: { valid: c.examples.valid.map(toExample), invalid: c.examples.invalid.map(toExample) } })),
    exemptIfOnly: r.exemptIfOnly,
    ...(r.detector ? { detector: r.detector } : {}),
    ...(r.data ? { data: r.data } : {}),
  };
}

/** The rule-set version: a short hash of the rule data (sorted by id), the lexicon, the warnings and `sources`. */
function versionOf(sorted: { data: RuleData }[], lexicon: LexiconData, sources: string[]): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(sorted.map((d) => d.data)));
  hash.update(JSON.stringify(lexicon));
  hash.update(JSON.stringify(REQUIRED_WARNINGS));
  for (const s of sources) hash.update(s);
  return hash.digest('hex').slice(0, 12);
}

/** A warning and each of its sentences are safe phrases (the fund warning is two sentences). */
function splitSentences(w: string): string[] {
  const parts = w.split('。').filter(Boolean);
  return parts.length > 1 ? [w, ...parts] : [w];
}

/** The code that decides findings (and, below, confusables.yaml and concepts.yaml): part of the rule-set version, so a changed engine or evasion table is a new version. */
const VERSIONED_SOURCES = ['normalize.ts', 'classes.ts', 'evasion.ts', 'ac.ts', 'prefilter.ts', 'engine.ts', 'rules.ts', 'warnings.ts', 'claims/concepts.ts', 'claims/analyze.ts', 'claims/product.ts'];

/** The checkout's rule data, validated, with its version and metadata: no automaton, no RegExp compiled. */
export interface ShippedRules {
  /** by file name */
  datas: { data: RuleData; file: string }[];
  lexicon: LexiconData;
  /** the texts of the code and data files the version is made from */
  sources: string[];
  version: string;
  rules: RuleMeta[];
}

let data: ShippedRules | undefined;

/**
 * The rule files and lexicon of this checkout, read and validated once per process. What a policy
 * is checked against and applied to: a command with a policy compiles only the policy's rule set.
 */
export function loadRuleData(detectors: ReadonlySet<string>, detectorSources: URL[]): ShippedRules {
  if (data) return data;
  const files = readdirSync(RULES_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const datas = files.map((f) => {
    const shown = `pipeline/lint/rules/${f}`;
    return { data: validateRule(readYaml(new URL(f, RULES_DIR), shown), shown, detectors), file: shown };
  });
  const lexicon = validateLexicon(readYaml(LEXICON_FILE, 'pipeline/lint/lexicon.yaml'), 'pipeline/lint/lexicon.yaml');
  const sources = [...VERSIONED_SOURCES.map((f) => new URL(`./${f}`, import.meta.url)), new URL('./confusables.yaml', import.meta.url), CONCEPTS_SOURCE, ...detectorSources].map((u) => readFileSync(u, 'utf8'));
  const sorted = [...datas].sort((a, b) => (a.data.id < b.data.id ? -1 : 1));
  data = { datas, lexicon, sources, version: versionOf(sorted, lexicon, sources), rules: sorted.map((d) => metaOf(d.data, d.file)) };
  return data;
}

let cached: RuleSet | undefined;

/** The rule set of this checkout, loaded and compiled once per process. */
export function loadRuleSet(detectors: ReadonlySet<string>, detectorSources: URL[]): RuleSet {
  if (cached) return cached;
  const { datas, lexicon, sources } = loadRuleData(detectors, detectorSources);
  cached = compileRules(datas, lexicon, sources);
  return cached;
}
