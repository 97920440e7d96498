import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BundleManifest } from '../src/core/format';
import { ABU_KAMAL, ARAB_NEWS, installThenGoOffline } from './installOffline';
import { buildEditedSite, lookForUpdate, type SiteHost, startSiteHost } from './publishEdition';

/**
 * The reader's own library, end to end in Chromium, offline at 390 px: two articles saved (from a
 * list and from an article page), a third, long one read halfway; a reload, "Continue reading",
 * then a new edition that withdraws one of the saved articles, accepted with "Update now"; an
 * export, the site's data cleared, the import; the recent searches' old database moved; axe.
 */

test.describe.configure({ mode: 'serial' });

/** The longest article of the archive (67 KB of HTML): the one read halfway. */
const LONG = { title: 'Digital Metrics for Federal Agencies', path: '/articles/2013/07/digital-metrics-for-federal-agencies' };
const ARAB_NEWS_PATH = '/articles/2017/11/daesh-in-desperate-attempt-to-save-albu-kamal-last-syrian-bastion';
const ABU_KAMAL_PATH = '/articles/2017/11/abu-kamal-grasping-defeat-from-the-jaws-of-victory';
const SCREENSHOTS = process.env.READER_LIBRARY_SCREENSHOTS;

let host: SiteHost;
let context: BrowserContext;
let page: Page;
let edition2: { dist: string; manifest: BundleManifest; remove(): void };

/**
 * Edition 2 as a librarian makes it: the default archive with the Arab News article removed
 * (`librarian remove`), built with `vite build` into a temporary directory.
 */
function publishEditionWithout(ref: string): typeof edition2 {
  const site = buildEditedSite('edition-withdrawn-', (archive, librarian) => librarian(['remove', ref, '--archive', archive]));
  const manifest = JSON.parse(readFileSync(path.join(site.dist, 'bundle', 'manifest.json'), 'utf8')) as BundleManifest;
  return { ...site, manifest };
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  edition2 = publishEditionWithout('2017/11/daesh-in-desperate-attempt-to-save-albu-kamal-last-syrian-bastion');
  host = await startSiteHost(path.resolve('dist'));
  ({ context, page } = await installThenGoOffline(browser, host.url));
});

test.afterAll(async () => {
  await context?.close();
  await host?.close();
  edition2?.remove();
});

const main = () => page.getByRole('main');

/** How far through the article's body the window is (as the app measures the reader's place). */
function place(): Promise<number> {
  return page.evaluate(() => {
    // Not rendered yet (the heading comes first): no place, and expect.poll asks again.
    const element = document.querySelector('.article__body');
    if (!element) return -1;
    const body = element.getBoundingClientRect();
    const travel = body.height - window.innerHeight;
    return Math.min(1, Math.max(0, (window.scrollY - (body.top + window.scrollY)) / travel));
  });
}

async function scrollTo(fraction: number): Promise<void> {
  await page.evaluate((f) => {
    const body = document.querySelector('.article__body')!.getBoundingClientRect();
    const top = body.top + window.scrollY;
    window.scrollTo(0, top + f * (body.height - window.innerHeight));
  }, fraction);
}

async function openArticle(pathName: string, title: string): Promise<void> {
  await page.goto(pathName);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function shoot(name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

test('two articles saved, a third read halfway, text size and theme changed: all there after a reload', async () => {
  // Saved from a list: the month's page.
  await page.goto('/archive/2017/11');
  // Text size one step up and the dark theme, from the header's reading menu.
  await page.locator('.reading-menu__button').click();
  const menu = page.locator('.reading-menu__panel');
  await menu.getByRole('button', { name: 'Larger' }).click();
  await expect(menu.locator('output')).toHaveText('112.5%');
  await menu.getByRole('radio', { name: 'Dark' }).check();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const save = main().getByRole('button', { name: `Save: ${ARAB_NEWS}` });
  await expect(save).toHaveAttribute('aria-pressed', 'false');
  await save.click();
  await expect(save).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-reader-announcer]')).toHaveText(`Saved for later: ${ARAB_NEWS}`);

  // Saved from its page.
  await openArticle(ABU_KAMAL_PATH, ABU_KAMAL);
  await main().getByRole('button', { name: 'Save this article' }).click();
  await expect(main().getByRole('button', { name: 'Save this article' })).toHaveAttribute('aria-pressed', 'true');

  // A long article, read halfway.
  await openArticle(LONG.path, LONG.title);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeGreaterThan(20_000);
  await scrollTo(0.5);
  await expect(main().locator('.reading-mark')).toHaveText('50% read', { timeout: 5_000 });

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: LONG.title })).toBeVisible();
  await expect.poll(place).toBeCloseTo(0.5, 1);
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(10_000);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveCSS('font-size', '18px');

  await page.goto('/saved');
  await expect(main().locator('.article-item__title')).toHaveText([ABU_KAMAL, ARAB_NEWS]);
  for (const title of [ABU_KAMAL, ARAB_NEWS]) await expect(main().getByRole('button', { name: `Save: ${title}` })).toHaveAttribute('aria-pressed', 'true');
  await shoot('saved');

  await page.goto('/history');
  await expect(main().locator('.article-item__title')).toHaveText([LONG.title, ABU_KAMAL]);
  await expect(main().getByRole('listitem').first()).toContainText('50% read');
  await shoot('history');

  // Marked in lists: saved, and how far read.
  await page.goto('/archive/2013/07');
  const long = main().getByRole('listitem').filter({ has: page.getByRole('link', { name: LONG.title }) });
  await expect(long).toContainText('50% read');
  await page.goto('/archive/2017/11');
  await expect(main().getByRole('button', { name: `Save: ${ABU_KAMAL}` })).toHaveAttribute('aria-pressed', 'true');

  // Back to the default size and the device's theme, which the later tests (axe light and dark) need.
  await page.locator('.reading-menu__button').click();
  await expect(menu.locator('output')).toHaveText('112.5%');
  await menu.getByRole('button', { name: 'Smaller' }).click();
  await menu.getByRole('radio', { name: 'As the device' }).check();
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).toHaveCSS('font-size', '16px');
});

test('"Continue reading" on the home page opens the article at the reader\'s place', async () => {
  await page.goto('/');
  const continueReading = main().getByRole('region', { name: 'Continue reading' });
  await expect(continueReading).toContainText('50% read');
  await shoot('home');
  await continueReading.getByRole('link', { name: LONG.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: LONG.title })).toBeVisible();
  await expect.poll(place).toBeCloseTo(0.5, 1);
});

test('an article read to its end is marked read, and can be marked unread', async () => {
  await openArticle(ABU_KAMAL_PATH, ABU_KAMAL);
  await scrollTo(1);
  await expect(main().locator('.reading-mark')).toHaveText('Read');
  await page.goto('/archive/2017/11');
  const item = main().getByRole('listitem').filter({ has: page.getByRole('link', { name: ABU_KAMAL, exact: true }) });
  await expect(item.locator('.reading-mark')).toHaveText('Read');
  await item.scrollIntoViewIfNeeded();
  await shoot('month-list');
  await item.getByRole('button', { name: `Mark unread: ${ABU_KAMAL}` }).click();
  await expect(item.locator('.reading-mark')).toHaveCount(0);
  await expect(page.locator('[data-reader-announcer]')).toHaveText(`Marked as unread: ${ABU_KAMAL}`);
});

test('a new edition withdraws a saved article: after "Update now" the library and the place are intact, and the article reads from its copy', async () => {
  const before = JSON.parse(readFileSync('dist/bundle/manifest.json', 'utf8')) as BundleManifest;
  expect(edition2.manifest.articleCount).toBe(before.articleCount - 1);
  await openArticle(LONG.path, LONG.title);
  await expect.poll(place).toBeCloseTo(0.5, 1);

  await context.setOffline(false);
  host.deploy(edition2.dist);
  const found = await lookForUpdate(page);
  expect(found).toBe('waiting');
  const update = page.getByRole('button', { name: 'Update now' });
  await expect(update).toBeVisible();
  // Clicked where it is, without scrolling the page to it (the reader's place must not move).
  const reloaded = page.waitForEvent('load');
  await update.evaluate((button: HTMLButtonElement) => button.click());
  await reloaded;
  await expect(page.locator('.site-footer')).toContainText(`${edition2.manifest.articleCount.toLocaleString('en-GB')} articles`, { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: LONG.title })).toBeVisible();
  await expect.poll(place).toBeCloseTo(0.5, 1);

  await context.setOffline(true);
  await page.goto('/saved');
  await expect(main().locator('.article-item__title')).toHaveText([ABU_KAMAL, ARAB_NEWS]);
  const withdrawn = main().getByRole('listitem').filter({ has: page.getByRole('link', { name: ARAB_NEWS }) });
  await expect(withdrawn).toContainText('Withdrawn from the archive: your saved copy opens');
  await page.goto('/history');
  await expect(main().locator('.article-item__title')).toHaveText([LONG.title, ABU_KAMAL]);

  await withdrawnOpensFromCopy();
});

async function withdrawnOpensFromCopy(): Promise<void> {
  await page.goto('/saved');
  await main().getByRole('link', { name: ARAB_NEWS }).click();
  await expect(page.getByRole('heading', { level: 1, name: ARAB_NEWS })).toBeVisible();
  await expect(main().locator('.withdrawn-notice')).toContainText('no longer in the archive');
  await expect(main().locator('.article__body')).toContainText('Albu Kamal');
  await shoot('withdrawn');
}

test('export, clear the site\'s data, import: everything is back', async () => {
  await page.goto('/about');
  const section = main().getByRole('region', { name: 'Your reading data' });
  await expect(section).toContainText('2 saved articles, 3 articles in the history');
  await section.scrollIntoViewIfNeeded();
  await shoot('about');
  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Export to a file' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; saved: unknown[]; copies: unknown[]; history: { slug: string; position: number }[] };
  expect(exported.format).toBe('news-reader-data/1');
  expect(exported.saved).toHaveLength(2);
  expect(exported.copies).toHaveLength(2);
  expect(exported.history.find((h) => h.slug === 'digital-metrics-for-federal-agencies')!.position).toBeCloseTo(0.5, 1);

  // The site's data (IndexedDB and local storage) cleared, as the browser's "Clear site data" does; the
  // edition's files (Cache Storage) stay, so that the app still opens offline.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: host.url, storageTypes: 'indexeddb,local_storage' });
  await page.goto('/saved');
  await expect(main()).toContainText('No saved articles yet');

  await page.goto('/about');
  await page.locator('#reader-data-file').setInputFiles(file);
  await expect(section).toContainText('holds 2 saved articles, 3 articles in the history');
  const reloaded = page.waitForEvent('load');
  await section.getByRole('button', { name: 'Replace and reload' }).click();
  await reloaded;
  await page.goto('/saved');
  await expect(main().locator('.article-item__title')).toHaveText([ABU_KAMAL, ARAB_NEWS]);
  await page.goto('/history');
  await expect(main().locator('.article-item__title')).toHaveText([ARAB_NEWS, LONG.title, ABU_KAMAL]);
  await page.goto('/');
  await main().getByRole('region', { name: 'Continue reading' }).getByRole('link', { name: LONG.title }).click();
  await expect.poll(place).toBeCloseTo(0.5, 1);
  await withdrawnOpensFromCopy();
});

test('an import file with a bad record is refused whole, naming the record', async () => {
  await page.goto('/about');
  await page.locator('#reader-data-file').setInputFiles('src/app/reader/testing/bad-position.json');
  await expect(page.getByRole('alert')).toHaveText(
    'reader data: bad-position.json: history[0] ("The End of the Caliphate?"): position: must be a number from 0 to 1 (found 1.5)',
  );
  await page.goto('/saved');
  await expect(main().locator('.article-item__title')).toHaveText([ABU_KAMAL, ARAB_NEWS]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the saved and history pages have no axe violations (${colorScheme})`, async () => {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    for (const url of ['/saved', '/history', '/']) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(main().locator('.article-item').first()).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${url}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: null, reducedMotion: null });
  });
}

test('the recent searches of the old database move into the reader database, once', async () => {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: host.url, storageTypes: 'indexeddb' });
  await page.goto('/about');
  // The database as the app before issue #12 wrote it.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('recent-searches', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('searches', { keyPath: 'key' });
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('searches', 'readwrite');
          tx.objectStore('searches').put({ key: JSON.stringify(['raqqa', {}]), search: { q: 'raqqa' }, at: Date.now() });
          tx.oncomplete = () => (open.result.close(), resolve());
        };
      }),
  );
  await page.goto('/search');
  await expect(main().getByRole('link', { name: /raqqa/ })).toBeVisible();
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).sort())).toEqual(['reader']);
  await page.reload();
  await expect(main().getByRole('link', { name: /raqqa/ })).toBeVisible();
});

test('the installed app reopens the article it was put away in', async () => {
  await openArticle(LONG.path, LONG.title);
  await scrollTo(0.3);
  // The app put away (switched from, or closed): the page is hidden.
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
  const app = await context.newPage();
  // Started as the installed app: Chromium's DevTools cannot emulate `display-mode` (CDP's
  // setEmulatedMedia ignores it), so the page is told so through matchMedia, which the app asks.
  await app.addInitScript(() => {
    const matchMedia = window.matchMedia.bind(window);
    window.matchMedia = (query: string) =>
      /display-mode:\s*standalone/.test(query) ? ({ ...matchMedia('all'), matches: true, media: query } as MediaQueryList) : matchMedia(query);
  });
  await app.goto('/');
  await expect(app).toHaveURL(new RegExp(`${LONG.path}$`));
  await expect(app.getByRole('heading', { level: 1, name: LONG.title })).toBeVisible();
  await expect.poll(() => app.evaluate(() => window.scrollY)).toBeGreaterThan(5_000);
  await app.close();
});

