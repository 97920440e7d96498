import MiniSearch from 'minisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleMonthFile } from '../../core/format';
import { defaultSearchOptions, searchIndexOptions } from '../../core/searchOptions';
import { type LoadedArchive, readArchive } from '../archive/readArchive';
import { importSources } from '../import/importSources';
import { SEED_FILES, SEEDS_META, seedsPresent, tempArchive } from '../testing/tempArchive';
import { buildBundle } from './buildBundle';

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

  const builtAt = new Date('2026-11-21T00:00:00Z');

  it('is deterministic: the same archive gives the same files and edition', () => {
    const a = buildBundle(archive, { builtAt });
    const b = buildBundle(archive, { builtAt });
    expect(b.manifest).toEqual(a.manifest);
    expect([...b.files]).toEqual([...a.files]);
  });

  it('lists months, categories and the index in the manifest', () => {
    const { manifest, files } = buildBundle(archive, { builtAt });
    expect(manifest.articleCount).toBe(4);
    expect(manifest.months).toEqual([{ month: '2017-11', count: 4, files: [expect.stringMatching(/^month-2017-11\.[0-9a-f]{12}\.json$/)] }]);
    expect(manifest.categories).toEqual([
      { slug: 'blog', name: 'Blog', count: 1, months: [{ month: '2017-11', count: 1 }] },
      { slug: 'middle-east', name: 'Middle East', count: 1, months: [{ month: '2017-11', count: 1 }] },
    ]);
    expect(manifest.uncategorised).toEqual({ count: 2, months: [{ month: '2017-11', count: 2 }] });
    expect(manifest.index.files).toEqual([expect.stringMatching(/^index\.[0-9a-f]{12}\.json$/)]);
    expect(new Set(files.keys())).toEqual(new Set([...manifest.months.flatMap((m) => m.files), ...manifest.index.files]));
  });

  it('builds an index the reader can load with the shared options and search', () => {
    const { manifest, files } = buildBundle(archive, { builtAt });
    const index = MiniSearch.loadJSON(files.get(manifest.index.files[0]!)!, searchIndexOptions);
    const hits = index.search('Hmeimim', defaultSearchOptions);
    expect(hits.map((h) => h.title)).toEqual(['Syrian Army declares victory over ISIS']);
    expect(hits[0]).toMatchObject({ slug: 'syrian-army-declares-victory-over-isis', date: '2017-11-10T09:52:00', outlets: 'Free West Media' });
    // Body text of the merged article is indexed once, under one id.
    expect(index.search('Jaws of Victory', defaultSearchOptions)).toHaveLength(1);
  });

  it('splits the index into parts that load back into the same index', () => {
    const whole = buildBundle(archive, { builtAt });
    const split = buildBundle(archive, { builtAt, maxFileBytes: 8_000 });
    expect(split.manifest.index.files.length).toBeGreaterThan(1);
    for (const f of split.manifest.index.files) expect(Buffer.byteLength(split.files.get(f)!)).toBeLessThanOrEqual(8_000);
    const [head, ...slices] = split.manifest.index.files.map((f) => JSON.parse(split.files.get(f)!));
    for (const slice of slices) head.index.push(...slice);
    const rebuilt = MiniSearch.loadJS(head, searchIndexOptions);
    const original = MiniSearch.loadJSON(whole.files.get(whole.manifest.index.files[0]!)!, searchIndexOptions);
    for (const q of ['Hezbollah', 'caliphate', 'Albu Kamal', 'Tahir Shabbir']) {
      expect(rebuilt.search(q, defaultSearchOptions)).toEqual(original.search(q, defaultSearchOptions));
    }
  });

  it('splits a month into several files to stay under the size limit', () => {
    const { manifest, files } = buildBundle(archive, { builtAt, maxFileBytes: 12_000 });
    const month = manifest.months[0]!;
    expect(month.files.length).toBeGreaterThan(1);
    const articles = month.files.flatMap((f) => (JSON.parse(files.get(f)!) as BundleMonthFile).articles);
    expect(articles.map((a) => a.date)).toEqual(['2017-11-25', '2017-11-17', '2017-11-10T09:52:00', '2017-11-10']);
    for (const f of month.files) expect(Buffer.byteLength(files.get(f)!)).toBeLessThanOrEqual(12_000);
  });
});
