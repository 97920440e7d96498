import { expect, test } from '@playwright/test';
import path from 'node:path';
import { installThenGoOffline } from './installOffline';
import { publishSecondEdition, startSiteHost } from './publishEdition';

/**
 * The update prompt anywhere in a long article (390 px): edition 2 published while the reader is
 * at the end of an 8,600-word article, the prompt is in view there, what gets focus is scrolled
 * clear of it, and "Later" dismisses it with focus on the page.
 */
test('the update prompt stays in view at the end of a long article, clear of what gets focus, and can be put off', async ({ browser }) => {
  test.setTimeout(300_000);
  const edition2 = publishSecondEdition();
  const host = await startSiteHost(path.resolve('dist'));
  const { context, page } = await installThenGoOffline(browser, host.url);
  try {
    await context.setOffline(false);
    host.deploy(edition2.dist);
    await page.goto('/articles/2013/07/digital-metrics-for-federal-agencies');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 60_000 });
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
    const banner = page.locator('.update-banner');
    await expect(banner).toContainText('New edition available', { timeout: 120_000 });

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(20_000);
    const box = (await banner.boundingBox())!;
    expect(box.y).toBe(0);
    expect(box.height).toBeLessThan(844 / 4);
    await page.screenshot({ path: 'test-results/update-banner-end-390.png' });

    // A link far above, focused from the end of the page, lands below the prompt, not under it.
    const link = page.locator('.article__body a').nth(10);
    await link.focus();
    const linkBox = (await link.boundingBox())!;
    expect(linkBox.y).toBeGreaterThanOrEqual(box.height);

    await banner.getByRole('button', { name: 'Later' }).click();
    await expect(banner).toHaveCount(0);
    await expect(page.locator('#main')).toBeFocused();
  } finally {
    await context.close();
    await host.close();
    edition2.remove();
  }
});
