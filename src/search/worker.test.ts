import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchCancel, SearchReply, SearchRequest } from './protocol';
import { fixtureFiles, serveBundle } from './testing/serveBundle';

/** Loads worker.ts against a stand-in for the worker's global scope; returns what it posts. */
async function startWorker() {
  const replies: SearchReply[] = [];
  const scope: { onmessage: ((event: { data: SearchRequest | SearchCancel }) => Promise<void>) | null; postMessage(reply: SearchReply): void } = {
    onmessage: null,
    postMessage: (reply) => replies.push(reply),
  };
  vi.stubGlobal('self', scope);
  await import('./worker');
  const send = (data: SearchRequest | SearchCancel) => scope.onmessage!({ data });
  return { replies, send };
}

beforeEach(() => {
  vi.resetModules();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('search worker', () => {
  it('answers a request with its hits first, then their snippets in a second message', async () => {
    serveBundle(fixtureFiles());
    const { replies, send } = await startWorker();
    await send({ id: 7, query: { q: 'foodkeeper' } });
    expect(replies).toHaveLength(2);
    const [answer, snippets] = replies;
    expect(answer).toMatchObject({ id: 7, snippetsFollow: true, response: { total: 1, mode: 'all', hits: [{ slug: 'usda-foodkeeper-app-update-expands-content-offerings' }] } });
    // The hits come without snippets: cutting them reads the articles' texts.
    expect('response' in answer! && answer.response.hits[0]!.snippet).toBeUndefined();
    expect(snippets).toMatchObject({ id: 7 });
    const cut = 'snippets' in snippets! ? snippets.snippets : [];
    expect(cut).toHaveLength(1);
    expect(cut[0]!.filter((s) => s.match).map((s) => s.text)).toContain('FoodKeeper');
  });

  it('cuts the snippets from the snippet store when the bundle has one, without reading a month file', async () => {
    const fetch = serveBundle(fixtureFiles({ snippetStore: true }));
    const { replies, send } = await startWorker();
    await send({ id: 3, query: { q: 'counterattack' } });
    const snippets = replies.find((r) => 'snippets' in r);
    expect(snippets && 'snippets' in snippets && snippets.snippets[0]!.map((s) => s.text).join('')).toMatch(/Daesh terrorists conducted a blistering counterattack/);
    const read = fetch.mock.calls.map(([url]) => String(url));
    expect(read.some((url) => url.includes('/texts-'))).toBe(true);
    expect(read.filter((url) => url.includes('/month-'))).toEqual([]);
  });

  it('sends one message and no snippets when browsing', async () => {
    serveBundle(fixtureFiles());
    const { replies, send } = await startWorker();
    await send({ id: 4, query: { q: '', category: 'design' } });
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ id: 4, snippetsFollow: false });
    expect('response' in replies[0]! && replies[0].response.hits.every((h) => h.snippet === null)).toBe(true);
  });

  it('turns an error into an error reply with its kind of failure', async () => {
    serveBundle({});
    const { replies, send } = await startWorker();
    await send({ id: 1, query: { q: 'foodkeeper' } });
    expect(replies).toEqual([{ id: 1, error: 'bundle: manifest.json: the server answered 404 Not Found', failure: 'http' }]);
  });

  it('sends nothing for a request cancelled before it was answered', async () => {
    serveBundle(fixtureFiles());
    const { replies, send } = await startWorker();
    const first = send({ id: 1, query: { q: 'caliphate' } });
    await send({ cancel: 1 });
    await send({ id: 2, query: { q: 'caliphate' } });
    await first;
    expect(replies.map((r) => [r.id, 'snippets' in r ? 'snippets' : 'hits'])).toEqual([
      [2, 'hits'],
      [2, 'snippets'],
    ]);
  });

  it('reads no text for a request cancelled after its hits were sent', async () => {
    const fetch = serveBundle(fixtureFiles());
    const { replies, send } = await startWorker();
    const scope = self as unknown as { postMessage(reply: SearchReply): void };
    const post = scope.postMessage;
    // The reader types on as soon as the hits are painted: the cancel arrives before the snippets.
    let cancelled: Promise<void> | undefined;
    scope.postMessage = (reply) => {
      post(reply);
      if ('response' in reply) cancelled = send({ cancel: reply.id });
    };
    await send({ id: 5, query: { q: 'counterattack' } });
    await cancelled;
    expect(replies.map((r) => Object.keys(r).sort().join())).toEqual(['id,response,snippetsFollow']);
    expect(fetch.mock.calls.map(([url]) => String(url)).filter((url) => url.includes('/month-'))).toEqual([]);
  });
});
