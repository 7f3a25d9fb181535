import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Normalises and lints texts in a fresh process: the evasion automaton and the character tables
 * worked out from the data (WENDU_NO_LINT_CACHE), or read from what an earlier run stored.
 */
function normalised(texts: string[], env: Record<string, string> = {}): string {
  const script = `import { normalize } from './pipeline/lint/normalize.ts';
import { lintSpans } from './pipeline/lint/index.ts';
const texts = ${JSON.stringify(texts)};
const ctx = { personaNames: [], allowedPhones: [], hotlines: [] };
process.stdout.write(JSON.stringify(texts.map((t) => { const n = normalize(t); return [n.text, [...n.start], [...n.end], [...n.via], lintSpans([{ field: 'body', text: t, file: 'x.txt', start: { line: 1, column: 1 } }], ctx).map((f) => [f.ruleId, f.offset, f.excerpt])]; })));`;
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('the start-up caches (evasion automaton, character tables) kept between runs', () => {
  it('read pinyin, homophones, components, digits and client numbers the same from the store as worked out afresh', () => {
    const texts = ['这款产品wen zhuan bu pei，bao3ben3保息', '亻呆本保息，0风险，稳賺不賠', '温赚不赔的好产品，国家队背书', 'Zhang Wei 先生 的 baoben 理财', '周末拍了西湖的日落😀', '客户电话①③⑧⓪⓪①③⑧⓪⓪⓪，身份证号⑪⓪①⓪⑤①⑨④⑨①②③①⓪⓪②×', '手机1️⃣3️⃣8️⃣🌟0013🌟8000'];
    const fresh = normalised(texts, { WENDU_NO_LINT_CACHE: '1' });
    // the first ordinary run writes the store (when it was missing), the second reads it
    normalised(texts);
    const stored = normalised(texts);
    expect(stored).toBe(fresh);
    expect(JSON.parse(fresh)[0][0]).toContain('稳赚不赔');
    // the circled and keycap digits are read as the client's numbers both ways
    expect(JSON.parse(fresh)[5][4].map((f: [string]) => f[0])).toEqual(expect.arrayContaining(['pii-phone', 'pii-id']));
    expect(JSON.parse(fresh)[6][4].map((f: [string]) => f[0])).toContain('pii-phone');
  });
});
