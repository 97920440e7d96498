/**
 * Article sets for the search benchmark, made of real articles only: the default archive as it
 * is, and larger archives built from its articles (DigitalGov full text plus the seed pages) and
 * the HuffPost JSON Lines records (headline + summary), repeated with dates shifted back by whole
 * years and new ids, as ../shared/corpora/README.md ("Scale") allows. The HuffPost records go
 * through the librarian's own import into a temporary archive (removed afterwards), so they are
 * articles exactly as an archive would hold them. Deterministic; nothing is cached.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ARCHIVE_FORMAT, type ArchiveMetaFile, type ArchiveMonthFile } from '../src/core/format';
import { monthKey } from '../src/core/monthKey';
import type { Article, Label, MonthKey } from '../src/core/types';
import { type LoadedArchive, readArchive } from '../src/librarian/archive/readArchive';
import { importSources } from '../src/librarian/import/importSources';
import { HUFFPOST_MAPPING } from '../src/librarian/sources/readJsonRecords';
import { CORPORA_DIR, tempArchive } from '../src/librarian/testing/tempArchive';

export const HUFFPOST_FILE = path.join(CORPORA_DIR, 'huffpost-news-category/News_Category_Dataset_v3.newest9999.jsonl');
export const DEFAULT_ARCHIVE_DIR = path.resolve(process.cwd(), 'archive');

/** The real articles every benchmark set is made of. */
export interface ArticlePool {
  /** The default archive, as read from `archive/`. */
  archive: LoadedArchive;
  /** Its articles, newest first. */
  archiveArticles: Article[];
  /** The HuffPost records as imported by the librarian, newest first. */
  huffpost: Article[];
  huffpostMeta: ArchiveMetaFile;
  /** Years from the oldest to the newest article of the pool, inclusive: how far each copy is shifted. */
  yearsPerCopy: number;
}

/** An archive to benchmark, with a sentence saying what it is made of. */
export interface BenchArchive {
  articleCount: number;
  archive: LoadedArchive;
  composition: string;
}

const count = (n: number) => n.toLocaleString('en-US');

function byNewest(a: Article, b: Article): number {
  return b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
}

/**
 * Reads the default archive and imports the HuffPost records into a temporary archive (a few
 * seconds). Throws when the corpora are missing.
 */
export async function loadArticlePool(): Promise<ArticlePool> {
  if (!existsSync(HUFFPOST_FILE)) throw new Error(`bench: ${HUFFPOST_FILE} is missing (see ../shared/corpora/README.md)`);
  const archive = await readArchive(DEFAULT_ARCHIVE_DIR);
  const { dir, cleanup } = await tempArchive();
  let imported: LoadedArchive;
  try {
    await importSources({ archiveDir: dir, files: [HUFFPOST_FILE], mapping: HUFFPOST_MAPPING, overrides: { outlet: 'HuffPost' } });
    imported = await readArchive(dir);
  } finally {
    await cleanup();
  }
  const archiveArticles = archive.months.flatMap((m) => m.articles).sort(byNewest);
  const huffpost = imported.months.flatMap((m) => m.articles).sort(byNewest);
  const years = [...archiveArticles, ...huffpost].map((a) => Number(a.date.slice(0, 4)));
  return { archive, archiveArticles, huffpost, huffpostMeta: imported.meta, yearsPerCopy: Math.max(...years) - Math.min(...years) + 1 };
}

/** The default archive exactly as the reader ships it. */
export function defaultArchive(pool: ArticlePool): BenchArchive {
  const digitalgov = pool.archiveArticles.filter((a) => a.sources.some((s) => s.outlet === 'Digital.gov')).length;
  const others = pool.archiveArticles.length - digitalgov;
  return {
    articleCount: pool.archiveArticles.length,
    archive: pool.archive,
    composition: `the default archive as it is: ${count(pool.archiveArticles.length)} articles (${count(digitalgov)} DigitalGov + ${count(others)} from the seed pages)`,
  };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** `date` moved `years` back, keeping its form (date only, or with time and zone). */
function shiftDate(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) - years;
  let rest = date.slice(4);
  if (rest.startsWith('-02-29') && !isLeapYear(year)) rest = `-02-28${rest.slice(6)}`;
  return `${String(year).padStart(4, '0')}${rest}`;
}

/** Copy `k` of an article: dated `k × yearsPerCopy` years earlier (so no two copies share a month) with a new id of the same form. */
function copyOf(article: Article, k: number, yearsPerCopy: number): Article {
  if (k === 0) return article;
  const id = createHash('sha256').update(`${article.id}/copy ${k}`).digest('hex').slice(0, article.id.length);
  return { ...article, id, date: shiftDate(article.date, k * yearsPerCopy) };
}

function mergeLabels(first: Label[], second: Label[]): Label[] {
  const bySlug = new Map(first.map((l) => [l.slug, l]));
  for (const label of second) if (!bySlug.has(label.slug)) bySlug.set(label.slug, label);
  return [...bySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}

/** Files the articles by month, as the archive on disk holds them (months oldest first, articles newest first). */
function toArchive(pool: ArticlePool, articles: Article[]): LoadedArchive {
  const months = new Map<MonthKey, Article[]>();
  for (const article of articles) {
    const key = monthKey(article.date);
    const list = months.get(key);
    if (list) list.push(article);
    else months.set(key, [article]);
  }
  const monthFiles: ArchiveMonthFile[] = [...months]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, list]) => ({ format: ARCHIVE_FORMAT, month, articles: list.sort(byNewest) }));
  const meta: ArchiveMetaFile = {
    ...pool.archive.meta,
    categories: mergeLabels(pool.archive.meta.categories, pool.huffpostMeta.categories),
    tags: mergeLabels(pool.archive.meta.tags, pool.huffpostMeta.tags),
  };
  return { dir: '(in memory)', meta, months: monthFiles };
}

/**
 * The first `size` articles of the endless sequence: archive articles then HuffPost records (each
 * newest first), then again as copy 1, copy 2, … shifted back by whole years with new ids.
 */
export function scaledArchive(pool: ArticlePool, size: number): BenchArchive {
  const unit = [...pool.archiveArticles.map((a) => ({ a, fromArchive: true })), ...pool.huffpost.map((a) => ({ a, fromArchive: false }))];
  const articles: Article[] = [];
  const ids = new Set<string>();
  let fromArchive = 0;
  for (let i = 0; i < size; i++) {
    const k = Math.floor(i / unit.length);
    const { a, fromArchive: isArchive } = unit[i % unit.length]!;
    const copy = copyOf(a, k, pool.yearsPerCopy);
    if (ids.has(copy.id)) throw new Error(`bench: copy ${k} of article ${a.id} got an id already taken (${copy.id})`);
    ids.add(copy.id);
    articles.push(copy);
    if (isArchive) fromArchive++;
  }
  const fromHuffpost = size - fromArchive;
  const copies = Math.ceil(size / unit.length);
  let composition: string;
  if (copies === 1) {
    composition = `${count(size)} = ${count(fromArchive)} archive articles (full text) + ${count(fromHuffpost)} HuffPost records (headline + summary, the newest ${count(fromHuffpost)} of ${count(pool.huffpost.length)})`;
  } else {
    const full = Math.floor(size / unit.length);
    const rest = size - full * unit.length;
    const restArchive = Math.min(rest, pool.archiveArticles.length);
    composition =
      `${count(size)} = (${count(pool.archiveArticles.length)} archive articles + ${count(pool.huffpost.length)} HuffPost records) repeated ×${full}` +
      (rest > 0 ? ` + the first ${count(rest)} of copy ${copies} (${count(restArchive)} archive + ${count(rest - restArchive)} HuffPost)` : '') +
      `; in all ${count(fromArchive)} archive + ${count(fromHuffpost)} HuffPost; copy k (k = 1…${copies - 1}) dated ${pool.yearsPerCopy}·k years earlier (the span of the corpora, so copies never share a month) with new ids`;
  }
  return { articleCount: size, archive: toArchive(pool, articles), composition };
}
