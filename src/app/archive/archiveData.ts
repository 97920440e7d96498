/**
 * The reader's one door to the archive: routes preload these queries and components read them
 * with `createAsync`. The manifest is the edition this device reads, and month files come from the
 * device when saved, from `BASE_URL/bundle/<file>` otherwise (see `src/edition/bundleStore.ts`).
 */
import { query, revalidate } from '@solidjs/router';
import type { BundleManifest } from '../../core/format';
import type { Article, Label, MonthKey } from '../../core/types';
import {
  adjacentMonths,
  categoryLabel,
  findArticle,
  findCategory,
  findTag,
  groupMonthsByYear,
  latestArticles,
  listCategories,
  listingArticles,
  listTags,
  monthArticles,
  tagLabels,
  toListItem,
  type ArticleListItem,
  type LabelListing,
  type LabelSummary,
  type YearGroup,
} from './archiveQueries';
import { createBundleLoader } from './bundleLoader';
import { clearRecentSearches, loadRecentSearches, saveRecentSearch, type RecentSearch } from './recentSearches';
import { search, type SearchResponse } from '../../search/client';
import type { SearchLocation } from '../routePaths';
import { deviceCaches } from '../../edition/deviceCaches';

const loader = createBundleLoader({ baseUrl: import.meta.env.BASE_URL, caches: deviceCaches() });

/** The device's store of editions, shared with the offline saver and the update prompt. */
export const bundleStore = loader.store;

/** The bundle manifest, fetched once per page load; a failed fetch is retried on the next call. */
export const loadManifest = loader.loadManifest;
/** A content-hashed month file; concurrent callers share one fetch. */
export const loadMonthFile = loader.loadMonthFile;

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
/** How many more articles each "Show more" of a category or tag adds. */
export const LISTING_PAGE_SIZE = 20;

export const getManifest = retryableQuery((): Promise<BundleManifest> => loadManifest(), 'manifest');

export const getLatestArticles = retryableQuery(async (): Promise<ArticleListItem[]> => {
  const manifest = await loadManifest();
  const articles = await latestArticles(manifest, loadMonthFile, LATEST_COUNT);
  return articles.map((a) => toListItem(manifest, a));
}, 'latestArticles');

export const getArchiveYears = retryableQuery(async (): Promise<YearGroup[]> => groupMonthsByYear((await loadManifest()).months), 'archiveYears');

export interface MonthPage {
  month: MonthKey;
  items: ArticleListItem[];
  newer?: MonthKey;
  older?: MonthKey;
}

/** A month's articles and its neighbours, or undefined when the archive has no such month. */
export const getMonthPage = retryableQuery(async (month: MonthKey | undefined): Promise<MonthPage | undefined> => {
  if (month === undefined) return undefined;
  const manifest = await loadManifest();
  const articles = await monthArticles(manifest, loadMonthFile, month);
  if (!articles) return undefined;
  return { month, items: articles.map((a) => toListItem(manifest, a)), ...adjacentMonths(manifest, month) };
}, 'monthPage');

export interface LabelIndex {
  categories: LabelSummary[];
  tags: LabelSummary[];
}

/** Every category and every tag with its count, for the categories page. */
export const getLabelIndex = retryableQuery(async (): Promise<LabelIndex> => {
  const manifest = await loadManifest();
  return { categories: listCategories(manifest), tags: listTags(manifest) };
}, 'labelIndex');

/** A page of a category or tag listing: its label and count, and the articles shown so far. */
export interface ListingPage {
  label: LabelSummary;
  items: ArticleListItem[];
}

async function listingPage(
  findListing: (manifest: BundleManifest, slug: string) => LabelListing | undefined,
  slug: string,
  pages: number,
): Promise<ListingPage | undefined> {
  const manifest = await loadManifest();
  const listing = findListing(manifest, slug);
  if (!listing) return undefined;
  const articles = await listingArticles(manifest, loadMonthFile, listing, pages * LISTING_PAGE_SIZE);
  return { label: { ...listing.label, count: listing.count }, items: articles.map((a) => toListItem(manifest, a)) };
}

/** The first `pages` × {@link LISTING_PAGE_SIZE} articles of a category, or undefined if unknown. */
export const getCategoryPage = retryableQuery((slug: string, pages: number) => listingPage(findCategory, slug, pages), 'categoryPage');

/** The first `pages` × {@link LISTING_PAGE_SIZE} articles carrying a tag, or undefined if unknown. */
export const getTagPage = retryableQuery((slug: string, pages: number) => listingPage(findTag, slug, pages), 'tagPage');

export interface ArticlePage {
  article: Article;
  category: Label | null;
  tags: Label[];
}

/** An article by month and slug, or undefined when there is none. */
export const getArticle = retryableQuery(async (month: MonthKey | undefined, slug: string): Promise<ArticlePage | undefined> => {
  if (month === undefined) return undefined;
  const manifest = await loadManifest();
  const article = await findArticle(manifest, loadMonthFile, month, slug);
  if (!article) return undefined;
  return {
    article,
    category: article.category === null ? null : categoryLabel(manifest, article.category),
    tags: tagLabels(manifest, article.tags),
  };
}, 'article');

/** How many more results each "Show more" of a search adds. */
export const SEARCH_PAGE_SIZE = 20;

/**
 * The first `page` × {@link SEARCH_PAGE_SIZE} results of a search (through the search worker): with
 * words, best first unless the URL asks for newest; without, every article the filters let through.
 */
export const getSearchResults = retryableQuery(
  (s: SearchLocation): Promise<SearchResponse> =>
    search({
      q: s.q,
      ...(s.category !== undefined && { category: s.category }),
      ...(s.outlet !== undefined && { outlet: s.outlet }),
      ...(s.from !== undefined && { from: s.from }),
      ...(s.to !== undefined && { to: s.to }),
      ...(s.sort !== undefined && { sort: s.sort }),
      offset: 0,
      limit: (s.page ?? 1) * SEARCH_PAGE_SIZE,
    }),
  'searchResults',
);

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
