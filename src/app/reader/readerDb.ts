/**
 * The reader's own data, kept on this device in one IndexedDB database through one typed model:
 * saved articles, reading history with the place in each article, the reader's settings and
 * (moved here from their own database) the recent searches. None of it comes from an edition, so
 * none of it is touched when an edition is updated or its caches are replaced.
 *
 * This module owns the schema and the connection only; the stores are read and written by the
 * modules beside it (saved articles, history, settings, export/import), each of which keeps its
 * list logic pure so that tests run it without IndexedDB.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RecentSearch } from '../archive/recentSearches';

/** Enough of an article to list it, link to it and recognise it in a later edition. */
export interface ArticleRef {
  /** The article's stable id (the same source imported again keeps it). */
  id: string;
  slug: string;
  /** `YYYY-MM`: with the slug, the article's address in the app. */
  month: string;
  title: string;
  /** The article's date as the archive gives it (ISO 8601). */
  date: string;
}

/** An article the reader saved for later. */
export interface SavedArticle extends ArticleRef {
  /** When it was saved, in milliseconds since 1970. */
  savedAt: number;
}

/** An article the reader opened: when, how far they got, and whether it counts as read. */
export interface ReadingEntry extends ArticleRef {
  /** When it was first and last opened, in milliseconds since 1970. */
  firstReadAt: number;
  lastReadAt: number;
  /** The reader's place: the fraction of the article's length scrolled past, 0 to 1. */
  position: number;
  /** Shown as read in lists; the reader may mark it unread again. */
  read: boolean;
}

/** The reader's choices, applied before the first paint. */
export interface ReaderSettings {
  /** Text size step: 0 is the default; the steps and their sizes are the settings module's. */
  textSize: number;
  theme: 'system' | 'light' | 'dark';
}

/** The database's schema. */
export interface ReaderDB extends DBSchema {
  saved: { key: string; value: SavedArticle; indexes: { savedAt: number } };
  history: { key: string; value: ReadingEntry; indexes: { lastReadAt: number } };
  /** One record, under the key `reader`. */
  settings: { key: string; value: ReaderSettings };
  searches: { key: string; value: RecentSearch };
}

export const READER_DB_NAME = 'reader';
export const READER_DB_VERSION = 1;

let database: Promise<IDBPDatabase<ReaderDB>> | undefined;

/** The reader's database, opened once per page (and afresh after another tab upgrades it). */
export function openReaderDb(): Promise<IDBPDatabase<ReaderDB>> {
  database ??= openDB<ReaderDB>(READER_DB_NAME, READER_DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('saved', { keyPath: 'id' }).createIndex('savedAt', 'savedAt');
      db.createObjectStore('history', { keyPath: 'id' }).createIndex('lastReadAt', 'lastReadAt');
      db.createObjectStore('settings');
      db.createObjectStore('searches', { keyPath: 'key' });
    },
    // Another tab holds an older version open: let it close, and open afresh next time.
    blocking() {
      void database?.then((db) => db.close());
      database = undefined;
    },
    // The browser closed the connection (storage cleared, for one): open afresh next time.
    terminated() {
      database = undefined;
    },
  }).catch((error: unknown) => {
    database = undefined;
    throw error;
  });
  return database;
}
