import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { chromiumLaunchOptions } from '../playwright.config';

test('Chromium reports the app installable', async ({ baseURL }) => {
  // Installability is not assessed in incognito contexts, so use a persistent profile.
  const profile = await mkdtemp(path.join(os.tmpdir(), 'news-archive-profile-'));
  const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions, headless: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(baseURL!);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] };
    expect(installabilityErrors).toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
    expect(manifest.errors).toEqual([]);
    expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});
