import { rm } from 'node:fs/promises';
import { bodyImageFiles } from '../../core/format';
import type { Article } from '../../core/types';
import { readArchiveImages } from '../bundle/readArchiveImages';

/**
 * Deletes the files of `archive/images/` no article body shows (an image written by an import
 * that then failed, or of an article since removed or corrected) and returns their names
 * (`images/<hash>.webp`). The bundle never carries them either way; this keeps the archive lean.
 */
export async function pruneArchiveImages(archiveDir: string, articles: Iterable<Article>): Promise<string[]> {
  const shown = new Set<string>();
  for (const article of articles) for (const name of bodyImageFiles(article.body)) shown.add(name);
  const removed: string[] = [];
  for (const [name, { file }] of await readArchiveImages(archiveDir)) {
    if (shown.has(name)) continue;
    await rm(file, { force: true });
    removed.push(name);
  }
  return removed;
}
