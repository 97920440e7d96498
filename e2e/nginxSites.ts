import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, type ConsoleMessage, type Page, test as base, type Worker } from '@playwright/test';
import { articlePath } from '../src/core/articlePath';
import type { ArchiveMonthFile } from '../src/core/format';
import { encodeImage } from '../src/librarian/images/encodeImage';
import { keptImageHtml } from '../src/librarian/images/keepArticleImages';
import { imageFixtures } from '../src/librarian/images/testing/imageFixtures';
import { ABU_KAMAL, SCWM } from './installOffline';
import { type CspReport, type NginxHost, startCspReportCollector, startNginx } from './nginxHost';

export const NEWS_BASE = '/news/';

/**
 * The archive built for `/news/` (`vite build --base /news/`, as `npm run build -- --base /news/`
 * runs it) and served by nginx with the shipped configuration, violations of its
 * Content-Security-Policy sent to a collector. Its archive is the default one with two changes
 * made in the archive files, as a librarian's hand (or a faulty importer) could make them: one
 * article shows a picture the archive keeps, and another's body carries a script and an event
 * handler that the sanitiser would have removed.
 */
export interface NewsSite {
  dist: string;
  host: NginxHost;
  reports: CspReport[];
  /** The article with a kept picture: its address below the base, and the picture's file under `bundle/`. */
  pictured: { path: string; title: string; image: string };
  /** The article whose body carries `<script>` and `onerror`, which set `window.__injected` if they run. */
  tampered: { path: string; title: string };
}

/** What the tampered body would set if its script or handler ran. */
export const INJECTED_BODY = `<p>The archive file of this article was edited by hand.</p><script>window.__injected = 'a script in the body'</script><p><img src="missing-picture.png" alt="A picture that is not there" onerror="window.__injected = 'a handler in the body'"></p>`;

async function buildNewsSite(root: string): Promise<Omit<NewsSite, 'host' | 'reports'>> {
  const archive = path.join(root, 'archive');
  const dist = path.join(root, 'dist');
  cpSync('archive', archive, { recursive: true });
  const image = await encodeImage(readFileSync(imageFixtures.photo), archive);
  const monthFile = path.join(archive, 'articles/2017-11.json');
  const month = JSON.parse(readFileSync(monthFile, 'utf8')) as ArchiveMonthFile;
  const pictured = month.articles.find((a) => a.title === ABU_KAMAL)!;
  pictured.body = `<figure>${keptImageHtml(image, 'The STM32F3 Discovery board')}<figcaption>A photo kept for offline.</figcaption></figure>${pictured.body}`;
  const tampered = month.articles.find((a) => a.title === SCWM)!;
  tampered.body = `${INJECTED_BODY}${tampered.body}`;
  writeFileSync(monthFile, `${JSON.stringify(month, null, 2)}\n`);
  execFileSync('node_modules/.bin/vite', ['build', '--base', NEWS_BASE, '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEWS_ARCHIVE_DIR: archive },
  });
  const relative = (address: string) => address.replace(/^\//, '');
  return {
    dist,
    pictured: { path: relative(articlePath(pictured.date, pictured.slug)), title: pictured.title, image: `images/${image.large.name}` },
    tampered: { path: relative(articlePath(tampered.date, tampered.slug)), title: tampered.title },
  };
}

/** Tests with the `/news/` site, built once per test worker and shared by the spec files that use it. */
export const test = base.extend<object, { newsSite: NewsSite }>({
  newsSite: [
    async ({}, use) => {
      const root = mkdtempSync(path.join(tmpdir(), 'news-base-'));
      const collector = await startCspReportCollector();
      let host: NginxHost | undefined;
      try {
        const site = await buildNewsSite(root);
        host = await startNginx({ dist: site.dist, base: NEWS_BASE, policy: { reportUri: collector.url } });
        await use({ ...site, host, reports: collector.reports });
      } finally {
        await host?.close();
        await collector.close();
        rmSync(root, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 300_000 },
  ],
});

/**
 * What the browser says about the policies on a page's console: Chromium logs every
 * Content-Security-Policy violation ("Refused to …") and every Permissions-Policy header it cannot
 * read; `watchPolicyMessages` also logs each `securitypolicyviolation` event the page sees.
 */
export function isPolicyMessage(message: ConsoleMessage): boolean {
  return /Content[ -]Security[ -]Policy|Permissions[ -]Policy|Refused to|securitypolicyviolation/i.test(message.text());
}

/**
 * Collects the policy messages ({@link isPolicyMessage}) of every page, worker and service worker
 * of `context`, each with its address; the pages also log each `securitypolicyviolation` event.
 */
export async function watchPolicyMessages(context: BrowserContext): Promise<string[]> {
  const messages: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`securitypolicyviolation: ${event.effectiveDirective} blocked ${event.blockedURI} in ${event.sourceFile}`),
    );
  });
  const listen = (source: Page | Worker) =>
    source.on('console', (message: ConsoleMessage) => {
      if (isPolicyMessage(message)) messages.push(`${source.url()}: ${message.text()}`);
    });
  const watch = (page: Page) => {
    listen(page);
    page.on('worker', listen);
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  context.serviceWorkers().forEach(listen);
  context.on('serviceworker', listen);
  return messages;
}
