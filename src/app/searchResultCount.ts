import { formatArticleCount } from './formatArticleCount';
import { hasSearchFilters, type SearchLocation } from './routePaths';
import type { SearchResponse } from '../search/client';

const formatCount = (n: number) => n.toLocaleString('en-GB');

/** The words as typed, in curly quotes; a query that is one quoted phrase keeps one pair (“web design standards”). */
function quoted(q: string): string {
  const phrase = /^\s*["“”]([^"“”]*)["“”]\s*$/u.exec(q);
  return `“${phrase ? phrase[1]!.trim() : q}”`;
}

/**
 * The line above a search's results, which says exactly what was found: "2,078 articles"
 * (browsing), "12 articles match “accessibility”", "1 article matches “peace corps”", "No
 * articles match “xyzzy” with these filters"; when no article had every word, "No article has all
 * of “taylor swift concert”; 21 have some of these words"; for a quoted phrase with more
 * candidates than were checked, how many were ("…; the phrase was looked for in the best 200 of
 * the 1,967 articles with these words"); for a pasted address, "The article at this address".
 */
export function searchResultCount(response: Pick<SearchResponse, 'total' | 'mode' | 'phraseCheck'>, search: SearchLocation): string {
  const { total } = response;
  const filtered = hasSearchFilters(search) ? ' with these filters' : '';
  if (!search.q) return total > 0 ? formatArticleCount(total) : 'No articles match these filters';
  if (response.mode === 'address') return total === 1 ? 'The article at this address' : `${formatArticleCount(total)} at this address`;
  if (response.mode === 'any' && total > 0) {
    return `No article has all of ${quoted(search.q)}${filtered}; ${formatCount(total)} ${total === 1 ? 'has' : 'have'} some of these words`;
  }
  const count = total === 0 ? `No articles match ${quoted(search.q)}${filtered}` : `${formatArticleCount(total)} ${total === 1 ? 'matches' : 'match'} ${quoted(search.q)}`;
  const check = response.phraseCheck;
  if (check && check.checked < check.candidates) {
    const which = search.sort === 'newest' ? 'newest' : 'best';
    return `${count}; the phrase was looked for in the ${which} ${formatCount(check.checked)} of the ${formatArticleCount(check.candidates)} with these words`;
  }
  return count;
}

/** What a screen reader hears when results change: the results line ({@link searchResultCount}). */
export function searchResultAnnouncement(response: Pick<SearchResponse, 'total' | 'mode' | 'phraseCheck'>, search: SearchLocation): string {
  return `${searchResultCount(response, search)}.`;
}

/**
 * Where a page of search results starts: `pages` "Show more" steps of `pageSize` are shown, at most
 * `maxShown` at once; past that the results go on in blocks of `maxShown`, so that no page renders
 * more (page 6 of 20 at a time, 100 at most: results 101–120).
 */
export function searchResultSpan(pages: number, pageSize: number, maxShown: number): { offset: number; limit: number } {
  const perBlock = Math.max(1, Math.floor(maxShown / pageSize));
  const block = Math.floor((Math.max(1, pages) - 1) / perBlock);
  return { offset: block * perBlock * pageSize, limit: (Math.max(1, pages) - block * perBlock) * pageSize };
}
