import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ExtractError, extractTextDump } from '../extract/extractTextDump';
import iconv from 'iconv-lite';
import { decodeXmlBytes, unicodeEncodingOf } from '../sources/decodeXmlBytes';
import { readFeed } from '../sources/readFeed';
import { readHtmlPage } from '../sources/readHtmlPage';
import { type FieldMapping, readJsonRecords } from '../sources/readJsonRecords';
import { createMarkdownContext, readMarkdown, type MarkdownContext } from '../sources/readMarkdown';
import { readWxr } from '../sources/readWxr';
import { xmlProlog } from '../sources/wellFormedXml';
import { decodePageBytes } from './decodePageBytes';
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

/** True when the bytes look like binary data rather than text (UTF-16 and UTF-32 are decoded first). */
function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return true;
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  return sample.length > 0 && control / sample.length > 0.1;
}

/** Feed roots: RSS 0.9x/2.0, Atom, RSS 1.0 (RDF). */
const FEED_ROOTS = /^((\w+:)?rss|(\w+:)?feed|rdf:RDF)$/i;

/** Elements an HTML page, or a saved part of one, starts with (XML documents have none of them as root). */
const HTML_ROOTS =
  /^(html|head|body|meta|title|link|base|main|article|section|header|nav|div|p|h[1-6]|table|br|b|i|strong|em|span|font|center|script|style|noscript|a|img|form|ul|ol|iframe)$/i;

/** An HTML page's own start, further down: what a server printed before it (PHP warnings) does not make it another format. */
const HTML_START_LATER = /<!doctype\s+html\b|<html[\s>]/i;

/**
 * An XML declaration written as text, as a CMS that escaped a page's source leaves it:
 * `&lt;?xml version="1.0" encoding="utf-8"?&gt;`, also as `&#60;`/`&#x3C;` or escaped twice.
 */
const ESCAPED_XML_DECLARATION = /^(?:&lt;|&#0*60;|&#x0*3c;|&amp;lt;)\?xml\b(?:(?!&gt;|&#0*62;|&#x0*3e;|&amp;gt;)[^<\n])*(?:&gt;|&#0*62;|&#x0*3e;|&amp;gt;)\s*/i;

/** The text without byte-order mark, leading white space, or an escaped XML declaration. */
function markupStart(text: string): string {
  return text.replace(/^\uFEFF/, '').trimStart().replace(ESCAPED_XML_DECLARATION, '');
}

/**
 * Detects a source's format from its content (and, for Markdown, its name). Markup is recognised
 * by its first element, past the XML declaration, comments, processing instructions and a
 * DOCTYPE: `<rss>`, `<feed>` or `<rdf:RDF>` is a feed — a WordPress export when its channel
 * states a `<wp:wxr_version>` (ordinary feeds declare the `wp` namespace too) — and `<html>` or
 * another HTML element is a page. Other XML goes to the feed reader, which refuses it naming its
 * root element.
 */
export function detectFormat(file: string, text: string): SourceFormat {
  const head = markupStart(text.slice(0, 4096));
  if (/\.(md|markdown)$/i.test(file) || /^---\r?\n[\s\S]*?\r?\n---/.test(head)) return 'markdown';
  if (/^[[{]/.test(head)) return 'json';
  // A saved page that a server prefixed with a plain-text notice: its name and its own start say what it is.
  if (!head.startsWith('<')) return /\.x?html?$/i.test(file) && HTML_START_LATER.test(text.slice(0, 65536)) ? 'html' : 'text';
  // A prolog of comments can be long; a megabyte of it is no source.
  const { doctype, root } = xmlProlog(markupStart(text.slice(0, 1 << 20)));
  if (/^html$/i.test(doctype?.name ?? '') || HTML_ROOTS.test(root ?? '')) return 'html';
  if (FEED_ROOTS.test(root ?? '')) return isWxr(text) ? 'wxr' : 'feed';
  if (HTML_START_LATER.test(text.slice(0, 65536))) return 'html';
  return /^<[?!]/.test(head) || root?.includes(':') ? 'feed' : 'text';
}

/** WordPress writes `<wp:wxr_version>` near the top of the channel, before the first item. */
function isWxr(text: string): boolean {
  const firstItem = text.indexOf('<item');
  return /<wp:wxr_version\s*>/.test(firstItem === -1 ? text : text.slice(0, firstItem));
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
  // UTF-16 and UTF-32 are text whatever their NUL bytes say: decoded first, read as any text.
  const unicode = unicodeEncodingOf(bytes);
  const wide = unicode !== null && unicode.encoding !== 'utf-8';
  const text = wide ? iconv.decode(bytes.subarray(unicode.bomLength), unicode.encoding, { stripBOM: false }) : bytes.toString('utf8');
  if (bytes.length === 0 || text.replace(/^\uFEFF/, '').trim() === '') throw new SourceError(label, 'empty file');
  if (wide ? text.includes('\u0000') : looksBinary(bytes)) throw new SourceError(label, 'not a text file (binary content)');
  const format = options.format ?? detectFormat(label, text);
  // Pages and dumps as a browser decodes them (declared charset, else UTF-8, else Windows-1252).
  const page = (kind: 'html' | 'text') => (wide ? text : decodePageBytes(bytes, kind));
  switch (format) {
    case 'text':
      return fromTextDump(page('text'), label);
    case 'html':
      // An escaped XML declaration is no text of the page.
      return readHtmlPage(markupStart(page('html')), label, { url: options.url });
    case 'feed':
      return readFeed(decodeXmlBytes(bytes, label), label);
    case 'wxr':
      return readWxr(decodeXmlBytes(bytes, label), label);
    case 'markdown':
      return readMarkdown(text.replace(/^\uFEFF/, ''), file, options.markdown ?? createMarkdownContext());
    case 'json':
      if (!options.mapping) {
        throw new SourceError(label, 'JSON records need a field mapping: --map huffpost, or --map title=headline,date=date,…');
      }
      return readJsonRecords(text.replace(/^\uFEFF/, ''), label, options.mapping);
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
