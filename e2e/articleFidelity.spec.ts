import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { comparableUrl, excerpt, readArchiveArticles, sweepInPage, sweptArticle, SYNTAX_LEFTOVERS, type SweptArticle } from './articleFidelity';
import { installThenGoOffline } from './installOffline';

/**
 * Every article of the default archive, offline on a phone: it fits the screen, its pictures are
 * shown or stand in as a placeholder, no source syntax shows as text, and links to articles the
 * archive holds stay in the archive. Then axe on a sample of every kind of body.
 */
const archived = readArchiveArticles();
const articles = archived.map(sweptArticle);
/** Original addresses of archived articles (every source of every article). */
const originals = new Map<string, string>();
for (const article of archived) {
  for (const source of article.sources) {
    const key = source.url === null ? undefined : comparableUrl(source.url);
    if (key !== undefined) originals.set(key, sweptArticle(article).path);
  }
}

/** Articles per `page.evaluate`: few round trips, yet a stuck article cannot hold up many. */
const BATCH = 25;

// In order, in one browser installed once; not serial, so that the data-driven sweep failing does
// not skip the layout and axe checks (a failure restarts the worker, which installs again).
test.describe.configure({ mode: 'default' });

let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser, baseURL }) => {
  ({ context, page } = await installThenGoOffline(browser, baseURL));
});

test.afterAll(async () => {
  await context.close();
});

test('every article fits a phone offline, shows no broken picture, no source syntax, and no link out to an archived article', async () => {
  test.setTimeout(15 * 60_000);
  const started = Date.now();
  const failures: { kind: string; line: string }[] = [];
  const spent = { open: 0, pictures: 0, checks: 0 };
  const fail = (kind: string, path: string, detail: string) => failures.push({ kind, line: `${path}: ${detail}` });

  for (let i = 0; i < articles.length; i += BATCH) {
    for (const report of await sweepInPage(page, articles.slice(i, i + BATCH))) {
      for (const key of ['open', 'pictures', 'checks'] as const) spent[key] += report.ms[key];
      if (report.notOpened) {
        fail('did not open', report.path, report.notOpened);
        continue;
      }
      if (report.scrollWidth > report.clientWidth + 1) fail('page scrolls sideways', report.path, `document ${report.scrollWidth} px wide in a ${report.clientWidth} px viewport`);
      if (report.wide.length > 0) fail('element wider than the screen', report.path, report.wide.slice(0, 3).join(', '));
      if (report.broken.length > 0) fail('broken picture', report.path, report.broken.slice(0, 3).join(', '));
      for (const { kind, pattern } of SYNTAX_LEFTOVERS) {
        const found = excerpt(report.text, pattern);
        if (found !== undefined) fail(kind, report.path, JSON.stringify(found));
      }
      const outward = [...new Set(report.hrefs)].filter((href) => {
        const key = comparableUrl(href);
        return key !== undefined && originals.has(key);
      });
      if (outward.length > 0) {
        fail('link to the web for an archived article', report.path, outward.slice(0, 3).map((href) => `${href} (archived at ${originals.get(comparableUrl(href)!)})`).join(', '));
      }
    }
  }

  const seconds = (Date.now() - started) / 1000;
  const kinds = [...new Set(failures.map((f) => f.kind))].sort();
  const counts = kinds.map((kind) => `${kind}: ${failures.filter((f) => f.kind === kind).length} articles`);
  const mean = (ms: number) => `${(ms / articles.length).toFixed(0)} ms`;
  const summary = [
    `${articles.length} articles swept in ${seconds.toFixed(0)} s (${((seconds * 1000) / articles.length).toFixed(0)} ms each: open ${mean(spent.open)}, pictures ${mean(spent.pictures)}, checks ${mean(spent.checks)})`,
    ...counts,
  ];
  console.log(summary.join('\n'));
  test.info().annotations.push({ type: 'sweep', description: summary.join('; ') });
  await test.info().attach('failures.txt', { body: failures.map((f) => `${f.kind}: ${f.line}`).join('\n'), contentType: 'text/plain' });
  const readable = kinds.flatMap((kind) => [`— ${kind} (${failures.filter((f) => f.kind === kind).length})`, ...failures.filter((f) => f.kind === kind).map((f) => `  ${f.line}`)]);
  expect(readable, `${summary.join('\n')}\n`).toEqual([]);
});

test('a picture the archive did not keep, or that fails to load, stands in as a placeholder with its description, never a broken image', async () => {
  const body = page.locator('main .article__body');
  const unavailable = articles.find((a) => a.body.includes('<figure class="image-unavailable">'));
  if (unavailable) {
    await sweepInPage(page, [unavailable]);
    const placeholder = body.locator('figure.image-unavailable .image-placeholder').first();
    await expect(placeholder).toBeVisible();
    await expect(placeholder).toContainText('Picture not kept in the archive.');
    await expect(placeholder.locator('.image-placeholder__alt')).not.toBeEmpty();
    await expect(placeholder.getByRole('link', { name: 'View the original (opens the original site)' })).toHaveAttribute('href', /^https?:/);
  }

  // A remote picture offline fails to load; so does an archived one missing from the device.
  const remote = articles.find((a) => /<(?:p|figure)>\s*<img\b(?=[^>]*\balt="[^"]+")[^>]*\bsrc="https?:/.test(a.body));
  if (remote) {
    const [report] = await sweepInPage(page, [remote]);
    expect(report?.broken).toEqual([]);
    await expect(body.locator('.image-placeholder', { hasText: 'Picture not kept in the archive.' }).first()).toBeVisible();
  }
  await body.evaluate((element) => {
    const img = document.createElement('img');
    img.src = '/bundle/images/not-on-this-device.webp';
    img.alt = 'The Challenge.gov award winners on stage';
    element.prepend(img);
  });
  const missing = body.locator('.image-placeholder', { hasText: 'The Challenge.gov award winners on stage' });
  await expect(missing).toContainText('Picture could not be shown on this device.');
  await expect(body.locator('img[src$="not-on-this-device.webp"]')).toHaveCount(0);
  expect(unavailable ?? remote, 'the archive has a picture that is not kept or is remote').toBeDefined();
});

test('a link to the web, offline, explains that it needs a connection instead of leaving, and Escape returns to the link', async () => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const article = archived.find((a) => /<a\b[^>]*\bhref="https?:/.test(a.body) && a.sources.some((source) => source.url !== null))!;
  await sweepInPage(page, [sweptArticle(article)]);
  const link = page.locator('main .article__body a.external-link').first();
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  const href = await link.evaluate((a: HTMLAnchorElement) => a.href);
  await link.click();
  const dialog = page.getByRole('dialog', { name: 'This page is outside the archive' });
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${sweptArticle(article).path}$`));
  await expect(dialog).toContainText(href);
  await expect(dialog.getByRole('button', { name: 'Copy address' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Copy address' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Address copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(href);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(link).toBeFocused();

  // The originals under the article get the same explanation.
  await page.locator('.originals a').first().click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('a link in a body to an archived article opens it inside the app, without a page load', async () => {
  const article = articles.find((a) => /<a\b[^>]*\bhref="\/articles\//.test(a.body));
  test.skip(article === undefined, 'no body in this archive links to an archived article yet (the librarian writes /articles/… links on import)');
  await sweepInPage(page, [article!]);
  await page.evaluate(() => ((window as { sameDocument?: boolean }).sameDocument = true));
  const link = page.locator('main .article__body a[data-app-path^="/articles/"]').first();
  const target = (await link.getAttribute('data-app-path'))!;
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator('main .article__body')).toBeVisible();
  expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
});

/**
 * 50 articles, chosen by what their bodies hold, the same ones on every run (evenly spaced through
 * the archive's order): pictures the archive did not keep, pictures, tables, code, and plain text.
 */
function axeSample(): SweptArticle[] {
  const picked = new Map<string, SweptArticle>();
  const spread = (matching: SweptArticle[], count: number) => {
    const pool = matching.filter((a) => !picked.has(a.path));
    const step = Math.max(1, pool.length / count);
    for (let i = 0; i < count && Math.floor(i * step) < pool.length; i++) {
      const article = pool[Math.floor(i * step)]!;
      picked.set(article.path, article);
    }
  };
  spread(articles.filter((a) => a.body.includes('image-unavailable')), 8);
  spread(articles.filter((a) => /<(img|figure)\b/.test(a.body)), 10);
  spread(articles.filter((a) => a.body.includes('<table')), 10);
  spread(articles.filter((a) => a.body.includes('<pre')), 8);
  spread(articles.filter((a) => !/<(img|figure|table|pre)\b/.test(a.body)), 50 - picked.size);
  return [...picked.values()];
}

/** `FIDELITY_NARROW=all` checks every article at 320 px and 200 % (about as long as the sweep), not the sample. */
const narrowArticles = () => (process.env.FIDELITY_NARROW === 'all' ? articles : axeSample());

test('50 articles of every kind fit a 320 px screen with text at 200 %', async () => {
  test.setTimeout(15 * 60_000);
  await page.setViewportSize({ width: 320, height: 640 });
  // The reader's text size: every size in the styles is in rem, so this is what a 200 % setting does.
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  const problems: string[] = [];
  try {
    const reports = [];
    for (let i = 0, list = narrowArticles(); i < list.length; i += BATCH) reports.push(...(await sweepInPage(page, list.slice(i, i + BATCH))));
    for (const report of reports) {
      if (report.notOpened) problems.push(`${report.path}: did not open: ${report.notOpened}`);
      else if (report.scrollWidth > report.clientWidth + 1) problems.push(`${report.path}: document ${report.scrollWidth} px wide in ${report.clientWidth} px`);
      else if (report.wide.length > 0) problems.push(`${report.path}: ${report.wide.slice(0, 3).join(', ')}`);
    }
  } finally {
    await page.evaluate(() => (document.documentElement.style.fontSize = ''));
    await page.setViewportSize({ width: 390, height: 844 });
  }
  expect(problems).toEqual([]);
});

test('50 articles of every kind have no axe violations in light, those with pictures, tables or code in dark too', async () => {
  test.setTimeout(10 * 60_000);
  const sample = axeSample();
  expect(sample).toHaveLength(50);
  const violations: string[] = [];
  // Placeholders, pictures, tables and code have colours of their own; plain text is covered by accessibility.spec.ts.
  const coloured = sample.filter((a) => /<(img|figure|table|pre)\b/.test(a.body));
  for (const [colorScheme, articlesInScheme] of [['light', sample], ['dark', coloured]] as const) {
    // Reduced motion: axe measures contrast at one instant, and the loading line fades in.
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    for (const article of articlesInScheme) {
      // Opened as the sweep opens it: in-app navigation, every picture loaded or replaced.
      const [report] = await sweepInPage(page, [article]);
      if (report?.notOpened) {
        violations.push(`${article.path} (${colorScheme}): did not open: ${report.notOpened}`);
        continue;
      }
      await expect(page.locator('.loading')).toHaveCount(0);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      for (const v of results.violations) {
        violations.push(`${article.path} (${colorScheme}): ${v.id} (${v.nodes.length}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      }
    }
  }
  expect(violations).toEqual([]);
});
