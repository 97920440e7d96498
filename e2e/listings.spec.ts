import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import type { BundleManifest, BundleMonthFile } from '../src/core/format';
import { installThenGoOffline } from './installOffline';
import { buildSiteWithRecords, huffpostLines, type SiteHost, startSiteHost } from './publishEdition';

/**
 * Listings that scale, offline after the first visit: a month of 461 real articles paged 100 at
 * a time (each page a listing file of the bundle), an article opened from it, its year page, the
 * archive page, and the pages no one can have (a year without articles, a page past the last).
 *
 * The default archive has no month over 48 articles, so this builds its own as a librarian would:
 * the default archive plus the HuffPost records of June, July and August 2022, imported with the
 * librarian's CLI, those of June and July re-dated into August (day kept; the corpora README
 * allows real articles with shifted dates), then the site built with `vite build`.
 */

const MONTH = '2022-08';
const MONTH_PATH = '/archive/2022/08';

interface PagedSite {
  dist: string;
  manifest: BundleManifest;
  /** The big month's titles, newest first, as its data files hold them. */
  titles: string[];
  remove(): void;
}

function buildPagedSite(): PagedSite {
  const records = huffpostLines()
    .filter((line) => /"date": "2022-0[678]-/.test(line))
    .map((line) => line.replace(/"date": "2022-0[67]-/, `"date": "${MONTH}-`));
  const { dist, remove } = buildSiteWithRecords('listings-', 'huffpost-summer-2022.jsonl', records);
  const read = <T,>(name: string) => JSON.parse(readFileSync(path.join(dist, 'bundle', name), 'utf8')) as T;
  const manifest = read<BundleManifest>('manifest.json');
  const month = manifest.months.find((m) => m.month === MONTH)!;
  const titles = month.files.flatMap((name) => read<BundleMonthFile>(name).articles.map((a) => a.title));
  return { dist, manifest, titles, remove };
}

test.describe.configure({ mode: 'serial' });

let site: PagedSite;
let host: SiteHost;
let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  site = buildPagedSite();
  host = await startSiteHost(site.dist);
  ({ context, page } = await installThenGoOffline(browser, host.url));
});

test.afterAll(async () => {
  await context?.close();
  await host?.close();
  site?.remove();
});

const n = (value: number) => value.toLocaleString('en-GB');
const pageCount = () => Math.ceil(site.titles.length / 100);
const items = () => page.locator('main ol.article-list > li');
const pager = () => page.getByRole('navigation', { name: 'Pages of August 2022' });

/** The page shows articles `from`…`to` (1-based) of the month, in the month's order. */
async function expectArticles(from: number, to: number): Promise<void> {
  await expect(pager().locator('.page-nav__position')).toHaveText(`Articles ${n(from)}–${n(to)} of ${n(site.titles.length)}`);
  await expect(items()).toHaveCount(to - from + 1);
  await expect(items().first().locator('.article-item__title a')).toHaveText(site.titles[from - 1]!);
  await expect(items().last().locator('.article-item__title a')).toHaveText(site.titles[to - 1]!);
}

/** What the reader sees at 390 px: the top of the page and, when it has one, its pager (kept with the test's results). */
async function screenshots(name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: test.info().outputPath(`${name}-top-390px.png`) });
  const nav = page.locator('main .page-nav');
  if ((await nav.count()) === 0) return;
  await nav.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath(`${name}-pager-390px.png`) });
}

test('the test month is large enough to page', () => {
  expect(site.titles.length).toBeGreaterThan(400);
  expect(site.titles.length).toBeLessThanOrEqual(500);
  expect(site.manifest.months.find((m) => m.month === MONTH)!.count).toBe(site.titles.length);
});

test('a month of over 400 articles shows 100 at a time, and the pager says where the reader is', async () => {
  const total = site.titles.length;
  const pages = pageCount();
  await page.goto(MONTH_PATH);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('August 2022');
  await expect(page.locator('main .lede')).toHaveText(`${n(total)} articles, newest first. Page 1 of ${pages}.`);
  await expectArticles(1, 100);
  await expect(pager().locator('[aria-current="page"]')).toHaveText(`Page 1 of ${pages}`);
  await screenshots('month-page-1');
  // On the first page, first and previous are there but lead nowhere.
  await expect(pager().getByRole('link', { name: 'First page' })).toHaveCount(0);
  await expect(pager().getByRole('link', { name: 'Previous page' })).toHaveCount(0);
  await expect(pager()).toContainText('First page');

  await pager().getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(new RegExp(`${MONTH_PATH}\\?page=2$`));
  await expectArticles(101, 200);
  await expect(pager().locator('[aria-current="page"]')).toHaveText(`Page 2 of ${pages}`);
  await expect(page).toHaveTitle(new RegExp(`^August 2022, page 2 of ${pages} · `));

  await pager().getByRole('link', { name: 'Last page' }).click();
  await expect(page).toHaveURL(new RegExp(`${MONTH_PATH}\\?page=${pages}$`));
  await expectArticles((pages - 1) * 100 + 1, total);
  await expect(pager().getByRole('link', { name: 'Next page' })).toHaveCount(0);
  await expect(pager().getByRole('link', { name: 'Last page' })).toHaveCount(0);

  await pager().getByRole('link', { name: 'Previous page' }).click();
  await expect(page).toHaveURL(new RegExp(`${MONTH_PATH}\\?page=${pages - 1}$`));
  await expectArticles((pages - 2) * 100 + 1, (pages - 1) * 100);

  await pager().getByRole('link', { name: 'First page' }).click();
  await expect(page).toHaveURL(new RegExp(`${MONTH_PATH}$`));
  await expectArticles(1, 100);
});

test('a page named in the address opens offline and stays open on reload', async () => {
  await page.goto(`${MONTH_PATH}?page=3`);
  await expectArticles(201, 300);
  await page.reload();
  await expectArticles(201, 300);
  await expect(pager().locator('[aria-current="page"]')).toHaveText(`Page 3 of ${pageCount()}`);
  await screenshots('month-page-3');
});

test('each page is a listing file of the bundle, and an article opens offline from it, also below the first slice rendered', async () => {
  expect(site.manifest.months.find((m) => m.month === MONTH)!.pages).toHaveLength(pageCount());
  await page.goto(`${MONTH_PATH}?page=2`);
  await expectArticles(101, 200);
  // Item 37 of the page: lists render their first items with the page and the rest in slices.
  const link = items().nth(36).locator('.article-item__title a');
  await expect(link).toHaveText(site.titles[136]!);
  await link.click();
  await expect(page).toHaveURL(/\/articles\/2022\/08\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(site.titles[136]!);
  await page.goBack();
  await expectArticles(101, 200);
});

test('a page past the last is not found, and says which pages there are', async () => {
  await page.goto(`${MONTH_PATH}?page=9`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('main')).toContainText(`August 2022 has ${pageCount()} pages; there is no page 9.`);
  await page.getByRole('link', { name: 'Last page of August 2022' }).click();
  await expectArticles((pageCount() - 1) * 100 + 1, site.titles.length);
});

test('the year page lists its months with their counts, linked, and the years either side', async () => {
  await page.goto(MONTH_PATH);
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: '2022' }).click();
  await expect(page).toHaveURL(/\/archive\/2022$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2022');
  const months = site.manifest.months.filter((m) => m.month.startsWith('2022-') && m.count > 0);
  const total = months.reduce((sum, m) => sum + m.count, 0);
  await expect(page.locator('main .lede')).toHaveText(`${n(total)} articles in ${months.length} months.`);
  const rows = page.locator('main .month-list > li');
  await expect(rows).toHaveCount(months.length);
  // January first; each month named with its year for screen readers, and its count beside it.
  const byName = [...months].sort((a, b) => a.month.localeCompare(b.month));
  for (const [i, m] of byName.entries()) {
    const name = new Date(`${m.month}-15T12:00:00Z`).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    await expect(rows.nth(i).getByRole('link', { name: `${name} 2022` })).toHaveAttribute('href', `/archive/2022/${m.month.slice(5)}`);
    await expect(rows.nth(i)).toContainText(`${n(m.count)} article`);
  }
  const others = page.getByRole('navigation', { name: 'Other years' });
  await expect(others.getByRole('link', { name: /2021/ })).toHaveAttribute('href', '/archive/2021');
  await expect(others.getByRole('link', { name: /2023/ })).toHaveAttribute('href', '/archive/2023');
  await rows.getByRole('link', { name: 'August 2022' }).click();
  await expect(page).toHaveURL(new RegExp(`${MONTH_PATH}$`));
  await expectArticles(1, 100);
});

test('the archive page links every year to its year page', async () => {
  await page.goto('/archive');
  const years = [...new Set(site.manifest.months.map((m) => m.month.slice(0, 4)))];
  for (const year of years) await expect(page.getByRole('main').locator(`h2 a[href="/archive/${year}"]`)).toHaveText(year);
  await page.getByRole('main').locator('h2 a[href="/archive/2022"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2022');
  await screenshots('year-page');
});

test('a year or month the archive has no article of is the usual not-found page', async () => {
  for (const address of ['/archive/1999', '/archive/20x1']) {
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('No articles for this year');
    await expect(page.getByRole('navigation', { name: 'Where to go instead' }).getByRole('link', { name: 'Browse by month' })).toBeVisible();
  }
  await page.goto('/archive/1999/05');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No articles for this month');
  await expect(page.getByRole('main')).toContainText('The archive holds no articles for May 1999.');
});

test('category and tag pages page the same way, 20 articles a page', async () => {
  const category = site.manifest.categories.find((c) => c.count > 60 && c.count % 20 !== 0)!;
  const pages = Math.ceil(category.count / 20);
  await page.goto(`/categories/${category.slug}`);
  const nav = page.getByRole('navigation', { name: `Pages of ${category.name}` });
  await expect(nav.locator('.page-nav__position')).toHaveText(`Articles 1–20 of ${n(category.count)}`);
  await nav.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(new RegExp(`/categories/${category.slug}\\?page=2$`));
  await expect(nav.locator('.page-nav__position')).toHaveText(`Articles 21–40 of ${n(category.count)}`);
  await expect(page.locator('main ol.article-list > li')).toHaveCount(20);
  await nav.getByRole('link', { name: 'Last page' }).click();
  await expect(page).toHaveURL(new RegExp(`/categories/${category.slug}\\?page=${pages}$`));
  await expect(page.locator('main ol.article-list > li')).toHaveCount(category.count % 20);
  await expect(nav.locator('[aria-current="page"]')).toHaveText(`Page ${pages} of ${pages}`);
});

test('no listing is wider than a 390 px phone', async () => {
  for (const address of [MONTH_PATH, `${MONTH_PATH}?page=3`, '/archive/2022', '/archive', '/categories', '/tags']) {
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 15_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${address} is wider than the screen`).toBeLessThanOrEqual(0);
  }
});
