/**
 * Loads the bundle's MiniSearch index and answers queries: words and filters in, a page of hits
 * with their marked titles and snippets out. Runs in the search worker, or in the main thread when
 * the browser has no module workers (see `client.ts`).
 *
 * How words combine (the rule the UI explains to readers):
 * - Every word must match (`mode: 'all'`), each in any of its forms (see `wordForms`: "al-Abadi"
 *   as "al abadi" or "alabadi"), the last one completed as a prefix while it is being typed, and
 *   words of five letters or more tolerant of a typo (two from eight letters; one fewer for a word
 *   the archive has as typed).
 * - When no article has every word, articles with any of them are shown (`mode: 'any'`), ranked by
 *   how many they have; words found in most articles ("the", "of") do not make an article match on
 *   their own then. Corrections of unknown words are offered as `suggestions`.
 * - The query is also run with each aliased name spelt the archive's other ways (ISIS, Daesh…),
 *   and with neighbouring words written as one ("albu kamal" → "albukamal", "section 508" →
 *   "section508"); an article keeps its best score, a match on another spelling counting
 *   {@link ALIAS_WEIGHT} of one on the spelling typed.
 * - Filters (category, months, outlet) apply to both steps; with no words, every article that
 *   passes them is listed, newest first (`mode: 'browse'`).
 */
import MiniSearch, { type Query, type SearchOptions, type SearchResult } from 'minisearch';
import { BUNDLE_DIR, BUNDLE_FORMAT, BUNDLE_MANIFEST, type BundleManifest } from '../core/format';
import { FIELD_BOOSTS, foldTerm, fuzzyDistance, searchIndexOptions, splitOutlets, type SearchDocument } from '../core/searchOptions';
import { createArticleTexts } from './articleTexts';
import { COMPILED_QUERY_OPTIONS, compileQuery, isTyping, joinedVariants, parseQuery, type QueryWord } from './compileQuery';
import { expandAliases } from './expandAliases';
import { highlightMatches, snippetAround } from './highlightMatches';
import { suggestQueries } from './suggestQueries';
import { createTermIndex } from './termIndex';
import { termNeeds } from './termNeeds';
import {
  DEFAULT_SEARCH_LIMIT,
  MAX_SEARCH_LIMIT,
  SearchError,
  UNCATEGORISED_SLUG,
  type SearchHit,
  type SearchQuery,
  type SearchResponse,
} from './protocol';

/** How much a match on another spelling of an aliased name counts next to the spelling typed. */
export const ALIAS_WEIGHT = 0.7;
/** How much a match on two words written as one counts next to the words as typed. */
export const JOINED_WEIGHT = 0.9;
/** A word found in more than this share of the articles does not make a match alone (`any` mode). */
export const FREQUENT_WORD_SHARE = 0.5;
/** How much a frequent word counts when choosing the passage of a snippet. */
const FREQUENT_TERM_WEIGHT = 0.1;
/** Words whose article counts are kept for the next queries. */
const MAX_MEMOISED_WORDS = 10_000;
/** Corrections offered at most, when not every word was found. */
export const MAX_SUGGESTIONS = 3;

export interface SearchIndex {
  /** Answers a query; rejects with `signal.reason` when aborted, with a SearchError when the index cannot load. */
  search(query: SearchQuery, signal?: AbortSignal): Promise<SearchResponse>;
  /** Resolves once the index can answer (its terms load with each query: see `termIndex.ts`). */
  loadAll(): Promise<void>;
}

interface LoadedIndex {
  manifest: BundleManifest;
  /** Every article, with the terms loaded so far (see `termIndex.ts`). */
  index: MiniSearch<SearchDocument>;
  /** Loads what a query needs of the index: its terms, and the facets when it has filters. */
  prepare(query: SearchQuery, typing: boolean): Promise<void>;
  /** Gives the results of a page their articles' fields (loaded for those only). */
  loadDocuments(results: readonly SearchResult[]): Promise<void>;
  /** Articles matching a word exactly, by the word's forms (memoised: common words recur). */
  documentFrequency: Map<string, number>;
  /** Every term of every spelling in the archive's alias groups. */
  aliasTerms: Set<string>;
}

/** One way of reading the query: its words, how much a match on them counts, their typo tolerance. */
interface Variant {
  words: QueryWord[];
  weight: number;
  distance: (term: string) => number;
}

/** A matching article: its best score over the variants, and every document term they matched. */
interface Match {
  result: SearchResult;
  score: number;
  terms: Set<string>;
}

/** Where the index and the articles come from: the device's store in the app, `fetch` in tests. */
export interface BundleSource {
  loadManifest(): Promise<BundleManifest>;
  loadFile(name: string): Promise<string>;
}

/** `fetch` of `BASE_URL/bundle/<file>`, for tests and for pages that keep nothing on the device. */
export function fetchBundleSource(baseUrl: string): BundleSource {
  const fetchText = async (file: string, init?: RequestInit): Promise<string> => {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${BUNDLE_DIR}/${file}`, init);
    } catch (cause) {
      throw new SearchError(`search: ${file}: could not be fetched (${String(cause)}); this device may be offline and not have the search index saved yet`, 'offline');
    }
    if (!response.ok) throw new SearchError(`search: ${file}: the server answered ${response.status} ${response.statusText}`.trimEnd(), 'http');
    return response.text();
  };
  return {
    loadManifest: async () => JSON.parse(await fetchText(BUNDLE_MANIFEST, { cache: 'no-cache' })) as BundleManifest,
    loadFile: (name) => fetchText(name),
  };
}

/** A load failure as the search reports it: offline when a file could not be had. */
function asSearchError(error: unknown): unknown {
  if (error instanceof SearchError) return error;
  const failure = (error as { failure?: unknown } | null)?.failure;
  if (failure === 'offline' || failure === 'http' || failure === 'format') return new SearchError((error as Error).message, failure);
  return error;
}

/**
 * Reads the manifest and sets up the on-demand index (see `termIndex.ts`): every article is in it
 * at once, and each query loads the terms it needs before it runs, so that every answer covers
 * the whole archive. A file that cannot be had fails that query (with the file's name), and is
 * tried again by the next.
 */
async function loadIndex(source: BundleSource): Promise<LoadedIndex> {
  const manifest = await source.loadManifest().catch((error: unknown) => Promise.reject(asSearchError(error)));
  if (manifest.format !== BUNDLE_FORMAT) {
    throw new SearchError(`search: ${BUNDLE_MANIFEST}: format ${JSON.stringify(manifest.format)} is not "${BUNDLE_FORMAT}" (reload to get the current reader)`, 'format');
  }
  const terms = createTermIndex(manifest, (file) => source.loadFile(file));
  const aliasTerms = new Set(manifest.aliases.flat().flatMap((spelling) => parseQuery(spelling).flat(2)));
  const loading = <T>(promise: Promise<T>) => promise.catch((error: unknown) => Promise.reject(asSearchError(error)));
  return {
    manifest,
    index: terms.index,
    documentFrequency: new Map(),
    aliasTerms,
    prepare: (query, typing) =>
      loading(Promise.all([terms.loadTerms(termNeeds(query.q ?? '', manifest.aliases, typing)), query.category || query.outlet ? terms.loadFacets() : undefined]).then(() => undefined)),
    loadDocuments: (results) => loading(terms.loadDocuments(results)),
  };
}

/** The filters of a query as a MiniSearch result filter, or undefined when it has none. */
function resultFilter(query: SearchQuery): ((result: SearchResult) => boolean) | undefined {
  const { category, from, to } = query;
  const outlet = query.outlet ? foldTerm(query.outlet) : undefined;
  if (!category && !from && !to && !outlet) return undefined;
  return (result) => {
    const slug = result.categorySlug as string;
    if (category === UNCATEGORISED_SLUG ? slug !== '' && slug !== UNCATEGORISED_SLUG : category && slug !== category) return false;
    const month = (result.date as string).slice(0, 7);
    if ((from && month < from) || (to && month > to)) return false;
    return !outlet || splitOutlets(result.outlets as string).some((name) => foldTerm(name) === outlet);
  };
}

const newestFirst = (a: Match, b: Match): number =>
  (b.result.date as string).localeCompare(a.result.date as string) || String(a.result.id).localeCompare(String(b.result.id));
const bestFirst = (a: Match, b: Match): number => b.score - a.score || newestFirst(a, b);

const exactOptions: SearchOptions = { ...COMPILED_QUERY_OPTIONS, prefix: false, fuzzy: false };

/** How many articles hold a word exactly, in any of its forms. */
function documentFrequency(loaded: LoadedIndex, word: QueryWord): number {
  const key = JSON.stringify(word);
  let count = loaded.documentFrequency.get(key);
  if (count === undefined) {
    const query: Query = { combineWith: 'OR', queries: word.map((terms) => ({ combineWith: 'AND', queries: terms })) };
    count = loaded.index.search(query, exactOptions).length;
    // Every prefix typed adds an entry: start again rather than grow without end.
    if (loaded.documentFrequency.size >= MAX_MEMOISED_WORDS) loaded.documentFrequency.clear();
    loaded.documentFrequency.set(key, count);
  }
  return count;
}

function isFrequent(loaded: LoadedIndex, word: QueryWord): boolean {
  return documentFrequency(loaded, word) > loaded.index.documentCount * FREQUENT_WORD_SHARE;
}

/**
 * Typos tolerated in a term the reader typed: `fuzzyDistance`, one less when the index has the
 * term as typed ("daesh" is a word of the archive, not a slip for "dash"; "hezbolah" is not).
 */
function typedDistance(loaded: LoadedIndex): (term: string) => number {
  return (term) => {
    const distance = fuzzyDistance(term);
    return distance > 0 && documentFrequency(loaded, [[term]]) > 0 ? distance - 1 : distance;
  };
}

/**
 * The query as typed, with each aliased name spelt the other ways, and each of those with a pair
 * of neighbouring words joined where the index knows the joined word.
 */
function queryVariants(loaded: LoadedIndex, q: string, aliases: string[][], typing: boolean): Variant[] {
  const variants: Variant[] = [];
  const typed = typedDistance(loaded);
  // A spelling from the alias list is spelt right: only the words the reader typed may have typos.
  const aliased = (term: string) => (loaded.aliasTerms.has(term) ? 0 : typed(term));
  for (const [i, text] of expandAliases(q, aliases).entries()) {
    const words = parseQuery(text);
    if (words.length === 0) continue;
    const weight = i === 0 ? 1 : ALIAS_WEIGHT;
    const distance = i === 0 ? typed : aliased;
    variants.push({ words, weight, distance });
    for (const joined of joinedVariants(words)) {
      const known = loaded.index.search({ queries: [joined.joined], prefix: typing && joined.last }, exactOptions).length > 0;
      if (known) variants.push({ words: joined.words, weight: weight * JOINED_WEIGHT, distance });
    }
  }
  return variants;
}

/**
 * Runs every variant and keeps each article's best score. Scores are divided by the square of the
 * number of words (MiniSearch adds up the words' scores and multiplies by how many matched), so
 * that "islamic state" competes on equal terms with "daesh".
 */
function runVariants(
  loaded: LoadedIndex,
  variants: readonly Variant[],
  combineWith: 'AND' | 'OR',
  typing: boolean,
  filter: ((result: SearchResult) => boolean) | undefined,
): Map<unknown, Match> {
  const matches = new Map<unknown, Match>();
  for (const variant of variants) {
    let words = variant.words;
    if (combineWith === 'OR') {
      const rare = words.filter((w) => !isFrequent(loaded, w));
      if (rare.length > 0) words = rare;
    }
    // Typing applies to the last word as typed: when it was dropped as frequent, to none.
    const lastKept = words.at(-1) === variant.words.at(-1);
    const query = compileQuery(words, combineWith, { typing: typing && lastKept, distance: variant.distance });
    for (const result of loaded.index.search(query, { ...COMPILED_QUERY_OPTIONS, boost: FIELD_BOOSTS, filter })) {
      const score = (result.score * variant.weight) / words.length ** 2;
      const seen = matches.get(result.id);
      if (!seen) {
        matches.set(result.id, { result, score, terms: new Set(result.terms) });
        continue;
      }
      for (const term of result.terms) seen.terms.add(term);
      if (score > seen.score) [seen.score, seen.result] = [score, result];
    }
  }
  return matches;
}

function clampInteger(value: number | undefined, fallback: number, min: number, max: number): number {
  return value === undefined || !Number.isFinite(value) ? fallback : Math.min(max, Math.max(min, Math.floor(value)));
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason;
}

/**
 * The index loads on the first query (the newest part first; the rest in the background); a failed
 * load is retried by the next query. `source` is a base URL to fetch from, or the device's store.
 */
export function createSearchIndex(source: string | BundleSource): SearchIndex {
  const bundle = typeof source === 'string' ? fetchBundleSource(source) : source;
  let loaded: Promise<LoadedIndex> | undefined;
  const texts = createArticleTexts((file) => bundle.loadFile(file).catch((error: unknown) => Promise.reject(asSearchError(error))));

  const load = () =>
    (loaded ??= loadIndex(bundle).catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));

  return {
    async loadAll() {
      await load();
    },
    async search(query, signal) {
      const current = await load();
      throwIfAborted(signal);
      const { manifest, index } = current;
      const q = query.q ?? '';
      const words = parseQuery(q);
      const typing = isTyping(q);
      await current.prepare(query, typing);
      throwIfAborted(signal);
      const filter = resultFilter(query);
      // Parts may arrive while snippets are read below: the answer is from the articles in now.
      const searched = index.documentCount;

      let mode: SearchResponse['mode'] = 'all';
      let matches: Map<unknown, Match>;
      let frequent = new Set<string>();
      if (words.length === 0) {
        mode = 'browse';
        matches = new Map(index.search(MiniSearch.wildcard, { filter }).map((result) => [result.id, { result, score: 0, terms: new Set<string>() }]));
      } else {
        const variants = queryVariants(current, q, manifest.aliases, typing);
        matches = runVariants(current, variants, 'AND', typing, filter);
        if (matches.size === 0) {
          // `any` even when this finds nothing either: not every word was found (and for a single
          // word, OR would find no more than AND did).
          if (variants.some((v) => v.words.length > 1)) matches = runVariants(current, variants, 'OR', typing, filter);
          mode = 'any';
        }
        frequent = new Set(variants.flatMap((v) => v.words.filter((w) => isFrequent(current, w)).flat(2)));
      }

      const sort = query.sort ?? (mode === 'browse' ? 'newest' : 'relevance');
      const ranked = [...matches.values()].sort(sort === 'newest' ? newestFirst : bestFirst);
      const offset = clampInteger(query.offset, 0, 0, Number.MAX_SAFE_INTEGER);
      const limit = clampInteger(query.limit, DEFAULT_SEARCH_LIMIT, 0, MAX_SEARCH_LIMIT);
      const weight = (term: string) => (frequent.has(term) ? FREQUENT_TERM_WEIGHT : 1);
      // Corrections when not every word was found: a typo beyond the tolerance, or an unknown word.
      const suggestions = words.length > 0 && mode !== 'all' ? suggestQueries(index, words, filter, MAX_SUGGESTIONS) : [];

      const page = ranked.slice(offset, offset + limit);
      await current.loadDocuments(page.map((match) => match.result));
      const hits = await Promise.all(
        page.map(async ({ result, score, terms }): Promise<SearchHit> => {
          const id = String(result.id);
          const title = result.title as string;
          const date = result.date as string;
          const body = mode === 'browse' ? null : await texts.bodyText(manifest, id, date);
          return {
            id,
            score,
            title,
            date,
            slug: result.slug as string,
            categorySlug: result.categorySlug as string,
            outlets: result.outlets as string,
            category: result.category as string,
            titleHighlighted: mode === 'browse' ? [{ text: title, match: false }] : highlightMatches(title, terms),
            snippet: body === null ? null : snippetAround(body, terms, weight),
          };
        }),
      );
      throwIfAborted(signal);
      return { query, total: ranked.length, hits, mode, suggestions, edition: manifest.edition, searched, articleCount: manifest.articleCount };
    },
  };
}
