import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { IMAGE_FILE_PATTERN, IMAGES_DIR } from '../../core/format';
import { readArchive } from '../archive/readArchive';
import { type ArchiveImage, type Bundle, type BuildBundleOptions, buildBundle } from './buildBundle';

/**
 * The archive's images (`archive/images/<hash>.webp`, as `keepArticleImages` writes them) by
 * their name in articles and the bundle (`images/<hash>.webp`), with their sizes. Other files in
 * the folder (a temporary file of an interrupted import) are not images of the archive.
 */
export async function readArchiveImages(archiveDir: string): Promise<Map<string, ArchiveImage>> {
  const dir = path.join(archiveDir, IMAGES_DIR);
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const images = new Map<string, ArchiveImage>();
  for (const name of names.filter((n) => IMAGE_FILE_PATTERN.test(n)).sort()) {
    const file = path.join(dir, name);
    images.set(`${IMAGES_DIR}/${name}`, { file, bytes: (await stat(file)).size });
  }
  return images;
}

/** Reads and validates the archive in `archiveDir`, with its images, and builds its bundle. */
export async function buildArchiveBundle(archiveDir: string, options: Omit<BuildBundleOptions, 'archiveImages'> = {}): Promise<Bundle> {
  const [archive, archiveImages] = await Promise.all([readArchive(archiveDir), readArchiveImages(archiveDir)]);
  return buildBundle(archive, { ...options, archiveImages });
}
