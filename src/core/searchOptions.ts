import type { Options, SearchOptions } from 'minisearch';
import { isUnspaced, processTerm, tokenize } from './searchTerms';
import type { Article } from './types';

/**
 * The document MiniSearch indexes: an article flattened to plain text. Built by the librarian's
 * bundle builder; the reader only ever sees the stored fields.
 */
export interface SearchDocument {
  id: string;
  title: string;
  summary: string;
  /** Body as plain text. */
  body: string;
  author: string;
  /** Outlet names joined by " · ". */
  outlets: string;
  /** Category display name. */
  category: string;
  /** Tag display names joined by spaces. */
  tags: string;
  /** Original URLs joined by spaces, so a reader can find an article by its address. */
  urls: string;
  /** Stored only. */
  date: string;
  slug: string;
  categorySlug: string;
}

/** What a search hit carries without loading the article. */
export type StoredFields = Pick<SearchDocument, 'title' | 'date' | 'slug' | 'categorySlug' | 'outlets' | 'category'>;

export { foldTerm } from './searchTerms';

/**
 * THE MiniSearch options, shared by the builder (`new MiniSearch(searchIndexOptions)`) and the
 * reader (`MiniSearch.loadJS(js, searchIndexOptions)`): MiniSearch refuses an index loaded with
 * options other than those it was built with, and a term indexed one way is only found when the
 * query is cut and folded the same way (see `searchTerms.ts` for the rules).
 */
export const searchIndexOptions: Options<SearchDocument> = {
  idField: 'id',
  fields: ['title', 'summary', 'body', 'author', 'outlets', 'category', 'tags', 'urls'],
  storeFields: ['title', 'date', 'slug', 'categorySlug', 'outlets', 'category'],
  tokenize,
  processTerm,
};

/** How much a match in each field counts; the title most, then summary and author. */
export const FIELD_BOOSTS: Record<string, number> = { title: 4, summary: 2, author: 2, category: 1.5, tags: 1.5, outlets: 1, body: 1, urls: 1 };

/**
 * Typos tolerated in a query term: none up to four letters (where one edit makes another common
 * word: "data" and "date", "isis" and "isil"), one up to seven, two beyond ("acessibility",
 * "Hezbolah"). Words of scripts without spaces are never matched approximately.
 */
export function fuzzyDistance(term: string): number {
  if (isUnspaced(term)) return 0;
  const length = [...term].length;
  return length <= 4 ? 0 : length <= 7 ? 1 : 2;
}

/** Shortest word being typed that is completed as a prefix ("ac" finds "accessibility"). */
export const MIN_PREFIX_LENGTH = 2;

/**
 * Query options for a plain `index.search(text, defaultSearchOptions)`: every word, the last one
 * completed as a prefix, the rules above. The reader's search (`src/search/searchIndex.ts`) builds
 * its queries word by word with the same rules, adding alternatives, aliases and filters.
 */
export const defaultSearchOptions: SearchOptions = {
  boost: FIELD_BOOSTS,
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= MIN_PREFIX_LENGTH,
  fuzzy: (term) => fuzzyDistance(term) || false,
  combineWith: 'AND',
};

/** Between the outlet names of {@link SearchDocument.outlets}. */
export const OUTLET_SEPARATOR = ' · ';

/** The outlet names of a stored `outlets` field. */
export function splitOutlets(outlets: string): string[] {
  return outlets ? outlets.split(OUTLET_SEPARATOR) : [];
}

/** Builds the document indexed for an article. */
export function toSearchDocument(
  article: Article,
  categoryName: (slug: string) => string,
  tagName: (slug: string) => string,
  plainBody: string,
): SearchDocument {
  return {
    id: article.id,
    title: article.title,
    summary: article.summary,
    body: plainBody,
    author: article.author ?? '',
    outlets: article.sources.map((s) => s.outlet).filter((o): o is string => o !== null).join(OUTLET_SEPARATOR),
    category: article.category ? categoryName(article.category) : '',
    tags: article.tags.map(tagName).join(' '),
    urls: article.sources.map((s) => s.url).filter((u): u is string => u !== null).join(' '),
    date: article.date,
    slug: article.slug,
    categorySlug: article.category ?? '',
  };
}
