import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARCHIVE_FORMAT, type ArchiveMetaFile } from '../../core/format';

/** The real seed pages beside the project (`../shared/seeds`), as the corpora README describes. */
export const SEEDS_DIR = path.resolve(process.cwd(), '../shared/seeds');
export const CORPORA_DIR = path.resolve(process.cwd(), '../shared/corpora');
export const seedsPresent = existsSync(SEEDS_DIR);

export const SEED_FILES = [
  '000_35cf49cea3c99045.txt',
  '001_ed09494754fb5c4b.txt',
  '002_b474903eb213658c.txt',
  '003_94ae060d2235aff0.txt',
  '004_f0b7fe64f40682b4.txt',
].map((name) => path.join(SEEDS_DIR, name));

/** The librarians' notes on the seeds, committed with the archive. */
export const SEEDS_META = path.resolve(process.cwd(), 'archive/sources/seeds.json');

/**
 * The metadata a librarian starts the seed archive with: one category declared ahead (so that its
 * display name wins over the page's spelling "Middle-East") and two alias groups.
 */
export const STARTING_META: ArchiveMetaFile = {
  format: ARCHIVE_FORMAT,
  name: 'Offline News Archive',
  description: 'Real news coverage, searchable and browsable with no connection at all.',
  categories: [{ slug: 'middle-east', name: 'Middle East' }],
  tags: [],
  aliases: [
    ['Albu Kamal', 'Abu Kamal', 'Al-Bukamal'],
    ['ISIS', 'ISIL', 'Islamic State', 'Daesh'],
  ],
};

/**
 * A temporary archive holding {@link STARTING_META} and no articles (or, with `withArticles`, a
 * copy of the project's archive), removed by the returned cleanup.
 */
export async function tempArchive(options: { withArticles?: boolean } = {}): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'news-archive-'));
  if (options.withArticles) {
    await cp(path.resolve(process.cwd(), 'archive/archive.json'), path.join(dir, 'archive.json'));
    await cp(path.resolve(process.cwd(), 'archive/articles'), path.join(dir, 'articles'), { recursive: true });
  } else await writeFile(path.join(dir, 'archive.json'), `${JSON.stringify(STARTING_META, null, 2)}\n`);
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
