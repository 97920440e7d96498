import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ArchiveMonthFile, BundleManifest } from '../src/core/format';
import { articlePath } from '../src/core/articlePath';
import { encodeImage, type EncodeImageResult } from '../src/librarian/images/encodeImage';
import { keptImageHtml } from '../src/librarian/images/keepArticleImages';
import { imageFixtures } from '../src/librarian/images/testing/imageFixtures';
import { installThenGoOffline } from './installOffline';
import { type SiteHost, startSiteHost } from './publishEdition';

/**
 * Images kept for offline, end to end in Chromium: the default archive plus one real photo kept
 * by the librarian in one article, built by vite. A first visit saves the text, then the image;
 * offline, the service worker serves the image from the device; "Keep text only" on the About
 * page deletes it, and offline it is then not to be had (the article shows its placeholder).
 */

test.describe.configure({ mode: 'serial' });

let root: string;
let host: SiteHost;
let context: BrowserContext;
let page: Page;
let image: EncodeImageResult;
let articleAddress: string;
let manifest: BundleManifest;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  root = mkdtempSync(path.join(tmpdir(), 'images-edition-'));
  const archive = path.join(root, 'archive');
  const dist = path.join(root, 'dist');
  cpSync('archive', archive, { recursive: true });
  image = await encodeImage(readFileSync(imageFixtures.photo), archive);
  const monthFile = path.join(archive, 'articles/2017-11.json');
  const month = JSON.parse(readFileSync(monthFile, 'utf8')) as ArchiveMonthFile;
  const article = month.articles[0]!;
  article.body = `<figure>${keptImageHtml(image, 'The STM32F3 Discovery board')}<figcaption>A photo kept for offline.</figcaption></figure>${article.body}`;
  writeFileSync(monthFile, `${JSON.stringify(month, null, 2)}\n`);
  articleAddress = articlePath(article.date, article.slug);
  execFileSync('node_modules/.bin/vite', ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its host (startSiteHost) sends files as they are: no .gz/.br to write.
    env: { ...process.env, NEWS_ARCHIVE_DIR: archive, NEWS_PRECOMPRESS: '0' },
  });
  manifest = JSON.parse(readFileSync(path.join(dist, 'bundle/manifest.json'), 'utf8')) as BundleManifest;
  host = await startSiteHost(dist);
  ({ context, page } = await installThenGoOffline(browser, host.url));
});

test.afterAll(async () => {
  await context?.close();
  await host?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const imageNames = () => [`images/${image.large.name}`, `images/${image.small!.name}`];

/** Bundle files saved on the device (names under `bundle/`). */
const savedFiles = () =>
  page.evaluate(async () => {
    const cache = await caches.open('news-archive-files');
    return (await cache.keys()).map((request) => new URL(request.url).pathname.replace(/^\/bundle\//, ''));
  });

/** What the page gets for a bundle image (through the service worker). */
const fetchImage = (name: string) =>
  page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
  }, `/bundle/${name}`);

test('the first visit saves the text, then the images; offline they come from the device', async () => {
  expect(manifest.files.filter((f) => f.kind === 'image').map((f) => f.name)).toEqual(imageNames());
  // The host saw every text file asked for before the first image.
  const asked = host.requested.filter((name) => name !== 'manifest.json');
  const firstImage = asked.findIndex((name) => name.startsWith('images/'));
  expect(firstImage).toBeGreaterThan(0);
  for (const file of manifest.files.filter((f) => f.kind !== 'image')) expect(asked.indexOf(file.name)).toBeLessThan(firstImage);

  expect(await savedFiles()).toEqual(expect.arrayContaining(imageNames()));
  expect(await fetchImage(imageNames()[0]!)).toEqual({ status: 200, bytes: image.large.bytes });
  await page.goto(articleAddress);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('/about');
  await expect(page.getByText(/^Images are .+ of the archive's .+, all saved on this device\.$/)).toBeVisible();
});

test('"Keep text only" deletes the saved images; offline an image is then not to be had', async () => {
  await page.goto('/about');
  const choice = page.getByRole('checkbox', { name: /Keep text only/ });
  await expect(choice).toBeEnabled();
  await choice.check();
  await expect(page.getByText(/text only: none is kept on this device\.$/)).toBeVisible();
  const saved = await savedFiles();
  for (const name of imageNames()) expect(saved).not.toContain(name);
  expect(saved.length).toBe(manifest.files.filter((f) => f.kind !== 'image').length);
  expect((await fetchImage(imageNames()[0]!)).status).toBe(504);

  // The choice is kept: after a reload the box is still checked.
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /Keep text only/ })).toBeChecked();
});
