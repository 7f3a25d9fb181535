// The reviewers' report in a real headless Chromium, opened from file:// as reviewers open it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportHtml } from '../../pipeline/report/html.ts';
import { launchBrowser, loadAllImages, SCREENSHOTS, type Browser, type WatchedPage } from '../helpers/browser.ts';
import { REPORT, reportThumbnails, SCRIPT_TEXT, TRICKY_CAPTION, TRICKY_TITLE, writeThumbnails } from './fixtures.ts';

// browser-side globals inside page functions (the project compiles without the DOM lib)
declare const document: any;
declare const location: any;
declare const window: any;

let browser: Browser;
let dir: string;
let url: string;
let desk: WatchedPage;

const ids = (pred: (a: (typeof REPORT.assets)[number]) => boolean) =>
  REPORT.assets.flatMap((a, i) => (pred(a) ? [`a${i}`] : []));

async function open(w: WatchedPage, hash = '') {
  await w.page.goto('about:blank');
  await w.page.goto(url + hash);
}

/** Approved assets are collapsed: a reviewer opens them to look. */
const expandApproved = (w: WatchedPage) => w.page.$$eval('details.card-body', (els: any[]) => els.forEach((e) => (e.open = true)));

/** ids of the cards on screen, in data order (`a0`, `a3`, …) */
const visible = (w: WatchedPage) =>
  w.page
    .$$eval('article.card', (els: any[]) => els.filter((e) => !e.hidden && e.offsetParent !== null).map((e) => e.id as string))
    .then((v) => v.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
const shownCount = (w: WatchedPage) => w.page.textContent('#shown').then(Number);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wendu-report-'));
  await mkdir(join(dir, 'report'), { recursive: true });
  await writeThumbnails(join(dir, 'report'), reportThumbnails());
  await writeFile(join(dir, 'report', 'index.html'), reportHtml(REPORT));
  await mkdir(SCREENSHOTS, { recursive: true });
  url = pathToFileURL(join(dir, 'report', 'index.html')).href;
  browser = await launchBrowser();
  desk = await browser.page({ width: 1280, height: 900 });
  await open(desk);
});

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the reviewers report (pure)', () => {
  it('is deterministic and self-contained', () => {
    const html = reportHtml(REPORT);
    expect(reportHtml(structuredClone(REPORT))).toBe(html);
    expect(html).not.toMatch(/<(link|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//i);
    expect(html.match(/<script\b/g)).toHaveLength(1);
  });

  it('escapes every data string, in text and in attributes', () => {
    const nasty = `"'><img src=x onerror=alert(9)>&amp;<script>alert(9)</script>`;
    const poisoned = structuredClone(REPORT);
    for (const a of poisoned.assets) {
      Object.assign(a, { branch: nasty, branchName: nasty, title: nasty, slot: nasty, persona: nasty, kind: nasty, file: nasty, status: a.status });
      a.thumbnails = a.thumbnails.map((t) => `${t}${nasty}`);
      for (const t of a.texts) t.text = nasty + t.text;
      for (const f of a.findings) Object.assign(f, { ruleId: nasty, message: nasty, basis: nasty, suggestion: nasty, excerpt: nasty, field: nasty, file: nasty });
    }
    poisoned.week = nasty;
    poisoned.ruleset = nasty;
    poisoned.staleWaivers = [{ brief: nasty, rule: nasty, reviewer: nasty, date: nasty, reason: nasty }];
    poisoned.problems = [{ file: nasty, line: 1, column: 1, message: nasty, ruleId: nasty }];
    const html = reportHtml(poisoned);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain(`"'>`);
    expect(html).toContain('&lt;script&gt;alert(9)&lt;/script&gt;');
  });

  it('drops thumbnails that are not plain relative paths', () => {
    const html = reportHtml({ ...REPORT, assets: [{ ...REPORT.assets[1]!, thumbnails: ['javascript:alert(1)', 'https://evil.example/x.png', '//evil.example/y.png'] }] });
    expect(html).not.toMatch(/(src|href)="[^"]*(javascript:|evil\.example)/);
    expect(html.match(/图片路径无效/g)).toHaveLength(3);
  });
});

describe('the reviewers report in Chromium', () => {
  it('shows the header: week, rule set, counts by status, branch and rule', async () => {
    const { page } = desk;
    expect(await page.textContent('h1')).toContain('2026-W48');
    expect(await page.textContent('.ruleset')).toBe('rs-7c41e9a2');
    const tiles = await page.$$eval('.tile', (els: any[]) => els.map((e) => e.textContent.replace(/\s+/g, '')));
    const count = (s: string) => REPORT.assets.filter((a) => a.status === s).length;
    expect(tiles).toEqual([`${count('approved')}已通过`, `${count('waived')}已豁免`, `${count('rejected')}未通过`]);
    const branchRows = await page.$$eval('table.mini:first-of-type tbody tr', (rows: any[]) =>
      rows.map((r) => Array.from(r.children as ArrayLike<any>).map((c) => c.textContent.trim())),
    );
    expect(branchRows).toEqual([
      ['杭州西湖支行', '1', '1', '1', '3'],
      ['成都锦江支行', '2', '0', '1', '3'],
      ['广州天河支行', '0', '0', '2', '2'],
    ]);
    const ruleText = await page.textContent('.tables table:nth-of-type(2)');
    for (const r of ['guarantee', 'pii-phone', 'superlative', 'missing-risk-warning']) expect(ruleText).toContain(r);
    expect(await page.textContent('.tables')).toContain('保本保收益承诺');
  });

  it('filters by branch, status and rule, keeps the state in the hash and counts what it shows', async () => {
    const { page } = desk;
    await open(desk);
    expect(await visible(desk)).toEqual(ids(() => true));
    expect(await shownCount(desk)).toBe(REPORT.assets.length);
    // rejected first, then waived, then approved
    const order = await page.$$eval('article.card', (els: any[]) => els.map((e) => e.dataset.status));
    expect(order).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'waived', 'approved', 'approved', 'approved']);
    expect(await page.isDisabled('#f-reset')).toBe(true);

    const label = await page.$eval('#f-branch option[value="jinjiang"]', (o: any) => o.textContent);
    expect(label).toContain('锦江');
    await page.selectOption('#f-branch', 'jinjiang');
    expect(await visible(desk)).toEqual(ids((a) => a.branch === 'jinjiang'));
    expect(await shownCount(desk)).toBe(3);
    expect(await page.evaluate(() => location.hash)).toBe('#?branch=jinjiang');
    expect(await page.$$eval('article.card:not([hidden]) .m-branch', (els: any[]) => [...new Set(els.map((e) => e.textContent))])).toEqual(['同心银行成都锦江支行']);

    await page.selectOption('#f-branch', '');
    await page.selectOption('#f-status', { label: '未通过（4）' });
    expect(await visible(desk)).toEqual(ids((a) => a.status === 'rejected'));
    expect(await page.$$eval('article.card:not([hidden]) .badge', (els: any[]) => [...new Set(els.map((e) => e.textContent.trim()))])).toEqual(['✕未通过']);

    await page.selectOption('#f-status', '');
    await page.selectOption('#f-rule', 'guarantee');
    expect(await visible(desk)).toEqual(ids((a) => a.findings.some((f) => f.ruleId === 'guarantee')));
    expect(await visible(desk)).toEqual(['a0', 'a6']);

    // combined: guarantee findings in 天河 only
    await page.selectOption('#f-branch', 'tianhe');
    expect(await visible(desk)).toEqual(['a6']);
    expect(await page.evaluate(() => location.hash)).toBe('#?branch=tianhe&rule=guarantee');

    // nothing matches: an empty state, and the reset brings everything back
    await page.selectOption('#f-rule', 'pii-phone');
    expect(await visible(desk)).toEqual([]);
    expect(await page.isVisible('#empty')).toBe(true);
    await page.click('#f-reset');
    expect(await visible(desk)).toHaveLength(REPORT.assets.length);
    expect(await page.isVisible('#empty')).toBe(false);
    expect(await page.evaluate(() => location.hash)).toBe('');
  });

  it('restores the filters from the URL hash and follows the summary links', async () => {
    const { page } = desk;
    await open(desk, '#?status=waived&branch=xihu');
    expect(await page.inputValue('#f-status')).toBe('waived');
    expect(await page.inputValue('#f-branch')).toBe('xihu');
    expect(await visible(desk)).toEqual(['a2']);

    await page.click('.tile.st-rejected');
    await page.waitForFunction(() => document.getElementById('f-status').value === 'rejected');
    expect(await page.inputValue('#f-branch')).toBe('');
    expect(await visible(desk)).toEqual(ids((a) => a.status === 'rejected'));

    // unknown values in the hash fall back to "all"
    await open(desk, '#?branch=nowhere&status=rejected');
    expect(await page.inputValue('#f-branch')).toBe('');
    expect(await visible(desk)).toEqual(ids((a) => a.status === 'rejected'));
  });

  it('highlights exactly the offending characters, each linked to its finding', async () => {
    const { page } = desk;
    await open(desk);
    for (const [ai, a] of REPORT.assets.entries()) {
      for (const [ti, t] of a.texts.entries()) {
        const marks: { text: string; findings: number[] }[] = await page.$$eval(`#a${ai} .text:nth-of-type(${ti + 1}) mark`, (els: any[]) =>
          els.map((e) => ({ text: e.textContent, findings: e.dataset.findings.split(' ').map(Number) })),
        );
        for (const h of t.highlights) {
          const covered = marks.filter((m) => m.findings.includes(h.finding)).map((m) => m.text).join('');
          expect(covered, `${a.id} ${t.field} finding ${h.finding}`).toBe(t.text.slice(h.start, h.end));
        }
        expect(marks.length > 0).toBe(t.highlights.length > 0);
      }
    }
    // 稳赚不赔 is one mark, linked to the guarantee finding
    const mark = page.locator('#a0 mark', { hasText: '稳赚不赔' });
    expect(await mark.textContent()).toBe('稳赚不赔');
    const href = await mark.evaluate((m: any) => m.closest('a').getAttribute('href'));
    expect(await page.textContent(`${href} .rule`)).toBe('guarantee');
    expect(await page.textContent(`${href} .excerpt`)).toBe('稳赚不赔');
    // the legal basis is said once for the rule's group of findings
    expect(await page.evaluate((h: string) => document.querySelector(h).closest('.rule-group').querySelector('.basis').textContent, href)).toContain('《广告法》第二十五条');

    // the overlapping 最高 / 高收益 of the 天河 poster: 高 belongs to both
    const shared = await page.$eval('#a6 mark[data-findings="0 1"]', (m: any) => m.textContent);
    expect(shared).toBe('高');

    // clicking a highlight scrolls to its finding without losing the filters
    await open(desk, '#?branch=xihu');
    await mark.click();
    await page.waitForFunction((id: string) => document.querySelector(id).classList.contains('flash'), href);
    expect(await page.evaluate(() => location.hash)).toBe('#?branch=xihu');
  });

  it('shows findings with basis, suggestion, location and the waiver decision', async () => {
    const { page } = desk;
    await open(desk);
    const guarantee = await page.textContent('#a0-f0');
    expect(guarantee).toContain('错误');
    expect(guarantee).toContain('未解决');
    expect(guarantee).toContain('content/weeks/2026-W48/xihu/wed-relocation-funds.md:8:24');
    expect(guarantee).toContain('删除保本保收益的表述');

    const waived = await page.textContent('#a2-f0');
    expect(waived).toContain('已豁免');
    expect(waived).toContain('王审核');
    expect(waived).toContain('2026-11-20');
    expect(waived).toContain('指讲座报名人数');

    const pii = await page.textContent('#a3-f0');
    expect(pii).toContain('不可豁免');
    expect(pii).toContain('138****5678');
    expect(await page.textContent('#a3 mark')).toBe('138****5678');

    // grouped by rule: one group per rule with its findings, in every card
    for (const [ai, a] of REPORT.assets.entries()) {
      const groups = await page.$$eval(`#a${ai} .rule-group`, (els: any[]) => els.map((e) => [e.dataset.rule, e.querySelectorAll('li.finding').length]));
      const want = [...new Set(a.findings.map((f) => f.ruleId))].map((r) => [r, a.findings.filter((f) => f.ruleId === r).length]);
      expect(groups, a.id).toEqual(want);
    }

    expect(await page.textContent('#stale')).toContain('李合规');
    expect(await page.textContent('#problems')).toContain('content/weeks/2026-W48/tianhe/fri-client-story.md:2:10');
    expect(await page.textContent('#problems')).toContain('unknown-persona');
  });

  it('shows scripts, ampersands and quotes from briefs literally and runs none of them', async () => {
    const { page } = desk;
    await open(desk);
    expect(await page.textContent('#a5 h2')).toBe(TRICKY_TITLE);
    expect(await page.textContent('#a5 .text:nth-of-type(1) .t')).toBe(TRICKY_CAPTION);
    expect(await page.textContent('#a5')).toContain(SCRIPT_TEXT);
    expect(await page.evaluate(() => document.scripts.length)).toBe(1);
    expect(await page.evaluate(() => document.querySelectorAll('#a5 h2 *, #a5 .t *').length)).toBe(0);
    expect(desk.dialogs).toEqual([]);
  });

  it('loads every thumbnail lazily and opens the full image on click', async () => {
    const { page } = desk;
    await open(desk);
    expect(await page.$$eval('#list img', (els: any[]) => els.every((e) => e.loading === 'lazy'))).toBe(true);
    await expandApproved(desk);
    const imgs = await loadAllImages(page);
    expect(imgs).toHaveLength(reportThumbnails().length);
    for (const img of imgs) expect(img.naturalWidth, img.src).toBeGreaterThan(0);

    await page.click('#a4 a.thumb >> nth=0');
    await page.waitForSelector('#lightbox[open]');
    await page.waitForFunction(() => document.querySelector('#lightbox img').naturalWidth > 0);
    expect(await page.getAttribute('#lightbox img', 'src')).toMatch(/%E4%B9%9D%E5%AE%AB%E6%A0%BC-1\.png$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-lightbox.png') });
    await page.keyboard.press('Escape');
    await page.waitForSelector('#lightbox:not([open])', { state: 'attached' });
  });

  it('looks right on a laptop (screenshot) with no console errors and no network', async () => {
    const { page } = desk;
    await open(desk);
    await expandApproved(desk);
    await loadAllImages(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, 'report-desktop.png'), fullPage: true });
    await open(desk, '#?status=rejected');
    await expandApproved(desk);
    await loadAllImages(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-desktop-rejected.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    expect(desk.errors).toEqual([]);
    expect(desk.network).toEqual([]);
    expect(desk.dialogs).toEqual([]);
  });

  it('fits a 390 px phone without horizontal scrolling', async () => {
    const phone = await browser.page({ width: 390, height: 844 });
    await open(phone);
    await expandApproved(phone);
    await loadAllImages(phone.page);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.page.evaluate(() => window.scrollTo(0, 0));
    await phone.page.screenshot({ path: join(SCREENSHOTS, 'report-phone.png'), fullPage: true });
    await phone.page.selectOption('#f-branch', 'jinjiang');
    expect(await visible(phone)).toEqual(ids((a) => a.branch === 'jinjiang'));
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(phone.errors).toEqual([]);
    expect(phone.dialogs).toEqual([]);
    await phone.page.close();
  });
});
