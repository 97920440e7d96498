/**
 * Article sets for the benchmarks, made of real articles only: the default archive as it is, and
 * the 10,000- and 100,000-article sets, mostly full texts: the default archive's articles
 * (DigitalGov Hugo Markdown plus the seed pages) and the Reuters-21578 newswire (bench/reuters.ts:
 * research use only, so it is only ever written to temporary archives), with the HuffPost JSON
 * Lines records (headline + summary, no body) as a fifth of each set. Where a source runs out it
 * is repeated with dates shifted back by whole multiples of the pool's span and new ids, as
 * ../shared/corpora/README.md ("Scale") allows. The HuffPost records go through the librarian's
 * own import into a temporary archive (removed afterwards), so they are articles exactly as an
 * archive would hold them. Deterministic; nothing is cached.
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
import { readReuters, REUTERS_OUTLET } from './reuters';

export const HUFFPOST_FILE = path.join(CORPORA_DIR, 'huffpost-news-category/News_Category_Dataset_v3.newest9999.jsonl');
export const DEFAULT_ARCHIVE_DIR = path.resolve(process.cwd(), 'archive');

/** The real articles every benchmark set is made of. */
export interface ArticlePool {
  /** The default archive, as read from `archive/`. */
  archive: LoadedArchive;
  /** Its articles, newest first. */
  archiveArticles: Article[];
  /** The Reuters-21578 stories with a title and a body, newest first. */
  reuters: Article[];
  reutersCategories: Label[];
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

/** The share of HuffPost records (no body) in the scaled sets: a minority, as the issue asks (≤ 20 %). */
export const HUFFPOST_SHARE = 0.2;
/** A body of at least this many words counts as a full text in the composition line. */
export const FULL_TEXT_WORDS = 100;

const count = (n: number) => n.toLocaleString('en-US');

function byNewest(a: Article, b: Article): number {
  return b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
}

/**
 * Reads the default archive and the Reuters files, and imports the HuffPost records into a
 * temporary archive (a few seconds). Throws when the corpora are missing.
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
  const reuters = await readReuters();
  const archiveArticles = archive.months.flatMap((m) => m.articles).sort(byNewest);
  const huffpost = imported.months.flatMap((m) => m.articles).sort(byNewest);
  const years = [...archiveArticles, ...reuters.articles, ...huffpost].map((a) => Number(a.date.slice(0, 4)));
  return {
    archive,
    archiveArticles,
    reuters: [...reuters.articles].sort(byNewest),
    reutersCategories: reuters.categories,
    huffpost,
    huffpostMeta: imported.meta,
    yearsPerCopy: Math.max(...years) - Math.min(...years) + 1,
  };
}

/** Where an article of a benchmark set comes from, for the composition line. */
export type Origin = 'DigitalGov' | 'seed pages' | 'Reuters' | 'HuffPost';

function originOf(article: Article): Origin {
  const outlets = article.sources.map((s) => s.outlet);
  if (outlets.includes('Digital.gov')) return 'DigitalGov';
  if (outlets.includes(REUTERS_OUTLET)) return 'Reuters';
  if (outlets.includes('HuffPost')) return 'HuffPost';
  return 'seed pages';
}

/** Words of a sanitised body (tags dropped, entities count as characters of their word). */
export function bodyWords(body: string): number {
  return body.replace(/<[^>]*>/g, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** "N DigitalGov + …; X % with a body of ≥ 100 words; median N words": what a set is made of. */
export function describeComposition(articles: Article[]): string {
  const byOrigin = new Map<Origin, number>();
  const words: number[] = [];
  for (const a of articles) {
    byOrigin.set(originOf(a), (byOrigin.get(originOf(a)) ?? 0) + 1);
    words.push(bodyWords(a.body));
  }
  words.sort((a, b) => a - b);
  const full = words.filter((w) => w >= FULL_TEXT_WORDS).length;
  const origins: Origin[] = ['DigitalGov', 'seed pages', 'Reuters', 'HuffPost'];
  return (
    origins.filter((o) => byOrigin.has(o)).map((o) => `${count(byOrigin.get(o)!)} ${o}`).join(' + ') +
    `; ${((full / articles.length) * 100).toFixed(1)} % with a body of ≥ ${FULL_TEXT_WORDS} words; median ${words[Math.floor((words.length - 1) / 2)] ?? 0} words per article body`
  );
}

/** The default archive exactly as the reader ships it. */
export function defaultArchive(pool: ArticlePool): BenchArchive {
  return {
    articleCount: pool.archiveArticles.length,
    archive: pool.archive,
    composition: `the default archive as it is: ${count(pool.archiveArticles.length)} articles = ${describeComposition(pool.archiveArticles)}`,
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

function mergeLabels(...lists: Label[][]): Label[] {
  const bySlug = new Map<string, Label>();
  for (const list of lists) for (const label of list) if (!bySlug.has(label.slug)) bySlug.set(label.slug, label);
  return [...bySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}

/** Files articles by month; a slug already taken in its month gets `-2`, `-3`… as the librarian's import would. */
export function fileByMonth(articles: Article[], into = new Map<MonthKey, Article[]>()): Map<MonthKey, Article[]> {
  const slugs = new Map<MonthKey, Set<string>>();
  for (const [month, list] of into) slugs.set(month, new Set(list.map((a) => a.slug)));
  for (const article of articles) {
    const month = monthKey(article.date);
    const taken = slugs.get(month) ?? new Set<string>();
    slugs.set(month, taken);
    let slug = article.slug;
    for (let n = 2; taken.has(slug); n++) slug = `${article.slug}-${n}`;
    taken.add(slug);
    const list = into.get(month) ?? [];
    list.push(slug === article.slug ? article : { ...article, slug });
    into.set(month, list);
  }
  return into;
}

/** Files the articles by month, as the archive on disk holds them (months oldest first, articles newest first). */
function toArchive(pool: ArticlePool, articles: Article[]): LoadedArchive {
  const months = fileByMonth(articles);
  const monthFiles: ArchiveMonthFile[] = [...months]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, list]) => ({ format: ARCHIVE_FORMAT, month, articles: list.sort(byNewest) }));
  const meta: ArchiveMetaFile = {
    ...pool.archive.meta,
    categories: mergeLabels(pool.archive.meta.categories, pool.reutersCategories, pool.huffpostMeta.categories),
    tags: mergeLabels(pool.archive.meta.tags, pool.huffpostMeta.tags),
  };
  return { dir: '(in memory)', meta, months: monthFiles };
}

/** The first `n` articles of `source` repeated endlessly (copy k shifted back k spans, new ids), and how many copies that took. */
function repeated(pool: ArticlePool, source: Article[], n: number, ids: Set<string>): { articles: Article[]; copies: number } {
  const articles: Article[] = [];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(i / source.length);
    const original = source[i % source.length]!;
    const copy = copyOf(original, k, pool.yearsPerCopy);
    if (ids.has(copy.id)) throw new Error(`bench: copy ${k} of article ${original.id} got an id already taken (${copy.id})`);
    ids.add(copy.id);
    articles.push(copy);
  }
  return { articles, copies: Math.ceil(n / source.length) };
}

/**
 * `size` articles: a fifth HuffPost records (newest first), the rest full texts (the default
 * archive's articles, then the Reuters stories, each newest first); each part repeated as copy 1,
 * copy 2, … shifted back by whole spans with new ids where it runs out.
 */
export function scaledArchive(pool: ArticlePool, size: number): BenchArchive {
  const ids = new Set<string>();
  const huffpostCount = Math.floor(size * HUFFPOST_SHARE);
  const fullText = repeated(pool, [...pool.archiveArticles, ...pool.reuters], size - huffpostCount, ids);
  const huffpost = repeated(pool, pool.huffpost, huffpostCount, ids);
  const articles = [...fullText.articles, ...huffpost.articles];
  const copies = Math.max(fullText.copies, huffpost.copies);
  const repeats =
    copies <= 1
      ? `no article repeated (the newest ${count(huffpostCount)} of ${count(pool.huffpost.length)} HuffPost records)`
      : `full texts (${count(pool.archiveArticles.length)} archive + ${count(pool.reuters.length)} Reuters) taken ${fullText.copies}× and HuffPost records (${count(pool.huffpost.length)}) ${huffpost.copies}×, ` +
        `copy k dated ${pool.yearsPerCopy}·k years earlier (the span of the corpora, so copies never share a month) with new ids`;
  return {
    articleCount: size,
    archive: toArchive(pool, articles),
    composition: `${count(size)} = ${describeComposition(articles)}; ${repeats}`,
  };
}
