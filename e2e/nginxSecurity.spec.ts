import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test';
import { waitUntilAvailableOffline } from './installOffline';
import { type CspReport, startCspReportCollector, startNginx } from './nginxHost';
import { test, watchPolicyMessages } from './nginxSites';

/**
 * The Content-Security-Policy of deploy/ in Chromium, on the /news/ site behind nginx: the app,
 * its search worker and its service worker do all they do on every page with no violation, and a
 * script that reached an article body does not run. Every violation anywhere is reported to a
 * collector (`report-uri`), so none can pass unseen.
 */

/** Every kind of page, below the base (the tampered article apart: it is the next test's), searches with a typo and a phrase. */
const PAGES = [
  '',
  'search?q=isus',
  `search?q=${encodeURIComponent('"albu kamal"')}`,
  'archive',
  'archive/2017',
  'archive/2017/11',
  'categories',
  'categories/middle-east',
  'tags',
  'tags/research',
  'about',
  'saved',
  'history',
  'no/such/page',
];

const newContext = (browser: Browser) => browser.newContext({ viewport: { width: 390, height: 844 } });

test('the app, its search worker and its service worker run under the policy with no violation on any page', async ({ browser, newsSite }) => {
  test.setTimeout(180_000);
  const { host, pictured } = newsSite;
  const context = await newContext(browser);
  const messages = await watchPolicyMessages(context);
  try {
    const page = await context.newPage();
    // The first visit: the service worker installs, then saves the whole edition, pictures too.
    await page.goto(host.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await waitUntilAvailableOffline(page);
    for (const address of [...PAGES, pictured.path]) {
      await page.goto(`${host.url}${address}`);
      await expect(page.getByRole('heading', { level: 1 }), address).toBeVisible();
      await expect(page.locator('.loading'), address).toHaveCount(0);
    }
    // Search results come from the worker, under the policy too.
    await page.goto(`${host.url}search?q=Hezbollah`);
    await expect(page.getByRole('main').getByRole('listitem').first()).toBeVisible();
    await page.goto(`${host.url}${pictured.path}`);
    await expect.poll(() => page.getByRole('img', { name: 'The STM32F3 Discovery board' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(messages).toEqual([]);
  } finally {
    await context.close();
  }
});

/** Opens the tampered article, then appends a script element to its body, as an injection would. */
async function openTamperedArticle(context: BrowserContext, url: string, title: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // The body's picture failed to load, so its handler had its chance.
  await expect(page.getByRole('main').getByText('A picture that is not there')).toBeVisible();
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = "window.__appended = 'a script appended to the body'";
    document.querySelector('.article__body')!.append(script);
  });
  return page;
}

const injected = (page: Page) => page.evaluate(() => [(window as { __injected?: string }).__injected ?? null, (window as { __appended?: string }).__appended ?? null]);

/** Waits until `reports` holds a report of each directive for `url`, and returns them. */
async function reportsFor(reports: CspReport[], url: string, directives: string[]): Promise<CspReport[]> {
  const forPage = () => reports.filter((r) => r['document-uri'] === url);
  await expect.poll(() => forPage().map((r) => r['effective-directive']).sort(), { timeout: 15_000 }).toEqual(expect.arrayContaining(directives));
  return forPage();
}

test('a script or event handler that reached an article body does not run, and is reported', async ({ browser, newsSite }) => {
  const { host, tampered, reports } = newsSite;
  const url = `${host.url}${tampered.path}`;
  const directives = ['script-src-attr', 'script-src-elem'];

  // The control: the same site and policy, only reported. The body's handler and the appended
  // script run: this test would see a policy that let them.
  const collector = await startCspReportCollector();
  const reportOnly = await startNginx({ dist: newsSite.dist, base: '/news/', policy: { reportUri: collector.url, reportOnly: true } });
  const control = await newContext(browser);
  try {
    const page = await openTamperedArticle(control, `${reportOnly.url}${tampered.path}`, tampered.title);
    expect(await injected(page)).toEqual(['a handler in the body', 'a script appended to the body']);
    const reported = await reportsFor(collector.reports, `${reportOnly.url}${tampered.path}`, directives);
    expect(reported.every((r) => r.disposition === 'report')).toBe(true);
  } finally {
    await control.close();
    await reportOnly.close();
    await collector.close();
  }

  const context = await newContext(browser);
  try {
    const page = await openTamperedArticle(context, url, tampered.title);
    const reported = await reportsFor(reports, url, directives);
    expect(reported.every((r) => r.disposition === 'enforce')).toBe(true);
    expect(await injected(page)).toEqual([null, null]);
  } finally {
    await context.close();
  }
  // Reports arrive: every other page this site served in these tests (the tour above, the
  // install under /news/) reported nothing.
  expect(reports.filter((r) => r['document-uri'] !== url)).toEqual([]);
});
