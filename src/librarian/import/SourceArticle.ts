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
 * What a source reader returns for one file: the articles it holds, the records it deliberately
 * left out because they are not news (a WordPress page or draft, a feed item with no content),
 * and the records it refused because they are broken (a JSON Lines line that is not JSON, a
 * record with no title), each with the reason. Left out is by design and no failure; refused is
 * a failure of the import (exit 1), though the rest of the file still imports. A file where
 * nothing can be read at all is a {@link SourceError}.
 */
export interface SourceReadResult {
  articles: SourceArticle[];
  skipped: { record: string; reason: string }[];
  refused?: { record: string; reason: string }[];
}

/** What a librarian states about a source that the source itself does not (or gets wrong). */
export interface SourceOverrides {
  title?: string;
  /**
   * `YYYY-MM-DD` or a full ISO 8601 date-time, for records that state no date or an implausible
   * one (a placeholder, before 1800, in the future): a date the source states is never replaced
   * (`librarian edit --date` corrects one after the import).
   */
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
