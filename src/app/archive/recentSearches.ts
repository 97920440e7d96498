/**
 * The reader's recent searches, kept on this device in the reader's database (the `searches` store
 * of `../reader/readerDb.ts`, which moved them there from their old database): the last
 * {@link RECENT_SEARCHES_LIMIT} distinct searches they submitted, or whose results they looked at
 * for {@link RECENT_SEARCH_DWELL_MS} (see {@link isKeptAfterDwell}), with their filters.
 *
 * Remembering is a convenience, never a condition of searching: where storage is unavailable or
 * refuses writes (private browsing, quota, a blocked upgrade), loading gives an empty list and
 * saving does nothing, after a warning in the console.
 *
 * The list logic ({@link addRecentSearch}, {@link recentSearchKey}) is pure, so that tests run it
 * without IndexedDB; the database functions only read, apply it and write.
 */
import { hasSearchFilters, searchFilters, type SearchLocation } from '../routePaths';
import { normalizeQuery } from '../searchText';
import { reportStorageFailure } from '../pwa/storageStatus';
import { openReaderDb } from '../reader/readerDb';

/** How many searches are kept. */
export const RECENT_SEARCHES_LIMIT = 10;

/** A search the reader submitted. */
export interface RecentSearch {
  /** Identifies the search: the same words (whatever their case) with the same filters share a key. */
  key: string;
  /** The words as last submitted, and the filters; never a page. */
  search: SearchLocation;
  /** When it was last submitted, in milliseconds since 1970. */
  at: number;
}

/** The search as it is remembered: normalised words, the filters, no page. */
export function rememberedSearch(search: SearchLocation): SearchLocation {
  return { q: normalizeQuery(search.q), ...searchFilters(search) };
}

/** Whether a search is worth remembering: it has words or filters (the bare search page is not). */
export function isRememberable(search: SearchLocation): boolean {
  return normalizeQuery(search.q) !== '' || hasSearchFilters(search);
}

/**
 * How long the results of a search stay on screen, unchanged, before the search is remembered
 * as if it had been submitted: long enough that the prefixes of words being typed (results follow
 * the typing) never are, short enough that a search read and left is.
 */
export const RECENT_SEARCH_DWELL_MS = 3_000;

/**
 * Whether a search whose results were looked at for {@link RECENT_SEARCH_DWELL_MS} is remembered:
 * when it has words or filters and found at least one article. One that found nothing is a dead
 * end (a typo, often) that the reader would not want offered again; submitted, it is remembered
 * all the same.
 */
export function isKeptAfterDwell(search: SearchLocation, total: number): boolean {
  return isRememberable(search) && total > 0;
}

/** The key of a search: its words folded to lower case, then its filters and order, as JSON. */
export function recentSearchKey(search: SearchLocation): string {
  const { q, ...filters } = rememberedSearch(search);
  const ordered = Object.fromEntries(Object.entries(filters).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify([q.toLowerCase(), ordered]);
}

/** Recent searches, most recent first (the key breaks ties, so that the order is stable). */
export function newestFirst(list: readonly RecentSearch[]): RecentSearch[] {
  return [...list].sort((a, b) => b.at - a.at || a.key.localeCompare(b.key));
}

/**
 * The list after the reader submits `search` at time `at`: it comes first, replacing an earlier
 * entry for the same search, and only the `limit` most recent stay. `dropped` names the keys that
 * fell off the end, for the store to delete.
 */
export function addRecentSearch(
  list: readonly RecentSearch[],
  search: SearchLocation,
  at: number,
  limit = RECENT_SEARCHES_LIMIT,
): { recent: RecentSearch[]; dropped: string[] } {
  const entry: RecentSearch = { key: recentSearchKey(search), search: rememberedSearch(search), at };
  const others = newestFirst(list.filter((r) => r.key !== entry.key));
  const recent = [entry, ...others].slice(0, limit);
  return { recent, dropped: others.slice(limit - 1).map((r) => r.key) };
}

function warn(action: string, error: unknown): void {
  console.warn(`recent searches: could not ${action} (${error instanceof Error ? error.message : String(error)}); search works without them`);
}

/** The recent searches, most recent first; an empty list when storage is unavailable. */
export async function loadRecentSearches(): Promise<RecentSearch[]> {
  try {
    const db = await openReaderDb();
    return newestFirst(await db.getAll('searches')).slice(0, RECENT_SEARCHES_LIMIT);
  } catch (error) {
    warn('read them', error);
    return [];
  }
}

/** Remembers a submitted search (unless it has neither words nor filters); never rejects. */
export async function saveRecentSearch(search: SearchLocation, at = Date.now()): Promise<void> {
  if (!isRememberable(search)) return;
  try {
    const db = await openReaderDb();
    const tx = db.transaction('searches', 'readwrite');
    const { recent, dropped } = addRecentSearch(await tx.store.getAll(), search, at);
    await Promise.all([tx.store.put(recent[0]!), ...dropped.map((key) => tx.store.delete(key)), tx.done]);
  } catch (error) {
    // Out of space: say so on screen too (the notice says the archive keeps working).
    reportStorageFailure(error);
    warn('save this one', error);
  }
}

/** Forgets every recent search; never rejects. */
export async function clearRecentSearches(): Promise<void> {
  try {
    const db = await openReaderDb();
    const tx = db.transaction('searches', 'readwrite');
    await Promise.all([tx.store.clear(), tx.done]);
  } catch (error) {
    warn('clear them', error);
  }
}
