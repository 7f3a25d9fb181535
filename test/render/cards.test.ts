// The moments, story-card and weekly-report templates: every sample brief of the three kinds
// renders at the right sizes without overflow, headline inside WeChat's centred square, warning
// drawn where a product is declared, chart bars proportional to the data, and one render per
// kind (plus the line chart) perceptually equal to its committed snapshot.
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderJob, type RenderedJob } from '../../pipeline/render/job.ts';
import { chartGeometry, niceScale, textEm } from '../../pipeline/render/chart.ts';
import { PLOT } from '../../pipeline/render/kinds/weekly-report.ts';
import { joinLines } from '../../pipeline/load/markdown.ts';
import { checkCanvas } from '../../pipeline/check/visual.ts';
import { REQUIRED_WARNINGS } from '../../pipeline/lint/warnings.ts';
import type { ChartSpec, Job } from '../../pipeline/model.ts';
import { sampleJob } from '../helpers/jobs.ts';
import { expectMatchesSnapshot, toRaw } from '../helpers/snapshot.ts';

const SNAPSHOT_DIR = fileURLToPath(new URL('./__snapshots__/cards/', import.meta.url));
/** snapshots are compared (and committed) downscaled to this width */
const SNAPSHOT_WIDTH = 270;
/** pixelmatch's per-pixel colour threshold (0…1, smaller is stricter) */
const PIXEL_THRESHOLD = 0.1;
/** a snapshot fails when more than this share of its pixels differ */
const MAX_DIFF_RATIO = 0.01;

/** the sample briefs of the three kinds, for the branch that owns them */
const SAMPLES = {
  moments: ['xihu/tue-eggs-and-baskets', 'jinjiang/tue-first-salary', 'tianhe/tue-baking-and-time'],
  'story-card': ['xihu/fri-client-story', 'jinjiang/fri-client-story', 'tianhe/fri-client-story'],
  'weekly-report': ['xihu/thu-weekly-report', 'jinjiang/thu-weekly-report', 'tianhe/thu-weekly-report'],
  'knowledge-card': ['xihu/wed-relocation-funds', 'jinjiang/wed-pension-plan', 'tianhe/wed-first-deposit'],
} as const;

/** snapshot name → brief and output file name ('' for a kind's only file) */
const SNAPSHOTS: [string, string, string][] = [
  ['moments-1x1', 'xihu/tue-eggs-and-baskets', '1x1'],
  ['moments-3x4', 'xihu/tue-eggs-and-baskets', '3x4'],
  ['story-card', 'jinjiang/fri-client-story', ''],
  ['weekly-report-bar', 'xihu/thu-weekly-report', ''],
  ['weekly-report-line', 'jinjiang/thu-weekly-report', ''],
  ['knowledge-card', 'xihu/wed-relocation-funds', ''],
];

interface Sample {
  job: Job;
  warning: string;
  result: RenderedJob;
}

const samples = new Map<string, Sample>();
const sample = (id: string) => {
  const s = samples.get(id);
  if (!s) throw new Error(`sample ${id} was not rendered`);
  return s;
};

/** Renders a brief for its own branch the way pipeline/tools/preview.ts does. */
async function renderSample(briefId: string): Promise<Sample> {
  const { job, branch, bank, readContentFile } = await sampleJob(briefId);
  const product = job.brief.fields.product;
  const warning = product ? REQUIRED_WARNINGS[product] : '';
  const result = await renderJob({ job, branch, bank, warning, readContentFile });
  return { job, warning, result };
}

beforeAll(async () => {
  for (const id of Object.values(SAMPLES).flat()) samples.set(id, await renderSample(id));
});

describe.each(Object.entries(SAMPLES))('%s', (kind, ids) => {
  it.each(ids)('%s renders at the kind’s sizes as JPEG', async (id) => {
    const { job, result } = sample(id);
    expect(job.brief.fields.kind).toBe(kind);
    const sizes = await Promise.all(result.files.map(async (f) => ({ name: f.name, ...(await sharp(f.data).metadata()) })));
    const expected = kind === 'moments' ? [['1x1', 1080, 1080], ['3x4', 1080, 1440]] : [['', 1080, 1440]];
    expect(sizes.map((s) => [s.name, s.width, s.height])).toEqual(expected);
    expect(sizes.every((s) => s.format === 'jpeg')).toBe(true);
    expect(result.files.map((f) => [f.width, f.height])).toEqual(expected.map(([, w, h]) => [w, h]));
  });

  it.each(ids)('%s fits every text: no overflow', (id) => {
    expect(sample(id).result.overflows).toEqual([]);
  });

  it.each(ids)('%s keeps the headline inside the centred square on 3:4 and passes the visual checks', (id) => {
    const { job, warning, result } = sample(id);
    for (const { canvas, rendered } of result.renders) {
      const headline = rendered.nodes.filter((n) => n.role === 'headline');
      expect(headline, canvas.name).toHaveLength(1);
      expect(headline[0]!.text).toBe(job.brief.fields.title);
      if (rendered.height > rendered.width) {
        const top = (rendered.height - rendered.width) / 2;
        expect(headline[0]!.top, `${id} ${canvas.name}`).toBeGreaterThanOrEqual(top);
        expect(headline[0]!.top + headline[0]!.height, `${id} ${canvas.name}`).toBeLessThanOrEqual(top + rendered.width);
      }
      expect(checkCanvas(job, { name: canvas.name || kind, rendered }, { warning })).toEqual([]);
    }
  });

  it.each(ids)('%s draws the risk warning exactly when the brief declares a product', (id) => {
    const { warning, result } = sample(id);
    for (const { rendered } of result.renders) {
      const drawn = rendered.nodes.filter((n) => n.role === 'warning').map((n) => n.text);
      expect(drawn).toEqual(warning ? [warning] : []);
    }
  });
});

describe('story-card', () => {
  it('says that client details are masked', () => {
    const { rendered } = sample('xihu/fri-client-story').result.renders[0]!;
    expect(rendered.nodes.some((n) => n.text === '客户信息均已脱敏处理')).toBe(true);
  });
});

describe('weekly-report chart', () => {
  it('draws bars whose heights are proportional to the values', () => {
    const { job, result } = sample('xihu/thu-weekly-report');
    const data = job.brief.fields.chart!.data;
    const bars = result.renders[0]!.rendered.nodes.filter((n) => n.role === 'chart-bar');
    expect(bars).toHaveLength(data.length);
    const perUnit = bars[0]!.height / data[0]!.value;
    bars.forEach((bar, i) => expect(bar.height).toBeCloseTo(data[i]!.value * perUnit, 0));
    // one baseline: every bar ends on the zero line
    expect(new Set(bars.map((b) => Math.round(b.top + b.height))).size).toBe(1);
    // in data order, left to right
    expect(bars.map((b) => b.left)).toEqual([...bars.map((b) => b.left)].sort((a, b) => a - b));
  });

  it('places line points linearly in the values', () => {
    const { job, result } = sample('jinjiang/thu-weekly-report');
    const data = job.brief.fields.chart!.data;
    const points = result.renders[0]!.rendered.nodes.filter((n) => n.role === 'chart-point');
    expect(points).toHaveLength(data.length);
    const [a, b] = [0, 1].map((i) => ({ y: points[i]!.top, v: data[i]!.value }));
    const perUnit = (a!.y - b!.y) / (b!.v - a!.v);
    points.forEach((p, i) => expect(p.top).toBeCloseTo(a!.y - (data[i]!.value - a!.v) * perUnit, 0));
  });

  it('draws the data source, the unit and every label and value', () => {
    const { job, result } = sample('tianhe/thu-weekly-report');
    const chart = job.brief.fields.chart!;
    const texts = result.renders[0]!.rendered.nodes.map((n) => n.text);
    expect(texts).toContain(`数据来源：${chart.source}`);
    expect(texts).toContain(`单位：${chart.unit}`);
    for (const d of chart.data) expect(texts).toEqual(expect.arrayContaining([d.label, String(d.value)]));
  });

  it('computes a round axis from zero with 3–6 intervals', () => {
    expect(niceScale([46, 31, 27, 22, 15])).toMatchObject({ min: 0, max: 50, step: 10 });
    expect(niceScale([132, 118, 126, 109, 141, 87])).toMatchObject({ min: 0, max: 150, step: 50 });
    expect(niceScale([3, 0, 2])).toMatchObject({ min: 0, max: 3, step: 1 });
    expect(niceScale([-12, 30, 8, 45])).toMatchObject({ min: -20, max: 60, step: 20 });
    expect(niceScale([0, 0])).toMatchObject({ min: 0, max: 1 });
    for (const values of [[46, 31], [0.3, 0.7], [1234, 5678, 90], [-5, -1]]) {
      const s = niceScale(values);
      expect(s.min).toBeLessThanOrEqual(Math.min(0, ...values));
      expect(s.max).toBeGreaterThanOrEqual(Math.max(...values));
      expect(s.ticks.length - 1).toBeGreaterThanOrEqual(1);
      expect(s.ticks.length - 1).toBeLessThanOrEqual(6);
    }
  });

  it('keeps bar geometry proportional for negative values too, with labels inside the plot', () => {
    const spec: ChartSpec = { type: 'bar', unit: '次', source: 's', data: [{ label: '甲', value: -12.5 }, { label: '乙', value: 30 }, { label: '丙', value: 8 }] };
    const g = chartGeometry(spec, PLOT);
    const perUnit = g.bars[1]!.height / 30;
    expect(g.bars[0]!.height).toBeCloseTo(12.5 * perUnit, 6);
    expect(g.bars[0]!.y).toBeCloseTo(g.zeroY, 6);
    expect(g.bars[1]!.y + g.bars[1]!.height).toBeCloseTo(g.zeroY, 6);
    for (const b of g.bars) {
      expect(b.labelY).toBeGreaterThanOrEqual(0);
      expect(b.labelY + g.labelHeight).toBeLessThanOrEqual(PLOT.height + g.labelHeight);
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.barWidth).toBeLessThanOrEqual(PLOT.width);
    }
    expect(g.bars.map((b) => b.highlight)).toEqual([false, true, false]);
  });

  it('shrinks value labels so twelve of them fit their columns', () => {
    const data = Array.from({ length: 12 }, (_, i) => ({ label: `${i + 1}月`, value: 1000 + i * 173.5 }));
    const g = chartGeometry({ type: 'bar', unit: '元', source: 's', data }, PLOT);
    const slot = PLOT.width / 12;
    for (const b of g.bars) expect(textEm(b.valueLabel) * g.valueSize).toBeLessThanOrEqual(slot);
    expect(g.bars.at(-1)!.valueLabel).toBe('2,908.5');
  });

  it('joins the soft line breaks of the commentary without a space between Han characters', () => {
    expect(joinLines('第一句。\n第二句')).toBe('第一句。第二句');
    expect(joinLines('see\nthis')).toBe('see this');
  });
});

describe('snapshots', () => {
  // Perceptual, not byte-exact: a render passes when at most 1% of its pixels, downscaled to
  // 270 px wide, differ by more than the threshold. UPDATE_SNAPSHOTS=1 rewrites them.
  it.each(SNAPSHOTS)('%s matches its committed snapshot', async (name, id, fileName) => {
    const file = sample(id).result.files.find((f) => f.name === fileName);
    expect(file, `${id} has no output ${fileName}`).toBeDefined();
    await expectMatchesSnapshot(name, await toRaw(file!.data, SNAPSHOT_WIDTH), { dir: SNAPSHOT_DIR, maxRatio: MAX_DIFF_RATIO, threshold: PIXEL_THRESHOLD });
  });

});
