import { describe, expect, it } from 'vitest';
import { checkCanvas, contrastRatio } from '../../pipeline/check/visual.ts';
import type { DrawnNode, Rendered } from '../../pipeline/render/engine.ts';
import { sampleJob } from '../helpers/jobs.ts';

const WARNING = '理财非存款、产品有风险、投资须谨慎';

/** A canvas of one colour with the given nodes laid out on it. */
function canvas(width: number, height: number, nodes: Partial<DrawnNode>[], bg: [number, number, number] = [255, 255, 255]): Rendered {
  const pixels = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) pixels.set([...bg, 255], i * 4);
  return { width, height, pixels, overflows: [], fitted: {}, nodes: nodes.map((n) => ({ left: 0, top: 0, width: 100, height: 50, style: {}, ...n })) };
}

describe('the safe-zone check', () => {
  it('flags a headline above the centred square of a 3:4 image and passes one inside it', async () => {
    const { job } = await sampleJob('xihu/wed-relocation-funds');
    const outside = checkCanvas(job, { name: '3x4', rendered: canvas(1080, 1440, [{ role: 'headline', field: 'title', top: 100, height: 120, text: '标题' }]) }, { warning: '' });
    expect(outside).toEqual([expect.objectContaining({ ruleId: 'safe-zone', field: 'title', line: 6, column: 8 })]);
    const inside = checkCanvas(job, { name: '3x4', rendered: canvas(1080, 1440, [{ role: 'headline', field: 'title', top: 200, height: 120, text: '标题' }]) }, { warning: '' });
    expect(inside).toEqual([]);
  });

  it('flags the mascot below the square of a 9:16 poster', async () => {
    const { job } = await sampleJob('_all/tue-poster-finance-101');
    const found = checkCanvas(job, { name: 'poster', rendered: canvas(1080, 1920, [{ role: 'mascot', top: 1450, height: 300, width: 300 }]) }, { warning: '' });
    expect(found.map((f) => f.ruleId)).toEqual(['safe-zone']);
    expect(found[0]!.message).toContain('The mascot');
  });
});

describe('the risk-warning check', () => {
  it('passes a 28 px white warning on dark ink', async () => {
    const { job } = await sampleJob('xihu/wed-relocation-funds');
    const ok = canvas(1080, 1440, [{ role: 'warning', text: WARNING, style: { fontSize: 28, color: '#FFFFFF' } }], [0x3a, 0x2a, 0x20]);
    expect(checkCanvas(job, { name: 'card', rendered: ok }, { warning: WARNING })).toEqual([]);
  });

  it('flags a warning below 24 px, one with weak contrast, and a product image without one', async () => {
    const { job } = await sampleJob('xihu/wed-relocation-funds');
    const small = canvas(1080, 1440, [{ role: 'warning', text: WARNING, style: { fontSize: '18px', color: '#000000' } }]);
    expect(checkCanvas(job, { name: 'card', rendered: small }, { warning: WARNING })[0]!.message).toContain('18 px');
    const faint = canvas(1080, 1440, [{ role: 'warning', text: WARNING, style: { fontSize: 28, color: '#BBBBBB' } }]);
    expect(checkCanvas(job, { name: 'card', rendered: faint }, { warning: WARNING })[0]!.message).toMatch(/contrast 1\.\d\d:1/);
    expect(checkCanvas(job, { name: 'card', rendered: canvas(1080, 1440, []) }, { warning: WARNING })[0]!.message).toContain('draws no risk warning');
  });

  it('computes WCAG contrast', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([118, 118, 118], [255, 255, 255])).toBeCloseTo(4.54, 1);
  });
});
