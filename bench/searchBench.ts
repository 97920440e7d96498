/**
 * Search benchmark: for the default archive, 10,000 and 100,000 real articles (see `corpus.ts`),
 * our MiniSearch index (the one `buildBundle` ships, loaded as the reader loads it), FlexSearch
 * and Lunr over the same documents and the same queries: build time, size of what each would ship
 * (raw and gzip), load time (parse + load, median of a few runs) and warm query latency (p50,
 * p95). Engines run one at a time with a garbage collection in between, so that 100,000 articles
 * fit in V8's default heap (4 GiB on a machine with 16 GiB or more; elsewhere run it with
 * NODE_OPTIONS=--max-old-space-size=4096). Figures only, never assertions.
 */
import os from 'node:os';
import { runInNewContext } from 'node:vm';
import v8 from 'node:v8';
import { gzipSync } from 'node:zlib';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { defaultSearchOptions, searchIndexOptions, toSearchDocument, type SearchDocument } from '../src/core/searchOptions';
import { indexPartFiles } from '../src/librarian/bundle/indexPartFiles';
import { htmlToText } from '../src/librarian/bundle/htmlToText';
import type { LoadedArchive } from '../src/librarian/archive/readArchive';
import { addIndexPart, parseIndexPart } from '../src/search/indexParts';
import { type BenchArchive, defaultArchive, loadArticlePool, scaledArchive } from './corpus';
import { flexSearchIndex } from './flexSearchIndex';

/**
 * The same queries for every engine, fitted to the benchmark sets (newswire, a government web
 * team's news, HuffPost headlines): single words, two words, places, a word being typed (prefix),
 * typos, and headlines taken from the corpora (searched as their words, as every engine here
 * does).
 */
export const QUERIES: readonly { kind: 'word' | 'two words' | 'place' | 'prefix' | 'typo' | 'phrase'; query: string }[] = [
  ...queriesOf('word', ['coffee', 'cocoa', 'inflation', 'tariffs', 'dividend', 'accessibility', 'cybersecurity', 'wheat', 'election', 'vaccine', 'opec']),
  ...queriesOf('two words', [
    'oil prices', 'interest rates', 'trade deficit', 'central bank', 'money supply', 'crude oil', 'stock split',
    'plain language', 'open data', 'user experience', 'social media', 'supreme court',
  ]),
  ...queriesOf('place', ['brazil', 'tokyo', 'kuwait', 'new zealand', 'west germany', 'washington']),
  ...queriesOf('prefix', ['accessib', 'petrol', 'acquisit', 'gover', 'interest ra', 'exchange rat', 'open dat']),
  ...queriesOf('typo', ['goverment', 'acessibility', 'inflaton', 'petroluem', 'aquisition', 'brazillian', 'analitics']),
  // Headlines of the Reuters, DigitalGov, HuffPost and seed articles.
  ...queriesOf('phrase', [
    'Bahia cocoa review',
    'Dutch sugar beet planting half finished',
    'Bache Canada buys Toronto Stock Exchange seat',
    'Trends on Tuesday',
    'Federal Mobile Apps Directory',
    'Netflix Suspends Service In Russia',
    'Albu Kamal',
  ]),
];

function queriesOf<K extends string>(kind: K, queries: string[]): { kind: K; query: string }[] {
  return queries.map((query) => ({ kind, query }));
}

/**
 * Load runs per engine (the median is reported), and timed passes over the queries after one
 * warm-up pass: each up to its count, fewer once the runs so far have taken the budget, which
 * keeps 100,000 articles to minutes (a single pass of Lunr's queries takes tens of seconds there).
 */
export const LOAD_RUNS = 3;
const LOAD_BUDGET_MS = 10_000;
export const QUERY_PASSES = 3;
const QUERY_BUDGET_MS = 15_000;

/** One file of a serialised index, as the engine would ship it. */
interface ShippedFile {
  name: string;
  content: string;
}

/** Answers a query with the number of hits (every hit, ranked: the reader pages and counts them). */
type Searcher = (query: string) => number;

interface Engine {
  name: string;
  /** Builds the index and serialises it into the files the engine would ship. */
  build(set: BenchArchive, documents: SearchDocument[]): ShippedFile[];
  /** Parses and loads the shipped files into a searchable index. */
  load(files: ShippedFile[], documentCount: number): Searcher;
  /** A remark on the shipped files for the output (their sizes in bytes, raw and gzip). */
  detail?(files: { name: string; raw: number; gzip: number }[]): string;
  /** Measured instead when `build` refuses an archive with a prefixed error (`bundle: …`). */
  fallback?: Engine;
}

export interface EngineFigures {
  engine: string;
  docs: number;
  buildSeconds: number;
  rawBytes: number;
  gzipBytes: number;
  files: number;
  loadMs: number;
  loadRuns: number;
  p50Ms: number;
  p95Ms: number;
  /** Timed query runs p50 and p95 are taken from. */
  querySamples: number;
  medianHits: number;
  /** Queries at least one result was found for. */
  answered: number;
  /** See `Engine.detail`. */
  detail?: string;
  /** Why these figures are the fallback engine's. */
  note?: string;
}

export interface SizeFigures {
  label: string;
  composition: string;
  articles: number;
  /** Plain text of every body + `toSearchDocument`: the documents FlexSearch and Lunr index. */
  prepareSeconds: number;
  engines: EngineFigures[];
}

/** The documents `buildBundle` indexes, built the same way (display names for categories and tags, plain-text bodies). */
export function searchDocuments(archive: LoadedArchive): SearchDocument[] {
  const categoryNames = new Map(archive.meta.categories.map((c) => [c.slug, c.name]));
  const tagNames = new Map(archive.meta.tags.map((t) => [t.slug, t.name]));
  return archive.months.flatMap((month) =>
    month.articles.map((article) =>
      toSearchDocument(article, (slug) => categoryNames.get(slug) ?? slug, (slug) => tagNames.get(slug) ?? slug, htmlToText(article.body)),
    ),
  );
}

/** As the reader loads our index (src/search/searchIndex.ts): the head, then the slices of its terms. */
function loadOurIndex(files: ShippedFile[]): Searcher {
  // news-bundle/3: a part per period (`index-<period>`, `index-<period>-2`, …), added to one index as the reader adds them.
  const parts = new Map<string, string[]>();
  for (const file of files) {
    const period = /^index-(\d{4}(?:-\d{2})?|all)[.-]/.exec(file.name)?.[1] ?? '';
    parts.set(period, [...(parts.get(period) ?? []), file.content]);
  }
  const index = new MiniSearch<SearchDocument>(searchIndexOptions);
  for (const texts of parts.values()) addIndexPart(index, parseIndexPart(texts));
  return (query) => index.search(query, defaultSearchOptions).length;
}

/** Our index when buildBundle refuses the archive: the same options and documents, as one JSON file. */
const oursUnsplit: Engine = {
  name: 'MiniSearch (ours)*',
  build(_set, documents) {
    const index = new MiniSearch<SearchDocument>(searchIndexOptions);
    index.addAll(documents);
    return [{ name: 'index.json', content: JSON.stringify(index) }];
  },
  load: loadOurIndex,
};

const ours: Engine = {
  name: 'MiniSearch (ours)',
  // The whole index as one MiniSearch, as the reader holds it once every term is loaded (the
  // bundle's on-demand files, news-bundle/4, are measured by bench/indexDesign.ts).
  build(_set, documents) {
    return indexPartFiles(documents, 1.5 * 1024 * 1024).map((content, i) => ({ name: `index-all-${i + 1}.json`, content: content.toString('utf8') }));
  },
  load: loadOurIndex,
  fallback: oursUnsplit,
};

const flexSearch: Engine = {
  name: 'FlexSearch',
  build(_set, documents) {
    const index = flexSearchIndex();
    documents.forEach((doc, n) => index.add({ ...doc, n }));
    const files: ShippedFile[] = [];
    index.export((name, content) => void files.push({ name, content }));
    return files;
  },
  load(files, documentCount) {
    const index = flexSearchIndex();
    for (const file of files) index.import(file.name, file.content);
    // Every hit, like the other engines (FlexSearch's default limit is 100 per field).
    return (query) => index.search(query, { limit: documentCount, merge: true, enrich: true }).length;
  },
};

/** Edit distance MiniSearch allows for a term under `defaultSearchOptions` (absolute, or a fraction of its length). */
function allowedEditDistance(term: string, i: number, terms: string[]): number {
  const { fuzzy, maxFuzzy = 6 } = defaultSearchOptions;
  const value = typeof fuzzy === 'function' ? fuzzy(term, i, terms) : fuzzy;
  if (!value) return 0;
  const distance = value === true ? 0.2 : value;
  return distance < 1 ? Math.min(maxFuzzy, Math.round(term.length * distance)) : distance;
}

function wantsPrefix(term: string, i: number, terms: string[]): boolean {
  const { prefix } = defaultSearchOptions;
  return typeof prefix === 'function' ? prefix(term, i, terms) : !!prefix;
}

/**
 * Our query semantics in Lunr: every word required (`combineWith: 'AND'`), each typo-tolerant by
 * the edit distance MiniSearch would allow, the last one also as a prefix. A Lunr clause is
 * either fuzzy or a wildcard, never both, so a query that wants a prefix runs twice (last word
 * fuzzy, then last word as prefix) and each document keeps its best score, as the reader merges
 * alias variants. Stop words are dropped from the query, as Lunr drops them from the index.
 */
function lunrSearch(index: lunr.Index, query: string): lunr.Index.Result[] {
  const terms = lunr
    .tokenizer(query)
    .map((token) => lunr.stopWordFilter(lunr.trimmer(token)) as lunr.Token | undefined)
    .map((token) => token?.toString() ?? '')
    .filter((term) => term.length > 0);
  if (terms.length === 0) return [];
  const required = lunr.Query.presence.REQUIRED;
  const run = (lastAsPrefix: boolean) =>
    index.query((q) => {
      terms.forEach((term, i) => {
        if (lastAsPrefix && i === terms.length - 1) {
          // Index terms are stemmed, the prefix must not be (and the trimmer would eat the '*').
          q.term(term, { presence: required, wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false });
        } else {
          const editDistance = allowedEditDistance(term, i, terms);
          q.term(term, editDistance > 0 ? { presence: required, editDistance } : { presence: required });
        }
      });
    });
  const exact = run(false);
  if (!wantsPrefix(terms[terms.length - 1]!, terms.length - 1, terms)) return exact;
  const best = new Map(exact.map((r) => [r.ref, r]));
  for (const r of run(true)) if ((best.get(r.ref)?.score ?? -Infinity) < r.score) best.set(r.ref, r);
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/** What a hit carries (see `StoredFields`), by document number: Lunr keeps only refs. */
type LunrStored = Pick<SearchDocument, 'id' | 'title' | 'date' | 'slug' | 'categorySlug' | 'outlets' | 'category'>[];

const lunrEngine: Engine = {
  name: 'Lunr',
  // Refs are document numbers (as for FlexSearch); field boosts are build-time in Lunr.
  build(_set, documents) {
    const boost: Record<string, number> = defaultSearchOptions.boost ?? {};
    const index = lunr(function () {
      this.ref('n');
      for (const field of searchIndexOptions.fields) this.field(field, { boost: boost[field] ?? 1 });
      documents.forEach((doc, n) => this.add({ ...doc, n }));
    });
    const stored: LunrStored = documents.map(({ id, title, date, slug, categorySlug, outlets, category }) => ({ id, title, date, slug, categorySlug, outlets, category }));
    return [
      { name: 'lunr-index.json', content: JSON.stringify(index) },
      { name: 'lunr-stored.json', content: JSON.stringify(stored) },
    ];
  },
  detail(files) {
    const stored = files.find((file) => file.name === 'lunr-stored.json')!;
    return `of which the stored fields: ${megabytes(stored.raw)} MB raw, ${megabytes(stored.gzip)} MB gzip`;
  },
  load(files) {
    const index = lunr.Index.load(JSON.parse(files[0]!.content) as object);
    const stored = JSON.parse(files[1]!.content) as LunrStored;
    return (query) => lunrSearch(index, query).map((result) => stored[Number(result.ref)]).length;
  },
};

const ENGINES: readonly Engine[] = [ours, flexSearch, lunrEngine];

/** What each engine does and how it differs from ours, printed under the tables. */
export const ENGINE_NOTES = [
  'MiniSearch (ours): searchIndexOptions, queried with defaultSearchOptions (every word required, the last one also as a prefix, typo-tolerant, field boosts). Build = the librarian’s index writer (indexPartFiles) over every article, as one MiniSearch (the reader of news-bundle/4 loads its terms on demand: bench/indexDesign.ts); size = its ≤1.5 MiB files; load = parse them + add them to one MiniSearch.',
  'MiniSearch (ours)*: buildBundle refused the archive (reason under the table), so the same index is built from the prepared documents with searchIndexOptions and serialised as one JSON file: what buildBundle would write if it could.',
  'FlexSearch: Document index over the same 8 fields, storing the same fields plus the article id, document numbers as ids; tokenize "forward" (prefix on every word); no typo tolerance (FlexSearch has none); a multi-word query matches within one field only (each field is searched on its own, the results merged); no field boosts. Size = its export() parts; load = import() of each.',
  'Lunr: the same 8 fields with our boosts (build-time in Lunr), document numbers as refs; stemming and stop words (its defaults); every word required, typo-tolerant by the edit distances defaultSearchOptions allows, the last word also as a prefix (two queries merged: a Lunr clause cannot be both fuzzy and a prefix). Lunr stores no fields, so its size is JSON.stringify(index) plus the stored fields as a second JSON file (given under each table).',
  'Build s = build + serialise; FlexSearch, Lunr and ours* start from the prepared documents (preparing them is timed under each table), ours from the archive. Latency: warm (after one pass over the queries), every hit returned and ranked, nearest-rank percentiles. MB = 10^6 bytes; gzip: each file on its own, level 6.',
];

/** `global.gc` when node runs with --expose-gc; otherwise the same function obtained at run time. */
export const collectGarbage: (() => void) | undefined = (() => {
  if (typeof globalThis.gc === 'function') return globalThis.gc as () => void;
  try {
    v8.setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
})();

/** One line about the machine the figures come from. */
export function machineDescription(): string {
  const cpus = os.cpus();
  const heapLimit = v8.getHeapStatistics().heap_size_limit / 2 ** 30;
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, V8 heap limit ${heapLimit.toFixed(1)} GiB, ${collectGarbage ? 'garbage collected between engines' : 'no explicit garbage collection (global.gc unavailable)'}`;
}

/** Bytes as MB (10^6), two decimals. */
export function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(2);
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

function benchmarkEngine(engine: Engine, set: BenchArchive, documents: SearchDocument[]): EngineFigures {
  collectGarbage?.();
  let started = performance.now();
  let files: ShippedFile[] | undefined = engine.build(set, documents);
  const buildSeconds = (performance.now() - started) / 1000;
  collectGarbage?.();
  // Each file is served (and compressed) on its own.
  const sizes = files.map((file) => ({ name: file.name, raw: Buffer.byteLength(file.content), gzip: gzipSync(file.content).length }));
  const rawBytes = sizes.reduce((sum, file) => sum + file.raw, 0);
  const gzipBytes = sizes.reduce((sum, file) => sum + file.gzip, 0);

  const loadTimes: number[] = [];
  let search: Searcher | undefined;
  for (let spent = 0; loadTimes.length < LOAD_RUNS && spent < LOAD_BUDGET_MS; spent += loadTimes.at(-1)!) {
    search = undefined;
    collectGarbage?.();
    started = performance.now();
    search = engine.load(files, set.articleCount);
    loadTimes.push(performance.now() - started);
  }
  const fileCount = files.length;
  files = undefined;
  collectGarbage?.();

  // The warm-up pass, which also counts the hits.
  const hits = QUERIES.map(({ query }) => search!(query));
  const latencies: number[] = [];
  for (let pass = 0, spent = 0; pass < QUERY_PASSES && spent < QUERY_BUDGET_MS; pass++) {
    for (const { query } of QUERIES) {
      started = performance.now();
      search!(query);
      const ms = performance.now() - started;
      latencies.push(ms);
      spent += ms;
    }
  }
  return {
    engine: engine.name,
    docs: set.articleCount,
    buildSeconds,
    rawBytes,
    gzipBytes,
    files: fileCount,
    loadMs: median(loadTimes),
    loadRuns: loadTimes.length,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    querySamples: latencies.length,
    medianHits: median(hits),
    answered: hits.filter((n) => n > 0).length,
    detail: engine.detail?.(sizes),
  };
}

/** Engines whose build refused an archive (and why): larger archives go straight to the fallback. */
type Refusals = Map<Engine, string>;

function benchmarkSet(label: string, set: BenchArchive, refusals: Refusals, onProgress: (message: string) => void): SizeFigures {
  collectGarbage?.();
  const started = performance.now();
  const documents = searchDocuments(set.archive);
  const prepareSeconds = (performance.now() - started) / 1000;
  const engines: EngineFigures[] = [];
  for (const engine of ENGINES) {
    if (!refusals.has(engine) || !engine.fallback) {
      onProgress(`${label}: ${engine.name}`);
      const attempt = performance.now();
      try {
        engines.push(benchmarkEngine(engine, set, documents));
        continue;
      } catch (error) {
        if (!engine.fallback || !(error instanceof Error) || !/^\w+: /.test(error.message)) throw error;
        const seconds = ((performance.now() - attempt) / 1000).toFixed(1);
        refusals.set(engine, `${error.message} (refused at ${set.articleCount.toLocaleString('en-US')} articles, after ${seconds} s)`);
      }
    }
    onProgress(`${label}: ${engine.fallback.name}`);
    engines.push({ ...benchmarkEngine(engine.fallback, set, documents), note: refusals.get(engine) });
  }
  return { label, composition: set.composition, articles: set.articleCount, prepareSeconds, engines };
}

/**
 * Runs the benchmark size by size (the default archive, then `sizes`), yielding each size's
 * figures as soon as they are measured. Only one size's articles are in memory at a time.
 */
export async function* searchBenchmark(
  sizes: readonly number[] = [10_000, 100_000],
  onProgress: (message: string) => void = () => {},
): AsyncGenerator<SizeFigures> {
  onProgress('reading the archive and importing the HuffPost records');
  const pool = await loadArticlePool();
  const refusals: Refusals = new Map();
  yield benchmarkSet('default archive', defaultArchive(pool), refusals, onProgress);
  for (const size of sizes) {
    const label = `${size.toLocaleString('en-US')} articles`;
    onProgress(`${label}: building the article set`);
    yield benchmarkSet(label, scaledArchive(pool, size), refusals, onProgress);
  }
}
