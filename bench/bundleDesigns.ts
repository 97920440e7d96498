/**
 * Three designs of the reader's search bundle, measured on real articles (see `corpus.ts`) at
 * 10,000 and 100,000 articles, so that the team can choose one from figures:
 *
 * (a) global: one MiniSearch over every article, as `buildBundle` ships it today.
 * (b) period split: one MiniSearch per period (a part per month for the newest calendar year of the
 *     set, a part per year before it). A query runs on every part and the hits are merged by
 *     score, each part scoring with its own BM25 statistics.
 * (c) term range: the global MiniSearch, its terms sorted and cut into shards of about 128 KiB
 *     raw, and its document table (MiniSearch's JSON without `index`) in files of its own. A query
 *     needs the document table and the shards whose term range can hold its terms (for a term,
 *     those covering the terms that start with its first two characters: prefix and typo matches
 *     are assumed to keep them, which the benchmark checks by querying).
 *
 * Documents are built as `buildBundle` builds them (plain-text bodies, `toSearchDocument`, months
 * newest first) and indexed with `searchIndexOptions`; queries are `QUERIES` with
 * `defaultSearchOptions` (field boosts included). No file exceeds 1.5 MiB, cut as `splitIndex`
 * cuts: the document table, then slices of the term array (see `packIndex` for the two cases
 * where `splitIndex` itself would refuse or overflow). Files are JSON strings named by content
 * hash, as the builder names them. Figures only, never assertions; run on a quiet machine.
 *
 * `npx tsx bench/bundleDesigns.ts`: 33 to 53 minutes on this 2-core machine while busy, most of
 * it building the 100,000-article global index five times (three editions, and two numbered
 * oldest first for the update note) and the period parts three times. Peak RSS is near 4 GiB: it
 * needs V8's 4 GiB heap (the default with 16 GiB of RAM or more; elsewhere run it with
 * NODE_OPTIONS=--max-old-space-size=4096).
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { gzipSync } from 'node:zlib';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { defaultSearchOptions, searchIndexOptions, toSearchDocument, type SearchDocument } from '../src/core/searchOptions';
import { processTerm, tokenize } from '../src/core/searchTerms';
import type { LoadedArchive } from '../src/librarian/archive/readArchive';
import { contentHash } from '../src/librarian/bundle/buildBundle';
import { htmlToText } from '../src/librarian/bundle/htmlToText';
import { loadArticlePool, scaledArchive } from './corpus';
import { collectGarbage, LOAD_RUNS, QUERIES, QUERY_PASSES, megabytes } from './searchBench';

/** Largest file any design writes, as `buildBundle`'s default (under Workbox's 2 MiB limit). */
const MAX_FILE_BYTES = 1.5 * 1024 * 1024;
/** Target raw size of a term shard of design (c); a single larger term gets a shard of its own. */
const SHARD_BYTES = 128 * 1024;
/** Characters of a query term that pick the shards of design (c). */
const KEY_LENGTH = 2;
/** Gzip level of every size figure: the best a host can serve. */
const GZIP_LEVEL = 9;
/** Hits compared between designs. */
const TOP = 10;
const SIZES = [10_000, 100_000] as const;

type TermEntry = AsPlainObject['index'][number];
/** MiniSearch's JSON without its terms: document ids, field lengths, stored fields and statistics. */
type DocumentTable = Omit<AsPlainObject, 'index'>;
/** One file of a split document table: the first also carries the statistics. */
type DocumentTablePart = Partial<DocumentTable> & Pick<DocumentTable, 'documentIds' | 'fieldLength' | 'storedFields'>;

/** One file as shipped: content-hashed name and JSON content. */
interface ShippedFile {
  name: string;
  content: string;
  raw: number;
}

/** A file's name and sizes, all that is kept of an edition once it is built. */
interface FileSize {
  name: string;
  raw: number;
  gzip: number;
}

/** A hit as the designs are compared on: the article id, its score, its date (for ties) and the index terms it matched. */
interface Hit {
  id: string;
  score: number;
  date: string;
  terms: string[];
  /** The same for every copy of one real article in a scaled set (slug and date without the year). */
  article: string;
}

// ───────────────────────────── helpers ─────────────────────────────


/** V8 heap in use after a full collection, or NaN when none can be forced. */
function heapAfterGc(): number {
  if (!collectGarbage) return NaN;
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

const median = (values: number[]): number => percentile(values, 0.5);
const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;
const sum = (values: number[]): number => values.reduce((total, v) => total + v, 0);
const seconds = (since: number): number => (performance.now() - since) / 1000;
const count = (n: number): string => n.toLocaleString('en-US');
const percent = (share: number): string => (share === 0 ? '0 %' : `${(share * 100).toFixed(share < 0.01 ? 3 : 1)} %`);

/** An aligned table: the first column left-aligned, the others right-aligned (as run.ts prints). */
function table(headers: string[], rows: string[][]): string {
  const cells = [headers, ...rows];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));
const gzipBytes = (content: string): number => gzipSync(content, { level: GZIP_LEVEL }).length;

function shipped(stem: string, content: string): ShippedFile {
  return { name: `${stem}.${contentHash(content)}.json`, content, raw: Buffer.byteLength(content) };
}

function sizesOf(files: ShippedFile[]): FileSize[] {
  return files.map(({ name, content, raw }) => ({ name, raw, gzip: gzipBytes(content) }));
}

// ───────────────────────────── documents and editions ─────────────────────────────

/** The documents `buildBundle` indexes, in its order: months newest first, each month's articles newest first. */
function searchDocuments(archive: LoadedArchive): SearchDocument[] {
  const categoryNames = new Map(archive.meta.categories.map((c) => [c.slug, c.name]));
  const tagNames = new Map(archive.meta.tags.map((t) => [t.slug, t.name]));
  return [...archive.months]
    .sort((a, b) => b.month.localeCompare(a.month))
    .flatMap((month) =>
      month.articles.map((article) =>
        toSearchDocument(article, (slug) => categoryNames.get(slug) ?? slug, (slug) => tagNames.get(slug) ?? slug, htmlToText(article.body)),
      ),
    );
}

const dayOf = (doc: SearchDocument): string => doc.date.slice(0, 10);

/** An update between two editions: the newer one adds the articles of one day. */
interface Update {
  /** E.g. "adding 2025-01-02 (1 article, the first of 2025)". */
  label: string;
  older: SearchDocument[];
  newer: SearchDocument[];
}

/**
 * Edition 2 is the whole set, edition 1 the set without the articles of its newest day (the
 * update the team asked about), edition 0 also without the day before (the update before it).
 */
function editionsOf(documents: SearchDocument[]): { edition0: SearchDocument[]; edition1: SearchDocument[]; updates: [Update, Update] } {
  const days = [...new Set(documents.map(dayOf))].sort();
  const newest = days.at(-1)!;
  const previous = days.at(-2)!;
  const edition1 = documents.filter((d) => dayOf(d) < newest);
  const edition0 = edition1.filter((d) => dayOf(d) < previous);
  const describe = (day: string, older: SearchDocument[], newer: SearchDocument[]): string => {
    const added = newer.length - older.length;
    const olderNewest = older.reduce((max, d) => (dayOf(d) > max ? dayOf(d) : max), '');
    const opens = day.slice(0, 4) !== olderNewest.slice(0, 4) ? `, the first of ${day.slice(0, 4)}` : day.slice(0, 7) !== olderNewest.slice(0, 7) ? `, the first of ${day.slice(0, 7)}` : '';
    return `adding ${day} (${count(added)} article${added === 1 ? '' : 's'}${opens})`;
  };
  return {
    edition0,
    edition1,
    updates: [
      { label: describe(newest, edition1, documents), older: edition1, newer: documents },
      { label: describe(previous, edition0, edition1), older: edition0, newer: edition1 },
    ],
  };
}

/** What changes between two editions: files of the newer one whose name (content hash) the older one lacks. */
interface UpdateCost {
  files: number;
  raw: number;
  gzip: number;
  rawShare: number;
  gzipShare: number;
}

function updateCost(newer: FileSize[], older: FileSize[]): UpdateCost {
  const kept = new Set(older.map((f) => f.name));
  const changed = newer.filter((f) => !kept.has(f.name));
  const raw = sum(changed.map((f) => f.raw));
  const gzip = sum(changed.map((f) => f.gzip));
  return { files: changed.length, raw, gzip, rawShare: raw / sum(newer.map((f) => f.raw)), gzipShare: gzip / sum(newer.map((f) => f.gzip)) };
}

// ───────────────────────────── serialising an index into files ─────────────────────────────

/**
 * A term entry cut into entries of the same term of at most `maxBytes` each (by field, then by
 * documents within a field). Only the most common words of a large archive need it ("the" is
 * 1.8 MB at 100,000 articles); the loader joins adjacent entries of one term back.
 */
function splitEntry(entry: TermEntry, maxBytes: number): TermEntry[] {
  if (jsonBytes(entry) <= maxBytes) return [entry];
  const [term, fields] = entry;
  const emptyBytes = jsonBytes([term, {}]);
  const pieces: TermEntry[] = [];
  let data: TermEntry[1] = {};
  let size = emptyBytes;
  for (const [fieldId, postings] of Object.entries(fields)) {
    let posting: Record<string, number> | undefined;
    for (const [docId, frequency] of Object.entries(postings)) {
      const fieldBytes = Buffer.byteLength(`"${fieldId}":{},`);
      const docBytes = Buffer.byteLength(`"${docId}":${frequency},`);
      if (size + docBytes + (posting ? 0 : fieldBytes) > maxBytes) {
        pieces.push([term, data]);
        data = {};
        size = emptyBytes;
        posting = undefined;
      }
      if (!posting) {
        posting = data[fieldId] = {};
        size += fieldBytes;
      }
      posting[docId] = frequency;
      size += docBytes;
    }
  }
  pieces.push([term, data]);
  return pieces;
}

/**
 * The document table in parts of at most `maxBytes`, by ranges of document numbers; the first
 * part also carries the statistics (document count, average field lengths…). One part when it
 * fits, which is `splitIndex`'s head; `splitIndex` refuses a table that does not fit (10,000
 * articles already need 3 MB).
 */
function splitDocumentTable(table: DocumentTable, maxBytes: number): { part: DocumentTablePart; bytes: number }[] {
  const { documentIds, fieldLength, storedFields, ...statistics } = table;
  const emptyPart = (): DocumentTablePart => ({ documentIds: {}, fieldLength: {}, storedFields: {} });
  const parts: { part: DocumentTablePart; bytes: number }[] = [];
  let part: DocumentTablePart = { ...statistics, ...emptyPart() };
  let size = jsonBytes(part);
  let documents = 0;
  for (const shortId of Object.keys(documentIds)) {
    const stored = storedFields[shortId] as unknown;
    const documentBytes =
      Buffer.byteLength(`"${shortId}":${JSON.stringify(documentIds[shortId])},"${shortId}":${JSON.stringify(fieldLength[shortId])},`) +
      (stored === undefined ? 0 : Buffer.byteLength(`"${shortId}":${JSON.stringify(stored)},`));
    if (documents > 0 && size + documentBytes > maxBytes) {
      parts.push({ part, bytes: size });
      part = emptyPart();
      size = jsonBytes(part);
      documents = 0;
    }
    part.documentIds[shortId] = documentIds[shortId] as unknown;
    part.fieldLength[shortId] = fieldLength[shortId]!;
    if (stored !== undefined) part.storedFields[shortId] = stored;
    size += documentBytes;
    documents++;
  }
  parts.push({ part, bytes: size });
  return parts;
}

/**
 * Designs (a) and (b): an index as `splitIndex` cuts it, in order of MiniSearch's term array:
 * the document table, its last part filled up with terms, then slices of the terms, no file over
 * `maxBytes`. Where `splitIndex` would refuse (a document table over `maxBytes`) the table is cut
 * by document ranges; where it would write an oversized file (one term over `maxBytes`) the term
 * is cut by `splitEntry`.
 */
function packIndex(index: MiniSearch<SearchDocument>, maxBytes: number): { parts: unknown[]; tableParts: number } {
  const { index: terms, ...table } = index.toJSON();
  const tableParts = splitDocumentTable(table, maxBytes);
  const head = tableParts.at(-1)!;
  const slices: TermEntry[][] = [];
  let slice: TermEntry[] = [];
  let size = 2;
  // The head's budget: what its document table leaves, less `,"index":`.
  let budget = maxBytes - head.bytes - 9;
  for (const entry of terms) {
    for (const piece of splitEntry(entry, maxBytes - 2)) {
      const pieceBytes = jsonBytes(piece) + 1;
      if (size + pieceBytes > budget && (slice.length > 0 || budget < maxBytes)) {
        slices.push(slice);
        slice = [];
        size = 2;
        budget = maxBytes;
      }
      slice.push(piece);
      size += pieceBytes;
    }
  }
  slices.push(slice);
  return {
    parts: [...tableParts.slice(0, -1).map((p) => p.part), { ...head.part, index: slices[0] }, ...slices.slice(1)],
    tableParts: tableParts.length,
  };
}

/** Design (a): the global index as files `index`, `index-2`, … (buildBundle's names); how many of them hold the document table. */
function globalFiles(index: MiniSearch<SearchDocument>): { files: ShippedFile[]; tableParts: number } {
  const { parts, tableParts } = packIndex(index, MAX_FILE_BYTES);
  return { files: parts.map((part, i) => shipped(i === 0 ? 'index' : `index-${i + 1}`, JSON.stringify(part))), tableParts };
}

/** A term shard of design (c) and the range of terms it holds (the manifest would list both ends). */
interface TermShard extends ShippedFile {
  first: string;
  last: string;
}

interface TermRangeBundle {
  documents: ShippedFile[];
  shards: TermShard[];
}

/** A term's place in [0, 1), from its FNV-1a hash: the same for the same term in every edition. */
function termFraction(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 0x01000193);
  return (hash >>> 0) / 2 ** 32;
}

/**
 * Design (c): the global index's document table in ≤ 1.5 MiB files, its sorted terms in shards of
 * about 128 KiB. `size` cuts (the design) close a shard when the next term would take it over
 * 128 KiB; `content` cuts (an alternative, for the update figures only) close it after a term
 * with probability its size / 128 KiB, decided by the term's hash, so that a cut stays where it
 * was when terms before it grow (a shard averages 128 KiB all the same).
 */
function termRangeFiles(index: MiniSearch<SearchDocument>, cuts: 'size' | 'content' = 'size'): TermRangeBundle {
  const { index: terms, ...table } = index.toJSON();
  const documents = splitDocumentTable(table, MAX_FILE_BYTES).map(({ part }, i) => shipped(i === 0 ? 'documents' : `documents-${i + 1}`, JSON.stringify(part)));
  // Code-unit order, the order of `<` on strings, which is how a shard's range is tested.
  terms.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const shards: TermShard[] = [];
  let shard: TermEntry[] = [];
  let size = 2;
  const flush = () => {
    // Named by content only: a shard whose terms did not change keeps its address.
    shards.push({ ...shipped('terms', JSON.stringify(shard)), first: shard[0]![0], last: shard.at(-1)![0] });
    shard = [];
    size = 2;
  };
  for (const entry of terms) {
    for (const piece of splitEntry(entry, MAX_FILE_BYTES - 2)) {
      const pieceBytes = jsonBytes(piece) + 1;
      if (shard.length > 0 && size + pieceBytes > (cuts === 'size' ? SHARD_BYTES : MAX_FILE_BYTES)) flush();
      shard.push(piece);
      size += pieceBytes;
      if (cuts === 'content' && termFraction(piece[0]) < pieceBytes / SHARD_BYTES) flush();
    }
  }
  if (shard.length > 0) flush();
  return { documents, shards };
}

/** The period of an article in design (b): its month in the newest year of the set, else its year. */
function periodOf(doc: SearchDocument, newestYear: string): string {
  const year = doc.date.slice(0, 4);
  return year === newestYear ? doc.date.slice(0, 7) : year;
}

/** A part of design (b). */
interface PeriodPart {
  period: string;
  articles: number;
  files: ShippedFile[];
}

/** Design (b): one index per period, newest period first, each packed as (a) is (`index-2024`, `index-2025-01`, …). */
function periodParts(documents: SearchDocument[]): PeriodPart[] {
  const newestYear = documents.reduce((max, d) => (d.date.slice(0, 4) > max ? d.date.slice(0, 4) : max), '');
  const byPeriod = new Map<string, SearchDocument[]>();
  for (const doc of documents) {
    const period = periodOf(doc, newestYear);
    const list = byPeriod.get(period);
    if (list) list.push(doc);
    else byPeriod.set(period, [doc]);
  }
  return [...byPeriod]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([period, docs]) => {
      const files = packIndex(buildIndex(docs), MAX_FILE_BYTES).parts.map((part, i) =>
        shipped(i === 0 ? `index-${period}` : `index-${period}-${i + 1}`, JSON.stringify(part)),
      );
      return { period, articles: docs.length, files };
    });
}

function buildIndex(documents: SearchDocument[]): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>(searchIndexOptions);
  index.addAll(documents);
  return index;
}

// ───────────────────────────── loading and querying ─────────────────────────────

/** Appends term entries, joining an entry to the previous one of the same term (see `splitEntry`). */
function appendTerms(terms: TermEntry[], entries: TermEntry[]): void {
  for (const entry of entries) {
    const previous = terms.at(-1);
    if (previous && previous[0] === entry[0]) {
      for (const [fieldId, postings] of Object.entries(entry[1])) previous[1][fieldId] = { ...previous[1][fieldId], ...postings };
    } else terms.push(entry);
  }
}

/**
 * As the reader loads an index: JSON.parse of each file, the parts joined into MiniSearch's
 * JSON form, then `MiniSearch.loadJS` with the options it was built with. Files are document
 * table parts (objects, the one with statistics first or not) and term slices (arrays).
 */
function loadIndex(files: readonly ShippedFile[]): MiniSearch<SearchDocument> {
  const terms: TermEntry[] = [];
  const tables: DocumentTablePart[] = [];
  for (const file of files) {
    const part = JSON.parse(file.content) as TermEntry[] | (DocumentTablePart & { index?: TermEntry[] });
    if (Array.isArray(part)) appendTerms(terms, part);
    else {
      if (part.index) appendTerms(terms, part.index);
      tables.push(part);
    }
  }
  const head = tables.find((t) => t.documentCount !== undefined);
  if (!head) throw new Error('bench: no file carries the document table statistics');
  for (const part of tables) {
    if (part === head) continue;
    Object.assign(head.documentIds, part.documentIds);
    Object.assign(head.fieldLength, part.fieldLength);
    Object.assign(head.storedFields, part.storedFields);
  }
  return MiniSearch.loadJS<SearchDocument>({ ...(head as DocumentTable), index: terms }, searchIndexOptions);
}

/** A query as the benchmarks run it: `defaultSearchOptions` (every word, the last as a prefix, typos, field boosts). */
function search(index: MiniSearch<SearchDocument>, query: string): Hit[] {
  return index.search(query, defaultSearchOptions).map((r) => {
    const date = String(r.date);
    return { id: String(r.id), score: r.score, date, terms: r.terms, article: `${String(r.slug)} ${date.slice(4)}` };
  });
}

/** Best first; ties by newest, then id (the reader's order), so that lists compare deterministically. */
const byRank = (x: Hit, y: Hit): number => y.score - x.score || y.date.localeCompare(x.date) || x.id.localeCompare(y.id);

/** Design (b)'s query: every part, the hits merged by score. */
function searchParts(indexes: MiniSearch<SearchDocument>[], query: string): Hit[] {
  return indexes.flatMap((index) => search(index, query)).sort((x, y) => y.score - x.score);
}

/** The terms MiniSearch searches for a query (its tokenize and processTerm). */
function queryTerms(query: string): string[] {
  return tokenize(query)
    .flatMap((word) => processTerm(word) ?? [])
    .filter((term) => term.length > 0);
}

/** Design (c): the shards whose range [first, last] can hold a term starting with a key of the query's terms. */
function neededShards(shards: readonly TermShard[], query: string): TermShard[] {
  const keys = [...new Set(queryTerms(query).map(keyOf))];
  return shards.filter((s) => keys.some((key) => s.last >= key && s.first.slice(0, key.length) <= key));
}

/** Warm latency: the queries run `QUERY_PASSES` times each after a warm-up pass. */
function warmLatency(run: (query: string) => unknown): { p50: number; p95: number } {
  for (const { query } of QUERIES) run(query);
  const times: number[] = [];
  for (let pass = 0; pass < QUERY_PASSES; pass++) {
    for (const { query } of QUERIES) {
      const started = performance.now();
      run(query);
      times.push(performance.now() - started);
    }
  }
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

/**
 * Ranking consistency with (a): top-10 overlap (share of (a)'s top 10 also in the design's top 10)
 * and whether the top hit agrees. By `id` (articles as the reader lists them), or by `article`:
 * the copies of one real article that make up a scaled set count as one (the first 10 distinct
 * articles are compared), since copies tie in (a) and are then ordered by date alone.
 */
interface Ranking {
  meanOverlap: number;
  minOverlap: number;
  topAgrees: number;
}

function rankingAgainst(reference: Map<string, Hit[]>, results: Map<string, Hit[]>, by: 'id' | 'article' = 'id'): Ranking {
  const top = (hits: Hit[]): string[] => [...new Set([...hits].sort(byRank).map((h) => h[by]))].slice(0, TOP);
  const overlaps: number[] = [];
  let topAgrees = 0;
  for (const { query } of QUERIES) {
    const want = top(reference.get(query)!);
    const got = new Set(top(results.get(query)!));
    overlaps.push(want.length === 0 ? (got.size === 0 ? 1 : 0) : want.filter((key) => got.has(key)).length / want.length);
    if (want[0] === [...got][0]) topAgrees++;
  }
  return { meanOverlap: mean(overlaps), minOverlap: Math.min(...overlaps), topAgrees };
}

/**
 * Relative score difference two indexes of the same data may show: a hit's score is a sum over the
 * prefix and typo matches of each term, added in the order of MiniSearch's term tree, which
 * depends on the order the terms were loaded in ((c) loads them sorted), so the last bits differ.
 */
const SCORE_TOLERANCE = 1e-12;

/** Whether two result lists are the same hits with the same scores (to {@link SCORE_TOLERANCE}). */
function sameResults(a: Hit[], b: Hit[]): boolean {
  if (a.length !== b.length) return false;
  const scores = new Map(b.map((hit) => [hit.id, hit.score]));
  return a.every((hit) => {
    const other = scores.get(hit.id);
    return other !== undefined && Math.abs(other - hit.score) <= SCORE_TOLERANCE * Math.abs(other);
  });
}

/** The first characters of a term that pick its shards in design (c). */
const keyOf = (term: string): string => [...term].slice(0, KEY_LENGTH).join('');

// ───────────────────────────── the figures ─────────────────────────────

/** One design at one size. Bytes are raw / gzip (level 9, each file on its own, summed). */
interface DesignFigures {
  /** Edition 2 (the whole set): prepare documents + build the index(es) + serialise into files. */
  buildSeconds: number;
  files: FileSize[];
  /** Bytes fetched before the first result of a first visit (for (c), the mean over QUERIES). */
  firstVisit: { raw: number; gzip: number };
  /** JSON.parse + loadJS of those files + the first query (medians; see each design). */
  firstResultMs: number;
  /** Parse + load of every file of the design. */
  loadAllMs: number;
  warm: { p50: number; p95: number };
  /** Heap retained by everything loaded (NaN when no garbage collection could be forced). */
  heapBytes: number;
  updates: UpdateCost[];
  /** Against (a), by id and by article (see `rankingAgainst`); undefined for (a). */
  ranking?: Ranking;
  articleRanking?: Ranking;
}

const DESIGN_NAMES = ['(a) global', '(b) period split', '(c) term range'];

/**
 * Builds and measures the three designs on one article set. The global index of (a) and (c) is
 * built once per edition and serialised both ways (the build time of each counts it in full).
 * Each design's loaded indexes are dropped before the next design is measured.
 */
function measureSize(label: string, composition: string, archive: LoadedArchive, log: (msg: string) => void): string {
  const articles = archive.months.reduce((n, m) => n + m.articles.length, 0);
  // Copies of the most repeated article in the set (1: no copies), keyed as `Hit.article`.
  const copyCounts = new Map<string, number>();
  for (const { slug, date } of archive.months.flatMap((m) => m.articles)) {
    const key = `${slug} ${date.slice(4)}`;
    copyCounts.set(key, (copyCounts.get(key) ?? 0) + 1);
  }
  const copies = Math.max(...copyCounts.values());
  const progress = (msg: string) => log(`${label}: ${msg}`);

  // Documents (shared by every design and edition) and the editions.
  progress('preparing documents (plain text + toSearchDocument)');
  let started = performance.now();
  const documents = searchDocuments(archive);
  const prepareSeconds = seconds(started);
  const { edition0, edition1, updates } = editionsOf(documents);

  // ── The global index, per edition: (a) and (c) files. Older editions keep names and sizes only.
  const globalEditions = new Map<SearchDocument[], { a: FileSize[]; c: FileSize[] }>();
  for (const [name, docs] of [['edition 0', edition0], ['edition 1', edition1]] as const) {
    progress(`global index, ${name} (${count(docs.length)} articles)`);
    let index: MiniSearch<SearchDocument> | undefined = buildIndex(docs);
    const a = sizesOf(globalFiles(index).files);
    const c = termRangeFiles(index);
    index = undefined;
    globalEditions.set(docs, { a, c: sizesOf([...c.documents, ...c.shards]) });
  }
  // The same editions with documents numbered oldest first (the builder adds them newest first,
  // so one new article renumbers every other): what the update would cost if it did not.
  const appendOrder: { a: FileSize[]; c: FileSize[]; cContent: FileSize[] }[] = [];
  for (const [name, docs] of [['edition 1', edition1], ['edition 2', documents]] as const) {
    progress(`global index, ${name}, documents numbered oldest first`);
    let index: MiniSearch<SearchDocument> | undefined = buildIndex([...docs].reverse());
    const a = sizesOf(globalFiles(index).files);
    const c = termRangeFiles(index);
    const cContent = termRangeFiles(index, 'content');
    index = undefined;
    appendOrder.push({ a, c: sizesOf([...c.documents, ...c.shards]), cContent: sizesOf([...cContent.documents, ...cContent.shards]) });
  }
  progress(`global index, edition 2 (${count(documents.length)} articles, timed)`);
  collectGarbage?.();
  started = performance.now();
  let globalIndex: MiniSearch<SearchDocument> | undefined = buildIndex(documents);
  const indexSeconds = seconds(started);
  started = performance.now();
  const aBuilt = globalFiles(globalIndex);
  const aSerialiseSeconds = seconds(started);
  let aFiles: ShippedFile[] | undefined = aBuilt.files;
  const aTableParts = aBuilt.tableParts;
  started = performance.now();
  let cBundle: TermRangeBundle | undefined = termRangeFiles(globalIndex);
  const cSerialiseSeconds = seconds(started);
  globalIndex = undefined;

  // ── (a) global.
  progress('(a) sizes and loads');
  const aSizes = sizesOf(aFiles);
  const loadTimes: number[] = [];
  let aIndex: MiniSearch<SearchDocument> | undefined;
  let aHeap = NaN;
  for (let run = 0; run < LOAD_RUNS; run++) {
    aIndex = undefined;
    const before = heapAfterGc();
    started = performance.now();
    aIndex = loadIndex(aFiles);
    loadTimes.push(performance.now() - started);
    if (run === LOAD_RUNS - 1) aHeap = heapAfterGc() - before;
  }
  // First run of each query on the freshly loaded index.
  const aFirstQuery = QUERIES.map(({ query }) => {
    const t = performance.now();
    aIndex!.search(query, defaultSearchOptions);
    return performance.now() - t;
  });
  progress('(a) queries');
  const aWarm = warmLatency((query) => aIndex!.search(query, defaultSearchOptions));
  const reference = new Map(QUERIES.map(({ query }) => [query, search(aIndex!, query)]));
  aIndex = undefined;
  aFiles = undefined;
  const aSizeTotal = { raw: sum(aSizes.map((f) => f.raw)), gzip: sum(aSizes.map((f) => f.gzip)) };
  const edition1Sizes = globalEditions.get(edition1)!;
  const edition0Sizes = globalEditions.get(edition0)!;
  const a: DesignFigures = {
    buildSeconds: prepareSeconds + indexSeconds + aSerialiseSeconds,
    files: aSizes,
    firstVisit: aSizeTotal,
    firstResultMs: median(loadTimes) + median(aFirstQuery),
    loadAllMs: median(loadTimes),
    warm: aWarm,
    heapBytes: aHeap,
    updates: [updateCost(aSizes, edition1Sizes.a), updateCost(edition1Sizes.a, edition0Sizes.a)],
  };

  // ── (c) term range.
  progress('(c) sizes');
  const { documents: tableFiles, shards } = cBundle;
  const tableSizes = sizesOf(tableFiles);
  const shardSizes = sizesOf(shards);
  const gzipByName = new Map([...tableSizes, ...shardSizes].map((f) => [f.name, f.gzip]));
  const tableBytes = { raw: sum(tableSizes.map((f) => f.raw)), gzip: sum(tableSizes.map((f) => f.gzip)) };
  progress('(c) each query on the document table + its shards');
  const cFirstVisit: { raw: number; gzip: number; shards: number }[] = [];
  const cFirstResult: number[] = [];
  const cPartialTimes: number[] = [];
  const cPartialHeap: number[] = [];
  const cResults = new Map<string, Hit[]>();
  const cDiffering: string[] = [];
  for (const { query } of QUERIES) {
    const needed = neededShards(shards, query);
    cFirstVisit.push({
      raw: tableBytes.raw + sum(needed.map((s) => s.raw)),
      gzip: tableBytes.gzip + sum(needed.map((s) => gzipByName.get(s.name)!)),
      shards: needed.length,
    });
    const before = heapAfterGc();
    started = performance.now();
    let partial: MiniSearch<SearchDocument> | undefined = loadIndex([...tableFiles, ...needed]);
    partial.search(query, defaultSearchOptions);
    cFirstResult.push(performance.now() - started);
    partial.search(query, defaultSearchOptions); // warm-up
    for (let pass = 0; pass < QUERY_PASSES; pass++) {
      const t = performance.now();
      partial.search(query, defaultSearchOptions);
      cPartialTimes.push(performance.now() - t);
    }
    const hits = search(partial, query);
    cResults.set(query, hits);
    if (!sameResults(hits, reference.get(query)!)) {
      // The index terms (a) matched that start otherwise than the query's terms: typos at the start.
      const keys = new Set(queryTerms(query).map(keyOf));
      const crossing = new Set(reference.get(query)!.flatMap((hit) => hit.terms.filter((term) => !keys.has(keyOf(term)))));
      cDiffering.push(`"${query}" (${hits.length} hits, not ${reference.get(query)!.length}; (a) matched ${[...crossing].slice(0, 4).join(', ') || '?'})`);
    }
    cPartialHeap.push(heapAfterGc() - before);
    partial = undefined;
  }
  progress('(c) every shard loaded');
  const cBefore = heapAfterGc();
  started = performance.now();
  let cAll: MiniSearch<SearchDocument> | undefined = loadIndex([...tableFiles, ...shards]);
  const cLoadAllMs = performance.now() - started;
  const cHeap = heapAfterGc() - cBefore;
  const cAllIdentical = QUERIES.filter(({ query }) => sameResults(search(cAll!, query), reference.get(query)!)).length;
  cAll = undefined;
  cBundle = undefined;
  const cSizes = [...tableSizes, ...shardSizes];
  const c: DesignFigures = {
    buildSeconds: prepareSeconds + indexSeconds + cSerialiseSeconds,
    files: cSizes,
    firstVisit: { raw: mean(cFirstVisit.map((f) => f.raw)), gzip: mean(cFirstVisit.map((f) => f.gzip)) },
    firstResultMs: median(cFirstResult),
    loadAllMs: cLoadAllMs,
    // Once every shard is loaded, (c) is the global index: (a)'s warm figures.
    warm: aWarm,
    heapBytes: cHeap,
    updates: [updateCost(cSizes, edition1Sizes.c), updateCost(edition1Sizes.c, edition0Sizes.c)],
    ranking: rankingAgainst(reference, cResults),
    articleRanking: rankingAgainst(reference, cResults, 'article'),
  };
  const cPartialWarm = { p50: percentile(cPartialTimes, 0.5), p95: percentile(cPartialTimes, 0.95) };
  globalEditions.clear();

  // ── (b) period split.
  const bEditions: FileSize[][] = [];
  for (const [name, docs] of [['edition 0', edition0], ['edition 1', edition1]] as const) {
    progress(`(b) parts, ${name}`);
    bEditions.push(sizesOf(periodParts(docs).flatMap((p) => p.files)));
  }
  progress('(b) parts, edition 2 (timed)');
  collectGarbage?.();
  started = performance.now();
  let parts: PeriodPart[] | undefined = periodParts(documents);
  const bBuildSeconds = prepareSeconds + seconds(started);
  progress('(b) sizes and loads');
  const partSizes = parts.map((p) => sizesOf(p.files));
  const bSizes = partSizes.flat();
  const newest = parts[0]!;
  const newestBytes = { raw: sum(partSizes[0]!.map((f) => f.raw)), gzip: sum(partSizes[0]!.map((f) => f.gzip)) };
  const newestLoads: number[] = [];
  let newestIndex: MiniSearch<SearchDocument> | undefined;
  for (let run = 0; run < LOAD_RUNS; run++) {
    newestIndex = undefined;
    started = performance.now();
    newestIndex = loadIndex(newest.files);
    newestLoads.push(performance.now() - started);
  }
  const bFirstQuery = QUERIES.map(({ query }) => {
    const t = performance.now();
    newestIndex!.search(query, defaultSearchOptions);
    return performance.now() - t;
  });
  const newestAnswers = QUERIES.filter(({ query }) => newestIndex!.search(query, defaultSearchOptions).length > 0).length;
  newestIndex = undefined;
  const bBefore = heapAfterGc();
  started = performance.now();
  let partIndexes: MiniSearch<SearchDocument>[] | undefined = parts.map((p) => loadIndex(p.files));
  const bLoadAllMs = performance.now() - started;
  const bHeap = heapAfterGc() - bBefore;
  progress('(b) queries');
  const bWarm = warmLatency((query) => searchParts(partIndexes!, query));
  const bResults = new Map(QUERIES.map(({ query }) => [query, searchParts(partIndexes!, query)]));
  // Bytes until a query has its first hit, the parts fetched newest first.
  const untilHit: { raw: number; gzip: number; parts: number }[] = [];
  for (const { query } of QUERIES) {
    let raw = 0;
    let gzip = 0;
    for (const [i, index] of partIndexes.entries()) {
      raw += sum(partSizes[i]!.map((f) => f.raw));
      gzip += sum(partSizes[i]!.map((f) => f.gzip));
      if (index.search(query, defaultSearchOptions).length > 0) {
        untilHit.push({ raw, gzip, parts: i + 1 });
        break;
      }
    }
  }
  const partCount = parts.length;
  const partsDescription = parts
    .slice(0, 3)
    .map((p) => `${p.period} (${count(p.articles)} article${p.articles === 1 ? '' : 's'}, ${megabytes(sum(p.files.map((f) => f.raw)))} MB)`)
    .join(', ');
  const largestPart = parts.reduce((max, p) => (p.articles > max.articles ? p : max));
  partIndexes = undefined;
  parts = undefined;
  const b: DesignFigures = {
    buildSeconds: bBuildSeconds,
    files: bSizes,
    firstVisit: newestBytes,
    firstResultMs: median(newestLoads) + median(bFirstQuery),
    loadAllMs: bLoadAllMs,
    warm: bWarm,
    heapBytes: bHeap,
    updates: [updateCost(bSizes, bEditions[1]!), updateCost(bEditions[1]!, bEditions[0]!)],
    ranking: rankingAgainst(reference, bResults),
    articleRanking: rankingAgainst(reference, bResults, 'article'),
  };

  // ── The table: one row per figure, one column per design.
  const designs = [a, b, c];
  const mb = (bytes: { raw: number; gzip: number }) => `${megabytes(bytes.raw)} / ${megabytes(bytes.gzip)}`;
  const ms = (value: number, digits = 0) => (Number.isNaN(value) ? 'not collected' : value.toFixed(digits));
  const row = (figure: string, cell: (d: DesignFigures, i: number) => string): string[] => [figure, ...designs.map(cell)];
  const largest = (d: DesignFigures) => d.files.reduce((max, f) => (f.raw > max.raw ? f : max));
  const rows: string[][] = [
    row('files', (d) => count(d.files.length)),
    row('total MB raw / gzip', (d) => mb({ raw: sum(d.files.map((f) => f.raw)), gzip: sum(d.files.map((f) => f.gzip)) })),
    row('largest file MB raw / gzip', (d) => mb(largest(d))),
    row('first visit: MB before 1st result', (d) => mb(d.firstVisit)),
    row('first visit: ms to 1st result', (d) => ms(d.firstResultMs)),
    row('load everything ms', (d) => ms(d.loadAllMs)),
    row('warm query p50 / p95 ms', (d, i) => `${i === 2 ? '= (a): ' : ''}${ms(d.warm.p50, 2)} / ${ms(d.warm.p95, 2)}`),
    row('warm, needed shards only', (_, i) => (i === 2 ? `${ms(cPartialWarm.p50, 2)} / ${ms(cPartialWarm.p95, 2)}` : '—')),
    row('heap after loading all MB', (d) => (Number.isNaN(d.heapBytes) ? 'not collected' : megabytes(d.heapBytes))),
    ...updates.map((update, u) =>
      row(`update ${u === 0 ? '1→2' : '0→1'}: changed raw / gzip`, (d) => `${percent(d.updates[u]!.rawShare)} / ${percent(d.updates[u]!.gzipShare)} (${d.updates[u]!.files} f)`),
    ),
    row('top-10 overlap with (a) mean / min', (d) => (d.ranking ? `${percent(d.ranking.meanOverlap)} / ${percent(d.ranking.minOverlap)}` : 'reference')),
    row('top-1 same as (a)', (d) => (d.ranking ? `${d.ranking.topAgrees}/${QUERIES.length}` : 'reference')),
    row('build s', (d) => d.buildSeconds.toFixed(1)),
    row('articles/s', (d) => count(Math.round(articles / d.buildSeconds))),
  ];

  const shardRaw = shardSizes.map((f) => f.raw);
  const lines = [
    `${label}: ${composition}`,
    '',
    table(['figure', ...DESIGN_NAMES], rows),
    '',
    `update 1→2: edition 1 → edition 2, ${updates[0].label}; update 0→1: ${updates[1].label}. Changed = files of the newer edition whose content-hashed name the older lacks, as a share of the newer edition's bytes (f = files).`,
    `(a): the document table fills the first ${aTableParts} of ${aSizes.length} files. Documents prepared in ${prepareSeconds.toFixed(1)} s, global index built in ${indexSeconds.toFixed(1)} s (both counted in the build time of (a) and of (c)), serialised in ${aSerialiseSeconds.toFixed(1)} s.`,
    `(b): ${partCount} parts; newest first ${partsDescription}; largest ${largestPart.period} (${count(largestPart.articles)} articles). ` +
      `The newest part alone answers ${newestAnswers}/${QUERIES.length} queries. Fetching parts newest first until the query has a hit (${untilHit.length}/${QUERIES.length} queries have one): ` +
      `mean ${mb({ raw: mean(untilHit.map((h) => h.raw)), gzip: mean(untilHit.map((h) => h.gzip)) })} MB, ${mean(untilHit.map((h) => h.parts)).toFixed(1)} parts (median ${median(untilHit.map((h) => h.parts))}).`,
    `(c): document table ${mb(tableBytes)} MB in ${tableFiles.length} file${tableFiles.length === 1 ? '' : 's'}; ${count(shards.length)} term shards (median ${(median(shardRaw) / 1024).toFixed(0)} KiB raw, largest ${(Math.max(...shardRaw) / 1024).toFixed(0)} KiB); ` +
      `a query needs ${mean(cFirstVisit.map((f) => f.shards)).toFixed(1)} shards on average (max ${Math.max(...cFirstVisit.map((f) => f.shards))}), heap ${Number.isNaN(mean(cPartialHeap)) ? 'not collected' : `${megabytes(mean(cPartialHeap))} MB mean, ${megabytes(Math.max(...cPartialHeap))} MB max`} with the document table + those shards loaded; serialised in ${cSerialiseSeconds.toFixed(1)} s.`,
    `(c) verified by querying: with only the needed shards loaded, ${QUERIES.length - cDiffering.length}/${QUERIES.length} queries return exactly (a)'s hits and scores` +
      (cDiffering.length > 0 ? `; differing: ${cDiffering.join('; ')}` : '') +
      `. With every shard loaded, ${cAllIdentical}/${QUERIES.length}. Same = the same hits with scores equal to ${SCORE_TOLERANCE} relative (the order in which a hit's prefix and typo matches are summed follows the loaded term tree, so the last bits differ).`,
    `Ranking by article (the copies of one article counted as one; ${copies > 1 ? `this set holds up to ${copies} copies of an article, which tie in (a)` : 'this set has no copies, so these are the figures of the table'}): ` +
      ([['(b)', b], ['(c)', c]] as const)
        .map(([name, d]) => `${name} top-10 overlap mean ${percent(d.articleRanking!.meanOverlap)}, min ${percent(d.articleRanking!.minOverlap)}, top-1 same ${d.articleRanking!.topAgrees}/${QUERIES.length}`)
        .join('; ') +
      '.',
    `Update 1→2 if the builder numbered documents oldest first (new articles last) instead of newest first: (a) ${costText(updateCost(appendOrder[1]!.a, appendOrder[0]!.a))}; ` +
      `(c) ${costText(updateCost(appendOrder[1]!.c, appendOrder[0]!.c))}; (c) with content-defined cuts (${count(appendOrder[1]!.cContent.length)} files) ${costText(updateCost(appendOrder[1]!.cContent, appendOrder[0]!.cContent))}.`,
    `Peak RSS of the run so far: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB.`,
  ];
  return lines.join('\n');
}

function costText(cost: UpdateCost): string {
  return `${percent(cost.rawShare)} raw / ${percent(cost.gzipShare)} gzip changed (${cost.files} files)`;
}

/** What each figure means, printed under the tables. */
const NOTES = [
  'Designs: (a) one MiniSearch over every article (as buildBundle builds it); (b) one MiniSearch per period, a part per month for the newest calendar year of the set and a part per older year, a query runs on every part and the hits are merged by score (each part has its own BM25 statistics); (c) the global MiniSearch with its term array sorted and cut into shards of about 128 KiB raw (one term larger than that gets a shard of its own), and its document table (the JSON without `index`) in files of its own; a query needs the document table and every shard whose [first term, last term] range can hold a term starting with the first two characters of one of its terms.',
  'Files: JSON, at most 1.5 MiB each, named by content hash. (a) and each part of (b) are cut as buildBundle\'s splitIndex cuts: the document table, then slices of the term array, the first filling the table\'s file. Where splitIndex would refuse (a document table over 1.5 MiB: from 10,000 articles) the table is cut by document ranges; where it would write an oversized slice (one term over 1.5 MiB: "the" at 100,000 articles) the term is cut by field and documents and joined back on load.',
  'Sizes: MB = 10^6 bytes, raw / gzip (level 9, each file on its own, summed). First visit: bytes fetched before the first result can show: (a) every file; (b) the newest part only (the reader answers from what has arrived); (c) the document table and the shards the query needs, mean over the queries.',
  `Times (this Node process, no CPU throttling; a phone is several times slower). First result = JSON.parse + MiniSearch.loadJS of those files + the query: (a) and (b) the median of ${LOAD_RUNS} loads + the median over the queries of each query's first run on the fresh index; (c) per query, its files loaded afresh and the query run, median over the queries. Load everything = parse + loadJS of every file (one run; (a) the median of ${LOAD_RUNS}). Warm p50 / p95: nearest rank over ${QUERY_PASSES} timed passes over the ${QUERIES.length} queries after a warm-up pass, every hit returned; (b) runs every part and merges; (c) with every shard loaded is the global index, so its figure is (a)'s; "needed shards only" times each query ${QUERY_PASSES} times on an index of the document table + its shards (after its first run).`,
  'Heap: V8 heap used after a full garbage collection with everything loaded, less the heap before loading (the files\' strings excluded).',
  'Updates: edition 2 = the whole set, edition 1 = without the articles of its newest day, edition 0 = also without the day before. Each edition is built from scratch with the same rules (for (b) its newest calendar year decides which year is cut by month).',
  'Ranking: for each query, the share of (a)\'s top 10 that the design also ranks in its top 10 (mean and minimum over the queries; 100 % when both find nothing), and whether the top hit is the same. Ties are ordered newest first, then by id. (c) is measured with only the query\'s shards loaded.',
  'Build s = preparing the documents (plain text of every body + toSearchDocument) + building the index(es) + serialising into files, for edition 2; articles/s = articles / build s.',
];

/** The 1, 5 and 15 minute load averages: other work on the machine slows every time figure. */
const loadAverage = (): string => os.loadavg().map((n) => n.toFixed(1)).join(' / ');

/** Runs the benchmark at 10,000 and 100,000 articles and returns the printed text. */
export async function bundleDesigns(log: (msg: string) => void = () => {}): Promise<string> {
  const started = performance.now();
  const cpus = os.cpus();
  const kinds = new Map<string, number>();
  for (const { kind } of QUERIES) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  const out: string[] = [
    'Search bundle designs: (a) global index, (b) period split, (c) term range, on the same real articles and queries',
    `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, V8 heap limit ${(v8.getHeapStatistics().heap_size_limit / 2 ** 30).toFixed(1)} GiB, heap figures ${collectGarbage ? 'after forced garbage collection' : 'not collected (global.gc unavailable)'}, load average ${loadAverage()} at the start`,
    `${QUERIES.length} queries: ${[...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ')}`,
  ];
  log('reading the archive and importing the HuffPost records');
  const pool = await loadArticlePool();
  for (const size of SIZES) {
    const label = `${count(size)} articles`;
    log(`${label}: building the article set`);
    const set = scaledArchive(pool, size);
    out.push('', measureSize(label, set.composition, set.archive, log));
    collectGarbage?.();
  }
  out.push('', ...NOTES, '', `bench/bundleDesigns.ts: ${seconds(started).toFixed(0)} s in all; load average ${loadAverage()} at the end`);
  return out.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const progress = (msg: string) => process.stderr.write(`  … ${msg} (RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB)\n`);
  console.log(await bundleDesigns(progress));
}
