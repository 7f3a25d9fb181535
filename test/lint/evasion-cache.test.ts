import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** normalise evaded texts in a fresh process (the evasion pass compiled from the data, or read from the store) */
function normalised(texts: string[], env: Record<string, string> = {}): string {
  const script = `import { normalize } from './pipeline/lint/normalize.ts';
const texts = ${JSON.stringify(texts)};
process.stdout.write(JSON.stringify(texts.map((t) => { const n = normalize(t); return [n.text, [...n.start], [...n.end], [...n.via]]; })));`;
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('the evasion pass kept between runs', () => {
  it('reads pinyin, homophones, components and digits back the same from its store as compiled afresh', () => {
    const texts = ['这款产品wen zhuan bu pei，bao3ben3保息', '亻呆本保息，0风险，稳賺不賠', '温赚不赔的好产品，国家队背书', 'Zhang Wei 先生 的 baoben 理财', '周末拍了西湖的日落😀'];
    const fresh = normalised(texts, { WENDU_NO_EVASION_CACHE: '1' });
    // the first ordinary run writes the store (when it was missing), the second reads it
    normalised(texts);
    const stored = normalised(texts);
    expect(stored).toBe(fresh);
    expect(JSON.parse(fresh)[0][0]).toContain('稳赚不赔');
  });
});
