/**
 * Today's index design against the on-demand index, on full-text sets: the DigitalGov articles
 * (and the seed pages) of the default archive repeated with new ids and dates shifted by whole
 * years (`scaledArchive` with no HuffPost record), at 10,000 and 100,000 articles.
 *
 * (a) today: the index in parts by period, all added to one MiniSearch: a first answer over the
 *     whole archive needs every part, which is one MiniSearch over every article (its JSON is
 *     measured: the parts together are that size, give or take their own statistics).
 * (b) on demand: `termIndexFiles` (the librarian's writer) read by `createTermIndex` (the
 *     reader's): term shards in layers, a dictionary per layer for typos, documents by id chunk.
 *
 * For each query of `QUERIES` (searchBench.ts), from a cold start with every file in memory: the
 * files a first result needs (the manifest's index section, the shards, dictionaries and
 * documents files of the top 10), raw and gzip, and the time to the first result; then warm
 * p50/p95 (the query alone), heap, build time, files, what a one-day edition changes, and the top
 * 10 of (b) against (a) (`defaultSearchOptions`: every word, the last as a prefix, typos by length).
 *
 * `node --expose-gc --import tsx bench/indexDesign.ts [--quick] [--no-global]` (--quick: 10,000
 * only; --no-global: (b) alone, for 100,000 full-text articles, whose one MiniSearch does not fit
 * V8's default 4 GiB heap). Figures, never assertions; the machine is shared, so times are rough
 * and sizes exact.
 */
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import type { BundleManifest, BundleSearchIndex } from '../src/core/format';
import { htmlToPlainText } from '../src/core/htmlToPlainText';
import { defaultSearchOptions, fuzzyDistance, MIN_PREFIX_LENGTH, searchIndexOptions, toSearchDocument, type SearchDocument } from '../src/core/searchOptions';
import { processTerm, tokenize } from '../src/core/searchTerms';
import { monthKey } from '../src/core/monthKey';
import type { Article, MonthKey } from '../src/core/types';
import { readArchive } from '../src/librarian/archive/readArchive';
import { contentHash } from '../src/librarian/bundle/buildBundle';
import { indexPartFiles } from '../src/librarian/bundle/indexPartFiles';
import { byIndexOrder, DEFAULT_SHARD_BYTES, indexLayers, termIndexFiles, type TermIndexFiles } from '../src/librarian/bundle/termIndexFiles';
import { createTermIndex, type TermNeed } from '../src/search/termIndex';
import { DEFAULT_ARCHIVE_DIR, scaledArchive, type ArticlePool } from './corpus';
import { collectGarbage, QUERIES } from './searchBench';
import { bytes, count, ms, progress, table } from './table';

const MAX_FILE_BYTES = 1.5 * 1024 * 1024;
const TOP = 10;
const WARM_PASSES = 5;
/** Articles of the one-day edition. */
const DAY_ARTICLES = 20;

/** The pool of `corpus.ts` without HuffPost and Reuters: the DigitalGov full texts only (the figures in ARCHITECTURE.md). */
async function fullTextPool(): Promise<ArticlePool> {
  const archive = await readArchive(DEFAULT_ARCHIVE_DIR);
  const archiveArticles = archive.months.flatMap((m) => m.articles).sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  const years = archiveArticles.map((a) => Number(a.date.slice(0, 4)));
  return { archive, archiveArticles, reuters: [], reutersCategories: [], huffpost: [], huffpostMeta: archive.meta, yearsPerCopy: Math.max(...years) - Math.min(...years) + 1 };
}

interface Corpus {
  documents: SearchDocument[];
  months: { month: MonthKey; count: number }[];
}

/** The documents in short-id order, as the builder orders them, and the months (oldest first). */
function corpusOf(articles: Article[], label: (slug: string) => string): Corpus {
  const sorted = [...articles].sort(byIndexOrder);
  const months: { month: MonthKey; count: number }[] = [];
  for (const article of sorted) {
    const month = monthKey(article.date);
    const last = months.at(-1);
    if (last?.month === month) last.count++;
    else months.push({ month, count: 1 });
  }
  return { documents: sorted.map((a) => toSearchDocument(a, label, label, htmlToPlainText(a.body))), months };
}

function gzip(text: string): number {
  return gzipSync(text, { level: 9 }).length;
}

function heapMb(): number {
  collectGarbage?.();
  return v8.getHeapStatistics().used_heap_size / 1e6;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

/** What `defaultSearchOptions` asks of each term of a query. */
function needsOf(query: string): TermNeed[] {
  const terms = tokenize(query).flatMap((t) => {
    const p = processTerm(t);
    return Array.isArray(p) ? p : p ? [p] : [];
  });
  return terms.map((term, i) => ({ term, prefix: i === terms.length - 1 && term.length >= MIN_PREFIX_LENGTH, fuzzy: fuzzyDistance(term) }));
}

interface Built {
  files: TermIndexFiles;
  manifest: BundleManifest & { index: BundleSearchIndex };
  byName: Map<string, string>;
  seconds: number;
}

function buildOnDemand(corpus: Corpus, shardBytes: number): Built {
  const started = performance.now();
  const files = termIndexFiles(corpus.documents, indexLayers(corpus.months), (stem, content) => `${stem}.${contentHash(content)}.json`, {
    shardBytes,
    maxFileBytes: MAX_FILE_BYTES,
  });
  const seconds = (performance.now() - started) / 1000;
  const manifest = { months: [...corpus.months].reverse().map((m) => ({ ...m, files: [] })), index: files.index } as unknown as BundleManifest & { index: BundleSearchIndex };
  return { files, manifest, byName: new Map(files.files), seconds };
}

interface QueryCost {
  query: string;
  raw: number;
  gzip: number;
  files: number;
  ms: number;
  /** Gzip bytes by kind of file: the manifest's index section, shards, dictionaries, documents. */
  kinds: Record<'manifest' | 'terms' | 'dictionary' | 'documents', number>;
}

/** A cold start per query: a new index, the query's files from memory, the first 10 hits' documents. */
async function coldQuery(built: Built, query: string, manifestIndexGzip: number, manifestIndexRaw: number): Promise<QueryCost> {
  const read = new Set<string>();
  const started = performance.now();
  const termIndex = createTermIndex(built.manifest, async (file) => {
    read.add(file);
    return built.byName.get(file)!;
  });
  await termIndex.loadTerms(needsOf(query));
  const top = termIndex.index.search(query, defaultSearchOptions).slice(0, TOP);
  await termIndex.loadDocuments(top);
  const elapsed = performance.now() - started;
  let raw = manifestIndexRaw;
  let zipped = manifestIndexGzip;
  const kinds = { manifest: manifestIndexGzip, terms: 0, dictionary: 0, documents: 0 };
  for (const file of read) {
    const content = built.byName.get(file)!;
    raw += Buffer.byteLength(content);
    const size = gzip(content);
    zipped += size;
    kinds[file.slice(0, file.indexOf('-')) as keyof typeof kinds] += size;
  }
  return { query, raw, gzip: zipped, files: read.size, ms: elapsed, kinds };
}

interface Agreement {
  top1: number;
  overlap: number;
  maxScoreError: number;
}

/** (b)'s top 10 against (a)'s: same first hit, shared hits, largest relative score difference by rank. */
function agreement(a: MiniSearch<SearchDocument>, b: MiniSearch<SearchDocument>, corpus: Corpus): Agreement {
  let top1 = 0;
  let shared = 0;
  let compared = 0;
  let maxScoreError = 0;
  for (const { query } of QUERIES) {
    const expected = a.search(query, defaultSearchOptions).slice(0, TOP);
    const got = b.search(query, defaultSearchOptions).slice(0, TOP);
    const ids = got.map((r) => corpus.documents[r.id as number]!.id);
    // Copies of one article score alike: a hit counts as found when (b) has one with its score.
    const scoreKey = (s: number) => s.toPrecision(3);
    const gotScores = got.map((r) => scoreKey(r.score));
    if (expected[0] && (ids[0] === expected[0].id || gotScores[0] === scoreKey(expected[0].score))) top1++;
    const pool = [...gotScores];
    for (const [i, hit] of expected.entries()) {
      const at = ids.includes(hit.id as string) ? ids.indexOf(hit.id as string) : pool.indexOf(scoreKey(hit.score));
      if (at >= 0) {
        shared++;
        pool[at] = '';
      }
      if (got[i]) maxScoreError = Math.max(maxScoreError, Math.abs(got[i]!.score - hit.score) / hit.score);
    }
    compared += expected.length;
  }
  return { top1, overlap: shared / Math.max(1, compared), maxScoreError };
}

/** Bytes (gzip) of the files of `next` that `previous` does not have, and of all of `next`. */
function editionCost(previous: TermIndexFiles, next: TermIndexFiles): { changed: number; total: number; files: number } {
  const old = new Set(previous.files.map(([name]) => name));
  let changed = 0;
  let total = 0;
  let files = 0;
  for (const [name, content] of next.files) {
    const size = gzip(content);
    total += size;
    if (!old.has(name)) {
      changed += size;
      files++;
    }
  }
  return { changed, total, files };
}

async function measureSize(pool: ArticlePool, size: number, withGlobal: boolean, log: (line: string) => void): Promise<void> {
  const set = scaledArchive(pool, size);
  const labels = new Map([...set.archive.meta.categories, ...set.archive.meta.tags].map((l) => [l.slug, l.name]));
  const articles = set.archive.months.flatMap((m) => m.articles);
  const corpus = corpusOf(articles, (slug) => labels.get(slug) ?? slug);
  log(`\n## ${count(size)} articles: ${set.composition}\n`);

  // (a) one MiniSearch over every article.
  const rows: string[][] = [];
  let json: string | undefined;
  let started = 0;
  if (withGlobal) {
  progress(`${size}: (a) building one MiniSearch`);
  started = performance.now();
  // Today's writer (one part over every article): MiniSearch's JSON, written directly.
  json = indexPartFiles(corpus.documents, 2 ** 30)[0]!.toString('utf8');
  const globalBuild = (performance.now() - started) / 1000;
  const globalRaw = Buffer.byteLength(json);
  const globalGzip = gzip(json);
  started = performance.now();
  let loaded: MiniSearch<SearchDocument> | undefined = MiniSearch.loadJSON(json, searchIndexOptions);
  const globalLoad = performance.now() - started;
  const withGlobal = heapMb();
  const globalLatency: number[] = [];
  for (let pass = 0; pass < WARM_PASSES; pass++) {
    for (const { query } of QUERIES) {
      started = performance.now();
      loaded.search(query, defaultSearchOptions);
      globalLatency.push(performance.now() - started);
    }
  }
  loaded = undefined;
  const globalHeap = withGlobal - heapMb();

  rows.push([
    '(a) today',
    `${(globalBuild).toFixed(1)} s`,
    `${Math.ceil(globalRaw / MAX_FILE_BYTES)}`,
    `${bytes(globalRaw)} / ${bytes(globalGzip)}`,
    `${bytes(globalRaw)} / ${bytes(globalGzip)}`,
    ms(globalLoad),
    `${ms(percentile(globalLatency, 0.5), 1)} / ${ms(percentile(globalLatency, 0.95), 1)}`,
    `${globalHeap.toFixed(0)} MB`,
    '—',
    '100 %',
  ]);
  }

  // (b) on demand.
  const perQuery: string[][] = [];
  for (const shardBytes of withGlobal ? [DEFAULT_SHARD_BYTES, 4 * DEFAULT_SHARD_BYTES] : [DEFAULT_SHARD_BYTES]) {
    progress(`${size}: (b) building with ${shardBytes / 1024} KiB shards`);
    const built = buildOnDemand(corpus, shardBytes);
    const indexJson = JSON.stringify(built.manifest.index);
    const costs: QueryCost[] = [];
    for (const { query } of QUERIES) costs.push(await coldQuery(built, query, gzip(indexJson), Buffer.byteLength(indexJson)));
    // Warm: one index that has loaded every query's terms.
    let warm = createTermIndex(built.manifest, async (file) => built.byName.get(file)!);
    for (const { query } of QUERIES) await warm.loadTerms(needsOf(query));
    const latency: number[] = [];
    for (let pass = 0; pass < WARM_PASSES; pass++) {
      for (const { query } of QUERIES) {
        started = performance.now();
        warm.index.search(query, defaultSearchOptions);
        latency.push(performance.now() - started);
      }
    }
    const agree = json === undefined ? undefined : agreement(MiniSearch.loadJSON(json, searchIndexOptions), warm.index, corpus);
    const withWarm = heapMb();
    warm = createTermIndex(built.manifest, async (file) => built.byName.get(file)!);
    const warmHeap = withWarm - heapMb();
    // Everything loaded: the worst a long session comes to.
    const full = createTermIndex(built.manifest, async (file) => built.byName.get(file)!);
    await Promise.all(built.manifest.index.layers.flatMap((l) => l.shards.map((s) => full.loadTerms([{ term: s.first, prefix: false, fuzzy: 0 }]))));
    const withFull = heapMb();
    full.index.removeAll();
    const fullHeap = withFull - heapMb();
    // A one-day edition: the set and the same set with a day of news more in its newest month
    // (copies of its newest articles, new ids, dated the newest article's date).
    const dayCount = DAY_ARTICLES;
    const newest = corpus.documents.at(-1)!;
    const day = corpus.documents.slice(-dayCount).map((d, i) => ({ ...d, id: contentHash(`${d.id}/next day ${i}`).padEnd(d.id.length, '0').slice(0, d.id.length), date: newest.date }));
    const after = buildOnDemand({ documents: [...corpus.documents, ...day], months: corpus.months.map((m, i, all) => (i === all.length - 1 ? { ...m, count: m.count + dayCount } : m)) }, shardBytes);
    const edition = editionCost(built.files, after.files);
    const totalRaw = built.files.files.reduce((sum, [, c]) => sum + Buffer.byteLength(c), 0);
    const totalGzip = edition.total;
    const raw = costs.map((c) => c.raw);
    const zipped = costs.map((c) => c.gzip);
    const times = costs.map((c) => c.ms);
    rows.push([
      `(b) ${shardBytes / 1024} KiB shards`,
      `${built.seconds.toFixed(1)} s`,
      count(built.files.files.length),
      `${bytes(totalRaw)} / ${bytes(totalGzip)}`,
      `${bytes(percentile(raw, 0.5))} / ${bytes(percentile(zipped, 0.5))} (max ${bytes(Math.max(...raw))} / ${bytes(Math.max(...zipped))})`,
      `${ms(percentile(times, 0.5))} (max ${ms(Math.max(...times))})`,
      `${ms(percentile(latency, 0.5), 1)} / ${ms(percentile(latency, 0.95), 1)}`,
      `${warmHeap.toFixed(0)} MB (all terms ${fullHeap.toFixed(0)} MB)`,
      agree ? `${agree.top1}/${QUERIES.length} top-1, ${(agree.overlap * 100).toFixed(0)} % top-10, score ±${(agree.maxScoreError * 100).toFixed(3)} %` : 'not measured',
      `${((edition.changed / edition.total) * 100).toFixed(2)} % (${edition.files} files, ${dayCount} articles)`,
    ]);
    if (shardBytes === DEFAULT_SHARD_BYTES) {
      for (const c of costs) {
        const { manifest, terms, dictionary, documents } = c.kinds;
        perQuery.push([c.query, String(c.files), bytes(c.raw), bytes(c.gzip), [manifest, terms, dictionary, documents].map((n) => (n / 1e3).toFixed(0)).join(' + '), ms(c.ms, 1)]);
      }
    }
  }
  log(
    table(
      ['design', 'build', 'files', 'total raw / gzip', 'before a first result, raw / gzip (median)', 'first result from memory', 'warm p50 / p95', 'heap', 'top 10 vs (a)', 'one day changes (gzip)'],
      rows,
    ),
  );
  log(`\nPer query, (b) ${DEFAULT_SHARD_BYTES / 1024} KiB shards, cold (index section of the manifest included, not the month files snippets read):\n`);
  log(table(['query', 'files', 'raw', 'gzip', 'gzip KB: manifest + shards + dictionary + documents', 'first result'], perQuery));
}

export async function indexDesign(sizes: readonly number[], withGlobal = true, log: (line: string) => void = console.log): Promise<void> {
  const pool = await fullTextPool();
  for (const size of sizes) await measureSize(pool, size, withGlobal, log);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const quick = process.argv.includes('--quick');
  const withGlobal = !process.argv.includes('--no-global');
  await indexDesign(quick ? [10_000] : withGlobal ? [10_000, 100_000] : [100_000], withGlobal);
}
