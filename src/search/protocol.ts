/**
 * The messages between the search client and the search worker. The UI sees only
 * {@link SearchResponse} (through `client.ts`); MiniSearch stays behind this line.
 */
import type { StoredFields } from '../core/searchOptions';

/** client → worker */
export interface SearchRequest {
  /** Matches a reply to its request. */
  id: number;
  query: string;
  /** How many hits to send back at most; `total` still counts them all. */
  limit: number;
}

/** A matching article: what the index stores, so a result list needs no month file. */
export interface SearchHit extends StoredFields {
  id: string;
  score: number;
}

export interface SearchResponse {
  /** The query as it was run (trimmed). */
  query: string;
  /** Every matching article, even those past `limit`. */
  total: number;
  /** Best first. */
  hits: SearchHit[];
  /** The bundle edition the index came from. */
  edition: string;
}

/** Why the index could not be used: not reachable (offline), refused by the server, or unreadable. */
export type SearchFailure = 'offline' | 'http' | 'format';

/** worker → client: an answer, or the message of the error the worker caught. */
export type SearchReply = { id: number; response: SearchResponse } | { id: number; error: string; failure?: SearchFailure };

/** Thrown by the search index and rebuilt by the client from an `{ error }` reply. */
export class SearchError extends Error {
  constructor(
    message: string,
    readonly failure?: SearchFailure,
  ) {
    super(message);
    this.name = 'SearchError';
  }
}
