import type { TextSpan } from '../../pipeline/model.ts';
import { lintSpans, type Finding, type LintContext } from '../../pipeline/lint/index.ts';
import { DETECTOR_SOURCES, DETECTORS } from '../../pipeline/lint/detectors/index.ts';
import { loadRuleSet } from '../../pipeline/lint/rules.ts';

export const CTX: LintContext = { personaNames: ['周建国', '小U', '林晓'], allowedPhones: ['0571-8765 4321'], hotlines: ['95527', '95528'] };

/** Lints texts that ship together, as spans of one file starting at line 1, column 1. */
export function lint(texts: string | string[], ctx: LintContext = CTX, fields?: string[]): Finding[] {
  const list = typeof texts === 'string' ? [texts] : texts;
  const spans: TextSpan[] = list.map((text, i) => ({ field: fields?.[i] ?? (i === 0 ? 'body' : `caption${i}`), text, file: 'test.txt', start: { line: 1, column: 1 } }));
  return lintSpans(spans, ctx);
}

export const ids = (fs: Finding[]) => fs.map((f) => f.ruleId);

/** every pattern the engine gates: word rules', concept classes', product evidence */
export function gatedPatterns(): RegExp[] {
  const set = loadRuleSet(new Set(DETECTORS.keys()), DETECTOR_SOURCES);
  const out: RegExp[] = [];
  for (const r of set.wordRules) for (const p of r.patterns) out.push(p.re);
  for (const p of set.concepts.patterns) out.push(p.re);
  const pr = set.concepts.products;
  for (const list of Object.values(pr.types)) out.push(...list);
  out.push(pr.weakWealth, pr.notOffer, pr.pastSentence, pr.generic.returns, pr.generic.cue);
  return out;
}
