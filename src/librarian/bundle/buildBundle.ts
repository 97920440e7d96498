import { createHash } from 'node:crypto';
import MiniSearch from 'minisearch';
import {
  BUNDLE_FORMAT,
  type BundleCategory,
  type BundleManifest,
  type BundleMonth,
  type BundleMonthFile,
} from '../../core/format';
import { searchIndexOptions, toSearchDocument, type SearchDocument } from '../../core/searchOptions';
import type { Article, Label, MonthKey } from '../../core/types';
import type { LoadedArchive } from '../archive/readArchive';
import { htmlToText } from './htmlToText';

/** A built bundle in memory: the manifest and every data file by name (content-hashed). */
export interface Bundle {
  manifest: BundleManifest;
  /** File name (relative to `bundle/`) → file contents. Does not include the manifest. */
  files: Map<string, string>;
}

export interface BuildBundleOptions {
  /** Stamped into the manifest; defaults to now. Tests pass a fixed time. */
  builtAt?: Date;
  /** Largest data file the builder writes; defaults to 1.5 MiB, under Workbox's 2 MiB limit. */
  maxFileBytes?: number;
}

/** First 12 hex digits of the SHA-256 of `content`. */
export function contentHash(content: string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 12);
}

function hashedName(stem: string, content: string): string {
  return `${stem}.${contentHash(content)}.json`;
}

/**
 * Splits a month's articles (newest first) into as few files as keep each under `maxBytes`.
 * A single article larger than that is an error the librarian must fix at the source.
 */
function splitMonth(month: MonthKey, articles: Article[], maxBytes: number): BundleMonthFile[] {
  const parts: BundleMonthFile[] = [];
  let current: Article[] = [];
  let size = 0;
  const overhead = JSON.stringify({ format: BUNDLE_FORMAT, month, articles: [] }).length;
  for (const article of articles) {
    const articleBytes = Buffer.byteLength(JSON.stringify(article)) + 1;
    if (overhead + articleBytes > maxBytes) {
      throw new Error(`bundle: article ${article.id} ("${article.title}") is ${articleBytes} bytes, over the ${maxBytes}-byte file limit`);
    }
    if (current.length > 0 && overhead + size + articleBytes > maxBytes) {
      parts.push({ format: BUNDLE_FORMAT, month, articles: current });
      current = [];
      size = 0;
    }
    current.push(article);
    size += articleBytes;
  }
  if (current.length > 0) parts.push({ format: BUNDLE_FORMAT, month, articles: current });
  return parts;
}

/**
 * MiniSearch's JSON form, split into parts of at most `maxBytes`: the first without its term
 * array, the rest slices of that array (see `BundleManifest.index`).
 */
function splitIndex(index: MiniSearch<SearchDocument>, maxBytes: number): unknown[] {
  const { index: terms, ...head } = index.toJSON();
  const parts: unknown[] = [];
  let slice: typeof terms = [];
  let size = 2;
  const headSize = Buffer.byteLength(JSON.stringify({ ...head, index: [] }));
  if (headSize > maxBytes) throw new Error(`bundle: the search index's document table is ${headSize} bytes, over the ${maxBytes}-byte file limit`);
  let budget = maxBytes - headSize;
  for (const entry of terms) {
    const entrySize = Buffer.byteLength(JSON.stringify(entry)) + 1;
    if (slice.length > 0 && size + entrySize > budget) {
      parts.push(slice);
      slice = [];
      size = 2;
      budget = maxBytes;
    }
    slice.push(entry);
    size += entrySize;
  }
  // The first part is the head; when every term fits beside it, the index is one file.
  if (parts.length === 0) return [{ ...head, index: slice }];
  return [{ ...head, index: parts[0] }, ...parts.slice(1), slice];
}

function countByMonth(entries: { month: MonthKey }[]): { month: MonthKey; count: number }[] {
  const counts = new Map<MonthKey, number>();
  for (const { month } of entries) counts.set(month, (counts.get(month) ?? 0) + 1);
  return [...counts].map(([month, count]) => ({ month, count })).sort((a, b) => b.month.localeCompare(a.month));
}

/**
 * Turns a validated archive into the bundle the reader loads: month data files, a serialised
 * MiniSearch index built with the shared `searchIndexOptions`, and a manifest that lists them by
 * content-hashed name. Deterministic: the same archive and `builtAt` give byte-identical files.
 */
export function buildBundle(archive: LoadedArchive, options: BuildBundleOptions = {}): Bundle {
  const maxBytes = options.maxFileBytes ?? 1.5 * 1024 * 1024;
  const { meta } = archive;
  const files = new Map<string, string>();
  const categoryNames = new Map(meta.categories.map((c) => [c.slug, c.name]));
  const tagNames = new Map(meta.tags.map((t) => [t.slug, t.name]));

  const months: BundleMonth[] = [];
  const documents: SearchDocument[] = [];
  const categorised = new Map<string, { month: MonthKey }[]>();
  const tagged = new Map<string, { month: MonthKey }[]>();
  const outletCounts = new Map<string, number>();
  const uncategorised: { month: MonthKey }[] = [];
  const newestFirst = [...archive.months].sort((a, b) => b.month.localeCompare(a.month));
  for (const monthFile of newestFirst) {
    if (monthFile.articles.length === 0) continue;
    const names: string[] = [];
    for (const [i, part] of splitMonth(monthFile.month, monthFile.articles, maxBytes).entries()) {
      const content = JSON.stringify(part);
      const name = hashedName(i === 0 ? `month-${monthFile.month}` : `month-${monthFile.month}-${i + 1}`, content);
      files.set(name, content);
      names.push(name);
    }
    months.push({ month: monthFile.month, count: monthFile.articles.length, files: names });
    for (const article of monthFile.articles) {
      if (article.category) {
        const list = categorised.get(article.category) ?? [];
        list.push({ month: monthFile.month });
        categorised.set(article.category, list);
      } else uncategorised.push({ month: monthFile.month });
      for (const outlet of new Set(article.sources.map((src) => src.outlet).filter((o): o is string => o !== null))) {
        outletCounts.set(outlet, (outletCounts.get(outlet) ?? 0) + 1);
      }
      for (const tag of article.tags) {
        const list = tagged.get(tag) ?? [];
        list.push({ month: monthFile.month });
        tagged.set(tag, list);
      }
      documents.push(
        toSearchDocument(
          article,
          (slug) => categoryNames.get(slug) ?? slug,
          (slug) => tagNames.get(slug) ?? slug,
          htmlToText(article.body),
        ),
      );
    }
  }

  const index = new MiniSearch<SearchDocument>(searchIndexOptions);
  index.addAll(documents);
  const indexFiles = splitIndex(index, maxBytes).map((part, i) => {
    const content = JSON.stringify(part);
    const name = hashedName(i === 0 ? 'index' : `index-${i + 1}`, content);
    files.set(name, content);
    return name;
  });

  const labelsWithCounts = (labels: Label[], used: Map<string, { month: MonthKey }[]>): BundleCategory[] =>
    labels
      .filter((l) => used.has(l.slug))
      .map((l) => {
        const entries = used.get(l.slug) ?? [];
        return { slug: l.slug, name: l.name, count: entries.length, months: countByMonth(entries) };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.slug.localeCompare(b.slug));
  const categories = labelsWithCounts(meta.categories, categorised);

  const edition = contentHash([...files.keys()].sort().join('\n'));
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    edition,
    builtAt: (options.builtAt ?? new Date()).toISOString(),
    name: meta.name,
    description: meta.description,
    articleCount: documents.length,
    months,
    categories,
    uncategorised: { count: uncategorised.length, months: countByMonth(uncategorised) },
    outlets: [...outletCounts].map(([name, count]) => ({ name, count })).sort((a, b) => a.name.localeCompare(b.name, 'en')),
    tags: labelsWithCounts(meta.tags, tagged),
    aliases: meta.aliases,
    index: { files: indexFiles, documentCount: documents.length },
  };
  return { manifest, files };
}
