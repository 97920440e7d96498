import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUNDLE_FORMAT } from '../core/format';
import { manifest } from '../app/archive/testing/bundleFixture';
import type { Highlighted } from './protocol';
import { createSearchIndex, type BundleSource } from './searchIndex';
import { fixtureFiles, serveBundle } from './testing/serveBundle';

const marked = (h: Highlighted | null) => (h ?? []).filter((s) => s.match).map((s) => s.text);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createSearchIndex', () => {
  it('loads the index named by the manifest and answers with the stored fields, best first', async () => {
    serveBundle(fixtureFiles());
    const response = await createSearchIndex('/').search({ q: 'albu kamal' });
    expect(response).toMatchObject({ query: { q: 'albu kamal' }, mode: 'all', suggestions: [], edition: manifest.edition });
    expect(response.hits[0]).toMatchObject({
      id: '1bbdae91240001de',
      title: 'Daesh in desperate attempt to save Albu Kamal, last Syrian bastion',
      date: '2017-11-10',
      slug: 'daesh-in-desperate-attempt-to-save-albu-kamal-last-syrian-bastion',
      categorySlug: 'middle-east',
      category: 'Middle East',
      outlets: 'Arab News',
    });
    // The article spelling it "Abu Kamal" is found through the alias; the Syrian Army article names
    // Albu Kamal in its summary only, so it comes last. (The fixture's Caliphate article is cut
    // before it names the town.)
    expect(response.hits.map((h) => h.slug)).toEqual([
      'daesh-in-desperate-attempt-to-save-albu-kamal-last-syrian-bastion',
      'abu-kamal-grasping-defeat-from-the-jaws-of-victory',
      'syrian-army-declares-victory-over-isis',
    ]);
  });

  it('marks the matched words in the title and quotes the body around them', async () => {
    serveBundle(fixtureFiles());
    const [hit] = (await createSearchIndex('/').search({ q: 'desperate bastion' })).hits;
    expect(hit?.titleHighlighted).toEqual([
      { text: 'Daesh in ', match: false },
      { text: 'desperate', match: true },
      { text: ' attempt to save Albu Kamal, last Syrian ', match: false },
      { text: 'bastion', match: true },
    ]);
    expect(marked(hit?.snippet ?? null)).toEqual(['desperate', 'bastion']);
    expect(hit?.snippet?.map((s) => s.text).join('')).toContain('in a desperate bid to cling to the last urban bastion');
  });

  it('quotes the same snippets from the snippet store as from the month files, phrases included', async () => {
    const queries = ['desperate bastion', 'daesh victory', 'foodkeeper', '"albu kamal"', 'peace corps customer', 'counterattak'];
    const answers = async (snippetStore: boolean) => {
      serveBundle(fixtureFiles({ snippetStore }));
      const index = createSearchIndex('/');
      const out = [];
      for (const q of queries) out.push((await index.search({ q })).hits.map((h) => [h.slug, h.snippet]));
      vi.unstubAllGlobals();
      return out;
    };
    const fromMonths = await answers(false);
    expect(fromMonths.flat().filter(([, snippet]) => snippet !== null).length).toBeGreaterThan(6);
    expect(await answers(true)).toEqual(fromMonths);
  });

  it('gives the hits before their snippets: the first step reads no article text', async () => {
    const fetch = serveBundle(fixtureFiles({ snippetStore: true }));
    const { response, snippets } = await createSearchIndex('/').searchInPhases({ q: 'desperate bastion' });
    expect(response.hits[0]).toMatchObject({ slug: 'daesh-in-desperate-attempt-to-save-albu-kamal-last-syrian-bastion' });
    expect(response.hits.every((h) => h.snippet === undefined)).toBe(true);
    const read = () => fetch.mock.calls.map(([url]) => String(url)).filter((url) => /\/(texts|month)-/.test(url));
    expect(read()).toEqual([]);
    const cut = await snippets!();
    expect(marked(cut[0] ?? null)).toEqual(['desperate', 'bastion']);
    expect(read().length).toBeGreaterThan(0);
  });

  it('stops before reading texts when aborted between the hits and their snippets', async () => {
    const fetch = serveBundle(fixtureFiles({ snippetStore: true }));
    const { snippets } = await createSearchIndex('/').searchInPhases({ q: 'desperate bastion' });
    const controller = new AbortController();
    controller.abort();
    await expect(snippets!(controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(fetch.mock.calls.map(([url]) => String(url)).filter((url) => /\/(texts|month)-/.test(url))).toEqual([]);
  });

  it('finds an article by another spelling of a name it uses, and marks that spelling', async () => {
    serveBundle(fixtureFiles());
    // Neither article says "Daesh": they say ISIS, ISIL and Islamic State, one group in the aliases.
    const response = await createSearchIndex('/').search({ q: 'daesh victory' });
    const army = response.hits.find((h) => h.slug === 'syrian-army-declares-victory-over-isis');
    expect(army).toBeDefined();
    expect(marked(army!.titleHighlighted)).toEqual(['victory', 'ISIS']);
  });

  it('ranks the spelling typed above the other spellings', async () => {
    serveBundle(fixtureFiles());
    const response = await createSearchIndex('/').search({ q: 'abu kamal' });
    // "abu" is too short for a typo match: the Albu Kamal articles are found through the alias.
    expect(response.hits.map((h) => h.slug)).toEqual([
      'abu-kamal-grasping-defeat-from-the-jaws-of-victory',
      'daesh-in-desperate-attempt-to-save-albu-kamal-last-syrian-bastion',
      'syrian-army-declares-victory-over-isis',
    ]);
  });

  it('falls back to any of the words when no article has them all, and says so', async () => {
    serveBundle(fixtureFiles());
    const response = await createSearchIndex('/').search({ q: 'caliphate foodkeeper' });
    expect(response.mode).toBe('any');
    expect(response.hits.map((h) => h.slug)).toEqual(expect.arrayContaining(['the-end-of-the-caliphate', 'usda-foodkeeper-app-update-expands-content-offerings']));
  });

  it('filters by category, the uncategorised, outlet and months, with or without words', async () => {
    serveBundle(fixtureFiles());
    const index = createSearchIndex('/');
    const slugs = async (query: Parameters<typeof index.search>[0]) => (await index.search(query)).hits.map((h) => h.slug);
    expect(await slugs({ q: 'kamal', category: 'middle-east' })).toEqual(['daesh-in-desperate-attempt-to-save-albu-kamal-last-syrian-bastion']);
    expect(await slugs({ q: 'kamal', category: 'uncategorised' })).toEqual(['syrian-army-declares-victory-over-isis']);
    expect(await slugs({ q: '', outlet: 'Digital.gov' })).toHaveLength(4);
    expect(await slugs({ q: '', from: '2017-10', to: '2017-10' })).toEqual(['3-ways-manage-research-projects-remotely']);
  });

  it('browses every article the filters let through, newest first, with no snippets', async () => {
    serveBundle(fixtureFiles());
    const response = await createSearchIndex('/').search({ q: '  ', from: '2017-11', to: '2018-01' });
    expect(response.mode).toBe('browse');
    expect(response.total).toBe(6);
    expect(response.hits.map((h) => h.date)).toEqual([...response.hits.map((h) => h.date)].sort().reverse());
    expect(response.hits.every((h) => h.snippet === null)).toBe(true);
  });

  it('pages through the hits and counts them all', async () => {
    serveBundle(fixtureFiles());
    const index = createSearchIndex('/');
    const all = await index.search({ q: '', limit: 8 });
    const page = await index.search({ q: '', offset: 2, limit: 3 });
    expect(page.total).toBe(8);
    expect(page.hits.map((h) => h.id)).toEqual(all.hits.slice(2, 5).map((h) => h.id));
  });

  it('sorts matches newest first when asked', async () => {
    serveBundle(fixtureFiles());
    const response = await createSearchIndex('/').search({ q: 'syria', sort: 'newest' });
    expect(response.hits.map((h) => h.date)).toEqual([...response.hits.map((h) => h.date)].sort().reverse());
  });

  it('suggests a known spelling when a word is not found', async () => {
    serveBundle(fixtureFiles());
    // Four letters: too short for the search to tolerate a typo, not for a suggestion.
    const response = await createSearchIndex('/').search({ q: 'armi' });
    expect(response).toMatchObject({ total: 0, mode: 'any', suggestions: ['army'] });
  });

  it('gives no snippet when the article text cannot be read, and still answers', async () => {
    const files = fixtureFiles();
    delete files[`/bundle/${manifest.months.find((m) => m.month === '2017-09')!.files[0]}`];
    serveBundle(files);
    const [hit] = (await createSearchIndex('/').search({ q: 'foodkeeper' })).hits;
    expect(hit).toMatchObject({ slug: 'usda-foodkeeper-app-update-expands-content-offerings', snippet: null });
  });

  it('loads the manifest and each index file once for many queries', async () => {
    const fetch = serveBundle(fixtureFiles());
    const index = createSearchIndex('/');
    await Promise.all([index.search({ q: '' }), index.search({ q: '', category: 'blog' })]);
    await index.search({ q: '', outlet: 'USDA' });
    const urls = fetch.mock.calls.map(([url]) => String(url));
    expect(urls.filter((url) => url.endsWith('/manifest.json'))).toHaveLength(1);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('stops when the query is aborted', async () => {
    serveBundle(fixtureFiles());
    const controller = new AbortController();
    const pending = createSearchIndex('/').search({ q: 'caliphate' }, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses a manifest of another bundle format', async () => {
    serveBundle({ '/bundle/manifest.json': JSON.stringify({ ...manifest, format: 'news-bundle/0' }) });
    await expect(createSearchIndex('/').search({ q: 'foodkeeper' })).rejects.toThrow(
      `search: manifest.json: format "news-bundle/0" is not "${BUNDLE_FORMAT}" (reload to get the current reader)`,
    );
  });

  it('reports an unreachable index as offline', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(createSearchIndex('/').search({ q: 'foodkeeper' })).rejects.toMatchObject({
      failure: 'offline',
      message: 'search: manifest.json: could not be fetched (TypeError: Failed to fetch); this device may be offline and not have the search index saved yet',
    });
  });

  it('retries a failed load on the next query', async () => {
    serveBundle({ '/bundle/manifest.json': JSON.stringify(manifest) });
    const index = createSearchIndex('/');
    await expect(index.search({ q: 'foodkeeper' })).rejects.toMatchObject({
      name: 'SearchError',
      failure: 'http',
      message: expect.stringMatching(/^search: (terms|dictionary)-[-\w]+\.[0-9a-f]{12}\.json: the server answered 404 Not Found$/),
    });
    serveBundle(fixtureFiles());
    expect((await index.search({ q: 'foodkeeper' })).total).toBe(1);
  });
});

/** The fixture's index and month files behind a source that records what is read and fails the files `failing` names. */
function recordedFixture() {
  const files = new Map(Object.entries(fixtureFiles()).map(([url, content]) => [url.replace(/^\/bundle\//, ''), content]));
  const read: string[] = [];
  const state = { failing: (_name: string) => false };
  const source: BundleSource = {
    loadManifest: async () => manifest,
    async loadFile(name) {
      if (state.failing(name)) throw Object.assign(new Error(`bundle: ${name}: could not be fetched`), { failure: 'offline' });
      read.push(name);
      return files.get(name)!;
    },
  };
  return { source, read, state };
}

describe('createSearchIndex over the index loaded on demand', () => {
  it('answers over every article from the first query, reading only the files that query needs', async () => {
    const { source, read } = recordedFixture();
    const index = createSearchIndex(source);
    const answer = await index.search({ q: 'caliphate' });
    expect(answer).toMatchObject({ searched: 8, articleCount: 8 });
    expect(answer.hits[0]?.slug).toBe('the-end-of-the-caliphate');
    const shards = manifest.index.layers.flatMap((l) => l.shards.map((s) => s.file));
    expect(read.filter((name) => shards.includes(name)).length).toBeLessThan(shards.length);
    // No filter, no facets.
    expect(read.some((name) => manifest.index.facets.files.includes(name))).toBe(false);
    await index.search({ q: 'caliphate', outlet: 'Syrian Civil War Map' });
    expect(read.filter((name) => manifest.index.facets.files.includes(name))).toEqual(manifest.index.facets.files);
  });

  it('fails a query whose files cannot be had, naming one, and reads them again for the next', async () => {
    const { source, state } = recordedFixture();
    state.failing = (name) => name.startsWith('terms-');
    const index = createSearchIndex(source);
    await expect(index.search({ q: 'caliphate' })).rejects.toMatchObject({ name: 'SearchError', failure: 'offline', message: expect.stringMatching(/^bundle: terms-[-\w]+\.[0-9a-f]{12}\.json: could not be fetched$/) });
    state.failing = () => false;
    expect((await index.search({ q: 'caliphate' })).hits[0]?.slug).toBe('the-end-of-the-caliphate');
  });
});
