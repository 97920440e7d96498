/**
 * The search index in parts by period (see `BundleIndexPart` in `core/format.ts`): each part's
 * files put back together, the loaded parts searched as one index while the rest arrive, and,
 * once every part is there, all of them merged into the one index the whole archive would have
 * (so ranking uses the whole archive's statistics, exactly as a single global index would).
 */
import MiniSearch, { type Query, type SearchOptions, type SearchResult } from 'minisearch';
import type { BundleIndexPartFile, BundleIndexTerm } from '../core/format';
import { searchIndexOptions, type SearchDocument } from '../core/searchOptions';

/** What the search code needs of an index: one MiniSearch, or several searched as one. */
export interface SearchableIndex {
  readonly documentCount: number;
  search(query: Query, options?: SearchOptions): SearchResult[];
}

/** MiniSearch's serialised form (`toJSON`), as `loadJS` takes it. */
export type IndexJson = Parameters<typeof MiniSearch.loadJS>[0];

/** Adds a term entry's documents (by field) to another entry of the same term. */
function mergeTerm(into: BundleIndexTerm[1], from: BundleIndexTerm[1]): void {
  for (const [field, documents] of Object.entries(from)) into[field] = { ...into[field], ...documents };
}

/**
 * One part's serialised index from the texts of its files, in order: the first is MiniSearch's
 * JSON with the start of its tables and terms; each further file adds table entries by key and
 * the next terms, a term split over consecutive entries being one term.
 */
export function parseIndexPart(texts: readonly string[]): IndexJson {
  const [first, ...rest] = texts.map((text) => JSON.parse(text) as unknown);
  const js = first as IndexJson & { index: BundleIndexTerm[] };
  for (const file of rest as BundleIndexPartFile[]) {
    Object.assign(js.documentIds, file.documentIds);
    Object.assign(js.fieldLength, file.fieldLength);
    Object.assign(js.storedFields, file.storedFields);
    for (const entry of file.index) {
      const last = js.index.at(-1);
      if (last && last[0] === entry[0]) mergeTerm(last[1], entry[1]);
      else js.index.push(entry);
    }
  }
  return js;
}

/** A MiniSearch from its serialised form (a part's, or the merged parts'). */
export function loadIndex(js: IndexJson): MiniSearch<SearchDocument> {
  // The very options the builder used: MiniSearch refuses an index loaded with others.
  return MiniSearch.loadJS<SearchDocument>(js, searchIndexOptions);
}

/**
 * The parts as one index: each part's short document ids shifted past the previous parts', the
 * tables joined, every term's documents gathered, the average field lengths over all documents.
 * The result is what MiniSearch would serialise for all the articles at once (but for the order
 * of terms and ids, which does not change any search).
 */
export function mergeIndexParts(parts: readonly IndexJson[]): IndexJson {
  const [first] = parts;
  if (!first) throw new Error('search: no index part to merge');
  if (parts.length === 1) return first;
  const documentIds: Record<string, string> = {};
  const fieldLength: Record<string, number[]> = {};
  const storedFields: Record<string, Record<string, unknown>> = {};
  const terms = new Map<string, BundleIndexTerm[1]>();
  const fieldCount = Object.keys(first.fieldIds).length;
  const lengthSums = new Array<number>(fieldCount).fill(0);
  let documentCount = 0;
  let offset = 0;
  for (const part of parts) {
    const shift = (id: string) => String(Number(id) + offset);
    for (const [id, external] of Object.entries(part.documentIds)) documentIds[shift(id)] = external as string;
    for (const [id, lengths] of Object.entries(part.fieldLength)) fieldLength[shift(id)] = lengths as number[];
    for (const [id, fields] of Object.entries(part.storedFields)) storedFields[shift(id)] = fields as Record<string, unknown>;
    for (const [term, fields] of part.index as BundleIndexTerm[]) {
      let merged = terms.get(term);
      if (!merged) terms.set(term, (merged = {}));
      for (const [field, documents] of Object.entries(fields)) {
        const into = (merged[field] ??= {});
        for (const [id, frequency] of Object.entries(documents)) into[shift(id)] = frequency;
      }
    }
    for (let f = 0; f < fieldCount; f++) lengthSums[f]! += (part.averageFieldLength[f] ?? 0) * part.documentCount;
    documentCount += part.documentCount;
    offset += part.nextId;
  }
  return {
    ...first,
    documentCount,
    nextId: offset,
    documentIds,
    fieldLength,
    storedFields,
    averageFieldLength: lengthSums.map((sum) => sum / Math.max(1, documentCount)),
    dirtCount: 0,
    index: [...terms] as IndexJson['index'],
  };
}

/**
 * The parts loaded so far, searched as one index: every part answers, and the results are merged
 * by score. Until the parts are merged, each scores with its own statistics (BM25 over its
 * period's articles); ids are the articles' own, unique across parts.
 */
export class PartitionedIndex implements SearchableIndex {
  private readonly parts: MiniSearch<SearchDocument>[] = [];

  add(part: MiniSearch<SearchDocument>): void {
    this.parts.push(part);
  }

  /** Puts one index (the merged parts) in place of the parts. */
  replaceAll(index: MiniSearch<SearchDocument>): void {
    this.parts.splice(0, this.parts.length, index);
  }

  get documentCount(): number {
    return this.parts.reduce((sum, part) => sum + part.documentCount, 0);
  }

  search(query: Query, options?: SearchOptions): SearchResult[] {
    if (this.parts.length === 1) return this.parts[0]!.search(query, options);
    return this.parts.flatMap((part) => part.search(query, options)).sort((a, b) => b.score - a.score);
  }
}
