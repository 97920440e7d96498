/**
 * Reads articles from JSON records: a JSON array of records (or an object holding one), or JSON
 * Lines with one record per line. Which record field holds which article field is stated by a
 * {@link FieldMapping}, so one reader serves any dataset.
 */
import { htmlToText } from '../bundle/htmlToText';
import { cleanName, cleanText, labelName } from '../import/normalise';
import { paragraphsToHtml } from '../import/paragraphsToHtml';
import { type SourceArticle, type SourceReadResult, SourceError } from '../import/SourceArticle';
import { sanitizeArticleHtml } from '../import/sanitizeArticleHtml';
import { joinNames, parseSourceDate } from '../import/normalise';

/** The article fields a record can fill. */
export const ARCHIVE_FIELDS = ['title', 'date', 'summary', 'body', 'author', 'category', 'tags', 'url', 'outlet'] as const;
export type ArchiveField = (typeof ARCHIVE_FIELDS)[number];

/**
 * Which record field (a key, or a dotted path into nested objects: `author.name`) holds each
 * article field. Only the title is required.
 */
export type FieldMapping = { title: string } & Partial<Record<Exclude<ArchiveField, 'title'>, string>>;

/** The News Category Dataset (Misra 2022), as published on Kaggle and HuffPost's own export. */
export const HUFFPOST_MAPPING: FieldMapping = {
  title: 'headline',
  summary: 'short_description',
  category: 'category',
  author: 'authors',
  date: 'date',
  url: 'link',
};

/**
 * Parses a mapping as the command line states it: `title=headline,summary=short_description`.
 * Throws an `Error` prefixed `field mapping:` for an unknown field, an entry that is not
 * `field=name`, a field mapped twice, or a missing title.
 */
export function parseFieldMapping(text: string): FieldMapping {
  const mapping: Partial<Record<ArchiveField, string>> = {};
  for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const match = /^([^=\s]+)\s*=\s*(\S.*)$/.exec(entry);
    if (!match) throw new Error(`field mapping: "${entry}" is not field=name (example: title=headline)`);
    const [, field, name] = match as unknown as [string, string, string];
    if (!isArchiveField(field)) {
      throw new Error(`field mapping: unknown field "${field}" (the fields are ${ARCHIVE_FIELDS.join(', ')})`);
    }
    if (mapping[field] !== undefined) throw new Error(`field mapping: "${field}" is mapped twice`);
    mapping[field] = name.trim();
  }
  if (mapping.title === undefined) throw new Error('field mapping: no title=… (every record needs a title)');
  return mapping as FieldMapping;
}

function isArchiveField(name: string): name is ArchiveField {
  return (ARCHIVE_FIELDS as readonly string[]).includes(name);
}

/**
 * Reads JSON or JSON Lines records into articles. Records are named `record N` in a JSON array
 * and `line N` in JSON Lines. A record that cannot be read (malformed line, no title, a date
 * that is no date, nothing for a body) is refused with its reason while the others are read:
 * every record in a dataset is meant to be news, so none is left out by design. A file where no
 * record parses is a {@link SourceError}. A record without a body gets its summary as the body.
 */
export function readJsonRecords(text: string, file: string, mapping: FieldMapping): SourceReadResult {
  const records = parseRecords(text.replace(/^\uFEFF/, ''), file);
  const read = compileMapping(mapping);
  const result: SourceReadResult = { articles: [], skipped: [], refused: [...records.refused] };
  for (const { record, value } of records.parsed) {
    const article = toArticle(value, read, file, record);
    if (typeof article === 'string') result.refused!.push({ record, reason: article });
    else result.articles.push(article);
  }
  return result;
}

// ---------------------------------------------------------------------------
// Records

interface ParsedRecords {
  parsed: { record: string; value: unknown }[];
  refused: { record: string; reason: string }[];
}

function parseRecords(text: string, file: string): ParsedRecords {
  const trimmed = text.trim();
  if (trimmed === '') throw new SourceError(file, 'empty file');
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let whole: unknown;
    try {
      whole = JSON.parse(trimmed);
    } catch (err) {
      // Several objects, one per line, are JSON Lines; a broken array is broken JSON.
      if (trimmed.startsWith('[')) throw new SourceError(file, `not valid JSON (${(err as Error).message})`);
    }
    if (Array.isArray(whole)) return { parsed: whole.map((value, i) => ({ record: `record ${i + 1}`, value })), refused: [] };
    if (isObject(whole)) return { parsed: recordsOfObject(whole, trimmed.includes('\n'), file), refused: [] };
  }
  return parseLines(text, file);
}

/**
 * `{"articles": [...]}`: the one array of objects in the object. Any other object is one record:
 * a JSON file holding one, or JSON Lines holding one line.
 */
function recordsOfObject(object: Record<string, unknown>, multiline: boolean, file: string): ParsedRecords['parsed'] {
  const arrays = Object.entries(object).filter(([, value]) => Array.isArray(value) && value.some(isObject));
  if (arrays.length > 1) {
    throw new SourceError(file, `the JSON object holds several arrays of records (${arrays.map(([key]) => key).join(', ')}); keep only the one to import`);
  }
  const [entry] = arrays;
  if (!entry) return [{ record: multiline ? 'record 1' : 'line 1', value: object }];
  return (entry[1] as unknown[]).map((value, i) => ({ record: `record ${i + 1}`, value }));
}

function parseLines(text: string, file: string): ParsedRecords {
  const result: ParsedRecords = { parsed: [], refused: [] };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    const record = `line ${i + 1}`;
    try {
      result.parsed.push({ record, value: JSON.parse(line) });
    } catch (err) {
      result.refused.push({ record, reason: `not valid JSON: ${(err as Error).message}` });
    }
  }
  if (result.parsed.length === 0) {
    const first = result.refused[0];
    throw new SourceError(file, first ? `no record parses as JSON (${first.record}: ${first.reason})` : 'empty file');
  }
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------
// Fields

type FieldReader = (record: Record<string, unknown>) => unknown;
type CompiledMapping = Partial<Record<ArchiveField, { name: string; read: FieldReader }>>;

function compileMapping(mapping: FieldMapping): CompiledMapping {
  const compiled: CompiledMapping = {};
  for (const field of ARCHIVE_FIELDS) {
    const name = mapping[field];
    if (name === undefined) continue;
    const path = name.split('.');
    compiled[field] = {
      name,
      // A key with a dot in it wins over the path it spells.
      read: (record) => (name in record ? record[name] : path.reduce<unknown>((value, key) => (isObject(value) ? value[key] : undefined), record)),
    };
  }
  return compiled;
}

/** The article of one record, or why it has none. */
function toArticle(value: unknown, read: CompiledMapping, file: string, record: string): SourceArticle | string {
  if (!isObject(value)) return 'not a JSON object';
  const field = (name: ArchiveField) => read[name]?.read(value);

  const title = text(field('title'));
  if (!title) return `no title ("${read.title?.name}" is empty or missing)`;

  const statedDate = field('date');
  const date = statedDate === undefined || statedDate === null || statedDate === '' ? null : recordDate(statedDate);
  if (date === undefined) return `"${read.date?.name}" is not a date: ${JSON.stringify(statedDate)}`;

  const url = httpUrl(text(field('url')));
  const summary = text(field('summary'));
  const body = bodyOf(field('body'), summary, url);
  if (!body) return `nothing for a body (no "${read.body?.name ?? 'body'}" and no summary)`;

  return {
    file,
    record,
    title,
    date,
    outlet: text(field('outlet')),
    url,
    author: names(field('author')),
    category: categoryName(text(field('category'))),
    tags: [...new Set(list(field('tags')).map(categoryName).filter((tag): tag is string => !!tag))],
    summary,
    ...body,
  };
}

/** A record's date, null when it states none, undefined when what it states is no date. */
function recordDate(value: unknown): string | null | undefined {
  // Unix time, in seconds or (when larger than any seconds value until the year 5000) milliseconds.
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value > 1e11 ? value : value * 1000).toISOString();
  return parseSourceDate(value) ?? undefined;
}

/**
 * The body as HTML and text. HTML is sanitised; plain text becomes paragraphs, safe by
 * construction (which also keeps 10,000 one-paragraph records fast). No body: the summary.
 */
function bodyOf(value: unknown, summary: string | null, url: string | null): Pick<SourceArticle, 'bodyHtml' | 'bodyText'> | null {
  const raw = typeof value === 'string' ? value.trim() : '';
  if (/<[a-z][\s\S]*>/i.test(raw)) {
    const bodyHtml = sanitizeArticleHtml(raw, url);
    const bodyText = htmlToText(bodyHtml);
    if (bodyText) return { bodyHtml, bodyText };
  }
  const paragraphs = raw ? raw.split(/\n\s*\n/).map(cleanText).filter(Boolean) : [];
  if (paragraphs.length === 0 && summary) paragraphs.push(summary);
  if (paragraphs.length === 0) return null;
  return { bodyHtml: paragraphsToHtml(paragraphs), bodyText: paragraphs.join('\n') };
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return cleanText(value) || null;
  if (typeof value === 'number') return String(value);
  if (isObject(value)) return text(value.name) ?? text(value.title);
  return null;
}

/** A list field: a JSON array, or a comma-separated string. */
function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(text).filter((item): item is string => !!item);
  const single = text(value);
  return single ? single.split(',').map(cleanText).filter(Boolean) : [];
}

/** Authors as one byline. A string is kept as the source writes it ("Carla K. Johnson, AP"). */
function names(value: unknown): string | null {
  if (Array.isArray(value)) return joinNames(list(value));
  const single = text(value);
  return single ? cleanName(single) || null : null;
}

function httpUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    return /^https?:$/.test(new URL(value).protocol) ? value : null;
  } catch {
    return null;
  }
}

/** Words that stay in capitals when an all-caps label is title-cased. */
const ACRONYMS = new Set(['US', 'USA', 'UK', 'EU', 'UN', 'AI', 'TV', 'LGBT', 'LGBTQ', 'LGBTQ+', 'NBA', 'NFL', 'NHL', 'MLB', 'HIV', 'COVID', 'COVID-19']);

/**
 * A category as a reader should see it: an all-caps label is title-cased ("U.S. NEWS" →
 * "U.S. News", "CULTURE & ARTS" → "Culture & Arts"), keeping abbreviations (U.S., UK); a
 * slug-like label gets its words back; anything else is kept as written.
 */
export function categoryName(label: string | null): string | null {
  if (!label) return null;
  const text = cleanText(label);
  if (!/\p{Lu}/u.test(text) || /\p{Ll}/u.test(text)) return labelName(text) || null;
  return text
    .split(' ')
    .map((word) => (ACRONYMS.has(word) || /^(\p{Lu}\.)+$/u.test(word) ? word : word.charAt(0) + word.slice(1).toLowerCase()))
    .join(' ');
}
