/**
 * Loads the bundle's MiniSearch index and answers queries. Runs in the search worker, or in the
 * main thread when the browser has no module workers (see `client.ts`).
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { BUNDLE_DIR, BUNDLE_FORMAT, BUNDLE_MANIFEST, type BundleManifest } from '../core/format';
import { defaultSearchOptions, searchIndexOptions, type SearchDocument } from '../core/searchOptions';
import { expandAliases } from './expandAliases';
import { SearchError, type SearchHit, type SearchResponse } from './protocol';

interface LoadedIndex {
  edition: string;
  index: MiniSearch<SearchDocument>;
  aliases: string[][];
}

export interface SearchIndex {
  search(query: string, limit: number): Promise<SearchResponse>;
}

async function fetchBundleText(baseUrl: string, file: string, init?: RequestInit): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${BUNDLE_DIR}/${file}`, init);
  } catch (cause) {
    throw new SearchError(`search: ${file}: could not be fetched (${String(cause)}); this device may be offline and not have the search index saved yet`, 'offline');
  }
  if (!response.ok) throw new SearchError(`search: ${file}: the server answered ${response.status} ${response.statusText}`.trimEnd(), 'http');
  return response.text();
}

async function loadIndex(baseUrl: string): Promise<LoadedIndex> {
  const manifest = JSON.parse(await fetchBundleText(baseUrl, BUNDLE_MANIFEST, { cache: 'no-cache' })) as BundleManifest;
  if (manifest.format !== BUNDLE_FORMAT) {
    throw new SearchError(`search: ${BUNDLE_MANIFEST}: format ${JSON.stringify(manifest.format)} is not "${BUNDLE_FORMAT}" (reload to get the current reader)`, 'format');
  }
  // The index comes in parts (see BundleManifest.index): the head, then slices of its terms.
  const [head, ...slices] = await Promise.all(manifest.index.files.map(async (file) => JSON.parse(await fetchBundleText(baseUrl, file)) as unknown));
  const js = head as Parameters<typeof MiniSearch.loadJS>[0];
  for (const slice of slices as (typeof js.index)[]) js.index.push(...slice);
  // The very options the builder used: MiniSearch refuses an index loaded with others.
  return { edition: manifest.edition, index: MiniSearch.loadJS<SearchDocument>(js, searchIndexOptions), aliases: manifest.aliases };
}

/** How much a match on another spelling counts next to the spelling the reader typed. */
const ALIAS_WEIGHT = 0.5;

/**
 * Runs the query as typed and each of its alias variants, keeping each article's best score.
 * (One MiniSearch `OR` combination would multiply the score of an article matching several
 * spellings by the number of terms matched, ranking it above the spelling the reader typed.)
 */
function searchWithAliases(index: MiniSearch<SearchDocument>, q: string, aliases: string[][]): SearchResult[] {
  const best = new Map<unknown, SearchResult>();
  expandAliases(q, aliases).forEach((variant, i) => {
    for (const result of index.search(variant, defaultSearchOptions)) {
      const score = i === 0 ? result.score : result.score * ALIAS_WEIGHT;
      const seen = best.get(result.id);
      if (!seen || score > seen.score) best.set(result.id, { ...result, score });
    }
  });
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/** The index loads on the first query; a failed load is retried by the next one. */
export function createSearchIndex(baseUrl: string): SearchIndex {
  let loaded: Promise<LoadedIndex> | undefined;
  return {
    async search(query, limit) {
      const q = query.trim();
      loaded ??= loadIndex(baseUrl).catch((error: unknown) => {
        loaded = undefined;
        throw error;
      });
      const { edition, index, aliases } = await loaded;
      if (!q) return { query: q, total: 0, hits: [], edition };
      const results = searchWithAliases(index, q, aliases);
      const hits: SearchHit[] = results.slice(0, limit).map((r) => ({
        id: String(r.id),
        score: r.score,
        title: r.title as string,
        date: r.date as string,
        slug: r.slug as string,
        categorySlug: r.categorySlug as string,
        outlets: r.outlets as string,
        category: r.category as string,
      }));
      return { query: q, total: results.length, hits, edition };
    },
  };
}
