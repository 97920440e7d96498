import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { installThenGoOffline } from './installOffline';

/**
 * Reading comfort, offline at 390 px in Chromium: text size and theme chosen in the app and
 * restored before the first paint after a reload; the print stylesheet; Share and Copy link;
 * reading time and the month's newer and older articles; axe on what this adds, light and dark.
 */

test.describe.configure({ mode: 'serial' });

/** The longest article of the default archive (8,600 words), and a 2017 seed article. */
const LONG_ARTICLE = '/articles/2013/07/digital-metrics-for-federal-agencies';
const SEED_ARTICLE = '/articles/2017/11/abu-kamal-grasping-defeat-from-the-jaws-of-victory';

let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  ({ context, page } = await installThenGoOffline(browser, baseURL));
  // What the page looks like at its first frame and at DOMContentLoaded, before the app runs.
  await context.addInitScript(() => {
    // The page's background colour is the root's --bg (body may not be parsed at the first frame).
    const look = () => ({
      theme: document.documentElement.getAttribute('data-theme'),
      fontSize: getComputedStyle(document.documentElement).fontSize,
      background: getComputedStyle(document.documentElement).getPropertyValue('--bg').trim(),
    });
    const seen = window as unknown as Record<string, unknown>;
    requestAnimationFrame(() => (seen.__firstFrame = look()));
    document.addEventListener('DOMContentLoaded', () => (seen.__domContentLoaded = look()));
  });
});

test.afterAll(async () => {
  await context?.close();
});

const openMenu = async () => {
  await page.locator('.reading-menu__button').click();
  await expect(page.locator('.reading-menu__panel')).toBeVisible();
};

test('text size and theme chosen in the header are kept, and applied before the first paint after an offline reload', async () => {
  await page.goto(LONG_ARTICLE);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The "Aa" button sits at the header's top right, beside the site's name, and the navigation
  // (Home … Saved) is one line at 390 px: the layout the styles give, not the browser's defaults.
  const button = (await page.locator('.reading-menu__button').boundingBox())!;
  const name = (await page.locator('.site-name').boundingBox())!;
  expect(button.x + button.width).toBeGreaterThan(390 - 24);
  expect(button.y).toBeLessThan(name.y + name.height);
  const navTops = await page.locator('.site-nav a').evaluateAll((links) => links.map((a) => Math.round(a.getBoundingClientRect().top)));
  expect(new Set(navTops).size).toBe(1);
  await openMenu();
  const panel = page.locator('.reading-menu__panel');
  await panel.getByRole('button', { name: 'Larger' }).click();
  await panel.getByRole('button', { name: 'Larger' }).click();
  await expect(panel.locator('output')).toHaveText('125%');
  await panel.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveCSS('font-size', '20px');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  // The record is in the reader's database, not only in the mirror the pre-paint script reads.
  const stored = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('reader');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('settings').objectStore('settings').get('reader');
          get.onsuccess = () => resolve(get.result);
        };
      }),
  );
  expect(stored).toEqual({ textSize: 2, theme: 'dark' });

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const dark = { theme: 'dark', fontSize: '20px', background: '#14171c' };
  expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__domContentLoaded)).toEqual(dark);
  expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__firstFrame)).toEqual(dark);
  await expect(page.locator('.article__body p').first()).toHaveCSS('font-size', /^(2[0-9]|3[0-9])(\.\d+)?px$/);
  await openMenu();
  await expect(page.locator('.reading-menu__panel output')).toHaveText('125%');
  await expect(page.locator('.reading-menu__panel').getByRole('radio', { name: 'Dark' })).toBeChecked();
});

test('the mirror the page is painted with is refreshed from the database (as after an import)', async () => {
  await page.evaluate(() => localStorage.setItem('reader-settings', JSON.stringify({ textSize: -1, theme: 'light' })));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Painted from the stale mirror, then put right from the database once the app is idle.
  expect(await page.evaluate(() => (window as unknown as { __firstFrame: { theme: string } }).__firstFrame.theme)).toBe('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveCSS('font-size', '20px');
  expect(JSON.parse((await page.evaluate(() => localStorage.getItem('reader-settings')))!)).toEqual({ textSize: 2, theme: 'dark' });
});

test('every step from smallest to largest, and the theme that follows the device', async () => {
  await page.goto('/about');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Text and theme' }) });
  const smaller = section.getByRole('button', { name: 'Smaller' });
  const larger = section.getByRole('button', { name: 'Larger' });
  // Playwright does not click a button marked aria-disabled: step down until it is.
  for (let i = 0; i < 8 && (await smaller.getAttribute('aria-disabled')) !== 'true'; i++) await smaller.click();
  await expect(smaller).toHaveAttribute('aria-disabled', 'true');
  const sizes = [await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)];
  for (let i = 0; i < 5; i++) {
    await larger.click();
    sizes.push(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize));
  }
  expect(sizes).toEqual(['14px', '16px', '18px', '20px', '24px', '28px']);
  await expect(larger).toHaveAttribute('aria-disabled', 'true');
  await section.getByRole('radio', { name: 'As the device' }).check();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme-choice', 'system');
  await expect(page.locator('html')).toHaveCSS('font-size', '28px');
  await section.getByRole('button', { name: 'Smaller' }).click();
  await section.getByRole('button', { name: 'Smaller' }).click();
  await section.getByRole('button', { name: 'Smaller' }).click();
  await section.getByRole('button', { name: 'Smaller' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-text-size', /./);
});

test('an article shows its reading time, and its month’s newer and older articles at its end', async () => {
  await page.goto(LONG_ARTICLE);
  await expect(page.locator('.byline .reading-time')).toHaveText(/^3[5-9] min read$/);
  const neighbours = page.getByRole('navigation', { name: 'More of July 2013' });
  await expect(neighbours.getByRole('link')).not.toHaveCount(0);
  const first = neighbours.getByRole('link').first();
  const title = await first.textContent();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!);
  expect(new URL(page.url()).pathname).toMatch(/^\/articles\/2013\/07\//);
});

test('printing shows the article alone, with the addresses of its links, dark theme or not', async () => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(SEED_ARTICLE);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  for (const chrome of ['.site-header', '.site-footer', '.share', '.month-neighbours', '.skip-link', '.reading-menu']) {
    for (const element of await page.locator(chrome).all()) await expect(element).toBeHidden();
  }
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.article__body')).toBeVisible();
  const original = page.locator('.originals a').first();
  const href = await original.getAttribute('href');
  expect(await original.evaluate((a) => getComputedStyle(a, '::after').content)).toBe(`" (${href})"`);
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await expect(page.locator('body')).toHaveCSS('color', 'rgb(0, 0, 0)');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
  await page.emulateMedia({ colorScheme: 'light', media: 'screen' });
});

test('Copy link gives the in-app address and the original’s; where the clipboard is refused it selects them', async () => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(SEED_ARTICLE);
  // Debian's Chromium has no Web Share on Linux: the fallback is what shows.
  expect(await page.evaluate(() => typeof navigator.share)).toBe('undefined');
  await expect(page.getByRole('button', { name: 'Share…' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('.share__status')).toHaveText('Link copied.');
  const original = await page.locator('.originals a').first().getAttribute('href');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.split('\n')).toEqual([await page.getByRole('heading', { level: 1 }).textContent(), `In the archive: ${new URL(page.url()).origin}${SEED_ARTICLE}`, `Original: ${original}`]);

  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    document.execCommand = () => false;
  });
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('.share__status')).toHaveText(/^Could not copy/);
  const selected = await page.evaluate(() => getSelection()?.toString() ?? '');
  expect(selected).toContain(`${new URL(page.url()).origin}${SEED_ARTICLE}`);
  expect(selected).toContain(original!);
});

test('Share hands the in-app address to the Web Share API where the browser has it', async () => {
  const sharing = await context.newPage();
  await sharing.addInitScript(() => {
    const shared: ShareData[] = [];
    Object.assign(window, { shared });
    Object.defineProperty(navigator, 'share', { configurable: true, value: async (data: ShareData) => void shared.push(data) });
  });
  await sharing.goto(SEED_ARTICLE);
  await sharing.getByRole('button', { name: 'Share…' }).click();
  const title = await sharing.getByRole('heading', { level: 1 }).textContent();
  const original = await sharing.locator('.originals a').first().getAttribute('href');
  expect(await sharing.evaluate(() => (window as unknown as { shared: ShareData[] }).shared)).toEqual([
    { title, url: `${new URL(sharing.url()).origin}${SEED_ARTICLE}`, text: `${title}\nOriginal: ${original}` },
  ]);
  await sharing.close();
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`axe: no violations on the article page with the settings open, and on About (${theme})`, async () => {
    test.setTimeout(120_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    for (const url of [SEED_ARTICLE, '/about']) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('.loading')).toHaveCount(0);
      await openMenu();
      await page.locator('.reading-menu__panel').getByRole('radio', { name: theme }).check();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
      if (url === '/about') await expect(page.locator('.stored-years')).toBeVisible();
      else await expect(page.locator('.share')).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${url}: ${v.id} (${v.nodes.length}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    }
  });
}
