import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchReply, SearchResponse } from './protocol';
import { fixtureFiles, serveBundle } from './testing/serveBundle';
import { FakeWorker } from './testing/fakeWorker';

const response = (q: string): SearchResponse => ({ query: { q }, total: 0, hits: [], mode: 'any', suggestions: [], edition: 'e', searched: 8, articleCount: 8 });

/** An answer with `n` hits (no snippets yet). */
const withHits = (q: string, n: number): SearchResponse => ({
  ...response(q),
  mode: 'all',
  total: n,
  hits: Array.from({ length: n }, (_, i) => ({
    id: `id${i + 1}`,
    score: 1,
    title: `Raqqa ${i + 1}`,
    date: '2017-11-10',
    slug: `raqqa-${i + 1}`,
    categorySlug: '',
    outlets: '',
    category: '',
    titleHighlighted: [{ text: `Raqqa ${i + 1}`, match: true }],
  })),
});

/** The client's first search, answered by the fake worker with `n` hits whose snippets are to follow. */
async function answeredBeforeSnippets(query: { q: string }, n: number, signal?: AbortSignal) {
  vi.stubGlobal('Worker', FakeWorker);
  const { search } = await import('./client');
  const pending = search(query, { signal });
  FakeWorker.last!.reply({ id: 1, response: withHits(query.q, n), snippetsFollow: true });
  return pending;
}

beforeEach(() => {
  vi.resetModules();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('search', () => {
  it('posts the query to the worker as a plain object and resolves with its reply', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { search } = await import('./client');
    const pending = search({ q: 'kamal', category: undefined, sort: 'newest' });
    expect(FakeWorker.last!.posted).toEqual([{ id: 1, query: { q: 'kamal', sort: 'newest' } }]);
    FakeWorker.last!.reply({ id: 1, response: response('kamal'), snippetsFollow: false });
    const answer = await pending;
    expect(answer).toMatchObject(response('kamal'));
    await expect(answer.snippets).resolves.toEqual([]);
  });

  it('resolves with the hits at once, and gives their snippets when the second message comes', async () => {
    const answer = await answeredBeforeSnippets({ q: 'raqqa' }, 2);
    expect(answer.hits.map((h) => h.title)).toEqual(['Raqqa 1', 'Raqqa 2']);
    let snippets: unknown;
    void answer.snippets.then((s) => (snippets = s));
    await Promise.resolve();
    expect(snippets).toBeUndefined();
    const cut = [[{ text: 'Raqqa', match: true }], null];
    FakeWorker.last!.reply({ id: 1, snippets: cut });
    await expect(answer.snippets).resolves.toEqual(cut);
  });

  it('drops the snippets of a query superseded after its hits came: rejects them as aborted and tells the worker', async () => {
    const controller = new AbortController();
    const answer = await answeredBeforeSnippets({ q: 'raq' }, 1, controller.signal);
    controller.abort();
    await expect(answer.snippets).rejects.toMatchObject({ name: 'AbortError' });
    expect(FakeWorker.last!.posted).toEqual([{ id: 1, query: { q: 'raq' } }, { cancel: 1 }]);
    // A late reply is ignored.
    FakeWorker.last!.reply({ id: 1, snippets: [null] });
  });

  it('rejects the snippets with the worker’s error when cutting them failed', async () => {
    const answer = await answeredBeforeSnippets({ q: 'raqqa' }, 1);
    FakeWorker.last!.reply({ id: 1, error: 'search: texts-3.0123456789ab.json: not a search index file this reader can load', failure: 'format' });
    await expect(answer.snippets).rejects.toMatchObject({ name: 'SearchError', failure: 'format' });
  });

  it('rejects with the worker’s error as a SearchError', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { search, SearchError } = await import('./client');
    const pending = search({ q: 'kamal' });
    FakeWorker.last!.reply({ id: 1, error: 'search: manifest.json: could not be fetched', failure: 'offline' });
    await expect(pending).rejects.toBeInstanceOf(SearchError);
    await expect(pending).rejects.toMatchObject({ failure: 'offline', message: 'search: manifest.json: could not be fetched' });
  });

  it('drops a superseded query: rejects it as aborted, tells the worker, ignores a late reply', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { search } = await import('./client');
    const controller = new AbortController();
    const stale = search({ q: 'kam' }, { signal: controller.signal });
    controller.abort();
    await expect(stale).rejects.toMatchObject({ name: 'AbortError' });
    const fresh = search({ q: 'kamal' });
    expect(FakeWorker.last!.posted).toEqual([{ id: 1, query: { q: 'kam' } }, { cancel: 1 }, { id: 2, query: { q: 'kamal' } }]);
    FakeWorker.last!.reply({ id: 1, response: response('kam'), snippetsFollow: false });
    FakeWorker.last!.reply({ id: 2, response: response('kamal'), snippetsFollow: false });
    await expect(fresh).resolves.toMatchObject({ query: { q: 'kamal' } });
  });

  it('searches in the main thread where there is no Worker', async () => {
    serveBundle(fixtureFiles());
    const { search } = await import('./client');
    const found = await search({ q: 'foodkeeper' });
    expect(found.hits.map((h) => h.slug)).toEqual(['usda-foodkeeper-app-update-expands-content-offerings']);
    const [snippet] = await found.snippets;
    expect(snippet?.filter((s) => s.match).map((s) => s.text)).toContain('FoodKeeper');
  });
});
