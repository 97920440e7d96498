/**
 * What every source reader (plain-text page dump, HTML page, feed item, WXR post, Markdown file,
 * JSON record) produces: one article as the source states it, before normalisation.
 */
export interface SourceArticle {
  /** The file it came from, as the librarian named it (used in every message). */
  file: string;
  /** Where in the file, for sources with many records: `item 3`, `line 42`; null for a page. */
  record: string | null;
  title: string;
  /** ISO 8601 as precise as the source states it, or null when it states none. */
  date: string | null;
  outlet: string | null;
  url: string | null;
  /** Other addresses the same article was published at (a cross-post's first publication). */
  otherUrls?: string[];
  author: string | null;
  /** Category display name as the source shows it. */
  category: string | null;
  /** Tag display names. */
  tags: string[];
  summary: string | null;
  /** Sanitised HTML. */
  bodyHtml: string;
  /** The body as plain text (for summaries and duplicate detection). */
  bodyText: string;
}

/**
 * What a source reader returns for one file: the articles it holds, and the records it
 * deliberately left out (a WordPress page or draft, a feed item with no content) with the reason.
 * A record that is broken rather than deliberately left out is a {@link SourceError} for the file
 * when nothing can be read, or a skipped record with its reason when the rest can.
 */
export interface SourceReadResult {
  articles: SourceArticle[];
  skipped: { record: string; reason: string }[];
}

/** What a librarian states about a source that the source itself does not (or gets wrong). */
export interface SourceOverrides {
  title?: string;
  /** `YYYY-MM-DD` or a full ISO 8601 date-time. */
  date?: string;
  outlet?: string;
  url?: string;
  author?: string;
  category?: string;
}

/** A source file that could not be imported, and why. */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'SourceError';
  }
}
