import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArchive } from '../archive/readArchive';
import { SEED_FILES, seedsPresent, tempArchive } from '../testing/tempArchive';
import { runUpdate, type SourceOutcome, type UpdateReport } from './runUpdate';
import { parseSourcesFile } from './sourcesFile';
import { type SourceServer, SITEMAP_PAGES, sourceServerPossible, startSourceServer } from './testing/sourceServer';
import { UPDATE_STATE_FILE, type UpdateState } from './updateState';

describe.skipIf(!sourceServerPossible || !seedsPresent)('runUpdate: feeds, a sitemap, pages and a local folder into a real archive', () => {
  let server: SourceServer;
  let archive: { dir: string; cleanup: () => Promise<void> };
  let folder = '';
  const run = async (): Promise<UpdateReport & { by: (name: string) => SourceOutcome }> => {
    const sources = parseSourcesFile(
      {
        contact: 'https://news.example.org/about',
        timeoutSeconds: 1,
        retries: 1,
        sources: [
          { name: 'Guardian', feed: `${server.base}/feeds/guardian.rss` },
          { name: 'heise', feed: `${server.base}/moved/heise.atom`, outlet: 'heise online' },
          { name: 'Reddit', feed: `${server.base}/plain/reddit.rss` },
          { name: 'News site', sitemap: `${server.base}/sitemap.xml`, maxPages: 10 },
          { name: 'Down', feed: `${server.base}/down` },
          { name: 'Slow', feed: `${server.base}/slow` },
          { name: 'Huge', feed: `${server.base}/huge`, maxBytes: 1_000_000 },
          { name: 'Seed pages', path: folder, format: 'text' },
        ],
      },
      path.join(archive.dir, 'SOURCES.json'),
    );
    const report = await runUpdate({ sources, archiveDir: archive.dir, http: { retryDelayMs: 10 } });
    return { ...report, by: (name) => report.outcomes.find((o) => o.source.name === name)! };
  };
  const state = async () => JSON.parse(await readFile(path.join(archive.dir, UPDATE_STATE_FILE), 'utf8')) as UpdateState;
  const articleCount = async () => (await readArchive(archive.dir)).months.reduce((n, m) => n + m.articles.length, 0);

  beforeAll(async () => {
    server = await startSourceServer();
    archive = await tempArchive();
    folder = path.join(archive.dir, 'incoming');
    await mkdir(folder);
    // Two seed pages with a date each; the same article published on two sites (000 and 001).
    for (const file of [SEED_FILES[0]!, SEED_FILES[1]!]) await copyFile(file, path.join(folder, path.basename(file)));
  });
  afterAll(async () => {
    await server.close();
    await archive.cleanup();
  });

  it('imports every source that answers, names each one that fails, and remembers only what imported whole', async () => {
    const first = await run();
    const guardian = first.by('Guardian');
    expect(guardian).toMatchObject({ status: 'updated', alreadyThere: 0, failures: [], movedTo: null });
    expect(guardian.imported.length).toBeGreaterThan(10);
    expect(first.by('heise')).toMatchObject({ status: 'updated', movedTo: `${server.base}/feeds/heise.atom` });
    expect(first.by('Reddit').status).toBe('updated');
    const sitemap = first.by('News site');
    expect(sitemap).toMatchObject({ status: 'updated', note: '2 pages not yet in the archive', failures: [] });
    expect(sitemap.imported.map((a) => a.month).sort()).toEqual(['2020-04', '2020-08']);
    expect(first.by('Seed pages')).toMatchObject({ status: 'updated', merged: 1, failures: [] });
    expect(first.by('Seed pages').imported).toHaveLength(1);

    expect(first.by('Down')).toMatchObject({ status: 'failed', imported: [], failures: ['the server answered 500 Internal Server Error (after 2 attempts)'] });
    expect(first.by('Slow').failures).toEqual(['no complete answer within 1 s (timeoutSeconds) (after 2 attempts)']);
    expect(first.by('Huge').failures).toEqual(['the answer is more than 1000000 bytes, over the 1000000-byte limit (maxBytes)']);

    // The archive is whole and holds what was reported.
    const total = first.outcomes.reduce((n, o) => n + o.imported.length, 0);
    expect(await articleCount()).toBe(total);
    expect(first.articleCount).toBe(total);
    const remembered = await state();
    expect(Object.keys(remembered.urls).sort()).toEqual(
      [`${server.base}/feeds/guardian.rss`, `${server.base}/moved/heise.atom`, `${server.base}/plain/reddit.rss`, `${server.base}/sitemap.xml`].sort(),
    );
    expect(Object.keys(remembered.paths)).toEqual([folder]);
    // Every page request named the tool and how to reach its user.
    for (const r of server.requests) expect(r.headers['user-agent']).toMatch(/^offline-news-archive-librarian\/\d+\.\d+\.\d+ \(\+https:\/\/news\.example\.org\/about; /);
  });

  it('the next run asks conditionally, fetches only the sitemap\'s new page, and imports only what is new', async () => {
    const before = await articleCount();
    server.sitemapPages = Object.keys(SITEMAP_PAGES);
    await copyFile(SEED_FILES[3]!, path.join(folder, path.basename(SEED_FILES[3]!)));
    const requestsBefore = server.requests.length;

    const second = await run();
    expect(second.by('Guardian')).toMatchObject({ status: 'unchanged', note: 'not modified (304)', imported: [] });
    expect(second.by('heise')).toMatchObject({ status: 'unchanged', note: 'not modified (304)' });
    // A server with no validators: the body is the same as last time, so nothing is imported.
    expect(second.by('Reddit')).toMatchObject({ status: 'unchanged', note: 'the same content as last time' });
    const sitemap = second.by('News site');
    expect(sitemap).toMatchObject({ status: 'updated', note: '1 page not yet in the archive' });
    expect(sitemap.imported.map((a) => a.month)).toEqual(['2021-03']);
    expect(second.by('Seed pages').imported).toHaveLength(1);
    expect(second.by('Down').status).toBe('failed');

    const asked = server.requests.slice(requestsBefore);
    const pagesFetched = asked.filter((r) => r.path in SITEMAP_PAGES).map((r) => r.path);
    expect(pagesFetched).toEqual(['/2021/03/08/uk/meghan-harry-oprah-interview-recap-scli-gbr-intl/index.html']);
    expect(asked.find((r) => r.path === '/feeds/guardian.rss')?.headers['if-none-match']).toMatch(/^"[0-9a-f]{16}"$/);
    expect(await articleCount()).toBe(before + 2);

    const third = await run();
    expect(third.by('Seed pages')).toMatchObject({ status: 'unchanged', note: 'no file changed since the last update' });
    // The sitemap's host sends no validators: the same sitemap as last time is not read again.
    expect(third.by('News site')).toMatchObject({ status: 'unchanged', note: 'the same content as last time' });
    expect(await articleCount()).toBe(before + 2);
  });

  it('fails a local path that is missing, alone', async () => {
    const missing = path.join(archive.dir, 'nowhere');
    const sources = parseSourcesFile({ contact: 'librarian@example.org', sources: [{ path: missing }] }, path.join(archive.dir, 'SOURCES.json'));
    const report = await runUpdate({ sources, archiveDir: archive.dir });
    expect(report.outcomes[0]).toMatchObject({ status: 'failed', failures: [`${missing}: no such file or folder`] });
    await rm(missing, { force: true });
    await writeFile(path.join(archive.dir, UPDATE_STATE_FILE), 'not json');
    await expect(runUpdate({ sources, archiveDir: archive.dir })).rejects.toThrow(`${path.join(archive.dir, UPDATE_STATE_FILE)} is not a librarian-update/1 file; delete it to fetch every source whole on the next run`);
  });
});
