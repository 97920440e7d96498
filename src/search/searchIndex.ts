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
 * - Words between quotes are a phrase (`"climate change" policy`): its words must stand together,
 *   in that order, in the title or the text (see `quotedPhrases.ts`), each as typed (no prefix, no
 *   typo, no alias). The index finds the articles with every word; the best
 *   {@link MAX_PHRASE_CHECKS} of them are read to check the phrase, and the answer says how many
 *   were (`phraseCheck`). In the any-word fallback a phrase counts as its words.
 * - A query that is an article's address (its original URL, or the reader's own
 *   `/articles/YYYY/MM/slug`) finds that article (`mode: 'address'`, see `articleAddress.ts`);
 *   an address the archive does not have is searched as words.
 * - Filters (category, months, outlet) apply to both steps; with no words, every article that
 *   passes them is listed, newest first (`mode: 'browse'`).
 */
import MiniSearch, { type Query, type SearchOptions, type SearchResult } from 'minisearch';
import { BUNDLE_DIR, BUNDLE_FORMAT, BUNDLE_MANIFEST, type BundleManifest } from '../core/format';
import { FIELD_BOOSTS, foldTerm, fuzzyDistance, searchIndexOptions, splitOutlets, type SearchDocument } from '../core/searchOptions';
import { addressLookups, parseArticleAddress, type ArticleAddress } from './articleAddress';
import { createArticleTexts, type TextOf } from './articleTexts';
import { COMPILED_QUERY_OPTIONS, compileQuery, isTyping, joinedVariants, parseQuery, wordQuery, type QueryWord } from './compileQuery';
import { expandAliases } from './expandAliases';
import { highlightMatches, snippetAround } from './highlightMatches';
import { findPhrase, phraseTerms, splitQuotes, type PhraseSpan } from './quotedPhrases';
import { suggestQueries } from './suggestQueries';
import { createTermIndex, type TermNeed } from './termIndex';
import { termNeeds } from './termNeeds';
import {
  DEFAULT_SEARCH_LIMIT,
  MAX_SEARCH_LIMIT,
  SearchError,
  UNCATEGORISED_SLUG,
  type Highlighted,
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
/**
 * Articles with every word of a quoted phrase read at most to check it, best first: reading an
 * article's text costs its month file, and a phrase of common words may have thousands.
 */
export const MAX_PHRASE_CHECKS = 200;
/** Articles of the month with a pasted reader address's slug words whose documents are read to find the slug. */
const MAX_ADDRESS_CANDIDATES = 64;
/** Articles of the month read to find a slug without words (documents files of 64 articles each). */
const MAX_MONTH_ADDRESS_CANDIDATES = 1024;

/**
 * An answer in two steps: the hits as soon as the index has them (what the documents files hold:
 * title, date, outlets, category; each hit's `snippet` absent), then, when `snippets` is set, the
 * snippets of those hits, which read the articles' texts.
 */
export interface PhasedAnswer {
  response: SearchResponse;
  /** The hits' snippets in their order (null: no text to quote); undefined when no hit gets one (browsing, no hits). */
  snippets?: (signal?: AbortSignal) => Promise<(Highlighted | null)[]>;
}

export interface SearchIndex {
  /** Answers a query, snippets and all; rejects with `signal.reason` when aborted, with a SearchError when the index cannot load. */
  search(query: SearchQuery, signal?: AbortSignal): Promise<SearchResponse>;
  /** The same answer in two steps (see {@link PhasedAnswer}): what the worker does, so that hits paint before their snippets. */
  searchInPhases(query: SearchQuery, signal?: AbortSignal): Promise<PhasedAnswer>;
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

/**
 * The words of the query's quoted phrases, matched as typed (no typo, no alias, a prefix only for
 * the last word of a phrase still being typed), and each phrase as {@link findPhrase} looks for it.
 */
interface Phrases {
  words: QueryWord[];
  /** The last of `words` is being typed (its phrase is not closed yet). */
  typing: boolean;
  /** The phrases to check in the text: those of two terms or more (one term is a word). */
  checks: { terms: string[]; prefix: boolean }[];
}

/** A matching article: its best score over the variants, and every document term they matched. */
interface Match {
  result: SearchResult;
  score: number;
  terms: Set<string>;
  /** Where the query's phrases stand in the title and the text, once checked. */
  phrases?: PhraseAt;
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
      loading(Promise.all([terms.loadTerms([...termNeeds(query.q ?? '', manifest.aliases, typing), ...addressNeeds(parseArticleAddress(query.q ?? ''))]), query.category || query.outlet ? terms.loadFacets() : undefined]).then(() => undefined)),
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
  phrases: Phrases,
  combineWith: 'AND' | 'OR',
  typing: boolean,
  filter: ((result: SearchResult) => boolean) | undefined,
): Map<unknown, Match> {
  const matches = new Map<unknown, Match>();
  for (const variant of variants) {
    let words = variant.words;
    let phraseWords = phrases.words;
    if (combineWith === 'OR') {
      const rare = words.filter((w) => !isFrequent(loaded, w));
      const rarePhraseWords = phraseWords.filter((w) => !isFrequent(loaded, w));
      if (rare.length + rarePhraseWords.length > 0) [words, phraseWords] = [rare, rarePhraseWords];
    }
    // Typing applies to the last word as typed: when it was dropped as frequent, to none.
    const lastKept = words.at(-1) === variant.words.at(-1);
    const query = compileQuery(words, combineWith, { typing: typing && lastKept, distance: variant.distance });
    const lastPhraseWord = phrases.words.at(-1);
    const exactly = () => 0;
    query.queries.push(...phraseWords.map((w) => wordQuery(w, phrases.typing && w === lastPhraseWord, exactly)));
    const count = words.length + phraseWords.length;
    if (count === 0) continue;
    for (const result of loaded.index.search(query, { ...COMPILED_QUERY_OPTIONS, boost: FIELD_BOOSTS, filter })) {
      const score = (result.score * variant.weight) / count ** 2;
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

/**
 * The query's words outside quotes (`loose`: their text, and whether the query ends in them, so
 * that their last word is the one being typed) and its phrases (see {@link Phrases}).
 */
function readPhrases(q: string): { loose: { text: string; last: boolean }; phrases: Phrases } {
  const split = splitQuotes(q);
  const open = split.phrases.at(-1)?.closed === false;
  // Typing goes on in the loose words unless the query ends inside a phrase or with its quote.
  const last = !open && !/["“”„«»]\s*$/u.test(q);
  const words: QueryWord[] = [];
  const checks: Phrases['checks'] = [];
  for (const [i, phrase] of split.phrases.entries()) {
    words.push(...parseQuery(phrase.text));
    // A phrase of one term is a word: the index has checked it.
    const terms = phraseTerms(phrase.text);
    if (terms.length > 1) checks.push({ terms, prefix: open && i === split.phrases.length - 1 && isTyping(q) });
  }
  return { loose: { text: split.loose, last }, phrases: { words, typing: open && isTyping(q), checks } };
}

/** Where one phrase stands in an article: in its title and in its text. */
interface PhraseAt {
  title: PhraseSpan[];
  body: PhraseSpan[];
}

/** Articles read at once to check a phrase. */
const PHRASE_CHECK_BATCH = 25;
/** Phrase checks kept for the next queries (by edition, article and phrase): reading a text is dear. */
const MAX_MEMOISED_PHRASE_CHECKS = 20_000;

/**
 * Keeps the articles whose title or text holds every phrase, read in the order of `ranked` up to
 * {@link MAX_PHRASE_CHECKS}; says how many were read. What an article was found to hold is kept in
 * `memo` (keyed by `edition`), so that a phrase searched again is not read again.
 */
async function checkPhrases(
  ranked: readonly Match[],
  checks: Phrases['checks'],
  bodyText: (match: Match) => Promise<string | null>,
  loadDocuments: (results: readonly SearchResult[]) => Promise<void>,
  memo: Map<string, PhraseAt>,
  edition: string,
  signal: AbortSignal | undefined,
): Promise<{ kept: Match[]; checked: number }> {
  const checked = ranked.slice(0, MAX_PHRASE_CHECKS);
  const check = async (match: Match): Promise<PhraseAt[]> => {
    const keys = checks.map(({ terms, prefix }) => JSON.stringify([edition, match.result.id, terms, prefix]));
    const known = keys.map((key) => memo.get(key));
    if (known.every((at) => at !== undefined)) return known;
    const title = match.result.title as string;
    const body = await bodyText(match);
    return checks.map(({ terms, prefix }, i) => {
      const at = known[i] ?? { title: findPhrase(title, terms, prefix), body: body === null ? [] : findPhrase(body, terms, prefix) };
      // An article whose text could not be read is tried again next time.
      if (body !== null && known[i] === undefined) {
        if (memo.size >= MAX_MEMOISED_PHRASE_CHECKS) memo.clear();
        memo.set(keys[i]!, at);
      }
      return at;
    });
  };
  // A few at a time, so that a newer query (the reader typing on) stops this one soon.
  const found: PhraseAt[][] = [];
  for (let i = 0; i < checked.length; i += PHRASE_CHECK_BATCH) {
    // Title, id and date of each candidate come with its documents file (see termIndex.ts).
    await loadDocuments(checked.slice(i, i + PHRASE_CHECK_BATCH).map((match) => match.result));
    found.push(...(await Promise.all(checked.slice(i, i + PHRASE_CHECK_BATCH).map(check))));
    throwIfAborted(signal);
  }
  const kept: Match[] = [];
  for (const [i, match] of checked.entries()) {
    const at = found[i]!;
    if (at.every((a) => a.title.length + a.body.length > 0)) kept.push({ ...match, phrases: { title: at.flatMap((a) => a.title), body: at.flatMap((a) => a.body) } });
  }
  return { kept, checked: checked.length };
}

/**
 * The articles at a pasted address, best first (an empty map when the query is no address, or
 * no article has it): by the reader's address, the article of that month with that slug; by an
 * original address, the articles whose sources' addresses have all its words (see
 * `articleAddress.ts` for the forms tried), the one with the fewest other words first.
 */
async function findAddressed(loaded: LoadedIndex, address: ArticleAddress | undefined): Promise<Map<unknown, Match>> {
  const found = (results: SearchResult[]) => new Map(results.map((result) => [result.id, { result, score: result.score, terms: new Set<string>() }]));
  if (!address) return new Map();
  if (address.kind === 'reader') {
    // Until its documents file is read, an article is known by its month only (see termIndex.ts):
    // the articles of that month with the slug's words are read first, then, for a slug without
    // such words, the month's articles up to a bound.
    const { month, slug } = address;
    const inMonth = (result: SearchResult) => (result.date as string).startsWith(month);
    const words = parseQuery(slug.replace(/[-_]+/gu, ' '));
    const bySlug = async (results: SearchResult[]) => {
      await loaded.loadDocuments(results);
      return results.filter((result) => result.slug === slug);
    };
    if (words.length > 0) {
      const query = compileQuery(words, 'AND', { typing: false, distance: () => 0 });
      const withWords = await bySlug(loaded.index.search(query, { ...exactOptions, filter: inMonth }).slice(0, MAX_ADDRESS_CANDIDATES));
      if (withWords.length > 0) return found(withWords);
    }
    return found(await bySlug(loaded.index.search(MiniSearch.wildcard, { filter: inMonth }).slice(0, MAX_MONTH_ADDRESS_CANDIDATES)));
  }
  for (const text of addressLookups(address)) {
    const query = compileQuery(parseQuery(text), 'AND', { typing: false, distance: () => 0 });
    const results = loaded.index.search(query, { ...exactOptions, fields: ['urls'] });
    if (results.length > 0) return found(results);
  }
  return new Map();
}

/** The terms a pasted address is looked up by (exact: no prefix, no typo), for the on-demand index. */
function addressNeeds(address: ArticleAddress | undefined): TermNeed[] {
  if (!address) return [];
  const texts = address.kind === 'reader' ? [address.slug.replace(/[-_]+/gu, ' ')] : addressLookups(address);
  return [...new Set(texts.flatMap((text) => parseQuery(text).flat(2)))].map((term) => ({ term, prefix: false, fuzzy: 0 }));
}

function clampInteger(value: number | undefined, fallback: number, min: number, max: number): number {
  return value === undefined || !Number.isFinite(value) ? fallback : Math.min(max, Math.max(min, Math.floor(value)));
}

/** An index result as `articleTexts` finds its text: by its short id (kept by `loadDocuments`), id and date. */
function textOf(result: SearchResult): TextOf {
  return { shortId: result.shortId as number | undefined, id: String(result.id), date: result.date as string };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason;
}

/**
 * The index's manifest loads on the first query, and each query loads the terms it needs (see
 * `termIndex.ts`); a failed load is retried by the next query. `source` is a base URL to fetch from, or the device's store.
 */
export function createSearchIndex(source: string | BundleSource): SearchIndex {
  const bundle = typeof source === 'string' ? fetchBundleSource(source) : source;
  let loaded: Promise<LoadedIndex> | undefined;
  const phraseMemo = new Map<string, PhraseAt>();
  const texts = createArticleTexts((file) => bundle.loadFile(file).catch((error: unknown) => Promise.reject(asSearchError(error))));

  const load = () =>
    (loaded ??= loadIndex(bundle).catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));

  const searchInPhases = async (query: SearchQuery, signal?: AbortSignal): Promise<PhasedAnswer> => {
    const current = await load();
    throwIfAborted(signal);
    const { manifest, index } = current;
    const q = query.q ?? '';
    const words = parseQuery(q);
    await current.prepare(query, isTyping(q));
    throwIfAborted(signal);
    const filter = resultFilter(query);
    // Every article is in the index from the start (its terms load on demand): the answer covers the whole archive.
    const searched = index.documentCount;

    let mode: SearchResponse['mode'] = 'all';
    let matches: Map<unknown, Match>;
    let frequent = new Set<string>();
    const { loose, phrases } = readPhrases(q);
    const address = words.length > 0 ? await findAddressed(current, parseArticleAddress(q)) : new Map<unknown, Match>();
    if (address.size > 0) {
      mode = 'address';
      matches = address;
    } else if (words.length === 0) {
      mode = 'browse';
      matches = new Map(index.search(MiniSearch.wildcard, { filter }).map((result) => [result.id, { result, score: 0, terms: new Set<string>() }]));
    } else {
      const typing = isTyping(q) && loose.last;
      const variants = queryVariants(current, loose.text, manifest.aliases, typing);
      if (variants.length === 0) variants.push({ words: [], weight: 1, distance: typedDistance(current) });
      matches = runVariants(current, variants, phrases, 'AND', typing, filter);
      if (matches.size === 0) {
        // `any` even when this finds nothing either: not every word was found (and for a single
        // word, OR would find no more than AND did).
        if (variants.some((v) => v.words.length + phrases.words.length > 1)) matches = runVariants(current, variants, phrases, 'OR', typing, filter);
        mode = 'any';
      }
      frequent = new Set([...variants.flatMap((v) => v.words), ...phrases.words].filter((w) => isFrequent(current, w)).flat(2));
    }

    const sort = query.sort ?? (mode === 'browse' ? 'newest' : 'relevance');
    let ranked = [...matches.values()].sort(sort === 'newest' ? newestFirst : bestFirst);
    let phraseCheck: SearchResponse['phraseCheck'];
    if (mode === 'all' && phrases.checks.length > 0) {
      const bodyText = (m: Match) => texts.bodyText(manifest, textOf(m.result));
      const checked = await checkPhrases(ranked, phrases.checks, bodyText, current.loadDocuments, phraseMemo, manifest.edition, signal);
      phraseCheck = { candidates: ranked.length, checked: checked.checked };
      ranked = checked.kept;
    }
    const offset = clampInteger(query.offset, 0, 0, Number.MAX_SAFE_INTEGER);
    const limit = clampInteger(query.limit, DEFAULT_SEARCH_LIMIT, 0, MAX_SEARCH_LIMIT);
    const weight = (term: string) => (frequent.has(term) ? FREQUENT_TERM_WEIGHT : 1);
    // Corrections when not every word was found: a typo beyond the tolerance, or an unknown word.
    const suggestions = words.length > 0 && mode === 'any' ? suggestQueries(index, words, filter, MAX_SUGGESTIONS) : [];

    const page = ranked.slice(offset, offset + limit);
    throwIfAborted(signal);
    await current.loadDocuments(page.map((match) => match.result));
    throwIfAborted(signal);
    const hits = page.map(({ result, score, terms, phrases: at }): SearchHit => {
      const title = result.title as string;
      return {
        id: String(result.id),
        score,
        title,
        date: result.date as string,
        slug: result.slug as string,
        categorySlug: result.categorySlug as string,
        outlets: result.outlets as string,
        category: result.category as string,
        titleHighlighted: mode === 'browse' ? [{ text: title, match: false }] : highlightMatches(title, terms, at?.title),
        ...(mode === 'browse' && { snippet: null }),
      };
    });
    // Snippets only for the hits of this page, once they are painted (see client.ts).
    const snippets =
      mode === 'browse' || page.length === 0
        ? undefined
        : async (snippetSignal?: AbortSignal) => {
            throwIfAborted(snippetSignal);
            const bodies = await Promise.all(page.map(({ result }) => texts.bodyText(manifest, textOf(result))));
            throwIfAborted(snippetSignal);
            return page.map(({ terms, phrases: at }, i) => {
              const body = bodies[i];
              return body === null || body === undefined ? null : snippetAround(body, terms, weight, undefined, at?.body);
            });
          };
    const response: SearchResponse = {
      query,
      total: ranked.length,
      hits,
      mode,
      suggestions,
      edition: manifest.edition,
      searched,
      articleCount: manifest.articleCount,
      ...(phraseCheck && { phraseCheck }),
    };
    return { response, ...(snippets && { snippets }) };
  };

  return {
    async loadAll() {
      await load();
    },
    searchInPhases,
    async search(query, signal) {
      const { response, snippets } = await searchInPhases(query, signal);
      if (snippets) {
        const cut = await snippets(signal);
        response.hits.forEach((hit, i) => (hit.snippet = cut[i] ?? null));
      }
      return response;
    },
  };
}
