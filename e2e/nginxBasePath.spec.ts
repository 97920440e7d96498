import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect } from '@playwright/test';
import { chromiumLaunchOptions } from '../playwright.config';
import { CACHE_FOREVER } from '../deploy/siteHeaders';
import { ARAB_NEWS, waitUntilAvailableOffline } from './installOffline';
import { fetchRaw } from './nginxHost';
import { NEWS_BASE, test } from './nginxSites';

/**
 * The app built for a sub-path (`vite build --base /news/`) behind nginx with the shipped
 * configuration for that base: installable, its service worker scoped to /news/, and, once
 * installed, every page under /news/ offline; no request ever leaves /news/.
 */

test('the app built for /news/ installs, and offline its search, article and month pages work under /news/', async ({ newsSite }) => {
  test.setTimeout(180_000);
  const { host, pictured } = newsSite;
  // Installability is only assessed in a persistent profile.
  const profile = await mkdtemp(path.join(os.tmpdir(), 'news-archive-profile-'));
  const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions, headless: true, viewport: { width: 390, height: 844 } });
  const outside: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === host.origin && !url.pathname.startsWith(NEWS_BASE)) outside.push(url.pathname);
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(host.url);
    // A first visit reads from the network.
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(host.url);

    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] };
    expect(installabilityErrors).toEqual([]);
    const webManifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[]; data: string };
    expect(webManifest.errors).toEqual([]);
    expect(webManifest.url).toBe(`${host.url}manifest.webmanifest`);
    expect(JSON.parse(webManifest.data)).toMatchObject({ id: NEWS_BASE, start_url: NEWS_BASE, scope: NEWS_BASE });

    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await waitUntilAvailableOffline(page);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const probe = await page.evaluate(() => fetch(`robots.txt?probe=${Date.now()}`).then(() => 'reached', () => 'unreachable'));
    expect(probe).toBe('unreachable');

    // Search, then the article it finds, with its picture from the device.
    await page.goto(`${host.url}search?q=${encodeURIComponent('"grasping defeat"')}`);
    const hit = page.getByRole('main').getByRole('link', { name: pictured.title, exact: true });
    await expect(hit).toHaveAttribute('href', `${NEWS_BASE}${pictured.path}`);
    await hit.click();
    await expect(page).toHaveURL(`${host.url}${pictured.path}`);
    await expect(page.getByRole('heading', { level: 1, name: pictured.title })).toBeVisible();
    const picture = page.getByRole('main').getByRole('img', { name: 'The STM32F3 Discovery board' });
    await expect(picture).toHaveAttribute('src', `${NEWS_BASE}bundle/${pictured.image}`);
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

    // The month, reached through the site's own links.
    await page.getByRole('navigation').getByRole('link', { name: 'Archive' }).click();
    await expect(page).toHaveURL(`${host.url}archive`);
    await page.getByRole('main').locator(`a[href="${NEWS_BASE}archive/2017/11"]`).click();
    await expect(page).toHaveURL(`${host.url}archive/2017/11`);
    await expect(page.getByRole('main').getByRole('link', { name: ARAB_NEWS })).toBeVisible();

    // A deep link never visited, straight from the device.
    await page.goto(`${host.url}categories/middle-east`);
    await expect(page.getByRole('main').getByRole('link', { name: ARAB_NEWS })).toBeVisible();

    // Home is /news/, inside the service worker's scope (the router writes /news, which is not):
    // a reload there works offline.
    await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
    await expect(page).toHaveURL(host.url);
    await page.reload();
    await expect(page.getByRole('searchbox')).toBeVisible();
    // The home links say /news/ too, marked as the current page, and open offline in a new tab.
    const home = page.getByRole('navigation').getByRole('link', { name: 'Home' });
    await expect(home).toHaveAttribute('href', NEWS_BASE);
    await expect(home).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('a.site-name')).toHaveAttribute('href', NEWS_BASE);
    const tab = await context.newPage();
    await tab.goto(new URL(NEWS_BASE, host.url).href);
    await expect(tab.getByRole('searchbox')).toBeVisible();
    await tab.close();
    expect(outside).toEqual([]);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('under /news/ nginx keeps the rules: hashed files for a year, the rest revalidated, the app for in-app addresses, 404 for missing files', async ({ newsSite }) => {
  const { host, pictured } = newsSite;
  const image = await fetchRaw(`${host.url}bundle/${pictured.image}`);
  expect([image.status, image.headers['content-type'], image.headers['cache-control']]).toEqual([200, 'image/webp', CACHE_FOREVER]);
  for (const file of ['sw.js', 'manifest.webmanifest', 'bundle/manifest.json', pictured.path]) {
    const response = await fetchRaw(`${host.url}${file}`);
    expect([file, response.status, response.headers['cache-control']]).toEqual([file, 200, 'no-cache']);
  }
  expect((await fetchRaw(`${host.url}${pictured.path}`)).body.toString()).toContain('<div id="root">');
  for (const file of ['assets/index-AAAAAAAA.js', 'bundle/images/0123456789abcdef.webp']) expect((await fetchRaw(`${host.url}${file}`)).status, file).toBe(404);
  // Nothing of the site is served outside its base.
  expect((await fetchRaw(`${host.origin}/sw.js`)).status).toBe(404);
});
