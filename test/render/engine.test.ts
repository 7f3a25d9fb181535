import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { encode, isOpaque, renderHtml, render, type Rendered } from '../../pipeline/render/engine.ts';
import sharp from 'sharp';
import { templateContext } from '../../pipeline/render/context.ts';
import { runJob } from '../../pipeline/batch.ts';
import { sampleJob } from '../helpers/jobs.ts';

const WARNING = '理财非存款、产品有风险、投资须谨慎';

/** The knowledge card's context for a sample job, with the badge's initial instead of the avatar photo. */
const cardContext = ({ job, branch, bank }: Awaited<ReturnType<typeof sampleJob>>, title?: string) =>
  templateContext({ ...job, persona: { ...job.persona, avatar: undefined }, brief: { ...job.brief, fields: { ...job.brief.fields, ...(title ? { title } : {}) } } }, branch, bank, WARNING);

/** Columns (x) holding dark ink in rows [y0, y1). */
function inkColumns(r: Rendered, y0: number, y1: number): number[] {
  const cols: number[] = [];
  for (let x = 0; x < r.width; x++) {
    for (let y = y0; y < y1; y++) {
      const i = (y * r.width + x) * 4;
      if (r.pixels[i + 3]! > 128 && r.pixels[i]! < 100) {
        cols.push(x);
        break;
      }
    }
  }
  return cols;
}

/** Pixels with strong colour (emoji) in rows [y0, y1): the title itself is dark ink on white. */
function saturated(r: Rendered, y0: number, y1: number): number {
  let n = 0;
  for (let y = Math.round(y0); y < Math.round(y1); y++) {
    for (let x = 0; x < r.width; x++) {
      const i = (y * r.width + x) * 4;
      const [a, b, c] = [r.pixels[i]!, r.pixels[i + 1]!, r.pixels[i + 2]!];
      if (Math.max(a, b, c) - Math.min(a, b, c) > 90) n++;
    }
  }
  return n;
}

const text = (body: string, width: number, style = '') =>
  `<div lang="zh-CN" style="display: flex; width: ${width}px; height: 400px; background-color: #ffffff; font-family: 'Noto Sans SC'; font-size: 40px; line-height: 1; color: #000000; ${style}">${body}</div>`;

describe('the render engine', () => {
  it('draws &, <, quotes and emoji exactly as the brief typed them', async () => {
    const typed = `A&B <理财> "引号" ‘单’ ☕🎉`;
    const input = await sampleJob('xihu/wed-relocation-funds', 'xihu');
    const r = await render({ template: 'knowledge-card', width: 1080, height: 1440, context: cardContext(input, typed) });
    expect(r.nodes.find((n) => n.field === 'title')?.text).toBe(typed);
    // the emoji are drawn: the same title without them leaves the right end of the line empty
    const plain = await render({ template: 'knowledge-card', width: 1080, height: 1440, context: cardContext(input, typed.replace(' ☕🎉', '')) });
    const title = r.nodes.find((n) => n.field === 'title')!;
    const colourful = (x: Rendered) => saturated(x, title.top, title.top + title.height);
    expect(colourful(plain)).toBe(0);
    expect(colourful(r)).toBeGreaterThan(500);
  });

  it('keeps 。，！？ off the start of a line', async () => {
    // nine characters fit on a line; a full stop after the ninth must take the ninth along with it
    const r = await renderHtml(text('<div style="width: 360px;">一二三四五六七八九。十</div>', 400), 400, 400);
    const second = inkColumns(r, 42, 80);
    expect(second.length).toBeGreaterThan(0);
    expect(Math.max(...second)).toBeGreaterThan(60); // more than one glyph wide: 九。 moved together
  });

  it('never uses break-all, which would break lines before punctuation', () => {
    const dir = new URL('../../templates/', import.meta.url);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.hbs'));
    for (const f of files) expect(readFileSync(new URL(f, dir), 'utf8'), f).not.toMatch(/break-all/);
  });

  it('shrinks a long title to fit and keeps a short one at full size', async () => {
    const input = await sampleJob('xihu/wed-relocation-funds', 'xihu');
    const a = await render({ template: 'knowledge-card', width: 1080, height: 1440, context: cardContext(input, '拆迁款') });
    const b = await render({ template: 'knowledge-card', width: 1080, height: 1440, context: cardContext(input, '拆迁款到手以后先留足生活备用金再按用钱时间分开打理别慌') });
    expect(a.fitted.title).toBe(76);
    expect(b.fitted.title).toBeLessThan(76);
    expect(b.fitted.title).toBeGreaterThanOrEqual(52);
    expect(b.overflows).toEqual([]);
  });

  it('cuts a text that overflows its box even at the smallest size at the box’s edge, and leaves a fitting one whole', async () => {
    const box = (words: string) =>
      `<div lang="zh-CN" style="display: flex; flex-direction: column; width: 400px; height: 400px; background-color: #ffffff; font-family: 'Noto Sans SC'; color: #000000;"><div style="display: flex; height: 100px;"><div data-fit="title" data-min="40" data-max="40" style="line-height: 1.25;">${words}</div></div></div>`;
    const long = await renderHtml(box('理财非存款，产品有风险，投资须谨慎。'.repeat(3)), 400, 400);
    expect(long.overflows.map((o) => o.field)).toEqual(['title']);
    expect(inkColumns(long, 0, 100).length).toBeGreaterThan(200);
    expect(inkColumns(long, 102, 400)).toEqual([]); // nothing drawn below the box
    const short = await renderHtml(box('温度银行'), 400, 400);
    expect(short.overflows).toEqual([]);
    expect(inkColumns(short, 0, 100).length).toBeGreaterThan(100);
  });

  it('encodes an opaque card without a scan, and flattens a see-through one on white', async () => {
    const card = (bg: string) => `<div lang="zh-CN" style="display: flex; width: 200px; height: 120px; background-color: ${bg}; font-family: 'Noto Sans SC'; color: #B3261E; font-size: 40px;">红字</div>`;
    const opaque = await renderHtml(card('#FFF7EE'), 200, 120);
    expect(opaque.opaque).toBe(true);
    expect(isOpaque(opaque.pixels)).toBe(true);
    const clear = await renderHtml(card('rgba(255, 247, 238, 0.5)'), 200, 120);
    expect(clear.opaque).toBeUndefined();
    const { data } = await sharp(await encode(clear, { format: 'jpeg', quality: 90 })).raw().toBuffer({ resolveWithObject: true });
    // the top-left corner: half-transparent paper over white is lighter than the paper itself
    expect(data[0]).toBeGreaterThanOrEqual(254);
    expect(data[2]).toBeGreaterThan(238);
  });

  it('refuses images that are not named assets', async () => {
    await expect(renderHtml(text('<img src="https://example.com/a.png" />', 100), 100, 100)).rejects.toThrow(/only named assets/);
  });
});

describe('findings from rendering', () => {
  it('reports an over-long title as text-overflow naming the brief and field, without crashing', async () => {
    const input = await sampleJob('xihu/wed-relocation-funds', 'xihu', { title: '拆迁款'.repeat(40) });
    const result = await runJob(input.job, { ...input, warning: WARNING });
    expect(result.failure).toBeUndefined();
    const overflow = result.findings.find((f) => f.ruleId === 'text-overflow');
    expect(overflow).toMatchObject({ file: 'content/weeks/2026-W48/xihu/wed-relocation-funds.md', field: 'title', severity: 'error' });
    expect(result.files).toHaveLength(1);
  });

  it('reports a character outside the fonts as missing-glyph, naming it and pointing at it', async () => {
    const input = await sampleJob('xihu/wed-relocation-funds', 'xihu', { title: '吉祥如意𠮷' });
    const result = await runJob(input.job, { ...input, warning: WARNING });
    const missing = result.findings.filter((f) => f.ruleId === 'missing-glyph');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toContain('`𠮷` (U+20BB7)');
    expect(missing[0]!.field).toBe('title');
  });
});
