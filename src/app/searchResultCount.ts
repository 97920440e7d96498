import { createEffect, onCleanup } from 'solid-js';
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

/** True once the search looked through every article (the whole index was loaded). */
export function searchedEverything(response: Pick<SearchResponse, 'searched' | 'articleCount'>): boolean {
  return response.searched >= response.articleCount;
}

/**
 * What a screen reader hears when results change: the results line ({@link searchResultCount}).
 * Empty while the index is still loading: the search runs again as more of it arrives, and only
 * the final count is announced (not every count on the way).
 */
export function searchResultAnnouncement(
  response: Pick<SearchResponse, 'total' | 'mode' | 'phraseCheck' | 'searched' | 'articleCount'>,
  search: SearchLocation,
): string {
  if (!searchedEverything(response)) return '';
  return `${searchResultCount(response, search)}.`;
}

/**
 * The line under results the search found before the whole index was loaded: "Searched 1,234
 * of 10,000 articles — the rest are still loading"; undefined once it searched them all.
 */
export function searchProgress(response: Pick<SearchResponse, 'searched' | 'articleCount'>): string | undefined {
  if (searchedEverything(response)) return undefined;
  return `Searched ${response.searched.toLocaleString('en-GB')} of ${formatArticleCount(response.articleCount)} — the rest are still loading`;
}

/** How soon a search answered from part of the index runs again, at first. */
export const FIRST_RERUN_MS = 250;
/** The longest wait between runs, reached while no more of the index arrives (a part that cannot load). */
export const MAX_RERUN_MS = 8_000;

/**
 * The wait before running a partly answered search again: {@link FIRST_RERUN_MS} after a new
 * search or one that searched more than the run before; twice the last wait (up to
 * {@link MAX_RERUN_MS}) when nothing more was searched, so that a part of the index that cannot
 * load is not asked for four times a second.
 */
export function rerunDelay(previous: { searched: number; delay: number } | undefined, searched: number): number {
  if (!previous || searched > previous.searched) return FIRST_RERUN_MS;
  return Math.min(MAX_RERUN_MS, previous.delay * 2);
}

/**
 * While the answer to a search is partial, runs it again (`rerun`) after {@link rerunDelay}, so
 * that its results fill in as the index loads without the reader doing anything. For a
 * component: the timer goes with it, and with each new answer.
 */
export function rerunWhilePartial(response: () => SearchResponse | undefined, rerun: () => void): void {
  let previous: { query: string; searched: number; delay: number } | undefined;
  createEffect(() => {
    const current = response();
    if (!current || searchedEverything(current)) return;
    const query = JSON.stringify(current.query);
    const delay = rerunDelay(previous?.query === query ? previous : undefined, current.searched);
    previous = { query, searched: current.searched, delay };
    const timer = setTimeout(rerun, delay);
    onCleanup(() => clearTimeout(timer));
  });
}
