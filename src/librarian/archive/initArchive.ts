import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ARCHIVE_FORMAT, ARCHIVE_META_PATH, type ArchiveMetaFile } from '../../core/format';
import { writeArchiveFiles } from './writeArchive';

/** Creates an empty archive (`archive.json` and `articles/`) in `dir`; refuses to overwrite one. */
export async function initArchive(dir: string, name: string, description = ''): Promise<ArchiveMetaFile> {
  const file = path.join(dir, ARCHIVE_META_PATH);
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (exists) throw new Error(`archive: ${file} already exists`);
  const meta: ArchiveMetaFile = { format: ARCHIVE_FORMAT, name, description, categories: [], tags: [], aliases: [] };
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  await writeArchiveFiles(dir, { meta, months: [] });
  return meta;
}
