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
  it('answers a request with the response for its id', async () => {
    serveBundle(fixtureFiles());
    const { replies, send } = await startWorker();
    await send({ id: 7, query: { q: 'foodkeeper' } });
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ id: 7, response: { total: 1, mode: 'all', hits: [{ slug: 'usda-foodkeeper-app-update-expands-content-offerings' }] } });
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
    expect(replies.map((r) => r.id)).toEqual([2]);
  });
});
