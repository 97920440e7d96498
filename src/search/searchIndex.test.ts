import MiniSearch from 'minisearch';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUNDLE_FORMAT } from '../core/format';
import { searchIndexOptions, toSearchDocument, type SearchDocument } from '../core/searchOptions';
import { manifest, monthFiles } from '../app/archive/testing/bundleFixture';
import { createSearchIndex } from './searchIndex';

/** The index the builder would write for the fixture bundle. */
function fixtureIndexJson(): string {
  const index = new MiniSearch<SearchDocument>(searchIndexOptions);
  const categoryName = (slug: string) => manifest.categories.find((c) => c.slug === slug)?.name ?? slug;
  const tagName = (slug: string) => manifest.tags.find((t) => t.slug === slug)?.name ?? slug;
  for (const file of Object.values(monthFiles)) {
    index.addAll(file.articles.map((a) => toSearchDocument(a, categoryName, tagName, a.summary)));
  }
  return JSON.stringify(index);
}

function serveBundle(files: Record<string, string>) {
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const body = files[String(input)];
    return body === undefined ? new Response('Not Found', { status: 404, statusText: 'Not Found' }) : new Response(body);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createSearchIndex', () => {
  it('loads the index named by the manifest and answers with the stored fields', async () => {
    serveBundle({ '/bundle/manifest.json': JSON.stringify(manifest), '/bundle/index.6670d53805e5.json': fixtureIndexJson() });
    const response = await createSearchIndex('/').search('albu kamal', 10);
    // "albu" is one edit from "abu", so the Abu Kamal article matches too, ranked below; the Syrian
    // Army article names Albu Kamal in its summary only, so it comes last.
    expect(response).toMatchObject({ query: 'albu kamal', total: 3, edition: '0ccc5084b26b' });
    expect(response.hits[0]).toMatchObject({
      id: '1bbdae91240001de',
      title: 'Daesh in desperate attempt to save Albu Kamal, last Syrian bastion',
      date: '2017-11-10',
      slug: 'daesh-in-desperate-attempt-to-save-albu-kamal-last-syrian-bastion',
      categorySlug: 'middle-east',
      category: 'Middle East',
      outlets: 'Arab News',
    });
    expect(response.hits[1]?.slug).toBe('abu-kamal-grasping-defeat-from-the-jaws-of-victory');
    expect(response.hits[2]?.slug).toBe('syrian-army-declares-victory-over-isis');
  });

  it('finds an article by another spelling of a name it uses', async () => {
    serveBundle({ '/bundle/manifest.json': JSON.stringify(manifest), '/bundle/index.6670d53805e5.json': fixtureIndexJson() });
    // Neither article says "Daesh": they say ISIS, ISIL and Islamic State, one group in the aliases.
    const response = await createSearchIndex('/').search('daesh victory', 10);
    expect(response.hits.map((h) => h.title)).toEqual(
      expect.arrayContaining(['Syrian Army declares victory over ISIS', 'Abu Kamal: Grasping Defeat from the Jaws of Victory']),
    );
  });

  it('ranks the spelling typed above the other spellings', async () => {
    serveBundle({ '/bundle/manifest.json': JSON.stringify(manifest), '/bundle/index.6670d53805e5.json': fixtureIndexJson() });
    const response = await createSearchIndex('/').search('abu kamal', 10);
    // "abu" is too short for a typo match: the Albu Kamal articles are found through the alias.
    expect(response.hits.map((h) => h.slug)).toEqual([
      'abu-kamal-grasping-defeat-from-the-jaws-of-victory',
      'daesh-in-desperate-attempt-to-save-albu-kamal-last-syrian-bastion',
      'syrian-army-declares-victory-over-isis',
    ]);
  });

  it('counts every match but sends back no more hits than the limit', async () => {
    serveBundle({ '/bundle/manifest.json': JSON.stringify(manifest), '/bundle/index.6670d53805e5.json': fixtureIndexJson() });
    const response = await createSearchIndex('/').search('syrian army', 1);
    expect(response.total).toBeGreaterThan(1);
    expect(response.hits).toHaveLength(1);
  });

  it('loads the index once for many queries', async () => {
    const fetch = serveBundle({ '/bundle/manifest.json': JSON.stringify(manifest), '/bundle/index.6670d53805e5.json': fixtureIndexJson() });
    const index = createSearchIndex('/');
    await Promise.all([index.search('peace corps', 10), index.search('research', 10)]);
    await index.search('caliphate', 10);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('refuses a manifest of another bundle format', async () => {
    serveBundle({ '/bundle/manifest.json': JSON.stringify({ ...manifest, format: 'news-bundle/0' }) });
    await expect(createSearchIndex('/').search('foodkeeper', 10)).rejects.toThrow(
      `search: manifest.json: format "news-bundle/0" is not "${BUNDLE_FORMAT}" (reload to get the current reader)`,
    );
  });

  it('reports an unreachable index as offline', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(createSearchIndex('/').search('foodkeeper', 10)).rejects.toMatchObject({
      failure: 'offline',
      message: 'search: manifest.json: could not be fetched (TypeError: Failed to fetch); this device may be offline and not have the search index saved yet',
    });
  });

  it('retries a failed load on the next query', async () => {
    serveBundle({ '/bundle/manifest.json': JSON.stringify(manifest) });
    const index = createSearchIndex('/');
    await expect(index.search('foodkeeper', 10)).rejects.toMatchObject({
      name: 'SearchError',
      failure: 'http',
      message: 'search: index.6670d53805e5.json: the server answered 404 Not Found',
    });
    serveBundle({ '/bundle/manifest.json': JSON.stringify(manifest), '/bundle/index.6670d53805e5.json': fixtureIndexJson() });
    expect((await index.search('foodkeeper', 10)).total).toBe(1);
  });
});
