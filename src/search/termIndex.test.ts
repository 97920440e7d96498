import fc from 'fast-check';
import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BundleManifest, BundleSearchIndex } from '../core/format';
import { htmlToPlainText } from '../core/htmlToPlainText';
import { defaultSearchOptions, fuzzyDistance, searchIndexOptions, toSearchDocument, type SearchDocument } from '../core/searchOptions';
import { processTerm, tokenize } from '../core/searchTerms';
import { monthKey } from '../core/monthKey';
import type { MonthKey } from '../core/types';
import { readArchive } from '../librarian/archive/readArchive';
import { contentHash } from '../librarian/bundle/buildBundle';
import { byIndexOrder, indexLayers, termIndexFiles, type LayerSpec } from '../librarian/bundle/termIndexFiles';
import { termsWithin } from './fuzzyTerms';
import { createTermIndex, type TermNeed } from './termIndex';

/** The default archive's documents in short-id order, and its months oldest first. */
let documents: SearchDocument[];
let months: { month: MonthKey; count: number }[];
/** One MiniSearch over every article, as MiniSearch builds it. */
let global: MiniSearch<SearchDocument>;

beforeAll(async () => {
  const archive = await readArchive('archive');
  const names = new Map([...archive.meta.categories, ...archive.meta.tags].map((l) => [l.slug, l.name]));
  const label = (slug: string) => names.get(slug) ?? slug;
  const articles = archive.months.flatMap((m) => m.articles).sort(byIndexOrder);
  documents = articles.map((a) => toSearchDocument(a, label, label, htmlToPlainText(a.body)));
  months = [];
  for (const a of articles) {
    const month = monthKey(a.date);
    if (months.at(-1)?.month === month) months.at(-1)!.count++;
    else months.push({ month, count: 1 });
  }
  global = new MiniSearch<SearchDocument>(searchIndexOptions);
  global.addAll(documents);
}, 120_000);

function build(layers: LayerSpec[], shardBytes = 16 * 1024) {
  const written = termIndexFiles(documents, layers, (stem, content) => `${stem}.${contentHash(content)}.json`, { shardBytes, maxFileBytes: 1.5 * 1024 * 1024 });
  const manifest = { months: [...months].reverse().map((m) => ({ ...m, files: [] })), index: written.index } as unknown as BundleManifest & { index: BundleSearchIndex };
  const files = new Map(written.files);
  const read: string[] = [];
  const index = createTermIndex(manifest, async (file) => {
    read.push(file);
    const text = files.get(file);
    if (text === undefined) throw new Error(`no file ${file}`);
    return text;
  });
  return { written, index, read };
}

/** What `defaultSearchOptions` asks of each term of a query. */
function needsOf(query: string): TermNeed[] {
  const terms = tokenize(query).flatMap((t) => [processTerm(t) ?? []].flat());
  return terms.map((term, i) => ({ term, prefix: i === terms.length - 1, fuzzy: fuzzyDistance(term) }));
}

const QUERIES = ['accessibility', 'acessibility', 'plain lang', 'albu kamal', 'daesh', 'section 508', 'foodkeeper', 'open data', 'usabilty testing', 'gov'];

describe('termsWithin', () => {
  it('finds what MiniSearch finds in its radix tree, on the terms of the archive', async () => {
    const tree = new MiniSearch<SearchDocument>(searchIndexOptions);
    tree.addAll(documents.slice(0, 300));
    const terms = [...(tree as unknown as { _index: Map<string, unknown> })._index.keys()].sort();
    const radix = (tree as unknown as { _index: { fuzzyGet(t: string, d: number): Map<string, [unknown, number]> } })._index;
    for (const [query, distance] of [['accessibility', 2], ['goverment', 2], ['plain', 1], ['data', 1], ['a', 1], ['zzzzzz', 2]] as const) {
      const expected = new Map([...radix.fuzzyGet(query, distance)].map(([t, [, d]]) => [t, d]));
      expect(termsWithin(terms, query, distance), query).toEqual(expected);
    }
  });

  it('agrees with the edit distance on any list of words', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é'), maxLength: 6 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 40 }), word, fc.integer({ min: 0, max: 2 }), (list, term, distance) => {
        const sorted = [...list].sort();
        const expected = new Map(sorted.map((t) => [t, levenshtein(t, term)] as const).filter(([, d]) => d <= distance));
        expect(termsWithin(sorted, term, distance)).toEqual(expected);
      }),
    );
  });
});

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

describe('createTermIndex', () => {
  it('scores as one MiniSearch over every article, loading only the files a query needs', async () => {
    // One layer: the weights carry the very averages of the global index.
    const { written, index, read } = build([{ from: months[0]!.month, to: months.at(-1)!.month, documentCount: documents.length }]);
    for (const query of QUERIES) {
      await index.loadTerms(needsOf(query));
      const options: SearchOptions = { ...defaultSearchOptions, prefix: (_t, i, terms) => i === terms.length - 1 };
      const expected = global.search(query, options);
      const got = index.index.search(query, options);
      // Weights are written to 4 decimals: near-ties far down a long list may swap, the top may not.
      const ids = got.map((r) => documents[r.id as number]!.id);
      expect(ids.slice(0, 20), query).toEqual(expected.slice(0, 20).map((r) => r.id));
      expect(new Set(ids), query).toEqual(new Set(expected.map((r) => r.id)));
      got.forEach((r, i) => expect(r.score / expected[i]!.score, query).toBeCloseTo(1, 3));
    }
    expect(new Set(read).size).toBeLessThan(written.files.length / 2);
  });

  it('ranks as one MiniSearch in layers too (averages of the oldest layer), and finds typos across layers', async () => {
    const layers = indexLayers(months);
    expect(layers.length).toBeGreaterThan(1);
    const { index } = build(layers);
    for (const query of QUERIES) {
      await index.loadTerms(needsOf(query));
      const expected = global.search(query, defaultSearchOptions).slice(0, 10);
      const got = index.index.search(query, defaultSearchOptions).slice(0, 10);
      expect(got.map((r) => documents[r.id as number]!.id), query).toEqual(expected.map((r) => r.id));
    }
  });

  it('gives hits their article’s fields, and filters by facets and by month from the ids', async () => {
    const { index } = build(indexLayers(months));
    await index.loadTerms(needsOf('syria'));
    await index.loadFacets();
    const inMonth = (r: SearchResult) => String(r.date).startsWith('2017-11');
    const november = index.index.search('syria', { ...defaultSearchOptions, filter: inMonth });
    await index.loadDocuments(november);
    expect(november.map((r) => r.id)).toEqual(global.search('syria', { ...defaultSearchOptions, filter: inMonth }).map((r) => r.id));
    expect(november.length).toBeGreaterThanOrEqual(4);
    expect(november.every((r) => inMonth(r) && documents.some((d) => d.id === r.id && d.title === r.title && d.slug === r.slug))).toBe(true);
    const fromArabNews = (r: SearchResult) => r.outlets === 'Arab News';
    const byOutlet = index.index.search('syria', { ...defaultSearchOptions, filter: fromArabNews });
    await index.loadDocuments(byOutlet);
    expect(byOutlet.map((r) => r.id)).toEqual(global.search('syria', { ...defaultSearchOptions, filter: fromArabNews }).map((r) => r.id));
    expect(byOutlet.map((r) => r.id)).toEqual(['1bbdae91240001de']);
  });

  it('splits a term too big for one file over shards that all load', async () => {
    const { written, index } = build(indexLayers(months), 1024);
    const shards = written.index.layers.flatMap((l) => l.shards);
    const firsts = shards.map((s) => s.first);
    expect(new Set(firsts).size).toBeLessThan(firsts.length);
    await index.loadTerms(needsOf('digital government '));
    const query = 'digital government';
    const options = { ...defaultSearchOptions, prefix: false, fuzzy: false };
    expect(index.index.search(query, options).length).toBe(global.search(query, options).length);
  });
});
