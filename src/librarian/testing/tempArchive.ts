import { cp, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
 * A temporary copy of an archive (by default a fresh one holding only the project's archive.json,
 * with no articles), removed by the returned cleanup.
 */
export async function tempArchive(options: { withArticles?: boolean } = {}): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'news-archive-'));
  await cp(path.resolve(process.cwd(), 'archive/archive.json'), path.join(dir, 'archive.json'));
  if (options.withArticles) await cp(path.resolve(process.cwd(), 'archive/articles'), path.join(dir, 'articles'), { recursive: true });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
