// Photo and event kinds: photo-moments, nine-grid, poster, invitation. Renders the sample week's
// briefs, compares each kind with a perceptual snapshot (270 px wide), and checks what a snapshot
// cannot: sizes, stripped metadata, orientation, blurred regions, the QR code's modules, the safe zone.
//
//   UPDATE_SNAPSHOTS=1 npx vitest run test/render/photo-and-event.test.ts   # write new snapshots
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import QRCode from 'qrcode';
import sharp, { type Sharp } from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../pipeline/load/content.ts';
import type { Branch, Content, Job } from '../../pipeline/model.ts';
import { plan } from '../../pipeline/plan/plan.ts';
import type { DrawnNode } from '../../pipeline/render/engine.ts';
import { renderJob, type PrepareInput, type RenderedJob } from '../../pipeline/render/job.ts';
import { drawMascot } from '../../pipeline/render/kinds/mascot-asset.ts';
import { CARD_INSET } from '../../pipeline/render/kinds/nine-grid.ts';
import { coverCrop, PHOTO_PIXEL_LIMIT, preparePhoto } from '../../pipeline/render/kinds/photo.ts';
import { PHOTO_ANCHOR, PHOTO_FRAME } from '../../pipeline/render/kinds/photo-moments.ts';
import { preparePoster } from '../../pipeline/render/kinds/poster.ts';
import { qrImage, qrSvg } from '../../pipeline/render/kinds/qr.ts';
import { CONTENT_DIR, sampleTree } from '../helpers/content.ts';
import { expectMatchesSnapshot, toRaw } from '../helpers/snapshot.ts';

const SNAPSHOT_DIR = fileURLToPath(new URL('./__snapshots__/photo-and-event/', import.meta.url));
const SNAPSHOT_WIDTH = 270;
/** pixelmatch's per-pixel colour threshold (0…1, smaller is stricter) */
const PIXEL_THRESHOLD = 0.1;
/** a snapshot fails when more than this share of its pixels differ */
const MAX_DIFF_RATIO = 0.01;
const BRANCHES = ['xihu', 'jinjiang', 'tianhe'] as const;

let content: Content;
let jobs: Job[];

beforeAll(async () => {
  content = loadContent(await sampleTree(), '2026-W48');
  jobs = plan(content);
});

const readContentFile = (rel: string) => readFile(join(CONTENT_DIR, rel));

function jobFor(briefId: string, branchId: string): { job: Job; branch: Branch } {
  const job = jobs.find((j) => j.brief.id === briefId && j.branch === branchId);
  if (!job) throw new Error(`no job for ${briefId} at ${branchId}; load problems: ${content.problems.map((p) => p.message).join('; ')}`);
  return { job, branch: content.branches.find((b) => b.id === branchId)! };
}

function inputFor(briefId: string, branchId: string, fields: Record<string, unknown> = {}): PrepareInput & { warning: string } {
  const { job, branch } = jobFor(briefId, branchId);
  const edited: Job = { ...job, brief: { ...job.brief, fields: { ...job.brief.fields, ...fields } } };
  return { job: edited, branch, bank: content.bank, warning: '', readContentFile };
}

const cache = new Map<string, Promise<RenderedJob>>();
/** Each sample brief is rendered once per file and shared by the tests that look at it. */
function rendered(briefId: string, branchId: string): Promise<RenderedJob> {
  const key = `${briefId}@${branchId}`;
  if (!cache.has(key)) cache.set(key, renderJob(inputFor(briefId, branchId)));
  return cache.get(key)!;
}

async function rgba(image: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(image).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Compares an image, downscaled to 270 px wide, with its committed snapshot. */
async function expectSnapshot(name: string, image: Buffer): Promise<void> {
  await expectMatchesSnapshot(name, await toRaw(image, SNAPSHOT_WIDTH), { dir: SNAPSHOT_DIR, maxRatio: MAX_DIFF_RATIO, threshold: PIXEL_THRESHOLD });
}

/** Detail in a rectangle: the mean absolute luma step between neighbouring pixels. */
function detail(img: { data: Buffer; width: number }, x0: number, y0: number, w: number, h: number): number {
  const luma = (x: number, y: number) => {
    const i = (y * img.width + x) * 4;
    return 0.299 * img.data[i]! + 0.587 * img.data[i + 1]! + 0.114 * img.data[i + 2]!;
  };
  let sum = 0;
  for (let y = y0; y < y0 + h - 1; y++) {
    for (let x = x0; x < x0 + w - 1; x++) sum += Math.abs(luma(x + 1, y) - luma(x, y)) + Math.abs(luma(x, y + 1) - luma(x, y));
  }
  return sum / ((w - 1) * (h - 1));
}

/** Mean and standard deviation of luma over a rectangle of RGBA pixels. */
function lumaStats(img: { data: Buffer; width: number }, x0: number, y0: number, w: number, h: number): { mean: number; sd: number } {
  let sum = 0;
  let sq = 0;
  for (let y = y0; y < y0 + h; y++) {
    for (let x = x0; x < x0 + w; x++) {
      const i = (y * img.width + x) * 4;
      const l = 0.299 * img.data[i]! + 0.587 * img.data[i + 1]! + 0.114 * img.data[i + 2]!;
      sum += l;
      sq += l * l;
    }
  }
  const n = w * h;
  const mean = sum / n;
  return { mean, sd: Math.sqrt(Math.max(0, sq / n - mean * mean)) };
}

function nodeBy(nodes: DrawnNode[], pred: (n: DrawnNode) => boolean, what: string): DrawnNode {
  const node = nodes.find(pred);
  if (!node) throw new Error(`no ${what} node drawn`);
  return node;
}

/** WeChat shows several images as centre-cropped squares: the square of a 1080-wide canvas. */
function expectInSafeSquare(node: DrawnNode, canvas: { width: number; height: number }, what: string) {
  const top = (canvas.height - canvas.width) / 2;
  expect(node.top, `${what} top`).toBeGreaterThanOrEqual(top);
  expect(node.top + node.height, `${what} bottom`).toBeLessThanOrEqual(top + canvas.width);
  expect(node.left, `${what} left`).toBeGreaterThanOrEqual(0);
  expect(node.left + node.width, `${what} right`).toBeLessThanOrEqual(canvas.width);
}

describe('photo-moments', () => {
  it.each(BRANCHES)('renders %s as one 1080×1440 JPEG without overflow, like its snapshot', async (branch) => {
    const r = await rendered(`${branch}/mon-morning-meeting`, branch);
    expect(r.files.map((f) => [f.width, f.height, f.format])).toEqual([[1080, 1440, 'jpeg']]);
    const meta = await sharp(r.files[0]!.data).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1080, 1440]);
    expect(r.overflows).toEqual([]);
    await expectSnapshot(`photo-moments-${branch}`, r.files[0]!.data);
  });

  it('strips EXIF and GPS: the source photo has them, the output has none', async () => {
    const source = await sharp(await readContentFile('photos/jinjiang/morning-meeting.jpg')).metadata();
    expect(source.exif, 'the sample photo should carry EXIF for this test to mean anything').toBeDefined();
    const r = await rendered('jinjiang/mon-morning-meeting', 'jinjiang');
    const meta = await sharp(r.files[0]!.data).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    // nor does the photo asset handed to the template
    const photo = await preparePhoto(await readContentFile('photos/jinjiang/morning-meeting.jpg'), { ...PHOTO_FRAME });
    const assetMeta = await sharp(photo.data).metadata();
    expect(assetMeta.exif).toBeUndefined();
    expect(photo.data.includes(Buffer.from('GPS'))).toBe(false);
  });

  it('turns the jinjiang photo upright from its EXIF orientation', async () => {
    const file = await readContentFile('photos/jinjiang/morning-meeting.jpg');
    const stored = await sharp(file).metadata();
    // stored sideways (portrait pixels, Orientation 8); upright it is a landscape photo
    expect([stored.width, stored.height, stored.orientation]).toEqual([1200, 1600, 8]);
    const photo = await preparePhoto(file, { ...PHOTO_FRAME });
    expect(photo.original).toEqual({ width: 1600, height: 1200 });

    // the drawn photo matches the upright original, not the stored pixels
    const crop = coverCrop(photo.original, PHOTO_FRAME, PHOTO_ANCHOR);
    const reference = async (pipeline: Sharp) =>
      rgba(
        await pipeline
          .extract({ left: crop.left, top: crop.top, width: crop.width, height: crop.height })
          .resize(PHOTO_FRAME.width, PHOTO_FRAME.height)
          .png()
          .toBuffer(),
      );
    const upright = await reference(sharp(await sharp(file).rotate().toBuffer()));
    // the same pixels with the orientation ignored, turned the wrong way to get the same shape
    const wrong = await reference(sharp(await sharp(file).rotate(90).toBuffer()));
    const out = await rgba((await rendered('jinjiang/mon-morning-meeting', 'jinjiang')).files[0]!.data);
    // compare a band of the photo clear of the date chip, its shade and the title card
    const meanDiff = (ref: { data: Buffer; width: number }) => {
      let d = 0;
      let n = 0;
      for (let y = 240; y < 780; y += 3) {
        for (let x = 0; x < 1080; x += 3) {
          const i = (y * out.width + x) * 4;
          const j = (y * ref.width + x) * 4;
          d += Math.abs(out.data[i]! - ref.data[j]!) + Math.abs(out.data[i + 1]! - ref.data[j + 1]!) + Math.abs(out.data[i + 2]! - ref.data[j + 2]!);
          n += 3;
        }
      }
      return d / n;
    };
    const blurredArea = 0.02; // the blur region is a small share of the band
    expect(meanDiff(upright)).toBeLessThan(6 + 255 * blurredArea);
    expect(meanDiff(wrong)).toBeGreaterThan(3 * meanDiff(upright));
  });

  it('blurs exactly the brief’s region (given in upright photo pixels) before cropping', async () => {
    const blurredJob = await rendered('jinjiang/mon-morning-meeting', 'jinjiang');
    const clear = await renderJob(inputFor('jinjiang/mon-morning-meeting', 'jinjiang', { blur: [] }));
    const region = jobFor('jinjiang/mon-morning-meeting', 'jinjiang').job.brief.fields.blur![0]!;
    const crop = coverCrop({ width: 1600, height: 1200 }, PHOTO_FRAME, PHOTO_ANCHOR);
    // the region in output pixels, inset so resampling at its edges does not count
    const x = Math.ceil((region.x - crop.left) * crop.scale) + 4;
    const y = Math.ceil((region.y - crop.top) * crop.scale) + 4;
    const w = Math.floor(region.width * crop.scale) - 8;
    const h = Math.floor(region.height * crop.scale) - 8;
    expect(y + h).toBeLessThan(PHOTO_FRAME.height - 96);
    const a = await rgba(blurredJob.files[0]!.data);
    const b = await rgba(clear.files[0]!.data);
    const blurred = lumaStats(a, x, y, w, h);
    const sharpStats = lumaStats(b, x, y, w, h);
    expect(sharpStats.sd, 'the unblurred region should hold detail (a face)').toBeGreaterThan(20);
    // the face becomes soft patches of colour: far less variance…
    expect(blurred.sd).toBeLessThan(sharpStats.sd * 0.6);
    // no edges left: neighbouring pixels differ by a fraction of what they did
    expect(detail(a, x, y, w, h)).toBeLessThan(detail(b, x, y, w, h) * 0.2);
    // and nothing far from the region changed
    const away = lumaStats(a, 40, 300, 300, 300);
    const awayClear = lumaStats(b, 40, 300, 300, 300);
    expect(Math.abs(away.mean - awayClear.mean)).toBeLessThan(1);
    expect(Math.abs(away.sd - awayClear.sd)).toBeLessThan(1);
  });

  it('refuses a blur region that misses the upright photo instead of publishing unblurred', async () => {
    const file = await readContentFile('photos/jinjiang/morning-meeting.jpg');
    // y 1300 exists only in the sideways stored pixels (1200×1600), not in the upright 1600×1200 photo
    await expect(preparePhoto(file, { ...PHOTO_FRAME, blur: [{ x: 100, y: 1300, width: 100, height: 100 }], name: 'photos/jinjiang/morning-meeting.jpg' })).rejects.toThrow(
      /blur region \{x: 100, y: 1300, width: 100, height: 100\} lies outside the photo, which is 1600×1200 upright/,
    );
    // a region running over the edge is clamped to it
    const edge = await preparePhoto(file, { ...PHOTO_FRAME, blur: [{ x: 1500, y: 1100, width: 300, height: 300 }] });
    expect(edge.blurred).toEqual([{ x: 1500, y: 1100, width: 100, height: 100 }]);
  });

  it('keeps the headline inside the centred square (y 180–1260)', async () => {
    for (const branch of BRANCHES) {
      const { rendered: r } = (await rendered(`${branch}/mon-morning-meeting`, branch)).renders[0]!;
      expectInSafeSquare(nodeBy(r.nodes, (n) => n.role === 'headline', 'headline'), r, `${branch} headline`);
    }
  });

  it('refuses a photo above the pixel limit before decoding it', async () => {
    const huge = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="9000" height="9000"><rect width="10" height="10"/></svg>');
    expect(9000 * 9000).toBeGreaterThan(PHOTO_PIXEL_LIMIT);
    await expect(preparePhoto(huge, { width: 100, height: 100, name: 'photos/huge.svg' })).rejects.toThrow(/photos\/huge\.svg: 9000×9000 is more than 50 MP/);
  });
});

describe('nine-grid', () => {
  it('cuts one composition into nine 1080×1080 tiles in posting order, like its snapshot', async () => {
    const r = await rendered('xihu/sat-weekend-walk', 'xihu');
    expect(r.files.map((f) => f.name)).toEqual(['tile-1', 'tile-2', 'tile-3', 'tile-4', 'tile-5', 'tile-6', 'tile-7', 'tile-8', 'tile-9']);
    for (const f of r.files) {
      const meta = await sharp(f.data).metadata();
      expect([f.width, f.height, meta.width, meta.height, meta.format], f.name).toEqual([1080, 1080, 1080, 1080, 'jpeg']);
    }
    expect(r.overflows).toEqual([]);
    // the snapshot is the nine tiles put back together: it shows how they read as one grid
    const whole = await sharp({ create: { width: 3240, height: 3240, channels: 3, background: '#ffffff' } })
      .composite(r.files.map((f, i) => ({ input: f.data, left: (i % 3) * 1080, top: Math.floor(i / 3) * 1080 })))
      .png()
      .toBuffer();
    await expectSnapshot('nine-grid-xihu', whole);
  });

  it('puts the title and the persona on the centre tile and a captioned photo on each other tile', async () => {
    const { rendered: r } = (await rendered('xihu/sat-weekend-walk', 'xihu')).renders[0]!;
    const { job } = jobFor('xihu/sat-weekend-walk', 'xihu');
    const inTile = (n: DrawnNode) => Math.floor((n.top + n.height / 2) / 1080) * 3 + Math.floor((n.left + n.width / 2) / 1080);
    const headline = nodeBy(r.nodes, (n) => n.role === 'headline', 'headline');
    expect(inTile(headline)).toBe(4);
    expect(inTile(nodeBy(r.nodes, (n) => n.field === 'persona.name', 'persona name'))).toBe(4);
    const photos = r.nodes.filter((n) => n.role === 'photo');
    expect(photos.map(inTile)).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
    for (let i = 0; i < 9; i++) {
      const caption = nodeBy(r.nodes, (n) => n.field === `tiles.${i}`, `caption ${i}`);
      expect(caption.text).toBe(job.brief.fields.tiles![i]);
      expect(inTile(caption)).toBe(i);
    }
  });

  it('still draws nine tiles for a brief without photos or captions', async () => {
    const r = await renderJob(inputFor('xihu/sat-weekend-walk', 'xihu', { photos: undefined, tiles: undefined }));
    expect(r.files).toHaveLength(9);
    expect(r.overflows).toEqual([]);
    expect(r.renders[0]!.rendered.nodes.filter((n) => n.role === 'photo')).toEqual([]);
  });

  it('keeps every card clear of the cut lines', async () => {
    const { rendered: r } = (await rendered('xihu/sat-weekend-walk', 'xihu')).renders[0]!;
    // laid-out boxes (before their slight tilt) stay CARD_INSET from every tile edge
    const cards = r.nodes.filter((n) => n.role === 'card');
    expect(cards).toHaveLength(9);
    for (const card of cards) {
      expect([card.width, card.height]).toEqual([1080 - 2 * CARD_INSET, 1080 - 2 * CARD_INSET]);
      const col = Math.floor(card.left / 1080);
      const row = Math.floor(card.top / 1080);
      expect(card.left - col * 1080).toBeCloseTo(CARD_INSET, 0);
      expect(card.top - row * 1080).toBeCloseTo(CARD_INSET, 0);
    }
    // and in pixels: along each inner cut line, a band of 48 px either side is plain paper
    const paper = content.branches.find((b) => b.id === 'xihu')!.colors.paper;
    const [pr, pg, pb] = [1, 3, 5].map((i) => Number.parseInt(paper.slice(i, i + 2), 16)) as [number, number, number];
    const px = r.pixels;
    let off = 0;
    let total = 0;
    const check = (x: number, y: number) => {
      const i = (y * 3240 + x) * 4;
      total++;
      if (Math.abs(px[i]! - pr) + Math.abs(px[i + 1]! - pg) + Math.abs(px[i + 2]! - pb) > 24) off++;
    };
    for (const cut of [1080, 2160]) {
      for (let along = 100; along < 3140; along += 4) {
        for (let d = -48; d <= 48; d += 8) {
          check(cut + d, along); // vertical cut line
          check(along, cut + d); // horizontal cut line
        }
      }
    }
    expect(off / total).toBeLessThan(0.005);
  });
});

describe('poster', () => {
  it.each(BRANCHES)('renders for %s as one 1080×1920 JPEG without overflow, like its snapshot', async (branch) => {
    const r = await rendered('_all/tue-poster-finance-101', branch);
    expect(r.files.map((f) => [f.width, f.height, f.format])).toEqual([[1080, 1920, 'jpeg']]);
    expect(r.overflows).toEqual([]);
    await expectSnapshot(`poster-${branch}`, r.files[0]!.data);
  });

  it('keeps the headline and 小U inside the centred square (y 420–1500)', async () => {
    for (const branch of BRANCHES) {
      const { rendered: r } = (await rendered('_all/tue-poster-finance-101', branch)).renders[0]!;
      expectInSafeSquare(nodeBy(r.nodes, (n) => n.role === 'headline', 'headline'), r, `${branch} headline`);
      expectInSafeSquare(nodeBy(r.nodes, (n) => n.role === 'mascot', 'mascot'), r, `${branch} mascot`);
    }
  });

  it('letters the sign in the project font on the board', async () => {
    const { rendered: r } = (await rendered('_all/tue-poster-finance-101', 'xihu')).renders[0]!;
    const { job } = jobFor('_all/tue-poster-finance-101', 'xihu');
    const sign = nodeBy(r.nodes, (n) => n.field === 'mascot.sign', 'sign lettering');
    const mascot = nodeBy(r.nodes, (n) => n.role === 'mascot', 'mascot');
    expect(sign.text).toBe(job.brief.fields.mascot!.sign);
    expect(sign.left).toBeGreaterThan(mascot.left);
    expect(sign.top).toBeGreaterThan(mascot.top + mascot.height / 2);
    expect(sign.left + sign.width).toBeLessThan(mascot.left + mascot.width);
    expect(sign.top + sign.height).toBeLessThan(mascot.top + mascot.height);
    expect(r.fitted['title']).toBeGreaterThanOrEqual(96);
  });

  it('draws a QR code of exactly the brief’s link: at least 240 px, black on white, every module where the encoder put it', async () => {
    const input = inputFor('_all/tue-poster-finance-101', 'xihu');
    const link = input.job.brief.fields.link!;
    const prepared = await preparePoster(input);
    // drawn from the encoder's SVG, as a PNG at the size the poster draws it (modules on whole pixels)
    const { svg, uri } = await qrImage(link);
    expect(prepared.assets!['qr']).toBe(uri);
    expect(uri).toMatch(/^data:image\/png;base64,/);
    expect(svg).toBe(await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }));
    expect(svg).toBe(await qrSvg(link));
    expect(svg).not.toBe(await qrSvg(`${link}x`));

    const { rendered: r } = (await rendered('_all/tue-poster-finance-101', 'xihu')).renders[0]!;
    const qr = nodeBy(r.nodes, (n) => n.role === 'qr', 'QR code');
    expect(qr.width).toBeGreaterThanOrEqual(240);
    expect(qr.height).toBe(qr.width);
    expect(nodeBy(r.nodes, (n) => n.field === 'qr.label', '扫码报名').text).toBe('扫码报名');

    // read the drawn modules back and compare them with the encoder's matrix (a decoder's first step)
    const code = QRCode.create(link, { errorCorrectionLevel: 'M' });
    const n = code.modules.size;
    const quiet = 1;
    const cell = qr.width / (n + 2 * quiet);
    expect(Number.isInteger(cell), 'modules fall on whole pixels').toBe(true);
    let wrong = 0;
    for (let row = -quiet; row < n + quiet; row++) {
      for (let col = -quiet; col < n + quiet; col++) {
        const x = Math.round(qr.left + (col + quiet + 0.5) * cell);
        const y = Math.round(qr.top + (row + quiet + 0.5) * cell);
        const i = (y * r.width + x) * 4;
        const luma = 0.299 * r.pixels[i]! + 0.587 * r.pixels[i + 1]! + 0.114 * r.pixels[i + 2]!;
        const dark = row >= 0 && col >= 0 && row < n && col < n && code.modules.get(row, col) === 1;
        if (dark ? luma > 40 : luma < 215) wrong++;
      }
    }
    expect(wrong).toBe(0);
  });
});

describe('invitation', () => {
  it.each(BRANCHES)('renders for %s as one 1080×1920 JPEG without overflow, like its snapshot', async (branch) => {
    const r = await rendered('_all/wed-invitation-tea-party', branch);
    expect(r.files.map((f) => [f.width, f.height, f.format])).toEqual([[1080, 1920, 'jpeg']]);
    expect(r.overflows).toEqual([]);
    await expectSnapshot(`invitation-${branch}`, r.files[0]!.data);
  });

  it('keeps the event name and 小U inside the centred square (y 420–1500)', async () => {
    for (const branch of BRANCHES) {
      const { rendered: r } = (await rendered('_all/wed-invitation-tea-party', branch)).renders[0]!;
      expectInSafeSquare(nodeBy(r.nodes, (n) => n.role === 'headline', 'headline'), r, `${branch} headline`);
      expectInSafeSquare(nodeBy(r.nodes, (n) => n.role === 'mascot', 'mascot'), r, `${branch} mascot`);
    }
  });

  it('writes the date the Chinese way and shows the place, the branch address and phone', async () => {
    for (const branch of BRANCHES) {
      const { rendered: r } = (await rendered('_all/wed-invitation-tea-party', branch)).renders[0]!;
      const b = jobFor('_all/wed-invitation-tea-party', branch).branch;
      const text = (field: string) => nodeBy(r.nodes, (n) => n.field === field, field).text;
      expect(text('event.when')).toBe('11月28日 周六 14:30');
      expect(text('event.place')).toBe('本支行三楼客户活动室');
      expect(text('branch.contact.address')).toContain(b.contact.address);
      expect(text('branch.contact.address')).toContain(b.name);
      expect(text('branch.contact.phone')).toBe(b.contact.phone);
      const h = nodeBy(r.nodes, (n) => n.role === 'headline', 'headline');
      const inHeadline = r.nodes.filter((n) => n.text && n.top >= h.top && n.top + n.height <= h.top + h.height + 1 && n.left >= h.left - 1 && n.left + n.width <= h.left + h.width + 1);
      expect(inHeadline.map((n) => n.text).join('')).toBe('冬日暖心茶话会防诈骗小课堂');
    }
  });
});

describe('mascot asset', () => {
  it('fails loudly on a pose or expression the mascot does not have', () => {
    expect(() => drawMascot({ pose: 'dance' }, 400, { pose: 'wave' }, 'content/weeks/x.md')).toThrow(
      /^content\/weeks\/x\.md: unknown mascot pose "dance"; known poses: .*sign.*coffee/,
    );
    expect(() => drawMascot({ pose: 'coffee', expression: 'angry' }, 400, { pose: 'wave' })).toThrow(/unknown mascot expression "angry"/);
  });

  it('scales the sign box from the 512 viewBox to the drawn size', () => {
    const { context } = drawMascot({ pose: 'sign', sign: '理财小白入门指南' }, 1024, { pose: 'sign' });
    expect(context.sign).toMatchObject({ text: '理财小白入门指南', left: 304, top: 680, width: 416, height: 164 });
    expect(drawMascot({ pose: 'coffee' }, 400, { pose: 'sign' }).context.sign).toBeNull();
  });
});
