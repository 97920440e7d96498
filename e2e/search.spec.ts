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

test('the hits paint first and their snippets fill in after, in place, offline', async () => {
  // A search that finds nothing, so that no hit is on the page before the one typed.
  await page.goto('/search?q=qqxqq');
  await expect(page.getByRole('main')).toContainText('No articles match');
  await expect(page.locator('main li.search-hit')).toHaveCount(0);
  // What the list looked like when its first hit appeared, and when the snippets came.
  await page.evaluate(() => {
    const seen: { pendingAtHits?: number; snippetsAtHits?: number; firstHit?: Element; snippetsDone?: boolean; sameHit?: boolean } = {};
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    new MutationObserver(() => {
      const hit = document.querySelector('main li.search-hit');
      if (!hit) return;
      const pending = document.querySelectorAll('main .search-hit__snippet--pending').length;
      const snippets = document.querySelectorAll('main .search-hit__snippet:not(.search-hit__snippet--pending)').length;
      if (seen.firstHit === undefined) [seen.firstHit, seen.pendingAtHits, seen.snippetsAtHits] = [hit, pending, snippets];
      if (pending === 0 && snippets > 0 && !seen.snippetsDone) [seen.snippetsDone, seen.sameHit] = [true, document.querySelector('main li.search-hit') === seen.firstHit];
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByRole('searchbox').fill('Hmeimim');
  await expect(page.getByRole('main').getByRole('link', { name: FWM })).toBeVisible();
  await expect(page.locator('main .search-hit__snippet mark').first()).toBeVisible();
  const seen = await page.evaluate(() => {
    const s = (window as unknown as { __seen: { pendingAtHits?: number; snippetsAtHits?: number; snippetsDone?: boolean; sameHit?: boolean } }).__seen;
    return { pendingAtHits: s.pendingAtHits, snippetsAtHits: s.snippetsAtHits, snippetsDone: s.snippetsDone, sameHit: s.sameHit };
  });
  // Titles first, each snippet's place kept (and hidden from screen readers) until it comes...
  expect(seen.pendingAtHits).toBeGreaterThan(0);
  expect(seen.snippetsAtHits).toBe(0);
  // ...then the snippets, into the same list items.
  expect(seen).toMatchObject({ snippetsDone: true, sameHit: true });
  await expect(page.locator('main .search-hit__snippet--pending')).toHaveCount(0);
  await expect(page.locator('main .search-hit__snippet').first()).not.toHaveAttribute('aria-hidden');
});

test('no page shows more than 100 results: past 100, the next hundred is a page of its own', async () => {
  const list = page.locator('main ol.search-results > li');
  await page.goto('/search?page=5');
  await expect(list).toHaveCount(100);
  await expect(page.getByRole('button', { name: /^Show \d+ more$/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Next 100 results' }).click();
  await expect(page).toHaveURL(/\/search\?page=6$/);
  await expect(list).toHaveCount(20);
  await expect(page.locator('main ol.search-results')).toHaveAttribute('start', '101');
  await expect(page.getByRole('main')).toContainText(/Showing 101–120 of [\d,]+/);
  // Focus is on the first result of the new hundred.
  await expect(list.first().locator('.article-item__title a')).toBeFocused();
  await page.getByRole('button', { name: 'Show 20 more' }).click();
  await expect(page).toHaveURL(/\/search\?page=7$/);
  await expect(list).toHaveCount(40);
  await expect(list.nth(20).locator('.article-item__title a')).toBeFocused();
  await page.getByRole('button', { name: 'Previous 100 results' }).click();
  await expect(page).toHaveURL(/\/search\?page=5$/);
  await expect(list).toHaveCount(100);
  await expect(list.first().locator('.article-item__title a')).toBeFocused();
  // Back returns to the hundred before.
  await page.goBack();
  await expect(page).toHaveURL(/\/search\?page=7$/);
  await expect(list).toHaveCount(40);
});
