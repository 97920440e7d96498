/**
 * Plain-text dumps of the evaluation pages, made as the corpus README says: each saved page
 * rendered by headless Chromium with JavaScript off and no network, `document.body.innerText`.
 * Made once into bench/out/extraction-dumps/ (kept between runs; delete the folder to remake).
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../playwright.config';
import { progress } from '../table';
import { EVAL_DIR, type EvalPage } from './evalSet';

export const DUMP_DIR = path.join(import.meta.dirname, '..', 'out', 'extraction-dumps');

/** The dump's path for a page (`<file>.txt`). */
export function dumpPath(page: EvalPage): string {
  return path.join(DUMP_DIR, `${page.file.replace(/\.html?$/i, '')}.txt`);
}

/** Makes the dumps that are missing; returns how many were made. */
export async function makeDumps(pages: EvalPage[]): Promise<number> {
  const missing = pages.filter((p) => !existsSync(dumpPath(p)));
  if (missing.length === 0) return 0;
  await mkdir(DUMP_DIR, { recursive: true });
  progress(`rendering ${missing.length} pages in Chromium (JavaScript off, no network) for their text dumps`);
  const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    // No network: only the saved file itself is loaded (subresources on disk are missing anyway).
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    const queue = [...missing];
    let done = 0;
    const worker = async () => {
      const tab = await context.newPage();
      for (let page = queue.shift(); page; page = queue.shift()) {
        try {
          await tab.goto(pathToFileURL(path.join(EVAL_DIR, 'pages', page.file)).href, { waitUntil: 'load', timeout: 20_000 });
        } catch {
          // A page that never finishes loading still has its text.
        }
        const text = await tab.evaluate(() => document.body?.innerText ?? '').catch(() => '');
        await writeFile(dumpPath(page), text);
        if (++done % 100 === 0) progress(`${done} of ${missing.length} dumps`);
      }
      await tab.close();
    };
    await Promise.all([worker(), worker()]);
  } finally {
    await browser.close();
  }
  return missing.length;
}
