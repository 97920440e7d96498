import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { ABU_KAMAL, ARAB_NEWS, FWM, installThenGoOffline, SCWM } from './installOffline';
import type { BundleManifest, BundleMonthFile } from '../src/core/format';

/** The bundle the preview server serves: expectations come from it, not from memory. */
const dist = path.resolve('dist/bundle');
const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as BundleManifest;
const newestMonth = JSON.parse(readFileSync(path.join(dist, manifest.months[0]!.files[0]!), 'utf8')) as BundleMonthFile;


// One visit online installs the app; every test then runs in the same browser, offline.
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser, baseURL }) => {
  ({ context, page } = await installThenGoOffline(browser, baseURL));
});

test.afterAll(async () => {
  await context.close();
});

test('home shows the latest articles and a search box, offline after a reload', async () => {
  await page.goto('/');
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: newestMonth.articles[0]!.title, exact: true })).toBeVisible();
  await expect(page.getByRole('searchbox')).toBeVisible();
});

test('the month archive lists every year, and a month page its articles', async () => {
  await page.goto('/');
  await page.getByRole('navigation').getByRole('link', { name: 'Archive' }).click();
  const main = page.getByRole('main');
  const years = [...new Set(manifest.months.map((m) => m.month.slice(0, 4)))];
  for (const year of years) await expect(main.getByRole('heading', { name: new RegExp(`^${year}`) })).toBeVisible();
  await main.locator('a[href="/archive/2017/11"]').click();
  await expect(page).toHaveURL(/\/archive\/2017\/11$/);
  for (const title of [SCWM, ABU_KAMAL, FWM, ARAB_NEWS]) await expect(main.getByRole('link', { name: title })).toBeVisible();
});

test('every month of the archive opens offline', async () => {
  // Month pages not visited before: each needs its precached data file.
  for (const { month, count } of [manifest.months.at(-1)!, manifest.months[Math.floor(manifest.months.length / 2)]!]) {
    await page.goto(`/archive/${month.slice(0, 4)}/${month.slice(5)}`);
    await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(count);
  }
});

test('categories and tags list with counts, and their pages list their articles', async () => {
  await page.goto('/categories');
  const main = page.getByRole('main');
  await expect(main).toContainText('Middle East');
  await main.getByRole('link', { name: /Middle East/ }).click();
  await expect(page).toHaveURL(/\/categories\/middle-east$/);
  await expect(main.getByRole('link', { name: ARAB_NEWS })).toBeVisible();
  await expect(main.getByRole('link', { name: FWM })).toHaveCount(0);

  const tag = manifest.tags.find((t) => t.count > 20)!;
  await page.goto('/categories');
  await main.getByRole('link', { name: new RegExp(`^${tag.name}, ${tag.count} articles$`) }).click();
  await expect(page).toHaveURL(new RegExp(`/tags/${tag.slug}$`));
  await expect(main.getByRole('article').or(main.getByRole('listitem')).first()).toBeVisible();
});

test('an article opens by deep link with its outlets, author and body', async () => {
  await page.goto('/articles/2017/11/abu-kamal-grasping-defeat-from-the-jaws-of-victory');
  await expect(page.getByRole('heading', { level: 1, name: ABU_KAMAL })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main).toContainText('Tahir Shabbir');
  await expect(main).toContainText('PhotoNews Pakistan');
  await expect(main).toContainText('It was at Abu Kamal that the end of the ISIS Caliphate was announced.');
  await expect(main).not.toContainText('Share This Article');
  await expect(main.getByRole('link', { name: /PhotoNews Pakistan/ }).first()).toHaveAttribute('href', 'https://photonews.com.pk/abu-kamal-grasping-defeat-jaws-victory/');
});

test('search finds articles by their full text', async () => {
  await page.goto('/');
  await page.getByRole('searchbox').fill('Hmeimim');
  await page.getByRole('searchbox').press('Enter');
  await expect(page).toHaveURL(/\/search\?q=Hmeimim$/);
  await expect(page.getByRole('main').getByRole('link', { name: FWM })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: ABU_KAMAL })).toHaveCount(0);
});

test('a search URL reloads offline', async () => {
  await page.goto('/search?q=Hezbollah');
  await expect(page.getByRole('main').getByRole('link', { name: ABU_KAMAL })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: ARAB_NEWS })).toBeVisible();
});

test('an unknown address shows a real 404 page', async () => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/not found/i);
  await page.goto('/articles/2017/11/no-such-article');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/not found/i);
});

test('the back button returns to the previous view', async () => {
  await page.goto('/archive/2017/11');
  await page.getByRole('main').getByRole('link', { name: FWM }).click();
  await expect(page.getByRole('heading', { level: 1, name: FWM })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/archive\/2017\/11$/);
  await expect(page.getByRole('main').getByRole('link', { name: FWM })).toBeVisible();
});

test('the About page shows the edition, that it is saved for offline, and the storage used', async () => {
  await page.goto('/about');
  const main = page.getByRole('main');
  await expect(main).toContainText(manifest.edition);
  await expect(main).toContainText(`${manifest.articleCount.toLocaleString('en-GB')} articles`);
  await expect(main).toContainText('Available offline');
  await expect(main).toContainText(/Storage: [\d.]+ [kMG]B of [\d.]+ [kMGT]B used/);
  await expect(main.getByRole('button', { name: 'Keep this archive on this device' })).toBeVisible();
});
