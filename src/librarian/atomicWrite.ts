import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * The temporary sibling a file is written to before it is renamed over `file`: named by process
 * and at random, so that two writes of the same file at once (the same image from two articles)
 * never share one.
 */
export function temporarySibling(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Whether a file name is one of {@link temporarySibling}'s (a write that did not finish). */
export function isTemporarySibling(name: string): boolean {
  return /^\..+\.tmp-\d+-[a-z0-9]+$/.test(name);
}

/**
 * Replaces `file` with `content` atomically: written and flushed to a temporary sibling in the
 * same directory, then renamed over it, so that a reader (a web server, another process) sees the
 * old file or the new one whole, never part of one. On failure the temporary file is removed and
 * `file` is as it was.
 */
export async function writeFileAtomically(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = temporarySibling(file);
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
