import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ExtractError, extractTextDump } from '../extract/extractTextDump';
import { type SourceArticle, SourceError } from './SourceArticle';
import { paragraphsToHtml } from './paragraphsToHtml';

/** Source formats the librarian reads. */
export type SourceFormat = 'text';

export const SOURCE_FORMATS: readonly SourceFormat[] = ['text'];

/** Files larger than this are refused before they are read: no real page or feed is this big. */
export const MAX_SOURCE_BYTES = 64 * 1024 * 1024;

/** True when the bytes look like binary data rather than text. */
function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return true;
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  return sample.length > 0 && control / sample.length > 0.1;
}

/** Detects a source's format from its content. */
export function detectFormat(file: string, text: string): SourceFormat {
  const head = text.slice(0, 2048).trimStart();
  if (/^(<\?xml|<rss[\s>]|<feed[\s>]|<rdf:RDF)/i.test(head) || /^<!doctype html|^<html[\s>]/i.test(head)) {
    throw new SourceError(file, 'HTML pages, feeds and XML exports are not supported by this version of the librarian yet');
  }
  return 'text';
}

/**
 * Reads one source file into the articles it holds. Throws a {@link SourceError} naming the file
 * and the problem (missing, too large, binary, empty, no article found).
 */
export async function readSourceFile(file: string, format?: SourceFormat): Promise<SourceArticle[]> {
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
  const text = bytes.toString('utf8');
  const kind = format ?? detectFormat(label, text);
  switch (kind) {
    case 'text': {
      try {
        const page = extractTextDump(text, label);
        return [
          {
            file: label,
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
        ];
      } catch (err) {
        if (err instanceof ExtractError) throw new SourceError(label, err.message.replace(`${label}: `, ''));
        throw err;
      }
    }
  }
}
