// The learned layer (claims/model.ts) as a reviewer meets it: a second opinion on posts that sound
// like a forbidden claim in words no rule lists, silent where an exact rule has spoken, never on a
// fragment, and the model shipped is exactly what the corpus trains.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintSpans } from '../../pipeline/lint/index.ts';
import { features, MODEL_FILE, modelInputOf, shippedModel } from '../../pipeline/lint/claims/model.ts';
import { normalize } from '../../pipeline/lint/normalize.ts';
import { trainedModel } from '../../pipeline/tools/train-lint.ts';
import { SAMPLE_CONTEXT } from '../../pipeline/tools/eval-lint.ts';

const WARNING = '理财非存款、产品有风险、投资须谨慎。';
const lint = (...texts: string[]) => lintSpans(texts.map((text, i) => ({ field: i ? 'caption' : 'body', text, file: 'weeks/2026-W48/xihu/x.md', start: { line: 5, column: 1 } })), SAMPLE_CONTEXT).filter((f) => f.severity !== 'info');

describe('the learned layer', () => {
  it('warns on a post that promises growth in a metaphor no rule lists, naming the sentence and the phrases that weighed most', () => {
    const post = `周末带女儿去植物园。放进这款产品的钱，就像种下的一棵小树，只会一年比一年茂盛，等孩子上大学的时候正好派上用场。${WARNING}`;
    const [f, ...rest] = lint(post);
    expect(rest).toEqual([]);
    expect(f!.ruleId).toBe('claim-model');
    expect(f!.severity).toBe('warning');
    expect(f!.waivable).toBe(true);
    expect(f!.excerpt).toBe('放进这款产品的钱，就像种下的一棵小树，只会一年比一年茂盛，等孩子上大学的时候正好派上用场');
    expect(f!.message).toMatch(/^「放进这款产品的钱.*」读起来像营销主张（模型\d+%，依据「.+」「.+」「.+」）：/);
    // the same post in traditional characters reads the same
    expect(lint(post.replace('放进这款产品的钱，就像种下的一棵小树，只会一年比一年茂盛', '放進這款產品的錢，就像種下的一棵小樹，只會一年比一年茂盛')).map((x) => x.ruleId)).toEqual(['claim-model']);
  });

  it('stays silent where an exact rule has spoken, on a fragment, and on plain product facts', () => {
    expect(lint(`这款理财稳赚不赔，钱放进去就像种下的一棵小树，只会一年比一年茂盛，等孩子上大学时正好派上用场。${WARNING}`).map((f) => f.ruleId)).toEqual(['guarantee']);
    // a title alone is shorter than a post: not judged
    expect(lint('只会一年比一年茂盛的小树')).toEqual([]);
    expect(lint(`这款理财最低起购金额1元，期限一年，周一起在网点和手机银行都能买。${WARNING}`)).toEqual([]);
    expect(lint('周末网点开放日，欢迎带孩子来听小U讲防诈骗故事，还有手工课和亲子游戏，名额有限请提前报名。')).toEqual([]);
  });

  it('reads the post once: a caption repeating the body does not count twice', () => {
    const body = `放进这款产品的钱，就像种下的一棵小树，只会一年比一年茂盛，等孩子上大学的时候正好派上用场。${WARNING}`;
    expect(lint(body, body)).toHaveLength(1);
  });

  it('is what the corpus trains: the committed weights are reproduced exactly', () => {
    const committed = JSON.parse(readFileSync(MODEL_FILE, 'utf8'));
    // (compared as text: a deep diff of 300k n-grams takes vitest minutes to print, so a stale model
    // would look like a hang, not a failure)
    expect(JSON.stringify(trainedModel()) === JSON.stringify(committed), 'pipeline/lint/claims/model.json is not what the corpus trains: run `npm run train:lint`').toBe(true);
    expect(committed.trained.cases).toBeGreaterThan(1000);
    // (training alone took over 120 s on the AMD EPYC machine of stop 60: the limit is for a hang, not a speed bar)
  }, 600_000);

  it('reads a post clause by clause, without the mandated warning, and an n-gram after a negation in its clause as negated', () => {
    expect(modelInputOf(normalize(`年化3.5%，稳！${WARNING}本金不保证，收益不确定。`))).toBe('年化0.0%,|稳|本金不保证|收益不确定。');
    // 保证 after 不 is not the 保证 of a promise; the next clause starts afresh
    expect(features('本金不保证|收益', { clauses: true, negation: true })).toEqual(['本', '本金', '本金不', '金', '金不', '金不保', '不', '不保', '不保证', '¬保', '¬保证', '¬证', '收', '收益', '益']);
    // a word that starts with a negation character and negates nothing (不错) leaves what follows alone
    expect(features('不错的收益', { clauses: true, negation: true }).filter((g) => g.startsWith('¬'))).toEqual([]);
  });

  it('scores whole posts: a guarantee in new words above, a disclaimer below', () => {
    const m = shippedModel();
    const s = (t: string) => m.score(modelInputOf(normalize(t)));
    expect(s(`钱交给我们，您就把心放肚子里，到期一分都少不了，还能多拿一截。${WARNING}`)).toBeGreaterThan(0.7);
    expect(s(`理财产品不保本，净值会随市场波动，请根据自身风险承受能力谨慎选择。${WARNING}`)).toBeLessThan(0.5);
  });
});
