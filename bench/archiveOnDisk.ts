/**
 * Writes a benchmark archive (built in memory by `corpus.ts` or `tenYearArchive.ts`) to a
 * temporary directory in the librarians' format, with the librarian's own writer, so that the
 * CLI and `vite build` read it exactly as they read `archive/`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LoadedArchive } from '../src/librarian/archive/readArchive';
import { writeArchiveFiles } from '../src/librarian/archive/writeArchive';

export interface TempDir {
  dir: string;
  cleanup(): Promise<void>;
}

/** A fresh temporary directory named after `label`, removed by `cleanup`. */
export async function tempDir(label: string): Promise<TempDir> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `news-bench-${label}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** `archive` as `archive.json` + `articles/YYYY-MM.json` in a new temporary directory. */
export async function writeArchiveToTemp(archive: LoadedArchive, label: string): Promise<TempDir> {
  const temp = await tempDir(`archive-${label}`);
  try {
    await writeArchiveFiles(temp.dir, { meta: archive.meta, months: archive.months });
  } catch (err) {
    await temp.cleanup();
    throw err;
  }
  return temp;
}
