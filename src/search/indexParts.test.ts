import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlToPlainText } from '../core/htmlToPlainText';
import { defaultSearchOptions, searchIndexOptions, toSearchDocument, type SearchDocument } from '../core/searchOptions';
import { readArchive } from '../librarian/archive/readArchive';
import { indexPartFiles } from '../librarian/bundle/indexPartFiles';
import { addIndexPart, parseIndexPart } from './indexParts';

/** Three periods of the default archive, newest first, as the builder indexes them. */
let periods: SearchDocument[][];
beforeAll(async () => {
  const archive = await readArchive('archive');
  const label = (labels: { slug: string; name: string }[]) => (slug: string) => labels.find((l) => l.slug === slug)?.name ?? slug;
  const documents = (year: string) =>
    archive.months
      .filter((m) => m.month.startsWith(year))
      .reverse()
      .flatMap((m) => m.articles)
      .map((a) => toSearchDocument(a, label(archive.meta.categories), label(archive.meta.tags), htmlToPlainText(a.body)));
  periods = [documents('2018'), documents('2017'), documents('2012')];
});

/** A period's part as the reader gets it: the builder's files (split small), put back together. */
const part = (documents: SearchDocument[]) => parseIndexPart(indexPartFiles(documents, 30_000).map(String));

/** What a query finds, in an order and to a precision that do not depend on how the index was put together. */
function answers(index: MiniSearch<SearchDocument>, q: string) {
  return index
    .search(q, defaultSearchOptions)
    .map((r) => ({ id: r.id as string, score: r.score.toPrecision(10), terms: [...r.terms].sort(), title: r.title as string }))
    .sort((a, b) => Number(b.score) - Number(a.score) || a.id.localeCompare(b.id));
}

const QUERIES = ['caliphate', 'Albu Kamal', 'accessibility', 'goverment', 'crowdsour', 'peace corps', 'mobile app', 'the data', 'section 508'];

describe('addIndexPart', () => {
  it('makes the parts loaded so far rank as one MiniSearch over their articles would', () => {
    const index = new MiniSearch<SearchDocument>(searchIndexOptions);
    for (const [i, documents] of periods.entries()) {
      addIndexPart(index, part(documents));
      const whole = new MiniSearch<SearchDocument>(searchIndexOptions);
      whole.addAll(periods.slice(0, i + 1).flat());
      expect(index.documentCount).toBe(whole.documentCount);
      for (const q of QUERIES) expect(answers(index, q), `${q} over ${i + 1} parts`).toEqual(answers(whole, q));
    }
  });

  it('keeps what each article stores, and finds it by its id', () => {
    const index = new MiniSearch<SearchDocument>(searchIndexOptions);
    for (const documents of periods) addIndexPart(index, part(documents));
    const last = periods[2]!.at(-1)!;
    expect(index.has(last.id)).toBe(true);
    expect(index.getStoredFields(last.id)).toEqual({ title: last.title, date: last.date, slug: last.slug, categorySlug: last.categorySlug, outlets: last.outlets, category: last.category });
    expect(index.search(MiniSearch.wildcard).length).toBe(periods.flat().length);
  });

  it('refuses a part MiniSearch would not load', () => {
    const index = new MiniSearch<SearchDocument>(searchIndexOptions);
    expect(() => addIndexPart(index, { ...part(periods[0]!), serializationVersion: 3 })).toThrow('MiniSearch: cannot deserialize an index created with an incompatible version');
    expect(index.documentCount).toBe(0);
  });
});
