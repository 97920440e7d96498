import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSources } from '../import/importSources';
import { SEED_FILES, SEEDS_META, seedsPresent, tempArchive } from '../testing/tempArchive';
import { correctArticle, removeArticles } from './editArchive';
import { readArchive } from './readArchive';

describe.skipIf(!seedsPresent)('editing the archive imported from the seed pages', () => {
  let dir = '';
  let cleanup = async () => {};
  beforeEach(async () => {
    ({ dir, cleanup } = await tempArchive());
    await importSources({ archiveDir: dir, files: SEED_FILES, metaFile: SEEDS_META });
  });
  afterEach(() => cleanup());

  const titles = async () => (await readArchive(dir)).months.flatMap((m) => m.articles.map((a) => a.title));

  it('removes an article named by its original URL', async () => {
    const removed = await removeArticles(dir, ['http://freewestmedia.com/2017/11/10/syrian-army-declares-victory-over-isis/']);
    expect(removed.map((a) => a.title)).toEqual(['Syrian Army declares victory over ISIS']);
    expect(await titles()).not.toContain('Syrian Army declares victory over ISIS');
    expect(await titles()).toHaveLength(3);
  });

  it('removes nothing when one reference matches no article', async () => {
    const before = await readFile(path.join(dir, 'articles/2017-11.json'), 'utf8');
    await expect(removeArticles(dir, ['2017/11/the-end-of-the-caliphate', '2017/11/no-such-article'])).rejects.toThrow(
      'archive: no article matches "2017/11/no-such-article" (give an id, an original URL, or YYYY/MM/slug)',
    );
    expect(await readFile(path.join(dir, 'articles/2017-11.json'), 'utf8')).toBe(before);
  });

  it('corrects the category and date, moving the article to its new month', async () => {
    const { after } = await correctArticle(dir, '2017/11/the-end-of-the-caliphate', { category: 'Middle East', date: '2017-12-01', author: null });
    expect(after).toMatchObject({ category: 'middle-east', date: '2017-12-01', slug: 'the-end-of-the-caliphate' });
    const archive = await readArchive(dir);
    expect(archive.months.map((m) => [m.month, m.articles.length])).toEqual([
      ['2017-11', 3],
      ['2017-12', 1],
    ]);
  });

  it('declares a new category named by the librarian', async () => {
    await correctArticle(dir, '2017/11/the-end-of-the-caliphate', { category: 'Analysis', tags: ['Iraq', 'Syria'] });
    const archive = await readArchive(dir);
    expect(archive.meta.categories).toContainEqual({ slug: 'analysis', name: 'Analysis' });
    expect(archive.meta.tags).toEqual([
      { slug: 'iraq', name: 'Iraq' },
      { slug: 'syria', name: 'Syria' },
    ]);
  });

  it('declares a category in another script, and one with no letter or digit under a stand-in slug', async () => {
    const { after } = await correctArticle(dir, '2017/11/the-end-of-the-caliphate', { category: '中東', tags: ['___'] });
    const archive = await readArchive(dir);
    expect(after.category).toBe('中東');
    expect(archive.meta.categories).toContainEqual({ slug: '中東', name: '中東' });
    expect(archive.meta.tags).toEqual([{ slug: after.tags[0], name: '___' }]);
    expect(after.tags[0]).toMatch(/^label-[0-9a-f]{10}$/);
  });

  it('refuses a correction that would make the archive invalid, changing nothing', async () => {
    const before = await readFile(path.join(dir, 'articles/2017-11.json'), 'utf8');
    await expect(correctArticle(dir, '2017/11/the-end-of-the-caliphate', { date: '25/11/2017' })).rejects.toThrow(
      'archive: "25/11/2017" is not an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)',
    );
    await expect(correctArticle(dir, '2017/11/the-end-of-the-caliphate', { slug: 'syrian-army-declares-victory-over-isis' })).rejects.toThrow(
      /slug: duplicate slug "syrian-army-declares-victory-over-isis" in this month/,
    );
    expect(await readFile(path.join(dir, 'articles/2017-11.json'), 'utf8')).toBe(before);
  });
});
