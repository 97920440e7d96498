/**
 * Warm query latency in Node, over the benchmark's queries (searchBench.ts's QUERIES): one warm-up
 * pass, then three timed passes.
 * - ours: the reader's search path as the worker runs it (`createSearchIndex` from
 *   src/search/searchIndex.ts) on the bundle `librarian build` wrote, its files read from disk
 *   through a stubbed `fetch`; every part loaded first (`loadAll`), then each query asks for a page
 *   of 20 (aliases, the app's word rules, highlighted titles and snippets included);
 * - naive MiniSearch: one index over every article with the shared `searchIndexOptions`, queried
 *   with `defaultSearchOptions`, every hit returned;
 * - FlexSearch 0.8: bench/flexSearchIndex.ts over the same documents, every hit returned.
 * Pagefind searches only in a browser (its WASM and index chunks are fetched by pagefind.js), so
 * it has no figure here.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { defaultSearchOptions, searchIndexOptions, type SearchDocument } from '../src/core/searchOptions';
import { createSearchIndex } from '../src/search/searchIndex';
import { percentile } from './browser';
import { flexSearchIndex } from './flexSearchIndex';
import { collectGarbage, QUERIES } from './searchBench';

export interface EngineLatency {
  p50Ms: number;
  p95Ms: number;
  samples: number;
  /** Building the index (naive MiniSearch, FlexSearch) or loading every part (ours), seconds. */
  buildSeconds: number;
  /** Ours: the hits alone, before their snippets are cut (what the worker sends first). */
  hitsOnly?: { p50Ms: number; p95Ms: number };
}

/** A warm-up pass over the benchmark's queries, then three timed passes: p50, p95 (nearest rank). */
export async function timeQueries(search: (q: string) => unknown): Promise<Omit<EngineLatency, 'buildSeconds'>> {
  for (const { query } of QUERIES) await search(query);
  const times: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    for (const { query } of QUERIES) {
      const t = performance.now();
      await search(query);
      times.push(performance.now() - t);
    }
  }
  return { p50Ms: percentile(times, 0.5), p95Ms: percentile(times, 0.95), samples: times.length };
}

/** Ours: the reader's search path over the bundle in `bundleDir` (manifest.json and its files). */
export async function oursInNode(bundleDir: string): Promise<EngineLatency> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    const name = url.pathname.replace(/^\/bundle\//, '');
    if (name === url.pathname || name.includes('..')) return new Response('Not Found', { status: 404 });
    try {
      return new Response(await readFile(path.join(bundleDir, name)));
    } catch {
      return new Response('Not Found', { status: 404 });
    }
  }) as typeof fetch;
  try {
    collectGarbage?.();
    const started = performance.now();
    const index = createSearchIndex('/');
    await index.loadAll();
    const buildSeconds = (performance.now() - started) / 1000;
    const withSnippets = await timeQueries((q) => index.search({ q, limit: 20 }));
    const hitsOnly = await timeQueries((q) => index.searchInPhases({ q, limit: 20 }));
    return { ...withSnippets, buildSeconds, hitsOnly: { p50Ms: hitsOnly.p50Ms, p95Ms: hitsOnly.p95Ms } };
  } finally {
    globalThis.fetch = realFetch;
  }
}

/** Naive MiniSearch: one index over every document. */
export async function naiveMiniSearchInNode(documents: SearchDocument[]): Promise<EngineLatency> {
  collectGarbage?.();
  const started = performance.now();
  const index = new MiniSearch<SearchDocument>(searchIndexOptions);
  index.addAll(documents);
  const buildSeconds = (performance.now() - started) / 1000;
  return { ...(await timeQueries((q) => index.search(q, defaultSearchOptions))), buildSeconds };
}

/** FlexSearch over the same documents (document numbers as ids). */
export async function flexSearchInNode(documents: SearchDocument[]): Promise<EngineLatency> {
  collectGarbage?.();
  const started = performance.now();
  const index = flexSearchIndex();
  documents.forEach((doc, n) => index.add({ ...doc, n }));
  const buildSeconds = (performance.now() - started) / 1000;
  return { ...(await timeQueries((q) => index.search(q, { limit: documents.length, merge: true, enrich: true }))), buildSeconds };
}
