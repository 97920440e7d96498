import { formatMonth } from './formatDate';
import { defaultSearchSort, type SearchFilters, type SearchLocation } from './routePaths';

/** Names a category slug for the reader ("middle-east" → "Middle East"). */
export type CategoryName = (slug: string) => string;

/**
 * The filters and order of a search in words, one phrase each: "Middle East", "Arab News",
 * "November 2017 to February 2018", "newest first". Nothing for a search without filters.
 */
export function describeFilters(search: SearchFilters & { q?: string }, categoryName: CategoryName): string[] {
  const parts: string[] = [];
  if (search.category) parts.push(categoryName(search.category));
  if (search.outlet) parts.push(search.outlet);
  if (search.from && search.to) {
    parts.push(search.from === search.to ? formatMonth(search.from) : `${formatMonth(search.from)} to ${formatMonth(search.to)}`);
  } else if (search.from) {
    parts.push(`from ${formatMonth(search.from)}`);
  } else if (search.to) {
    parts.push(`until ${formatMonth(search.to)}`);
  }
  if (search.sort && search.sort !== defaultSearchSort(search.q ?? '')) parts.push(search.sort === 'newest' ? 'newest first' : 'best match first');
  return parts;
}

/** A search in one line, as recent searches list it: "“accessibility” · Middle East · newest first", "All articles · Arab News". */
export function describeSearch(search: SearchLocation, categoryName: CategoryName): string {
  return [search.q ? `“${search.q}”` : 'All articles', ...describeFilters(search, categoryName)].join(' · ');
}
