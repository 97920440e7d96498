import { expect, type Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { BundleManifest } from '../src/core/format';
import { formatBytes } from '../src/app/pwa/formatBytes';
import { installThenGoOffline, waitUntilAvailableOffline } from './installOffline';

/**
 * Storage by choice in Chromium: with data saver on (navigator.connection stubbed, as the
 * Network Information API reports it) the first save waits for the reader, who is told how much it
 * stores; "later" holds it for the session, and the About page saves on request. The About page
 * lists what is stored by year, removes a year (offline its articles then do not open, search
 * still finds them and says so) and adds it back.
 */

test.describe.configure({ mode: 'serial' });

const manifest = JSON.parse(readFileSync('dist/bundle/manifest.json', 'utf8')) as BundleManifest;
const LONG_ARTICLE = '/articles/2013/07/digital-metrics-for-federal-agencies';
const monthFilesOf = (year: string) => manifest.months.filter((m) => m.month.startsWith(year)).flatMap((m) => m.files);

/** Bundle files saved on the device (names under `bundle/`). */
const savedFiles = (page: Page) =>
  page.evaluate(async () => {
    const cache = await caches.open('news-archive-files');
    return (await cache.keys()).map((request) => new URL(request.url).pathname.replace(/^\/bundle\//, ''));
  });

test('with data saver on, the first save waits for the reader, says how much it stores, and "later" holds it', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
  await context.addInitScript(() => {
    Object.defineProperty(navigator, 'connection', { configurable: true, value: Object.assign(new EventTarget(), { saveData: true, effectiveType: '3g', downlink: 0.4, rtt: 400 }) });
  });
  const page = await context.newPage();
  await page.goto('/');
  const choice = page.locator('.storage-choice');
  await expect(choice).toBeVisible({ timeout: 30_000 });
  // The whole edition but what the first page read (the manifest's files less those already on the device).
  const saved = new Set(await savedFiles(page));
  const left = manifest.files.filter((f) => !saved.has(f.name)).reduce((sum, f) => sum + f.bytes, 0);
  await expect(choice).toContainText(`Data saver is on. Saving the archive for offline reading stores ${formatBytes(left)} on this device.`);
  expect(left).toBeGreaterThan(1_000_000);
  // No images in the default archive: no "text only" to offer.
  await expect(choice.getByRole('button', { name: /Text only/ })).toHaveCount(0);

  await choice.getByRole('button', { name: 'Later' }).click();
  await expect(choice).toHaveCount(0);
  await expect(page.locator('#main')).toBeFocused();
  await page.waitForTimeout(3000);
  expect((await savedFiles(page)).filter((name) => name.startsWith('month-'))).toEqual([]);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForTimeout(2500);
  await expect(page.locator('.storage-choice')).toHaveCount(0);
  expect((await savedFiles(page)).filter((name) => name.startsWith('month-'))).toEqual([]);

  await page.goto('/about');
  await expect(page.getByText('You chose to save the archive for offline reading later.')).toBeVisible();
  await page.getByRole('button', { name: 'Save for offline now' }).click();
  await waitUntilAvailableOffline(page);
  expect(await savedFiles(page)).toEqual(expect.arrayContaining(manifest.files.map((f) => f.name)));
  await context.close();
});

test('with data saver on, "Save now" saves the whole archive', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
  await context.addInitScript(() => {
    Object.defineProperty(navigator, 'connection', { configurable: true, value: Object.assign(new EventTarget(), { saveData: false, effectiveType: '2g' }) });
  });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('.storage-choice')).toContainText('This connection is slow.', { timeout: 30_000 });
  await page.screenshot({ path: 'test-results/storage-choice-390.png' });
  await page.locator('.storage-choice').getByRole('button', { name: 'Save now' }).click();
  await waitUntilAvailableOffline(page);
  await context.close();
});

test('About lists what is stored by year; a removed year opens only online, search says so, and it can be added back', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const { context, page } = await installThenGoOffline(browser, baseURL);
  await context.setOffline(false);
  await page.goto('/about');
  const table = page.locator('.stored-years');
  const row2013 = table.getByRole('row', { name: /^2013/ });
  const bytes2013 = monthFilesOf('2013').reduce((sum, name) => sum + manifest.files.find((f) => f.name === name)!.bytes, 0);
  await expect(row2013).toContainText(formatBytes(bytes2013));
  const years = [...new Set(manifest.months.filter((m) => m.count > 0).map((m) => m.month.slice(0, 4)))];
  await expect(table.locator('tbody tr')).toHaveCount(years.length);
  await page.screenshot({ path: 'test-results/about-years-390.png', fullPage: true });

  const remove = row2013.getByRole('button', { name: 'Remove 2013' });
  await remove.click();
  await expect(page.getByText('2013 was removed from this device.')).toBeVisible();
  await expect(row2013).toContainText(`Removed (${formatBytes(bytes2013)})`);
  await expect(row2013.getByRole('button', { name: 'Add 2013' })).toBeFocused();
  const saved = await savedFiles(page);
  for (const name of monthFilesOf('2013')) expect(saved).not.toContain(name);
  for (const name of monthFilesOf('2014')) expect(saved).toContain(name);

  await context.setOffline(true);
  await page.goto(LONG_ARTICLE);
  await expect(page.getByRole('alert')).toContainText('has not been saved on this device');
  await page.goto('/search?q=digital+metrics+federal+agencies');
  await expect(page.locator('.search-coverage')).toHaveText(/Search covers every year of the archive, but the articles of 2013 are not stored on this device/);
  await expect(page.getByRole('link', { name: 'Digital Metrics for Federal Agencies' }).first()).toBeVisible();

  await context.setOffline(false);
  await page.goto('/about');
  await page.locator('.stored-years').getByRole('button', { name: 'Add 2013' }).click();
  await expect(page.getByText('2013 is being saved on this device again.')).toBeVisible();
  await expect
    .poll(async () => {
      const now = await savedFiles(page);
      return monthFilesOf('2013').every((name) => now.includes(name));
    }, { timeout: 30_000 })
    .toBe(true);
  await context.setOffline(true);
  await page.goto(LONG_ARTICLE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Digital Metrics for Federal Agencies');
  await context.close();
});
