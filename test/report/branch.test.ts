// The branch page for a phone, from a real build of the sample week's 西湖 branch, in headless
// Chromium at 390 px (opened from file:// as a shared folder or WeChat's browser would load it).
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli/main.ts';
import type { BranchPageData } from '../../pipeline/report/model.ts';
import { momentsHtml, MOMENTS_CSS, MOMENTS_SCRIPT, singleSize } from '../../pipeline/report/moments.ts';
import { pageHead } from '../../pipeline/report/htmlkit.ts';
import { CONTENT_DIR } from '../helpers/content.ts';
import { launchBrowser, loadAllImages, SCREENSHOTS, type Browser, type WatchedPage } from '../helpers/browser.ts';

declare const document: any;
declare const navigator: any;
declare const getComputedStyle: any;

let dir = '';
let browser: Browser;
let phone: WatchedPage;
let data: BranchPageData;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wendu-branch-'));
  await cp(CONTENT_DIR, join(dir, 'content'), { recursive: true });
  const io = { stdout: () => {}, stderr: () => {}, cwd: dir, tty: false };
  expect(await main(['build', '--week', '2026-W48', '--branch', 'xihu'], io)).toBe(0);
  data = JSON.parse(await readFile(join(dir, 'out/2026-W48/public/xihu/posts.json'), 'utf8'));
  browser = await launchBrowser();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  phone = await browser.page({ width: 390, height: 844 });
  await phone.page.goto(pathToFileURL(join(dir, 'out/2026-W48/public/xihu/index.html')).href);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the branch page on a 390 px phone', () => {
  it('lists the posts in posting order with date, time and audience', async () => {
    const { page } = phone;
    const orders = await page.$$eval('article.post', (els: any[]) => els.map((e) => Number(e.getAttribute('data-order'))));
    expect(orders.length).toBeGreaterThan(5);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    const meeting = data.posts.find((p) => p.brief === 'xihu/mon-morning-meeting')!;
    const card = page.locator(`#post-${meeting.order}`);
    expect(await card.locator('.when').textContent()).toContain('11月23日 周一 08:30');
    expect(await card.locator('.aud').textContent()).toBe('可见范围社区客群白发客群');
    const eggs = data.posts.find((p) => p.brief === 'xihu/tue-eggs-and-baskets')!;
    expect(await page.locator(`#post-${eggs.order} .aud`).textContent()).toContain('全部客户');
  });

  it('copies exactly the caption with 复制文案', async () => {
    const { page } = phone;
    const buttons = page.locator('article.post button.copy');
    const n = await buttons.count();
    const posts = data.posts.filter((p) => p.mode !== 'stickers');
    expect(n).toBe(posts.length);
    for (let i = 0; i < n; i++) {
      await buttons.nth(i).click();
      await page.waitForFunction((k: number) => document.querySelectorAll('article.post button.copy')[k].textContent === '已复制', i);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(posts[i]!.caption);
      expect(copied).toMatch(/\n/); // line breaks kept as the caption has them
    }
  });

  it('copies the caption without the Clipboard API too (older in-app browsers)', async () => {
    const w = await browser.page({ width: 390, height: 844 });
    await w.page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    await w.page.goto(pathToFileURL(join(dir, 'out/2026-W48/public/xihu/index.html')).href);
    const post = data.posts.find((p) => p.mode === 'pick-one')!;
    const button = w.page.locator(`#post-${post.order} button.copy`);
    await phone.page.evaluate(() => navigator.clipboard.writeText('（旧内容）'));
    await button.click();
    expect(await button.textContent()).toBe('已复制');
    expect(await phone.page.evaluate(() => navigator.clipboard.readText())).toBe(post.caption);
    await w.page.close();
  });

  it('shows no post with more than 9 images, offers the two sizes of one card 二选一, and the stickers to save', async () => {
    const { page } = phone;
    const counts = await page.$$eval('article.post', (els: any[]) => els.map((e) => [e.querySelectorAll('.full img, .opts img').length, e.querySelectorAll('.mo-imgs img').length]));
    for (const [full, feed] of counts) {
      expect(full).toBeLessThanOrEqual(9);
      expect(feed).toBeLessThanOrEqual(9);
    }
    const grid = data.posts.find((p) => p.kind === 'nine-grid')!;
    expect(await page.locator(`#post-${grid.order} .full img`).count()).toBe(9);
    const pick = data.posts.find((p) => p.mode === 'pick-one')!;
    expect(await page.locator(`#post-${pick.order} .pick`).textContent()).toMatch(/二选一.*只发其中一张.*方图 1:1.*或 竖图 3:4/);
    expect(await page.locator(`#post-${pick.order} .mo-imgs img`).count()).toBe(1);
    const stickers = data.posts.find((p) => p.mode === 'stickers')!;
    // more files than a post could carry: 9 stickers, their animations and thumbnails
    expect(stickers.stickers!.flatMap((s) => [s.still, ...s.animated]).length).toBeGreaterThan(9);
    expect(await page.locator('article.post[data-mode="stickers"]').count()).toBe(0);
    expect(await page.locator('section.stickers h2').textContent()).toContain('不发朋友圈');
    expect(await page.locator('section.stickers .st img').count()).toBe(stickers.stickers!.length);
  });

  it('notes how to use it in WeChat, and keeps the zip as the second way', async () => {
    const { page } = phone;
    expect(await page.textContent('#wechat-note')).toMatch(/长按图片.*保存图片.*复制文案/);
    const zip = page.locator('.foot a[download]');
    expect(await zip.getAttribute('href')).toBe('../bundles/xihu.zip');
    expect(await page.textContent('.foot')).toContain('微信内置浏览器无法下载 ZIP');
    expect(await page.content()).not.toMatch(/certutil|shasum/);
  });

  it('loads every image, never scrolls sideways and logs no errors or network', async () => {
    const { page, errors, network } = phone;
    const imgs = await loadAllImages(page);
    for (const img of imgs) expect(img.naturalWidth, img.src).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.evaluate(() => document.scrollingElement.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, 'branch-phone.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(network).toEqual([]);
  });
});

describe('the Moments preview', () => {
  it('folds a caption after 6 lines behind 全文 and unfolds it', async () => {
    const { page } = phone;
    const long = data.posts.find((p) => p.mode !== 'stickers' && p.caption.split('\n').length > 6)!;
    const card = page.locator(`#post-${long.order}`);
    const text = card.locator('.mo-text');
    const lineHeight = await text.evaluate((e: any) => parseFloat(getComputedStyle(e).lineHeight));
    expect((await text.boundingBox())!.height).toBeLessThanOrEqual(lineHeight * 6 + 1);
    await card.locator('.mo-more').click();
    expect(await card.locator('.mo-more').textContent()).toBe('收起');
    expect((await text.boundingBox())!.height).toBeGreaterThan(lineHeight * 6 + 1);
  });

  it('lays 2–9 images out as centre-cropped squares three to a row, and one image whole', async () => {
    const { page } = phone;
    const grid = data.posts.find((p) => p.kind === 'nine-grid')!;
    const boxes = await page.$$eval(`#post-${grid.order} .mo-imgs img`, (els: any[]) =>
      els.map((e) => ({ ...JSON.parse(JSON.stringify(e.getBoundingClientRect())), fit: getComputedStyle(e).objectFit })),
    );
    expect(boxes).toHaveLength(9);
    for (const b of boxes) {
      expect(Math.abs(b.width - b.height)).toBeLessThan(1);
      expect(b.fit).toBe('cover');
    }
    expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBe(3);
    const meeting = data.posts.find((p) => p.brief === 'xihu/mon-morning-meeting')!;
    const one = await page.locator(`#post-${meeting.order} .mo-imgs img`).boundingBox();
    expect(one!.height / one!.width).toBeCloseTo(1440 / 1080, 1);
  });

  it('crops a 3:4 image to its centre square in a multi-image post, as WeChat does', async () => {
    // a 3:4 test card: red top band, green centre, blue bottom band — the square shows only green
    const tall = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#00a000' } })
      .composite([
        { input: await sharp({ create: { width: 300, height: 50, channels: 3, background: '#ff0000' } }).png().toBuffer(), top: 0, left: 0 },
        { input: await sharp({ create: { width: 300, height: 50, channels: 3, background: '#0000ff' } }).png().toBuffer(), top: 350, left: 0 },
      ])
      .png()
      .toBuffer();
    const d = join(dir, 'mo');
    await mkdir(d, { recursive: true });
    await writeFile(join(d, 'tall.png'), tall);
    const html = `${pageHead('预览', MOMENTS_CSS, MOMENTS_SCRIPT)}<body>${momentsHtml({
      name: '周建国',
      caption: '一\n二\n三\n四\n五\n六\n理财非存款、产品有风险、投资须谨慎',
      images: [1, 2].map((i) => ({ src: 'tall.png', width: 300, height: 400, alt: `图 ${i}` })),
      when: '周三 10:00',
    })}<script>${MOMENTS_SCRIPT}</script></body></html>`;
    await writeFile(join(d, 'index.html'), html);
    const p = await browser.page({ width: 390, height: 844 });
    await p.page.goto(pathToFileURL(join(d, 'index.html')).href);
    await loadAllImages(p.page);
    const shot = await p.page.locator('.mo-imgs img').first().screenshot();
    const { data: px, info } = await sharp(shot).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [...px.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    for (const [x, y] of [[2, 2], [info.width - 3, info.height - 3], [Math.floor(info.width / 2), Math.floor(info.height / 2)]]) {
      const [r, g, b] = at(x!, y!);
      expect(g, `pixel ${x},${y}`).toBeGreaterThan(120);
      expect(r! + b!, `pixel ${x},${y}`).toBeLessThan(80);
    }
    // the 7-line caption folds: the warning on line 7 is behind 全文
    expect(await p.page.locator('.mo-more').isVisible()).toBe(true);
    expect(singleSize(1080, 1440)).toEqual({ width: 150, height: 200 });
    expect(singleSize(1080, 9000)).toEqual({ width: 67, height: 200 });
  });
});

describe("the reviewers' report of the same build", () => {
  it('shows every post as Moments shows it, where the warning falls, readable images, approved assets collapsed, findings by rule, labels in Chinese', async () => {
    const w = await browser.page({ width: 1280, height: 900 });
    await w.page.goto(pathToFileURL(join(dir, 'out/2026-W48/review/index.html')).href);
    const cards = await w.page.$$eval('article.card', (els: any[]) =>
      els.map((e) => ({
        status: e.dataset.status,
        collapsed: !!e.querySelector('details.card-body:not([open])'),
        moments: e.querySelectorAll('.mo').length,
        title: e.querySelector('h2').textContent,
      })),
    );
    expect(cards.length).toBe(9);
    for (const c of cards) {
      expect(c.moments, c.title).toBe(1);
      expect(c.collapsed, c.title).toBe(c.status === 'approved');
    }
    // the relocation card is a product post: the report says where its warning is against the fold
    const reloc = w.page.locator('article.card', { hasText: '拆迁款到手，先做好这三件事' });
    await reloc.locator('details.card-body > summary').click();
    expect(await reloc.locator('.fold').textContent()).toMatch(/风险提示在文案第 \d+ 行/);
    // thumbnails link to the image at full size
    const href = await reloc.locator('a.thumb').first().getAttribute('href');
    expect(href).toMatch(/^images\/xihu\//);
    const full = await sharp(await readFile(join(dir, 'out/2026-W48/review', decodeURIComponent(href!)))).metadata();
    expect(full.width).toBe(1080);
    // field labels in Chinese
    const labels = await reloc.locator('.field').allTextContents();
    expect(labels.some((l) => l.startsWith('正文')), labels.join(' | ')).toBe(true);
    expect(labels.some((l) => l.startsWith('朋友圈配文'))).toBe(true);
    await w.page.close();
  });
});

describe('the portal of the same build', () => {
  it('leads to the branch page, keeps the zip a second way, shows per tag what clients see, and fits 390 px', async () => {
    const w = await browser.page({ width: 390, height: 844 });
    await w.page.goto(pathToFileURL(join(dir, 'out/2026-W48/public/index.html')).href);
    expect(await w.page.getAttribute('#branch-xihu a.dl.page', 'href')).toBe('xihu/index.html');
    expect(await w.page.locator('#branch-xihu a[download]').isVisible()).toBe(false);
    await w.page.click('#branch-xihu .more-dl summary');
    expect(await w.page.locator('#branch-xihu a[download]').isVisible()).toBe(true);
    const old = w.page.locator('.tag-card[data-tag="白发客群"]');
    expect(await old.textContent()).toContain('周一晨会');
    const salaried = w.page.locator('.tag-card[data-tag="代发客群"]');
    expect(await salaried.textContent()).not.toContain('周一晨会');
    expect(await salaried.textContent()).toContain('别把鸡蛋放在一个篮子里');
    // the PC checksum steps are a closed, secondary note, not the branch's instructions
    expect(await w.page.textContent('.help ol')).not.toMatch(/certutil|shasum/);
    expect(await w.page.locator('.help details.tech').evaluate((d: any) => d.open)).toBe(false);
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(w.errors).toEqual([]);
    await w.page.close();
  });
});
