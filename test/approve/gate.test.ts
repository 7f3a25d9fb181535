import { describe, expect, it } from 'vitest';
import { judge, staleWaivers, type GateFinding } from '../../pipeline/approve/gate.ts';
import type { Waiver } from '../../pipeline/model.ts';

const finding = (over: Partial<GateFinding>): GateFinding => ({
  file: 'content/weeks/2026-W48/jinjiang/tue-first-salary.md',
  line: 13,
  column: 21,
  severity: 'warning',
  ruleId: 'safety-words',
  message: 'Unexpected `安全` attached to a product',
  field: 'body',
  excerpt: '安全',
  waivable: true,
  textHash: 'a'.repeat(64),
  ...over,
});
const waiver: Waiver = { brief: 'jinjiang/tue-first-salary', rule: 'safety-words', textHash: 'a'.repeat(64), reviewer: '王审核', date: '2026-11-20', reason: '形容存款' };

describe('the approval gate', () => {
  it('approves an asset whose only warning a reviewer waived for that exact text', () => {
    const d = judge('jinjiang/tue-first-salary', [finding({})], [waiver]);
    expect(d.approved).toBe(true);
    expect(d.judged[0]).toMatchObject({ status: 'waived', waiver });
  });

  it('revives the warning when the text changed (its hash no longer matches)', () => {
    const d = judge('jinjiang/tue-first-salary', [finding({ textHash: 'b'.repeat(64) })], [waiver]);
    expect(d.approved).toBe(false);
    expect(d.reasons[0]).toMatch(/^safety-words: /);
  });

  it('does not let a waiver for one brief or rule cover another', () => {
    expect(judge('xihu/tue-eggs-and-baskets', [finding({})], [waiver]).approved).toBe(false);
    expect(judge('jinjiang/tue-first-salary', [finding({ ruleId: 'superlative' })], [waiver]).approved).toBe(false);
  });

  it('never waives an error, and never a client detail', () => {
    const error = judge('jinjiang/tue-first-salary', [finding({ severity: 'error' })], [waiver]);
    expect(error.approved).toBe(false);
    const pii = judge('jinjiang/tue-first-salary', [finding({ ruleId: 'pii-phone', severity: 'error', waivable: false })], [{ ...waiver, rule: 'pii-phone' }]);
    expect(pii.judged[0]!.status).toBe('unwaivable');
    expect(pii.approved).toBe(false);
  });

  it('lets info findings through and rejects a job that failed to render', () => {
    expect(judge('x', [finding({ severity: 'info' })], []).approved).toBe(true);
    expect(judge('x', [], [], true).approved).toBe(false);
  });

  it('reports waivers that match nothing as stale, but only for briefs it judged', () => {
    const used = judge('jinjiang/tue-first-salary', [finding({})], [waiver]);
    const orphan = { ...waiver, rule: 'superlative' };
    const elsewhere = { ...waiver, brief: 'tianhe/other' };
    const stale = staleWaivers([waiver, orphan, elsewhere], new Set(['jinjiang/tue-first-salary']), [{ brief: 'jinjiang/tue-first-salary', decision: used }]);
    expect(stale).toEqual([orphan]);
  });
});
