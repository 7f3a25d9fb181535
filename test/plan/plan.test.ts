import { describe, expect, it } from 'vitest';
import { loadContent } from '../../pipeline/load/content.ts';
import { plan } from '../../pipeline/plan/plan.ts';
import { dateOf, chineseDate, isWeek } from '../../pipeline/week.ts';
import { put, sampleTree, text } from '../helpers/content.ts';

const WEEK = '2026-W48';

describe('the plan', () => {
  it('gives every brief × branch a stable id and the same hash on every run', async () => {
    const a = plan(loadContent(await sampleTree(), WEEK));
    const b = plan(loadContent(await sampleTree(), WEEK));
    expect(a.map((j) => [j.id, j.hash])).toEqual(b.map((j) => [j.id, j.hash]));
    expect(new Set(a.map((j) => j.id)).size).toBe(a.length);
    expect(a.map((j) => j.id)).toContain('2026-W48:xihu:xihu/wed-relocation-funds');
  });

  it('sends briefs in _all/ to every branch', async () => {
    const jobs = plan(loadContent(await sampleTree(), WEEK));
    expect(jobs.filter((j) => j.brief.id === '_all/tue-poster-finance-101').map((j) => j.branch)).toEqual(['xihu', 'jinjiang', 'tianhe']);
  });

  it('changes the hash of exactly the jobs whose brief or persona changed', async () => {
    const before = plan(loadContent(await sampleTree(), WEEK));
    const tree = await sampleTree();
    const rel = 'weeks/2026-W48/xihu/wed-relocation-funds.md';
    put(tree, rel, text(tree, rel).replace('第一件事', '第1件事'));
    put(tree, 'personas/jinjiang/president.md', text(tree, 'personas/jinjiang/president.md').replace('回锅肉', '回锅肉和担担面'));
    const after = plan(loadContent(tree, WEEK));
    const changed = after.filter((j, i) => j.hash !== before[i]!.hash).map((j) => j.id);
    expect(changed.filter((id) => id.includes(':xihu:'))).toEqual(['2026-W48:xihu:xihu/wed-relocation-funds']);
    expect(changed.every((id) => id === '2026-W48:xihu:xihu/wed-relocation-funds' || after.find((j) => j.id === id)!.persona.id === 'jinjiang/president')).toBe(true);
  });

  it('orders posts by day and time within a branch', async () => {
    const jobs = plan(loadContent(await sampleTree(), WEEK), { branches: ['xihu'] });
    expect(jobs.every((j) => j.branch === 'xihu')).toBe(true);
    expect(jobs.map((j) => j.order)).toEqual(jobs.map((_, i) => i + 1));
    const slots = jobs.map((j) => `${j.date} ${j.time}`);
    expect(slots).toEqual([...slots].sort());
  });
});

describe('weeks and Chinese dates', () => {
  it('finds the days of ISO week 2026-W48', () => {
    expect(dateOf('2026-W48', 'mon')).toBe('2026-11-23');
    expect(dateOf('2026-W48', 'sun')).toBe('2026-11-29');
    expect(dateOf('2027-W01', 'mon')).toBe('2027-01-04');
    expect(chineseDate('2026-11-23')).toBe('11月23日 周一');
    expect(isWeek('2026-W53')).toBe(true);
    expect(isWeek('2027-W53')).toBe(false);
    expect(isWeek('2026-48')).toBe(false);
  });
});
