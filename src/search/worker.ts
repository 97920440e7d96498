/// <reference types="vite/client" />
/**
 * The search worker: owns the MiniSearch index so that loading it (megabytes of JSON) and
 * querying it never block the page. Each request is answered in two messages, the hits and then
 * their snippets (see `SearchReply`). Every error becomes an `{ error }` reply; a cancelled request
 * gets nothing more.
 */
import { SearchError, type SearchCancel, type SearchReply, type SearchRequest } from './protocol';
import { createSearchIndex } from './searchIndex';
import { createBundleStore } from '../edition/bundleStore';
import { deviceCaches } from '../edition/deviceCaches';

/** The part of `DedicatedWorkerGlobalScope` used here (the app's tsconfig has DOM types only). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<SearchRequest | SearchCancel>) => void) | null;
  postMessage(reply: SearchReply): void;
}

const scope = self as unknown as WorkerScope;
// The index and the articles from the device when saved, else the network (hash-checked), and
// always the edition the page reads (see src/edition/bundleStore.ts).
const store = createBundleStore({ baseUrl: import.meta.env.BASE_URL, caches: deviceCaches() });
const searchIndex = createSearchIndex({ loadManifest: store.currentManifest, loadFile: store.readFile });
/** Requests being answered, to abort when the client cancels them. */
const running = new Map<number, AbortController>();

scope.onmessage = async (event) => {
  const message = event.data;
  if ('cancel' in message) {
    running.get(message.cancel)?.abort();
    return;
  }
  const { id, query } = message;
  const controller = new AbortController();
  running.set(id, controller);
  try {
    // The hits first, as soon as the index has them; their snippets (which read the articles'
    // texts) in a second message, unless a newer query cancelled this one meanwhile.
    const { response, snippets } = await searchIndex.searchInPhases(query, controller.signal);
    scope.postMessage({ id, response, snippetsFollow: snippets !== undefined });
    if (!snippets) return;
    // Let a cancel already sent (the reader typed on) be read before any text is.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (controller.signal.aborted) return;
    scope.postMessage({ id, snippets: await snippets(controller.signal) });
  } catch (error) {
    if (controller.signal.aborted) return;
    const failure = error instanceof SearchError ? error.failure : undefined;
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error), failure });
  } finally {
    running.delete(id);
  }
};
