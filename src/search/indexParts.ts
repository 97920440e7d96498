/**
 * The search index in parts by period (see `BundleIndexPart` in `core/format.ts`): each part's
 * files put back together, and each part added, as it arrives, to ONE MiniSearch holding every
 * part loaded so far (its short document ids moved past those already there).
 *
 * Why one index rather than a MiniSearch per part with their hits merged by score: BM25 weighs a
 * term by how many articles have it among how many there are, and a field by its length against
 * the average; a part alone ranks with its own year's counts (a word common in 2017 and rare in
 * 2015 weighs differently in each), so merged hits would rank differently from one index over
 * the same articles (on the default archive, 13 of the 38 judged queries had another top list).
 * Added to one index, a query always sees the counts of every article loaded, and ranks as one
 * index over them would. It costs what `MiniSearch.loadJS` costs, once per part, and never
 * holds the whole index twice (merging all parts at the end would, at 100,000 articles, hold
 * the parsed JSON and two indexes at once).
 */
import MiniSearch, { type Query, type SearchOptions, type SearchResult } from 'minisearch';
import type { BundleIndexPartFile, BundleIndexTerm } from '../core/format';
import { searchIndexOptions, type SearchDocument } from '../core/searchOptions';

/** What the search code needs of an index (the MiniSearch every loaded part is added to). */
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

/** The MiniSearch tables `addIndexPart` fills in (MiniSearch 7.2.0; `indexParts.test.ts` checks them). */
interface MiniSearchTables {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, number[]>;
  _storedFields: Map<number, Record<string, unknown> | undefined>;
  _avgFieldLength: number[];
  _index: { fetch(term: string, initial: () => Map<number, Map<number, number>>): Map<number, Map<number, number>> };
}

/**
 * Adds a part (its serialised index, as `parseIndexPart` gives it) to `index`, its short ids
 * after those already there; the average field lengths become those over every document. Done
 * in one go, so that a query never sees half a part. A part whose format MiniSearch would not
 * load is refused.
 */
export function addIndexPart(index: MiniSearch<SearchDocument>, js: IndexJson): void {
  if (js.serializationVersion !== 2) throw new Error('MiniSearch: cannot deserialize an index created with an incompatible version');
  const tables = index as unknown as MiniSearchTables;
  const offset = tables._nextId;
  const shift = (key: string) => offset + Number(key);
  // Documents first: MiniSearch drops a term's postings for ids it does not know.
  for (const key in js.documentIds) {
    const id = js.documentIds[key];
    tables._documentIds.set(shift(key), id);
    tables._idToShortId.set(id, shift(key));
  }
  for (const key in js.fieldLength) tables._fieldLength.set(shift(key), js.fieldLength[key]!);
  for (const key in js.storedFields) tables._storedFields.set(shift(key), js.storedFields[key]);
  const before = tables._documentCount;
  const after = before + js.documentCount;
  tables._avgFieldLength =
    before === 0
      ? [...js.averageFieldLength]
      : js.averageFieldLength.map((average, field) => ((tables._avgFieldLength[field] ?? 0) * before + average * js.documentCount) / after);
  tables._documentCount = after;
  tables._nextId = offset + js.nextId;
  for (const [term, fields] of js.index as BundleIndexTerm[]) {
    const byField = tables._index.fetch(term, () => new Map());
    for (const fieldKey in fields) {
      const fieldId = Number(fieldKey);
      let documents = byField.get(fieldId);
      if (documents === undefined) byField.set(fieldId, (documents = new Map()));
      const frequencies = fields[fieldKey]!;
      for (const key in frequencies) documents.set(shift(key), frequencies[key]!);
    }
  }
}
