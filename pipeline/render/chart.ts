// Chart geometry for the weekly-report card: a "nice" value axis, bar boxes and line points in
// pixels of a plot area, and the line chart's strokes as an SVG. Pure functions of the data and
// the plot size: templates only place what is computed here. The SVG holds shapes only (resvg has
// no fonts loaded); every label is HTML text positioned over it.
import type { ChartPoint, ChartSpec } from '../model.ts';

export interface Plot {
  /** the drawing area in px: bars and points live inside it, tick labels and categories outside */
  width: number;
  height: number;
  /** room above the highest bar or point for its value label */
  headroom: number;
}

export interface Scale {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

export interface Tick {
  value: number;
  label: string;
  /** y of the grid line from the plot's top */
  y: number;
  /** the zero line is drawn stronger */
  zero: boolean;
}

export interface Category {
  label: string;
  /** the category's slot: its label is centred under it */
  left: number;
  width: number;
  centre: number;
}

export interface Bar extends Category {
  value: number;
  valueLabel: string;
  /** the bar's box from the plot's top-left */
  x: number;
  y: number;
  barWidth: number;
  height: number;
  /** the largest value is drawn in the brand colour, the others in its tint */
  highlight: boolean;
  /** top-left of the value label, a box of `labelWidth`×`labelHeight` */
  labelX: number;
  labelY: number;
}

export interface Point extends Category {
  value: number;
  valueLabel: string;
  x: number;
  y: number;
  highlight: boolean;
  labelX: number;
  labelY: number;
}

export interface ChartGeometry {
  type: ChartSpec['type'];
  unit: string;
  source: string;
  scale: Scale;
  ticks: Tick[];
  /** y of the zero line from the plot's top */
  zeroY: number;
  bars: Bar[];
  points: Point[];
  /** font size of the category labels: the largest in [20, 28] at which the longest fits its slot */
  categorySize: number;
  /** font size of the value labels: the largest in [16, 30] at which the longest fits its slot */
  valueSize: number;
  labelWidth: number;
  labelHeight: number;
}

const LABEL_WIDTH = 140;
const LABEL_HEIGHT = 40;
/** gap between a bar top or point and its value label */
const LABEL_GAP = 8;

/** 1, 2, 2.5 or 5 times a power of ten: the smallest such step ≥ `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const f = rough / power;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * A value axis that starts at zero (or below, for negative data), ends on a round number at or
 * above the largest value, and has 3–6 intervals: bars stay proportional to the values.
 */
export function niceScale(values: number[], intervals = 5): Scale {
  const hi = Math.max(0, ...values);
  const lo = Math.min(0, ...values);
  const step = niceStep((hi - lo) / intervals || 1);
  const min = Math.floor(lo / step) * step;
  const max = Math.max(Math.ceil(hi / step) * step, min + step);
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(round(v));
  return { min, max, step, ticks };
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/** Numbers as the branch staff would write them: 1,234 and at most one decimal. */
export function formatValue(v: number): string {
  return v.toLocaleString('zh-CN', { maximumFractionDigits: 1 });
}

/** Display width of a label in em: Han and full-width characters are 1, the rest about half. */
export function textEm(s: string): number {
  let em = 0;
  for (const ch of s) em += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFF60\u3000-\u303F]/u.test(ch) ? 1 : /[,.]/.test(ch) ? 0.3 : 0.58;
  return em;
}

function categories(data: ChartPoint[], width: number): Category[] {
  const slot = width / data.length;
  return data.map((d, i) => ({ label: d.label, left: round(i * slot), width: round(slot), centre: round(i * slot + slot / 2) }));
}

/** Geometry of a bar or line chart of `spec` drawn into `plot`. */
export function chartGeometry(spec: ChartSpec, plot: Plot): ChartGeometry {
  const values = spec.data.map((d) => d.value);
  const scale = niceScale(values);
  const inner = plot.height - plot.headroom;
  const yOf = (v: number) => round(plot.headroom + ((scale.max - v) / (scale.max - scale.min)) * inner);
  const zeroY = yOf(0);
  const ticks = scale.ticks.map((value) => ({ value, label: formatValue(value), y: yOf(value), zero: value === 0 }));
  const cats = categories(spec.data, plot.width);
  const top = Math.max(...values);
  const widest = Math.max(...spec.data.map((d) => textEm(d.label)));
  const categorySize = Math.max(20, Math.min(28, Math.floor((cats[0]!.width * 0.9) / widest)));
  const widestValue = Math.max(...values.map((v) => textEm(formatValue(v))));
  const valueSize = Math.max(16, Math.min(30, Math.floor((Math.min(cats[0]!.width, LABEL_WIDTH) * 0.92) / widestValue)));

  const bars: Bar[] = [];
  const points: Point[] = [];
  spec.data.forEach((d, i) => {
    const c = cats[i]!;
    const highlight = d.value === top;
    const valueLabel = formatValue(d.value);
    if (spec.type === 'bar') {
      const barWidth = round(Math.min(c.width * 0.56, 132));
      const y = Math.min(yOf(d.value), zeroY);
      const height = round(Math.abs(zeroY - yOf(d.value)));
      const labelY = d.value >= 0 ? y - LABEL_GAP - LABEL_HEIGHT : y + height + LABEL_GAP;
      bars.push({ ...c, value: d.value, valueLabel, x: round(c.centre - barWidth / 2), y, barWidth, height, highlight, labelX: round(c.centre - LABEL_WIDTH / 2), labelY: round(labelY) });
    } else {
      const y = yOf(d.value);
      points.push({ ...c, value: d.value, valueLabel, x: c.centre, y, highlight, labelX: round(c.centre - LABEL_WIDTH / 2), labelY: round(y - 18 - LABEL_HEIGHT) });
    }
  });
  return { type: spec.type, unit: spec.unit, source: spec.source, scale, ticks, zeroY, bars, points, categorySize, valueSize, labelWidth: LABEL_WIDTH, labelHeight: LABEL_HEIGHT };
}

export interface LineColours {
  line: string;
  /** fill of the highlighted (largest) point */
  highlight: string;
  /** inside of the other points */
  dot: string;
}

/**
 * The line chart as an SVG as large as the plot plus `pad` on every side (so points on the edge
 * are not cut): a soft area under the line, the line, and the points. No text.
 */
export function lineSvg(geometry: ChartGeometry, plot: Plot, colours: LineColours, pad: number): string {
  const pts = geometry.points.map((p) => [p.x + pad, p.y + pad] as const);
  if (pts.length === 0) return '';
  const w = plot.width + 2 * pad;
  const h = plot.height + 2 * pad;
  const baseline = geometry.zeroY + pad;
  const line = pts.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`).join(' ');
  const area = `${line} L${pts.at(-1)![0].toFixed(1)} ${baseline.toFixed(1)} L${pts[0]![0].toFixed(1)} ${baseline.toFixed(1)} Z`;
  const dots = geometry.points
    .map((p, i) => {
      const [x, y] = pts[i]!;
      return p.highlight
        ? `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="13" fill="${colours.highlight}" stroke="#FFFFFF" stroke-width="5"/>`
        : `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="9" fill="${colours.dot}" stroke="${colours.line}" stroke-width="5"/>`;
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<defs><linearGradient id="area" x1="0" y1="0" x2="0" y2="1">` +
    `<stop offset="0" stop-color="${colours.line}" stop-opacity="0.28"/><stop offset="1" stop-color="${colours.line}" stop-opacity="0.02"/>` +
    `</linearGradient></defs>` +
    `<path d="${area}" fill="url(#area)"/>` +
    `<path d="${line}" fill="none" stroke="${colours.line}" stroke-width="6" stroke-linejoin="round" stroke-linecap="round"/>` +
    dots +
    `</svg>`
  );
}
