/**
 * The FlexSearch 0.8 index the benchmarks compare with (searchBench.ts in Node, the FlexSearch
 * anchor's worker in the browser): a Document index over our search fields, storing the same
 * fields plus the article id. Its ids are document numbers, as its documentation advises (smaller
 * and faster than our 16-character string ids; MiniSearch numbers documents internally the same
 * way). `forward` tokenisation is its prefix search (on every word, not only the last); it has no
 * typo tolerance.
 */
import { Document, type DocumentData } from 'flexsearch';
import { searchIndexOptions } from '../src/core/searchOptions';

export function flexSearchIndex(): Document<DocumentData> {
  return new Document<DocumentData>({
    document: {
      id: 'n',
      index: searchIndexOptions.fields.map((field) => ({ field, tokenize: 'forward' as const })),
      store: ['id', ...(searchIndexOptions.storeFields ?? [])],
    },
  });
}
