/// <reference types="vite/client" />
/**
 * The only search module the UI imports. Queries go to a module worker; where the browser has
 * no `Worker`, the same index code runs in the main thread, loaded on first use.
 */
import { SearchError, type SearchAnswer, type SearchQuery, type SearchReply, type SearchRequest, type SearchResponse, type SearchSnippets } from './protocol';
import type { SearchIndex } from './searchIndex';

export {
  DEFAULT_SEARCH_LIMIT,
  MAX_SEARCH_LIMIT,
  SearchError,
  UNCATEGORISED_SLUG,
  type Highlighted,
  type SearchAnswer,
  type SearchFailure,
  type SearchHit,
  type SearchQuery,
  type SearchResponse,
  type SearchSnippets,
  type SearchSort,
} from './protocol';

/** A request on its way: its answer, then its snippets. */
interface Pending {
  answer(response: SearchResponse, snippetsFollow: boolean): void;
  snippets(snippets: SearchSnippets): void;
  fail(error: unknown): void;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();
let mainThreadIndex: Promise<SearchIndex> | undefined;

function failAll(error: Error): void {
  for (const p of pending.values()) p.fail(error);
  pending.clear();
}

function getWorker(): Worker {
  if (worker) return worker;
  const created = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  created.onmessage = (event: MessageEvent<SearchReply>) => {
    const reply = event.data;
    const p = pending.get(reply.id);
    // A reply to a request cancelled meanwhile: nobody is waiting for it.
    if (!p) return;
    if ('error' in reply) {
      pending.delete(reply.id);
      p.fail(new SearchError(reply.error, reply.failure));
    } else if ('response' in reply) {
      if (!reply.snippetsFollow) pending.delete(reply.id);
      p.answer(reply.response, reply.snippetsFollow);
    } else {
      pending.delete(reply.id);
      p.snippets(reply.snippets);
    }
  };
  // The worker script itself failed (e.g. offline before it was cached): drop it so that the
  // next search starts a fresh one.
  created.onerror = (event) => {
    event.preventDefault();
    failAll(new SearchError(`search: the search worker failed to start (${event.message || 'script error'})`));
    created.terminate();
    worker = undefined;
  };
  worker = created;
  return created;
}

/** Snippets none of the hits get (browsing, or no hits): one null per hit. */
const noSnippets = (response: SearchResponse): SearchSnippets => response.hits.map((hit) => hit.snippet ?? null);

/** `response` with its snippets to come; a rejection nobody awaits is not reported as unhandled. */
function withSnippets(response: SearchResponse, snippets: Promise<SearchSnippets>): SearchAnswer {
  snippets.catch(() => undefined);
  return { ...response, snippets };
}

function searchInMainThread(query: SearchQuery, signal: AbortSignal | undefined): Promise<SearchAnswer> {
  mainThreadIndex ??= Promise.all([import('./searchIndex'), import('../edition/bundleStore'), import('../edition/deviceCaches')]).then(([m, edition, device]) => {
    const store = edition.createBundleStore({ baseUrl: import.meta.env.BASE_URL, caches: device.deviceCaches() });
    return m.createSearchIndex({ loadManifest: store.currentManifest, loadFile: store.readFile });
  });
  return mainThreadIndex.then(async (index) => {
    const { response, snippets } = await index.searchInPhases(query, signal);
    return withSnippets(response, snippets ? snippets(signal) : Promise.resolve(noSnippets(response)));
  });
}

/** The query as a plain object (a reactive proxy cannot be posted to a worker), unset fields left out. */
function plainQuery(query: SearchQuery): SearchQuery {
  const { q, category, outlet, from, to, sort, offset, limit } = query;
  return JSON.parse(JSON.stringify({ q, category, outlet, from, to, sort, offset, limit })) as SearchQuery;
}

/**
 * Searches the archive: words and filters in, one page of hits out (see `SearchQuery`). Resolves
 * as soon as the hits are known (title, date, outlets, category), with their snippets to come as
 * `snippets`, so that a page paints the hits at once. Rejects with a SearchError when the index
 * cannot load. Pass a `signal` to drop a query a newer one supersedes, before its answer or
 * before its snippets: what is still to come rejects with the signal's reason (an `AbortError`)
 * and the worker stops working on it.
 */
export function search(query: SearchQuery, options: { signal?: AbortSignal } = {}): Promise<SearchAnswer> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const plain = plainQuery(query);
  let target: Worker;
  try {
    if (typeof Worker === 'undefined') return searchInMainThread(plain, signal);
    target = getWorker();
  } catch {
    // Browsers without module workers throw on `{ type: 'module' }`.
    return searchInMainThread(plain, signal);
  }
  const request: SearchRequest = { id: nextId++, query: plain };
  return new Promise<SearchAnswer>((resolve, reject) => {
    let snippets: { resolve(s: SearchSnippets): void; reject(error: unknown): void } | undefined;
    const done = () => signal?.removeEventListener('abort', onAbort);
    const fail = (error: unknown) => {
      done();
      if (snippets) snippets.reject(error);
      else reject(error);
    };
    const onAbort = () => {
      if (!pending.delete(request.id)) return;
      target.postMessage({ cancel: request.id });
      fail(signal?.reason);
    };
    pending.set(request.id, {
      answer(response, snippetsFollow) {
        if (!snippetsFollow) {
          done();
          resolve(withSnippets(response, Promise.resolve(noSnippets(response))));
          return;
        }
        resolve(withSnippets(response, new Promise<SearchSnippets>((res, rej) => (snippets = { resolve: res, reject: rej }))));
      },
      snippets(cut) {
        done();
        snippets?.resolve(cut);
      },
      fail,
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    target.postMessage(request);
  });
}
