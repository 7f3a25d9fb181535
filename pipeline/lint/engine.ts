// The lint engine: normalise each text once, run every word rule through one automaton scan and
// the rules' patterns, judge each candidate in context (clause, negation, exceptions, product
// sentence, mandated warnings), then run the detectors — per text and over the whole asset — and
// turn everything into located findings on the original characters.
import { createHash } from 'node:crypto';
import type { Position, Problem, TextSpan } from '../model.ts';
import { DETECTOR_SOURCES, DETECTORS } from './detectors/index.ts';
import type { Detect, LintContext, SpanView } from './detectors/types.ts';
import { CLAUSE, normalize, SENTENCE } from './normalize.ts';
import { anyContains, anyOverlaps, dropContainedInStricter, filePositions } from './ranges.ts';
import { loadRuleSet, type Context, type RuleMeta, type RuleSet, type Severity, type WordRule } from './rules.ts';

export type { LintContext } from './detectors/types.ts';

/** A finding: a located problem with what a reviewer needs to judge and waive it. */
export type Finding = Problem & {
  /** the original characters flagged; for PII, masked (138****5678) */
  excerpt: string;
  /** the span's field: `title`, `body`, `caption`, `image:headline`, … */
  field: string;
  suggestion?: string;
  /** the law and article */
  basis: string;
  /** PII findings are never waivable */
  waivable: boolean;
  /** sha256 (hex) of the full text of the span the finding is in: waivers bind to it */
  textHash: string;
  /** what `--fix` writes over span.text[from, to) (masked PII, 业绩比较基准) */
  fix?: { from: number; to: number; text: string };
};

export interface CatalogEntry {
  id: string;
  severity: Severity;
  basis: string;
  message: string;
  suggestion: string;
  waivable: boolean;
  /** `words` for word-list rules, else the detector's name */
  engine: string;
}

/** The mask character is stepped over by the automaton: 保*本 is 保本. */
const MASK_CODE = 42;

let compiled: { set: RuleSet; detects: { rule: RuleMeta; detect: Detect; pii: boolean }[] } | undefined;
/** rule sets other than the checkout's (a bank's policy applied: lint/policy.ts), compiled once each */
const others = new WeakMap<RuleSet, NonNullable<typeof compiled>>();

function engine(rules?: RuleSet) {
  if (rules) return others.get(rules) ?? (others.set(rules, withDetects(rules)), others.get(rules)!);
  return (compiled ??= withDetects(loadRuleSet(new Set(DETECTORS.keys()), DETECTOR_SOURCES)));
}

function withDetects(set: RuleSet) {
  const detects = set.rules
    .filter((r) => r.detector)
    .map((rule) => {
      const d = DETECTORS.get(rule.detector!)!;
      return { rule, detect: d.create(rule), pii: d.pii };
    });
  return { set, detects };
}

/** The rule-set version: a short hash of the rule data, lexicon, warnings and engine/detector sources. */
export function rulesetVersion(): string {
  return engine().set.version;
}

/** Every rule with its metadata, for SARIF and reports. */
export function ruleCatalog(rules?: RuleSet): CatalogEntry[] {
  return engine(rules).set.rules.map((r) => ({
    id: r.id,
    severity: r.severity,
    basis: r.basis,
    message: r.message,
    suggestion: r.suggestion,
    waivable: !(r.detector && DETECTORS.get(r.detector)?.pii),
    engine: r.detector ?? 'words',
  }));
}

/** The loaded rules with their examples (for the test suite). */
export function ruleDefinitions(): readonly RuleMeta[] {
  return engine().set.rules;
}

interface Candidate {
  rule: WordRule;
  view: SpanView;
  from: number;
  to: number;
}

/**
 * Lints the texts of one asset: word rules and PII detectors per text, whole-asset rules over
 * all of them together. Findings point at the original characters of each span.
 */
export function lintSpans(spans: TextSpan[], ctx: LintContext, rules?: RuleSet): Finding[] {
  const { set, detects } = engine(rules);
  const views: SpanView[] = [];
  const candidates: Candidate[] = [];
  for (const [index, span] of spans.entries()) {
    const { view, found } = scanSpan(set, index, span);
    views.push(view);
    for (const c of found) candidates.push(c); // push(...found) overflows the stack past ~100k
  }

  const findings: Finding[] = [];
  const hashes = new Map<number, string>();
  const textHash = (view: SpanView) => {
    let h = hashes.get(view.index);
    if (!h) hashes.set(view.index, (h = createHash('sha256').update(view.span.text).digest('hex')));
    return h;
  };

  for (const c of resolve(candidates)) {
    const [from, to] = [c.view.norm.start[c.from]!, c.view.norm.end[c.to - 1]!];
    const original = c.view.span.text.slice(from, to);
    const matched = c.view.norm.text.slice(c.from, c.to);
    const replacement = c.rule.fix.get(matched.toLowerCase());
    const safeFix = replacement !== undefined && original.length === matched.length;
    findings.push(
      finding(c.rule, c.view, from, to, { excerpt: original, waivable: true, textHash: textHash(c.view), ...(safeFix ? { fix: replacement } : {}) }),
    );
  }

  for (const { rule, detect, pii } of detects) {
    for (const hit of detect(views, ctx)) {
      const view = views[hit.view]!;
      const excerpt = hit.excerpt ?? view.span.text.slice(hit.from, hit.to);
      findings.push(
        finding(rule, view, hit.from, hit.to, { excerpt, waivable: !pii, textHash: textHash(view), ...(hit.data ? { data: hit.data } : {}), ...(hit.fix !== undefined ? { fix: hit.fix } : {}), ...(hit.severity ? { severity: hit.severity } : {}) }),
      );
    }
  }

  const seen = new Set<string>();
  return findings
    .filter((f) => {
      const key = `${f.ruleId}\u0000${f.file}\u0000${f.field}\u0000${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)));
}

function scanSpan(set: RuleSet, index: number, span: TextSpan): { view: SpanView; found: Candidate[] } {
  const norm = normalize(span.text);
  const text = norm.text;
  const view: SpanView = { index, span, norm, safe: [], productSentences: new Set(), wealthSentences: new Set() };
  const matches = set.automaton.scan(text, MASK_CODE);

  const excepted: Record<'product' | 'wealth', [number, number][]> = { product: [], wealth: [] };
  for (const m of matches) {
    const e = set.entries[m.id]!;
    if (e.kind === 'safe') view.safe.push([m.from, m.to]);
    else if (e.kind === 'lex-except') excepted[e.list].push([m.from, m.to]);
  }
  const within = (ranges: [number, number][], from: number, to: number) => anyContains(ranges, from, to);

  const terms: { rule: number; context: Context; from: number; to: number }[] = [];
  for (const m of matches) {
    const e = set.entries[m.id]!;
    if (e.kind === 'lex') {
      if (within(view.safe, m.from, m.to) || within(excepted[e.list], m.from, m.to)) continue;
      (e.list === 'product' ? view.productSentences : view.wealthSentences).add(norm.sentence[m.from]!);
    } else if (e.kind === 'term') {
      terms.push({ rule: e.rule, context: e.context, from: m.from, to: m.to });
    }
  }
  // a wealth sentence is a product sentence too
  for (const s of view.wealthSentences) view.productSentences.add(s);

  const aboutFraud = set.mentions.some((w) => text.includes(w));
  const found: Candidate[] = [];
  const consider = (rule: WordRule, context: Context, from: number, to: number, maxGap: number) => {
    for (let i = from + 1; i < to; i++) if (norm.gap[i]! >= maxGap) return;
    if (anyOverlaps(view.safe, from, to)) return;
    if (rule.exceptions.some((x) => covers(text, x, from, to))) return;
    if (negated(set, rule, view, from)) return;
    if (aboutFraud && quoted(span.text, norm.start[from]!, norm.end[to - 1]!)) return;
    if (context === 'product' && !view.productSentences.has(norm.sentence[from]!)) return;
    if (context === 'wealth' && !view.wealthSentences.has(norm.sentence[from]!)) return;
    found.push({ rule, view, from, to });
  };
  // terms never run across a clause mark; patterns may span clauses, never sentences
  for (const t of terms) consider(set.wordRules[t.rule]!, t.context, t.from, t.to, CLAUSE);
  for (const rule of set.wordRules) {
    for (const p of rule.patterns) {
      p.re.lastIndex = 0;
      for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
        if (m[0].length === 0) {
          p.re.lastIndex++;
          continue;
        }
        consider(rule, p.context, m.index, m.index + m[0].length, SENTENCE);
      }
    }
  }
  return { view, found };
}

/** true when an occurrence of `phrase` in `t` covers [from, to) */
function covers(t: string, phrase: string, from: number, to: number): boolean {
  if (phrase.length < to - from) return false;
  for (let s = Math.max(0, to - phrase.length); s <= from; s++) if (t.startsWith(phrase, s)) return true;
  return false;
}

const OPEN_QUOTES = new Set([...'“"\'‘「『《〈']);
const CLOSE_QUOTES = new Set([...'”"\'’」』》〉']);

/** true when original [from, to) is wrapped in quotation marks */
function quoted(t: string, from: number, to: number): boolean {
  let a = from - 1;
  while (a >= 0 && /\s/.test(t[a]!)) a--;
  let b = to;
  while (b < t.length && /\s/.test(t[b]!)) b++;
  return a >= 0 && b < t.length && OPEN_QUOTES.has(t[a]!) && CLOSE_QUOTES.has(t[b]!);
}

/** How far back in the clause a negation or caution word is looked for. */
const NEGATION_WINDOW = 12;

function negated(set: RuleSet, rule: WordRule, view: SpanView, from: number): boolean {
  const { text, clause } = view.norm;
  let s = from;
  while (s > 0 && from - s < NEGATION_WINDOW && clause[s - 1] === clause[from] && view.norm.gap[s]! < CLAUSE) s--;
  if (s === from) return false;
  const pre = text.slice(s, from);
  for (const n of set.negations) if (pre.endsWith(n)) return true;
  for (const n of rule.negations) if (pre.endsWith(n)) return true;
  for (const c of set.cautions) if (pre.includes(c)) return true;
  return false;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * One finding per place: within a rule the longest match wins (稳赚不赔 over 稳赚); a match of a
 * milder rule inside a match of a stricter one is dropped (有保障 inside 收益有保障).
 */
function resolve(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.view.index - b.view.index || a.from - b.from || b.to - b.from - (a.to - a.from));
  // sorted by start: a candidate overlaps a kept one of its rule when that rule's furthest kept end is past its start
  const kept: Candidate[] = [];
  const reach = new Map<string, number>();
  for (const c of sorted) {
    const key = `${c.view.index}:${c.rule.index}`;
    if ((reach.get(key) ?? -1) > c.from) continue;
    kept.push(c);
    reach.set(key, Math.max(reach.get(key) ?? -1, c.to));
  }
  return dropContainedInStricter(kept, (c) => RANK[c.rule.severity]);
}

function fill(template: string, data: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => data[k] ?? '');
}

function finding(
  rule: RuleMeta,
  view: SpanView,
  from: number,
  to: number,
  o: { excerpt: string; waivable: boolean; textHash: string; data?: Record<string, string>; fix?: string; severity?: Severity },
): Finding {
  const span = view.span;
  const data = { excerpt: o.excerpt, ...o.data };
  const [start, end] = positions(span, from, to);
  const f: Finding = {
    file: span.file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    severity: o.severity ?? rule.severity,
    ruleId: rule.id,
    message: fill(rule.message, data),
    excerpt: o.excerpt,
    field: span.field,
    suggestion: fill(rule.suggestion, data),
    basis: rule.basis,
    waivable: o.waivable,
    textHash: o.textHash,
  };
  if (o.fix !== undefined) f.fix = { from, to, text: o.fix };
  return f;
}

/**
 * File positions of span offsets. With `start`, the span is an exact slice of the file: walk it
 * (UTF-16 columns, as editors and ESLint count). Without (generated captions): line 1, offset + 1.
 */
function positions(span: TextSpan, from: number, to: number): [Position, Position] {
  if (!span.start) return [
    { line: 1, column: from + 1 },
    { line: 1, column: to + 1 },
  ];
  return filePositions(span.start, span.text, from, to, span);
}
