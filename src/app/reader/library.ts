/**
 * The reader's library on this device: which articles are saved and how far each was read, kept
 * in the reader's database (`readerDb.ts`) and mirrored in ONE reactive store that every view
 * reads. It is loaded once, on first use (both lists are small: references, never bodies), so
 * that a list of 100 articles asks the store per item, by id, and never the database; a change
 * to one article re-renders only what shows that article.
 *
 * Writes go to the store at once (the view follows the tap) and to the database after; one that
 * fails is undone on screen and said (storage refused, private browsing).
 */
import { createStore, produce, reconcile, unwrap } from 'solid-js/store';
import { getArticle, type ArticlePage } from '../archive/archiveData';
import { reportStorageFailure } from '../pwa/storageStatus';
import { announce } from './announce';
import { historyOverflow, movedEntry, openedEntry, refFromPage, unreadEntry } from './libraryLists';
import { openReaderDb, type ArticleRef, type ReadingEntry, type SavedArticle, type SavedCopy } from './readerDb';

interface Library {
  /** Whether the lists have been read from the database (or found unavailable). */
  loaded: boolean;
  saved: Record<string, SavedArticle>;
  reading: Record<string, ReadingEntry>;
}

const [library, setLibrary] = createStore<Library>({ loaded: false, saved: {}, reading: {} });

/** The reactive library; read through the functions below, which load it on first use. */
export { library };

let loading: Promise<void> | undefined;

/** A record of the store as it is written to the database: its own object, not the store's proxy (IndexedDB cannot clone one). */
function stored<T extends object>(value: T | undefined): T | undefined {
  return value === undefined ? undefined : structuredClone(unwrap(value));
}

/** A reference made of plain values (a list item built from the store's records holds its proxies). */
function plain(ref: ArticleRef): ArticleRef {
  return structuredClone(unwrap(ref));
}

function warn(action: string, error: unknown): void {
  console.warn(`reader data: could not ${action} (${error instanceof Error ? error.message : String(error)})`);
}

/** Reads the saved articles and the history once per page; never rejects. */
export function loadLibrary(): Promise<void> {
  loading ??= (async () => {
    try {
      const db = await openReaderDb();
      const tx = db.transaction(['saved', 'history'], 'readonly');
      const [saved, history] = await Promise.all([tx.objectStore('saved').getAll(), tx.objectStore('history').getAll(), tx.done]);
      setLibrary({ saved: Object.fromEntries(saved.map((s) => [s.id, s])), reading: Object.fromEntries(history.map((h) => [h.id, h])) });
    } catch (error) {
      warn('read the saved articles and history', error);
    } finally {
      setLibrary('loaded', true);
    }
  })();
  return loading;
}

/** Whether the article is saved (reactive, by id). */
export function isSaved(id: string): boolean {
  void loadLibrary();
  return library.saved[id] !== undefined;
}

/** The article's history entry (reactive, by id). */
export function readingOf(id: string): ReadingEntry | undefined {
  void loadLibrary();
  return library.reading[id];
}

async function write(action: string, undo: () => void, run: () => Promise<void>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    undo();
    reportStorageFailure(error);
    warn(action, error);
    announce(`Could not ${action}: this device's storage refused it.`);
    return false;
  }
}

/** Keeps a copy of the article's page for the saved article (so that it outlives its edition). */
async function putCopy(page: ArticlePage): Promise<void> {
  const copy: SavedCopy = { id: page.article.id, copiedAt: Date.now(), page };
  const db = await openReaderDb();
  await db.put('copies', copy);
}

/**
 * Saves the article for later, with a copy of its page (`page`, or read from the edition: from the
 * device offline), or removes it and its copy. Said to screen readers either way.
 */
export async function toggleSaved(ref: ArticleRef, page?: ArticlePage): Promise<void> {
  await loadLibrary();
  const before = library.saved[ref.id];
  if (before) {
    setLibrary('saved', produce((saved) => void delete saved[ref.id]));
    const done = await write('remove it from your saved articles', () => setLibrary('saved', ref.id, before), async () => {
      const db = await openReaderDb();
      const tx = db.transaction(['saved', 'copies'], 'readwrite');
      await Promise.all([tx.objectStore('saved').delete(ref.id), tx.objectStore('copies').delete(ref.id), tx.done]);
    });
    if (done) announce(`Removed from saved articles: ${ref.title}`);
    return;
  }
  const entry: SavedArticle = { ...plain(ref), savedAt: Date.now() };
  setLibrary('saved', ref.id, entry);
  const done = await write('save it', () => setLibrary('saved', produce((saved) => void delete saved[ref.id])), async () => {
    const db = await openReaderDb();
    await db.put('saved', entry);
  });
  if (!done) return;
  announce(`Saved for later: ${ref.title}`);
  try {
    const copy = page ?? (await getArticle(ref.month, ref.slug));
    if (copy && copy.article.id === ref.id) {
      await putCopy(copy);
      // A search hit has no summary: the saved list shows the page's.
      const fuller: SavedArticle = { ...refFromPage(copy), savedAt: entry.savedAt };
      if (library.saved[ref.id]) {
        setLibrary('saved', ref.id, fuller);
        await (await openReaderDb()).put('saved', fuller);
      }
    }
  } catch (error) {
    // Saved all the same: the copy is taken when the article is next opened.
    warn('keep a copy of the saved article', error);
  }
}

/** Refreshes the copy of a saved article the reader has open (a later edition may have corrected it). */
export async function refreshCopy(page: ArticlePage): Promise<void> {
  await loadLibrary();
  if (!library.saved[page.article.id]) return;
  await putCopy(page).catch((error: unknown) => warn('keep a copy of the saved article', error));
}

/** The copy kept of a saved article at this address, if any. */
export async function savedCopyAt(month: string, slug: string): Promise<{ saved: SavedArticle; copy?: SavedCopy } | undefined> {
  await loadLibrary();
  const saved = Object.values(library.saved).find((s) => s.month === month && s.slug === slug);
  if (!saved) return undefined;
  try {
    const db = await openReaderDb();
    return { saved, copy: await db.get('copies', saved.id) };
  } catch (error) {
    warn('read the copy of a saved article', error);
    return { saved };
  }
}

async function putEntry(entry: ReadingEntry, trim = false): Promise<void> {
  const db = await openReaderDb();
  const tx = db.transaction('history', 'readwrite');
  await tx.store.put(entry);
  if (trim) {
    const over = historyOverflow(Object.values(library.reading));
    for (const id of over) await tx.store.delete(id);
    if (over.length > 0) setLibrary('reading', produce((reading) => over.forEach((id) => delete reading[id])));
  }
  await tx.done;
}

/** Records that the article was opened now (the top of the history); returns its entry. */
export async function recordOpened(ref: ArticleRef): Promise<ReadingEntry> {
  await loadLibrary();
  const entry = openedEntry(stored(library.reading[ref.id]), plain(ref), Date.now());
  setLibrary('reading', ref.id, entry);
  await putEntry(entry, true).catch((error: unknown) => warn('add the article to your history', error));
  return entry;
}

/** Records the reader's place in an article opened before (see {@link recordOpened}). */
export async function recordPlace(id: string, position: number): Promise<void> {
  const entry = stored(library.reading[id]);
  if (!entry) return;
  const moved = movedEntry(entry, position, Date.now());
  if (moved.position === entry.position && moved.read === entry.read) return;
  setLibrary('reading', id, moved);
  if (moved.read && !entry.read) announce(`Marked as read: ${entry.title}`);
  await putEntry(moved).catch((error: unknown) => warn('keep your place in the article', error));
}

/** Marks the article unread: lists stop marking it, and it opens at the top. */
export async function markUnread(id: string): Promise<void> {
  await loadLibrary();
  const entry = stored(library.reading[id]);
  if (!entry) return;
  const unread = unreadEntry(entry);
  setLibrary('reading', id, unread);
  const done = await write('mark it unread', () => setLibrary('reading', id, entry), () => putEntry(unread));
  if (done) announce(`Marked as unread: ${entry.title}`);
}

/** Forgets the whole history, and with it the place in every article. */
export async function clearHistory(): Promise<boolean> {
  await loadLibrary();
  const before = { ...unwrap(library.reading) };
  setLibrary('reading', reconcile({}));
  return write(
    'clear the history',
    () => setLibrary('reading', before),
    async () => {
      const db = await openReaderDb();
      const tx = db.transaction('history', 'readwrite');
      await Promise.all([tx.store.clear(), tx.done]);
    },
  );
}

/**
 * What the current edition says of the reader's saved and read articles that were checked (see
 * {@link checkEdition}): withdrawn, with or without a saved copy. Absent: in the edition, or not
 * checked.
 */
const [withdrawn, setWithdrawn] = createStore<Record<string, 'copy' | 'gone'>>({});

/** Whether a new edition withdrew the article (reactive, by id; only checked articles are known). */
export function withdrawnState(id: string): 'copy' | 'gone' | undefined {
  return withdrawn[id];
}

const checked = new Set<string>();

/**
 * Looks up each article in the edition this device reads, one after another (the article's own
 * data file, from the device), and marks those it no longer has. Each is checked once per page
 * (an edition changes only with a reload); one that cannot be read now (offline, not yet saved)
 * is left unmarked and checked next time.
 */
export async function checkEdition(refs: readonly ArticleRef[]): Promise<void> {
  for (const ref of refs) {
    if (checked.has(ref.id)) continue;
    try {
      const page = await getArticle(ref.month, ref.slug);
      checked.add(ref.id);
      if (page && page.article.id === ref.id) continue;
      const db = await openReaderDb();
      setWithdrawn(ref.id, (await db.getKey('copies', ref.id)) === undefined ? 'gone' : 'copy');
    } catch {
      // Not readable now: unmarked.
    }
  }
}
