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
import { timeQueries } from './engineOnly';
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
    const started = performance.now();
    await index.search({ q: QUERIES[0]!.query, limit: 20 });
    const firstQueryMs = performance.now() - started;
    // Each with a warm-up pass (snippets read the texts once) and three timed passes.
    const withSnippets = await timeQueries((q) => index.search({ q, limit: 20 }));
    const hitsOnly = await timeQueries((q) => index.searchInPhases({ q, limit: 20 }));
    return {
      articles: bundle.manifest.articleCount,
      firstQueryMs,
      p50Ms: withSnippets.p50Ms,
      p95Ms: withSnippets.p95Ms,
      samples: withSnippets.samples,
      hitsOnly: { p50Ms: hitsOnly.p50Ms, p95Ms: hitsOnly.p95Ms },
    };
  } finally {
    globalThis.fetch = realFetch;
  }
}
