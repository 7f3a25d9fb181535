import { describe, expect, it } from 'vitest';
import { duration, plainLine, progress } from '../../pipeline/cli/progress.ts';

describe('progress', () => {
  it('prints plain lines no more often than asked in CI, each failure, and a last line', () => {
    const out: string[] = [];
    let t = 0;
    const p = progress(100, { isTTY: false, write: (s) => out.push(s), every: 10_000, now: () => t });
    for (let i = 1; i <= 100; i++) {
      t = i * 500; // 2 jobs a second
      p.tick(`xihu _all/mon-sticker-pack 早安`, i !== 7);
    }
    p.done();
    expect(out.filter((l) => l.includes('FAILED'))).toEqual(['wendu build: FAILED xihu _all/mon-sticker-pack 早安\n']);
    const lines = out.filter((l) => !l.includes('FAILED'));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('wendu build: 20/100 (20%) · 2.0 jobs/s · about 40s left\n');
    expect(lines.at(-1)).toBe('wendu build: 100/100 (100%) · 2.0 jobs/s · done\n');
  });

  it('draws a bar within the terminal width, with percentage, rate and time left, and no colour when not asked', async () => {
    const out: string[] = [];
    let t = 0;
    const p = progress(10, { isTTY: true, columns: 70, write: (s) => out.push(s), color: false, now: () => t });
    for (let i = 1; i <= 4; i++) {
      t = i * 250;
      p.tick(`tianhe/thu-weekly-report 週報：穩健理財`, true);
    }
    await new Promise((r) => setTimeout(r, 150));
    const drawn = out.join('').split(/\r|\x1b\[\d*[GK]/).filter((s) => s.includes('%')).at(-1)!;
    expect(drawn).toMatch(/40% 4\/10 · 4\.0\/s · \d+s left/);
    expect(drawn.length).toBeLessThanOrEqual(70);
    expect(out.join('')).not.toMatch(/\x1b\[3\dm/);
    p.done();
  });

  it('says durations the way people read them', () => {
    expect([duration(42), duration(95), duration(4000)]).toEqual(['42s', '1m35s', '1h06m']);
    expect(plainLine(0, 10, 0)).toBe('wendu build: 0/10 (0%) · 0.0 jobs/s · estimating');
  });
});
