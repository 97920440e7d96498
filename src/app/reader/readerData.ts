/**
 * The reader's data as a file (export and import): everything the reader's database keeps, in a
 * versioned JSON format. Reading a file checks all of it before anything is written, and says
 * which record is wrong and how (`reader data: reading-data.json: history[3] ("The End of the
 * Caliphate?"): position: must be a number from 0 to 1 (found 1.5)`): an import is all or nothing.
 *
 * Pure: no IndexedDB, no DOM (`readerDataStore.ts` reads and writes the database).
 */
import type { Article, Label } from '../../core/types';
import { recentSearchKey, RECENT_SEARCHES_LIMIT, newestFirst, type RecentSearch } from '../archive/recentSearches';
import type { SearchLocation } from '../routePaths';
import { HISTORY_LIMIT } from './libraryLists';
import type { ArticleRef, ReaderSettings, ReadingEntry, SavedArticle, SavedCopy } from './readerDb';

/** The format of an export; the number changes when a file of the old one would be read wrongly. */
export const READER_DATA_FORMAT = 'news-reader-data/1';
/** A file larger than this is refused before it is read (a reader's data is a few MB). */
export const READER_DATA_MAX_BYTES = 100 * 1024 * 1024;

/** What a file holds, store by store (`settings`: the settings store's records by key). */
export interface ReaderDataContents {
  saved: SavedArticle[];
  copies: SavedCopy[];
  history: ReadingEntry[];
  settings: Record<string, unknown>;
  searches: RecentSearch[];
}

export interface ReaderDataFile extends ReaderDataContents {
  format: typeof READER_DATA_FORMAT;
  /** When it was made (ISO 8601). */
  exportedAt: string;
}

/** A file that cannot be imported; the message names the file, the record and the problem. */
export class ReaderDataError extends Error {
  override name = 'ReaderDataError';
}

/** The file written for `contents` at `at`. */
export function readerDataFile(contents: ReaderDataContents, at: Date): ReaderDataFile {
  return { format: READER_DATA_FORMAT, exportedAt: at.toISOString(), ...contents };
}

/** The file's name: `reader-data-2026-12-02.json`. */
export function readerDataFileName(at: Date): string {
  return `reader-data-${at.toISOString().slice(0, 10)}.json`;
}

/** "3 saved articles, 12 in your history, your settings and 4 recent searches". */
export function describeReaderData(c: ReaderDataContents): string {
  const n = (count: number, one: string, many: string) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
  const parts = [n(c.saved.length, 'saved article', 'saved articles'), `${n(c.history.length, 'article', 'articles')} in the history`];
  if (Object.keys(c.settings).length > 0) parts.push('your settings');
  parts.push(n(c.searches.length, 'recent search', 'recent searches'));
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

type Json = unknown;

function shown(value: Json): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Checks one record, naming it in every error. */
class RecordCheck {
  constructor(
    readonly where: string,
    readonly value: Record<string, Json>,
  ) {}

  /** The error for `field` of this record. */
  fail(field: string, problem: string): ReaderDataError {
    return new ReaderDataError(`${this.where}: ${field}: ${problem} (found ${shown(this.value[field])})`);
  }

  string(field: string, { empty = false } = {}): string {
    const v = this.value[field];
    if (typeof v !== 'string' || (!empty && v.trim() === '')) throw this.fail(field, empty ? 'must be text' : 'must be non-empty text');
    return v;
  }

  optionalString(field: string): string | undefined {
    return this.value[field] === undefined ? undefined : this.string(field, { empty: true });
  }

  nullableString(field: string): string | null {
    return this.value[field] === null ? null : this.string(field, { empty: true });
  }

  time(field: string): number {
    const v = this.value[field];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw this.fail(field, 'must be a time in milliseconds since 1970');
    return v;
  }

  strings(field: string): string[] {
    const v = this.value[field];
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) throw this.fail(field, 'must be a list of texts');
    return v as string[];
  }

  label(field: string): Label | null {
    const v = this.value[field];
    if (v === null) return null;
    if (!isObject(v) || typeof v.slug !== 'string' || typeof v.name !== 'string') throw this.fail(field, 'must be null or { "slug", "name" }');
    return { slug: v.slug, name: v.name };
  }
}

function fail(error: ReaderDataError): never {
  throw error;
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function articleRef(r: RecordCheck): ArticleRef {
  const id = r.string('id');
  const slug = r.string('slug');
  const month = r.string('month');
  if (!MONTH.test(month)) throw r.fail('month', 'must be a month as YYYY-MM');
  const date = r.string('date');
  if (!date.startsWith(month)) throw r.fail('date', `must be a date in ${month}`);
  const ref: ArticleRef = { id, slug, month, title: r.string('title', { empty: true }), date };
  const summary = r.optionalString('summary');
  if (summary !== undefined) ref.summary = summary;
  if (r.value.outlets !== undefined) ref.outlets = r.strings('outlets');
  if (r.value.category !== undefined) ref.category = r.label('category');
  return ref;
}

function savedArticle(r: RecordCheck): SavedArticle {
  return { ...articleRef(r), savedAt: r.time('savedAt') };
}

function readingEntry(r: RecordCheck): ReadingEntry {
  const position = r.value.position;
  if (typeof position !== 'number' || !(position >= 0 && position <= 1)) throw r.fail('position', 'must be a number from 0 to 1');
  if (typeof r.value.read !== 'boolean') throw r.fail('read', 'must be true or false');
  return { ...articleRef(r), firstReadAt: r.time('firstReadAt'), lastReadAt: r.time('lastReadAt'), position, read: r.value.read };
}

function article(r: RecordCheck): Article {
  const sources = r.value.sources;
  if (!Array.isArray(sources) || sources.length === 0) throw r.fail('sources', 'must be a list of at least one { "outlet", "url" }');
  return {
    id: r.string('id'),
    slug: r.string('slug'),
    title: r.string('title', { empty: true }),
    date: r.string('date'),
    sources: sources.map((s, i) => {
      if (!isObject(s)) throw r.fail('sources', `item ${i + 1} must be { "outlet", "url" }`);
      const source = new RecordCheck(`${r.where}: sources[${i}]`, s);
      return { outlet: source.nullableString('outlet'), url: source.nullableString('url') };
    }),
    author: r.nullableString('author'),
    category: r.nullableString('category'),
    tags: r.strings('tags'),
    summary: r.string('summary', { empty: true }),
    body: r.string('body', { empty: true }),
  };
}

function savedCopy(r: RecordCheck, where: string): SavedCopy {
  const id = r.string('id');
  const page = r.value.page;
  if (!isObject(page)) throw r.fail('page', 'must be { "article", "category", "tags" }');
  const p = new RecordCheck(`${where}: page`, page);
  if (!isObject(page.article)) throw p.fail('article', 'must be an article');
  const a = article(new RecordCheck(`${where}: page: article`, page.article));
  if (a.id !== id) throw p.fail('article', `must be the article ${id}`);
  const tags = page.tags;
  if (!Array.isArray(tags)) throw p.fail('tags', 'must be a list of { "slug", "name" }');
  const tagList = new RecordCheck(`${where}: page: tags`, { ...tags });
  return {
    id,
    copiedAt: r.time('copiedAt'),
    page: { article: a, category: p.label('category'), tags: tags.map((_, i) => tagList.label(String(i)) ?? fail(tagList.fail(String(i), 'must be { "slug", "name" }'))) },
  };
}

/** Settings records other than `reader` (the settings module's own): text, numbers, true/false, or flat objects of those. */
function isPlainSetting(value: Json): boolean {
  const primitive = (v: Json) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  return primitive(value) || (isObject(value) && Object.values(value).every(primitive));
}

const THEMES: readonly ReaderSettings['theme'][] = ['system', 'light', 'dark'];

function readerSettings(r: RecordCheck): ReaderSettings {
  const textSize = r.value.textSize;
  if (typeof textSize !== 'number' || !Number.isInteger(textSize)) throw r.fail('textSize', 'must be a whole number');
  const theme = r.value.theme;
  if (!THEMES.includes(theme as ReaderSettings['theme'])) throw r.fail('theme', `must be one of ${THEMES.map((t) => `"${t}"`).join(', ')}`);
  // Fields the settings module may add later: kept when they are plain values.
  for (const [field, value] of Object.entries(r.value)) {
    if (field !== 'textSize' && field !== 'theme' && !isPlainSetting(value)) throw r.fail(field, 'must be text, a number, true or false, or an object of those');
  }
  return { ...r.value, textSize, theme: theme as ReaderSettings['theme'] };
}

const SORTS = ['relevance', 'newest'];

function recentSearch(r: RecordCheck): RecentSearch {
  const search = r.value.search;
  if (!isObject(search)) throw r.fail('search', 'must be { "q", … }');
  const s = new RecordCheck(`${r.where}: search`, search);
  const location: SearchLocation = { q: s.string('q', { empty: true }) };
  for (const field of ['category', 'outlet'] as const) {
    const v = s.optionalString(field);
    if (v !== undefined) location[field] = v;
  }
  for (const field of ['from', 'to'] as const) {
    const v = s.optionalString(field);
    if (v !== undefined && !MONTH.test(v)) throw s.fail(field, 'must be a month as YYYY-MM');
    if (v !== undefined) location[field] = v;
  }
  const sort = s.optionalString('sort');
  if (sort !== undefined && !SORTS.includes(sort)) throw s.fail('sort', 'must be "relevance" or "newest"');
  if (sort !== undefined) location.sort = sort as SearchLocation['sort'];
  return { key: recentSearchKey(location), search: location, at: r.time('at') };
}

/** Each item of the list `name`, checked by `check`, named `name[i] ("title")` in errors. */
function list<T>(file: string, data: Record<string, Json>, name: string, check: (r: RecordCheck, where: string) => T): T[] {
  const value = data[name];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ReaderDataError(`${file}: ${name}: must be a list (found ${shown(value)})`);
  return value.map((item, i) => {
    const title = isObject(item) && typeof item.title === 'string' ? ` (${JSON.stringify(item.title.length > 80 ? `${item.title.slice(0, 79)}…` : item.title)})` : '';
    const where = `${file}: ${name}[${i}]${title}`;
    if (!isObject(item)) throw new ReaderDataError(`${where}: must be an object (found ${shown(item)})`);
    return check(new RecordCheck(where, item), where);
  });
}

function noRepeats<T extends { id: string }>(file: string, name: string, items: readonly T[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) throw new ReaderDataError(`${file}: ${name}[${i}]: id: ${item.id} is listed twice (also ${name}[${first}])`);
    seen.set(item.id, i);
  });
}

/**
 * The contents of an export file's text, checked whole. Throws a {@link ReaderDataError} naming
 * `fileName`, the record and the problem at the first thing wrong.
 */
export function parseReaderData(text: string, fileName: string): ReaderDataContents {
  const file = `reader data: ${fileName}`;
  let data: Json;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ReaderDataError(`${file}: not JSON (${error instanceof Error ? error.message : String(error)}); choose a file this app exported`);
  }
  if (!isObject(data) || typeof data.format !== 'string' || !data.format.startsWith('news-reader-data/')) {
    throw new ReaderDataError(`${file}: not a file of reader data (it has no "format": "${READER_DATA_FORMAT}"); choose a file this app exported`);
  }
  if (data.format !== READER_DATA_FORMAT) {
    throw new ReaderDataError(`${file}: format ${data.format} is not one this app reads (it reads ${READER_DATA_FORMAT}); update the app and try again`);
  }
  const saved = list(file, data, 'saved', savedArticle);
  noRepeats(file, 'saved', saved);
  const copies = list(file, data, 'copies', savedCopy);
  noRepeats(file, 'copies', copies);
  const savedIds = new Set(saved.map((s) => s.id));
  copies.forEach((c, i) => {
    if (!savedIds.has(c.id)) throw new ReaderDataError(`${file}: copies[${i}]: id: no saved article has the id ${c.id}`);
  });
  const history = list(file, data, 'history', readingEntry);
  noRepeats(file, 'history', history);
  const settings: Record<string, unknown> = {};
  if (data.settings !== undefined) {
    if (!isObject(data.settings)) throw new ReaderDataError(`${file}: settings: must be an object (found ${shown(data.settings)})`);
    for (const [key, value] of Object.entries(data.settings)) {
      if (key === 'reader') {
        if (!isObject(value)) throw new ReaderDataError(`${file}: settings.reader: must be an object (found ${shown(value)})`);
        settings[key] = readerSettings(new RecordCheck(`${file}: settings.reader`, value));
      } else if (isPlainSetting(value)) settings[key] = value;
      else throw new ReaderDataError(`${file}: settings.${key}: must be text, a number, true or false, or an object of those (found ${shown(value)})`);
    }
  }
  const searches = newestFirst(list(file, data, 'searches', recentSearch));
  return {
    saved,
    copies,
    history: history.length > HISTORY_LIMIT ? [...history].sort((a, b) => b.lastReadAt - a.lastReadAt).slice(0, HISTORY_LIMIT) : history,
    settings,
    // One entry per search (the latest), as the list keeps them.
    searches: searches.filter((s, i) => searches.findIndex((t) => t.key === s.key) === i).slice(0, RECENT_SEARCHES_LIMIT),
  };
}
