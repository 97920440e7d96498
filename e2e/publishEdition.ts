import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Route } from '@playwright/test';
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
  if (!existsSync(HUFFPOST_FILE)) throw new Error(`e2e: ${HUFFPOST_FILE} is missing (../shared/corpora must sit beside the project)`);
  const root = mkdtempSync(path.join(tmpdir(), 'edition-2-'));
  const archive = path.join(root, 'archive');
  const dist = path.join(root, 'dist');
  cpSync('archive', archive, { recursive: true });
  const day = readFileSync(HUFFPOST_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.includes(`"date": "${NEW_DAY}"`));
  const records = path.join(root, `huffpost-${NEW_DAY}.jsonl`);
  writeFileSync(records, `${day.join('\n')}\n`);
  const run = (command: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
    execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  run('node_modules/.bin/tsx', ['src/librarian/cli.ts', 'import', records, '--map', 'huffpost', '--archive', archive]);
  run('node_modules/.bin/vite', ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], { NEWS_ARCHIVE_DIR: archive });
  const manifest = readManifest(dist);
  const before = new Set(readManifest('dist').files.map((f) => f.name));
  return {
    dist,
    manifest,
    addedTitles: day.map((line) => (JSON.parse(line) as { headline: string }).headline),
    newFiles: manifest.files.map((f) => f.name).filter((name) => !before.has(name)),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
};

export interface Publication {
  /** Bundle files (names under `bundle/`) requested from the new edition, in order. */
  requested: string[];
  /** Answer these bundle files as a dropped connection would, or with their first half only. */
  cut: Map<string, 'reset' | 'half'>;
  withdraw(): Promise<void>;
}

/**
 * Puts `edition` on the server the context talks to, as a deploy would: every request of the
 * context (its pages, workers and service worker) is answered from the edition's files, with the
 * app shell for navigations.
 */
export async function publish(context: BrowserContext, edition: Edition): Promise<Publication> {
  const publication: Publication = { requested: [], cut: new Map(), withdraw: async () => context.unroute('**/*', handler) };
  const handler = async (route: Route) => {
    const url = new URL(route.request().url());
    let file = path.join(edition.dist, decodeURIComponent(url.pathname));
    if (!file.startsWith(edition.dist)) return route.abort();
    if (url.pathname.startsWith('/bundle/')) {
      const name = url.pathname.slice('/bundle/'.length);
      publication.requested.push(name);
      const cut = publication.cut.get(name);
      if (cut === 'reset') return route.abort('connectionreset');
      if (cut === 'half') {
        const body = readFileSync(file);
        return route.fulfill({ status: 200, contentType: 'application/json', body: body.subarray(0, body.length >> 1) });
      }
    }
    if (!existsSync(file) || url.pathname === '/') file = path.join(edition.dist, 'index.html');
    return route.fulfill({
      status: 200,
      contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      headers: { 'cache-control': 'no-cache' },
      body: readFileSync(file),
    });
  };
  await context.route('**/*', handler);
  return publication;
}
