/**
 * The only search module the UI imports. Queries go to a module worker; where the browser has
 * no `Worker`, the same index code runs in the main thread, loaded on first use.
 */
import { SearchError, type SearchReply, type SearchRequest, type SearchResponse } from './protocol';
import type { SearchIndex } from './searchIndex';

export { SearchError, type SearchFailure, type SearchHit, type SearchResponse } from './protocol';

/** Hits sent back per query unless asked otherwise. */
export const DEFAULT_SEARCH_LIMIT = 100;

interface Pending {
  resolve(response: SearchResponse): void;
  reject(error: Error): void;
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

function searchInMainThread(query: string, limit: number): Promise<SearchResponse> {
  mainThreadIndex ??= import('./searchIndex').then((m) => m.createSearchIndex(import.meta.env.BASE_URL));
  return mainThreadIndex.then((index) => index.search(query, limit));
}

/** Searches the archive; rejects with the worker's error message when the index cannot load. */
export function search(query: string, options: { limit?: number } = {}): Promise<SearchResponse> {
  const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
  let target: Worker;
  try {
    if (typeof Worker === 'undefined') return searchInMainThread(query, limit);
    target = getWorker();
  } catch {
    // Browsers without module workers throw on `{ type: 'module' }`.
    return searchInMainThread(query, limit);
  }
  const request: SearchRequest = { id: nextId++, query, limit };
  return new Promise<SearchResponse>((resolve, reject) => {
    pending.set(request.id, { resolve, reject });
    target.postMessage(request);
  });
}
