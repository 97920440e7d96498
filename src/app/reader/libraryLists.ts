/**
 * The logic of the reader's library (saved articles, history, the place in each article) as pure
 * functions over plain records, so that tests run it without IndexedDB or a page: `library.ts`
 * applies them to the database and to the one reactive copy the views read.
 */
import type { ArticleListItem } from '../archive/archiveQueries';
import type { ArticlePage } from '../archive/archiveData';
import type { ArticleRef, ReadingEntry, SavedArticle } from './readerDb';

/** From this far through an article (its body's end in view), it counts as read. */
export const READ_AT = 0.97;
/** A place before this is the top: the reader has not started scrolling. */
export const STARTED_AT = 0.02;
/** How many articles the history keeps; older ones (and their places) are forgotten. */
export const HISTORY_LIMIT = 2_000;
/** The installed app reopens the article it was closed in for this long. */
export const REOPEN_WITHIN_MS = 24 * 60 * 60 * 1000;

/** The reference kept for a list item (its id, address and what lists show). */
export function refFromListItem(item: ArticleListItem): ArticleRef {
  return {
    id: item.id,
    slug: item.slug,
    month: item.date.slice(0, 7),
    title: item.title,
    date: item.date,
    summary: item.summary,
    outlets: item.outlets,
    category: item.category,
  };
}

/** The reference kept for an article page. */
export function refFromPage(page: ArticlePage): ArticleRef {
  const { article } = page;
  const outlets = [...new Set(article.sources.map((s) => s.outlet).filter((o): o is string => o !== null))];
  return refFromListItem({ ...article, outlets, category: page.category });
}

/** A kept reference as lists show it (records of version 1 have no summary, outlets or category). */
export function listItemFromRef(ref: ArticleRef): ArticleListItem {
  return { id: ref.id, title: ref.title, date: ref.date, slug: ref.slug, summary: ref.summary ?? '', outlets: ref.outlets ?? [], category: ref.category ?? null };
}

/** Saved articles, the most recently saved first (the id breaks ties, so that the order is stable). */
export function newestSavedFirst(list: readonly SavedArticle[]): SavedArticle[] {
  return [...list].sort((a, b) => b.savedAt - a.savedAt || a.id.localeCompare(b.id));
}

/** History, the most recently opened first. */
export function newestReadFirst(list: readonly ReadingEntry[]): ReadingEntry[] {
  return [...list].sort((a, b) => b.lastReadAt - a.lastReadAt || a.id.localeCompare(b.id));
}

/** The history entry of an article opened at `now`: a new one at the top, or the old one with its place kept. */
export function openedEntry(previous: ReadingEntry | undefined, ref: ArticleRef, now: number): ReadingEntry {
  if (!previous) return { ...ref, firstReadAt: now, lastReadAt: now, position: 0, read: false };
  // The title or summary may have been corrected in a later edition: keep the newest.
  return { ...previous, ...ref, lastReadAt: now };
}

/** The entry once the reader's place is `position`: read from {@link READ_AT} on, and read stays read. */
export function movedEntry(entry: ReadingEntry, position: number, now: number): ReadingEntry {
  const place = Math.min(1, Math.max(0, position));
  return { ...entry, position: place, read: entry.read || place >= READ_AT, lastReadAt: now };
}

/** The entry marked unread: not read, and to be read again from the top. */
export function unreadEntry(entry: ReadingEntry): ReadingEntry {
  return { ...entry, read: false, position: 0 };
}

/** The ids to forget so that at most `limit` entries stay: the least recently opened. */
export function historyOverflow(list: readonly ReadingEntry[], limit = HISTORY_LIMIT): string[] {
  return newestReadFirst(list)
    .slice(limit)
    .map((e) => e.id);
}

/** Whether an entry is an article begun and not finished. */
export function isInProgress(entry: ReadingEntry): boolean {
  return !entry.read && entry.position >= STARTED_AT;
}

/** The article to offer under "Continue reading": the last one opened that was begun and not finished. */
export function continueReading(list: readonly ReadingEntry[]): ReadingEntry | undefined {
  return newestReadFirst(list).find(isInProgress);
}

/** How an article page was reached, which decides whether the reader's place is restored. */
export type ArrivalKind =
  /** A link followed, or an address typed: a finished article opens at the top. */
  | 'link'
  /** A reload (an edition update reloads too), back or forward, "Continue reading", the installed app reopening. */
  | 'return';

/**
 * The place to scroll to when an article opens, as a fraction, or undefined to stay at the top.
 * Returning to a page puts the reader back where they were; following a link to an article begun
 * and not finished continues it; one they finished opens at the top, as a new read.
 */
export function placeToRestore(entry: ReadingEntry | undefined, arrival: ArrivalKind): number | undefined {
  if (!entry || entry.position < STARTED_AT) return undefined;
  if (arrival === 'link' && entry.read) return undefined;
  return entry.position;
}

/** Where an article's body is on the page, and the window (CSS pixels). */
export interface BodyMetrics {
  /** The body's top, from the top of the document. */
  bodyTop: number;
  bodyHeight: number;
  viewportHeight: number;
}

/**
 * The reader's place: 0 while the body's top is in view or below, 1 once its end is in view,
 * linear between, so that it means the same part of the text at any text size. A body that fits
 * in the window is wholly in view: 1.
 */
export function scrollFraction(scrollY: number, m: BodyMetrics): number {
  const travel = m.bodyHeight - m.viewportHeight;
  if (travel <= 0) return scrollY + m.viewportHeight >= m.bodyTop + m.bodyHeight ? 1 : 0;
  return Math.min(1, Math.max(0, (scrollY - m.bodyTop) / travel));
}

/** The scroll offset that puts the reader at `fraction` (the inverse of {@link scrollFraction}). */
export function scrollTopFor(fraction: number, m: BodyMetrics): number {
  return Math.max(0, Math.round(m.bodyTop + fraction * Math.max(0, m.bodyHeight - m.viewportHeight)));
}

/** "Read", "45% read", or nothing for an article not begun. */
export function describeReading(entry: ReadingEntry | undefined): string | undefined {
  if (!entry) return undefined;
  if (entry.read) return 'Read';
  if (entry.position < STARTED_AT) return undefined;
  return `${Math.min(99, Math.max(1, Math.round(entry.position * 100)))}% read`;
}

/** The page the reader was on when the app was last put away, and when. */
export interface LastView {
  path: string;
  at: number;
}

/**
 * The article the installed app reopens at start, or undefined: only when it starts at its start
 * address (not a link into it, not a reload), as an installed app, and it was put away on an
 * article less than {@link REOPEN_WITHIN_MS} ago.
 */
export function articleToReopen(
  last: LastView | undefined,
  start: { standalone: boolean; path: string; navigation: string | undefined; now: number },
): string | undefined {
  if (!last || !start.standalone || start.path !== '/' || start.navigation !== 'navigate') return undefined;
  if (!last.path.startsWith('/articles/')) return undefined;
  const age = start.now - last.at;
  return age >= 0 && age < REOPEN_WITHIN_MS ? last.path : undefined;
}

/** The day of a moment on this device's clock, `YYYY-MM-DD` (as the date formatters take it). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
