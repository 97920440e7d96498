/**
 * The search worker: owns the MiniSearch index so that loading it (megabytes of JSON) and
 * querying it never block the page. Every error becomes an `{ error }` reply.
 */
import { SearchError, type SearchReply, type SearchRequest } from './protocol';
import { createSearchIndex } from './searchIndex';

/** The part of `DedicatedWorkerGlobalScope` used here (the app's tsconfig has DOM types only). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
  postMessage(reply: SearchReply): void;
}

const scope = self as unknown as WorkerScope;
const searchIndex = createSearchIndex(import.meta.env.BASE_URL);

scope.onmessage = async (event) => {
  const { id, query, limit } = event.data;
  try {
    scope.postMessage({ id, response: await searchIndex.search(query, limit) });
  } catch (error) {
    const failure = error instanceof SearchError ? error.failure : undefined;
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error), failure });
  }
};
