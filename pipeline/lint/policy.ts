// A bank's compliance policy (content/policy.yaml), layered over the rule set that ships with
// Wendu: per-rule severity overrides, extra words for word-list rules and the bank's own product
// names, each with a required reason. Loaded with located errors (file:line:col); client-detail
// (PII) rules can never be lowered. The policy is folded into the rule-set version
// (`<rules>+policy.<hash>`), so every report and manifest says which policy the content passed.
import { loadConcepts } from './claims/concepts.ts';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Problem } from '../model.ts';
import { decode } from '../load/source.ts';
import { parseYaml, rangeAt, validate, type YamlSource } from '../load/yaml.ts';
import { DETECTOR_SOURCES, DETECTORS } from './detectors/index.ts';
import { ruleCatalog, rulesetVersion, type CatalogEntry } from './engine.ts';
import { normalizeTerm } from './normalize.ts';
import { compileRules, loadRuleData, type RuleSet, type Severity } from './rules.ts';

const text = z.string().trim().min(1, 'Expected a non-empty string');
const reason = z.string().trim().min(4, 'Expected a reason a reviewer can read (why the bank departs from the default)');
const severity = z.enum(['error', 'warning', 'info']);

export const policySchema = z.strictObject({
  /** rule id → the bank's severity, and why */
  rules: z.record(z.string(), z.strictObject({ severity, reason })).default({}),
  /** extra words a word-list rule catches */
  words: z.array(z.strictObject({ rule: text, words: z.array(text).min(1), context: z.enum(['any', 'product', 'wealth']).optional(), reason })).default([]),
  /** the bank's own product names: a sentence naming one is about a product (wealth: a wealth product) */
  products: z.array(z.strictObject({ names: z.array(text).min(1), kind: z.enum(['product', 'wealth']), reason })).default([]),
});
export type PolicyData = z.infer<typeof policySchema>;

export interface Policy extends PolicyData {
  /** the file as shown in messages */
  file: string;
  /** sha256 of the policy's meaning (canonical JSON), first 8 hex digits in the version */
  hash: string;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * Parses and checks a policy file. Every problem is located: YAML syntax, unknown keys, a missing
 * reason, an unknown rule, words for a detector rule, a lowered client-detail rule.
 */
export function parsePolicy(file: string, bytes: Uint8Array): { policy?: Policy; problems: Problem[] } {
  const { source, problem } = decode(file, bytes);
  if (!source) return { problems: [problem!] };
  const src: YamlSource = { source, base: 0, yaml: source.text };
  const parsed = parseYaml(src);
  if (!parsed.doc) return { problems: parsed.problems };
  if (parsed.doc.contents === null) return { policy: withHash(file, policySchema.parse({})), problems: [] };
  const { value, problems } = validate(src, parsed.doc, policySchema, 'policy.yaml');
  if (!value) return { problems };
  const doc = parsed.doc;
  const at = (path: (string | number)[], what: 'key' | 'value', message: string) => {
    const r = rangeAt(doc, path, what) ?? [0, 0];
    problems.push(source.problem('policy/invalid', message, r[0], r[1]));
  };
  const catalog = new Map(ruleCatalog().map((r) => [r.id, r]));
  const known = () => [...catalog.keys()].join(', ');
  for (const [id, o] of Object.entries(value.rules)) {
    const base = catalog.get(id);
    if (!base) {
      at(['rules', id], 'key', `Unknown rule \`${id}\` in policy.yaml; known: ${known()}`);
      continue;
    }
    if (!base.waivable && RANK[o.severity] < RANK[base.severity]) {
      at(['rules', id, 'severity'], 'value', `\`${id}\` is a client-detail (PII) rule: it stays \`${base.severity}\` whatever the policy says (个人信息保护法); remove this override`);
    }
  }
  value.words.forEach((w, i) => {
    const base = catalog.get(w.rule);
    if (!base) at(['words', i, 'rule'], 'value', `Unknown rule \`${w.rule}\` in policy.yaml; known: ${known()}`);
    else if (base.engine !== 'words') at(['words', i, 'rule'], 'value', `\`${w.rule}\` is detected by code (${base.engine}), not by a word list: extra words can only be given to word-list rules`);
  });
  if (problems.length) return { problems };
  return { policy: withHash(file, value), problems: [] };
}

function withHash(file: string, data: PolicyData): Policy {
  const canonical = JSON.stringify({
    rules: Object.fromEntries(Object.entries(data.rules).sort(([a], [b]) => (a < b ? -1 : 1))),
    words: data.words,
    products: data.products,
  });
  return { ...data, file, hash: createHash('sha256').update(canonical).digest('hex') };
}

/** The rule set, its version and catalog as a command uses them: the checkout's, or with a policy applied. */
export interface ActiveRules {
  /** undefined: the checkout's rule set as it ships */
  rules?: RuleSet;
  version: string;
  catalog: CatalogEntry[];
  policy?: Policy;
}

const applied = new WeakMap<Policy, ActiveRules>();

export function activeRules(policy?: Policy): ActiveRules {
  if (!policy) return { version: rulesetVersion(), catalog: ruleCatalog() };
  let a = applied.get(policy);
  if (!a) {
    const rules = applyPolicy(policy);
    applied.set(policy, (a = { rules, version: rules.version, catalog: ruleCatalog(rules), policy }));
  }
  return a;
}

/** The shipped rule data and lexicon with the policy applied, compiled by the same compileRules. */
export function applyPolicy(policy: Policy): RuleSet {
  // a copy of the checkout's validated data (read once), changed below
  const shipped = loadRuleData(new Set(DETECTORS.keys()), DETECTOR_SOURCES);
  const datas = structuredClone(shipped.datas);
  const lexicon = structuredClone(shipped.lexicon);
  for (const { data } of datas) {
    const o = policy.rules[data.id];
    if (o) data.severity = o.severity;
    for (const w of policy.words.filter((x) => x.rule === data.id)) data.terms.push(...w.words.map((t) => (w.context ? { text: t, context: w.context } : t)));
  }
  // a product name makes its sentence a product (or wealth) sentence, and requires the warning
  // (each name normalised as the texts are and escaped, once, for the patterns below)
  const patterns = policy.products.map((p) => p.names.map((n) => normalizeTerm(n).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  const warningRule = datas.find((d) => d.data.id === 'missing-risk-warning')?.data.data;
  for (const [i, p] of policy.products.entries()) {
    lexicon[p.kind].terms.push(...p.names);
    const triggers = warningRule?.[p.kind === 'wealth' ? 'wealth' : 'generic'];
    if (Array.isArray(triggers)) triggers.push(...patterns[i]!);
  }
  // …and makes the whole post a product of that type for the per-asset classification, and no lesson where it names one
  const base = loadConcepts();
  const named = patterns.map((names) => new RegExp(names.join('|'), 'gi'));
  const concepts = named.length ? { ...base, products: { ...base.products, ownNames: new RegExp(patterns.flat().join('|'), 'g'), types: { ...base.products.types, wealth: [...base.products.types.wealth, ...named] } } } : base;
  const set = compileRules(datas, lexicon, [], concepts);
  return { ...set, version: `${rulesetVersion()}+policy.${policy.hash.slice(0, 8)}` };
}
