import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ARCHIVE_META_PATH, archiveMonthPath, type ArchiveMetaFile, type ArchiveMonthFile } from '../../core/format';

/** Archive JSON is written pretty-printed so that librarians can review diffs. */
export function serialiseArchiveFile(data: ArchiveMetaFile | ArchiveMonthFile): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

async function writeDurably(file: string, content: string): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes changed archive files atomically. Every file is first written and flushed to a
 * temporary sibling; only when all are on disk are they renamed over the originals (each rename
 * is atomic). Interrupt signals are held back during the renames, so Ctrl-C leaves either the old
 * archive or the new one, never a mix. On any failure the temporary files are removed and the
 * archive is untouched.
 */
export async function writeArchiveFiles(
  dir: string,
  changes: { meta?: ArchiveMetaFile; months: ArchiveMonthFile[] },
): Promise<string[]> {
  const planned: { target: string; content: string }[] = [];
  if (changes.meta) planned.push({ target: path.join(dir, ARCHIVE_META_PATH), content: serialiseArchiveFile(changes.meta) });
  for (const month of changes.months) {
    planned.push({ target: path.join(dir, archiveMonthPath(month.month)), content: serialiseArchiveFile(month) });
  }
  const suffix = `.tmp-${process.pid}`;
  const written: string[] = [];
  try {
    for (const { target, content } of planned) {
      await mkdir(path.dirname(target), { recursive: true });
      await writeDurably(target + suffix, content);
      written.push(target + suffix);
    }
  } catch (err) {
    await Promise.all(written.map((f) => rm(f, { force: true })));
    throw err;
  }
  const held: NodeJS.Signals[] = [];
  const hold = (signal: NodeJS.Signals) => held.push(signal);
  process.on('SIGINT', hold);
  process.on('SIGTERM', hold);
  try {
    for (const { target } of planned) await rename(target + suffix, target);
  } finally {
    process.off('SIGINT', hold);
    process.off('SIGTERM', hold);
  }
  if (held.length > 0) process.kill(process.pid, held[0]);
  return planned.map((p) => path.relative(dir, p.target));
}
