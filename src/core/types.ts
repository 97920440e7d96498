/**
 * Domain types shared by the librarian and the reader. Pure data: no DOM, no Node.
 */

/** One publication of an article: the outlet that ran it and where, when known. */
export interface Source {
  /** Outlet (site or publication) display name, e.g. "Arab News"; null when the page names none. */
  outlet: string | null;
  /** Canonical URL of this publication; null when unknown. */
  url: string | null;
}

/** A normalised archive article. */
export interface Article {
  /** Stable id: the same source imported twice yields the same id. */
  id: string;
  /** URL-safe slug, unique within the article's month. */
  slug: string;
  title: string;
  /**
   * Publication date, ISO 8601: `2017-11-10`, `2017-11-10T09:52:00` (local time, zone unknown)
   * or `2017-11-10T09:52:00+03:00`. The first seven characters are the article's month.
   */
  date: string;
  /** Every outlet and URL that published this article (duplicates merged); never empty. */
  sources: Source[];
  author: string | null;
  /** Category slug (declared in the archive metadata), or null when the source shows none. */
  category: string | null;
  /** Tag slugs (declared in the archive metadata). */
  tags: string[];
  /** Plain-text summary (standfirst or first paragraph). */
  summary: string;
  /** Sanitised HTML body: paragraphs, headings, lists, links, images, figures, quotes. */
  body: string;
}

/** A category or tag: slug plus display name. */
export interface Label {
  slug: string;
  name: string;
}

/** The archive's own metadata, kept by librarians in `archive/archive.json`. */
export interface ArchiveMeta {
  name: string;
  description: string;
  categories: Label[];
  tags: Label[];
  /**
   * Alias groups for search: each group lists spellings, transliterations or acronyms of one
   * thing, e.g. `["Albu Kamal", "Abu Kamal", "Al-Bukamal"]`.
   */
  aliases: string[][];
}

/** `YYYY-MM`. */
export type MonthKey = string;
