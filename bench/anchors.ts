/**
 * The anchors our search is measured beside, each built as a small static site from the same
 * articles (the same search documents `buildBundle` indexes) with the same page
 * (bench/anchorSite/page.ts, bundled by esbuild):
 * - naive MiniSearch: one MiniSearch index over every article with our options, one JSON file,
 *   loaded by a worker before its first answer (what the app did before it split its index);
 * - FlexSearch 0.8: a Document index over the same fields, its export() parts as files, fetched and
 *   imported by a worker before its first answer;
 * - Pagefind 1.6: its own indexer through its Node API (`createIndex` + `addCustomRecord`: title,
 *   date and the plain text of each article) and its own pagefind.js, which loads the index chunks
 *   a query needs and runs its WASM in its own worker.
 */
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import MiniSearch from 'minisearch';
import * as pagefind from 'pagefind';
import { searchIndexOptions, type SearchDocument } from '../src/core/searchOptions';
import { flexSearchIndex } from './flexSearchIndex';

export type AnchorName = 'naive MiniSearch' | 'FlexSearch' | 'Pagefind';
export const ANCHOR_NAMES: readonly AnchorName[] = ['naive MiniSearch', 'FlexSearch', 'Pagefind'];

export interface AnchorSite {
  name: AnchorName;
  dir: string;
  /** Indexing and writing the index (not bundling the page). */
  buildSeconds: number;
  /** Every file of the site and their bytes on disk. */
  files: number;
  rawBytes: number;
}

const SITE_SOURCES = path.join(process.cwd(), 'bench/anchorSite');

const page = (engine: 'worker' | 'pagefind', name: string) => `<!doctype html>
<html lang="en" data-engine="${engine}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Search (${name})</title></head>
<body><main><h1>Search</h1><form role="search"><input type="search" name="q" aria-label="Search the archive"></form>
<p class="result-count"></p><ol class="search-results"></ol></main>
<script type="module" src="/page.js"></script></body>
</html>
`;

/** Bundles one of bench/anchorSite's entry points into `outFile` (ES module, minified, for Chromium). */
async function bundle(entry: string, outFile: string): Promise<void> {
  await build({
    entryPoints: [path.join(SITE_SOURCES, entry)],
    outfile: outFile,
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'chrome120',
    logLevel: 'error',
  });
}

async function siteSize(dir: string): Promise<{ files: number; rawBytes: number }> {
  let files = 0;
  let rawBytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    rawBytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, rawBytes };
}

async function site(name: AnchorName, dir: string, engine: 'worker' | 'pagefind', writeIndex: () => Promise<void>, workerEntry?: string): Promise<AnchorSite> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'index.html'), page(engine, name));
  await writeFile(path.join(dir, 'robots.txt'), 'User-agent: *\nDisallow:\n');
  await bundle('page.ts', path.join(dir, 'page.js'));
  if (workerEntry) await bundle(workerEntry, path.join(dir, 'worker.js'));
  const started = performance.now();
  await writeIndex();
  const buildSeconds = (performance.now() - started) / 1000;
  return { name, dir, buildSeconds, ...(await siteSize(dir)) };
}

/** The naive MiniSearch site: index.json holds one MiniSearch index over every document. */
export function naiveMiniSearchSite(documents: SearchDocument[], dir: string): Promise<AnchorSite> {
  return site(
    'naive MiniSearch',
    dir,
    'worker',
    async () => {
      const index = new MiniSearch<SearchDocument>(searchIndexOptions);
      index.addAll(documents);
      await writeFile(path.join(dir, 'index.json'), JSON.stringify(index));
    },
    'miniSearchWorker.ts',
  );
}

/**
 * The FlexSearch site: its export() parts as files of their own (`flexsearch/<n>.json`, one per
 * key, as FlexSearch ships an index: one file would outgrow a JavaScript string at 100,000
 * articles) and `flexsearch/keys.json` listing them.
 */
export function flexSearchSite(documents: SearchDocument[], dir: string): Promise<AnchorSite> {
  return site(
    'FlexSearch',
    dir,
    'worker',
    async () => {
      const index = flexSearchIndex();
      documents.forEach((doc, n) => index.add({ ...doc, n }));
      await mkdir(path.join(dir, 'flexsearch'));
      const keys: string[] = [];
      const writes: Promise<void>[] = [];
      index.export((key, content) => {
        writes.push(writeFile(path.join(dir, 'flexsearch', `${keys.length}.json`), content));
        keys.push(String(key));
      });
      await Promise.all(writes);
      await writeFile(path.join(dir, 'flexsearch', 'keys.json'), JSON.stringify(keys));
    },
    'flexSearchWorker.ts',
  );
}

/** The Pagefind site: its indexer's output in /pagefind, one record per article (URL = the app's address form). */
export function pagefindSite(documents: SearchDocument[], dir: string): Promise<AnchorSite> {
  return site('Pagefind', dir, 'pagefind', async () => {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`pagefind: createIndex failed: ${errors.join('; ')}`);
    try {
      // The indexer is a child process; records go in batches so that its pipe stays busy.
      for (let i = 0; i < documents.length; i += 500) {
        await Promise.all(
          documents.slice(i, i + 500).map(async (doc) => {
            const added = await index.addCustomRecord({
              url: `/${doc.date.slice(0, 4)}/${doc.date.slice(5, 7)}/${doc.slug}`,
              content: `${doc.title}\n${doc.summary}\n${doc.body}`,
              language: 'en',
              meta: { title: doc.title, date: doc.date },
            });
            if (added.errors.length > 0) throw new Error(`pagefind: article ${doc.id}: ${added.errors.join('; ')}`);
          }),
        );
      }
      const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
      if (written.errors.length > 0) throw new Error(`pagefind: writeFiles: ${written.errors.join('; ')}`);
    } finally {
      await pagefind.close();
    }
  });
}

/** Builds the anchor named `name` into `dir`. */
export function anchorSite(name: AnchorName, documents: SearchDocument[], dir: string): Promise<AnchorSite> {
  if (name === 'naive MiniSearch') return naiveMiniSearchSite(documents, dir);
  if (name === 'FlexSearch') return flexSearchSite(documents, dir);
  return pagefindSite(documents, dir);
}
