/**
 * One part of the search index as the files of the bundle (see `BundleIndexPart` in
 * `core/format.ts`): the JSON that `new MiniSearch(searchIndexOptions)`, `addAll(documents)` and
 * `JSON.stringify` would give, written directly and split under the file size limit.
 *
 * Why not MiniSearch itself: its radix tree and `toJSON` take ~75% of a build (about 1,000
 * articles/s at 100,000 articles); counting terms in a flat Map and writing the JSON text here is
 * several times faster. It does what `MiniSearch#add` does (MiniSearch 7.2.0, serialization
 * version 2): the same `tokenize` and `processTerm`, a field's length counted as its distinct
 * tokens, the average field lengths as MiniSearch's running average, stored fields in
 * `storeFields` order. `buildBundle.test.ts` checks that the result loads into the very index
 * MiniSearch builds; terms are written in sorted order, where MiniSearch writes its tree's order.
 */
import type { SearchDocument } from '../../core/searchOptions';
import { searchIndexOptions } from '../../core/searchOptions';

const { fields, storeFields = [] } = searchIndexOptions;
const tokenize = searchIndexOptions.tokenize!;
const processTerm = searchIndexOptions.processTerm!;
const fieldIds = JSON.stringify(Object.fromEntries(fields.map((field, i) => [field, i])));
const FIELDS = fields.length;

/** Bytes of a file's text when written as UTF-8. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** An Int32Array that doubles as it fills. */
class Int32List {
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
class Postings {
  readonly terms: string[] = [];
  private readonly termIds = new Map<string, number>();
  /** By `termId * FIELDS + fieldId`: first and last record, -1 when none. */
  private readonly head = new Int32List();
  private readonly tail = new Int32List();
  private readonly document = new Int32List();
  private readonly frequency = new Int32List();
  private readonly next = new Int32List();

  /** The terms in sorted order (by UTF-16 code units, as `Array#sort`), each with its id. */
  sorted(): { term: string; id: number }[] {
    // The default sort compares natively; a comparator function would be called millions of times.
    return [...this.terms].sort().map((term) => ({ term, id: this.termIds.get(term)! }));
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

  /** The `"shortId":frequency` pairs of a term in a field, in order; empty when it has none. */
  pairs(termId: number, fieldId: number): string[] {
    const out: string[] = [];
    const { document, frequency, next } = this;
    for (let r = this.head.data[termId * FIELDS + fieldId]!; r >= 0; r = next.data[r]!) out.push(`"${document.data[r]}":${frequency.data[r]}`);
    return out;
  }
}

/**
 * Tokens seen so far, by field: the terms `processTerm` makes of each (run once per token of the
 * vocabulary, not of the text), and the last field of a document that had it, to count a field's
 * distinct tokens as MiniSearch does.
 */
class Tokens {
  private readonly ids = fields.map(() => new Map<string, number>());
  /** By token: its one term's id, -1 for none, or -2 for several (in `multiple`). */
  readonly term = new Int32List();
  readonly multiple = new Map<number, number[]>();
  readonly lastSeen = new Int32List();

  constructor(private readonly postings: Postings) {}

  id(token: string, fieldId: number): number {
    const ids = this.ids[fieldId]!;
    let id = ids.get(token);
    if (id === undefined) {
      const processed = processTerm(token, fields[fieldId]!);
      const terms = Array.isArray(processed) ? processed : processed ? [processed] : [];
      id = this.term.push(terms.length === 1 ? this.postings.termId(terms[0]!) : terms.length === 0 ? -1 : -2);
      if (terms.length > 1) this.multiple.set(id, terms.map((t) => this.postings.termId(t)));
      this.lastSeen.push(-1);
      ids.set(token, id);
    }
    return id;
  }
}

/**
 * The files of the index part over `documents` (short ids in their order), each at most
 * `maxBytes`, as `BundleIndexPart` describes them.
 */
export function indexPartFiles(documents: readonly SearchDocument[], maxBytes: number): string[] {
  const postings = new Postings();
  const tokens = new Tokens(postings);
  const averageFieldLength: number[] = [];
  const ids: string[] = [];
  const lengths: string[] = [];
  const stored: string[] = [];

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
        const token = tokens.id(fieldTokens[t]!, fieldId);
        if (tokens.lastSeen.data[token] !== stamp) {
          tokens.lastSeen.data[token] = stamp;
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
    const storedFields: Record<string, unknown> = {};
    for (const field of storeFields) {
      const value = document[field as keyof SearchDocument];
      if (value !== undefined) storedFields[field] = value;
    }
    ids.push(`"${shortId}":${JSON.stringify(document.id)}`);
    lengths.push(`"${shortId}":${JSON.stringify(fieldLength)}`);
    stored.push(`"${shortId}":${JSON.stringify(storedFields)}`);
  }

  const count = documents.length;
  const head = [
    `{"documentCount":${count},"nextId":${count},"documentIds":{`,
    `},"fieldIds":${fieldIds},"fieldLength":{`,
    `},"averageFieldLength":${JSON.stringify(averageFieldLength)},"storedFields":{`,
    '},"dirtCount":0,"index":[',
    '],"serializationVersion":2}',
  ] as const;
  const piece = ['{"documentIds":{', '},"fieldLength":{', '},"storedFields":{', '},"index":[', ']}'] as const;
  const files = new FilePacker(head, piece, maxBytes);
  for (let i = 0; i < count; i++) files.addDocument(ids[i]!, lengths[i]!, stored[i]!);
  for (const { term, id } of postings.sorted()) {
    const byField: (string[] | undefined)[] = [];
    for (let f = 0; f < FIELDS; f++) {
      const pairs = postings.pairs(id, f);
      if (pairs.length > 0) byField[f] = pairs;
    }
    for (const entry of termEntries(term, byField, files.pieceCapacity)) files.addTerm(entry);
  }
  return files.finish();
}

/** A file's entry and its size in UTF-8 bytes. */
interface Entry {
  text: string;
  bytes: number;
}

/**
 * A term's entry `[term, {fieldId: {shortId: frequency}}]`, or several entries of that term, each
 * with some of its fields or documents, when one would be over `capacity` bytes. Only the term
 * may be other than ASCII, so sizes are counted without encoding the entries.
 */
function termEntries(term: string, byField: readonly (string[] | undefined)[], capacity: number): Entry[] {
  const key = JSON.stringify(term);
  const extraBytes = utf8Bytes(key) - key.length;
  const whole: string[] = [];
  for (const [fieldId, pairs] of byField.entries()) if (pairs) whole.push(`"${fieldId}":{${pairs.join(',')}}`);
  const text = `[${key},{${whole.join(',')}}]`;
  if (text.length + extraBytes <= capacity) return [{ text, bytes: text.length + extraBytes }];

  // Too large for any file: one entry per run of documents that fits.
  const entries: Entry[] = [];
  const fieldsText = (list: string[]) => `[${key},{${list.join(',')}}]`;
  const overhead = fieldsText([]).length + extraBytes + 1;
  let current: string[] = [];
  let size = overhead;
  const close = () => {
    const entry = fieldsText(current);
    entries.push({ text: entry, bytes: entry.length + extraBytes });
    current = [];
    size = overhead;
  };
  for (const [fieldId, list] of byField.entries()) {
    if (list === undefined) continue;
    let pairs: string[] = [];
    const fieldOverhead = `"${fieldId}":{},`.length;
    for (const pair of list) {
      if (size + (pairs.length === 0 ? fieldOverhead : 0) + pair.length + 1 > capacity && (pairs.length > 0 || current.length > 0)) {
        if (pairs.length > 0) current.push(`"${fieldId}":{${pairs.join(',')}}`);
        pairs = [];
        close();
      }
      if (pairs.length === 0) size += fieldOverhead;
      pairs.push(pair);
      size += pair.length + 1;
    }
    if (pairs.length > 0) current.push(`"${fieldId}":{${pairs.join(',')}}`);
  }
  if (current.length > 0) close();
  return entries;
}

/**
 * Fills files in order, each up to `maxBytes`: the first with the head's skeleton, the others
 * with the piece's; documents (their three table entries together), then terms.
 */
class FilePacker {
  private readonly files: string[] = [];
  private ids: string[] = [];
  private lengths: string[] = [];
  private stored: string[] = [];
  private terms: string[] = [];
  private size: number;
  /** Room for entries in a file after the first. */
  readonly pieceCapacity: number;

  constructor(
    private readonly head: readonly string[],
    private readonly piece: readonly string[],
    private readonly maxBytes: number,
  ) {
    this.size = utf8Bytes(head.join(''));
    this.pieceCapacity = maxBytes - utf8Bytes(piece.join(''));
    if (this.size > maxBytes || this.pieceCapacity <= 0) throw new Error(`bundle: a ${maxBytes}-byte file limit leaves no room for the search index`);
  }

  addDocument(id: string, length: string, stored: string): void {
    // The field lengths are digits; the id and stored fields may be any text.
    const bytes = utf8Bytes(id) + length.length + utf8Bytes(stored) + 3;
    if (bytes > this.pieceCapacity) throw new Error(`bundle: article ${id}: its search index entry is ${bytes} bytes, over the ${this.maxBytes}-byte file limit`);
    this.makeRoom(bytes);
    this.ids.push(id);
    this.lengths.push(length);
    this.stored.push(stored);
  }

  addTerm(entry: Entry): void {
    this.makeRoom(entry.bytes + 1);
    this.terms.push(entry.text);
  }

  finish(): string[] {
    this.flush();
    // Sizes are counted as entries are added; this only guards against a mistake in that count.
    for (const file of this.files) {
      if (utf8Bytes(file) > this.maxBytes) throw new Error(`bundle: a search index file came out over the ${this.maxBytes}-byte file limit`);
    }
    return this.files;
  }

  private makeRoom(bytes: number): void {
    const empty = this.ids.length === 0 && this.terms.length === 0;
    if (this.size + bytes > this.maxBytes && !empty) this.flush();
    this.size += bytes;
  }

  private flush(): void {
    const skeleton = this.files.length === 0 ? this.head : this.piece;
    const tables = [this.ids, this.lengths, this.stored, this.terms].map((list) => list.join(','));
    this.files.push(skeleton.map((text, i) => text + (tables[i] ?? '')).join(''));
    this.ids = [];
    this.lengths = [];
    this.stored = [];
    this.terms = [];
    this.size = utf8Bytes(this.piece.join(''));
  }
}
