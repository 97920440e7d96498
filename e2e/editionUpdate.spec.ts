import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BundleManifest } from '../src/core/format';
import { ARAB_NEWS, installThenGoOffline } from './installOffline';
import { type Edition, lookForUpdate, publishSecondEdition, type SiteHost, startSiteHost } from './publishEdition';

/**
 * A new edition, end to end in Chromium: edition 1 is installed and read offline; the librarian
 * publishes edition 2 (one more day of real news); an update cut off halfway leaves edition 1
 * whole; once the connection holds, the update downloads only the files edition 1 lacked, the
 * reader is asked, accepts, and finds the new articles offline with their recent searches kept.
 */

test.describe.configure({ mode: 'serial' });

let edition2: Edition;
let host: SiteHost;
let context: BrowserContext;
let page: Page;
const edition1 = JSON.parse(readFileSync('dist/bundle/manifest.json', 'utf8')) as BundleManifest;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  edition2 = publishSecondEdition();
  // Its own host, serving dist/ (edition 1) until edition 2 is deployed over it.
  host = await startSiteHost(path.resolve('dist'));
  ({ context, page } = await installThenGoOffline(browser, host.url));
});

test.afterAll(async () => {
  await context?.close();
  await host?.close();
  edition2?.remove();
});

const count = (n: number) => n.toLocaleString('en-GB');

test('edition 1 is read offline, and a search is remembered', async () => {
  await expect(page.locator('.site-footer')).toContainText(`${count(edition1.articleCount)} articles`);
  await page.goto('/search');
  await page.getByRole('searchbox').fill('Hezbolah');
  await page.getByRole('searchbox').press('Enter');
  await expect(page.getByRole('main').getByRole('link', { name: ARAB_NEWS })).toBeVisible();
  expect(edition2.addedTitles.length).toBeGreaterThan(0);
  expect(edition2.manifest.articleCount).toBe(edition1.articleCount + edition2.addedTitles.length);
});

test('an update cut off halfway is discarded, and edition 1 keeps working offline', async () => {
  await context.setOffline(false);
  host.deploy(edition2.dist);
  // The second half of the new files: one arrives cut in half, the others not at all.
  const late = edition2.newFiles.slice(Math.floor(edition2.newFiles.length / 2));
  expect(late.length).toBeGreaterThan(0);
  host.cut.set(late[0]!, 'half');
  for (const name of late.slice(1)) host.cut.set(name, 'reset');

  expect(await lookForUpdate(page)).toBe('none');
  expect(host.requested).toContain(late[0]);
  await expect(page.getByText(/New edition available/)).toHaveCount(0);

  await context.setOffline(true);
  await page.goto('/');
  await expect(page.locator('.site-footer')).toContainText(`${count(edition1.articleCount)} articles`);
  await expect(page.locator('.site-footer')).toContainText('Available offline');
  await page.goto('/search?q=Hezbolah');
  await expect(page.getByRole('main').getByRole('link', { name: ARAB_NEWS })).toBeVisible();
  // Every month of edition 1 still opens.
  for (const { month } of [edition1.months[0]!, edition1.months.at(-1)!]) {
    await page.goto(`/archive/${month.replace('-', '/')}`);
    await expect(page.getByRole('main').getByRole('listitem').first()).toBeVisible();
  }
});

test('edition 2: only its new files are downloaded, the reader is asked, and the new articles are found offline', async () => {
  await context.setOffline(false);
  host.deploy(edition2.dist);
  await page.goto('/');
  expect(await lookForUpdate(page)).toBe('waiting');
  // Only files edition 1 did not have were fetched, each once (the verified ones of the cut-off
  // attempt were kept and are not fetched again).
  const data = host.requested.filter((name) => name !== 'manifest.json');
  expect(data.length).toBeGreaterThan(0);
  for (const name of data) expect(edition2.newFiles).toContain(name);
  expect(new Set(data).size).toBe(data.length);

  const added = edition2.addedTitles.length;
  const banner = page.getByRole('status').filter({ hasText: 'New edition available' });
  await expect(banner).toContainText(`New edition available: ${added} new articles`);
  // Until the reader says so, the page goes on reading edition 1.
  await expect(page.locator('.site-footer')).toContainText(`${count(edition1.articleCount)} articles`);
  await banner.getByRole('button', { name: 'Update now' }).click();
  await expect(page.locator('.site-footer')).toContainText(`${count(edition2.manifest.articleCount)} articles`, { timeout: 30_000 });

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.site-footer')).toContainText('Available offline');
  const title = edition2.addedTitles[0]!;
  await page.goto(`/search?q=${encodeURIComponent(title)}`);
  await expect(page.getByRole('main').getByRole('link', { name: title })).toBeVisible();
  // The reader's own data: the search made on edition 1 is still among the recent searches.
  await page.goto('/search');
  await expect(page.getByRole('main').getByRole('link', { name: /Hezbolah/ }).first()).toBeVisible();
});
