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
        const p = length >= d.minLength ? model.score(text) : 0;
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
