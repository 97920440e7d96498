/**
 * Export and import of the reader's data (see `readerData.ts` for the file): the export reads
 * every store in one transaction; the import replaces every store in one transaction, so that a
 * failure half way (storage full, the tab closed) leaves the data as it was.
 */
import { openReaderDb, READER_STORES } from './readerDb';
import { readerDataFile, type ReaderDataContents, type ReaderDataFile } from './readerData';
import { sanitizeCopyBody } from './sanitizeCopyBody';

/** Everything the reader's database keeps, as the export file holds it. */
export async function exportReaderData(at = new Date()): Promise<ReaderDataFile> {
  const db = await openReaderDb();
  const tx = db.transaction(READER_STORES, 'readonly');
  const settings: Record<string, unknown> = {};
  let cursor = await tx.objectStore('settings').openCursor();
  while (cursor) {
    settings[String(cursor.key)] = cursor.value;
    cursor = await cursor.continue();
  }
  const [saved, copies, history, searches] = await Promise.all([
    tx.objectStore('saved').getAll(),
    tx.objectStore('copies').getAll(),
    tx.objectStore('history').getAll(),
    tx.objectStore('searches').getAll(),
  ]);
  await tx.done;
  return readerDataFile({ saved, copies, history, settings, searches }, at);
}

/**
 * Replaces the reader's data with `contents` (checked by `parseReaderData`), all or nothing. The
 * bodies of the saved copies are sanitised first: a file may come from anywhere.
 */
export async function importReaderData(contents: ReaderDataContents): Promise<void> {
  const copies = contents.copies.map((c) => ({ ...c, page: { ...c.page, article: { ...c.page.article, body: sanitizeCopyBody(c.page.article.body, document) } } }));
  const db = await openReaderDb();
  const tx = db.transaction(READER_STORES, 'readwrite');
  const writes: Promise<unknown>[] = READER_STORES.map((name) => tx.objectStore(name).clear());
  for (const s of contents.saved) writes.push(tx.objectStore('saved').put(s));
  for (const c of copies) writes.push(tx.objectStore('copies').put(c));
  for (const h of contents.history) writes.push(tx.objectStore('history').put(h));
  for (const [key, value] of Object.entries(contents.settings)) writes.push(tx.objectStore('settings').put(value as never, key));
  for (const s of contents.searches) writes.push(tx.objectStore('searches').put(s));
  // One failed write aborts the transaction (and rejects here): nothing of the file is applied.
  await Promise.all([...writes, tx.done]);
}
