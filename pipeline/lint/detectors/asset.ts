// Whole-asset rules: they look at every text that ships together (image strings + caption, or a
// brief's fields + body) and report on a representative span — the first place the asset shows
// what needs the missing part.
import { z } from 'zod';
import { normalizeTerm } from '../normalize.ts';
import type { RuleMeta } from '../rules.ts';
import { REQUIRED_WARNINGS } from '../warnings.ts';
import { orig, regexHits, type Detect, type Detector, type DetectorHit, type SpanView } from './types.ts';

function parseData<T extends z.ZodType>(rule: RuleMeta, schema: T): z.infer<T> {
  const parsed = schema.safeParse(rule.data ?? {});
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${rule.file}: data.${i.path.join('.')}: ${i.message}`).join('\n'));
  return parsed.data;
}
const regex = z.string().transform((s, ctx) => {
  try {
    return new RegExp(s, 'gi');
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
    return z.NEVER;
  }
});

/** the first match of any of `res` in the views (earliest in the first view that has one), outside safe ranges */
function firstMatch(views: SpanView[], res: RegExp[]): { view: SpanView; from: number; to: number } | undefined {
  for (const view of views) {
    let best: { from: number; to: number } | undefined;
    for (const re of res) {
      for (const m of regexHits(view, re)) {
        if (!best || m.from < best.from) best = { from: m.from, to: m.to };
        break;
      }
    }
    if (best) return { view, ...best };
  }
  return undefined;
}

const hasAny = (views: SpanView[], re: RegExp) =>
  views.some((v) => {
    re.lastIndex = 0;
    return re.test(v.norm.text);
  });
const contains = (views: SpanView[], phrase: string) => views.some((v) => v.norm.text.includes(phrase));

const hit = (view: SpanView, from: number, to: number, data: Record<string, string>): DetectorHit => {
  const [a, b] = orig(view, from, to);
  return { view: view.index, from: a, to: b, data };
};

export const missingRiskWarning: Detector = {
  id: 'missing-risk-warning',
  pii: false,
  create(rule): Detect {
    const triggers = z.array(regex).min(1);
    const d = parseData(rule, z.strictObject({ wealth: triggers, fund: triggers, generic: triggers, fundStatement: regex, paraphrase: regex }));
    const wealthWarning = normalizeTerm(REQUIRED_WARNINGS.wealth);
    const fundRisk = normalizeTerm(REQUIRED_WARNINGS.fund.split('。')[0]!);
    return (views) => {
      const w = firstMatch(views, d.wealth);
      const f = firstMatch(views, d.fund);
      const g = w || f ? undefined : firstMatch(views, d.generic);
      const hits: DetectorHit[] = [];
      const paraphrase = () => {
        for (const v of views) for (const p of regexHits(v, d.paraphrase)) return `；「${v.span.text.slice(...orig(v, p.from, p.to))}」是改写，不能代替原文`;
        return '';
      };
      const wealthLike = w ?? g;
      if (wealthLike && !contains(views, wealthWarning)) {
        hits.push(hit(wealthLike.view, wealthLike.from, wealthLike.to, { kind: '理财', warning: REQUIRED_WARNINGS.wealth, paraphrase: paraphrase() }));
      }
      if (f && !(contains(views, fundRisk) && hasAny(views, d.fundStatement))) {
        hits.push(hit(f.view, f.from, f.to, { kind: '基金', warning: REQUIRED_WARNINGS.fund, paraphrase: paraphrase() }));
      }
      return hits;
    };
  },
};

export const benchmarkDisplay: Detector = {
  id: 'benchmark-display',
  pii: false,
  create(rule): Detect {
    const d = parseData(rule, z.strictObject({ number: regex, reason: regex, method: regex, highlighted: z.string().transform((s) => new RegExp(s)) }));
    return (views) => {
      const reason = hasAny(views, d.reason);
      const method = hasAny(views, d.method);
      const missing = [reason ? '' : '选取理由', method ? '' : '测算方法'].filter(Boolean);
      const hits: DetectorHit[] = [];
      for (const view of views) {
        const highlighted = d.highlighted.test(view.span.field);
        if (!highlighted && missing.length === 0) continue;
        for (const m of regexHits(view, d.number)) {
          const how = highlighted ? '突出展示' : '单独展示';
          const why = highlighted ? `位于${fieldLabel(view.span.field)}，应放在正文中并说明选取理由和测算方法` : `未说明其${missing.join('和')}`;
          hits.push(hit(view, m.from, m.to, { how, missing: why }));
        }
      }
      return hits;
    };
  },
};

/** where a highlighted number sits, in the reviewers' words (`image:headline` → 图片上的主标题) */
const FIELD_LABELS: Record<string, string> = { title: '标题', subtitle: '副标题', headline: '主标题', cta: '按钮文字' };
function fieldLabel(field: string): string {
  if (field.startsWith('image:')) return `图片上的${fieldLabel(field.slice(6))}`;
  const tile = /^tiles\.(\d+)$/.exec(field);
  if (tile) return `九宫格第 ${Number(tile[1]) + 1} 格`;
  return FIELD_LABELS[field] ?? `「${field}」`;
}

export const pastPerformance: Detector = {
  id: 'past-performance',
  pii: false,
  create(rule): Detect {
    const d = parseData(rule, z.strictObject({ shown: z.array(regex).min(1), period: z.array(regex).min(1), fundStatement: regex }));
    const warning = normalizeTerm(REQUIRED_WARNINGS['past-performance']);
    return (views) => {
      let first: { view: SpanView; from: number; to: number } | undefined;
      for (const view of views) {
        for (const re of d.shown) {
          for (const m of regexHits(view, re)) {
            if (!first || (view.index === first.view.index && m.from < first.from)) first = { view, from: m.from, to: m.to };
            break;
          }
        }
        if (first) break;
      }
      if (!first) return [];
      const hasWarning = contains(views, warning) || hasAny(views, d.fundStatement);
      const hasPeriod = d.period.some((re) => hasAny(views, re));
      if (hasWarning && hasPeriod) return [];
      const missing = [hasWarning ? '' : '附“过往业绩不代表其未来表现”的风险提示', hasPeriod ? '' : '注明业绩期间的起止日期'].filter(Boolean).join('，也未');
      return [hit(first.view, first.from, first.to, { missing })];
    };
  },
};
