import { createHash } from 'node:crypto';
import {
  BUNDLE_FORMAT,
  bodyImageFiles,
  indexFiles as indexFileNames,
  LISTING_FILE_ITEMS,
  MAX_BUNDLE_FILE_BYTES,
  slugBucket,
  SLUGS_PER_FILE,
  type BundleCategory,
  type BundleFile,
  type BundleListingFile,
  type BundleListingItem,
  type BundleManifest,
  type BundleMonth,
  type BundleSlugFile,
} from '../../core/format';
import { htmlToPlainText } from '../../core/htmlToPlainText';
import { toSearchDocument } from '../../core/searchOptions';
import type { Article, Label, MonthKey } from '../../core/types';
import type { LoadedArchive } from '../archive/readArchive';
import { utf8Bytes } from './indexPartFiles';
import { byIndexOrder, DEFAULT_SHARD_BYTES, indexLayers, termIndexFiles } from './termIndexFiles';

/** A built bundle in memory: the manifest and every data file by name (content-hashed). */
export interface Bundle {
  manifest: BundleManifest;
  /** File name (relative to `bundle/`) → file contents. Does not include the manifest or images. */
  files: Map<string, string>;
  /** Image name (`images/<hash>.webp`, relative to `bundle/`) → the archive's file to copy. */
  images: Map<string, string>;
}

/** An image file of the archive (`archive/images/<hash>.webp`). */
export interface ArchiveImage {
  /** Its path on disk. */
  file: string;
  bytes: number;
}

export interface BuildBundleOptions {
  /** Stamped into the manifest; defaults to now. Tests pass a fixed time. */
  builtAt?: Date;
  /** Largest data file the builder writes; defaults to 1.5 MiB, under Workbox's 2 MiB limit. */
  maxFileBytes?: number;
  /** Size at which a term shard of the search index is closed (see `termIndexFiles`). */
  shardBytes?: number;
  /**
   * The archive's images by name (`images/<hash>.webp`), as `readArchiveImages` lists them. Only
   * those some article body shows go into the bundle; a body showing one not listed is an error.
   */
  archiveImages?: ReadonlyMap<string, ArchiveImage>;
}

/** First 12 hex digits of the SHA-256 of `content` in UTF-8: the hash in a data file's name. */
export function contentHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 12);
}

function hashedName(stem: string, content: string | Uint8Array): string {
  return `${stem}.${contentHash(content)}.json`;
}

/**
 * A month's articles (newest first) as the text of as few files as keep each under `maxBytes`:
 * `JSON.stringify` of each `BundleMonthFile`, put together from each article's JSON, and which
 * file each article went to. A single article larger than that is an error the librarian must
 * fix at the source.
 */
function monthFileTexts(month: MonthKey, articles: readonly Article[], maxBytes: number): { texts: string[]; fileOf: number[] } {
  const texts: string[] = [];
  const fileOf: number[] = [];
  const head = `{"format":${JSON.stringify(BUNDLE_FORMAT)},"month":${JSON.stringify(month)},"articles":[`;
  const overhead = utf8Bytes(head) + 2;
  let current: string[] = [];
  let size = 0;
  for (const article of articles) {
    const json = JSON.stringify(article);
    const articleBytes = utf8Bytes(json) + 1;
    if (overhead + articleBytes > maxBytes) {
      throw new Error(`bundle: article ${article.id} ("${article.title}") is ${articleBytes} bytes, over the ${maxBytes}-byte file limit`);
    }
    if (current.length > 0 && overhead + size + articleBytes > maxBytes) {
      texts.push(`${head}${current.join(',')}]}`);
      current = [];
      size = 0;
    }
    current.push(json);
    fileOf.push(texts.length);
    size += articleBytes;
  }
  if (current.length > 0) texts.push(`${head}${current.join(',')}]}`);
  return { texts, fileOf };
}

type DataFile = [name: string, content: string, bytes: number];

/** A data file named by its content's hash, refused when over the hard limit (a listing page of 100 summaries never should be). */
function dataFile(stem: string, data: unknown): DataFile {
  const content = JSON.stringify(data);
  const bytes = utf8Bytes(content);
  if (bytes > MAX_BUNDLE_FILE_BYTES) throw new Error(`bundle: ${stem} is ${bytes} bytes, over the ${MAX_BUNDLE_FILE_BYTES}-byte file limit`);
  return [hashedName(stem, content), content, bytes];
}

/** The outlets an article's sources name, each once, in order. */
function outletsOf(article: Article): Set<string> {
  const outlets = new Set<string>();
  for (const source of article.sources) if (source.outlet !== null) outlets.add(source.outlet);
  return outlets;
}

/** An article as listings show it, with which of its month's data files holds it. */
function listingItem(article: Article, file: number): BundleListingItem {
  const { id, title, date, slug, summary, category, tags } = article;
  return { id, title, date, slug, summary, category, outlets: [...outletsOf(article)], tags, file };
}

/**
 * A month's listing files (pages of {@link LISTING_FILE_ITEMS}, newest first) and, when its
 * articles are spread over several data files, its slug files saying which file holds each.
 * `fileOf[i]` is the data file (index) of the month's article `i`.
 */
function monthListingFiles(month: MonthKey, articles: readonly Article[], fileOf: readonly number[], dataFiles: number): { pages: DataFile[]; slugs: DataFile[] } {
  const pages: DataFile[] = [];
  for (let from = 0; from < articles.length; from += LISTING_FILE_ITEMS) {
    const items = articles.slice(from, from + LISTING_FILE_ITEMS).map((a, i) => listingItem(a, fileOf[from + i]!));
    const page: BundleListingFile = { format: BUNDLE_FORMAT, month, from, items };
    pages.push(dataFile(`list-${month}-${from / LISTING_FILE_ITEMS + 1}`, page));
  }
  if (dataFiles < 2) return { pages, slugs: [] };
  const buckets = Math.ceil(articles.length / SLUGS_PER_FILE);
  const bySlug = Array.from({ length: buckets }, (): Record<string, number> => ({}));
  for (const [i, article] of articles.entries()) bySlug[slugBucket(article.slug, buckets)]![article.slug] = fileOf[i]!;
  const slugs = bySlug.map((files, b) => dataFile(`slugs-${month}-${b + 1}`, { format: BUNDLE_FORMAT, month, files } satisfies BundleSlugFile));
  return { pages, slugs };
}

function countByMonth(entries: { month: MonthKey }[]): { month: MonthKey; count: number }[] {
  const counts = new Map<MonthKey, number>();
  for (const { month } of entries) counts.set(month, (counts.get(month) ?? 0) + 1);
  return [...counts].map(([month, count]) => ({ month, count })).sort((a, b) => b.month.localeCompare(a.month));
}

/**
 * Turns a validated archive into the bundle the reader loads: month data files, each month's
 * listing (pages of 100 without bodies) and slug files, the search index
 * the reader loads on demand (`termIndexFiles`: term shards in layers, dictionaries, documents,
 * facets), and a manifest that lists them by content-hashed name. Layers are built one at a
 * time, so memory beyond the archive and the files written holds one layer's postings.
 * Deterministic: the same archive and `builtAt` give byte-identical files.
 */
export function buildBundle(archive: LoadedArchive, options: BuildBundleOptions = {}): Bundle {
  const maxBytes = options.maxFileBytes ?? 1.5 * 1024 * 1024;
  const { meta } = archive;
  const categoryNames = new Map(meta.categories.map((c) => [c.slug, c.name]));
  const tagNames = new Map(meta.tags.map((t) => [t.slug, t.name]));
  const categoryName = (slug: string) => categoryNames.get(slug) ?? slug;
  const tagName = (slug: string) => tagNames.get(slug) ?? slug;

  const months: BundleMonth[] = [];
  const monthFiles: DataFile[] = [];
  const listingFiles: DataFile[] = [];
  const articlesByMonth = new Map<MonthKey, readonly Article[]>();
  const categorised = new Map<string, { month: MonthKey }[]>();
  const tagged = new Map<string, { month: MonthKey }[]>();
  const outletCounts = new Map<string, number>();
  const uncategorised: { month: MonthKey }[] = [];
  let articleCount = 0;
  const newestFirst = [...archive.months].sort((a, b) => b.month.localeCompare(a.month));
  for (const monthFile of newestFirst) {
    if (monthFile.articles.length === 0) continue;
    const names: string[] = [];
    const { texts, fileOf } = monthFileTexts(monthFile.month, monthFile.articles, maxBytes);
    for (const [i, content] of texts.entries()) {
      const name = hashedName(i === 0 ? `month-${monthFile.month}` : `month-${monthFile.month}-${i + 1}`, content);
      monthFiles.push([name, content, utf8Bytes(content)]);
      names.push(name);
    }
    const listing = monthListingFiles(monthFile.month, monthFile.articles, fileOf, texts.length);
    listingFiles.push(...listing.pages, ...listing.slugs);
    const pages = listing.pages.map(([name]) => name);
    const slugs = listing.slugs.map(([name]) => name);
    months.push({ month: monthFile.month, count: monthFile.articles.length, files: names, pages, ...(slugs.length > 0 && { slugs }) });
    articlesByMonth.set(monthFile.month, monthFile.articles);
    articleCount += monthFile.articles.length;
    for (const article of monthFile.articles) {
      if (article.category) {
        const list = categorised.get(article.category) ?? [];
        list.push({ month: monthFile.month });
        categorised.set(article.category, list);
      } else uncategorised.push({ month: monthFile.month });
      for (const outlet of outletsOf(article)) outletCounts.set(outlet, (outletCounts.get(outlet) ?? 0) + 1);
      for (const tag of article.tags) {
        const list = tagged.get(tag) ?? [];
        list.push({ month: monthFile.month });
        tagged.set(tag, list);
      }
    }
  }

  // The index over every article, in short-id order (oldest first; see BundleSearchIndex).
  const ordered = [...articlesByMonth.values()].flat().sort(byIndexOrder);
  const documents = ordered.map((article) =>
    // The reader quotes snippets from `htmlToPlainText` too, so a snippet shows the very text that
    // was indexed (it equals the librarian's htmlparser2-based `htmlToText` on every article of the
    // archive: see htmlToPlainText.test.ts), at a third of the cost.
    toSearchDocument(article, categoryName, tagName, htmlToPlainText(article.body)),
  );
  const monthCounts = [...months].reverse().map(({ month, count }) => ({ month, count }));
  const written = termIndexFiles(documents, indexLayers(monthCounts), hashedName, {
    shardBytes: options.shardBytes ?? DEFAULT_SHARD_BYTES,
    maxFileBytes: maxBytes,
  });
  const byName = new Map(written.files);
  const indexFiles = indexFileNames(written.index).map((name): DataFile => [name, byName.get(name)!, utf8Bytes(byName.get(name)!)]);

  const labelsWithCounts = (labels: Label[], used: Map<string, { month: MonthKey }[]>): BundleCategory[] =>
    labels
      .filter((l) => used.has(l.slug))
      .map((l) => {
        const entries = used.get(l.slug) ?? [];
        return { slug: l.slug, name: l.name, count: entries.length, months: countByMonth(entries) };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.slug.localeCompare(b.slug));
  const categories = labelsWithCounts(meta.categories, categorised);

  // The images the articles show, each once, in the order the months (newest first) show them.
  const images = new Map<string, string>();
  const imageFiles: BundleFile[] = [];
  for (const month of newestFirst) {
    for (const article of month.articles) {
      for (const name of bodyImageFiles(article.body)) {
        if (images.has(name)) continue;
        const image = options.archiveImages?.get(name);
        if (!image) throw new Error(`bundle: article ${article.id} ("${article.title}") shows ${name}, which is not in the archive's images/ folder`);
        if (image.bytes > MAX_BUNDLE_FILE_BYTES) throw new Error(`bundle: ${name} is ${image.bytes} bytes, over the ${MAX_BUNDLE_FILE_BYTES}-byte file limit`);
        images.set(name, image.file);
        imageFiles.push({ name, bytes: image.bytes, kind: 'image' });
      }
    }
  }

  // The reader wants the index first, then the months, their listings, then images (see BundleManifest.files).
  const dataFiles = [...indexFiles, ...monthFiles, ...listingFiles];
  const files = new Map(dataFiles.map(([name, content]) => [name, content]));
  const edition = contentHash([...files.keys(), ...images.keys()].sort().join('\n'));
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    edition,
    builtAt: (options.builtAt ?? new Date()).toISOString(),
    name: meta.name,
    description: meta.description,
    articleCount,
    months,
    categories,
    uncategorised: { count: uncategorised.length, months: countByMonth(uncategorised) },
    outlets: [...outletCounts].map(([name, count]) => ({ name, count })).sort((a, b) => a.name.localeCompare(b.name, 'en')),
    tags: labelsWithCounts(meta.tags, tagged),
    aliases: meta.aliases,
    files: [...dataFiles.map(([name, , bytes]) => ({ name, bytes })), ...imageFiles],
    index: written.index,
  };
  return { manifest, files, images };
}
