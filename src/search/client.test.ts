import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchReply, SearchResponse } from './protocol';
import { fixtureFiles, serveBundle } from './testing/serveBundle';

/** A stand-in for the module worker: records what the client posts, replies when told. */
class FakeWorker {
  static last: FakeWorker | undefined;
  posted: unknown[] = [];
  onmessage: ((event: { data: SearchReply }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {}
  reply(data: SearchReply) {
    this.onmessage?.({ data });
  }
}

const response = (q: string): SearchResponse => ({ query: { q }, total: 0, hits: [], mode: 'any', suggestions: [], edition: 'e', searched: 8, articleCount: 8 });

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
    FakeWorker.last!.reply({ id: 1, response: response('kamal') });
    await expect(pending).resolves.toEqual(response('kamal'));
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
    FakeWorker.last!.reply({ id: 1, response: response('kam') });
    FakeWorker.last!.reply({ id: 2, response: response('kamal') });
    await expect(fresh).resolves.toMatchObject({ query: { q: 'kamal' } });
  });

  it('searches in the main thread where there is no Worker', async () => {
    serveBundle(fixtureFiles());
    const { search } = await import('./client');
    const found = await search({ q: 'foodkeeper' });
    expect(found.hits.map((h) => h.slug)).toEqual(['usda-foodkeeper-app-update-expands-content-offerings']);
  });
});
