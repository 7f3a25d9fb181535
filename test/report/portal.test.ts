// The branch portal in a real headless Chromium, opened from file:// as a shared folder serves it.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { humanBytes } from '../../pipeline/report/htmlkit.ts';
import type { PortalData } from '../../pipeline/report/model.ts';
import { portalHtml } from '../../pipeline/report/portal.ts';
import { launchBrowser, loadAllImages, SCREENSHOTS, type Browser, type WatchedPage } from '../helpers/browser.ts';
import { BUNDLE_BYTES, portal, writeThumbnails } from './fixtures.ts';

// browser-side globals inside page functions (the project compiles without the DOM lib)
declare const document: any;
declare const navigator: any;
declare const getComputedStyle: any;

let browser: Browser;
let dir: string;
let url: string;
let data: PortalData;
let desk: WatchedPage;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wendu-portal-'));
  await mkdir(join(dir, 'bundles'), { recursive: true });
  const sha = { xihu: '', jinjiang: '' };
  for (const id of ['xihu', 'jinjiang'] as const) {
    const bytes = randomBytes(BUNDLE_BYTES[id]);
    await writeFile(join(dir, 'bundles', `${id}.zip`), bytes);
    sha[id] = createHash('sha256').update(bytes).digest('hex');
  }
  data = portal(sha);
  await writeThumbnails(
    dir,
    data.branches.flatMap((b) => b.thumbnails),
  );
  await writeFile(join(dir, 'index.html'), portalHtml(data));
  await mkdir(SCREENSHOTS, { recursive: true });
  url = pathToFileURL(join(dir, 'index.html')).href;
  browser = await launchBrowser();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  desk = await browser.page({ width: 1280, height: 900 });
  await desk.page.goto(url);
});

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the portal (pure)', () => {
  it('shows sizes the way file managers do', () => {
    expect(humanBytes(0)).toBe('0 B');
    expect(humanBytes(1023)).toBe('1023 B');
    expect(humanBytes(1536)).toBe('1.5 KB');
    expect(humanBytes(2_516_582)).toBe('2.4 MB');
    expect(humanBytes(150 * 1024 * 1024)).toBe('150 MB');
    expect(humanBytes(1024 * 1024 - 1)).toBe('1 MB');
  });

  it('escapes data, keeps colours to hex and links to relative paths only', () => {
    const nasty = `"'><script>alert(1)</script>&`;
    const d = portal({ xihu: nasty, jinjiang: 'b'.repeat(64) });
    d.bank = nasty;
    d.range = nasty;
    d.branches[0] = { ...d.branches[0]!, name: nasty, city: nasty, colors: { primary: `red;background:url(https://evil.example/)`, accent: nasty } };
    d.branches[1] = { ...d.branches[1]!, bundle: { path: 'javascript:alert(1)', bytes: 1, sha256: 'c'.repeat(64) }, thumbnails: ['https://evil.example/a.png'] };
    const html = portalHtml(d);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('evil.example/"');
    expect(html).not.toMatch(/(href|src)="[^"]*(javascript:|evil\.example)/);
    expect(html).not.toContain('url(https://evil');
    expect(html).toContain('--brand:#b3261e');
    expect(html).toContain('素材包路径无效');
    expect(portalHtml(structuredClone(data))).toBe(portalHtml(data));
  });
});

describe('the portal in Chromium', () => {
  it('shows the bank, the week and one card per branch', async () => {
    const { page } = desk;
    expect(await page.textContent('.bank')).toContain('同心银行');
    expect(await page.textContent('.when')).toContain('2026-W48');
    expect(await page.textContent('.when')).toContain('11月23日 – 11月29日');
    const names = await page.$$eval('article.branch h2', (els: any[]) => els.map((e) => e.textContent));
    expect(names).toEqual(['同心银行杭州西湖支行', '同心银行成都锦江支行', '同心银行广州天河支行']);
    expect(await page.textContent('#branch-xihu .stats')).toMatch(/2\s*项已通过[\s\S]*1\s*项未通过[\s\S]*2\.4 MB/);
    // at most four previews, the rest counted
    expect(await page.locator('#branch-xihu .previews img').count()).toBe(4);
    expect(await page.textContent('#branch-xihu .more')).toBe('+1');
  });

  it('links each bundle to an existing file and shows its exact SHA-256', async () => {
    const { page } = desk;
    for (const b of data.branches.filter((x) => x.bundle)) {
      const link = page.locator(`#branch-${b.id} a[download]`);
      expect(await link.count()).toBe(1);
      const href = await link.evaluate((a: any) => a.href as string);
      const file = fileURLToPath(href);
      expect(existsSync(file), href).toBe(true);
      expect(statSync(file).size).toBe(b.bundle!.bytes);
      const shown = await page.textContent(`#branch-${b.id} .sha-v`);
      expect(shown).toBe(b.bundle!.sha256);
      expect(await page.textContent(`#branch-${b.id} .dl`)).toContain(humanBytes(b.bundle!.bytes));
    }
  });

  it('says so, with no link, when a branch has no bundle', async () => {
    const { page } = desk;
    expect(await page.textContent('#branch-tianhe')).toContain('本周暂无通过审核的素材');
    expect(await page.locator('#branch-tianhe a[download], #branch-tianhe .sha').count()).toBe(0);
    expect(await page.locator('#branch-tianhe img').count()).toBe(0);
  });

  it('copies the SHA-256 with one click', async () => {
    const { page } = desk;
    await page.click('#branch-jinjiang button.copy');
    await page.waitForFunction(() => document.querySelector('#branch-jinjiang button.copy').textContent === '已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(data.branches[1]!.bundle!.sha256);
  });

  it('carries each branch brand colour', async () => {
    const { page } = desk;
    const bg = await page.$eval('#branch-jinjiang .dl', (e: any) => getComputedStyle(e).backgroundColor);
    expect(bg).toBe('rgb(158, 42, 43)'); // #9E2A2B
    const city = await page.$eval('#branch-jinjiang .city', (e: any) => getComputedStyle(e, '::before').backgroundColor);
    expect(city).toBe('rgb(63, 143, 107)'); // #3F8F6B
  });

  it('loads the previews, looks right on a laptop and logs no errors', async () => {
    const { page } = desk;
    const imgs = await loadAllImages(page);
    expect(imgs).toHaveLength(4 + 3);
    for (const img of imgs) expect(img.naturalWidth, img.src).toBeGreaterThan(0);
    await page.evaluate(() => document.scrollingElement.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, 'portal-desktop.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    expect(desk.errors).toEqual([]);
    expect(desk.network).toEqual([]);
    expect(desk.dialogs).toEqual([]);
  });

  it('fits a 390 px phone without horizontal scrolling', async () => {
    const phone = await browser.page({ width: 390, height: 844 });
    await phone.page.goto(url);
    const imgs = await loadAllImages(phone.page);
    for (const img of imgs) expect(img.naturalWidth, img.src).toBeGreaterThan(0);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.page.evaluate(() => document.scrollingElement.scrollTo(0, 0));
    await phone.page.screenshot({ path: join(SCREENSHOTS, 'portal-phone.png'), fullPage: true });
    expect(phone.errors).toEqual([]);
    await phone.page.close();
  });
});
