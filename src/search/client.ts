/// <reference types="vite/client" />
/**
 * The only search module the UI imports. Queries go to a module worker; where the browser has
 * no `Worker`, the same index code runs in the main thread, loaded on first use.
 */
import { SearchError, type SearchQuery, type SearchReply, type SearchRequest, type SearchResponse } from './protocol';
import type { SearchIndex } from './searchIndex';

export {
  DEFAULT_SEARCH_LIMIT,
  MAX_SEARCH_LIMIT,
  SearchError,
  UNCATEGORISED_SLUG,
  type Highlighted,
  type SearchFailure,
  type SearchHit,
  type SearchQuery,
  type SearchResponse,
  type SearchSort,
} from './protocol';

interface Pending {
  resolve(response: SearchResponse): void;
  reject(error: unknown): void;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();
let mainThreadIndex: Promise<SearchIndex> | undefined;

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error);
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
    pending.delete(reply.id);
    if ('error' in reply) p.reject(new SearchError(reply.error, reply.failure));
    else p.resolve(reply.response);
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

function searchInMainThread(query: SearchQuery, signal: AbortSignal | undefined): Promise<SearchResponse> {
  mainThreadIndex ??= Promise.all([import('./searchIndex'), import('../edition/bundleStore'), import('../edition/deviceCaches')]).then(([m, edition, device]) => {
    const store = edition.createBundleStore({ baseUrl: import.meta.env.BASE_URL, caches: device.deviceCaches() });
    return m.createSearchIndex({ loadManifest: store.currentManifest, loadFile: store.readFile });
  });
  return mainThreadIndex.then((index) => index.search(query, signal));
}

/** The query as a plain object (a reactive proxy cannot be posted to a worker), unset fields left out. */
function plainQuery(query: SearchQuery): SearchQuery {
  const { q, category, outlet, from, to, sort, offset, limit } = query;
  return JSON.parse(JSON.stringify({ q, category, outlet, from, to, sort, offset, limit })) as SearchQuery;
}

/**
 * Searches the archive: words and filters in, one page of hits out (see `SearchQuery`). Rejects
 * with a SearchError when the index cannot load. Pass a `signal` to drop a query a newer one
 * supersedes: the promise then rejects with the signal's reason (an `AbortError`) and the worker
 * stops working on it.
 */
export function search(query: SearchQuery, options: { signal?: AbortSignal } = {}): Promise<SearchResponse> {
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
  return new Promise<SearchResponse>((resolve, reject) => {
    const onAbort = () => {
      if (!pending.delete(request.id)) return;
      target.postMessage({ cancel: request.id });
      reject(signal?.reason);
    };
    pending.set(request.id, {
      resolve(response) {
        signal?.removeEventListener('abort', onAbort);
        resolve(response);
      },
      reject(error) {
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      },
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    target.postMessage(request);
  });
}
