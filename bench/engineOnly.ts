/**
 * The search engine alone, as searchBench.ts measures "ours" (without FlexSearch and Lunr, so that
 * the default run stays short): one MiniSearch index over every article of the archive, built with
 * the shared `searchIndexOptions` from the documents `buildBundle` indexes, queried with
 * `defaultSearchOptions` over the benchmark's 50 queries: one warm-up pass, then three timed
 * passes, every hit returned. It does not read the shipped index files, so it holds whatever the
 * bundle format becomes; the reader's whole path (aliases, AND-then-OR, snippets) is timed in the
 * browser by warmQueries.ts.
 */
import MiniSearch from 'minisearch';
import { defaultSearchOptions, searchIndexOptions, toSearchDocument, type SearchDocument } from '../src/core/searchOptions';
import type { LoadedArchive } from '../src/librarian/archive/readArchive';
import { htmlToText } from '../src/librarian/bundle/htmlToText';
import { percentile } from './browser';
import { QUERIES } from './searchBench';

export interface EngineLatency {
  p50Ms: number;
  p95Ms: number;
  samples: number;
  buildSeconds: number;
}

export function engineOnly(archive: LoadedArchive): EngineLatency {
  const categoryNames = new Map(archive.meta.categories.map((c) => [c.slug, c.name]));
  const tagNames = new Map(archive.meta.tags.map((t) => [t.slug, t.name]));
  const started = performance.now();
  let index: MiniSearch<SearchDocument> | undefined = new MiniSearch<SearchDocument>(searchIndexOptions);
  for (const month of archive.months) {
    index.addAll(
      month.articles.map((article) =>
        toSearchDocument(article, (slug) => categoryNames.get(slug) ?? slug, (slug) => tagNames.get(slug) ?? slug, htmlToText(article.body)),
      ),
    );
  }
  const buildSeconds = (performance.now() - started) / 1000;
  for (const { query } of QUERIES) index.search(query, defaultSearchOptions);
  const times: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    for (const { query } of QUERIES) {
      const t = performance.now();
      index.search(query, defaultSearchOptions);
      times.push(performance.now() - t);
    }
  }
  index = undefined;
  return { p50Ms: percentile(times, 0.5), p95Ms: percentile(times, 0.95), samples: times.length, buildSeconds };
}
