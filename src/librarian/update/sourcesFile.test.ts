import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HUFFPOST_MAPPING } from '../sources/readJsonRecords';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, parseSourcesFile, readSourcesFile, SourcesFileError } from './sourcesFile';

const FILE = '/srv/news/SOURCES.json';
const parse = (data: unknown) => parseSourcesFile(data, FILE);
const contact = 'https://news.example.org/about';

describe('SOURCES.json', () => {
  it('reads the sample shipped in deploy/, with defaults and paths from its own folder', async () => {
    const file = path.resolve('deploy/sources.example.json');
    const sources = await readSourcesFile(file);
    expect(sources.sources.map((s) => s.kind)).toEqual(['feed', 'sitemap', 'page', 'path', 'path']);
    const seeds = sources.sources.find((s) => s.name === 'Seed pages')!;
    expect(seeds).toMatchObject({ location: path.resolve('../shared/seeds'), meta: path.resolve('archive/sources/seeds.json'), format: 'text' });
    expect(sources.contact).toBe('https://news.example.org/about');
  });

  it('gives every source its defaults and options', () => {
    const { sources, retries } = parse({
      contact,
      timeoutSeconds: 10,
      sources: [
        { feed: 'https://example.org/feed.xml', outlet: 'Example' },
        { name: 'Site', sitemap: 'https://example.org/sitemap.xml', include: '/news/', maxPages: 5, maxBytes: 1000 },
        { name: 'Records', path: 'data/records.jsonl', map: 'huffpost' },
        { name: 'Hugo', path: 'site/content', urlPattern: 'https://example.org/{year}/{slug}/' },
      ],
    });
    expect(retries).toBe(3);
    expect(sources[0]).toMatchObject({ name: 'https://example.org/feed.xml', kind: 'feed', outlet: 'Example', timeoutMs: 10_000, maxBytes: DEFAULT_MAX_BYTES, maxPages: DEFAULT_MAX_PAGES });
    expect(sources[1]).toMatchObject({ name: 'Site', include: /\/news\//, maxPages: 5, maxBytes: 1000 });
    expect(sources[2]).toMatchObject({ location: '/srv/news/data/records.jsonl', mapping: HUFFPOST_MAPPING });
    expect(sources[3]!.urlPatterns).toHaveLength(1);
  });

  it.each([
    [[], `${FILE}: must be an object { "contact": …, "sources": [ … ] }`],
    [{ sources: [{ feed: 'https://a.org/f' }] }, `${FILE}: "contact" must be a URL or an e-mail address where the sites you fetch from can reach you (found undefined); it goes into the User-Agent`],
    [{ contact, sources: [] }, `${FILE}: "sources" must be a list of at least one source`],
    [{ contact, source: [] }, `${FILE}: unknown field "source" (allowed: contact, sources, timeoutSeconds, maxBytes, retries)`],
    [{ contact, retries: -1, sources: [{ feed: 'https://a.org/f' }] }, `${FILE}: "retries" must be a positive whole number (found -1)`],
    [{ contact, sources: [{ name: 'A', url: 'https://a.org/f' }] }, `${FILE}: sources[0] ("A"): unknown field "url" (allowed: feed, sitemap, page, path, name, outlet, category, author, format, map, meta, urlPattern, include, maxPages, timeoutSeconds, maxBytes)`],
    [{ contact, sources: [{ feed: 'https://a.org/f' }, { name: 'B', feed: 'https://b.org/f', page: 'https://b.org/p' }] }, `${FILE}: sources[1] ("B"): give exactly one of "feed", "sitemap", "page", "path" (found feed and page)`],
    [{ contact, sources: [{ name: 'C', feed: 'ftp://c.org/feed' }] }, `${FILE}: sources[0] ("C"): "feed": "ftp://c.org/feed" is not an http(s) URL`],
    [{ contact, sources: [{ name: 'D', feed: 'https://d.org/f', include: 'news' }] }, `${FILE}: sources[0] ("D"): "include" applies to sitemap sources only, not to a feed`],
    [{ contact, sources: [{ name: 'E', sitemap: 'https://e.org/s.xml', include: '(' }] }, /^\/srv\/news\/SOURCES\.json: sources\[0\] \("E"\): "include": not a regular expression \(/],
    [{ contact, sources: [{ name: 'F', path: 'x', format: 'pdf' }] }, `${FILE}: sources[0] ("F"): "format": "pdf" is not one of text, html, feed, wxr, markdown, json`],
    [{ contact, sources: [{ name: 'G', path: 'x', map: 'title' }] }, /^\/srv\/news\/SOURCES\.json: sources\[0\] \("G"\): "map": /],
    [{ contact, sources: [{ name: 'H', sitemap: 'https://h.org/s.xml', maxPages: 2.5 }] }, `${FILE}: sources[0] ("H"): "maxPages" must be a positive whole number (found 2.5)`],
    [{ contact, sources: [{ name: 'I', feed: 'https://i.org/a' }, { name: 'I', feed: 'https://i.org/b' }] }, `${FILE}: sources[1] ("I"): another source is named "I" too (give each a distinct "name")`],
    [{ contact, sources: [{ name: '', feed: 'https://j.org/a' }] }, `${FILE}: sources[0] (""): "name" must be a non-empty string`],
  ])('refuses %j naming the entry and the field', (data, message) => {
    expect(() => parse(data)).toThrow(SourcesFileError);
    expect(() => parse(data)).toThrow(message);
  });

  it('names a file that is missing or not JSON', async () => {
    await expect(readSourcesFile('/nowhere/SOURCES.json')).rejects.toThrow('/nowhere/SOURCES.json: cannot read (ENOENT)');
    await expect(readSourcesFile(path.resolve('package-lock.json').replace('package-lock.json', 'README.md'))).rejects.toThrow(/README\.md: not valid JSON: /);
  });
});
