import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchReply } from '../../search/protocol';
import { FakeWorker } from '../../search/testing/fakeWorker';

const answer = (q: string) => ({
  query: { q },
  total: 1,
  mode: 'all' as const,
  suggestions: [],
  edition: 'e',
  searched: 8,
  articleCount: 8,
  hits: [{ id: 'a', score: 1, title: q, date: '2017-11-10', slug: q, categorySlug: '', outlets: '', category: '', titleHighlighted: [] }],
});

beforeEach(() => {
  vi.resetModules();
  vi.stubGlobal('Worker', FakeWorker);
  // The router (for its query cache) reads the history when it loads; Node has none.
  const history = { state: null as unknown, length: 1, replaceState: (state: unknown) => void (history.state = state) };
  vi.stubGlobal('window', { history, addEventListener() {}, removeEventListener() {} });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('getSearchResults and showingSearch', () => {
  it('asks for at most 100 results a page: 20 more a step, then the next hundred', async () => {
    const { getSearchResults } = await import('./archiveData');
    void getSearchResults({ q: 'raqqa', page: 3 });
    void getSearchResults({ q: 'raqqa', page: 7 });
    expect(FakeWorker.last!.posted).toEqual([
      { id: 1, query: { q: 'raqqa', offset: 0, limit: 60 } },
      { id: 2, query: { q: 'raqqa', offset: 100, limit: 40 } },
    ]);
  });

  it('stops every search but the one shown, before its hits or before its snippets, and a preload stops none', async () => {
    const { getSearchResults, showingSearch } = await import('./archiveData');
    const first = getSearchResults({ q: 'ra' });
    FakeWorker.last!.onmessage!({ data: { id: 1, response: answer('ra'), snippetsFollow: true } });
    const ra = await first;
    // Typed on: "raq" is on its way, "raqq" is asked for (a preload would be too): nothing is stopped yet.
    void getSearchResults({ q: 'raq' });
    void getSearchResults({ q: 'raqq' });
    expect(FakeWorker.last!.posted.filter((m) => typeof m === 'object' && m !== null && 'cancel' in m)).toEqual([]);
    // The page shows "raqq": "ra" (its snippets) and "raq" (its hits) stop.
    showingSearch({ q: 'raqq' });
    expect(FakeWorker.last!.posted.slice(3)).toEqual([{ cancel: 1 }, { cancel: 2 }]);
    await expect(ra.snippets).rejects.toMatchObject({ name: 'AbortError' });
  });
});
