import { onCleanup } from 'solid-js';
import { isKeptAfterDwell, RECENT_SEARCH_DWELL_MS, recentSearchKey } from './archive/recentSearches';
import type { SearchLocation } from './routePaths';

/** What a page tells {@link createDwellMemory}: each answer it shows, and when its search changes. */
export interface DwellMemory {
  /** An answer to `search` is on screen: the clock starts, unless it runs already for that search. */
  shown(search: SearchLocation, total: number): void;
  /** The search on screen is no longer `search` (or nothing is): the clock stops. */
  left(search: SearchLocation): void;
}

/**
 * Remembers (`remember`) a search whose results stay on screen {@link RECENT_SEARCH_DWELL_MS}
 * with the same words and filters, when {@link isKeptAfterDwell} says it is worth it. Each new
 * search starts the clock again, so the prefixes of a word being typed are never remembered. For
 * a component: the clock stops with it.
 */
export function createDwellMemory(remember: (search: SearchLocation) => void): DwellMemory {
  let dwelling: { key: string; timer: ReturnType<typeof setTimeout> } | undefined;
  const stop = () => {
    clearTimeout(dwelling?.timer);
    dwelling = undefined;
  };
  onCleanup(stop);
  return {
    shown(search, total) {
      const key = recentSearchKey(search);
      // The same search answered again (the index still loading, another page): the clock runs on.
      if (dwelling?.key === key) return;
      stop();
      if (isKeptAfterDwell(search, total)) dwelling = { key, timer: setTimeout(() => remember(search), RECENT_SEARCH_DWELL_MS) };
    },
    left(search) {
      if (dwelling?.key !== recentSearchKey(search)) stop();
    },
  };
}
