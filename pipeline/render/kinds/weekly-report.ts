// The weekly-report kind ("财富健康周报"): chart geometry for templates/weekly-report.hbs, computed
// here so the template only places boxes. Bars are plain divs; the line chart is an SVG asset with
// its labels drawn as HTML over it (resvg has no fonts).
import type { PrepareInput, Prepared } from '../job.ts';
import { dataUri } from '../data-uri.ts';
import { brandOf, mix } from '../context.ts';
import { chartGeometry, lineSvg, type Plot } from '../chart.ts';

/**
 * The plot area in the template: 1080 − 2×56 page padding − 2×40 card padding − the tick-label
 * column. Change it together with templates/weekly-report.hbs.
 */
export const PLOT: Plot = { width: 820, height: 300, headroom: 52 };
export const AXIS_WIDTH = 68;
/** the line SVG overhangs the plot by this much on every side, so edge points are whole */
const SVG_PAD = 20;

export async function prepareWeeklyReport(input: PrepareInput): Promise<Prepared> {
  const { chart } = input.job.brief.fields;
  const commentary = input.job.brief.paragraphs[0] ?? '';
  if (!chart) return { context: { commentary } };
  const brand = brandOf(input.branch);
  const geometry = chartGeometry(chart, PLOT);
  const barSoft = mix(brand.primary, brand.paper, 0.55);
  const context = {
    commentary,
    chart: {
      ...geometry,
      isBar: chart.type === 'bar',
      isLine: chart.type === 'line',
      plot: PLOT,
      axisWidth: AXIS_WIDTH,
      svgPad: SVG_PAD,
      bars: geometry.bars.map((b) => ({ ...b, colour: b.highlight ? brand.primary : barSoft, radius: b.value < 0 ? '0 0 14px 14px' : '14px 14px 0 0' })),
      gridColour: mix(brand.ink, '#FFFFFF', 0.88),
      axisColour: mix(brand.ink, '#FFFFFF', 0.55),
    },
  };
  if (chart.type !== 'line') return { context };
  const svg = lineSvg(geometry, PLOT, { line: brand.primary, highlight: brand.accent, dot: '#FFFFFF' }, SVG_PAD);
  return { context, assets: { chartLine: dataUri('image/svg+xml', svg) } };
}
