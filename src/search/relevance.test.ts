/**
 * Relevance on the real archive: the default archive (2,078 Digital.gov news posts, 2010–2025, and
 * four reports on the fall of Albu Kamal, November 2017) is built into a bundle by the librarian's
 * own `buildBundle`, served through a stubbed `fetch`, and searched through `createSearchIndex`:
 * the code the search worker runs, index loading, snippets and all.
 *
 * Each judged query names the articles a reader means, chosen by reading `archive/articles/*.json`,
 * and asserts they rank within the top N. The archive has no Chinese, Japanese or Arabic text, so
 * those scripts are tested at the tokenizer level (`src/core/searchTerms.test.ts`) and on an index
 * of short names (`compileQuery.test.ts`); here only that such a query fails gracefully.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Article } from '../core/types';
import { readArchive } from '../librarian/archive/readArchive';
import { type Bundle, buildBundle } from '../librarian/bundle/buildBundle';
import { byIndexOrder, DEFAULT_SHARD_BYTES, termIndexFiles } from '../librarian/bundle/termIndexFiles';
import { htmlToPlainText } from '../core/htmlToPlainText';
import { toSearchDocument } from '../core/searchOptions';
import type { SearchQuery, SearchResponse } from './protocol';
import { createSearchIndex, MAX_PHRASE_CHECKS, type SearchIndex } from './searchIndex';

/** The four reports on Albu Kamal, by the spelling of the town each uses. */
const SYRIA = {
  /** Syrian Civil War Map, 25 Nov: "Al-Bukamal", "Haider Al-Abadi", "Deir ez-Zor", "Raqqa", "Daesh". */
  endOfCaliphate: 'cb516818631099df',
  /** PhotoNews Pakistan, 17 Nov, by Tahir Shabbir: "Abu Kamal", "ISIS", "ISIL", "SDF", "Hezbollah", "Iran’s". */
  graspingDefeat: 'd706b67fbbf8f2c9',
  /** Free West Media, 10 Nov: "Albu Kamal", "Islamic State", "Hmeimim", "Deir Ezzor". */
  armyVictory: 'c19072245a8fe45f',
  /** Arab News, 10 Nov: "Albu Kamal", "Daesh", "Hezbollah", "SDF", "Syrian Democratic Forces". */
  desperateAttempt: '1bbdae91240001de',
};
const ALL_SYRIA = Object.values(SYRIA);

const FOODKEEPER = ['538519937a7ebd08', '85f594b1b7679200'];
const POKEMON = ['8f87529e3d646ad8', 'e140f75d770e6575', '223fab5570608899'];

let index: SearchIndex;
let articles: Map<string, Article>;
let bundle: Bundle;

beforeAll(async () => {
  const archive = await readArchive('archive');
  articles = new Map(archive.months.flatMap((m) => m.articles).map((a) => [a.id, a]));
  bundle = buildBundle(archive, { builtAt: new Date('2025-06-30T12:00:00Z') });
  const { manifest, files } = bundle;
  const served = new Map([...files].map(([name, content]) => [`/bundle/${name}`, content]));
  served.set('/bundle/manifest.json', JSON.stringify(manifest));
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const body = served.get(String(input));
    return body === undefined ? new Response('Not Found', { status: 404 }) : new Response(body);
  });
  index = createSearchIndex('/');
}, 180_000);

afterAll(() => {
  vi.unstubAllGlobals();
});

const search = (query: SearchQuery | string): Promise<SearchResponse> => index.search(typeof query === 'string' ? { q: query } : query);
const title = (id: string) => articles.get(id)!.title.toLowerCase();

interface Judged {
  why: string;
  query: SearchQuery | string;
  /** These articles, in any order, within the first `within` hits. */
  expect?: string[];
  /** Every one of the first `within` hits has a title matching this. */
  titles?: RegExp;
  /** The first hit. */
  first?: string;
  within: number;
}

const judged: Judged[] = [
  // Exact words
  { why: 'a product name finds the two posts about it first', query: 'FoodKeeper', expect: FOODKEEPER, within: 2 },
  { why: 'a place named once in the archive finds that article alone', query: 'Hmeimim', first: SYRIA.armyVictory, within: 1 },
  { why: 'a word of the Syria reports finds all four', query: 'caliphate', expect: ALL_SYRIA, first: SYRIA.endOfCaliphate, within: 4 },
  { why: 'two words find the posts with both in the title first', query: 'Peace Corps', titles: /peace corps/, within: 7 },
  { why: 'a subject finds posts about it', query: 'plain language', titles: /plain language/, within: 10 },
  { why: 'an author’s name finds their article', query: 'Tahir Shabbir', first: SYRIA.graspingDefeat, within: 1 },
  { why: 'a title as typed finds that post first', query: 'A Better DigitalGov', first: 'ef3a7cc2b6a8cf66', within: 1 },
  { why: 'the address of an original finds its article', query: 'http://freewestmedia.com/2017/11/10/syrian-army-declares-victory-over-isis/', first: SYRIA.armyVictory, within: 1 },
  // Case, accents and width folded
  { why: 'no accent finds the word with one (Pokémon)', query: 'pokemon', expect: POKEMON, within: 3 },
  { why: 'no accent finds “Español”', query: 'espanol', titles: /español/, within: 5 },
  { why: 'full-width letters fold to the usual ones', query: 'ＦｏｏｄＫｅｅｐｅｒ', expect: FOODKEEPER, within: 2 },
  // Typos
  { why: 'a missing letter in a long word is forgiven', query: 'acessibility', titles: /accessib/, within: 10 },
  { why: 'a missing l is forgiven', query: 'Hezbolah', expect: [SYRIA.graspingDefeat, SYRIA.desperateAttempt], within: 2 },
  { why: 'a missing n is forgiven', query: 'goverment', titles: /government/, within: 5 },
  { why: 'a wrong letter is forgiven', query: 'crowdsorcing', titles: /crowdsourc/, within: 5 },
  { why: 'the nearer spelling wins over a commoner word two typos away (climate)', query: 'calipate', first: SYRIA.endOfCaliphate, within: 1 },
  { why: 'two misspelt words together', query: 'acessibilty gudelines', titles: /accessibility.*guidelines|guidelines.*accessibility/, within: 2 },
  // Prefixes, as typed
  { why: 'the word being typed is completed', query: 'accessib', titles: /accessib/, within: 10 },
  { why: 'a half-typed word finds its forms', query: 'crowdsour', titles: /crowdsourc/, within: 5 },
  { why: 'four letters of a rare name are enough', query: 'Hmei', first: SYRIA.armyVictory, within: 1 },
  { why: 'the last word is completed, the first taken whole', query: 'peace cor', titles: /peace corps/, within: 7 },
  // Aliases
  { why: 'Abu Kamal finds every spelling of the town, its own first', query: 'Abu Kamal', expect: ALL_SYRIA, first: SYRIA.graspingDefeat, within: 4 },
  { why: 'Albu Kamal finds every spelling, its own first', query: 'Albu Kamal', expect: ALL_SYRIA, first: SYRIA.desperateAttempt, within: 4 },
  { why: 'a spelling no article uses still finds the town', query: 'Boukamal', expect: ALL_SYRIA, within: 4 },
  { why: 'Daesh finds the ISIS articles, its own first', query: 'Daesh', expect: ALL_SYRIA, first: SYRIA.desperateAttempt, within: 4 },
  { why: 'ISIS finds the Daesh articles', query: 'ISIS', expect: ALL_SYRIA, within: 4 },
  { why: 'a two-word alias (Islamic State) expands', query: 'Islamic State', expect: ALL_SYRIA, within: 4 },
  { why: 'SDF finds the articles that spell it out', query: 'SDF', expect: [SYRIA.graspingDefeat, SYRIA.desperateAttempt], within: 2 },
  { why: 'a spelt-out name finds its initials', query: 'Syrian Democratic Forces', expect: [SYRIA.graspingDefeat, SYRIA.desperateAttempt], within: 2 },
  { why: 'Raqa finds Raqqa', query: 'Raqa', expect: [SYRIA.endOfCaliphate, SYRIA.armyVictory, SYRIA.desperateAttempt], within: 3 },
  { why: 'Deir ez-Zor finds Deir Ezzor, its own spelling first', query: 'Deir ez-Zor', expect: [SYRIA.endOfCaliphate, SYRIA.armyVictory, SYRIA.desperateAttempt], first: SYRIA.endOfCaliphate, within: 3 },
  // Hyphens and apostrophes
  { why: 'al-Abadi finds “Haider Al-Abadi”', query: 'al-Abadi', first: SYRIA.endOfCaliphate, within: 1 },
  { why: 'Abadi alone finds “Al-Abadi”', query: 'Abadi', first: SYRIA.endOfCaliphate, within: 1 },
  { why: 'Al Bukamal, spaced, finds “Al-Bukamal” and the other spellings', query: 'Al Bukamal', expect: ALL_SYRIA, within: 4 },
  { why: 'AlBukamal, joined, finds “Al-Bukamal”', query: 'AlBukamal', first: SYRIA.endOfCaliphate, within: 1 },
  { why: 'Iran’s finds Iran', query: 'Iran’s', expect: [SYRIA.graspingDefeat, SYRIA.desperateAttempt], within: 2 },
  { why: 'e-mail finds email', query: 'e-mail', titles: /email/, within: 5 },
  { why: 'two words find the word written as one (Section508.gov)', query: 'Section 508', titles: /section ?508/, within: 5 },
  // Quoted phrases
  { why: 'a quoted phrase finds the posts where its words stand together, named in the title first', query: '"web design standards"', titles: /web design standards/, within: 4 },
  { why: 'a quoted name finds only the articles that spell it so', query: '“Albu Kamal”', expect: [SYRIA.armyVictory, SYRIA.desperateAttempt], within: 2 },
  { why: 'a phrase and a word together', query: '"islamic state" hmeimim', first: SYRIA.armyVictory, within: 1 },
  // Pasted addresses
  { why: 'an original address with another scheme, www added and no trailing slash', query: 'https://www.freewestmedia.com/2017/11/10/syrian-army-declares-victory-over-isis', first: SYRIA.armyVictory, within: 1 },
  { why: 'an original address with a query string and a fragment', query: 'arabnews.com/node/1191671/middle-east/?utm_source=twitter#comments', first: SYRIA.desperateAttempt, within: 1 },
  { why: 'the reader’s own address of an article', query: '/articles/2017/11/abu-kamal-grasping-defeat-from-the-jaws-of-victory', first: SYRIA.graspingDefeat, within: 1 },
  { why: 'the reader’s own address, absolute', query: 'https://archive.example.org/news/articles/2017/11/the-end-of-the-caliphate', first: SYRIA.endOfCaliphate, within: 1 },
];

describe('search relevance on the default archive', () => {
  for (const j of judged) {
    const typed = typeof j.query === 'string' ? j.query : JSON.stringify(j.query);
    it(`${j.why} (${typed})`, async () => {
      const response = await search(j.query);
      const top = response.hits.slice(0, j.within).map((h) => h.id);
      if (j.first) expect(top[0], `first hit: ${response.hits[0]?.title}`).toBe(j.first);
      if (j.expect) expect(top).toEqual(expect.arrayContaining(j.expect));
      if (j.titles) {
        expect(top).toHaveLength(j.within);
        for (const id of top) expect(title(id)).toMatch(j.titles);
      }
    });
  }

  it('requires every word, ranking the article with all of them first', async () => {
    const response = await search('syrian army victory');
    expect(response.mode).toBe('all');
    expect(response.hits[0]?.id).toBe(SYRIA.armyVictory);
    expect(response.total).toBeLessThanOrEqual(4);
  });

  it('falls back to any of the words when no article has them all', async () => {
    const response = await search('hmeimim foodkeeper');
    expect(response.mode).toBe('any');
    expect(response.hits.slice(0, 4).map((h) => h.id)).toEqual(expect.arrayContaining([SYRIA.armyVictory, ...FOODKEEPER]));
  });

  it('does not let a word found in most articles match on its own in the fallback', async () => {
    // No article has both "caliphate" and "foodkeeper"; "the" is in nearly every article, and would
    // otherwise bring them all in. The four caliphate articles and the three FoodKeeper ones remain.
    const fallback = await search('the caliphate foodkeeper');
    expect(fallback.mode).toBe('any');
    expect(fallback.total).toBe(ALL_SYRIA.length + 3);
  });

  it('filters by category', async () => {
    const response = await search({ q: 'accessibility', category: 'accessibility' });
    const unfiltered = await search('accessibility');
    expect(response.total).toBeLessThan(unfiltered.total);
    for (const hit of response.hits) expect(hit.categorySlug).toBe('accessibility');
    expect((await search({ q: 'kamal', category: 'middle-east' })).hits.map((h) => h.id)).toEqual([SYRIA.desperateAttempt]);
  });

  it('filters by months, from and to included', async () => {
    const response = await search({ q: 'mobile', from: '2012-01', to: '2012-03' });
    expect(response.total).toBeGreaterThan(0);
    for (const hit of response.hits) expect(hit.date.slice(0, 7) >= '2012-01' && hit.date.slice(0, 7) <= '2012-03').toBe(true);
    expect(response.hits.map((h) => h.title)).toContain('My TSA Mobile App');
  });

  it('filters by outlet, among several outlets of an article too', async () => {
    expect((await search({ q: 'victory', outlet: 'Free West Media' })).hits.map((h) => h.id)).toEqual([SYRIA.armyVictory]);
    // The PhotoNews Pakistan article has a second source with no outlet named.
    expect((await search({ q: 'kamal', outlet: 'PhotoNews Pakistan' })).hits.map((h) => h.id)).toEqual([SYRIA.graspingDefeat]);
  });

  it('browses with no words: every article the filters let through, newest first', async () => {
    const november = await search({ q: '', from: '2017-11', to: '2017-11' });
    expect(november.mode).toBe('browse');
    expect(november.total).toBe(6);
    expect(november.hits[0]?.id).toBe(SYRIA.endOfCaliphate);
    const uncategorised = await search({ q: '', category: 'uncategorised', limit: 100 });
    expect(uncategorised.total).toBe([...articles.values()].filter((a) => a.category === null).length);
    const dates = uncategorised.hits.map((h) => h.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('sorts by newest on request, across every page', async () => {
    const first = await search({ q: 'accessibility', sort: 'newest', limit: 10 });
    const second = await search({ q: 'accessibility', sort: 'newest', offset: 10, limit: 10 });
    const dates = [...first.hits, ...second.hits].map((h) => h.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(first.total).toBe(second.total);
  });

  it('shows why an article matched: marked title words and a passage of the body', async () => {
    const [hit] = (await search('Hezbolah')).hits;
    expect(hit?.snippet?.filter((s) => s.match).map((s) => s.text)).toContain('Hezbollah');
    const [daesh] = (await search('Daesh counterattack')).hits;
    expect(daesh?.titleHighlighted.filter((s) => s.match).map((s) => s.text)).toEqual(['Daesh']);
    expect(daesh?.snippet?.map((s) => s.text).join('')).toMatch(/Daesh terrorists conducted a blistering counterattack/);
  });

  it('finds exactly the articles whose title or text has a quoted phrase, when it could check every candidate', async () => {
    const response = await search({ q: '"web design standards"', limit: 1000 });
    expect(response.phraseCheck).toEqual({ candidates: expect.any(Number), checked: response.phraseCheck!.candidates });
    expect(response.phraseCheck!.candidates).toBeLessThanOrEqual(MAX_PHRASE_CHECKS);
    // Read independently: the three words with nothing but spaces and punctuation between them.
    const phrase = /(?<![\p{L}\p{N}])web[^\p{L}\p{N}]*design[^\p{L}\p{N}]*standards(?![\p{L}\p{N}])/iu;
    const having = [...articles.values()].filter((a) => phrase.test(a.title) || phrase.test(htmlToPlainText(a.body))).map((a) => a.id);
    expect(response.hits.map((h) => h.id).sort()).toEqual(having.sort());
    expect(response.total).toBe(having.length);
    // Fewer than have the three words apart.
    expect(response.total).toBeLessThan((await search('web design standards')).total);
  });

  it('reads a quote left open as a phrase being typed, and answers a phrase searched again alike', async () => {
    const closed = await search({ q: '"web design standards"', limit: 1000 });
    const typing = await search({ q: '"web design stand', limit: 1000 });
    // The same articles ("stand" also finds "standard", which moves their scores a little).
    expect(typing.hits.map((h) => h.id).sort()).toEqual(closed.hits.map((h) => h.id).sort());
    // The second time, from what the first check kept.
    expect(await search({ q: '"web design standards"', limit: 1000 })).toEqual(closed);
  });

  it('marks a quoted phrase as one in the title and the passage', async () => {
    const [hit] = (await search('"web design standards"')).hits;
    expect(hit?.titleHighlighted.filter((s) => s.match).map((s) => s.text)).toEqual(['Web Design Standards']);
    expect(hit?.snippet?.filter((s) => s.match).map((s) => s.text)).toContain('Web Design Standards');
  });

  it('checks at most MAX_PHRASE_CHECKS articles for a phrase, and says so', async () => {
    const response = await search('"of the"');
    expect(response.phraseCheck).toEqual({ candidates: expect.any(Number), checked: MAX_PHRASE_CHECKS });
    expect(response.phraseCheck!.candidates).toBeGreaterThan(MAX_PHRASE_CHECKS);
    expect(response.total).toBeGreaterThan(0);
    expect(response.total).toBeLessThanOrEqual(MAX_PHRASE_CHECKS);
  });

  it('reads the words of an address the archive does not have as words', async () => {
    const response = await search('https://www.arabnews.com/node/999999/middle-east');
    expect(response.mode).not.toBe('address');
  });

  it('suggests known words for a query that found nothing', async () => {
    const response = await search('gsx');
    expect(response).toMatchObject({ total: 0, mode: 'any' });
    expect(response.suggestions[0]).toBe('gsa');
  });

  it('finds nothing, without failing, for Arabic words the archive does not have', async () => {
    // The archive is in English only: see the tokenizer tests for Arabic, Chinese and Japanese.
    const response = await search('البوكمال');
    expect(response).toMatchObject({ total: 0, hits: [], suggestions: [] });
  });
});

describe('the index in layers, loaded on demand', () => {
  it('gives every judged query the top hits one index over the whole archive gives', async () => {
    // One layer over every article (in the builder's order): the averages of the whole archive,
    // as one MiniSearch over it has them (termIndex.test.ts checks that it scores as one).
    const archive = await readArchive('archive');
    const label = (labels: { slug: string; name: string }[]) => (slug: string) => labels.find((l) => l.slug === slug)?.name ?? slug;
    const articles = archive.months.flatMap((m) => m.articles).sort(byIndexOrder);
    const documents = articles.map((a) => toSearchDocument(a, label(archive.meta.categories), label(archive.meta.tags), htmlToPlainText(a.body)));
    const oneLayer = termIndexFiles(documents, [{ from: archive.months[0]!.month, to: archive.months.at(-1)!.month, documentCount: documents.length }], (stem) => `${stem}.json`, {
      shardBytes: DEFAULT_SHARD_BYTES,
      maxFileBytes: 1.5 * 1024 * 1024,
    });
    const oneLayerFiles = new Map(oneLayer.files);
    const manifest = { ...bundle.manifest, index: oneLayer.index };
    const single = createSearchIndex({
      loadManifest: async () => manifest,
      loadFile: async (name) => oneLayerFiles.get(name) ?? bundle.files.get(name)!,
    });
    expect(bundle.manifest.index.layers.length).toBeGreaterThan(1);
    for (const j of judged) {
      const [layered, whole] = await Promise.all([search(j.query), single.search(typeof j.query === 'string' ? { q: j.query } : j.query)]);
      expect(layered.hits.slice(0, j.within).map((h) => h.id), JSON.stringify(j.query)).toEqual(whole.hits.slice(0, j.within).map((h) => h.id));
      expect(layered.total, JSON.stringify(j.query)).toBe(whole.total);
    }
  });
});
