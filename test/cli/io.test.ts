// The one line format a human reads, from `build` and `lint` alike.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../pipeline/cli/io.ts';

describe('the problem line', () => {
  it('reads path:line:col: severity message [rule]', () => {
    const line = formatProblem({ file: 'content/weeks/2026-W48/xihu/wed.md', line: 4, column: 7, severity: 'error', message: '出现保本保收益类表述「稳赚」', ruleId: 'guarantee' });
    expect(line).toBe('content/weeks/2026-W48/xihu/wed.md:4:7: error 出现保本保收益类表述「稳赚」 [guarantee]');
  });

  it('names the field of a generated text instead of a false 0:0', () => {
    const line = formatProblem({ file: 'content/weeks/2026-W48/xihu/wed.md', line: 0, column: 0, severity: 'warning', message: '出现“安全”', ruleId: 'safety-words', field: 'caption' });
    expect(line).toBe('content/weeks/2026-W48/xihu/wed.md (caption): warning 出现“安全” [safety-words]');
    expect(line).not.toContain(':0:0');
  });
});
