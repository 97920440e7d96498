import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

/** Every kind of page, checked by axe against WCAG 2.1 A and AA in light and dark mode. */
const PAGES = [
  '/',
  '/search?q=accessibility',
  '/search?q=isus',
  '/search',
  '/archive',
  '/archive/2017/11',
  '/categories',
  '/categories/middle-east',
  '/tags/research',
  '/articles/2017/11/abu-kamal-grasping-defeat-from-the-jaws-of-victory',
  '/no/such/page',
];

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every page has no axe violations (${colorScheme})`, async ({ page }) => {
    // Eleven pages, each loaded and analysed in turn: axe takes 5–20 s a page on two busy cores.
    test.setTimeout(240_000);
    // Reduced motion: axe measures contrast at one instant, and the loading line fades in.
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    for (const url of PAGES) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('.loading')).toHaveCount(0);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const summary = results.violations.map((v) => `${url}: ${v.id} (${v.nodes.length}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      expect(summary).toEqual([]);
    }
  });
}
