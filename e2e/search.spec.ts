import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { ABU_KAMAL, ARAB_NEWS, FWM, installThenGoOffline, SCWM } from './installOffline';

/**
 * Search in the installed app, offline: a typo, an alias, a filter, a search URL reloaded, recent
 * searches kept on the device (submitted, or looked at), a quoted phrase, the any-word fallback's
 * wording, and a pasted article address.
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

test('words in quotes find only the articles where they stand together, marked as one', async () => {
  await page.goto('/search');
  await page.getByRole('searchbox').fill('"Albu Kamal"');
  await expect(page.getByRole('main').locator('.result-count')).toHaveText('2 articles match “Albu Kamal”');
  // Abu Kamal (PhotoNews) and Al-Bukamal (Syrian Civil War Map) have the words apart or spelt otherwise.
  for (const title of [ARAB_NEWS, FWM]) await expect(page.getByRole('main').getByRole('link', { name: title })).toBeVisible();
  for (const title of [ABU_KAMAL, SCWM]) await expect(page.getByRole('main').getByRole('link', { name: title })).toHaveCount(0);
  await expect(page.getByRole('main').locator('mark').filter({ hasText: /^Albu Kamal$/ }).first()).toBeVisible();
  // A phrase and a word together.
  await page.getByRole('searchbox').fill('"islamic state" hmeimim');
  await expect(results().first()).toContainText(FWM);
});

test('when no article has every word, the results line says so and how many have some', async () => {
  await page.goto('/search');
  await page.getByRole('searchbox').fill('Hmeimim FoodKeeper');
  const line = /^No article has all of “Hmeimim FoodKeeper”; \d+ have some of these words$/;
  await expect(page.getByRole('main').locator('.result-count')).toHaveText(line);
  // The same words are announced to screen readers.
  await expect(page.getByRole('status').filter({ hasText: 'No article has all' })).toHaveText(/^No article has all of “Hmeimim FoodKeeper”; \d+ have some of these words\.$/);
  await expect(page.getByRole('main').getByRole('link', { name: FWM })).toBeVisible();
});

test('a search whose results stay on screen a few seconds is kept in recent searches, not the prefixes typed', async () => {
  await page.goto('/search');
  await page.getByRole('searchbox').pressSequentially('usability', { delay: 120 });
  await expect(page).toHaveURL(/q=usability$/);
  await expect(page.getByRole('main').locator('.result-count')).toHaveText(/articles match “usability”/);
  // No Enter: the results are only looked at (the page keeps a search shown for 3 s).
  await page.waitForTimeout(3_500);
  await page.goto('/search');
  const recent = page.getByRole('group', { name: 'Recent searches' });
  await expect(recent.getByRole('link', { name: '“usability”' })).toBeVisible();
  await expect(recent.getByRole('link', { name: /“usab”|“usabi”|“usabil”/ })).toHaveCount(0);
});

test('a pasted article address finds that article first: its original, or its page here', async () => {
  await page.goto('/search');
  await page.getByRole('searchbox').fill('arabnews.com/node/1191671/middle-east/?utm_source=twitter');
  await expect(page.getByRole('main').locator('.result-count')).toHaveText('The article at this address');
  await expect(results().first()).toContainText(ARAB_NEWS);
  // The reader's own address, as copied from the address bar.
  const own = new URL('/articles/2017/11/abu-kamal-grasping-defeat-from-the-jaws-of-victory', page.url()).href;
  await page.getByRole('searchbox').fill(own);
  await expect(results().first()).toContainText(ABU_KAMAL);
});
