import { describe, expect, it } from 'vitest';
import type { BundleTextsFile } from '../../core/format';
import { htmlToPlainText } from '../../core/htmlToPlainText';
import { toSearchDocument } from '../../core/searchOptions';
import { readArchive } from '../archive/readArchive';
import { byIndexOrder, DEFAULT_TEXT_CHUNK_BYTES, indexLayers, termIndexFiles } from './termIndexFiles';

/** The committed archive's articles as the builder indexes them (short-id order). */
async function archiveDocuments() {
  const archive = await readArchive('archive');
  const articles = archive.months.flatMap((m) => m.articles).sort(byIndexOrder);
  const documents = articles.map((a) => toSearchDocument(a, (s) => s, (s) => s, htmlToPlainText(a.body)));
  const counts = new Map<string, number>();
  for (const a of articles) counts.set(a.date.slice(0, 7), (counts.get(a.date.slice(0, 7)) ?? 0) + 1);
  const months = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count }));
  return { documents, layers: indexLayers(months) };
}

describe('termIndexFiles: the snippet store', () => {
  it('writes every article’s indexed text once, by short id, in files of about the chunk size', async () => {
    const { documents, layers } = await archiveDocuments();
    const written = termIndexFiles(documents, layers, (stem) => `${stem}.json`, { shardBytes: 96 * 1024, maxFileBytes: 1.5 * 2 ** 20 });
    const store = written.index.texts!;
    const files = new Map(written.files);
    expect(store.files).toHaveLength(store.from.length);
    expect(store.from[0]).toBe(0);
    const texts: string[] = [];
    for (const [i, name] of store.files.entries()) {
      const content = files.get(name)!;
      const file = JSON.parse(content) as BundleTextsFile;
      expect(file.from).toBe(store.from[i]);
      expect(file.from).toBe(texts.length);
      texts.push(...file.texts);
      // Closed once over the chunk size: no file but the last is much under it, none far over it
      // unless one article alone is.
      if (i < store.files.length - 1) expect(Buffer.byteLength(content)).toBeGreaterThanOrEqual(DEFAULT_TEXT_CHUNK_BYTES);
      const largest = Math.max(...file.texts.map((t) => Buffer.byteLength(JSON.stringify(t))));
      expect(Buffer.byteLength(content)).toBeLessThan(DEFAULT_TEXT_CHUNK_BYTES + largest + 200);
    }
    expect(texts).toEqual(documents.map((d) => d.body));
  });

  it('keeps every file under the file limit, starting a new file before an article would pass it', () => {
    const body = (n: number) => 'Raqqa '.repeat(n).trim();
    const documents = [300, 300, 10, 300].map((n, i) =>
      toSearchDocument(
        { id: `a${i}`, slug: `a${i}`, title: 'Raqqa', date: '2017-11-10', sources: [], author: null, category: null, tags: [], summary: '', body: '' },
        (s) => s,
        (s) => s,
        body(n),
      ),
    );
    const written = termIndexFiles(documents, [{ from: '2017-11', to: '2017-11', documentCount: 4 }], (stem) => `${stem}.json`, {
      shardBytes: 4096,
      maxFileBytes: 4096,
      textChunkBytes: 100_000,
    });
    const files = new Map(written.files);
    expect(written.index.texts!.from).toEqual([0, 3]);
    for (const name of written.index.texts!.files) expect(Buffer.byteLength(files.get(name)!)).toBeLessThanOrEqual(4096);
  });
});
