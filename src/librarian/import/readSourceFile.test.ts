import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_FILES, seedsPresent } from '../testing/tempArchive';
import { detectFormat, readSourceFile } from './readSourceFile';
import { SourceError } from './SourceArticle';

const FIXTURES = path.resolve(process.cwd(), 'src/librarian/sources/testing');

function fixtureText(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

describe('detectFormat', () => {
  it.each([
    ['comment-first.rss', 'feed'],
    ['doctype-first.rss', 'feed'],
    ['dcterms.rdf', 'feed'],
    ['wp-namespace.rss', 'feed'],
    ['wxr-1.0.xml', 'wxr'],
    ['wxr-coauthors.xml', 'wxr'],
    ['escaped-declaration.html', 'html'],
  ])('recognises %s by its content as %s', (name, format) => {
    expect(detectFormat(name, fixtureText(name))).toBe(format);
  });

  it('recognises a saved page that starts with a comment, and an XHTML page with its declaration, as HTML', () => {
    expect(detectFormat('tram.htm', '<!-- saved from url=(0040)https://lakeside-times.example/tram -->\n<html><body><p>Tram</p></body></html>')).toBe('html');
    expect(detectFormat('tram.xhtml', '<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n<html/>')).toBe('html');
    expect(detectFormat('tram.html', '&#60;?xml version="1.0"?&#62;<html><body><p>Tram</p></body></html>')).toBe('html');
  });

  it('recognises a saved page that a server prefixed with its warnings as HTML', () => {
    const warnings = '<br />\n<b>Warning</b>:  mysql_connect(): Access denied in <b>/www/htdocs/db.php</b> on line <b>299</b><br />\n';
    expect(detectFormat('mai.html', `${warnings}<!DOCTYPE html>\n<html lang="de"><head><title>Mai</title></head><body><p>Text</p></body></html>`)).toBe('html');
    expect(detectFormat('mai.html', `Notice: undefined index in /www/index.php\n<html><body><p>Text</p></body></html>`)).toBe('html');
    expect(detectFormat('html-howto.txt', `How to start a page\nWrite <html> first, then <head>.`)).toBe('text');
  });

  it('sends other XML to the feed reader, which names its root, and leaves plain text a text dump', () => {
    expect(detectFormat('sitemap.xml', '<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>')).toBe('feed');
    expect(detectFormat('tram.txt', 'Tram line reopens after two-year rebuild\n\nThe number 3 tram ran again on Monday.')).toBe('text');
    expect(detectFormat('prices.txt', '<Breaking> prices rise again')).toBe('text');
  });
});

describe('readSourceFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'read-source-file-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function write(name: string, bytes: Buffer | string): Promise<string> {
    const file = path.join(dir, name);
    await writeFile(file, bytes);
    return file;
  }

  it.each([
    ['UTF-16LE without a BOM', 'utf-16le', false],
    ['UTF-16BE without a BOM', 'utf-16be', false],
    ['UTF-16LE with a BOM', 'utf-16le', true],
    ['UTF-16BE with a BOM', 'utf-16be', true],
    ['UTF-32LE without a BOM', 'utf-32le', false],
    ['UTF-32BE with a BOM', 'utf-32be', true],
  ])('reads a comment-first feed in %s, not refusing it as binary', async (_label, encoding, withBom) => {
    const text = `${withBom ? '\ufeff' : ''}${fixtureText('comment-first.rss')}`;
    const file = await write(`wide-${encoding}-${withBom}.rss`, iconv.encode(text, encoding));
    const { articles } = await readSourceFile(file);
    expect(articles.map((a) => [a.title, a.date])).toEqual([
      ['Stadtrat beschließt neue Buslinie', '2003-06-10T09:41:01+02:00'],
      ['Winterdienst zieht Bilanz', '2003-03-03T16:00:00+01:00'],
      ['Freibad öffnet früher', '2003-06-10T14:30'],
    ]);
  });

  it.skipIf(!seedsPresent)('reads a text dump saved as UTF-16LE without a BOM as it reads the UTF-8 one', async () => {
    const seed = SEED_FILES[0]!;
    const utf8 = await readSourceFile(seed);
    const file = await write(path.basename(seed), iconv.encode(readFileSync(seed, 'utf8'), 'utf-16le'));
    expect((await readSourceFile(file)).articles).toEqual(utf8.articles);
  });

  it('reads a WordPress export, but an RSS feed that only declares the wp namespace as a feed', async () => {
    const wxr = await readSourceFile(path.join(FIXTURES, 'wxr-1.0.xml'));
    expect(wxr.articles).toHaveLength(2);
    const feed = await readSourceFile(path.join(FIXTURES, 'wp-namespace.rss'));
    expect(feed.articles.map((a) => a.author)).toEqual(['Maria Lopez and Sam Okafor']);
  });

  it('reads a page that starts with an escaped XML declaration as HTML, without the declaration as text', async () => {
    const { articles } = await readSourceFile(path.join(FIXTURES, 'escaped-declaration.html'));
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ title: 'Tram line reopens after two-year rebuild', date: '2011-03-14T07:30:00+00:00' });
    expect(articles[0]?.bodyText).not.toContain('xml');
  });

  it('refuses the billion-laughs feed with the reason, never expanding it', async () => {
    const error = await readSourceFile(path.join(FIXTURES, 'billion-laughs.rss')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).reason).toMatch(/^the DOCTYPE at line 2 declares 10 entities/);
  });

  it('reads a Windows-1252 page by its declared charset', async () => {
    const html = fixtureText('escaped-declaration.html').replace('charset=utf-8', 'charset=windows-1252').replace('two-year rebuild</h1>', 'two-year rebuild – at last</h1>');
    const file = await write('tram-1252.html', iconv.encode(html, 'windows-1252'));
    const { articles } = await readSourceFile(file);
    expect(articles[0]?.title).toBe('Tram line reopens after two-year rebuild – at last');
  });

  it('still refuses binary content', async () => {
    const file = await write('logo.rss', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const error = await readSourceFile(file).catch((e: unknown) => e);
    expect((error as SourceError).message).toBe('logo.rss: not a text file (binary content)');
  });
});
