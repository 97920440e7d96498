import { createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RECENT_SEARCH_DWELL_MS } from './archive/recentSearches';
import { createDwellMemory } from './createDwellMemory';
import type { SearchLocation } from './routePaths';

describe('createDwellMemory', () => {
  let remembered: SearchLocation[];
  let dispose: () => void;
  let dwell: ReturnType<typeof createDwellMemory>;

  beforeEach(() => {
    vi.useFakeTimers();
    remembered = [];
    createRoot((d) => {
      dispose = d;
      dwell = createDwellMemory((s) => remembered.push(s));
    });
  });

  afterEach(() => {
    dispose();
    vi.useRealTimers();
  });

  it('remembers a search whose results stay on screen, once', () => {
    dwell.shown({ q: 'usability' }, 12);
    vi.advanceTimersByTime(RECENT_SEARCH_DWELL_MS - 1);
    expect(remembered).toEqual([]);
    // Answered again while the clock runs (the index still loading): it runs on.
    dwell.shown({ q: 'usability' }, 14);
    vi.advanceTimersByTime(1);
    expect(remembered).toEqual([{ q: 'usability' }]);
    vi.advanceTimersByTime(10 * RECENT_SEARCH_DWELL_MS);
    expect(remembered).toHaveLength(1);
  });

  it('forgets the words typed on the way to the search looked at', () => {
    for (const q of ['u', 'usa', 'usab', 'usabil']) {
      dwell.shown({ q }, 3);
      vi.advanceTimersByTime(RECENT_SEARCH_DWELL_MS / 2);
    }
    dwell.shown({ q: 'usability' }, 12);
    vi.advanceTimersByTime(RECENT_SEARCH_DWELL_MS);
    expect(remembered).toEqual([{ q: 'usability' }]);
  });

  it('stops the clock when the page moves to another search, or goes', () => {
    dwell.shown({ q: 'plain language' }, 5);
    dwell.left({ q: 'plain language', category: 'accessibility' });
    vi.advanceTimersByTime(RECENT_SEARCH_DWELL_MS);
    dwell.shown({ q: 'section 508' }, 5);
    dispose();
    vi.advanceTimersByTime(RECENT_SEARCH_DWELL_MS);
    expect(remembered).toEqual([]);
  });

  it('does not remember a search that found nothing', () => {
    dwell.shown({ q: 'xyzzy' }, 0);
    vi.advanceTimersByTime(RECENT_SEARCH_DWELL_MS);
    expect(remembered).toEqual([]);
  });
});
