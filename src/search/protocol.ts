/**
 * The messages between the search client and the search worker. The UI sees only these types
 * (through `client.ts`); MiniSearch stays behind this line.
 */
import type { StoredFields } from '../core/searchOptions';
import type { MonthKey } from '../core/types';

export type SearchSort = 'relevance' | 'newest';

/** Hits per page unless the query asks otherwise. */
export const DEFAULT_SEARCH_LIMIT = 20;
/** Most hits one page may hold: a sanity bound (each hit's snippet reads its article's text). */
export const MAX_SEARCH_LIMIT = 1000;
/** The `category` filter value for articles with no category. */
export const UNCATEGORISED_SLUG = 'uncategorised';

/** What the reader asked for: words and filters. Every field but `q` is optional. */
export interface SearchQuery {
  /** The words as typed; empty means "browse": every article that passes the filters. */
  q: string;
  /** A category slug, or `uncategorised` for articles with none. */
  category?: string;
  /** An outlet's display name (as in `BundleManifest.outlets`). */
  outlet?: string;
  /** First month included (YYYY-MM). */
  from?: MonthKey;
  /** Last month included (YYYY-MM). */
  to?: MonthKey;
  /** Default: relevance when there are words, newest when browsing. */
  sort?: SearchSort;
  /** Pagination: how many hits to skip, and how many to return (default 20, at most 1,000). */
  offset?: number;
  limit?: number;
}

/**
 * Text with the parts that matched the query marked, so that the UI highlights them with
 * `<mark>` without ever setting HTML from data.
 */
export type Highlighted = { text: string; match: boolean }[];

/** A matching article: what the index stores, plus why it matched. */
export interface SearchHit extends StoredFields {
  id: string;
  score: number;
  /** The title with matched words marked. */
  titleHighlighted: Highlighted;
  /**
   * A passage of the body around the matched words (about 30 words), matched words marked;
   * null when browsing with no words, or when the article has no text or it could not be read.
   * Absent while it is on its way: the worker sends the hits first and their snippets after
   * (see {@link SearchReply}); the client gives them as {@link SearchAnswer.snippets}.
   */
  snippet?: Highlighted | null;
}

export interface SearchResponse {
  query: SearchQuery;
  /** Every matching article, across all pages. */
  total: number;
  /** The requested page, best (or newest) first. */
  hits: SearchHit[];
  /**
   * How the words were combined: every word must match (`all`); no article had them all, so
   * articles with any of them are shown (`any`, possibly none either; a quoted phrase counts as
   * its words then); no words (`browse`); or the query was the address of an article, and these
   * are the articles at that address (`address`, regardless of the filters).
   */
  mode: 'all' | 'any' | 'browse' | 'address';
  /**
   * When the query has a quoted phrase of two words or more (mode `all`): how many articles have
   * every word (`candidates`), and how many of them, in the order of the hits, were read to check
   * the phrase (`checked`). `total` counts those that have it: when `checked < candidates`, the
   * rest were not checked and `total` is a lower bound.
   */
  phraseCheck?: { candidates: number; checked: number };
  /**
   * When not every word was found (mode `any`, with or without hits): the query with its unknown
   * words corrected to spellings the index knows, each finding something under the same filters
   * (at most three, folded: "accessibility guidelines"). Empty otherwise.
   */
  suggestions: string[];
  /** The bundle edition the index came from. */
  edition: string;
  /**
   * Articles the search looked through: every answer covers the whole archive (the index loads
   * the terms each query needs before it runs), so this equals `articleCount`; the benchmarks
   * check it.
   */
  searched: number;
  articleCount: number;
}

/** client → worker */
export interface SearchRequest {
  /** Matches a reply to its request. */
  id: number;
  query: SearchQuery;
}

/**
 * client → worker: the request with this id is no longer wanted (a newer query superseded it);
 * the worker stops working on it and sends no reply.
 */
export interface SearchCancel {
  cancel: number;
}

/** Why the index could not be used: not reachable (offline), refused by the server, or unreadable. */
export type SearchFailure = 'offline' | 'http' | 'format';

/**
 * The snippets of an answer's hits, in the order of its hits (null: no text to quote). They come
 * in a second message, so that the hits paint at once: cutting a snippet reads the article's text.
 */
export type SearchSnippets = (Highlighted | null)[];

/**
 * worker → client, for one request: the answer, its hits without snippets (`snippetsFollow`: a
 * `{ snippets }` message for the same id comes next; false when no hit gets one, as when
 * browsing); then the snippets; or, at either step, the message of the error the worker caught.
 * A cancelled request gets nothing more.
 */
export type SearchReply =
  | { id: number; response: SearchResponse; snippetsFollow: boolean }
  | { id: number; snippets: SearchSnippets }
  | { id: number; error: string; failure?: SearchFailure };

/** What the client's `search` resolves with: the answer as soon as its hits are known, and their snippets to come. */
export interface SearchAnswer extends SearchResponse {
  /**
   * The snippets of `hits`, in their order (all null when browsing). Rejects with the signal's
   * reason when the search is aborted before they come, with a SearchError when they fail.
   */
  snippets: Promise<SearchSnippets>;
}

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
