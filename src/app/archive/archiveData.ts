/**
 * The reader's one door to the archive: routes preload these queries and components read them
 * with `createAsync`. The manifest is the edition this device reads, and data files (listing,
 * slug and month files) come from the device when saved, from `BASE_URL/bundle/<file>` otherwise
 * (see `src/edition/bundleStore.ts`).
 */
import { query, revalidate } from '@solidjs/router';
import { LISTING_FILE_ITEMS, type BundleListingFile, type BundleManifest, type BundleSlugFile } from '../../core/format';
import type { Article, Label, MonthKey } from '../../core/types';
import {
  adjacentMonths,
  archiveYears,
  categoryLabel,
  findArticle,
  findCategory,
  findTag,
  latestItems,
  listCategories,
  listingItemSlice,
  listTags,
  monthListingSlice,
  mostUsed,
  pageExists,
  pageSpan,
  tagLabels,
  toListItem,
  yearSummary,
  type ArchiveFiles,
  type ArchiveYear,
  type ArticleListItem,
  type LabelListing,
  type LabelSummary,
  type PageSpan,
  type YearSummary,
} from './archiveQueries';
import { createBundleLoader } from './bundleLoader';
import { clearRecentSearches, loadRecentSearches, saveRecentSearch, type RecentSearch } from './recentSearches';
import { search, type SearchAnswer, type SearchQuery, type SearchSnippets } from '../../search/client';
import { searchResultSpan } from '../searchResultCount';
import type { SearchLocation } from '../routePaths';
import { deviceCaches } from '../../edition/deviceCaches';

const loader = createBundleLoader({ baseUrl: import.meta.env.BASE_URL, caches: deviceCaches() });

/** The device's store of editions, shared with the offline saver and the update prompt. */
export const bundleStore = loader.store;

/** The bundle manifest, fetched once per page load; a failed fetch is retried on the next call. */
export const loadManifest = loader.loadManifest;
/** A content-hashed month file; concurrent callers share one fetch. */
export const loadMonthFile = loader.loadMonthFile;

/** The bundle's data files through the loader's memo (month, listing and slug files). */
export const archiveFiles: ArchiveFiles = {
  month: loadMonthFile,
  listing: (file) => loader.loadDataFile<BundleListingFile>(file),
  slugs: (file) => loader.loadDataFile<BundleSlugFile>(file),
};

/**
 * A router `query` that does not keep failures. The router answers repeat calls from its cache
 * for a few seconds (and for as long as a page reads the entry), so a rejected fetch would go on
 * answering "offline" after the reader is back online or retries.
 */
function retryableQuery<A extends unknown[], R>(fn: (...args: A) => Promise<R>, name: string) {
  const cached = query(async (...args: A): Promise<R> => {
    try {
      return await fn(...args);
    } catch (error) {
      query.delete((cached as unknown as { keyFor(...a: A): string }).keyFor(...args));
      throw error;
    }
  }, name);
  return cached;
}

/** How many articles the home page shows. */
export const LATEST_COUNT = 10;
/**
 * How many items a page of a month or of the tag index shows; no page renders more (a month of
 * 10,000 articles is 100 pages). A month's page is one of its listing files.
 */
export const PAGE_SIZE = LISTING_FILE_ITEMS;
/**
 * How many articles a page of a category or tag shows. Fewer than a month's: a label's articles
 * are spread over many months, and every month a page reaches is a listing file to read.
 */
export const LISTING_PAGE_SIZE = 20;
/** The archive page shows the months of its newest years up to this many; older years link to their year page. */
export const ARCHIVE_MONTHS_SHOWN = 100;
/** The categories page shows this many tags, the most used; the tag index lists them all, a page at a time. */
export const TAGS_SHOWN = 60;

export const getManifest = retryableQuery((): Promise<BundleManifest> => loadManifest(), 'manifest');

export const getLatestArticles = retryableQuery(async (): Promise<ArticleListItem[]> => {
  const manifest = await loadManifest();
  const items = await latestItems(manifest, archiveFiles, LATEST_COUNT);
  return items.map((item) => toListItem(manifest, item));
}, 'latestArticles');

export const getArchiveYears = retryableQuery(
  async (): Promise<ArchiveYear[]> => archiveYears((await loadManifest()).months, ARCHIVE_MONTHS_SHOWN),
  'archiveYears',
);

/** A year's months with their counts and its neighbours, or undefined when the archive has no article of that year. */
export const getYearPage = retryableQuery(async (year: number | undefined): Promise<YearSummary | undefined> => {
  if (year === undefined) return undefined;
  return yearSummary(await loadManifest(), year);
}, 'yearPage');

/** A page of a month: which articles it shows (`span`), those articles, and the neighbouring months. */
export interface MonthPage {
  month: MonthKey;
  span: PageSpan;
  items: ArticleListItem[];
  newer?: MonthKey;
  older?: MonthKey;
}

/**
 * Page `page` of a month's articles ({@link PAGE_SIZE} a page, newest first) and its neighbours,
 * as `page`, undefined when the archive has no such month. A page past the last has no items.
 * Wrapped, so that a page tells "not loaded yet" (no answer) from "no such month" (an answer
 * without a page) and renders nothing, not its not-found view, while the page loads.
 */
export const getMonthPage = retryableQuery(async (month: MonthKey | undefined, page: number): Promise<{ page?: MonthPage }> => {
  if (month === undefined) return {};
  const manifest = await loadManifest();
  const entry = manifest.months.find((m) => m.month === month);
  if (!entry) return {};
  const span = pageSpan(entry.count, page, PAGE_SIZE);
  const items = pageExists(span) ? await monthListingSlice(manifest, archiveFiles, month, span.start, span.end) : [];
  return { page: { month, span, items: (items ?? []).map((item) => toListItem(manifest, item)), ...adjacentMonths(manifest, month) } };
}, 'monthPage');

export interface LabelIndex {
  categories: LabelSummary[];
  /** The {@link TAGS_SHOWN} most used tags, by name. */
  tags: LabelSummary[];
  /** How many tags the archive has. */
  tagCount: number;
}

/** Every category with its count, and the most used tags, for the categories page. */
export const getLabelIndex = retryableQuery(async (): Promise<LabelIndex> => {
  const manifest = await loadManifest();
  const tags = listTags(manifest);
  return { categories: listCategories(manifest), tags: mostUsed(tags, TAGS_SHOWN), tagCount: tags.length };
}, 'labelIndex');

/** A page of the tag index: every tag by name, {@link PAGE_SIZE} a page. */
export interface TagIndexPage {
  span: PageSpan;
  tags: LabelSummary[];
}

export const getTagIndexPage = retryableQuery(async (page: number): Promise<TagIndexPage> => {
  const tags = listTags(await loadManifest());
  const span = pageSpan(tags.length, page, PAGE_SIZE);
  return { span, tags: tags.slice(span.start, span.end) };
}, 'tagIndexPage');

/** A page of a category or tag listing: its label and count, which articles the page shows, and those. */
export interface ListingPage {
  label: LabelSummary;
  span: PageSpan;
  items: ArticleListItem[];
}

async function listingPage(
  findListing: (manifest: BundleManifest, slug: string) => LabelListing | undefined,
  slug: string,
  page: number,
): Promise<ListingPage | undefined> {
  const manifest = await loadManifest();
  const listing = findListing(manifest, slug);
  if (!listing) return undefined;
  const span = pageSpan(listing.count, page, LISTING_PAGE_SIZE);
  const items = pageExists(span) ? await listingItemSlice(manifest, archiveFiles, listing, span.start, span.end) : [];
  return { label: { ...listing.label, count: listing.count }, span, items: items.map((item) => toListItem(manifest, item)) };
}

/** Page `page` of a category's articles ({@link LISTING_PAGE_SIZE} a page), or undefined if the category is unknown. */
export const getCategoryPage = retryableQuery((slug: string, page: number) => listingPage(findCategory, slug, page), 'categoryPage');

/** Page `page` of the articles carrying a tag ({@link LISTING_PAGE_SIZE} a page), or undefined if the tag is unknown. */
export const getTagPage = retryableQuery((slug: string, page: number) => listingPage(findTag, slug, page), 'tagPage');

export interface ArticlePage {
  article: Article;
  category: Label | null;
  tags: Label[];
}

/** An article by month and slug, or undefined when there is none. */
export const getArticle = retryableQuery(async (month: MonthKey | undefined, slug: string): Promise<ArticlePage | undefined> => {
  if (month === undefined) return undefined;
  const manifest = await loadManifest();
  const article = await findArticle(manifest, archiveFiles, month, slug);
  if (!article) return undefined;
  return {
    article,
    category: article.category === null ? null : categoryLabel(manifest, article.category),
    tags: tagLabels(manifest, article.tags),
  };
}, 'article');

/** How many more results each "Show more" of a search adds. */
export const SEARCH_PAGE_SIZE = 20;

/** The results of `s` shown: "Show more" steps of {@link SEARCH_PAGE_SIZE}, at most {@link PAGE_SIZE} at once. */
export function searchSpan(s: SearchLocation): { offset: number; limit: number } {
  return searchResultSpan(s.page ?? 1, SEARCH_PAGE_SIZE, PAGE_SIZE);
}

/** Searches on their way (their hits or their snippets), by the router's key, so that a newer one shown can stop them. */
const searchesOnTheirWay = new Map<string, AbortController>();

/** A signal for the search with `key`, until `done` settles. */
function searchSignal(key: string, done: (signal: AbortSignal) => Promise<unknown>): void {
  const controller = new AbortController();
  searchesOnTheirWay.set(key, controller);
  const settled = () => {
    if (searchesOnTheirWay.get(key) === controller) searchesOnTheirWay.delete(key);
  };
  done(controller.signal).then(settled, settled);
}

const isAbort = (error: unknown) => (error as { name?: unknown } | null)?.name === 'AbortError';

/**
 * Says which search the page shows now: every other still on its way (the words typed before,
 * a link's preload) stops, its snippets included. Called by the components that show results,
 * not by the query, so that a link's preload stops nothing the reader is waiting for.
 */
export function showingSearch(s: SearchLocation): void {
  const key = getSearchResults.keyFor(s);
  for (const [other, controller] of searchesOnTheirWay) {
    if (other === key) continue;
    controller.abort();
    searchesOnTheirWay.delete(other);
  }
}

/**
 * A page of results of a search (see {@link searchSpan}; through the search worker): with words,
 * best first unless the URL asks for newest; without, every article the filters let through. It
 * resolves as soon as the hits are known; their snippets follow (see {@link getSearchSnippets}).
 * A search stopped by a newer one shown (see {@link showingSearch}) before its hits came is never
 * answered (whoever asked has moved on) and is forgotten, so that asking again runs it again.
 */
export const getSearchResults = query((s: SearchLocation): Promise<SearchAnswer> => {
  const q: SearchQuery = {
    q: s.q,
    ...(s.category !== undefined && { category: s.category }),
    ...(s.outlet !== undefined && { outlet: s.outlet }),
    ...(s.from !== undefined && { from: s.from }),
    ...(s.to !== undefined && { to: s.to }),
    ...(s.sort !== undefined && { sort: s.sort }),
    ...searchSpan(s),
  };
  const key = getSearchResults.keyFor(s);
  return new Promise<SearchAnswer>((resolve, reject) => {
    searchSignal(key, (signal) => {
      const answered = search(q, { signal });
      answered.then(
        (answer) => {
          answerKeys.set(answer, key);
          resolve(answer);
        },
        (error: unknown) => {
          // Failures are not kept: the router would go on answering "offline" after the reader is back online or retries.
          query.delete(key);
          if (!(signal.aborted && isAbort(error))) reject(error);
        },
      );
      return answered.then((answer) => answer.snippets);
    });
  });
}, 'searchResults');

const snippetsAgain = new WeakMap<SearchAnswer, Promise<SearchSnippets>>();
/** The router's key of the search each answer answers. */
const answerKeys = new WeakMap<SearchAnswer, string>();

/**
 * The snippets of an answer's hits. When they were stopped by another search and the answer is
 * the one for the search on screen (`shown()` when they were stopped, or now: the reader came
 * back to it), the search runs again for them; otherwise they stay stopped (the page moved on).
 */
export function getSearchSnippets(answer: SearchAnswer, shown: () => SearchLocation): Promise<SearchSnippets> {
  return answer.snippets.catch((error: unknown) => {
    const key = answerKeys.get(answer);
    if (!isAbort(error) || key === undefined || key !== getSearchResults.keyFor(shown())) throw error;
    let again = snippetsAgain.get(answer);
    if (!again) {
      again = new Promise<SearchSnippets>((resolve, reject) =>
        searchSignal(key, (signal) => {
          const snippets = search(answer.query, { signal }).then((a) => a.snippets);
          snippets.then(resolve, reject);
          return snippets;
        }),
      );
      snippetsAgain.set(answer, again);
      again.catch(() => snippetsAgain.delete(answer));
    }
    return again;
  });
}

/** The searches the reader submitted on this device, most recent first (empty if storage is unavailable). */
export const getRecentSearches = query((): Promise<RecentSearch[]> => loadRecentSearches(), 'recentSearches');

/** Remembers a submitted search; the lists of recent searches on screen update. */
export async function rememberSearch(s: SearchLocation): Promise<void> {
  await saveRecentSearch(s);
  await revalidate(getRecentSearches.key);
}

/** Forgets every recent search; the lists on screen empty. */
export async function forgetRecentSearches(): Promise<void> {
  await clearRecentSearches();
  await revalidate(getRecentSearches.key);
}
