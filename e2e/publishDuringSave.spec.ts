import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BundleManifest } from '../src/core/format';
import { CONTENT_TYPES, type Edition, lookForUpdate, publishSecondEdition } from './publishEdition';

/**
 * `librarian publish` while a reader's device is saving the edition it replaces: edition 1 is
 * published into a folder that a plain static host serves; a reader opens the app, and while its
 * service worker is halfway through saving edition 1 for offline use, edition 2 is published into
 * the same folder. The save must finish (edition 1's files are still there), no request may fail,
 * and the reader must end with a whole edition: edition 1 saved and edition 2 offered, or edition 2.
 */

test.describe.configure({ mode: 'serial' });

const edition1 = JSON.parse(readFileSync('dist/bundle/manifest.json', 'utf8')) as BundleManifest;
const count = (n: number) => n.toLocaleString('en-GB');

/** Runs the librarian's CLI (without blocking the test's host), rejecting with its output when it fails. */
function librarian(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('node_modules/.bin/tsx', ['src/librarian/cli.ts', ...args], { encoding: 'utf8' }, (error, stdout, stderr) =>
      error ? reject(new Error(`librarian ${args.join(' ')} failed: ${stderr || error.message}`)) : resolve(stdout),
    );
  });
}

/**
 * A plain static host for the published folder: every request read from disk as it comes (so a
 * publish shows at once), `no-cache`, the app for in-app addresses. Bundle data files can be
 * held back after the first `holdAfter`, to catch a save in the middle; every answer is logged.
 */
async function startFolderHost(root: string) {
  const log: { path: string; status: number }[] = [];
  const held: (() => void)[] = [];
  let dataFiles = 0;
  const host = { url: '', log, held, holdAfter: Infinity, release: () => {}, close: () => Promise.resolve() };
  host.release = () => {
    host.holdAfter = Infinity;
    for (const go of held.splice(0)) go();
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host');
    const answer = (status: number, file?: string) => {
      log.push({ path: url.pathname, status });
      if (!file) return response.writeHead(status, { 'content-type': 'text/plain' }).end(String(status));
      response.writeHead(status, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      response.end(readFileSync(file));
    };
    const serve = () => {
      let file = path.join(root, decodeURIComponent(url.pathname));
      if (!file.startsWith(root)) return answer(403);
      if (!existsSync(file) || statSync(file).isDirectory()) {
        if (path.extname(url.pathname)) return answer(404);
        file = path.join(root, 'index.html');
      }
      answer(200, file);
    };
    if (url.pathname.startsWith('/bundle/') && url.pathname !== '/bundle/manifest.json' && ++dataFiles > host.holdAfter) return void held.push(serve);
    serve();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  host.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  host.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return host;
}

let edition2: Edition;
let folder: string;
let host: Awaited<ReturnType<typeof startFolderHost>>;
let context: BrowserContext;
let page: Page;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  edition2 = publishSecondEdition();
  folder = path.join(mkdtempSync(path.join(tmpdir(), 'publish-during-save-')), 'www');
  await librarian('publish', '--from', 'dist', '--to', folder);
  host = await startFolderHost(folder);
});

test.afterAll(async () => {
  await context?.close();
  await host?.close();
  edition2?.remove();
  if (folder) rmSync(path.dirname(folder), { recursive: true, force: true });
});

test('a reader saving edition 1 while edition 2 is published ends with a whole edition, and no request fails', async ({ browser }) => {
  test.setTimeout(420_000);
  context = await browser.newContext({ baseURL: host.url, viewport: { width: 390, height: 844 } });
  page = await context.newPage();
  // The save stops after 40 data files until the deploy has landed.
  host.holdAfter = 40;
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(() => host.held.length, { timeout: 60_000 }).toBeGreaterThan(0);
  await expect(page.getByText(/Saving the archive for offline: \d+%/).first()).toBeVisible();

  const published = await librarian('publish', '--from', edition2.dist, '--to', folder);
  host.release();

  // The save goes on with edition 1's files (slowly on a loaded machine) until it is whole.
  const footer = page.locator('.site-footer');
  await expect(footer).toContainText('Available offline', { timeout: 180_000 });
  if ((await footer.textContent())?.includes(`${count(edition1.articleCount)} articles`)) {
    // Edition 1 was saved whole; edition 2 is found and offered.
    const found = await lookForUpdate(page);
    expect(found).toBe('waiting');
    const banner = page.getByRole('status').filter({ hasText: 'New edition available' });
    await expect(banner).toContainText(`New edition available: ${edition2.addedTitles.length} new articles`);
    await banner.getByRole('button', { name: 'Update now' }).click();
  }
  await expect(footer).toContainText(`${count(edition2.manifest.articleCount)} articles`, { timeout: 60_000 });

  // Every request the host saw was answered: no file of either edition was missing.
  expect(host.log.filter((r) => r.status !== 200)).toEqual([]);
  expect(host.log.some((r) => edition2.newFiles.includes(r.path.replace('/bundle/', '')))).toBe(true);

  // Offline, the reader has edition 2 whole.
  await context.setOffline(true);
  await page.reload();
  await expect(footer).toContainText('Available offline', { timeout: 30_000 });
  await expect(footer).toContainText(`${count(edition2.manifest.articleCount)} articles`);
  const title = edition2.addedTitles[0]!;
  await page.goto(`/search?q=${encodeURIComponent(title)}`);
  // A cold search on a loaded machine may take a while ("Searching…"); what counts is what it finds.
  await expect(page.getByRole('main').getByRole('link', { name: title })).toBeVisible({ timeout: 30_000 });

  expect(published).toContain(`Published edition ${edition2.manifest.edition}`);
  expect(published).toContain(`The files of edition ${edition1.edition}`);
});
