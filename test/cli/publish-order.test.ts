// Branches are published while others still render: each as soon as all its jobs are in, strictly
// in branches.yaml order (the audit log's order), one at a time.
import { describe, expect, it } from 'vitest';
import { inOrder } from '../../pipeline/cli/build.ts';
import type { JobResult } from '../../pipeline/batch.ts';
import type { Branch, Job } from '../../pipeline/model.ts';

const branch = (id: string) => ({ id }) as Branch;
const job = (b: string, order: number) => ({ branch: b, order, id: `${b}:${order}` }) as Job;
const result = (j: Job) => ({ job: j }) as JobResult;

describe('publishing branches as they complete', () => {
  it('publishes a complete branch at once, waits for earlier ones, and keeps posting order', async () => {
    const branches = [branch('西湖'), branch('天河'), branch('錦江')];
    const jobs = [job('西湖', 1), job('西湖', 2), job('天河', 1), job('錦江', 1), job('錦江', 2)];
    const published: string[] = [];
    let running = 0;
    const s = inOrder(branches, jobs, async (b, mine) => {
      running++;
      expect(running).toBe(1);
      await new Promise((r) => setTimeout(r, 5));
      published.push(`${b.id}:${mine.map((r) => r.job.order).join(',')}`);
      running--;
    });
    s.add(result(jobs[4]!)); // 錦江 2
    s.add(result(jobs[2]!)); // 天河 complete, but 西湖 is not
    await new Promise((r) => setTimeout(r, 20));
    expect(published).toEqual([]);
    s.add(result(jobs[1]!));
    s.add(result(jobs[0]!)); // 西湖 complete: 西湖 then 天河
    // however busy the machine: until both are out (the test's timeout is the limit), then in order
    while (published.length < 2) await new Promise((r) => setTimeout(r, 5));
    expect(published).toEqual(['西湖:1,2', '天河:1']);
    s.add(result(jobs[3]!));
    await s.done();
    expect(published).toEqual(['西湖:1,2', '天河:1', '錦江:1,2']);
  });

  it('says which branches never completed, and passes on a publishing failure', async () => {
    const s = inOrder([branch('a'), branch('b')], [job('a', 1), job('b', 1)], async () => undefined);
    s.add(result(job('a', 1)));
    await expect(s.done()).rejects.toThrow(/results missing for b/);
    const f = inOrder([branch('a')], [job('a', 1)], async () => {
      throw new Error('disk full');
    });
    f.add(result(job('a', 1)));
    await expect(f.done()).rejects.toThrow('disk full');
  });
});
