import { expect, test, type Page } from '@playwright/test';

/** Waits until the service worker has installed (precached everything) and controls the page. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

const ABU_KAMAL = 'Abu Kamal: Grasping Defeat from the Jaws of Victory';
const ARAB_NEWS = 'Daesh in desperate attempt to save Albu Kamal, last Syrian bastion';
const FWM = 'Syrian Army declares victory over ISIS';
const SCWM = 'The End of the Caliphate?';

test.describe('offline, after one visit online', () => {
  test.beforeEach(async ({ page, context }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.reload();
    // The network really is gone: a file that is not precached cannot be fetched.
    const probe = await page.evaluate(() => fetch(`/robots.txt?probe=${Date.now()}`).then(() => 'reached', () => 'unreachable'));
    expect(probe).toBe('unreachable');
  });

  test('home shows the latest articles and a search box', async ({ page }) => {
    const main = page.getByRole('main');
    for (const title of [SCWM, ABU_KAMAL, FWM, ARAB_NEWS]) await expect(main.getByRole('link', { name: title })).toBeVisible();
    await expect(page.getByRole('searchbox')).toBeVisible();
  });

  test('the month archive lists years and months, and a month page its articles', async ({ page }) => {
    await page.getByRole('navigation').getByRole('link', { name: 'Archive' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('2017');
    await page.getByRole('link', { name: /November/ }).first().click();
    await expect(page).toHaveURL(/\/archive\/2017\/11$/);
    for (const title of [SCWM, ABU_KAMAL, FWM, ARAB_NEWS]) await expect(page.getByRole('main').getByRole('link', { name: title })).toBeVisible();
  });

  test('categories list with counts, and a category page its articles', async ({ page }) => {
    await page.getByRole('navigation').getByRole('link', { name: 'Categories' }).click();
    await expect(page.getByRole('main')).toContainText('Middle East');
    await page.getByRole('main').getByRole('link', { name: /Middle East/ }).click();
    await expect(page).toHaveURL(/\/categories\/middle-east$/);
    await expect(page.getByRole('main').getByRole('link', { name: ARAB_NEWS })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: FWM })).toHaveCount(0);
  });

  test('an article opens by deep link with its outlets, author and body', async ({ page }) => {
    await page.goto('/articles/2017/11/abu-kamal-grasping-defeat-from-the-jaws-of-victory');
    await expect(page.getByRole('heading', { level: 1, name: ABU_KAMAL })).toBeVisible();
    const main = page.getByRole('main');
    await expect(main).toContainText('Tahir Shabbir');
    await expect(main).toContainText('PhotoNews Pakistan');
    await expect(main).toContainText('It was at Abu Kamal that the end of the ISIS Caliphate was announced.');
    await expect(main).not.toContainText('Share This Article');
    await expect(main.getByRole('link', { name: /PhotoNews Pakistan/ }).first()).toHaveAttribute('href', 'https://photonews.com.pk/abu-kamal-grasping-defeat-jaws-victory/');
  });

  test('search finds articles by their full text', async ({ page }) => {
    await page.getByRole('searchbox').fill('Hmeimim');
    await page.getByRole('searchbox').press('Enter');
    await expect(page).toHaveURL(/\/search\?q=Hmeimim$/);
    await expect(page.getByRole('main').getByRole('link', { name: FWM })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: ABU_KAMAL })).toHaveCount(0);
  });

  test('a search URL reloads offline', async ({ page }) => {
    await page.goto('/search?q=Hezbollah');
    await expect(page.getByRole('main').getByRole('link', { name: ABU_KAMAL })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: ARAB_NEWS })).toBeVisible();
  });

  test('an unknown address shows a real 404 page', async ({ page }) => {
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/not found/i);
    await page.goto('/articles/2017/11/no-such-article');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/not found/i);
  });

  test('the back button returns to the previous view', async ({ page }) => {
    await page.getByRole('main').getByRole('link', { name: FWM }).click();
    await expect(page.getByRole('heading', { level: 1, name: FWM })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('main').getByRole('link', { name: FWM })).toBeVisible();
  });
});
