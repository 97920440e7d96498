/**
 * The reader's own data, kept on this device in one IndexedDB database through one typed model:
 * saved articles (and a copy of each, so that one a later edition withdraws stays readable),
 * reading history with the place in each article, the reader's settings and (moved here from
 * their own database) the recent searches. None of it comes from an edition, so none of it is
 * touched when an edition is updated or its caches are replaced.
 *
 * This module owns the schema, the connection and the one-time move of the recent searches out of
 * their old database; the stores are read and written by the modules beside it (`library.ts`:
 * saved and history; `settings.ts`; `../archive/recentSearches.ts`; `readerData.ts`: export and
 * import), each of which keeps its list logic pure so that tests run it without IndexedDB.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Label } from '../../core/types';
import type { ArticlePage } from '../archive/archiveData';
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
  /** What lists show under the title (version 2: absent in records written by version 1). */
  summary?: string;
  outlets?: string[];
  category?: Label | null;
}

/** An article the reader saved for later. */
export interface SavedArticle extends ArticleRef {
  /** When it was saved, in milliseconds since 1970. */
  savedAt: number;
}

/**
 * The article as it was when saved (or last opened while saved): what its page shows, so that it
 * can be read once an edition no longer has it. Kept apart from {@link SavedArticle} so that
 * listing the saved articles never reads their bodies.
 */
export interface SavedCopy {
  id: string;
  /** When the copy was taken, in milliseconds since 1970. */
  copiedAt: number;
  page: ArticlePage;
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
  /** Version 2. */
  copies: { key: string; value: SavedCopy };
  history: { key: string; value: ReadingEntry; indexes: { lastReadAt: number } };
  /** One record, under the key `reader`. */
  settings: { key: string; value: ReaderSettings };
  searches: { key: string; value: RecentSearch };
}

/** Every store, for transactions over the whole of the reader's data (export, import). */
export const READER_STORES = ['saved', 'copies', 'history', 'settings', 'searches'] as const;

export const READER_DB_NAME = 'reader';
/** 1: saved, history, settings, searches. 2: copies of saved articles. */
export const READER_DB_VERSION = 2;
/** Where the recent searches were kept before they moved into {@link READER_DB_NAME}. */
export const OLD_RECENT_SEARCHES_DB = 'recent-searches';

let database: Promise<IDBPDatabase<ReaderDB>> | undefined;

/**
 * The reader's database, opened once per page (and afresh after another tab upgrades it). The
 * first open on a device that still has the old recent-searches database moves its entries here
 * and deletes it.
 */
export function openReaderDb(): Promise<IDBPDatabase<ReaderDB>> {
  database ??= openDB<ReaderDB>(READER_DB_NAME, READER_DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('saved', { keyPath: 'id' }).createIndex('savedAt', 'savedAt');
        db.createObjectStore('history', { keyPath: 'id' }).createIndex('lastReadAt', 'lastReadAt');
        db.createObjectStore('settings');
        db.createObjectStore('searches', { keyPath: 'key' });
      }
      if (oldVersion < 2) db.createObjectStore('copies', { keyPath: 'id' });
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
  })
    .then(async (db) => {
      await moveOldRecentSearches(db);
      return db;
    })
    .catch((error: unknown) => {
      database = undefined;
      throw error;
    });
  return database;
}

/** Whether the old recent-searches database exists, without creating it by opening it. */
async function oldSearchesExist(): Promise<boolean> {
  if (typeof indexedDB.databases !== 'function') return true;
  return (await indexedDB.databases()).some((d) => d.name === OLD_RECENT_SEARCHES_DB);
}

/**
 * Moves the recent searches of the old `recent-searches` database (before issue #12) into the
 * `searches` store, keeping the later of two entries for one search, then deletes the old
 * database. Safe to repeat: a move cut off before the delete is done again, to the same result.
 * A failure is only warned about: the searches are a convenience.
 */
async function moveOldRecentSearches(db: IDBPDatabase<ReaderDB>): Promise<void> {
  try {
    if (!(await oldSearchesExist())) return;
    const old = await openDB(OLD_RECENT_SEARCHES_DB);
    const entries: RecentSearch[] = old.objectStoreNames.contains('searches') ? ((await old.getAll('searches')) as RecentSearch[]) : [];
    old.close();
    const tx = db.transaction('searches', 'readwrite');
    for (const entry of entries) {
      const kept = await tx.store.get(entry.key);
      if (!kept || kept.at < entry.at) await tx.store.put(entry);
    }
    await tx.done;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(OLD_RECENT_SEARCHES_DB);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('deleteDatabase failed'));
      // Another tab still has it open: it is deleted once that tab closes it.
      request.onblocked = () => resolve();
    });
  } catch (error) {
    console.warn(`reader data: could not move the recent searches out of "${OLD_RECENT_SEARCHES_DB}" (${error instanceof Error ? error.message : String(error)})`);
  }
}
