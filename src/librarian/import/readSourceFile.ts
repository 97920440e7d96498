import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ExtractError, extractTextDump } from '../extract/extractTextDump';
import { decodeXmlBytes } from '../sources/decodeXmlBytes';
import { readFeed } from '../sources/readFeed';
import { readHtmlPage } from '../sources/readHtmlPage';
import { type FieldMapping, readJsonRecords } from '../sources/readJsonRecords';
import { createMarkdownContext, readMarkdown, type MarkdownContext } from '../sources/readMarkdown';
import { readWxr } from '../sources/readWxr';
import { paragraphsToHtml } from './paragraphsToHtml';
import { SourceError, type SourceReadResult } from './SourceArticle';

/** Source formats the librarian reads. */
export const SOURCE_FORMATS = ['text', 'html', 'feed', 'wxr', 'markdown', 'json'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** Files larger than this are refused before they are read: no real page or feed is this big. */
export const MAX_SOURCE_BYTES = 64 * 1024 * 1024;

/** What reading a file may need beyond the file itself. */
export interface ReadSourceOptions {
  format?: SourceFormat;
  /** Field mapping for JSON and JSON Lines records. */
  mapping?: FieldMapping;
  /**
   * Hugo/Jekyll: the site's taxonomy, addresses, references and shortcodes; shared across the
   * files of one import.
   */
  markdown?: MarkdownContext;
  /** The page's address, when the librarian knows it (HTML pages resolve links against it). */
  url?: string;
}

/** True when the bytes look like binary data rather than text. */
function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  // UTF-16 text has NUL bytes too; a BOM says it is text.
  if (sample[0] === 0xff && sample[1] === 0xfe) return false;
  if (sample[0] === 0xfe && sample[1] === 0xff) return false;
  if (sample.includes(0)) return true;
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  return sample.length > 0 && control / sample.length > 0.1;
}

/** Detects a source's format from its content (and, for Markdown, its name). */
export function detectFormat(file: string, text: string): SourceFormat {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (/\.(md|markdown)$/i.test(file) || /^---\r?\n[\s\S]*?\r?\n---/.test(head)) return 'markdown';
  if (/^<\?xml|^<(rss|feed|rdf:RDF)[\s>]/i.test(head)) {
    return /xmlns:wp=|<wp:wxr_version>/i.test(text.slice(0, 65536)) ? 'wxr' : 'feed';
  }
  if (/^<!doctype html|^<html[\s>]|^<head[\s>]|^<body[\s>]/i.test(head)) return 'html';
  if (/^[[{]/.test(head)) return 'json';
  return 'text';
}

function fromTextDump(text: string, file: string): SourceReadResult {
  try {
    const page = extractTextDump(text, file);
    return {
      articles: [
        {
          file,
          record: null,
          title: page.title,
          date: page.date,
          outlet: page.outlet,
          url: null,
          author: page.author,
          category: page.category,
          tags: [],
          summary: page.summary,
          bodyHtml: paragraphsToHtml(page.paragraphs),
          bodyText: page.paragraphs.join('\n'),
        },
      ],
      skipped: [],
    };
  } catch (err) {
    if (err instanceof ExtractError) throw new SourceError(file, err.message.replace(`${file}: `, ''));
    throw err;
  }
}

/**
 * Reads one source file into the articles it holds (and the records it left out). Throws a
 * {@link SourceError} naming the file and the problem: missing, too large, binary, empty,
 * malformed, no article found.
 */
export async function readSourceFile(file: string, options: ReadSourceOptions = {}): Promise<SourceReadResult> {
  const label = path.basename(file);
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (err) {
    throw new SourceError(label, `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (size > MAX_SOURCE_BYTES) {
    throw new SourceError(label, `file is ${(size / 1048576).toFixed(0)} MiB, over the ${MAX_SOURCE_BYTES / 1048576} MiB limit for one source`);
  }
  const bytes = await readFile(file);
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '') throw new SourceError(label, 'empty file');
  if (looksBinary(bytes)) throw new SourceError(label, 'not a text file (binary content)');
  const utf8 = bytes.toString('utf8');
  const format = options.format ?? detectFormat(label, utf8);
  switch (format) {
    case 'text':
      return fromTextDump(utf8, label);
    case 'html':
      return readHtmlPage(utf8, label, { url: options.url });
    case 'feed':
      return readFeed(decodeXmlBytes(bytes, label), label);
    case 'wxr':
      return readWxr(decodeXmlBytes(bytes, label), label);
    case 'markdown':
      return readMarkdown(utf8.replace(/^\uFEFF/, ''), file, options.markdown ?? createMarkdownContext());
    case 'json':
      if (!options.mapping) {
        throw new SourceError(label, 'JSON records need a field mapping: --map huffpost, or --map title=headline,date=date,…');
      }
      return readJsonRecords(utf8.replace(/^\uFEFF/, ''), label, options.mapping);
  }
}

/** File names a directory import reads; everything else in the tree is left alone. */
const SOURCE_EXTENSIONS = /\.(txt|html?|xml|rss|atom|rdf|md|markdown|json|jsonl|ndjson)$/i;

/**
 * Expands directories into the source files below them, sorted, so that a Hugo or Jekyll
 * `content/` tree or a folder of saved pages imports in one command. Hugo section and taxonomy
 * pages (`_index.md`) and hidden files are not articles and are left out.
 */
export async function expandSourcePaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch {
      // A missing path is reported by readSourceFile with its name.
    }
    if (!isDir) {
      out.push(p);
      continue;
    }
    const entries = await readdir(p, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile() && SOURCE_EXTENSIONS.test(e.name) && !e.name.startsWith('.') && e.name !== '_index.md')
      .map((e) => path.join(e.parentPath, e.name))
      .filter((f) => !path.relative(p, f).split(path.sep).some((part) => part.startsWith('.')));
    out.push(...files.sort());
  }
  return out;
}
