/**
 * The search index loaded on demand (see `BundleSearchIndex` in `core/format.ts`): ONE MiniSearch
 * that knows every article from the start and holds, of the terms, only those a query has needed.
 * Before a query runs, `loadTerms` fetches, in every layer, the shards of its terms, of the range
 * a prefix covers, and of the terms its typo tolerance reaches (from the layer's dictionary), so
 * that every term MiniSearch can match is there whole: the query then ranks exactly as one
 * MiniSearch over every article with every term would (its BM25 counts come with the postings).
 *
 * MiniSearch's document tables are not filled in: ids are `0…documentCount-1`, every field length
 * equals its average (the shards' weights carry the length normalisation), and the stored fields
 * of an id are made when MiniSearch asks for them: `date` is a sort key, the month and the id
 * (ids are in date order), and category and outlets come from the facets once a filter has
 * loaded them. What a hit shows is loaded for the hits of the page only (`loadDocuments`).
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import {
  TERM_WEIGHT_SCALE,
  type BundleDictionaryFile,
  type BundleDocumentsFile,
  type BundleFacetsFile,
  type BundleIndexLayer,
  type BundleManifest,
  type BundleSearchIndex,
  type BundleTermShardFile,
} from '../core/format';
import { searchIndexOptions, type SearchDocument } from '../core/searchOptions';
import type { MonthKey } from '../core/types';
import { termsWithin } from './fuzzyTerms';

/** What a query needs of a term: the term itself, the terms it begins (`prefix`), those `fuzzy` edits away. */
export interface TermNeed {
  term: string;
  prefix: boolean;
  fuzzy: number;
}

export interface TermIndex {
  /** Every article, with the terms loaded so far. */
  readonly index: MiniSearch<SearchDocument>;
  /** Loads every term the needs can reach, in every layer; resolves once they are all in. */
  loadTerms(needs: readonly TermNeed[]): Promise<void>;
  /** Loads every article's category and outlets, for filters. */
  loadFacets(): Promise<void>;
  /** Replaces the stand-in fields of results (id, date…) by the article's own; the short id moves to `shortId`. */
  loadDocuments(results: readonly SearchResult[]): Promise<void>;
}

/** Reads a bundle file's text by name. */
export type LoadText = (file: string) => Promise<string>;

/** The MiniSearch tables set here (MiniSearch 7.2.0; `termIndex.test.ts` checks the scores). */
interface MiniSearchTables {
  _documentCount: number;
  _nextId: number;
  _documentIds: unknown;
  _fieldLength: unknown;
  _avgFieldLength: number[];
  _storedFields: unknown;
  _index: { fetch(term: string, initial: () => Map<number, Map<number, number>>): Map<number, Map<number, number>> };
}

/** Ids `0…count-1` as MiniSearch's map of short ids to ids (each its own). */
class DenseIds {
  constructor(readonly size: number) {}
  has(id: number): boolean {
    return Number.isInteger(id) && id >= 0 && id < this.size;
  }
  get(id: number): number | undefined {
    return this.has(id) ? id : undefined;
  }
  *[Symbol.iterator](): IterableIterator<[number, number]> {
    for (let id = 0; id < this.size; id++) yield [id, id];
  }
}

const ID_DIGITS = 9;

/** The shards of a layer that may hold terms from `from` up to (not including) `to`, or `from` alone. */
function shardRange(layer: BundleIndexLayer, from: string, to?: string): BundleIndexLayer['shards'] {
  const { shards } = layer;
  // The last shard starting before `from` may hold it; so may every shard starting with it.
  let lo = 0;
  let hi = shards.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (shards[mid]!.first < from) lo = mid + 1;
    else hi = mid;
  }
  const start = Math.max(0, lo - 1);
  let end = lo;
  while (end < shards.length && (to === undefined ? shards[end]!.first === from : shards[end]!.first < to)) end++;
  return shards.slice(start, Math.max(end, start + 1));
}

/** A loader that fetches each file once (a failed one again), by name. */
function memoised<T>(load: (file: string) => Promise<T>): (file: string) => Promise<T> {
  const loaded = new Map<string, Promise<T>>();
  return (file) => {
    let promise = loaded.get(file);
    if (!promise) {
      promise = load(file);
      promise.catch(() => loaded.delete(file));
      loaded.set(file, promise);
    }
    return promise;
  };
}

function parse<T>(file: string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw Object.assign(new Error(`search: ${file}: not a search index file this reader can load`), { failure: 'format' });
  }
}

/** An on-demand index over `manifest.index`; `loadText` reads its files. */
export function createTermIndex(manifest: BundleManifest, loadText: LoadText): TermIndex {
  const spec = manifest.index;
  const count = spec.documentCount;
  // The very options the builder used: MiniSearch refuses an index loaded with others.
  const index = new MiniSearch<SearchDocument>(searchIndexOptions);
  const tables = index as unknown as MiniSearchTables;
  const fieldCount = searchIndexOptions.fields.length;
  const ones = new Array<number>(fieldCount).fill(1);

  // Months as ranges of ids: the oldest month first.
  const months: { month: MonthKey; first: number }[] = [];
  let first = 0;
  for (const { month, count: inMonth } of [...manifest.months].reverse()) {
    months.push({ month, first });
    first += inMonth;
  }
  const monthOf = (id: number): MonthKey => {
    let lo = 0;
    let hi = months.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (months[mid]!.first <= id) lo = mid;
      else hi = mid - 1;
    }
    return months[lo]!.month;
  };
  let facets: { category: string[]; outlets: string[] } | undefined;
  const storedFields = {
    get: (id: number) => ({
      // Sorts as the dates do (ids are in date order, and on one date the greater article id first).
      date: `${monthOf(id)}-${String(id).padStart(ID_DIGITS, '0')}`,
      categorySlug: facets?.category[id] ?? '',
      outlets: facets?.outlets[id] ?? '',
    }),
  };
  tables._documentCount = count;
  tables._nextId = count;
  tables._documentIds = new DenseIds(count);
  tables._fieldLength = { get: () => ones };
  tables._avgFieldLength = ones;
  tables._storedFields = storedFields;

  const addShard = (shard: BundleTermShardFile) => {
    for (let t = 0; t < shard.terms.length; t++) {
      const byField = tables._index.fetch(shard.terms[t]!, () => new Map());
      const postings = shard.postings[t]!;
      for (let at = 0; at < postings.length; ) {
        const fieldId = postings[at]!;
        const n = postings[at + 1]!;
        let documents = byField.get(fieldId);
        if (documents === undefined) byField.set(fieldId, (documents = new Map()));
        for (let k = 0, id = 0; k < n; k++) {
          id = k === 0 ? postings[at + 2]! : id + postings[at + 2 + k]!;
          documents.set(id, postings[at + 2 + n + k]! / TERM_WEIGHT_SCALE);
        }
        at += 2 + 2 * n;
      }
    }
  };
  const loadShard = memoised(async (file) => addShard(parse<BundleTermShardFile>(file, await loadText(file))));
  const loadDictionary = memoised(async (file) => parse<BundleDictionaryFile>(file, await loadText(file)).terms);
  const loadDocumentsFile = memoised(async (file) => parse<BundleDocumentsFile>(file, await loadText(file)));
  const facetsLoaded = memoised(async () => {
    const category: string[] = new Array(count);
    const outlets: string[] = new Array(count);
    await Promise.all(
      spec.facets.files.map(async (file) => {
        const part = parse<BundleFacetsFile>(file, await loadText(file));
        part.documents.forEach((value, k) => ([category[part.from + k], outlets[part.from + k]] = part.values[value]!));
      }),
    );
    facets = { category, outlets };
  });

  return {
    index,
    async loadTerms(needs) {
      const files = new Set<string>();
      await Promise.all(
        spec.layers.map(async (layer) => {
          for (const { term, prefix } of needs) {
            for (const shard of prefix ? shardRange(layer, term, `${term}\uffff`) : shardRange(layer, term)) files.add(shard.file);
          }
          await Promise.all(
            needs
              .filter((need) => need.fuzzy > 0)
              .flatMap((need) =>
                layer.dictionary
                  .filter((d) => d.longest >= need.term.length - need.fuzzy && d.shortest <= need.term.length + need.fuzzy)
                  .map(async (d) => {
                    const terms = await loadDictionary(d.file);
                    for (const near of termsWithin(terms, need.term, need.fuzzy).keys()) {
                      for (const shard of shardRange(layer, near)) files.add(shard.file);
                    }
                  }),
              ),
          );
        }),
      );
      await Promise.all([...files].map(loadShard));
    },
    loadFacets: () => facetsLoaded(''),
    async loadDocuments(results) {
      const chunk = spec.documents.chunk;
      await Promise.all(
        results.map(async (result) => {
          const id = result.id as number;
          // Loaded already (the id is the article's now).
          if (typeof id !== 'number') return;
          const file = spec.documents.files[Math.floor(id / chunk)];
          if (file === undefined) return;
          const part = await loadDocumentsFile(file);
          const row = part.documents[id - part.from];
          if (!row) return;
          const [articleId, title, date, slug, categorySlug, outlets, category] = row;
          // The short id stays, as `shortId`: the snippet store is read by it (see articleTexts.ts).
          Object.assign(result, { id: articleId, shortId: id, title, date, slug, categorySlug, outlets, category });
        }),
      );
    },
  };
}
