/**
 * The search index as the reader loads it on demand (see `BundleSearchIndex` in
 * `core/format.ts`): ONE MiniSearch over every article, written as term shards in layers, a
 * sorted term dictionary per layer, what hits show in chunks of ids, and the filters' facets.
 *
 * Terms are counted as `MiniSearch#add` counts them (`countTerms`, shared with
 * `indexPartFiles.ts`), one layer at a time, so that memory holds one layer's postings. Each
 * posting's frequency is divided by MiniSearch's BM25 length factor, with the average field
 * lengths of the oldest layer: the reader, giving MiniSearch every field length equal to its
 * average, then gets the scores MiniSearch gives with the lengths (`termIndex.test.ts`).
 */
import { BUNDLE_FORMAT, TERM_WEIGHT_SCALE, type BundleIndexLayer, type BundleSearchIndex, type BundleSnippetTexts } from '../../core/format';
import type { SearchDocument } from '../../core/searchOptions';
import type { MonthKey } from '../../core/types';
import { countTerms, TermPostings, utf8Bytes } from './countTerms';

/** MiniSearch's BM25 `b` (its default; `searchIndexOptions` keeps it): how much a field's length counts. */
export const BM25_B = 0.7;

/** A layer to write: the next `documentCount` documents, of months `from`…`to`. */
export interface LayerSpec {
  from: MonthKey;
  to: MonthKey;
  documentCount: number;
}

export interface TermIndexOptions {
  /** A shard is closed once it holds this many bytes (a shard with one term may hold more). */
  shardBytes: number;
  /** No file is larger. */
  maxFileBytes: number;
  /** Ids per documents file. */
  documentChunk?: number;
  /** Ids per facets file. */
  facetChunk?: number;
  /** A texts file of the snippet store is closed once it holds this many bytes (see `BundleSnippetTexts`). */
  textChunkBytes?: number;
}

export const DEFAULT_SHARD_BYTES = 96 * 1024;
export const DEFAULT_DOCUMENT_CHUNK = 64;
export const DEFAULT_FACET_CHUNK = 16_384;
/**
 * Bytes of plain text per file of the snippet store: a hit's snippet reads one such file (about
 * 9 KB gzip), where a month file is up to 1.5 MiB; smaller files would cost more names in the
 * manifest (every visit reads it) for each byte a snippet saves.
 */
export const DEFAULT_TEXT_CHUNK_BYTES = 24 * 1024;
/** Terms of a dictionary file at least (lengths are put together until there are as many). */
const DICTIONARY_TERMS = 1_500;

/** The index's files by name, in the order written, with the index that names them. */
export interface TermIndexFiles {
  index: BundleSearchIndex;
  files: [name: string, content: string][];
}

/** Postings of one term's field written at most this many to an entry (a term bigger than a file is split). */
const POSTINGS_PER_PIECE = 20_000;

/** The file stem of a layer: its month, or its first and last month. */
function layerKey(layer: LayerSpec): string {
  return layer.from === layer.to ? layer.from : `${layer.from}-${layer.to}`;
}

/** Entries as JSON, in groups of at most `capacity` bytes. */
function packArrays<T>(entries: readonly T[], capacity: number, text: (entry: T) => string): string[][] {
  const files: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const entry of entries) {
    const json = text(entry);
    const bytes = utf8Bytes(json) + 1;
    if (current.length > 0 && size + bytes > capacity) {
      files.push(current);
      current = [];
      size = 0;
    }
    current.push(json);
    size += bytes;
  }
  if (current.length > 0 || files.length === 0) files.push(current);
  return files;
}

const head = `{"format":${JSON.stringify(BUNDLE_FORMAT)},`;

/** `content`, unless it is over the file limit. */
function checked(content: string, maxBytes: number): string {
  const bytes = utf8Bytes(content);
  if (bytes > maxBytes) throw new Error(`bundle: a search index file would be ${bytes} bytes, over the ${maxBytes}-byte file limit (fewer ids per file)`);
  return content;
}

/**
 * A layer's postings entries for a term: `[fieldId, n, ids…, weights…]` per field (see
 * `BundleTermShardFile`), as one entry, or several when the term has more than
 * {@link POSTINGS_PER_PIECE} postings.
 */
function termEntries(
  termId: number,
  fieldCount: number,
  collect: (termId: number, fieldId: number, documents: number[], frequencies: number[]) => void,
  weight: (document: number, fieldId: number, frequency: number) => number,
  firstId: number,
): string[] {
  const documents: number[] = [];
  const frequencies: number[] = [];
  const pieces: string[][] = [[]];
  let inPiece = 0;
  for (let fieldId = 0; fieldId < fieldCount; fieldId++) {
    collect(termId, fieldId, documents, frequencies);
    for (let start = 0; start < documents.length; start += POSTINGS_PER_PIECE) {
      const end = Math.min(documents.length, start + POSTINGS_PER_PIECE);
      const ids: number[] = [];
      const weights: number[] = [];
      for (let i = start, previous = 0; i < end; i++) {
        const id = firstId + documents[i]!;
        ids.push(i === start ? id : id - previous);
        previous = id;
        weights.push(weight(documents[i]!, fieldId, frequencies[i]!));
      }
      const text = `${fieldId},${end - start},${ids.join(',')},${weights.join(',')}`;
      if (inPiece > 0 && inPiece + end - start > POSTINGS_PER_PIECE) {
        pieces.push([]);
        inPiece = 0;
      }
      pieces.at(-1)!.push(text);
      inPiece += end - start;
    }
  }
  return pieces.map((p) => `[${p.join(',')}]`);
}

/**
 * Writes the index over `documents` (in short-id order: see `BundleSearchIndex`) in `layers`
 * (consecutive, oldest first, their counts adding up to the documents'), each file named by
 * `name(stem, content)`. Deterministic.
 */
export function termIndexFiles(
  documents: readonly SearchDocument[],
  layers: readonly LayerSpec[],
  name: (stem: string, content: string) => string,
  options: TermIndexOptions,
): TermIndexFiles {
  const files: [name: string, content: string][] = [];
  const write = (stem: string, content: string): string => {
    const file = name(stem, content);
    files.push([file, content]);
    return file;
  };
  const total = layers.reduce((sum, l) => sum + l.documentCount, 0);
  if (total !== documents.length) throw new Error(`bundle: the index layers hold ${total} articles, not the ${documents.length} given`);
  const capacity = options.maxFileBytes - 256;
  let averages: number[] | undefined;
  let firstId = 0;
  const outLayers: BundleIndexLayer[] = [];
  for (const layer of layers) {
    const layerDocuments = documents.slice(firstId, firstId + layer.documentCount);
    const { postings, fieldLengths, averageFieldLength } = countTerms(layerDocuments, new TermPostings());
    // Every layer is weighed with the oldest layer's averages, so that a new layer changes no other.
    averages ??= averageFieldLength;
    const avg = averages;
    const weight = (document: number, fieldId: number, frequency: number): number => {
      const factor = 1 - BM25_B + (BM25_B * fieldLengths[document]![fieldId]!) / (avg[fieldId] || 1);
      return Math.max(1, Math.round((frequency / factor) * TERM_WEIGHT_SCALE));
    };
    const order = postings.terms.map((term, id) => ({ term, id })).sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    const key = layerKey(layer);
    const shards: BundleIndexLayer['shards'] = [];
    let terms: string[] = [];
    let entries: string[] = [];
    let size = 0;
    const close = () => {
      if (terms.length === 0) return;
      const content = `${head}"terms":[${terms.join(',')}],"postings":[${entries.join(',')}]}`;
      shards.push({ first: JSON.parse(terms[0]!) as string, file: write(`terms-${key}-${shards.length + 1}`, content) });
      terms = [];
      entries = [];
      size = 0;
    };
    const collect = postings.collect.bind(postings);
    for (const { term, id } of order) {
      const json = JSON.stringify(term);
      const pieces = termEntries(id, fieldLengths[0]?.length ?? 0, collect, weight, firstId);
      const bytes = pieces.reduce((sum, p) => sum + p.length + 1, 0) + utf8Bytes(json) + 1;
      if (pieces.length > 1 || size + bytes > capacity) close();
      for (const piece of pieces) {
        terms.push(json);
        entries.push(piece);
        size += piece.length + utf8Bytes(json) + 2;
        if (pieces.length > 1 || size >= options.shardBytes) close();
      }
    }
    close();
    const dictionary: BundleIndexLayer['dictionary'] = [];
    const byLength = new Map<number, string[]>();
    for (const { term } of order) {
      const list = byLength.get(term.length);
      if (list) list.push(term);
      else byLength.set(term.length, [term]);
    }
    const lengths = [...byLength.keys()].sort((a, b) => a - b);
    let group: string[] = [];
    let shortest = lengths[0] ?? 0;
    for (const [i, length] of lengths.entries()) {
      group.push(...byLength.get(length)!);
      const next = lengths[i + 1];
      // Lengths together while their terms are few; the terms of a group sorted as one list.
      if (next !== undefined && group.length < DICTIONARY_TERMS) continue;
      group.sort();
      for (const [k, list] of packArrays(group, capacity, (t) => JSON.stringify(t)).entries()) {
        const stem = `dictionary-${key}-${shortest}-${length}${k > 0 ? `-${k + 1}` : ''}`;
        dictionary.push({ shortest, longest: length, file: write(stem, `${head}"terms":[${list.join(',')}]}`) });
      }
      group = [];
      shortest = next ?? 0;
    }
    outLayers.push({ from: layer.from, to: layer.to, firstId, documentCount: layer.documentCount, shards, dictionary });
    firstId += layer.documentCount;
  }

  const documentChunk = options.documentChunk ?? DEFAULT_DOCUMENT_CHUNK;
  const documentFiles: string[] = [];
  for (let from = 0; from < documents.length; from += documentChunk) {
    const rows = documents.slice(from, from + documentChunk).map((d) => JSON.stringify([d.id, d.title, d.date, d.slug, d.categorySlug, d.outlets, d.category]));
    documentFiles.push(write(`documents-${documentFiles.length + 1}`, checked(`${head}"from":${from},"documents":[${rows.join(',')}]}`, options.maxFileBytes)));
  }
  const facetChunk = options.facetChunk ?? DEFAULT_FACET_CHUNK;
  const facetFiles: string[] = [];
  for (let from = 0; from < documents.length; from += facetChunk) {
    const values: string[] = [];
    const index = new Map<string, number>();
    const ids = documents.slice(from, from + facetChunk).map((d) => {
      const value = JSON.stringify([d.categorySlug, d.outlets]);
      let i = index.get(value);
      if (i === undefined) index.set(value, (i = values.push(value) - 1));
      return i;
    });
    facetFiles.push(write(`facets-${facetFiles.length + 1}`, checked(`${head}"from":${from},"values":[${values.join(',')}],"documents":[${ids.join(',')}]}`, options.maxFileBytes)));
  }
  const texts = textFiles(documents, options.textChunkBytes ?? DEFAULT_TEXT_CHUNK_BYTES, capacity, (stem, content) => write(stem, checked(content, options.maxFileBytes)));
  return {
    files,
    index: {
      documentCount: documents.length,
      layers: outLayers,
      documents: { chunk: documentChunk, files: documentFiles },
      facets: { chunk: facetChunk, files: facetFiles },
      texts,
    },
  };
}

/**
 * The snippet store (`BundleSnippetTexts`): each document's body text by short id, consecutive
 * ids in files closed once they hold `chunkBytes` (or before they would pass `capacity`).
 */
function textFiles(documents: readonly SearchDocument[], chunkBytes: number, capacity: number, write: (stem: string, content: string) => string): BundleSnippetTexts {
  const out: BundleSnippetTexts = { from: [], files: [] };
  let texts: string[] = [];
  let size = 0;
  let from = 0;
  const close = (next: number) => {
    out.from.push(from);
    out.files.push(write(`texts-${out.files.length + 1}`, `${head}"from":${from},"texts":[${texts.join(',')}]}`));
    texts = [];
    size = 0;
    from = next;
  };
  for (const [id, document] of documents.entries()) {
    const json = JSON.stringify(document.body);
    const bytes = utf8Bytes(json) + 1;
    if (texts.length > 0 && size + bytes > capacity) close(id);
    texts.push(json);
    size += bytes;
    if (size >= chunkBytes) close(id + 1);
  }
  if (texts.length > 0) close(documents.length);
  return out;
}

/**
 * The order of short ids (see `BundleSearchIndex`): oldest first, and on one date the greater
 * article id first, so that the reader's newest-first order (date, then article id) is the ids'
 * order reversed.
 */
export function byIndexOrder(a: { date: string; id: string }, b: { date: string; id: string }): number {
  return a.date.localeCompare(b.date) || b.id.localeCompare(a.id);
}

/**
 * The layers of months (oldest first, with their article counts; see `BundleSearchIndex`): every
 * year before the newest as one layer, then each month of the newest year.
 */
export function indexLayers(months: readonly { month: MonthKey; count: number }[]): LayerSpec[] {
  const withArticles = months.filter((m) => m.count > 0);
  const newestYear = withArticles.at(-1)?.month.slice(0, 4);
  const layers: LayerSpec[] = [];
  for (const { month, count } of withArticles) {
    const last = layers.at(-1);
    if (!month.startsWith(`${newestYear}-`) && last && !last.to.startsWith(`${newestYear}-`)) {
      last.to = month;
      last.documentCount += count;
    } else layers.push({ from: month, to: month, documentCount: count });
  }
  return layers;
}
