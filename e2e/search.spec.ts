import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { ABU_KAMAL, ARAB_NEWS, FWM, installThenGoOffline, SCWM } from './installOffline';

/**
 * Search in the installed app, offline: a typo, an alias, a filter, a search URL reloaded, and
 * recent searches kept on the device.
 */

test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser, baseURL }) => {
  ({ context, page } = await installThenGoOffline(browser, baseURL));
});

test.afterAll(async () => {
  await context.close();
});

const results = () => page.getByRole('main').getByRole('listitem');

test('results update as the reader types, with the matched words highlighted', async () => {
  await page.goto('/search');
  await page.getByRole('searchbox').fill('Hmeimim');
  // No submit: the debounced search runs and the URL follows.
  await expect(page).toHaveURL(/\/search\?q=Hmeimim$/);
  await expect(page.getByRole('main').getByRole('link', { name: FWM })).toBeVisible();
  await expect(page.getByRole('main').locator('mark').filter({ hasText: 'Hmeimim' }).first()).toBeVisible();
});

test('a typo still finds the article', async () => {
  await page.goto('/search?q=Hezbolah');
  await expect(page.getByRole('main').getByRole('link', { name: ARAB_NEWS })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: ABU_KAMAL })).toBeVisible();
});

test('an alias finds articles that spell the place another way', async () => {
  // "Al-Bukamal" is how Syrian Civil War Map writes it; the alias group links the spellings.
  await page.goto('/search?q=Al-Bukamal');
  for (const title of [SCWM, ARAB_NEWS, ABU_KAMAL, FWM]) await expect(page.getByRole('main').getByRole('link', { name: title })).toBeVisible();
  // The page that uses the typed spelling ranks first.
  await expect(results().first()).toContainText(SCWM);
});

test('a category filter narrows the results, and lives in the URL', async () => {
  await page.goto('/search?q=Albu%20Kamal');
  await expect(page.getByRole('main').getByRole('link', { name: FWM })).toBeVisible();
  await page.getByText('Filters and order').click();
  await page.getByLabel('Category').selectOption({ label: 'Middle East (1)' });
  await expect(page).toHaveURL(/category=middle-east/);
  await expect(page.getByRole('main').getByRole('link', { name: ARAB_NEWS })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: FWM })).toHaveCount(0);
});

test('a search URL with filters reloads offline', async () => {
  await page.goto('/search?q=accessibility&from=2018-01&to=2018-12&sort=newest');
  await page.reload();
  await expect(page.getByRole('main')).toContainText(/articles? match/);
  // The whole index searched (after a reload it loads again, newest part first).
  await expect(page.getByRole('main').getByText(/still loading/)).toHaveCount(0);
  await expect(results().first()).toBeVisible();
  const dates = await results().locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
  expect(dates.length).toBeGreaterThan(0);
  for (const d of dates) expect(d.slice(0, 4)).toBe('2018');
  expect([...dates].sort().reverse()).toEqual(dates);
});

test('recent searches are kept on the device across reloads', async () => {
  await page.goto('/search');
  await page.getByRole('searchbox').fill('plain language');
  await page.getByRole('searchbox').press('Enter');
  await expect(page).toHaveURL(/q=plain(\+|%20)language/);
  await page.goto('/search');
  await page.reload();
  await expect(page.getByRole('main').getByRole('link', { name: /plain language/i }).first()).toBeVisible();
});

test('a search that finds nothing says so and suggests what would', async () => {
  await page.goto('/search?q=isus');
  await expect(page.getByRole('main')).toContainText(/did you mean/i);
  await expect(page.getByRole('main').getByRole('link', { name: /isis/i }).first()).toBeVisible();
});
