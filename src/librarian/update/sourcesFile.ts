/**
 * SOURCES.json: the sources `librarian update` reads every time it runs (see README, "Update
 * every morning"). For example:
 *
 * ```json
 * { "contact": "https://news.example.org/about",
 *   "sources": [
 *     { "name": "Arab News", "feed": "https://www.arabnews.com/cat/3/rss.xml", "outlet": "Arab News" },
 *     { "name": "Digital.gov", "sitemap": "https://digital.gov/sitemap.xml", "include": "/20\\d\\d/", "maxPages": 20 },
 *     { "name": "One page", "page": "https://example.org/2017/11/story.html" },
 *     { "name": "Incoming", "path": "incoming/", "format": "text", "meta": "incoming/notes.json" } ] }
 * ```
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SOURCE_FORMATS, type SourceFormat } from '../import/readSourceFile';
import { parseUrlPattern, type UrlPattern } from '../import/urlPattern';
import { type FieldMapping, HUFFPOST_MAPPING, parseFieldMapping } from '../sources/readJsonRecords';

/** The four kinds of source: where the articles come from. */
export const SOURCE_KINDS = ['feed', 'sitemap', 'page', 'path'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface UpdateSource {
  /** How the report names it: `name`, else its address or path as written. */
  name: string;
  kind: SourceKind;
  /** An http(s) URL (feed, sitemap, page), or an absolute path (path: a file or a folder). */
  location: string;
  /** Applied to every record of the source, as `librarian import --outlet/--category/--author` are. */
  outlet?: string;
  category?: string;
  author?: string;
  format?: SourceFormat;
  mapping?: FieldMapping;
  urlPatterns: UrlPattern[];
  /** Path: a notes file (as `librarian import --meta`), absolute. */
  meta?: string;
  /** Sitemap: only addresses this matches. */
  include?: RegExp;
  /** Sitemap: new pages fetched in one run at most (the rest next time). */
  maxPages: number;
  timeoutMs: number;
  maxBytes: number;
}

export interface SourcesFile {
  file: string;
  /** Where the sites fetched from can reach whoever runs the update (in the User-Agent). */
  contact: string;
  retries: number;
  sources: UpdateSource[];
}

/** A SOURCES.json that cannot be used; the message names the file, the entry and the field. */
export class SourcesFileError extends Error {}

export const DEFAULT_TIMEOUT_SECONDS = 30;
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_PAGES = 50;
export const DEFAULT_RETRIES = 3;

const TOP_FIELDS = ['contact', 'sources', 'timeoutSeconds', 'maxBytes', 'retries'];
const SOURCE_FIELDS = [...SOURCE_KINDS, 'name', 'outlet', 'category', 'author', 'format', 'map', 'meta', 'urlPattern', 'include', 'maxPages', 'timeoutSeconds', 'maxBytes'];
/** Which fields only some kinds take. */
const ONLY_FOR: Record<string, SourceKind[]> = { include: ['sitemap'], maxPages: ['sitemap'], urlPattern: ['path'], meta: ['path'], timeoutSeconds: ['feed', 'sitemap', 'page'], maxBytes: ['feed', 'sitemap', 'page'] };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function httpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Reads and checks a SOURCES.json; relative paths are read from the file's own folder. */
export async function readSourcesFile(file: string): Promise<SourcesFile> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourcesFileError(`${file}: ${code ? `cannot read (${code})` : `not valid JSON: ${(error as Error).message}`}`);
  }
  return parseSourcesFile(data, file);
}

/** Checks a SOURCES.json's data (see the header comment); every error names file, entry and field. */
export function parseSourcesFile(data: unknown, file: string): SourcesFile {
  const fail = (where: string, problem: string) => new SourcesFileError(`${file}: ${where}${problem}`);
  if (!isRecord(data)) throw fail('', 'must be an object { "contact": …, "sources": [ … ] }');
  const unknownField = (where: string, fields: string[], value: Record<string, unknown>) => {
    const extra = Object.keys(value).find((k) => !fields.includes(k) && k !== '$comment');
    if (extra) throw fail(where, `unknown field "${extra}" (allowed: ${fields.join(', ')})`);
  };
  unknownField('', TOP_FIELDS, data);
  const positive = (where: string, key: string, value: unknown, fallback: number, integer = false) => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
      throw fail(where, `"${key}" must be a positive ${integer ? 'whole number' : 'number'} (found ${JSON.stringify(value)})`);
    }
    return value;
  };
  const contact = data.contact;
  if (typeof contact !== 'string' || !(httpUrl(contact) || /^(mailto:)?[^@\s]+@[^@\s]+\.\w+$/.test(contact))) {
    throw fail('', `"contact" must be a URL or an e-mail address where the sites you fetch from can reach you (found ${JSON.stringify(contact)}); it goes into the User-Agent`);
  }
  const timeoutSeconds = positive('', 'timeoutSeconds', data.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS);
  const maxBytes = positive('', 'maxBytes', data.maxBytes, DEFAULT_MAX_BYTES, true);
  const retries = data.retries === 0 ? 0 : positive('', 'retries', data.retries, DEFAULT_RETRIES, true);
  if (!Array.isArray(data.sources) || data.sources.length === 0) throw fail('', '"sources" must be a list of at least one source');

  const names = new Set<string>();
  const sources = data.sources.map((entry: unknown, i): UpdateSource => {
    const label = isRecord(entry) && typeof entry.name === 'string' ? ` ("${entry.name}")` : '';
    const where = `sources[${i}]${label}: `;
    if (!isRecord(entry)) throw fail(where, 'must be an object such as { "feed": "https://…" }');
    unknownField(where, SOURCE_FIELDS, entry);
    const kinds = SOURCE_KINDS.filter((k) => k in entry);
    if (kinds.length !== 1) throw fail(where, `give exactly one of ${SOURCE_KINDS.map((k) => `"${k}"`).join(', ')} (found ${kinds.length ? kinds.join(' and ') : 'none'})`);
    const kind = kinds[0]!;
    const strings = ['name', 'outlet', 'category', 'author', 'format', 'map', 'meta', 'include', kind];
    for (const key of strings) {
      if (key in entry && (typeof entry[key] !== 'string' || (entry[key] as string).trim() === '')) throw fail(where, `"${key}" must be a non-empty string`);
    }
    for (const [key, kindsAllowed] of Object.entries(ONLY_FOR)) {
      if (key in entry && !kindsAllowed.includes(kind)) throw fail(where, `"${key}" applies to ${kindsAllowed.join(', ')} sources only, not to a ${kind}`);
    }
    const location = entry[kind] as string;
    if (kind !== 'path' && !httpUrl(location)) throw fail(where, `"${kind}": ${JSON.stringify(location)} is not an http(s) URL`);
    const name = (entry.name as string | undefined) ?? location;
    if (names.has(name)) throw fail(where, `another source is named "${name}" too (give each a distinct "name")`);
    names.add(name);
    const format = entry.format as string | undefined;
    if (format !== undefined && !SOURCE_FORMATS.includes(format as SourceFormat)) throw fail(where, `"format": "${format}" is not one of ${SOURCE_FORMATS.join(', ')}`);
    let mapping: FieldMapping | undefined;
    let include: RegExp | undefined;
    let urlPatterns: UrlPattern[] = [];
    try {
      const map = entry.map as string | undefined;
      mapping = map === undefined ? undefined : map === 'huffpost' ? HUFFPOST_MAPPING : parseFieldMapping(map);
    } catch (error) {
      throw fail(where, `"map": ${(error as Error).message}`);
    }
    try {
      include = entry.include === undefined ? undefined : new RegExp(entry.include as string);
    } catch (error) {
      throw fail(where, `"include": not a regular expression (${(error as Error).message})`);
    }
    const patterns = entry.urlPattern === undefined ? [] : Array.isArray(entry.urlPattern) ? entry.urlPattern : [entry.urlPattern];
    try {
      urlPatterns = patterns.map((p) => {
        if (typeof p !== 'string') throw new Error('each pattern must be a string');
        return parseUrlPattern(p);
      });
    } catch (error) {
      throw fail(where, `"urlPattern": ${(error as Error).message}`);
    }
    return {
      name,
      kind,
      location: kind === 'path' ? path.resolve(path.dirname(file), location) : location,
      outlet: entry.outlet as string | undefined,
      category: entry.category as string | undefined,
      author: entry.author as string | undefined,
      format: format as SourceFormat | undefined,
      mapping,
      urlPatterns,
      meta: entry.meta === undefined ? undefined : path.resolve(path.dirname(file), entry.meta as string),
      include,
      maxPages: positive(where, 'maxPages', entry.maxPages, DEFAULT_MAX_PAGES, true),
      timeoutMs: positive(where, 'timeoutSeconds', entry.timeoutSeconds, timeoutSeconds) * 1000,
      maxBytes: positive(where, 'maxBytes', entry.maxBytes, maxBytes, true),
    };
  });
  return { file, contact: contact.replace(/^mailto:/, ''), retries, sources };
}
