// What a detector sees and returns. Detectors are the rules that need logic (check digits, names,
// whole-asset checks); their metadata, examples and word lists live in rules/<id>.yaml.
import type { TextSpan } from '../../model.ts';
import type { Normalized } from '../normalize.ts';
import type { RuleMeta } from '../rules.ts';
import { anyOverlaps } from '../ranges.ts';
import { cannotMatch } from '../prefilter.ts';
import { Attached } from '../attach.ts';

/** What the linter knows about the speaker: these are public, never client details. */
export interface LintContext {
  /** the personas' own names (支行长、理财经理、小U) */
  personaNames: string[];
  /** the branches' public phone numbers */
  allowedPhones: string[];
  /** service hotlines (95xxx) */
  hotlines: string[];
  /** the bank's name (同心银行): a name made of its brand and a product word (同心月月享, 同心添利90天) is one of its products */
  bankName?: string;
}

/** One text of the asset, normalised, with what the word rules learned about it. */
export interface SpanView {
  index: number;
  span: TextSpan;
  norm: Normalized;
  /** normalised ranges [from, to) that are never findings: the mandated warnings, standard disclaimers */
  safe: [number, number][];
  /** sentence numbers (Normalized.sentence) that mention a product / a wealth or insurance product */
  productSentences: Set<number>;
  wealthSentences: Set<number>;
  /** another drawn text labels this one as the wrong version, a fraudster's lines or a penalised original (修改前（未通过） ‖ …): not the post's own words */
  labelled?: boolean;
  /** a drawn text of an image headed as a list of words not to be written (禁用词 ‖ 1. 保本⏎2. 稳赚): its list-item lines are named, not said */
  itemsNamed?: boolean;
  /** the asset offers a product (isProductAsset): a word it strikes through is still shown to the buyer (~~保本~~ 波动小) */
  sells?: boolean;
  /** normalised ranges [from, to) naming one of the bank's own products by its brand (同心月月享): read as a product reference */
  brandNames?: [number, number][];
}

export interface DetectorHit {
  /** SpanView.index */
  view: number;
  /** [from, to) in the ORIGINAL span text */
  from: number;
  to: number;
  /** shown instead of the original characters: PII is masked everywhere Wendu writes it */
  excerpt?: string;
  /** `{{placeholders}}` of the rule's message and suggestion */
  data?: Record<string, string>;
  /** replacement for `--fix` */
  fix?: string;
  /** a milder severity than the rule's for this hit (an ID with a wrong check digit: warning) */
  severity?: 'warning' | 'info';
}

export type Detect = (views: SpanView[], ctx: LintContext) => DetectorHit[];

export interface Detector {
  id: string;
  /** personal information: findings are never waivable and always masked */
  pii: boolean;
  /** a second opinion (the learned layer): runs last, and its findings are kept only where no other
   * rule found anything above info */
  secondOpinion?: boolean;
  /** compiles the rule's data once and returns the detection function */
  create(rule: RuleMeta): Detect;
}

/** True when normalised [from, to) overlaps a safe range of the view. */
export function inSafe(view: SpanView, from: number, to: number): boolean {
  return anyOverlaps(view.safe, from, to);
}

/** The normalised text before `from` in its sentence, at most `window` characters. */
export function sentenceBefore(view: SpanView, from: number, window: number): string {
  const n = view.norm;
  let a = from;
  while (a > 0 && from - a < window && n.sentence[a - 1] === n.sentence[from]) a--;
  return n.text.slice(a, from);
}

/** The original [from, to) of normalised [from, to). */
export function orig(view: SpanView, from: number, to: number): [number, number] {
  return [view.norm.start[from]!, view.norm.end[to - 1]!];
}

/** Validation of a detector's `data` with the one error shape of rule files. */
export function dataError(rule: RuleMeta, key: string, message: string): Error {
  return new Error(`${rule.file}: data.${key}: ${message}`);
}

/** Runs `re` (global) over every view's normalised text, skipping safe ranges. */
export function* regexHits(view: SpanView, re: RegExp): Generator<{ from: number; to: number; match: RegExpExecArray }> {
  re.lastIndex = 0;
  const text = view.norm.text;
  if (cannotMatch(re, text)) return;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const from = m.index;
    const to = from + m[0].length;
    if (!inSafe(view, from, to)) yield { from, to, match: m };
  }
}

// Which marker characters a text contains, found in one pass and shared by the detectors: a
// pattern runs only on texts that hold its marker (most texts hold none of them).
export const MARK_LATIN = 1;
export const MARK_DASH = 4;
export const MARK_BUILDING = 8;
export const MARK_LANE = 16;
export const MARK_ROOM = 32;
export const MARK_VILLAGE = 64;
export const MARK_DIGIT = 128;

const MARK_TABLE = new Uint8Array(0x10000);
for (let c = 65; c <= 90; c++) MARK_TABLE[c] = MARK_LATIN;
for (let c = 97; c <= 122; c++) MARK_TABLE[c] = MARK_LATIN;
for (let c = 48; c <= 57; c++) MARK_TABLE[c] = MARK_DIGIT;
for (const [chars, bit] of [
  ['-', MARK_DASH],
  ['幢栋楼座舍', MARK_BUILDING],
  ['弄', MARK_LANE],
  ['室房', MARK_ROOM],
  ['村屯庄寨区', MARK_VILLAGE],
] as const) {
  for (const ch of chars) MARK_TABLE[ch.charCodeAt(0)]! |= bit;
}

const marks = new Attached<SpanView, number>('markers');
/** the MARK_* bits of the view's normalised text */
export function markers(view: SpanView): number {
  let m = marks.get(view);
  if (m === undefined) {
    m = 0;
    const t = view.norm.text;
    for (let i = 0; i < t.length; i++) m |= MARK_TABLE[t.charCodeAt(i)]!;
    marks.set(view, m);
  }
  return m;
}
