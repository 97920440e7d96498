/**
 * The terms of search documents counted as `MiniSearch#add` counts them (MiniSearch 7.2.0): the
 * same `tokenize` and `processTerm` (which ignores the field: a token's terms are worked out once
 * for every field), a field's length counted as its distinct tokens, the average field lengths
 * as MiniSearch's running average. Shared by the index writers (`indexPartFiles.ts`,
 * `termIndexFiles.ts`); no Node API, so that tests in the browser's configuration can write an
 * index too.
 */
import { searchIndexOptions, type SearchDocument } from '../../core/searchOptions';

const { fields } = searchIndexOptions;
const tokenize = searchIndexOptions.tokenize!;
const processTerm = searchIndexOptions.processTerm!;
/** Fields of the index. */
export const FIELDS = fields.length;

/** Bytes of a text written as UTF-8. */
export function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    // Two bytes up to U+07FF, three for the rest of the BMP; a surrogate pair (4 bytes) is two units of 2.
    bytes += code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 1 : 2;
  }
  return bytes;
}

/** An Int32Array that doubles as it fills. */
export class Int32List {
  data = new Int32Array(1024);
  length = 0;

  push(value: number): number {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = value;
    return this.length++;
  }
}

/**
 * Every term's documents by field, in flat typed arrays (a part has millions of postings; as
 * objects they would keep the garbage collector busy): a linked list per term and field of
 * `(shortId, frequency)` records, in the order the documents were added.
 */
export class TermPostings {
  readonly terms: string[] = [];
  private readonly termIds = new Map<string, number>();
  /** By `termId * FIELDS + fieldId`: first and last record, -1 when none. */
  protected readonly head = new Int32List();
  protected readonly tail = new Int32List();
  protected readonly document = new Int32List();
  protected readonly frequency = new Int32List();
  protected readonly next = new Int32List();

  /** The term's postings in a field, in document order, into `documents` and `frequencies` (emptied first). */
  collect(termId: number, fieldId: number, documents: number[], frequencies: number[]): void {
    documents.length = 0;
    frequencies.length = 0;
    for (let record = this.head.data[termId * FIELDS + fieldId]!; record >= 0; record = this.next.data[record]!) {
      documents.push(this.document.data[record]!);
      frequencies.push(this.frequency.data[record]!);
    }
  }

  termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.push(term) - 1;
      this.termIds.set(term, id);
      for (let f = 0; f < FIELDS; f++) {
        this.head.push(-1);
        this.tail.push(-1);
      }
    }
    return id;
  }

  /** One more occurrence of a term in a field of document `shortId` (documents come in order). */
  add(termId: number, fieldId: number, shortId: number): void {
    const slot = termId * FIELDS + fieldId;
    const last = this.tail.data[slot]!;
    if (last >= 0 && this.document.data[last] === shortId) {
      this.frequency.data[last]!++;
      return;
    }
    const record = this.document.push(shortId);
    this.frequency.push(1);
    this.next.push(-1);
    if (last >= 0) this.next.data[last] = record;
    else this.head.data[slot] = record;
    this.tail.data[slot] = record;
  }
}

/**
 * Tokens seen so far: the terms `processTerm` makes of each (run once per token of the
 * vocabulary, not of the text), and by field the last document that had it, to count a field's
 * distinct tokens as MiniSearch does.
 */
class Tokens {
  private readonly ids = new Map<string, number>();
  /** By token: its one term's id, -1 for none, or -2 for several (in `multiple`). */
  readonly term = new Int32List();
  readonly multiple = new Map<number, number[]>();
  /** By `token * FIELDS + fieldId`: the last `shortId * FIELDS + fieldId` that had it. */
  readonly lastSeen = new Int32List();

  constructor(private readonly postings: TermPostings) {}

  id(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      const processed = processTerm(token);
      const terms = Array.isArray(processed) ? processed : processed ? [processed] : [];
      id = this.term.push(terms.length === 1 ? this.postings.termId(terms[0]!) : terms.length === 0 ? -1 : -2);
      if (terms.length > 1) this.multiple.set(id, terms.map((t) => this.postings.termId(t)));
      for (let f = 0; f < FIELDS; f++) this.lastSeen.push(-1);
      this.ids.set(token, id);
    }
    return id;
  }
}

/** Every term of `documents` counted, as `MiniSearch#add` counts them (see the top of this file). */
export interface CountedTerms<P extends TermPostings = TermPostings> {
  postings: P;
  /** By document: its fields' lengths (distinct tokens), by field id. */
  fieldLengths: number[][];
  /** MiniSearch's running average of each field's length. */
  averageFieldLength: number[];
}

/** Counts the terms of `documents`, short ids in their order, into `postings`. */
export function countTerms<P extends TermPostings>(documents: readonly SearchDocument[], postings: P): CountedTerms<P> {
  const tokens = new Tokens(postings);
  const averageFieldLength: number[] = [];
  const fieldLengths: number[][] = [];
  for (let shortId = 0; shortId < documents.length; shortId++) {
    const document = documents[shortId]!;
    const fieldLength: number[] = [];
    for (let fieldId = 0; fieldId < FIELDS; fieldId++) {
      const field = fields[fieldId]!;
      const value = document[field as keyof SearchDocument] as unknown;
      if (value == null) continue;
      const fieldTokens = tokenize(String(value), field);
      const stamp = shortId * FIELDS + fieldId;
      let distinct = 0;
      for (let t = 0; t < fieldTokens.length; t++) {
        const token = tokens.id(fieldTokens[t]!);
        const seenAt = token * FIELDS + fieldId;
        if (tokens.lastSeen.data[seenAt] !== stamp) {
          tokens.lastSeen.data[seenAt] = stamp;
          distinct++;
        }
        const termId = tokens.term.data[token]!;
        if (termId >= 0) postings.add(termId, fieldId, shortId);
        else if (termId === -2) for (const id of tokens.multiple.get(token)!) postings.add(id, fieldId, shortId);
      }
      fieldLength[fieldId] = distinct;
      // MiniSearch's running average, operation for operation, so that the floats are the same.
      averageFieldLength[fieldId] = ((averageFieldLength[fieldId] || 0) * shortId + distinct) / (shortId + 1);
    }
    fieldLengths.push(fieldLength);
  }
  return { postings, fieldLengths, averageFieldLength };
}

