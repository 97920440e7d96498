/**
 * The reader's URLs, built in one place so that links and route patterns cannot drift apart.
 * Paths are relative to the router's base (the site's `BASE_URL`).
 */
import { isMonthKey, parseMonthKey, toMonthKey } from '../core/monthKey';
import type { MonthKey } from '../core/types';
import type { SearchQuery, SearchSort } from '../search/client';
import { normalizeQuery } from './searchText';

export { articlePath } from '../core/articlePath';

/** The page about the archive's edition and what this device holds of it. */
export const ABOUT_PATH = '/about';

/** The articles the reader saved on this device, and what they read (`src/app/reader/`). */
export const SAVED_PATH = '/saved';
export const HISTORY_PATH = '/history';

/** The months of every year. */
export const ARCHIVE_PATH = '/archive';

/** `/archive/2017`: a year's months. */
export function yearPath(year: number): string {
  return `${ARCHIVE_PATH}/${String(year).padStart(4, '0')}`;
}

/** `/archive/2017/11`, and `/archive/2017/11?page=2` for a later page of its articles. */
export function monthPath(month: MonthKey, page = 1): string {
  const { year, month: m } = parseMonthKey(month);
  return pagedPath(`${yearPath(year)}/${String(m).padStart(2, '0')}`, page);
}

/**
 * The address of page `page` of a paged listing at `path` (`/tags/research?page=3`); page 1 is the
 * bare path, so that one page has one address. Read back with {@link pagesFromQuery}.
 */
export function pagedPath(path: string, page: number): string {
  return page > 1 ? `${path}?page=${page}` : path;
}

export function categoryPath(slug: string): string {
  return `/categories/${encodeURIComponent(slug)}`;
}

/** Every tag, by name, a page at a time. */
export const TAGS_PATH = '/tags';

/** `/tags/research`. */
export function tagPath(slug: string): string {
  return `${TAGS_PATH}/${encodeURIComponent(slug)}`;
}

/** The filters and order of a search, as its URL holds them (see {@link SearchQuery}). */
export type SearchFilters = Pick<SearchQuery, 'category' | 'outlet' | 'from' | 'to' | 'sort'>;

/** Everything a search URL holds: the words, the filters, and how many pages are shown. */
export interface SearchLocation extends SearchFilters {
  /** Normalised words; empty to browse by the filters alone. */
  q: string;
  /** Pages shown ("Show more"); 1 when absent. */
  page?: number;
}

const SEARCH_SORTS: readonly SearchSort[] = ['relevance', 'newest'];

/** The order results come in when the URL names none: best first for words, newest first to browse. */
export function defaultSearchSort(q: string): SearchSort {
  return q ? 'relevance' : 'newest';
}

/** Whether a search narrows the articles by anything but its words (the order does not narrow). */
export function hasSearchFilters(search: SearchFilters): boolean {
  return Boolean(search.category || search.outlet || search.from || search.to);
}

/** The filters of a search, without its words and page. */
export function searchFilters(search: SearchFilters): SearchFilters {
  const { category, outlet, from, to, sort } = search;
  return withoutUndefined({ category, outlet, from, to, sort });
}

/**
 * `/search?q=…&category=…&outlet=…&from=YYYY-MM&to=YYYY-MM&sort=newest&page=N`, parameters in that
 * order and only when set (a sort that is the default for the words, and page 1, are left out), so
 * that one search has one URL. A bare query string gives `/search?q=…`; nothing gives `/search`.
 */
export function searchPath(search: string | SearchLocation): string {
  const s = typeof search === 'string' ? { q: search } : search;
  const q = normalizeQuery(s.q);
  const params: [string, string | undefined][] = [
    ['q', q || undefined],
    ['category', s.category],
    ['outlet', s.outlet],
    ['from', s.from],
    ['to', s.to],
    ['sort', s.sort === defaultSearchSort(q) ? undefined : s.sort],
    ['page', s.page !== undefined && s.page > 1 ? String(s.page) : undefined],
  ];
  const query = params
    .filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '')
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
  return query ? `/search?${query}` : '/search';
}

type QueryValue = string | string[] | undefined;

function first(value: QueryValue): string | undefined {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  return v ? v : undefined;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The search a URL's query names, read leniently so that a hand-edited or old link still searches:
 * unknown parameters, months that are not `YYYY-MM` and unknown orders are dropped, a range given
 * backwards is turned round, and the page is read as {@link pagesFromQuery} does.
 */
export function searchFromQuery(query: Partial<Record<string, QueryValue>>): SearchLocation {
  const month = (value: QueryValue) => {
    const m = first(value);
    return m !== undefined && isMonthKey(m) ? m : undefined;
  };
  let from = month(query.from);
  let to = month(query.to);
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  const sort = first(query.sort);
  const q = normalizeQuery(first(query.q) ?? '');
  const page = pagesFromQuery(query.page);
  return withoutUndefined({
    q,
    category: first(query.category),
    outlet: first(query.outlet),
    from,
    to,
    sort: SEARCH_SORTS.find((s) => s === sort && s !== defaultSearchSort(q)),
    page: page > 1 ? page : undefined,
  });
}

/**
 * The month key named by `/archive/:year/:month` or `/articles/:year/:month/…` params, or
 * undefined when they do not name a month (`/archive/2017/13`, `/archive/17/1`).
 */
export function monthFromParams(year: string | undefined, month: string | undefined): MonthKey | undefined {
  if (!year || !month || !/^\d{4}$/.test(year) || !/^\d{2}$/.test(month)) return undefined;
  const m = Number(month);
  return m >= 1 && m <= 12 ? toMonthKey(Number(year), m) : undefined;
}

/**
 * The year named by `/archive/:year` (`2017`), or undefined when it names none (`17`, `2017x`).
 */
export function yearFromParam(year: string | undefined): number | undefined {
  return year !== undefined && /^\d{4}$/.test(year) ? Number(year) : undefined;
}

/**
 * The page the `?page=` query names: which page of a month, category, tag or the tag index is
 * shown, and how many pages of search results: `?page=3` → 3; absent, zero, negative or not a
 * whole number → 1.
 */
export function pagesFromQuery(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/**
 * A route param as text. The router hands params over as they appear in `location.pathname`,
 * percent-encoded (a slug in Arabic script arrives as `%D8%A7…`).
 */
export function decodeParam(value: string | undefined): string {
  if (value === undefined) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
