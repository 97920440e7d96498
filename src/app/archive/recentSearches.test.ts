import { describe, expect, it } from 'vitest';
import { addRecentSearch, isKeptAfterDwell, isRememberable, newestFirst, recentSearchKey, RECENT_SEARCHES_LIMIT, type RecentSearch } from './recentSearches';

const recent = (q: string, at: number): RecentSearch => ({ key: recentSearchKey({ q }), search: { q }, at });

describe('recentSearchKey', () => {
  it('gives the same words, whatever their case and spacing, with the same filters one key', () => {
    expect(recentSearchKey({ q: 'Albu  Kamal', category: 'middle-east' })).toBe(recentSearchKey({ q: 'albu kamal ', category: 'middle-east' }));
  });

  it('tells searches with other filters or another order apart', () => {
    const keys = new Set(
      [{ q: 'raqqa' }, { q: 'raqqa', category: 'middle-east' }, { q: 'raqqa', outlet: 'Arab News' }, { q: 'raqqa', from: '2017-11' }, { q: 'raqqa', sort: 'newest' as const }].map(
        recentSearchKey,
      ),
    );
    expect(keys.size).toBe(5);
  });

  it('ignores the page', () => {
    expect(recentSearchKey({ q: 'raqqa', page: 4 })).toBe(recentSearchKey({ q: 'raqqa' }));
  });
});

describe('isRememberable', () => {
  it('remembers words or filters, not the bare search page', () => {
    expect(isRememberable({ q: 'hezbollah' })).toBe(true);
    expect(isRememberable({ q: '', outlet: 'Digital.gov' })).toBe(true);
    expect(isRememberable({ q: '  ' })).toBe(false);
  });
});

describe('isKeptAfterDwell', () => {
  it('keeps a search looked at that found something, not one that found nothing', () => {
    expect(isKeptAfterDwell({ q: 'albu kamal' }, 4)).toBe(true);
    expect(isKeptAfterDwell({ q: '', category: 'middle-east' }, 1)).toBe(true);
    expect(isKeptAfterDwell({ q: 'xyzzy' }, 0)).toBe(false);
    expect(isKeptAfterDwell({ q: '  ' }, 2078)).toBe(false);
  });
});

describe('addRecentSearch', () => {
  it('puts the new search first', () => {
    const { recent: list } = addRecentSearch([recent('mosul', 1), recent('raqqa', 2)], { q: 'hmeimim' }, 3);
    expect(list.map((r) => r.search.q)).toEqual(['hmeimim', 'raqqa', 'mosul']);
  });

  it('moves a repeated search to the front, in its latest spelling, instead of listing it twice', () => {
    const { recent: list, dropped } = addRecentSearch([recent('raqqa', 2), recent('albu kamal', 1)], { q: 'Albu Kamal', page: 3 }, 5);
    expect(list.map((r) => [r.search, r.at])).toEqual([
      [{ q: 'Albu Kamal' }, 5],
      [{ q: 'raqqa' }, 2],
    ]);
    expect(dropped).toEqual([]);
  });

  it('keeps the filters with the words', () => {
    const { recent: list } = addRecentSearch([], { q: 'accessibility', category: 'accessibility', from: '2016-01', sort: 'newest', page: 2 }, 1);
    expect(list[0]!.search).toEqual({ q: 'accessibility', category: 'accessibility', from: '2016-01', sort: 'newest' });
  });

  it(`keeps the ${RECENT_SEARCHES_LIMIT} most recent and names the ones that fall off`, () => {
    const list = Array.from({ length: RECENT_SEARCHES_LIMIT }, (_, i) => recent(`search ${i}`, i));
    const { recent: kept, dropped } = addRecentSearch(list, { q: 'newest' }, 100);
    expect(kept).toHaveLength(RECENT_SEARCHES_LIMIT);
    expect(kept[0]!.search.q).toBe('newest');
    expect(kept.at(-1)!.search.q).toBe('search 1');
    expect(dropped).toEqual([recentSearchKey({ q: 'search 0' })]);
  });

  it('trims a list that had grown past the limit', () => {
    const list = Array.from({ length: 13 }, (_, i) => recent(`search ${i}`, i));
    const { recent: kept, dropped } = addRecentSearch(list, { q: 'search 12' }, 100, 10);
    expect(kept.map((r) => r.search.q)).toEqual(['search 12', ...Array.from({ length: 9 }, (_, i) => `search ${11 - i}`)]);
    expect(dropped).toEqual(['search 2', 'search 1', 'search 0'].map((q) => recentSearchKey({ q })));
  });
});

describe('newestFirst', () => {
  it('orders by time, most recent first, whatever order the store gives', () => {
    expect(newestFirst([recent('a', 1), recent('c', 3), recent('b', 2)]).map((r) => r.search.q)).toEqual(['c', 'b', 'a']);
  });
});
