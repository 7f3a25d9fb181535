import { describe, expect, it } from 'vitest';
import { changedParts, describe as describeReason, planRenders, tally, type PlannedJob } from '../../pipeline/cache/planner.ts';
import { keyOf, type KeyParts } from '../../pipeline/cache/key.ts';

const parts = (over: Partial<KeyParts> = {}): KeyParts => ({
  engine: 'e1',
  kind: 'poster',
  inputs: 'i1',
  templates: { poster: 't1' },
  fonts: 'f1',
  mascot: 'm1',
  files: {},
  ...over,
});
const job = (id: string, over: Partial<KeyParts> = {}): PlannedJob => {
  const p = parts(over);
  return { id, key: keyOf(p), parts: p };
};

describe('render planner', () => {
  const week = [job('W48:xihu:_all/mon-sticker-pack', { kind: 'sticker-pack', inputs: '早安-brand-blue' }), job('W48:jinjiang:_all/mon-sticker-pack', { kind: 'sticker-pack', inputs: '早安-brand-blue' }), job('W48:xihu:xihu/tue-poster', { inputs: '海報' })];

  it('renders everything on the first build, identical jobs once', () => {
    const plan = planRenders({ jobs: week, stored: new Set(), previous: {} });
    expect(plan.renders.map((r) => r.job)).toEqual(['W48:xihu:_all/mon-sticker-pack', 'W48:xihu:xihu/tue-poster']);
    expect(plan.steps.map((s) => [s.action, describeReason(s.reason)])).toEqual([
      ['render', 'not built before'],
      ['reuse', 'same image as another job'],
      ['render', 'not built before'],
    ]);
    expect(tally(plan)).toEqual({ rendered: 2, reused: 1, why: [['not built before', 2]] });
  });

  it('renders nothing when nothing changed', () => {
    const previous = Object.fromEntries(week.map((j) => [j.id, j.parts]));
    const plan = planRenders({ jobs: week, stored: new Set(week.map((j) => j.key)), previous });
    expect(plan.renders).toEqual([]);
    expect(plan.steps.every((s) => s.action === 'reuse')).toBe(true);
  });

  it('re-renders only the edited brief and says what changed', () => {
    const previous = Object.fromEntries(week.map((j) => [j.id, j.parts]));
    const edited = [week[0]!, week[1]!, job('W48:xihu:xihu/tue-poster', { inputs: '海報（修改）' })];
    const plan = planRenders({ jobs: edited, stored: new Set(week.map((j) => j.key)), previous });
    expect(plan.steps.map((s) => [s.job, s.action, describeReason(s.reason)])).toEqual([
      ['W48:xihu:_all/mon-sticker-pack', 'reuse', 'unchanged'],
      ['W48:jinjiang:_all/mon-sticker-pack', 'reuse', 'unchanged'],
      ['W48:xihu:xihu/tue-poster', 'render', 'changed: brief, persona or brand'],
    ]);
  });

  it('names the template, the photo and the mascot art that changed', () => {
    expect(changedParts(parts(), parts({ templates: { poster: 't2' }, files: { 'photos/西湖.jpg': 'p2' }, mascot: 'm2' }))).toEqual(['template poster', 'mascot art', 'file photos/西湖.jpg']);
  });

  it('renders every distinct key again with --no-cache, still once per key', () => {
    const previous = Object.fromEntries(week.map((j) => [j.id, j.parts]));
    const plan = planRenders({ jobs: week, stored: new Set(week.map((j) => j.key)), previous, force: true });
    expect(plan.renders).toHaveLength(2);
    expect(plan.steps.filter((s) => s.action === 'render').every((s) => s.reason.code === 'no-cache')).toBe(true);
  });

  it('says when an unchanged job is missing from the store (another --cache folder, or cleared)', () => {
    const previous = Object.fromEntries(week.map((j) => [j.id, j.parts]));
    const plan = planRenders({ jobs: [week[2]!], stored: new Set(), previous });
    expect(describeReason(plan.steps[0]!.reason)).toBe('unchanged, but not in the cache');
  });
});
