import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArchiveMonthFile } from '../../core/format';
import { readArchive } from '../archive/readArchive';
import { SEED_FILES, SEEDS_META, seedsPresent, tempArchive } from '../testing/tempArchive';
import { parseFieldMapping } from '../sources/readJsonRecords';
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

const FIXTURES = path.resolve('src/librarian/import/testing');
const MAPPING = parseFieldMapping('title=title,date=date,body=body,url=url,category=category,tags=tags,outlet=outlet');
const fixture = (name: string) => path.join(FIXTURES, name);

describe('importSources: one record, one fate (fixtures in import/testing)', () => {
  let dir = '';
  let cleanup = async () => {};
  beforeEach(async () => {
    ({ dir, cleanup } = await tempArchive());
  });
  afterEach(() => cleanup());

  const articlesIn = async () => (await readArchive(dir)).months.flatMap((m) => m.articles);

  it('keeps three wire stories with one title, one day and no address as three articles, the same three on re-import', async () => {
    const report = await importSources({ archiveDir: dir, files: [fixture('wire-same-title.jsonl')], mapping: MAPPING });
    expect(report.failed).toEqual([]);
    expect(report.imported).toHaveLength(4);
    const treasury = (await articlesIn()).filter((a) => a.title === 'U.S. TREASURY BALANCES AT FEDERAL RESERVE');
    expect(new Set(treasury.map((a) => a.id)).size).toBe(3);
    expect(treasury.map((a) => a.slug).sort()).toEqual(['u-s-treasury-balances-at-federal-reserve', 'u-s-treasury-balances-at-federal-reserve-2', 'u-s-treasury-balances-at-federal-reserve-3']);

    const before = await snapshot(dir);
    const again = await importSources({ archiveDir: dir, files: [fixture('wire-same-title.jsonl')], mapping: MAPPING });
    expect(again.imported).toEqual([]);
    expect(again.unchanged).toHaveLength(4);
    expect(await snapshot(dir)).toEqual(before);

    // Ids do not depend on the order of the records.
    const other = await tempArchive();
    try {
      const lines = (await readFile(fixture('wire-same-title.jsonl'), 'utf8')).trim().split('\n').reverse();
      const reversed = path.join(other.dir, 'wire-reversed.jsonl');
      await writeFile(reversed, `${lines.join('\n')}\n`);
      await importSources({ archiveDir: other.dir, files: [reversed], mapping: MAPPING });
      const ids = (await readArchive(other.dir)).months.flatMap((m) => m.articles.map((a) => a.id)).sort();
      expect(ids).toEqual((await articlesIn()).map((a) => a.id).sort());
    } finally {
      await other.cleanup();
    }
  });

  it('gives a category with no letter or digit ("___") a stable stand-in slug rather than refusing the import', async () => {
    await importSources({ archiveDir: dir, files: [fixture('wire-same-title.jsonl')], mapping: MAPPING });
    const { meta } = await readArchive(dir);
    const label = meta.categories.find((c) => c.name === '___')!;
    expect(label.slug).toMatch(/^label-[0-9a-f]{10}$/);
    expect((await articlesIn()).find((a) => a.title === 'Gold output rises at Homestake mine')!.category).toBe(label.slug);
  });

  it('gives an article whose title has no letter or digit its id as its slug', async () => {
    const file = path.join(dir, 'punctuation.jsonl');
    await writeFile(file, `${JSON.stringify({ title: '?!…', date: '2023-06-15', body: 'A reader letter that was published with no headline at all, only punctuation.' })}\n`);
    const report = await importSources({ archiveDir: dir, files: [file], mapping: MAPPING });
    expect(report.failed).toEqual([]);
    const [article] = await articlesIn();
    expect(article!.slug).toBe(article!.id);
  });

  it('imports Japanese, Chinese, Arabic, Cyrillic and Greek titles with slugs in their own script', async () => {
    const report = await importSources({ archiveDir: dir, files: [fixture('scripts.jsonl')], mapping: MAPPING });
    expect(report.failed).toEqual([]);
    const slugs = (await articlesIn()).map((a) => a.slug).sort();
    expect(slugs).toEqual(
      [
        '機動戦士ガンダム-放送開始から45周年',
        'ラーメン店の行列-人々の楽しみに',
        '北京举行新闻发布会介绍春季农业生产',
        'مُحَمَّد-صلاح-يقود-ليفربول-إلى-الفوز',
        'йошкар-ола-новый-мост-открыт-для-движения',
        'αθήνα-νέα-γραμμή-του-μετρό-ανοίγει-το-φθινόπωρο',
      ].sort(),
    );
    expect((await readArchive(dir)).meta.tags.map((t) => t.slug).sort()).toEqual(['ガンダム', 'ラーメン']);
  });

  it('refuses a JSON Lines line that is not JSON alone, naming file and line, and imports the others', async () => {
    const report = await importSources({ archiveDir: dir, files: [fixture('broken-line.jsonl')], mapping: MAPPING });
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.file).toBe('broken-line.jsonl line 2');
    expect(report.failed[0]!.reason).toMatch(/^not valid JSON: /);
    expect(report.skipped).toEqual([]);
    expect(report.imported.map((a) => a.title)).toEqual(['City council approves new cycle lanes', 'Harbour ferry fares to rise in July']);
    expect(report.written).toEqual(['articles/2023-06.json']);
  });

  it('keeps the dates sources state; --date fills a missing one and replaces a placeholder, saying so', async () => {
    const report = await importSources({ archiveDir: dir, files: [fixture('dates.jsonl')], mapping: MAPPING, overrides: { date: '2019-03-09' } });
    expect(report.failed).toEqual([]);
    expect(report.datesReplaced).toEqual([{ file: 'dates.jsonl line 3', date: '2019-03-09', reason: '0001-01-01 is a placeholder, not a publication date' }]);
    const dates = Object.fromEntries((await articlesIn()).map((a) => [a.title, a.date]));
    expect(dates).toEqual({
      'Floods close the river road for a week': '2019-03-04',
      'School choir wins regional contest': '2019-03-09',
      'Market hall reopens after repairs': '2019-03-09',
    });
  });

  it('refuses a record with a placeholder date alone when no date is given, suggesting --date', async () => {
    const report = await importSources({ archiveDir: dir, files: [fixture('dates.jsonl')], mapping: MAPPING });
    expect(report.failed).toEqual([
      {
        file: 'dates.jsonl line 3',
        reason: 'implausible publication date: 0001-01-01 is a placeholder, not a publication date (pass --date YYYY-MM-DD, or give "date" for this file in the --meta file, to replace it)',
      },
      { file: 'dates.jsonl line 2', reason: 'no publication date found (pass --date YYYY-MM-DD, or give "date" for this file in the --meta file)' },
    ]);
    expect(report.imported.map((a) => a.title)).toEqual(['Floods close the river road for a week']);
  });

  it('refuses feed items dated 9999 or 0001-01-01 alone, suggesting --date, and takes --date for them', async () => {
    const feed = path.resolve('src/librarian/sources/testing/implausible-dates.rss');
    const refusing = await importSources({ archiveDir: dir, files: [feed] });
    expect(refusing.failed.map((f) => [f.file, f.reason.split(' (')[0]])).toEqual([
      ['implausible-dates.rss item 2', 'implausible publication date: 9999-12-31 is more than a day in the future'],
      ['implausible-dates.rss item 3', 'implausible publication date: 0001-01-01 is a placeholder, not a publication date'],
    ]);
    expect(refusing.imported.map((a) => a.title)).toEqual(['School wins robotics cup']);
    const dated = await importSources({ archiveDir: dir, files: [feed], overrides: { date: '2022-04-09' } });
    expect(dated.failed).toEqual([]);
    expect(dated.datesReplaced.map((d) => d.file)).toEqual(['implausible-dates.rss item 2', 'implausible-dates.rss item 3']);
  });

  it('does not merge two template-built posts with different addresses, titles and years, however alike their text', async () => {
    const report = await importSources({ archiveDir: dir, files: [fixture('boilerplate-posts.jsonl')], mapping: MAPPING });
    expect(report.merged).toEqual([]);
    expect(report.imported).toHaveLength(2);
  });

  it('merges one story published on two sites, reporting both titles', async () => {
    const report = await importSources({ archiveDir: dir, files: [fixture('cross-posted.jsonl')], mapping: MAPPING });
    expect(report.imported).toHaveLength(1);
    expect(report.merged).toEqual([
      expect.objectContaining({
        file: 'cross-posted.jsonl line 2',
        sourceTitle: 'Floods force families from homes in the lower town | Regional Times',
        title: 'Floods force families from homes in the lower town',
        how: 'near duplicate',
      }),
    ]);
    const [article] = await articlesIn();
    expect(article!.sources.map((s) => s.outlet)).toEqual(['Valley Courier', 'Regional Times']);
  });
});
