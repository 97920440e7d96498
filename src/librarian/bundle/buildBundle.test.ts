import { createHash } from 'node:crypto';
import MiniSearch from 'minisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  indexFiles,
  LISTING_FILE_ITEMS,
  slugBucket,
  SLUGS_PER_FILE,
  type BundleIndexPartFile,
  type BundleListingFile,
  type BundleMonthFile,
  type BundleSlugFile,
} from '../../core/format';
import { htmlToPlainText } from '../../core/htmlToPlainText';
import { defaultSearchOptions, fuzzyDistance, searchIndexOptions, toSearchDocument, type SearchDocument } from '../../core/searchOptions';
import type { Article } from '../../core/types';
import { type LoadedArchive, readArchive } from '../archive/readArchive';
import { importSources } from '../import/importSources';
import { SEED_FILES, SEEDS_META, seedsPresent, tempArchive } from '../testing/tempArchive';
import { type Bundle, buildBundle } from './buildBundle';
import { indexLayers } from './termIndexFiles';
import { createTermIndex } from '../../search/termIndex';
import { indexPartFiles } from './indexPartFiles';

const builtAt = new Date('2026-11-21T00:00:00Z');

/** An index part's files put back together as `BundleIndexPart` describes, as MiniSearch's JSON (terms sorted). */
function joinPartFiles(texts: readonly (string | Buffer)[]): ReturnType<MiniSearch['toJSON']> {
  const [head, ...rest] = texts.map((text) => JSON.parse(String(text)) as BundleIndexPartFile);
  const js = head as unknown as ReturnType<MiniSearch['toJSON']>;
  const terms: BundleIndexPartFile['index'] = [];
  for (const file of [head!, ...rest]) {
    Object.assign(js.documentIds, file.documentIds);
    Object.assign(js.fieldLength, file.fieldLength);
    Object.assign(js.storedFields, file.storedFields);
    for (const entry of file.index) {
      const last = terms.at(-1);
      if (last?.[0] !== entry[0]) {
        terms.push(entry);
        continue;
      }
      for (const [field, documents] of Object.entries(entry[1])) last[1][field] = { ...last[1][field], ...documents };
    }
  }
  js.index = terms.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) as typeof js.index;
  return js;
}

/** MiniSearch's own JSON for these documents, its terms sorted (as `joinPartFiles` sorts them). */
function miniSearchJson(documents: SearchDocument[]): ReturnType<MiniSearch['toJSON']> {
  const index = new MiniSearch<SearchDocument>(searchIndexOptions);
  index.addAll(documents);
  const js = JSON.parse(JSON.stringify(index)) as ReturnType<MiniSearch['toJSON']>;
  js.index.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return js;
}

/** The documents the builder indexes for these articles (labels named as the archive names them). */
function documentsOf(archive: LoadedArchive, articles: readonly Article[]): SearchDocument[] {
  const name = (labels: { slug: string; name: string }[]) => (slug: string) => labels.find((l) => l.slug === slug)?.name ?? slug;
  return articles.map((a) => toSearchDocument(a, name(archive.meta.categories), name(archive.meta.tags), htmlToPlainText(a.body)));
}

const bytes = (text: string | Buffer) => Buffer.byteLength(text);
const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

describe('indexLayers', () => {
  const months = (...keys: string[]) => keys.map((month) => ({ month, count: 1 }));

  it('gives each month of the newest year a layer, and every older year one layer, oldest first', () => {
    expect(indexLayers(months('2016-03', '2017-09', '2017-10', '2017-11', '2018-01', '2018-02', '2018-04'))).toEqual([
      { from: '2016-03', to: '2017-11', documentCount: 4 },
      { from: '2018-01', to: '2018-01', documentCount: 1 },
      { from: '2018-02', to: '2018-02', documentCount: 1 },
      { from: '2018-04', to: '2018-04', documentCount: 1 },
    ]);
  });

  it('folds last year’s months into the old layer on the first month of a new year', () => {
    expect(indexLayers(months('2017-12', '2018-01', '2018-02')).map((l) => l.from)).toEqual(['2017-12', '2018-01', '2018-02']);
    expect(indexLayers(months('2017-12', '2018-01', '2018-02', '2019-01'))).toEqual([
      { from: '2017-12', to: '2018-02', documentCount: 3 },
      { from: '2019-01', to: '2019-01', documentCount: 1 },
    ]);
  });

  it('has no layer for an archive with no articles', () => {
    expect(indexLayers([])).toEqual([]);
  });
});

describe('indexPartFiles', () => {
  let documents: SearchDocument[];
  beforeAll(async () => {
    const archive = await readArchive('archive');
    // Full-text DigitalGov posts of two years and the four Albu Kamal reports, as one part.
    documents = documentsOf(archive, archive.months.filter((m) => m.month.startsWith('2017') || m.month.startsWith('2012')).flatMap((m) => m.articles));
  });

  it('writes the index MiniSearch builds, in one file when it fits', () => {
    const files = indexPartFiles(documents, 50 * 1024 * 1024);
    expect(files).toHaveLength(1);
    expect(joinPartFiles(files)).toEqual(miniSearchJson(documents));
  });

  it('splits it into files under the limit that join back into that index, the document table too', () => {
    const whole = miniSearchJson(documents);
    for (const limit of [200_000, 20_000]) {
      const files = indexPartFiles(documents, limit);
      for (const file of files) expect(bytes(file)).toBeLessThanOrEqual(limit);
      expect(joinPartFiles(files)).toEqual(whole);
    }
    // At 20,000 bytes the document table alone needs more than one file.
    const head = JSON.parse(String(indexPartFiles(documents, 20_000)[0])) as BundleIndexPartFile;
    expect(Object.keys(head.documentIds).length).toBeLessThan(documents.length);
  });

  it('writes a term too large for one file as several entries of that term', () => {
    const files = indexPartFiles(documents, 1_500);
    const terms = files.flatMap((f) => (JSON.parse(String(f)) as BundleIndexPartFile).index.map(([term]) => term));
    expect(terms.filter((t) => t === 'the').length).toBeGreaterThan(1);
    for (const file of files) expect(bytes(file)).toBeLessThanOrEqual(1_500);
    expect(joinPartFiles(files)).toEqual(miniSearchJson(documents));
  });

  it('loads into an index that answers as MiniSearch’s own', () => {
    const rebuilt = MiniSearch.loadJS(joinPartFiles(indexPartFiles(documents, 20_000)), searchIndexOptions);
    const original = new MiniSearch<SearchDocument>(searchIndexOptions);
    original.addAll(documents);
    // Terms sit in another order in the rebuilt tree, so words found by prefix or typo are listed,
    // and their scores added up, in another order: the same hits, scores equal to the last digits.
    const answer = (index: MiniSearch<SearchDocument>, q: string) =>
      index.search(q, defaultSearchOptions).map((r) => ({ id: r.id, score: r.score.toPrecision(12), terms: [...r.terms].sort(), title: r.title as string }));
    for (const q of ['Hezbollah', 'caliphate', 'Albu Kamal', 'accessibility', 'mobile app', 'peace corps', 'goverment', 'crowdsour']) {
      expect(answer(rebuilt, q)).toEqual(answer(original, q));
    }
  });

  it('writes an empty part as an empty index', () => {
    expect(MiniSearch.loadJSON(String(indexPartFiles([], 1_000)[0]), searchIndexOptions).documentCount).toBe(0);
  });
});

describe('buildBundle on the default archive', () => {
  let archive: LoadedArchive;
  let bundle: Bundle;
  // Reading and building 2,081 articles takes 4–6 s on a busy 2-core machine: more than the default 10 s hook limit allows for at times.
  beforeAll(async () => {
    archive = await readArchive('archive');
    bundle = buildBundle(archive, { builtAt });
  }, 60_000);

  /** The archive with `article` added to its month (a new month file when the month is new). */
  function withArticle(article: Article): LoadedArchive {
    const month = article.date.slice(0, 7);
    const months = archive.months.some((m) => m.month === month)
      ? archive.months.map((m) => (m.month === month ? { ...m, articles: [article, ...m.articles] } : m))
      : [...archive.months, { format: archive.months[0]!.format, month, articles: [article] }];
    return { ...archive, months };
  }

  /** A real article of the archive, published again on `date` under a new id. */
  function republished(date: string): Article {
    const original = archive.months.at(-1)!.articles[0]!;
    return { ...original, id: sha(`${original.id} ${date}`).padEnd(16, '0'), slug: `${original.slug}-again`, date };
  }

  it('indexes every year before the newest in one layer and each month of the newest apart, in date order', () => {
    const { layers } = bundle.manifest.index;
    expect(layers.map((l) => [l.from, l.to])).toEqual([
      ['2010-10', '2024-12'],
      ['2025-01', '2025-01'],
    ]);
    expect(bundle.manifest.index.documentCount).toBe(bundle.manifest.articleCount);
    for (const [i, layer] of layers.entries()) {
      const months = bundle.manifest.months.filter((m) => m.month >= layer.from && m.month <= layer.to);
      expect(layer.documentCount).toBe(months.reduce((sum, m) => sum + m.count, 0));
      expect(layer.firstId).toBe(layers.slice(0, i).reduce((sum, l) => sum + l.documentCount, 0));
      const key = layer.from === layer.to ? layer.from : `${layer.from}-${layer.to}`;
      for (const shard of layer.shards) expect(shard.file).toMatch(new RegExp(`^terms-${key}-\\d+\\.[0-9a-f]{12}\\.json$`));
      expect(layer.shards.map((s) => s.first)).toEqual(layer.shards.map((s) => s.first).sort());
    }
  });

  it('lists every data file once with its size in UTF-8 bytes, index first, and names each by its content’s hash', () => {
    const { manifest, files } = bundle;
    expect(manifest.files.map((f) => f.name)).toEqual([...files.keys()]);
    expect(manifest.files.map((f) => f.name)).toEqual([
      ...indexFiles(manifest.index),
      ...manifest.months.flatMap((m) => m.files),
      ...manifest.months.flatMap((m) => [...m.pages, ...(m.slugs ?? [])]),
    ]);
    for (const { name, bytes: size } of manifest.files) {
      const content = files.get(name)!;
      expect(size, name).toBe(bytes(content));
      expect(name.slice(-17, -5), name).toBe(sha(content));
    }
    expect(manifest.edition).toBe(sha([...files.keys()].sort().join('\n')));
  });

  it('lists every month in pages of 100 entries without bodies, newest first, each naming the data file that holds it', () => {
    const { manifest, files } = bundle;
    for (const month of manifest.months) {
      const articles = archive.months.find((m) => m.month === month.month)!.articles;
      const dataFiles = month.files.map((f) => (JSON.parse(files.get(f)!) as BundleMonthFile).articles.map((a) => a.id));
      expect(month.pages, month.month).toHaveLength(Math.ceil(month.count / LISTING_FILE_ITEMS));
      const pages = month.pages.map((f) => JSON.parse(files.get(f)!) as BundleListingFile);
      expect(pages.map((p) => p.from)).toEqual(pages.map((_, i) => i * LISTING_FILE_ITEMS));
      const items = pages.flatMap((p) => p.items);
      expect(items.map((item) => item.id)).toEqual(articles.map((a) => a.id));
      for (const [i, item] of items.entries()) {
        const { id, title, date, slug, summary, category, tags } = articles[i]!;
        expect(item).toMatchObject({ id, title, date, slug, summary, category, tags });
        expect(item).not.toHaveProperty('body');
        expect(dataFiles[item.file], item.slug).toContain(item.id);
      }
    }
  });

  it('says, for a month in several data files, which one holds each slug, in slug files picked by slugBucket', () => {
    const { manifest, files } = buildBundle(archive, { builtAt, maxFileBytes: 100_000 });
    const split = manifest.months.filter((m) => m.files.length > 1);
    expect(split.length).toBeGreaterThan(0);
    for (const month of manifest.months) {
      if (month.files.length === 1) {
        expect(month.slugs, month.month).toBeUndefined();
        continue;
      }
      expect(month.slugs, month.month).toHaveLength(Math.ceil(month.count / SLUGS_PER_FILE));
      const buckets = month.slugs!.map((f) => (JSON.parse(files.get(f)!) as BundleSlugFile).files);
      const articles = month.files.map((f) => (JSON.parse(files.get(f)!) as BundleMonthFile).articles);
      for (const [file, list] of articles.entries()) {
        for (const article of list) expect(buckets[slugBucket(article.slug, buckets.length)]![article.slug], article.slug).toBe(file);
      }
      expect(buckets.reduce((n, b) => n + Object.keys(b).length, 0)).toBe(month.count);
    }
  });

  it('keeps every file under the limit', () => {
    const small = buildBundle(archive, { builtAt, maxFileBytes: 100_000 });
    for (const { name, bytes: size } of small.manifest.files) expect(size, name).toBeLessThanOrEqual(100_000);
    expect(small.manifest.index.layers[0]!.dictionary.length).toBeGreaterThan(1);
  });

  it('changes only the newest layer, the last documents, facets and texts files and that month’s data and listing files when a day of articles is added', () => {
    const next = buildBundle(withArticle(republished('2025-01-31')), { builtAt });
    const before = new Set(bundle.files.keys());
    const after = new Set(next.files.keys());
    const removed = [...before].filter((f) => !after.has(f));
    const added = [...after].filter((f) => !before.has(f));
    const newest = (b: Bundle) => {
      const { index, months } = b.manifest;
      const layer = index.layers.at(-1)!;
      // The snippet store's files from the one that was last before the day was added.
      const lastTexts = bundle.manifest.index.texts!.from.at(-1)!;
      const texts = index.texts!.files.filter((_, i) => index.texts!.from[i]! >= lastTexts);
      return new Set([...layer.shards.map((s) => s.file), ...layer.dictionary.map((d) => d.file), index.documents.files.at(-1)!, ...index.facets.files, ...texts, ...months[0]!.files, ...months[0]!.pages, ...(months[0]!.slugs ?? [])]);
    };
    expect(removed.every((f) => newest(bundle).has(f)), removed.join()).toBe(true);
    expect(added.every((f) => newest(next).has(f)), added.join()).toBe(true);
    expect(next.manifest.index.layers.slice(0, -1)).toEqual(bundle.manifest.index.layers.slice(0, -1));
  });

  it('adds a layer for a new month, and folds the year’s months into the old layer on the first article of a new year', () => {
    const february = buildBundle(withArticle(republished('2025-02-03')), { builtAt });
    expect(february.manifest.index.layers.map((l) => l.from).slice(-2)).toEqual(['2025-01', '2025-02']);
    expect(february.manifest.index.layers.slice(0, -1)).toEqual(bundle.manifest.index.layers);

    const nextYear = buildBundle(withArticle(republished('2026-01-02')), { builtAt });
    expect(nextYear.manifest.index.layers).toMatchObject([
      { from: '2010-10', to: '2025-01', firstId: 0, documentCount: bundle.manifest.articleCount },
      { from: '2026-01', to: '2026-01', firstId: bundle.manifest.articleCount, documentCount: 1 },
    ]);
  });
});

describe.skipIf(!seedsPresent)('buildBundle on the imported seed pages', () => {
  let archive: LoadedArchive;
  let cleanup = async () => {};
  beforeAll(async () => {
    const temp = await tempArchive();
    cleanup = temp.cleanup;
    await importSources({ archiveDir: temp.dir, files: SEED_FILES, metaFile: SEEDS_META });
    archive = await readArchive(temp.dir);
  });
  afterAll(() => cleanup());

  it('is deterministic: the same archive gives the same files and edition', () => {
    const a = buildBundle(archive, { builtAt });
    const b = buildBundle(archive, { builtAt });
    expect(b.manifest).toEqual(a.manifest);
    expect([...b.files]).toEqual([...a.files]);
  });

  it('lists months, categories and the index in the manifest', () => {
    const { manifest, files } = buildBundle(archive, { builtAt });
    expect(manifest.articleCount).toBe(4);
    expect(manifest.months).toEqual([
      { month: '2017-11', count: 4, files: [expect.stringMatching(/^month-2017-11\.[0-9a-f]{12}\.json$/)], pages: [expect.stringMatching(/^list-2017-11-1\.[0-9a-f]{12}\.json$/)] },
    ]);
    expect(manifest.categories).toEqual([
      { slug: 'blog', name: 'Blog', count: 1, months: [{ month: '2017-11', count: 1 }] },
      { slug: 'middle-east', name: 'Middle East', count: 1, months: [{ month: '2017-11', count: 1 }] },
    ]);
    expect(manifest.uncategorised).toEqual({ count: 2, months: [{ month: '2017-11', count: 2 }] });
    expect(manifest.index).toMatchObject({
      documentCount: 4,
      layers: [{ from: '2017-11', to: '2017-11', firstId: 0, documentCount: 4 }],
      documents: { files: [expect.stringMatching(/^documents-1\.[0-9a-f]{12}\.json$/)] },
      facets: { files: [expect.stringMatching(/^facets-1\.[0-9a-f]{12}\.json$/)] },
    });
    expect(new Set(files.keys())).toEqual(new Set([...manifest.months.flatMap((m) => [...m.files, ...m.pages]), ...indexFiles(manifest.index)]));
  });

  it('builds an index the reader can load with the shared options and search', async () => {
    const { manifest, files } = buildBundle(archive, { builtAt });
    const { index, loadTerms, loadDocuments } = createTermIndex(manifest, async (name) => files.get(name)!);
    const needs = (...terms: string[]) => terms.map((term) => ({ term, prefix: true, fuzzy: fuzzyDistance(term) }));
    await loadTerms(needs('hmeimim'));
    const hits = index.search('Hmeimim', defaultSearchOptions);
    await loadDocuments(hits);
    expect(hits.map((h) => h.title)).toEqual(['Syrian Army declares victory over ISIS']);
    expect(hits[0]).toMatchObject({ slug: 'syrian-army-declares-victory-over-isis', date: '2017-11-10T09:52:00', outlets: 'Free West Media' });
    // Body text of the merged article is indexed once, under one id.
    await loadTerms(needs('jaws', 'of', 'victory'));
    expect(index.search('Jaws of Victory', defaultSearchOptions)).toHaveLength(1);
  });

  it('splits a month into several files to stay under the size limit', () => {
    const { manifest, files } = buildBundle(archive, { builtAt, maxFileBytes: 12_000 });
    const month = manifest.months[0]!;
    expect(month.files.length).toBeGreaterThan(1);
    const articles = month.files.flatMap((f) => (JSON.parse(files.get(f)!) as BundleMonthFile).articles);
    expect(articles.map((a) => a.date)).toEqual(['2017-11-25', '2017-11-17', '2017-11-10T09:52:00', '2017-11-10']);
    for (const f of month.files) expect(Buffer.byteLength(files.get(f)!)).toBeLessThanOrEqual(12_000);
  });

  it('refuses an article larger than a file, naming it', () => {
    expect(() => buildBundle(archive, { builtAt, maxFileBytes: 2_000 })).toThrow(/^bundle: article [0-9a-f]{16} \(".+"\) is \d+ bytes, over the 2000-byte file limit$/);
  });
});
