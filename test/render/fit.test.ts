import { describe, expect, it } from 'vitest';
import { largestFitting } from '../../pipeline/render/engine.ts';

describe('largestFitting', () => {
  it('finds what a bisection finds, from any guess, in few measurements when the guess is close', async () => {
    for (const [lo, hi] of [[24, 71], [28, 28], [30, 29]] as const) {
      for (let answer = lo - 1; answer <= hi; answer++) {
        for (const guess of [lo - 5, lo, answer, answer + 1, hi, hi + 9, Number.NaN]) {
          let calls = 0;
          const fits = async (n: number) => (calls++, n <= answer);
          const got = await largestFitting(lo, hi, guess, fits);
          expect(got, `lo ${lo} hi ${hi} answer ${answer} guess ${guess}`).toBe(answer >= lo ? answer : -1);
          if (guess === answer && answer > lo && answer < hi) expect(calls).toBeLessThanOrEqual(2);
        }
      }
    }
  });
});
