/**
 * A ten-year archive and its next edition, for the update-download benchmark. corpus.ts's large
 * sets repeat the corpora with dates shifted by whole multiples of their 39-year span (the
 * 100,000 set reaches back to 1870), which is not what a daily archive looks like. Here the
 * same real articles (corpus.ts's set, new ids for every copy) are redated evenly over ten years
 * ending mid-month, shuffled by id so that every day mixes DigitalGov and Reuters full texts and
 * HuffPost records; the next edition adds one more day of articles from the same set, dated the day after.
 */
import { monthKey } from '../src/core/monthKey';
import { ARCHIVE_FORMAT, type ArchiveMonthFile } from '../src/core/format';
import type { Article, MonthKey } from '../src/core/types';
import type { LoadedArchive } from '../src/librarian/archive/readArchive';
import { type ArticlePool, fileByMonth, scaledArchive } from './corpus';
import { count } from './table';

const DAY_MS = 86_400_000;
const YEARS = 10;
/** The last day of the first edition: mid-month, so that the next day changes a month that exists. */
const LAST_DAY = Date.UTC(2025, 0, 14);

export interface TenYearEditions {
  edition1: LoadedArchive;
  edition2: LoadedArchive;
  /** Articles the second edition adds (one day's worth). */
  added: number;
  composition: string;
}

/** First and last month of an archive and the years between them, for the span check. */
export function archiveSpan(archive: LoadedArchive): { from: MonthKey; to: MonthKey; years: number } {
  const months = archive.months.filter((m) => m.articles.length > 0).map((m) => m.month).sort();
  const from = months[0]!;
  const to = months.at(-1)!;
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4)) + (Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1) / 12;
  return { from, to, years };
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The article dated `day` (YYYY-MM-DD), keeping its time and zone when it has them. */
function redated(article: Article, day: string): Article {
  return { ...article, date: `${day}${article.date.slice(10)}` };
}

function byNewest(a: Article, b: Article): number {
  return b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
}

function toMonthFiles(months: Map<MonthKey, Article[]>): ArchiveMonthFile[] {
  return [...months]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, list]) => ({ format: ARCHIVE_FORMAT, month, articles: [...list].sort(byNewest) }));
}

/** `size` articles over ten years (edition 1), and edition 1 plus the next day's articles (edition 2). */
export function tenYearEditions(pool: ArticlePool, size: number): TenYearEditions {
  const firstDay = LAST_DAY - (Math.round(YEARS * 365.25) - 1) * DAY_MS;
  const days = Math.round((LAST_DAY - firstDay) / DAY_MS) + 1;
  const perDay = Math.round(size / days);
  const source = scaledArchive(pool, size + perDay);
  // Ids are hashes, so their order is a deterministic shuffle.
  const articles = source.archive.months.flatMap((m) => m.articles).sort((a, b) => a.id.localeCompare(b.id));
  const first = articles.slice(0, size).map((a, i) => redated(a, isoDay(firstDay + Math.floor((i * days) / size) * DAY_MS)));
  const nextDay = isoDay(LAST_DAY + DAY_MS);
  const extra = articles.slice(size).map((a) => redated(a, nextDay));
  const months1 = fileByMonth(first);
  const edition1: LoadedArchive = { dir: '(in memory)', meta: source.archive.meta, months: toMonthFiles(months1) };
  const months2 = fileByMonth(extra, new Map([...months1].map(([m, list]) => [m, [...list]])));
  const edition2: LoadedArchive = { dir: '(in memory)', meta: source.archive.meta, months: toMonthFiles(months2) };
  const composition =
    `edition 1: ${count(size)} articles dated evenly over ${count(days)} days, ${isoDay(firstDay)} … ${isoDay(LAST_DAY)} ` +
    `(${(size / days).toFixed(1)} a day), taken from corpus.ts's ${count(size + perDay)}-article set (${source.composition}) ` +
    `in id order (a deterministic shuffle), each keeping its time of day and zone; ` +
    `edition 2: the same plus the other ${count(extra.length)} articles of that set, dated ${nextDay}`;
  return { edition1, edition2, added: extra.length, composition };
}
