/**
 * The reader's whole search path on the default archive, as the worker runs it: the real bundle
 * (`buildBundle` on `archive/`) served through a stubbed `fetch`, loaded by `createSearchIndex`,
 * and queried with `SearchQuery`s (aliases, the AND-then-OR rule, filters, highlighted titles and
 * body snippets for the first page of 20; timed with and without the snippets, which the worker
 * sends after the hits). Engine-level figures are in `searchBench.ts`.
 */
import { readArchive } from '../src/librarian/archive/readArchive';
import { buildBundle } from '../src/librarian/bundle/buildBundle';
import { createSearchIndex } from '../src/search/searchIndex';
import { QUERIES } from './searchBench';

export interface ReaderSearchFigures {
  articles: number;
  firstQueryMs: number;
  /** A page of 20 hits with their snippets. */
  p50Ms: number;
  p95Ms: number;
  samples: number;
  /** The hits alone, before their snippets (what the worker sends first). */
  hitsOnly: { p50Ms: number; p95Ms: number };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function readerSearch(archiveDir = 'archive'): Promise<ReaderSearchFigures> {
  const bundle = buildBundle(await readArchive(archiveDir));
  const files = new Map<string, string>([['/bundle/manifest.json', JSON.stringify(bundle.manifest)]]);
  for (const [name, content] of bundle.files) files.set(`/bundle/${name}`, content);
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    const body = files.get(String(input));
    return body === undefined ? new Response('Not Found', { status: 404 }) : new Response(body);
  }) as typeof fetch;
  try {
    const index = createSearchIndex('/');
    let started = performance.now();
    await index.search({ q: QUERIES[0]!.query, limit: 20 });
    const firstQueryMs = performance.now() - started;
    // Warm-up pass (snippets read the texts once), then two timed passes with snippets, two without.
    for (const { query } of QUERIES) await index.search({ q: query, limit: 20 });
    const times: number[] = [];
    for (let pass = 0; pass < 2; pass++) {
      for (const { query } of QUERIES) {
        started = performance.now();
        await index.search({ q: query, limit: 20 });
        times.push(performance.now() - started);
      }
    }
    const hitTimes: number[] = [];
    for (let pass = 0; pass < 2; pass++) {
      for (const { query } of QUERIES) {
        started = performance.now();
        await index.searchInPhases({ q: query, limit: 20 });
        hitTimes.push(performance.now() - started);
      }
    }
    times.sort((a, b) => a - b);
    hitTimes.sort((a, b) => a - b);
    return {
      articles: bundle.manifest.articleCount,
      firstQueryMs,
      p50Ms: percentile(times, 50),
      p95Ms: percentile(times, 95),
      samples: times.length,
      hitsOnly: { p50Ms: percentile(hitTimes, 50), p95Ms: percentile(hitTimes, 95) },
    };
  } finally {
    globalThis.fetch = realFetch;
  }
}
