import { afterEach, describe, expect, it, vi } from 'vitest';
import { ARCHIVE_FORMAT, BUNDLE_FORMAT } from '../core/format';
import type { Article } from '../core/types';
import { manifest, monthFiles } from '../app/archive/testing/bundleFixture';
import { buildBundle } from '../librarian/bundle/buildBundle';
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
    expect(response).toMatchObject({ query: { q: 'albu kamal' }, mode: 'all', suggestions: [], edition: '0ccc5084b26b' });
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
    delete files['/bundle/month-2017-09.e99b781beabc.json'];
    serveBundle(files);
    const [hit] = (await createSearchIndex('/').search({ q: 'foodkeeper' })).hits;
    expect(hit).toMatchObject({ slug: 'usda-foodkeeper-app-update-expands-content-offerings', snippet: null });
  });

  it('loads the index once for many queries', async () => {
    const fetch = serveBundle(fixtureFiles());
    const index = createSearchIndex('/');
    await Promise.all([index.search({ q: '' }), index.search({ q: '', category: 'blog' })]);
    await index.search({ q: '', outlet: 'USDA' });
    expect(fetch).toHaveBeenCalledTimes(2);
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
      message: 'search: index.1acd4a3cb6fe.json: the server answered 404 Not Found',
    });
    serveBundle(fixtureFiles());
    expect((await index.search({ q: 'foodkeeper' })).total).toBe(1);
  });
});

/**
 * The fixture's articles as the real builder bundles them: an index part for January 2018 (one
 * article) and one for 2017 (seven), served by a source whose files for 2017 wait for `release`,
 * and whose files of one part fail while `state.failing` names it.
 */
function partedFixture() {
  const articles = new Map<string, Article[]>();
  for (const file of Object.values(monthFiles)) articles.set(file.month, [...(articles.get(file.month) ?? []), ...file.articles]);
  const bundle = buildBundle(
    {
      dir: '(fixture)',
      meta: { format: ARCHIVE_FORMAT, name: manifest.name, description: manifest.description, categories: manifest.categories, tags: manifest.tags, aliases: manifest.aliases },
      months: [...articles].map(([month, list]) => ({ format: ARCHIVE_FORMAT, month, articles: list })),
    },
    { builtAt: new Date(manifest.builtAt) },
  );
  const [newer, older] = bundle.manifest.index.parts.map((part) => new Set(part.files));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  /** Which part's files fail to load, if any. */
  const state = { failing: undefined as 'newer' | 'older' | undefined };
  const source: BundleSource = {
    loadManifest: async () => bundle.manifest,
    async loadFile(name) {
      if ((state.failing === 'older' && older!.has(name)) || (state.failing === 'newer' && newer!.has(name))) {
        throw Object.assign(new Error(`bundle: ${name}: could not be fetched`), { failure: 'offline' });
      }
      if (older!.has(name)) await released;
      return bundle.files.get(name)!;
    },
  };
  return { bundle, source, release, state };
}

describe('createSearchIndex over an index in parts', () => {
  it('answers from the newest part before the others are in, and says how much it searched', async () => {
    const { bundle, source, release } = partedFixture();
    expect(bundle.manifest.index.parts.map((p) => [p.period, p.documentCount])).toEqual([
      ['2018-01', 1],
      ['2017', 7],
    ]);
    const index = createSearchIndex(source);
    const early = await index.search({ q: 'peace corps' });
    expect(early).toMatchObject({ searched: 1, articleCount: 8, total: 1, hits: [{ slug: 'making-customer-satisfaction-data-actionable-at-peace-corps' }] });
    expect(await index.search({ q: 'caliphate' })).toMatchObject({ searched: 1, articleCount: 8, total: 0 });
    release();
    await index.loadAll();
    const later = await index.search({ q: 'caliphate' });
    expect(later).toMatchObject({ searched: 8, articleCount: 8 });
    expect(later.hits.map((h) => h.slug)).toContain('the-end-of-the-caliphate');
  });

  it('ranks as one index over every article once all parts are in', async () => {
    const parted = partedFixture();
    parted.release();
    const index = createSearchIndex(parted.source);
    await index.loadAll();
    // The fixture's one-part index: every article in one MiniSearch.
    serveBundle(fixtureFiles());
    const whole = createSearchIndex('/');
    for (const q of ['albu kamal', 'daesh victory', 'syria', 'caliphate foodkeeper', 'research', 'digital']) {
      const [a, b] = await Promise.all([index.search({ q }), whole.search({ q })]);
      expect(a.hits.map((h) => h.id), q).toEqual(b.hits.map((h) => h.id));
      expect(a.hits.map((h) => h.score.toPrecision(10)), q).toEqual(b.hits.map((h) => h.score.toPrecision(10)));
    }
  });

  it('tries a part that failed to load again on a later query', async () => {
    const { source, state, release } = partedFixture();
    state.failing = 'older';
    release();
    const index = createSearchIndex(source);
    expect(await index.search({ q: 'caliphate' })).toMatchObject({ searched: 1, total: 0 });
    await expect(index.loadAll()).rejects.toMatchObject({ name: 'SearchError', failure: 'offline' });
    state.failing = undefined;
    await index.search({ q: 'caliphate' });
    await index.loadAll();
    expect(await index.search({ q: 'caliphate' })).toMatchObject({ searched: 8 });
  });

  it('answers from the parts that load when the newest cannot, and fails only when none can', async () => {
    const { source, state, release } = partedFixture();
    release();
    state.failing = 'newer';
    const index = createSearchIndex(source);
    const answer = await index.search({ q: 'caliphate' });
    expect(answer).toMatchObject({ searched: 7, articleCount: 8 });
    expect(answer.hits[0]?.slug).toBe('the-end-of-the-caliphate');

    const nothing = partedFixture();
    nothing.release();
    nothing.state.failing = 'newer';
    const files = nothing.source.loadFile;
    const failing = createSearchIndex({ ...nothing.source, loadFile: (name) => (name.startsWith('index-2017') ? Promise.reject(new TypeError('Failed to fetch')) : files(name)) });
    await expect(failing.search({ q: 'caliphate' })).rejects.toMatchObject({ name: 'SearchError', failure: 'offline', message: expect.stringMatching(/^bundle: index-2018-01\.[0-9a-f]{12}\.json: could not be fetched$/) });
  });
});
