/**
 * Wire formats, versioned. Two contracts live here:
 *
 * 1. The archive on disk (`archive/`), kept by librarians and committed:
 *    - `archive/archive.json`           → {@link ArchiveMetaFile}
 *    - `archive/articles/YYYY-MM.json`  → {@link ArchiveMonthFile}, one file per month
 * 2. The bundle the reader loads (built from the archive into `bundle/` of the site):
 *    - `bundle/manifest.json`           → {@link BundleManifest}, small, always fetched fresh
 *    - `bundle/<name>.<hash>.json`      → immutable, content-hashed data files
 *
 * The librarian and the reader never import each other: these types and the files are the
 * contract (as Pagefind's indexer and UI share only the bundle on disk).
 */
import type { ArchiveMeta, Article, Label, MonthKey } from './types';

/** Version tag of the archive format. Bump on any incompatible change and keep a fixture. */
export const ARCHIVE_FORMAT = 'news-archive/1';
/** Version tag of the bundle format the reader understands. */
export const BUNDLE_FORMAT = 'news-bundle/2';

export interface ArchiveMetaFile extends ArchiveMeta {
  format: typeof ARCHIVE_FORMAT;
}

export interface ArchiveMonthFile {
  format: typeof ARCHIVE_FORMAT;
  month: MonthKey;
  /** Newest first; ties broken by id, so that a rebuild is byte-identical. */
  articles: Article[];
}

/** Path of a month file relative to the archive root. */
export function archiveMonthPath(month: MonthKey): string {
  return `articles/${month}.json`;
}

export const ARCHIVE_META_PATH = 'archive.json';

/** A month of the bundle: its count and the data file(s) holding its articles. */
export interface BundleMonth {
  month: MonthKey;
  count: number;
  /** Content-hashed file names under `bundle/`, in order; articles newest first across them. */
  files: string[];
}

/** A category or tag of the bundle, with how many articles carry it and in which months. */
export interface BundleCategory extends Label {
  count: number;
  /** Months holding articles with this label, newest first, with their counts. */
  months: { month: MonthKey; count: number }[];
}

/** `bundle/manifest.json`: everything the reader needs to navigate, without article bodies. */
export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  /** Identifies the edition: a hash over every data file's hash. */
  edition: string;
  /** ISO 8601 time the bundle was built. */
  builtAt: string;
  name: string;
  description: string;
  articleCount: number;
  /** Newest month first. */
  months: BundleMonth[];
  /** Ordered by display name. Articles with no category are counted under `uncategorised`. */
  categories: BundleCategory[];
  uncategorised: { count: number; months: { month: MonthKey; count: number }[] };
  /** Every outlet named by a source, with how many articles it published, by name. */
  outlets: { name: string; count: number }[];
  /** Tags that at least one article carries, ordered by display name. */
  tags: BundleCategory[];
  aliases: string[][];
  /**
   * The serialised MiniSearch index (see `searchOptions.ts`), split to stay under the file size
   * limit: `files[0]` is MiniSearch's JSON form with its `index` (term) array emptied, and every
   * further file is a JSON array holding the next slice of that term array, in order. The reader
   * puts the slices back and calls `MiniSearch.loadJS`; a small index is one file.
   */
  index: { files: string[]; documentCount: number };
}

/** A bundle data file with articles of one month (or part of one). */
export interface BundleMonthFile {
  format: typeof BUNDLE_FORMAT;
  month: MonthKey;
  articles: Article[];
}

/** Where bundle files live, relative to the site root. */
export const BUNDLE_DIR = 'bundle';
export const BUNDLE_MANIFEST = 'manifest.json';
/** Workbox will not precache larger files; the builder splits data to stay under it. */
export const MAX_BUNDLE_FILE_BYTES = 2 * 1024 * 1024;
