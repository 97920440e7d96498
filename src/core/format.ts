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
/**
 * Version tag of the bundle format the reader understands. 5: listings apart from bodies (each
 * month's `pages` and `slugs` files, see {@link BundleMonth}). 4: the search index loaded on demand
 * (`BundleManifest.index`, see {@link BundleSearchIndex}). 3 split it by period; every data file
 * is listed with its size (`BundleManifest.files`) since 3, article images (`kind: 'image'`)
 * since within 3.
 */
export const BUNDLE_FORMAT = 'news-bundle/5';

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

/** A month of the bundle: its count, the data file(s) holding its articles, and its listing. */
export interface BundleMonth {
  month: MonthKey;
  count: number;
  /** Content-hashed file names under `bundle/`, in order; articles newest first across them. */
  files: string[];
  /**
   * The month's listing without bodies, {@link LISTING_FILE_ITEMS} articles a file, newest first
   * ({@link BundleListingFile}): `pages[n - 1]` holds page n of the month's page, so that a page
   * of any month reads one small file. `list-YYYY-MM-<n>.<hash>.json`.
   */
  pages: string[];
  /**
   * Only when the month has more than one of `files`: which of them holds an article, by slug
   * ({@link BundleSlugFile}), the slugs spread over these files by {@link slugBucket}, so that an
   * article page reads one small file and one of `files`. `slugs-YYYY-MM-<n>.<hash>.json`.
   */
  slugs?: string[];
}

/** Articles in a listing file: one page of a month. */
export const LISTING_FILE_ITEMS = 100;
/** About how many slugs a month's slug file holds (a month's slug files: its count ÷ this, rounded up). */
export const SLUGS_PER_FILE = 1000;

/** An article as a listing shows it: everything but its body, author and source addresses. */
export interface BundleListingItem {
  id: string;
  title: string;
  date: string;
  slug: string;
  summary: string;
  /** Category slug, `null` for none. */
  category: string | null;
  /** The outlets its sources name, in source order, each once. */
  outlets: string[];
  tags: string[];
  /** Which of the month's `files` holds the article (its index). */
  file: number;
}

/** A page of a month's listing (see {@link BundleMonth.pages}). */
export interface BundleListingFile {
  format: typeof BUNDLE_FORMAT;
  month: MonthKey;
  /** The place in the month (newest first, from 0) of `items[0]`: (page − 1) × {@link LISTING_FILE_ITEMS}. */
  from: number;
  items: BundleListingItem[];
}

/** Some of a month's slugs with the index in `BundleMonth.files` of the file holding each (see {@link BundleMonth.slugs}). */
export interface BundleSlugFile {
  format: typeof BUNDLE_FORMAT;
  month: MonthKey;
  files: Record<string, number>;
}

/**
 * Which of `buckets` slug files holds `slug`: FNV-1a (32 bits) over its UTF-16 code units, modulo
 * `buckets`. Builder and reader both use this, so it must never change within a bundle format.
 */
export function slugBucket(slug: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) {
    hash ^= slug.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % buckets;
}

/** A category or tag of the bundle, with how many articles carry it and in which months. */
export interface BundleCategory extends Label {
  count: number;
  /** Months holding articles with this label, newest first, with their counts. */
  months: { month: MonthKey; count: number }[];
}

/** A data file of the bundle: its content-hashed name under `bundle/` and its size. */
export interface BundleFile {
  name: string;
  /** Length of the file's content in bytes (UTF-8 for the JSON files). */
  bytes: number;
  /**
   * `image`: an article image (`images/<hash>.webp`, see {@link IMAGE_FILE_PATTERN}), saved after
   * every text file and skipped when the reader keeps text only. Absent for the JSON data files.
   */
  kind?: 'image';
}

/**
 * Format 3's index part, which `indexPartFiles` still writes for the benchmarks (one standalone
 * MiniSearch as JSON): a standalone serialised MiniSearch, built with
 * `searchIndexOptions` (see `searchOptions.ts`) over the articles of `from`…`to`.
 *
 * Periods (the partition rule): the articles of the newest calendar year in the archive get one
 * part per month (`period` `YYYY-MM`); every older year is one part (`period` `YYYY`). Only months
 * with articles count, and `from`/`to` are the first and last such month of the period. So a new
 * day of articles changes the part of its month only (and a new month adds a part); on the first
 * article of a new year, the previous year's month parts are replaced by one part for that year,
 * whose files are new (about the size of those month parts together) — once a year.
 *
 * The part's MiniSearch JSON (`MiniSearch#toJSON`, serialization version 2) is split into
 * `files`, each at most the builder's file limit:
 * - `files[0]` is that JSON with its document table (`documentIds`, `fieldLength`,
 *   `storedFields`) and its term array (`index`) holding only their first entries (all of them
 *   when the part fits one file);
 * - every further file is `{ documentIds, fieldLength, storedFields, index }` holding the next
 *   entries: the reader adds its tables to the first file's by key and appends its terms in order.
 * A term whose entry alone would not fit in a file is written as consecutive entries of that
 * term, each with some of its fields or documents; the reader merges them into one. The short
 * document ids (the tables' keys) are the part's own, from 0.
 */
export interface BundleIndexPart {
  /** `YYYY` for a whole year, `YYYY-MM` for a month of the newest year. */
  period: string;
  from: MonthKey;
  to: MonthKey;
  documentCount: number;
  /** Content-hashed file names under `bundle/`, in order (see above): `index-<period>`, `index-<period>-2`, … */
  files: string[];
}

/** A term of a serialised MiniSearch: by field id, the part's short document ids with the term's frequency. */
export type BundleIndexTerm = [term: string, fields: Record<string, Record<string, number>>];

/** Every file of an index part after the first (see {@link BundleIndexPart}). */
export interface BundleIndexPartFile {
  documentIds: Record<string, string>;
  fieldLength: Record<string, number[]>;
  storedFields: Record<string, Record<string, unknown>>;
  index: BundleIndexTerm[];
}

/**
 * The search index loaded on demand (format 4): ONE MiniSearch over every article, cut so that a
 * query fetches only what it needs. Articles get short ids `0…documentCount-1` in date order
 * (oldest first; on one date, the greater article id first), so that the months of
 * `BundleManifest.months` are ranges of ids and a new day appends ids.
 *
 * The terms are in layers, each over a range of months (`from`…`to`) and ids: the oldest layer
 * holds every year before the newest, then each month of the newest year is a layer of its own,
 * so that a day of news changes only its month's layer (and, on the first article of a year,
 * the old layers become one). Each layer's terms, sorted (by UTF-16 code unit), are cut into
 * shards by term range (`first`: the shard's first term; a term too big for one file starts
 * several consecutive shards); a query loads, in every layer, the shards of its terms, of the
 * range a prefix covers, and of the terms its typo tolerance reaches, found in the layer's
 * `dictionary` (its sorted terms by length, loaded only for a word that may have a typo).
 *
 * Postings carry no field lengths: each frequency is divided by MiniSearch's BM25 length factor
 * `1 - b + b · fieldLength / averageFieldLength` (with the averages of the oldest layer), so that
 * MiniSearch, given every field length equal to its average, scores as it would with the lengths
 * (see {@link BundleTermShardFile}). What a hit shows comes from `documents` (chunks of ids);
 * the category and outlets every article needs for a filter from `facets`.
 */
export interface BundleSearchIndex {
  documentCount: number;
  /** Oldest first. */
  layers: BundleIndexLayer[];
  /** What a hit shows: files of `chunk` consecutive ids each ({@link BundleDocumentsFile}). */
  documents: { chunk: number; files: string[] };
  /** Category and outlets of every article, for filters: files of `chunk` ids ({@link BundleFacetsFile}). */
  facets: { chunk: number; files: string[] };
  /** Article texts for snippets and phrase checks (see {@link BundleSnippetTexts}); absent in older builds. */
  texts?: BundleSnippetTexts;
}

// --- The snippet store (issue #11, search side) ------------------------------------------------
// Written by `termIndexFiles.ts` with the rest of the index and read by the search worker only
// (`src/search/articleTexts.ts`). Optional, so that a bundle without it still loads: the worker then
// reads snippets from the month files, as before.

/**
 * Every article's body as the plain text the index was built from, by short id, in files of
 * consecutive ids of about 24 KiB each, so that the snippets of a page of hits read a few small
 * files rather than whole month files. `from[i]` is the first id of `files[i]` (ascending, from 0).
 */
export interface BundleSnippetTexts {
  from: number[];
  files: string[];
}

/** Plain texts of ids `from…` ({@link BundleSnippetTexts}). */
export interface BundleTextsFile {
  format: typeof BUNDLE_FORMAT;
  from: number;
  texts: string[];
}
// --- end of the snippet store ------------------------------------------------------------------

export interface BundleIndexLayer {
  from: MonthKey;
  to: MonthKey;
  /** The layer's articles are ids `firstId … firstId + documentCount - 1`. */
  firstId: number;
  documentCount: number;
  /** In term order. */
  shards: { first: string; file: string }[];
  /**
   * The layer's terms, by length (UTF-16 code units) from `shortest` to `longest` in each file,
   * sorted ({@link BundleDictionaryFile}): a word with typos is looked up only among terms whose
   * length is within the typos of its own.
   */
  dictionary: { shortest: number; longest: number; file: string }[];
}

/** Term weights (BM25-normalised frequencies) are written as integers of this many parts of one. */
export const TERM_WEIGHT_SCALE = 10_000;

/**
 * A shard of a layer's terms. `postings[i]` belongs to `terms[i]`: for each field it occurs in,
 * `fieldId, n`, then the `n` ids (the first as is, each next as its difference to the one
 * before), then their `n` weights (× {@link TERM_WEIGHT_SCALE}): the term's frequency in the field
 * divided by `1 - b + b · fieldLength / averageFieldLength`.
 */
export interface BundleTermShardFile {
  format: typeof BUNDLE_FORMAT;
  terms: string[];
  postings: number[][];
}

export interface BundleDictionaryFile {
  format: typeof BUNDLE_FORMAT;
  terms: string[];
}

/** What a hit shows, for ids `from…`: `[id, title, date, slug, categorySlug, outlets, category]`. */
export interface BundleDocumentsFile {
  format: typeof BUNDLE_FORMAT;
  from: number;
  documents: [id: string, title: string, date: string, slug: string, categorySlug: string, outlets: string, category: string][];
}

/** For ids `from…`: each article's index into `values` (its category slug and outlets). */
export interface BundleFacetsFile {
  format: typeof BUNDLE_FORMAT;
  from: number;
  values: [categorySlug: string, outlets: string][];
  documents: number[];
}

/**
 * Every file of the search index, in the order an edition is saved: what a hit shows and the
 * filters need, then each layer's dictionary and shards, the newest layer first, then the snippet
 * store's texts.
 */
export function indexFiles(index: BundleSearchIndex): string[] {
  return [
    ...index.documents.files,
    ...index.facets.files,
    ...[...index.layers].reverse().flatMap((layer) => [...layer.dictionary.map((d) => d.file), ...layer.shards.map((s) => s.file)]),
    // The snippet store last: the search answers without it (see BundleSnippetTexts).
    ...(index.texts?.files ?? []),
  ];
}

/** `bundle/manifest.json`: everything the reader needs to navigate, without article bodies. */
export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  /**
   * Identifies the edition: the first 12 hex digits of the SHA-256 of every data file's name,
   * sorted and joined by newlines (names carry their content's hash, so this covers the content).
   */
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
   * Every data file of the edition (month files, listing and slug files, index files and images;
   * not this manifest), each once: the index files (as {@link indexFiles} lists them), then the
   * month files, newest month first, then the listing files (`pages`) and slug files of each
   * month, newest month first, then the images (`kind: 'image'`) in the order articles first show them. The
   * reader saves an edition for offline use with it (progress by bytes) and compares two
   * editions' lists to know what a new one adds.
   */
  files: BundleFile[];
  /** The search index, loaded on demand (see {@link BundleSearchIndex}). */
  index: BundleSearchIndex;
}

/** A bundle data file with articles of one month (or part of one). */
export interface BundleMonthFile {
  format: typeof BUNDLE_FORMAT;
  month: MonthKey;
  articles: Article[];
}

/**
 * Where bundle files live, relative to the site root. Every data file is named
 * `<stem>.<hash>.json`, `<hash>` being the first 12 hex digits of the SHA-256 of the file's
 * content in UTF-8: a file never changes under its name, and a reader checks a download against
 * the hash in its name before keeping it.
 */
export const BUNDLE_DIR = 'bundle';
export const BUNDLE_MANIFEST = 'manifest.json';
/** Workbox will not precache larger files; the builder splits data to stay under it. */
export const MAX_BUNDLE_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Article images. The librarian keeps each image an article shows as WebP files in
 * `archive/images/`, named by the first 16 hex digits of the SHA-256 of their bytes; a kept image
 * in an article body is `<img src="images/<name>" srcset="images/<small> 480w, images/<name> 1200w" …>`,
 * the address relative to `bundle/`, where the build copies the images that bodies name
 * (`bundle/images/<name>`, listed in `BundleManifest.files` with `kind: 'image'`).
 */
export const IMAGES_DIR = 'images';
/** Width of the large file of a kept image at most, and of its small file (phones). */
export const IMAGE_LARGE_WIDTH = 1200;
export const IMAGE_SMALL_WIDTH = 480;
/** An image's file name: 16 hex digits of the SHA-256 of its bytes, `.webp`. */
export const IMAGE_FILE_PATTERN = /^[0-9a-f]{16}\.webp$/;
/** An image address in an article body, exactly as the librarian writes it (`images/<name>`). */
export const IMAGE_BODY_SRC_PATTERN = /^images\/[0-9a-f]{16}\.webp$/;

/** The image files (`images/<name>`, each once, in order) an article body refers to. */
export function bodyImageFiles(body: string): string[] {
  // The names are content hashes in a fixed form the librarian writes (and the sanitiser keeps
  // only in that form), so a scan for the form finds them without parsing the HTML.
  return [...new Set(body.match(/\bimages\/[0-9a-f]{16}\.webp\b/g) ?? [])];
}
