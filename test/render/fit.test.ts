import { describe, expect, it } from 'vitest';
import { largestFitting, largestFittingSize } from '../../pipeline/render/engine.ts';

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

describe('largestFittingSize', () => {
  // wrapped text: as many lines as the characters need at this size, each line 1.5 × the size
  const wrapped = (chars: number, width: number) => (size: number) => Math.ceil((chars * size) / width) * size * 1.5;

  it('finds what a bisection finds, for texts long and short, from any first guess', async () => {
    for (const chars of [3, 12, 40, 90, 200, 600]) {
      for (const room of [60, 130, 406.5, 455.5, 900]) {
        const height = wrapped(chars, 936);
        for (const [lo, hi] of [[24, 41], [50, 79], [28, 28], [30, 29]] as const) {
          const expected = await largestFitting(lo, hi, lo, async (n) => height(n) <= room);
          for (const first of [lo - 5, lo, (lo + hi) / 2, hi, hi + 9, Number.NaN]) {
            const got = await largestFittingSize(lo, hi, first, async (n) => height(n), room);
            expect(got, `${chars} chars, room ${room}, [${lo}, ${hi}] from ${first}`).toBe(expected);
          }
        }
      }
    }
  });

  it('needs fewer measurements than galloping when the first guess is a few sizes off', async () => {
    // the sample moments body: its first guess was four sizes too large (28 for 24)
    let gallop = 0;
    let guided = 0;
    for (const chars of [60, 90, 120, 150, 180, 240]) {
      const height = wrapped(chars, 800);
      const room = 420;
      const answer = await largestFitting(24, 41, 24, async (n) => height(n) <= room);
      for (const guess of [answer - 4, answer - 3, answer + 3, answer + 4]) {
        await largestFitting(24, 41, guess, async (n) => (gallop++, height(n) <= room));
        await largestFittingSize(24, 41, guess, async (n) => (guided++, height(n)), room);
      }
    }
    expect(guided).toBeLessThan(gallop * 0.85);
  });
});
