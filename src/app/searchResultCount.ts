import { formatArticleCount } from './formatArticleCount';
import { hasSearchFilters, type SearchLocation } from './routePaths';
import type { SearchResponse } from '../search/client';

/** Said when no article had every word and the results are those with any of them. */
export const ANY_WORDS_NOTICE = 'No article has all of these words; showing articles with any of them.';

/**
 * The line above a search's results: "2,078 articles" (browsing), "12 articles match “accessibility”",
 * "1 article matches “peace corps”", "No articles match “xyzzy” with these filters".
 */
export function searchResultCount(response: Pick<SearchResponse, 'total'>, search: SearchLocation): string {
  const { total } = response;
  const filtered = hasSearchFilters(search);
  if (!search.q) return total > 0 ? formatArticleCount(total) : 'No articles match these filters';
  if (total === 0) return `No articles match “${search.q}”${filtered ? ' with these filters' : ''}`;
  return `${formatArticleCount(total)} ${total === 1 ? 'matches' : 'match'} “${search.q}”`;
}

/** What a screen reader hears when results change: the count, and how the words were combined. */
export function searchResultAnnouncement(response: Pick<SearchResponse, 'total' | 'mode'>, search: SearchLocation): string {
  const count = searchResultCount(response, search);
  return response.mode === 'any' && response.total > 0 ? `${count}. ${ANY_WORDS_NOTICE}` : `${count}.`;
}
