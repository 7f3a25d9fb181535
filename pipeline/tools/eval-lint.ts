// `npm run eval:lint`: recall and clean rate of the linter on the labelled corpus
// (test/lint/corpus/*.yaml, format shared by both linter engineers: family, title, kind, cases with
// `text` or `texts` and `expect`). A violation case is a hit when one of its expected rule ids fires
// as an error or warning; a clean case is clean when no error or warning fires at all.
// Prints one row per family and the totals, the hold-out families (holdout-*.yaml) in a table of their
// own; exits 0 (it is a report). `--miss` lists what failed, `--no-holdout` leaves the hold-out out,
// a word argument keeps only the files whose name contains it.
import { characterReference } from '../load/decode.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { TextSpan } from '../model.ts';
import { lintSpans, type Finding, type LintContext } from '../lint/index.ts';
import { activeRules, parsePolicy } from '../lint/policy.ts';
import type { RuleSet } from '../lint/rules.ts';

export const CORPUS_DIR = new URL('../../test/lint/corpus/', import.meta.url);

const text = z.string().min(1);
const caseSchema = z
  .strictObject({
    text: text.optional(),
    texts: z.array(z.strictObject({ field: text, text })).min(1).optional(),
    expect: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)),
    source: z.string().optional(),
    note: z.string().optional(),
  })
  .refine((c) => (c.text === undefined) !== (c.texts === undefined), 'Expected exactly one of `text` or `texts`');
const fileSchema = z.strictObject({
  family: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: text,
  kind: z.enum(['claim', 'pii', 'evasion', 'clean']),
  floor: z.strictObject({ recall: z.number().min(0).max(1).optional(), clean: z.number().min(0).max(1).optional() }).optional(),
  cases: z.array(caseSchema).min(1),
});
export type CorpusCase = z.infer<typeof caseSchema>;
export type CorpusFamily = z.infer<typeof fileSchema> & { file: string };

/** The public details of the sample content: persona names, branch phones, the hotline. */
export const SAMPLE_CONTEXT: LintContext = {
  personaNames: ['周慧敏', '陈晓文', '林嘉欣', '黄志强', '李国强', '王晓雨', '小U'],
  allowedPhones: ['0571-8765 4321', '028-8662 3456', '020-3888 6677'],
  hotlines: ['95527', '95566'],
  bankName: '同心银行',
};

/** Reads every corpus file (or those whose name passes `filter`); errors name the file and key. */
export function loadCorpus(filter: (file: string) => boolean = () => true, dir: URL = CORPUS_DIR): CorpusFamily[] {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && filter(f))
    .sort();
  return files.map((f) => {
    const shown = `test/lint/corpus/${f}`;
    const parsed = fileSchema.safeParse(parseYaml(readFileSync(new URL(f, dir), 'utf8')));
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${shown}: ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n'));
    if (parsed.data.family !== f.replace(/\.ya?ml$/, '')) throw new Error(`${shown}: family: Expected \`${f.replace(/\.ya?ml$/, '')}\` (the file name)`);
    return { ...parsed.data, file: shown };
  });
}

/**
 * The sample content's policy (content/policy.yaml), as `wendu lint` and `wendu build` apply it in this
 * checkout: the corpus is written against the sample content, whose bank sells 金钥匙安盈.
 */
let samplePolicy: RuleSet | undefined;
export function sampleRules(): RuleSet {
  if (!samplePolicy) {
    const file = fileURLToPath(new URL('../../content/policy.yaml', import.meta.url));
    const { policy, problems } = parsePolicy(file, readFileSync(file));
    if (!policy) throw new Error(`content/policy.yaml: ${problems.map((p) => p.message).join('; ')}`);
    samplePolicy = activeRules(policy).rules!;
  }
  return samplePolicy;
}

/**
 * A case's text as it ships: character references decoded (&#20445;&#26412; is 保本, &nbsp; a space), as
 * the brief reader (load/markdown.ts) decodes every field before the gate judges it.
 */
function shipped(text: string): string {
  return text.includes('&') ? text.replace(/&[^;\s&]{1,40};/g, (ref) => characterReference(ref, 0, ref.length)?.text ?? ref) : text;
}

export function lintCase(c: CorpusCase, ctx: LintContext = SAMPLE_CONTEXT): Finding[] {
  const spans: TextSpan[] = c.texts
    ? c.texts.map((t) => ({ field: t.field, text: shipped(t.text), file: 'corpus' }))
    : [{ field: 'body', text: shipped(c.text!), file: 'corpus', start: { line: 1, column: 1 } }];
  return lintSpans(spans, ctx, sampleRules());
}

export interface CaseResult {
  case: CorpusCase;
  ok: boolean;
  fired: string[];
}
export interface FamilyResult {
  family: CorpusFamily;
  violations: number;
  hits: number;
  cleans: number;
  passed: number;
  recall: number | undefined;
  clean: number | undefined;
  results: CaseResult[];
}

/** `anyRule`: a violation counts as caught when any rule fires (error or warning), as a judge who only sees that the post was flagged would count it. */
export function evaluate(family: CorpusFamily, anyRule = false): FamilyResult {
  let violations = 0;
  let hits = 0;
  let cleans = 0;
  let passed = 0;
  const results: CaseResult[] = [];
  for (const c of family.cases) {
    const blocking = lintCase(c).filter((f) => f.severity !== 'info');
    const fired = [...new Set(blocking.map((f) => `${f.ruleId}:${f.excerpt}`))];
    let ok: boolean;
    if (c.expect.length) {
      violations++;
      ok = anyRule ? blocking.length > 0 : blocking.some((f) => c.expect.includes(f.ruleId));
      if (ok) hits++;
    } else {
      cleans++;
      ok = blocking.length === 0;
      if (ok) passed++;
    }
    results.push({ case: c, ok, fired });
  }
  return {
    family,
    violations,
    hits,
    cleans,
    passed,
    recall: violations ? hits / violations : undefined,
    clean: cleans ? passed / cleans : undefined,
    results,
  };
}

const pct = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(2));

/** The evaluation table (Markdown), one row per family and the totals. */
export function table(results: FamilyResult[]): string {
  const rows = ['| family | 类别 | cases | recall | clean |', '| --- | --- | ---: | ---: | ---: |'];
  let v = 0;
  let h = 0;
  let c = 0;
  let p = 0;
  for (const r of results) {
    rows.push(`| ${r.family.family} | ${r.family.title} | ${r.family.cases.length} | ${pct(r.recall)} | ${pct(r.clean)} |`);
    v += r.violations;
    h += r.hits;
    c += r.cleans;
    p += r.passed;
  }
  rows.push(`| **total** | | ${v + c} | ${pct(v ? h / v : undefined)} | ${pct(c ? p / c : undefined)} |`);
  return rows.join('\n');
}

function main() {
  const args = process.argv.slice(2);
  const only = args.find((a) => !a.startsWith('--'));
  const misses = args.includes('--miss');
  const skipHeld = args.includes('--no-holdout');
  // --any: a violation is caught when the post is flagged at all
  const anyRule = args.includes('--any');
  // the hold-out files are part of the report, in their own table
  const all = loadCorpus((f) => !only || f.includes(only));
  const main = all.filter((f) => !f.family.startsWith('holdout-')).map((f) => evaluate(f, anyRule));
  const held = skipHeld ? [] : all.filter((f) => f.family.startsWith('holdout-')).map((f) => evaluate(f, anyRule));
  console.log(table(main));
  if (held.length) console.log(`\nHold-out (never tuned on):\n\n${table(held)}`);
  if (misses) {
    for (const r of [...main, ...held]) {
      for (const x of r.results) {
        if (x.ok) continue;
        const t = x.case.text ?? x.case.texts!.map((s) => `[${s.field}] ${s.text}`).join(' ‖ ');
        console.log(`${r.family.family}\t${x.case.expect.length ? `MISS ${x.case.expect.join(',')}` : 'FLAG'}\t${t}\t${x.fired.join(' ')}`);
      }
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
