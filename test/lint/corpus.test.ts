// The labelled corpus (test/lint/corpus/*.yaml): each family keeps its recall and clean rate at or
// above its floor (default 0.9 / 0.9), so a change that loses a class of claims or starts flagging
// disclaimers fails here, and the table in the README stays honest.
import { describe, expect, it } from 'vitest';
import { evaluate, lintCase, loadCorpus } from '../../pipeline/tools/eval-lint.ts';

const families = loadCorpus();

describe('the corpus', () => {
  it('is large enough to mean something', () => {
    expect(families.reduce((n, f) => n + f.cases.length, 0)).toBeGreaterThanOrEqual(250);
  });

  for (const family of families) {
    it(`${family.family}: recall and clean rate at or above the floor`, () => {
      const r = evaluate(family);
      const failed = r.results.filter((x) => !x.ok).map((x) => `${x.case.expect.join(',') || 'clean'}: ${x.case.text ?? x.case.texts?.map((t) => t.text).join(' ‖ ')} → ${x.fired.join(' ') || '(nothing)'}`);
      if (r.recall !== undefined) expect(r.recall, failed.join('\n')).toBeGreaterThanOrEqual(family.floor?.recall ?? 0.9);
      if (r.clean !== undefined) expect(r.clean, failed.join('\n')).toBeGreaterThanOrEqual(family.floor?.clean ?? 0.9);
    });
  }

  // a verdict that depends on what was linted before is no verdict: a global RegExp's test() left
  // its lastIndex behind once, and the same asset linted twice came out flagged, then clean
  it('judges a case the same whatever was linted before it (every second case: forward, backward, twice)', () => {
    // (every second case of every family, in the corpus's order: the whole corpus read three times passed 290 s of a 300 s
    // limit at 89,183 cases — the floors above read every case once already; a verdict left behind by the case before shows
    // in any long run of varied cases)
    const cases = families.flatMap((f) => f.cases).filter((_, i) => i % 2 === 0);
    const verdict = (c: (typeof cases)[number]) => lintCase(c).map((x) => `${x.ruleId}:${x.severity}:${x.line}:${x.column}:${x.excerpt}`).join('|');
    const forward = cases.map(verdict);
    const backward = cases.map((_, i) => cases.length - 1 - i).map((i) => [i, verdict(cases[i]!)] as const);
    const differ = backward.filter(([i, v]) => v !== forward[i] || verdict(cases[i]!) !== v).map(([i]) => cases[i]!.text ?? cases[i]!.texts?.map((t) => t.text).join(' ‖ '));
    expect(differ).toEqual([]);
    // (every second case read three times: 158 s alone at 89,183 cases; 322 s alone at 103,583 cases on an AMD EPYC machine where
    // the start's engine and this one lint the same families in the same time — the limit is for a hang, not a speed bar)
  }, 900_000);

  it('lints a multi-field asset as one: a warning in the caption covers the image', () => {
    const fs = lintCase({ texts: [{ field: 'image:headline', text: '新发理财 · 90天' }, { field: 'caption', text: '理财非存款、产品有风险、投资须谨慎' }], expect: [] });
    expect(fs.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
