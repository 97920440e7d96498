import type { Options, SearchOptions } from 'minisearch';
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

/** Lowercases and strips diacritics so "Núñez" matches "nunez". */
export function foldTerm(term: string): string {
  return term.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * THE MiniSearch options, shared by the builder (`new MiniSearch(searchIndexOptions)`) and the
 * reader (`MiniSearch.loadJSON(json, searchIndexOptions)`): MiniSearch refuses an index loaded
 * with options other than those it was built with.
 */
export const searchIndexOptions: Options<SearchDocument> = {
  idField: 'id',
  fields: ['title', 'summary', 'body', 'author', 'outlets', 'category', 'tags', 'urls'],
  storeFields: ['title', 'date', 'slug', 'categorySlug', 'outlets', 'category'],
  processTerm: (term) => {
    const folded = foldTerm(term).replace(/['’]/g, '');
    return folded.length > 0 ? folded : null;
  },
};

/** Default query options: title first, prefix on what is being typed, tolerant of typos. */
export const defaultSearchOptions: SearchOptions = {
  boost: { title: 4, summary: 2, author: 2, category: 1.5, tags: 1.5, outlets: 1 },
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 2,
  fuzzy: (term) => (term.length <= 3 ? false : term.length <= 6 ? 1 : 2),
  combineWith: 'AND',
};

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
    outlets: article.sources.map((s) => s.outlet).filter((o): o is string => o !== null).join(' · '),
    category: article.category ? categoryName(article.category) : '',
    tags: article.tags.map(tagName).join(' '),
    urls: article.sources.map((s) => s.url).filter((u): u is string => u !== null).join(' '),
    date: article.date,
    slug: article.slug,
    categorySlug: article.category ?? '',
  };
}
