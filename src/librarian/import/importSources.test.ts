import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArchiveMonthFile } from '../../core/format';
import { readArchive } from '../archive/readArchive';
import { SEED_FILES, SEEDS_META, seedsPresent, tempArchive } from '../testing/tempArchive';
import { importSources } from './importSources';

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = { 'archive.json': await readFile(path.join(dir, 'archive.json'), 'utf8') };
  const names = await readdir(path.join(dir, 'articles')).catch(() => [] as string[]);
  for (const n of names) out[`articles/${n}`] = await readFile(path.join(dir, 'articles', n), 'utf8');
  return out;
}

describe.skipIf(!seedsPresent)('importSources on the real seed pages', () => {
  let dir = '';
  let cleanup = async () => {};
  beforeEach(async () => {
    ({ dir, cleanup } = await tempArchive());
  });
  afterEach(() => cleanup());

  it('imports five pages as four articles, merging the same article from two sites', async () => {
    const report = await importSources({ archiveDir: dir, files: SEED_FILES, metaFile: SEEDS_META });
    expect(report.failed).toEqual([]);
    expect(report.imported.map((a) => a.title).sort()).toEqual([
      'Abu Kamal: Grasping Defeat from the Jaws of Victory',
      'Daesh in desperate attempt to save Albu Kamal, last Syrian bastion',
      'Syrian Army declares victory over ISIS',
      'The End of the Caliphate?',
    ]);
    expect(report.merged).toHaveLength(1);
    expect(report.merged[0]).toMatchObject({ file: '001_ed09494754fb5c4b.txt', title: 'Abu Kamal: Grasping Defeat from the Jaws of Victory', how: 'near duplicate' });
    expect(report.byMonth).toEqual({ '2017-11': 4 });
    expect(report.written.sort()).toEqual(['archive.json', 'articles/2017-11.json']);

    const archive = await readArchive(dir);
    const articles = archive.months.flatMap((m) => m.articles);
    const abuKamal = articles.find((a) => a.title.startsWith('Abu Kamal'))!;
    expect(abuKamal.sources).toEqual([
      { outlet: 'PhotoNews Pakistan', url: 'https://photonews.com.pk/abu-kamal-grasping-defeat-jaws-victory/' },
      { outlet: null, url: null },
    ]);
    expect(abuKamal).toMatchObject({ date: '2017-11-17', author: 'Tahir Shabbir', category: 'blog', slug: 'abu-kamal-grasping-defeat-from-the-jaws-of-victory' });
    expect(archive.meta.categories).toContainEqual({ slug: 'blog', name: 'Blog' });

    const arabNews = articles.find((a) => a.title.startsWith('Daesh'))!;
    expect(arabNews).toMatchObject({ date: '2017-11-10', category: 'middle-east', sources: [{ outlet: 'Arab News', url: 'http://www.arabnews.com/node/1191671/middle-east' }] });
    // Declared display names win over the page's slug-like spelling ("Middle-East").
    expect(archive.meta.categories.filter((c) => c.slug === 'middle-east')).toEqual([{ slug: 'middle-east', name: 'Middle East' }]);

    const fwm = articles.find((a) => a.title === 'Syrian Army declares victory over ISIS')!;
    expect(fwm.date).toBe('2017-11-10T09:52:00');
    expect(fwm.summary).toBe("The Syrian Army declared victory over the Islamic State this week, with the capture of the jihadists' last stronghold of Albu Kamal.");
    expect(fwm.body).not.toMatch(/donat|comment/i);

    // Newest first within the month file.
    expect(articles.map((a) => a.date)).toEqual(['2017-11-25', '2017-11-17', '2017-11-10T09:52:00', '2017-11-10']);
  });

  it('is idempotent: importing the same pages again changes nothing', async () => {
    await importSources({ archiveDir: dir, files: SEED_FILES, metaFile: SEEDS_META });
    const before = await snapshot(dir);
    const again = await importSources({ archiveDir: dir, files: SEED_FILES, metaFile: SEEDS_META });
    expect(again.imported).toEqual([]);
    expect(again.merged).toEqual([]);
    expect(again.unchanged.map((u) => u.file).sort()).toEqual(SEED_FILES.map((f) => path.basename(f)).sort());
    expect(again.written).toEqual([]);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('gives the same ids whatever the order of the files', async () => {
    await importSources({ archiveDir: dir, files: SEED_FILES, metaFile: SEEDS_META });
    const forward = (await readArchive(dir)).months.flatMap((m) => m.articles.map((a) => a.id)).sort();
    const other = await tempArchive();
    try {
      await importSources({ archiveDir: other.dir, files: [...SEED_FILES].reverse(), metaFile: SEEDS_META });
      const backward = (await readArchive(other.dir)).months.flatMap((m) => m.articles.map((a) => a.id)).sort();
      expect(backward).toEqual(forward);
    } finally {
      await other.cleanup();
    }
  });

  it('refuses a page with no date unless the librarian gives one, and imports the rest', async () => {
    const report = await importSources({ archiveDir: dir, files: SEED_FILES });
    expect(report.failed).toEqual([
      { file: '002_b474903eb213658c.txt', reason: 'no publication date found (pass --date YYYY-MM-DD, or give "date" for this file in the --meta file)' },
    ]);
    expect(report.imported).toHaveLength(3);
    const withDate = await importSources({ archiveDir: dir, files: [SEED_FILES[2]!], overrides: { date: '2017-11-10' } });
    expect(withDate.failed).toEqual([]);
    expect(withDate.imported.map((a) => a.title)).toEqual(['Daesh in desperate attempt to save Albu Kamal, last Syrian bastion']);
  });

  it('a dateless page that duplicates a dated one takes its date', async () => {
    const report = await importSources({ archiveDir: dir, files: [SEED_FILES[1]!, SEED_FILES[0]!] });
    expect(report.failed).toEqual([]);
    expect(report.imported).toHaveLength(1);
    expect(report.imported[0]!.month).toBe('2017-11');
  });

  it('reports bad files by name and reason while the good ones import', async () => {
    const empty = path.join(dir, 'empty.txt');
    const binary = path.join(dir, 'photo.jpg');
    const menuOnly = path.join(dir, 'menu.txt');
    await writeFile(empty, '');
    await writeFile(binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]));
    // The navigation block of a real seed page: a page with no article in it.
    const seed = await readFile(SEED_FILES[0]!, 'utf8');
    await writeFile(menuOnly, seed.split('\n').slice(0, 14).join('\n'));
    const report = await importSources({ archiveDir: dir, files: [empty, binary, menuOnly, SEED_FILES[3]!, path.join(dir, 'missing.txt')], metaFile: SEEDS_META });
    expect(report.failed.map((f) => f.file)).toEqual(['empty.txt', 'photo.jpg', 'menu.txt', 'missing.txt']);
    expect(report.failed[0]!.reason).toBe('empty file');
    expect(report.failed[1]!.reason).toBe('not a text file (binary content)');
    expect(report.failed[2]!.reason).toMatch(/^no article text found/);
    expect(report.failed[3]!.reason).toBe('cannot read: ENOENT');
    expect(report.imported.map((a) => a.title)).toEqual(['Syrian Army declares victory over ISIS']);
  });

  it('writes nothing on a dry run', async () => {
    const before = await snapshot(dir);
    const report = await importSources({ archiveDir: dir, files: SEED_FILES, metaFile: SEEDS_META, dryRun: true });
    expect(report.imported).toHaveLength(4);
    expect(report.written).toEqual([]);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses to write into an archive that does not validate, and leaves it as it was', async () => {
    await importSources({ archiveDir: dir, files: SEED_FILES.slice(0, 2), metaFile: SEEDS_META });
    const file = path.join(dir, 'articles/2017-11.json');
    const month = JSON.parse(await readFile(file, 'utf8')) as ArchiveMonthFile;
    month.articles[0]!.date = 'yesterday';
    await writeFile(file, JSON.stringify(month));
    const before = await snapshot(dir);
    await expect(importSources({ archiveDir: dir, files: SEED_FILES, metaFile: SEEDS_META })).rejects.toThrow(
      /^archive: articles\/2017-11.json: article 0 \([0-9a-f]{16}\): date: must be an ISO 8601 date \(found "yesterday"\)/,
    );
    expect(await snapshot(dir)).toEqual(before);
  });
});
