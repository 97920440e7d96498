import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test';

/**
 * A reader's first visit: opens the app online, waits until the service worker controls the page
 * and the page says the whole archive is saved ("Available offline", after "Saving the archive
 * for offline: N%"), then cuts the network and reloads. Returns the browser context (offline)
 * and its page.
 */
export async function installThenGoOffline(browser: Browser, baseURL: string | undefined): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await waitUntilAvailableOffline(page);
  await context.setOffline(true);
  await page.reload();
  // The network really is gone: a file that is not precached cannot be fetched.
  const probe = await page.evaluate(() => fetch(`/robots.txt?probe=${Date.now()}`).then(() => 'reached', () => 'unreachable'));
  expect(probe).toBe('unreachable');
  return { context, page };
}

/** Waits until the footer says the whole archive is saved on the device. */
export async function waitUntilAvailableOffline(page: Page): Promise<void> {
  await expect(page.locator('.site-footer')).toContainText('Available offline', { timeout: 60_000 });
}

/** Titles of the four articles imported from the seed pages, which the tests look for. */
export const ABU_KAMAL = 'Abu Kamal: Grasping Defeat from the Jaws of Victory';
export const ARAB_NEWS = 'Daesh in desperate attempt to save Albu Kamal, last Syrian bastion';
export const FWM = 'Syrian Army declares victory over ISIS';
export const SCWM = 'The End of the Caliphate?';
