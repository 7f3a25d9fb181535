// claim-model: the learned layer's second opinion (claims/model.ts). The asset's sentences — in
// order, each once (a caption repeats the body's), the mandated warnings, lines marked wrong (❌, struck through) and sentences
// of everyday life in slang left out — are read in
// post-sized windows (a window shorter than `minLength` is not judged); a window the model scores at or above the threshold gets one warning, at its
// sentence that weighs most, naming the phrases that weighed most. The engine runs it after every
// other rule and keeps its findings only where no exact rule found anything to say.
import { z } from 'zod';
import { lifeSlang, markedWrong } from '../claims/analyze.ts';
import { modelInputOf, SEP, shippedModel } from '../claims/model.ts';
import { ruleData } from '../schema.ts';
import { orig, type Detect, type Detector, type DetectorHit, type SpanView } from './types.ts';

interface Sentence {
  view: SpanView;
  from: number;
  to: number;
  /** the model's input (clauses marked) */
  text: string;
  /** its characters, without the clause marks */
  length: number;
}

function count(t: string, ch: string): number {
  let n = 0;
  for (let i = t.indexOf(ch); i >= 0; i = t.indexOf(ch, i + 1)) n++;
  return n;
}

function sentencesOf(views: SpanView[]): Sentence[] {
  const out: Sentence[] = [];
  const seen = new Set<string>();
  for (const view of views) {
    const { text, sentence } = view.norm;
    let from = 0;
    for (let i = 1; i <= text.length; i++) {
      if (i < text.length && sentence[i] === sentence[from]) continue;
      // (a line marked as the wrong way to say it, or struck through, is not the post's own words)
      // (nor a sentence of everyday life in online slang: 这锅底是我吃过的天花板 — its slang is about the hotpot)
      if (markedWrong(view, from) || lifeSlang(view, from, i)) {
        from = i;
        continue;
      }
      const t = modelInputOf(view.norm, from, i);
      const length = t.length - count(t, SEP);
      if (length >= 2 && !seen.has(t)) {
        seen.add(t);
        out.push({ view, from, to: i, text: t, length });
      }
      from = i;
    }
  }
  return out;
}

/** the words a claim is made of — of return, safety, rank, haste, gifts, deposits or feeling */
const CLAIMY = /稳|赚|收益|回报|利息|涨|亏|蚀|少|多|保本|保收益|保息|保障|保证|打包票|兜底|安全|放心|安心|踏实|省心|无忧|揪心|不用管|最|第一|冠军|之选|口碑|信得过|都在买|送|赠|礼|带走|抢|限量|售罄|翻|倍|%|％|厘|≈|约|香|划算|机会|错过|赶紧|靠谱|推荐|挑|闭眼|躺|上车|冲|一定|肯定|绝对|至少|预期|估计|放着|睡|分红|红利|派发|到账|拿回|回来|回本|到手|极低|很低|国债|🈚|变成|长大|本钱|本金|存款|存单|定期|活期|起存|一样|一个样|万能|懂的都懂|空手/;

/** the terms a product's card states (起购, 持有期, 风险等级, 认购期, 开放) */
const FACT = /起购|起投|持有|风险等级|[Pp]?[Rr][1-5]|认购|申购|赎回|开放|期限|开售|发售|上架|说明书|新一期|第[0-9一二三四五六七八九十]+期|手机银行|网点|柜台|详询|咨询/;
/** the product facts that hold a claim's words but state a term (最短持有, 最低起购, 风险等级) */
// (and words of order, not of rank: 第一份理财计划, 最后一天, 最近)
const FACT_WORDS = /最短持有|最低起购|最低持有|最低认购|最低申购|最高申购|起购|风险等级|看清说明书|一定要看|一定看|第一(次|杯|份|天|步|站|课|件|场|期|批|周)|最后|最近|最初|最早|最终/g;
/** the required warnings' words and the advice to be assessed first (理财非存款、产品有风险、投资须谨慎; 先做测评再决定) */
const WARNING_WORDS = /理财非存款|产品有风险|投资须谨慎|基金有风险|过往业绩不预示其未来表现|不是存款|非存款|(风险)?测评/g;
/**
 * A sentence of a product's card of plain facts: 'fact' when it states a term and nothing a claim is made of, 'plain'
 * when it states no term, nothing a claim is made of and no sum of its own (its warning, a heading: 小U播报; not
 * 【3万块放一年，到手1200+】, a forecast in figures), else undefined. The terms' and the warnings' words are set aside first.
 */
function cardLine(s: Sentence): 'fact' | 'plain' | undefined {
  const t = s.view.norm.text.slice(s.from, s.to);
  const rest = t.replace(FACT_WORDS, '').replace(WARNING_WORDS, '');
  if (CLAIMY.test(rest)) return undefined;
  if (FACT.test(t)) return 'fact';
  return /\d\s*(万|千|元|块|\+)/.test(rest) ? undefined : 'plain';
}

export const claimModel: Detector = {
  id: 'claim-model',
  pii: false,
  secondOpinion: true,
  create(rule): Detect {
    const d = ruleData(
      rule,
      z.strictObject({ threshold: z.number().min(0.5).max(0.99), window: z.number().int().min(40).max(2000), minLength: z.number().int().min(1) }),
    );
    return (views) => {
      const model = shippedModel();
      const hits: DetectorHit[] = [];
      const sentences = sentencesOf(views);
      for (let start = 0; start < sentences.length; ) {
        // a window: whole sentences up to about a post's length
        let end = start;
        let length = 0;
        while (end < sentences.length && (end === start || length + sentences[end]!.length <= d.window)) length += sentences[end++]!.length;
        const window = sentences.slice(start, end);
        // (a sentence ends its last clause)
        const text = window.map((s) => s.text).join(SEP);
        // the model learned from whole posts: a fragment (a title alone, a short line) is not read
        // (nor a product's card of plain facts: a sentence states a term — 第15期明天开放，起购1元，最短持有90天，风险等级R2 —
        // and none holds a word a claim is made of; the warning under it is set aside)
        const lines = window.map(cardLine);
        const p = length >= d.minLength && !(lines.includes('fact') && !lines.includes(undefined)) ? model.score(text) : 0;
        if (p >= d.threshold) {
          // the sentence that weighs most, each scored once
          const scores = window.map((s) => model.score(s.text));
          const at = window[scores.indexOf(Math.max(...scores))]!;
          const [from, to] = orig(at.view, at.from, at.to);
          hits.push({ view: at.view.index, from, to, data: { score: String(Math.round(p * 100)), why: model.strongest(text, 3).map((g) => `「${g}」`).join('') } });
        }
        start = end;
      }
      return hits;
    };
  },
};
