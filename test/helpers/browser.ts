// Browser tests: Debian's Chromium driven by playwright-core, one browser per test file, offline.
// CI installs the browser in `.ci/run`; locally: `apt-get install chromium`.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

// browser-side globals inside page functions (the project compiles without the DOM lib)
declare const document: any;

export const CHROMIUM = process.env.WENDU_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Browser {
  context: BrowserContext;
  /** a fresh page whose console errors, page errors, dialogs and non-file requests are recorded */
  page(viewport?: { width: number; height: number }): Promise<WatchedPage>;
  close(): Promise<void>;
}

export interface WatchedPage {
  page: Page;
  /** console errors and uncaught exceptions */
  errors: string[];
  /** alert/confirm/prompt dialogs that opened (dismissed at once) */
  dialogs: string[];
  /** requests to anything but file: and data: URLs */
  network: string[];
}

/** Launches Chromium with a fresh profile in a temporary folder. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (CI does in .ci/run) or set WENDU_CHROMIUM`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'wendu-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    offline: true,
    acceptDownloads: false,
  });
  return {
    context,
    async page(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      const watched: WatchedPage = { page, errors: [], dialogs: [], network: [] };
      page.on('console', (m) => {
        if (m.type() === 'error') watched.errors.push(m.text());
      });
      page.on('pageerror', (e) => watched.errors.push(String(e)));
      page.on('dialog', (d) => {
        watched.dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss();
      });
      page.on('request', (r) => {
        if (!/^(file|data|blob):/.test(r.url())) watched.network.push(r.url());
      });
      return watched;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Scrolls every visible lazy image into view and waits until all have loaded (or failed). */
export async function loadAllImages(page: Page): Promise<{ src: string; naturalWidth: number }[]> {
  const imgs = page.locator('img[src]').filter({ visible: true });
  const n = await imgs.count();
  for (let i = 0; i < n; i++) await imgs.nth(i).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => Array.from(document.querySelectorAll('img[src]')).every((i: any) => i.offsetParent === null || i.complete), undefined, {
    timeout: 10_000,
  });
  return page.$$eval('img[src]', (els: any[]) => els.filter((e) => e.offsetParent !== null).map((e) => ({ src: e.src as string, naturalWidth: e.naturalWidth as number })));
}

/** Where the tests leave their screenshots for a human to look at. */
export const SCREENSHOTS = process.env.WENDU_SCREENSHOTS ?? join(tmpdir(), 'wendu-screenshots');
