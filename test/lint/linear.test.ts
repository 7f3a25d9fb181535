import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tokenizer } from 'acorn';
import { transformSync } from 'esbuild';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quadraticStarts } from '../../pipeline/lint/linear.ts';
import { gatedPatterns } from './helpers.ts';

const repeats = quadraticStarts;

/** every regular-expression literal in the TypeScript under `dir` (not its tools: they read Wendu's own output) */
function literals(dir: string): { file: string; source: string }[] {
  const out: { file: string; source: string }[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith('.ts') || e.name.endsWith('.d.ts')) continue;
    const file = join(e.parentPath, e.name);
    if (/[/\\]tools[/\\]|bench\.ts$/.test(file)) continue;
    const js = transformSync(readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' }).code;
    for (const t of tokenizer(js, { ecmaVersion: 'latest', sourceType: 'module' }))
      if (t.type.label === 'regexp') out.push({ file, source: (t as unknown as { value: { pattern: string } }).value.pattern });
  }
  return out;
}

// a pattern whose cost stays linear for a reason the syntax check cannot see, with that reason
const LINEAR_ANYWAY = new Map([
  [
    String.raw`(?<=[/=?&#])[A-Za-z0-9+/_-]{8,}={0,2}(?=$|[/&#?])`,
    'a URL segment: it starts only after a delimiter and, backing off, stops at the next one, so a run is read once per match',
  ],
]);

describe('patterns read a run of characters once, not once per position (linear time on hostile text)', () => {
  it('finds an unbounded repeat that can begin a match, and only such a repeat', () => {
    expect(repeats(String.raw`\d+%`)).toEqual([String.raw`\d+`]);
    expect(repeats(String.raw`收益|\d+(\.\d+)?\s*%`)).toEqual([String.raw`\d+`]);
    expect(repeats(String.raw`(\d+|[一二三]+)万`)).toEqual([String.raw`\d+`, '[一二三]+']);
    expect(repeats(String.raw`(这|那)?[两几]+年`)).toEqual(['[两几]+']);
    expect(repeats(String.raw`[^\u4e00-\u9fff]+$`)).toEqual([String.raw`[^\u4e00-\u9fff]+`]);
    expect(repeats(String.raw`[ \t]*\n[ \t]*`)).toEqual([String.raw`[ \t]*`]);
    // guarded by a look-behind that refuses the repeat's own characters
    expect(repeats(String.raw`(?<!\d)\d+%`)).toEqual([]);
    expect(repeats(String.raw`(?<![\d.一二])[\d一二]+万`)).toEqual([]);
    expect(repeats(String.raw`(?<![^/])[^/]+$`)).toEqual([]);
    // a look-behind that refuses something else does not guard
    expect(repeats(String.raw`(?<![a-z])[\d,.]+k`)).toEqual([String.raw`[\d,.]+`]);
    // after a literal, anchored, bounded, or ending the pattern (nothing after it can fail): linear
    expect(repeats(String.raw`多\d+%`)).toEqual([]);
    expect(repeats(String.raw`^\s*[：:]`)).toEqual([]);
    expect(repeats(String.raw`[^。]{0,16}起购`)).toEqual([]);
    expect(repeats(String.raw`\s+`)).toEqual([]);
    expect(repeats(String.raw`(?:(?<![ \t])[ \t]+)?\n[ \t]*`)).toEqual([]);
  });

  it('no pattern in the linter’s data (word rules, concepts, product evidence) starts with an unguarded repeat', () => {
    const bad = gatedPatterns().flatMap((re) => repeats(re.source).map((r) => `${r} in ${re.source.slice(0, 120)}`));
    expect(bad).toEqual([]);
  });

  it('no regular expression written in the pipeline’s code does either', () => {
    const found = literals('pipeline');
    expect(found.length).toBeGreaterThan(500);
    const bad = found.filter((l) => !LINEAR_ANYWAY.has(l.source)).flatMap((l) => repeats(l.source).map((r) => `${l.file}: ${r} in /${l.source.slice(0, 100)}/`));
    expect(bad).toEqual([]);
  });

  it('a guard before the repeat changes no match (random texts, the forms used in the pipeline)', () => {
    const pairs: [RegExp, RegExp][] = [
      [/\d+(\.\d+)?\s*%/g, /(?<!\d)\d+(\.\d+)?\s*%/g],
      [/[ \t]*\n[ \t]*/g, /(?:(?<![ \t])[ \t]+)?\n[ \t]*/g],
      [/\s*[·•｜|]\s*/gu, /(?:(?<!\s)\s+)?[·•｜|]\s*/gu],
      [/ ?[A-Za-z]+ ?$/, / ?(?<![A-Za-z])[A-Za-z]+ ?$/],
      [/[\s,.;:!?]+$/, /(?<![\s,.;:!?])[\s,.;:!?]+$/],
      [
        /([“「『‘"'][^”」』’"'\n]{0,20}[”」』’"'][、，,和与及或\s]*)+$/,
        /(?<![“「『‘"'][^”」』’"'\n]{0,20}[”」』’"'][、，,和与及或\s]*)([“「『‘"'][^”」』’"'\n]{0,20}[”」』’"'][、，,和与及或\s]*)+$/,
      ],
    ];
    const alphabet = fc.constantFrom(...'12 .\t\n%·|aZ”「」，和x'.split(''), '一');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join('')), (text) => {
        for (const [before, after] of pairs) expect(text.replace(after, '<$&>')).toBe(text.replace(before, '<$&>'));
      }),
      { numRuns: 3000 },
    );
  });
});
