import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BundleManifest } from '../src/core/format';

/** The HuffPost records of the corpus's newest day: one real day of news to publish. */
const HUFFPOST_FILE = path.resolve('../shared/corpora/huffpost-news-category/News_Category_Dataset_v3.newest9999.jsonl');
const NEW_DAY = '2022-09-23';

export interface Edition {
  /** The built site (`vite build` output) of this edition. */
  dist: string;
  manifest: BundleManifest;
  /** Titles of the articles this edition adds to the default archive. */
  addedTitles: string[];
  /** Data files this edition has that the default build has not. */
  newFiles: string[];
  remove(): void;
}

function readManifest(dist: string): BundleManifest {
  return JSON.parse(readFileSync(path.join(dist, 'bundle', 'manifest.json'), 'utf8')) as BundleManifest;
}

/**
 * Edition 2, as a librarian makes it: the default archive plus one day of real HuffPost records,
 * imported with the librarian's CLI into a copy of `archive/`, then the whole site built with
 * `vite build` into a temporary directory (the same app code, so only the bundle, the manifest's
 * revision in sw.js, and nothing else differs from `dist/`).
 */
export function publishSecondEdition(): Edition {
  const day = huffpostLines().filter((line) => line.includes(`"date": "${NEW_DAY}"`));
  const site = buildSiteWithRecords('edition-2-', `huffpost-${NEW_DAY}.jsonl`, day);
  const manifest = readManifest(site.dist);
  const before = new Set(readManifest('dist').files.map((f) => f.name));
  return {
    dist: site.dist,
    manifest,
    addedTitles: day.map((line) => (JSON.parse(line) as { headline: string }).headline),
    newFiles: manifest.files.map((f) => f.name).filter((name) => !before.has(name)),
    remove: site.remove,
  };
}

/** The lines of the HuffPost corpus (JSON Lines records), or an error naming the missing file. */
export function huffpostLines(): string[] {
  if (!existsSync(HUFFPOST_FILE)) throw new Error(`e2e: ${HUFFPOST_FILE} is missing (../shared/corpora must sit beside the project)`);
  return readFileSync(HUFFPOST_FILE, 'utf8').split('\n');
}

/**
 * A site as a librarian makes it: `edit` runs the librarian's CLI (`librarian(args)`) on a copy
 * of `archive/` in a temporary directory (`prefix` names it; `root` is that directory, for its
 * input files), then the whole site is built with `vite build` beside it; `remove` deletes both.
 */
export function buildEditedSite(prefix: string, edit: (archive: string, librarian: (args: string[]) => void, root: string) => void): { dist: string; remove(): void } {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  const archive = path.join(root, 'archive');
  const dist = path.join(root, 'dist');
  cpSync('archive', archive, { recursive: true });
  const run = (command: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
    execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  edit(archive, (args) => run('node_modules/.bin/tsx', ['src/librarian/cli.ts', ...args]), root);
  // Its hosts here send files as they are: no .gz/.br to write (compressing costs seconds a build).
  run('node_modules/.bin/vite', ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], { NEWS_ARCHIVE_DIR: archive, NEWS_PRECOMPRESS: '0' });
  return { dist, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** {@link buildEditedSite} with HuffPost `records` (JSON Lines) imported into the archive. */
export function buildSiteWithRecords(prefix: string, fileName: string, records: readonly string[]): { dist: string; remove(): void } {
  return buildEditedSite(prefix, (archive, librarian, root) => {
    const file = path.join(root, fileName);
    writeFileSync(file, `${records.join('\n')}\n`);
    librarian(['import', file, '--map', 'huffpost', '--archive', archive]);
  });
}

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
};

/**
 * A web host for one site whose files can be replaced while it runs, as a deploy replaces them:
 * static files with `no-cache`, the app shell for navigations, and two ways for a download to go
 * wrong on purpose (a dropped connection, or only the first half of a file).
 */
export interface SiteHost {
  url: string;
  /** Serves `dist` from now on (a deploy). */
  deploy(dist: string): void;
  /** Bundle files (names under `bundle/`) requested since the last `deploy`, in order. */
  requested: string[];
  /** Bundle files to answer as a dropped connection would (`reset`), or with their first half only. */
  cut: Map<string, 'reset' | 'half'>;
  close(): Promise<void>;
}

export async function startSiteHost(dist: string): Promise<SiteHost> {
  let root = dist;
  const host = {
    url: '',
    requested: [] as string[],
    cut: new Map<string, 'reset' | 'half'>(),
    deploy(next: string) {
      root = next;
      host.requested.length = 0;
      host.cut.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) return response.writeHead(403).end();
    if (url.pathname.startsWith('/bundle/')) {
      const name = url.pathname.slice('/bundle/'.length);
      host.requested.push(name);
      const cut = host.cut.get(name);
      if (cut === 'reset') return request.socket.destroy();
      if (cut === 'half') {
        const body = readFileSync(file);
        response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
        return response.end(body.subarray(0, body.length >> 1));
      }
    }
    if (!existsSync(file) || statSync(file).isDirectory()) {
      if (path.extname(url.pathname)) return response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      file = path.join(root, 'index.html');
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  host.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return host;
}

/**
 * Asks the browser to look for a new service worker for `page`, and waits until that attempt has
 * ended: `waiting` when a new edition's worker is installed and waiting, else `none`.
 */
export function lookForUpdate(page: Page): Promise<'waiting' | 'none'> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration) throw new Error('no service worker registration');
    await registration.update().catch(() => undefined);
    for (;;) {
      const installing = registration.installing;
      if (!installing) return registration.waiting ? 'waiting' : 'none';
      await new Promise<void>((resolve) => installing.addEventListener('statechange', () => resolve(), { once: true }));
    }
  });
}
