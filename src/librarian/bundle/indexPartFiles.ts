/**
 * One part of the search index as the files of the bundle (see `BundleIndexPart` in
 * `core/format.ts`): the JSON that `new MiniSearch(searchIndexOptions)`, `addAll(documents)` and
 * `JSON.stringify` would give, written directly and split under the file size limit.
 *
 * Why not MiniSearch itself: its radix tree, `toJSON` and `JSON.stringify` were three quarters
 * of a build (about 1,000 articles/s at 100,000 articles). This counts terms in flat typed arrays
 * and writes the JSON as bytes. It does what `MiniSearch#add` does (MiniSearch 7.2.0,
 * serialization version 2): the same `tokenize` and `processTerm` (which ignores the field: a
 * token's terms are worked out once for every field), a field's length counted as its distinct
 * tokens, the average field lengths as MiniSearch's running average, stored fields in
 * `storeFields` order. `buildBundle.test.ts` checks that the files join back into the very JSON
 * MiniSearch writes, but for the order of terms (as they first appear here, the tree's order there).
 */
import type { SearchDocument } from '../../core/searchOptions';
import { searchIndexOptions } from '../../core/searchOptions';
import { countTerms, FIELDS, TermPostings, utf8Bytes } from './countTerms';

export { utf8Bytes };

const { fields, storeFields = [] } = searchIndexOptions;
const fieldIds = JSON.stringify(Object.fromEntries(fields.map((field, i) => [field, i])));

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Writes a non-negative integer's digits at `at`; returns where they end. */
function writeInt(buffer: Buffer, at: number, value: number): number {
  if (value < 10) {
    buffer[at] = 0x30 + value;
    return at + 1;
  }
  let digits = 1;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  for (let i = at + digits - 1, rest = value; i >= at; i--, rest = Math.floor(rest / 10)) buffer[i] = 0x30 + (rest % 10);
  return at + digits;
}

/** JSON text written as UTF-8 into a buffer that grows as needed. */
class ByteWriter {
  buffer: Buffer;
  length = 0;

  constructor(size = 64 * 1024) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  /** For writing straight into `buffer`: what was written ends at `at`; makes room for `bytes` more. */
  grow(at: number, bytes: number): [Buffer, number] {
    this.length = at;
    this.reserve(bytes);
    return [this.buffer, at];
  }

  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  text(value: string): void {
    this.reserve(value.length < 1024 ? value.length * 3 : utf8Bytes(value));
    this.length += this.buffer.write(value, this.length, 'utf8');
  }

  bytes(value: Uint8Array): void {
    this.reserve(value.length);
    this.buffer.set(value, this.length);
    this.length += value.length;
  }

  /** What was written, as a buffer of its own. */
  copy(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.length));
  }

  view(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

/** Postings (see `countTerms.ts`) that write themselves as MiniSearch's JSON. */
class Postings extends TermPostings {
  /** Writes the term's entry `[term, {fieldId: {shortId: frequency}}]`; `key` is the term as JSON. */
  writeEntry(termId: number, key: string, out: ByteWriter): void {
    const { document, frequency, next } = this;
    out.byte(OPEN_BRACKET);
    out.text(key);
    out.byte(COMMA);
    out.byte(OPEN_BRACE);
    // Millions of postings: written straight into the buffer, making room once per pair (at most
    // `,"2147483647":2147483647`, 26 bytes). No closure here: tsx wraps every function it creates.
    let buffer = out.buffer;
    let at = out.length;
    let separate = false;
    for (let f = 0; f < FIELDS; f++) {
      let record = this.head.data[termId * FIELDS + f]!;
      if (record < 0) continue;
      if (at + 32 > buffer.length) [buffer, at] = out.grow(at, 32);
      if (separate) buffer[at++] = COMMA;
      separate = true;
      buffer[at++] = QUOTE;
      at = writeInt(buffer, at, f);
      buffer[at++] = QUOTE;
      buffer[at++] = COLON;
      buffer[at++] = OPEN_BRACE;
      for (let first = true; record >= 0; record = next.data[record]!, first = false) {
        if (at + 32 > buffer.length) [buffer, at] = out.grow(at, 32);
        if (!first) buffer[at++] = COMMA;
        buffer[at++] = QUOTE;
        at = writeInt(buffer, at, document.data[record]!);
        buffer[at++] = QUOTE;
        buffer[at++] = COLON;
        at = writeInt(buffer, at, frequency.data[record]!);
      }
      buffer[at++] = CLOSE_BRACE;
    }
    if (at + 2 > buffer.length) [buffer, at] = out.grow(at, 2);
    buffer[at++] = CLOSE_BRACE;
    buffer[at++] = CLOSE_BRACKET;
    out.length = at;
  }

  /**
   * The term's entry cut into several, each with some of its fields or documents and at most
   * `capacity` bytes: for a term whose entry would not fit in any file.
   */
  splitEntry(termId: number, key: string, capacity: number): Buffer[] {
    const { document, frequency, next } = this;
    const entries: Buffer[] = [];
    const entryText = (fieldTexts: string[]) => `[${key},{${fieldTexts.join(',')}}]`;
    const overhead = utf8Bytes(entryText([])) + 1;
    let current: string[] = [];
    let size = overhead;
    const close = () => {
      entries.push(Buffer.from(entryText(current)));
      current = [];
      size = overhead;
    };
    for (let f = 0; f < FIELDS; f++) {
      let pairs: string[] = [];
      const fieldOverhead = `"${f}":{},`.length;
      for (let record = this.head.data[termId * FIELDS + f]!; record >= 0; record = next.data[record]!) {
        const pair = `"${document.data[record]}":${frequency.data[record]}`;
        if (size + (pairs.length === 0 ? fieldOverhead : 0) + pair.length + 1 > capacity && (pairs.length > 0 || current.length > 0)) {
          if (pairs.length > 0) current.push(`"${f}":{${pairs.join(',')}}`);
          pairs = [];
          close();
        }
        if (pairs.length === 0) size += fieldOverhead;
        pairs.push(pair);
        size += pair.length + 1;
      }
      if (pairs.length > 0) current.push(`"${f}":{${pairs.join(',')}}`);
    }
    if (current.length > 0) close();
    return entries;
  }
}

/**
 * The files of the index part over `documents` (short ids in their order), each at most
 * `maxBytes`, as `BundleIndexPart` describes them: UTF-8 JSON.
 */
export function indexPartFiles(documents: readonly SearchDocument[], maxBytes: number): Buffer[] {
  const { postings, fieldLengths, averageFieldLength } = countTerms(documents, new Postings());
  const ids: string[] = [];
  const lengths: string[] = [];
  const stored: string[] = [];
  for (let shortId = 0; shortId < documents.length; shortId++) {
    const document = documents[shortId]!;
    const storedFields: Record<string, unknown> = {};
    for (const field of storeFields) {
      const value = document[field as keyof SearchDocument];
      if (value !== undefined) storedFields[field] = value;
    }
    ids.push(`"${shortId}":${JSON.stringify(document.id)}`);
    lengths.push(`"${shortId}":${JSON.stringify(fieldLengths[shortId])}`);
    stored.push(`"${shortId}":${JSON.stringify(storedFields)}`);
  }

  const count = documents.length;
  const head = [
    `{"documentCount":${count},"nextId":${count},"documentIds":{`,
    `},"fieldIds":${fieldIds},"fieldLength":{`,
    `},"averageFieldLength":${JSON.stringify(averageFieldLength)},"storedFields":{`,
    '},"dirtCount":0,"index":[',
    '],"serializationVersion":2}',
  ];
  const piece = ['{"documentIds":{', '},"fieldLength":{', '},"storedFields":{', '},"index":[', ']}'];
  const files = new FilePacker(head, piece, maxBytes);
  for (let i = 0; i < count; i++) files.addDocument(ids[i]!, lengths[i]!, stored[i]!);
  const entry = new ByteWriter();
  // Terms in the order they first appear: deterministic, and sorting them cost 5% of a build.
  for (const [id, term] of postings.terms.entries()) {
    const key = JSON.stringify(term);
    entry.length = 0;
    postings.writeEntry(id, key, entry);
    if (entry.length <= files.pieceCapacity) files.addTerm(entry.view());
    else for (const part of postings.splitEntry(id, key, files.pieceCapacity)) files.addTerm(part);
  }
  return files.finish();
}

/**
 * Fills files in order, each up to `maxBytes`: the first with the head's skeleton, the others
 * with the piece's; documents (their three table entries together), then terms.
 */
class FilePacker {
  private readonly files: Buffer[] = [];
  private ids: string[] = [];
  private lengths: string[] = [];
  private stored: string[] = [];
  private readonly terms = new ByteWriter(256 * 1024);
  private termCount = 0;
  /** Bytes of the file being filled, counting a separator for every entry. */
  private size: number;
  private readonly pieceBytes: number;
  /** Room for entries in a file after the first. */
  readonly pieceCapacity: number;

  constructor(
    private readonly head: readonly string[],
    private readonly piece: readonly string[],
    private readonly maxBytes: number,
  ) {
    this.size = utf8Bytes(head.join(''));
    this.pieceBytes = utf8Bytes(piece.join(''));
    this.pieceCapacity = maxBytes - this.pieceBytes;
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

  addTerm(entry: Uint8Array): void {
    this.makeRoom(entry.length + 1);
    if (this.termCount++ > 0) this.terms.byte(COMMA);
    this.terms.bytes(entry);
  }

  finish(): Buffer[] {
    this.flush();
    return this.files;
  }

  private makeRoom(bytes: number): void {
    const empty = this.ids.length === 0 && this.termCount === 0;
    if (this.size + bytes > this.maxBytes && !empty) this.flush();
    this.size += bytes;
  }

  private flush(): void {
    const skeleton = this.files.length === 0 ? this.head : this.piece;
    const out = new ByteWriter(this.size);
    out.text(skeleton[0]!);
    out.text(this.ids.join(','));
    out.text(skeleton[1]!);
    out.text(this.lengths.join(','));
    out.text(skeleton[2]!);
    out.text(this.stored.join(','));
    out.text(skeleton[3]!);
    out.bytes(this.terms.view());
    out.text(skeleton[4]!);
    // Sizes are counted as entries are added; this only guards against a mistake in that count.
    if (out.length > this.maxBytes) throw new Error(`bundle: a search index file came out over the ${this.maxBytes}-byte file limit`);
    this.files.push(out.copy());
    this.ids = [];
    this.lengths = [];
    this.stored = [];
    this.terms.length = 0;
    this.termCount = 0;
    this.size = this.pieceBytes;
  }
}
