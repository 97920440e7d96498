import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomically } from '../atomicWrite';
import type { Validators } from './fetchSource';

/** What `librarian update` remembers between runs, in the archive's folder. */
export const UPDATE_STATE_FILE = '.librarian-update.json';
const STATE_FORMAT = 'librarian-update/1';

/** A state file that cannot be read; the message says what to do. */
export class UpdateStateError extends Error {}

export interface UrlState extends Validators {
  /** SHA-256 of the body last imported whole, to know an unchanged answer from a server with no validators. */
  sha256?: string;
  checkedAt: string;
}

export interface UpdateState {
  format: typeof STATE_FORMAT;
  /** By address as SOURCES.json gives it: what the server said when the source was last imported whole. */
  urls: Record<string, UrlState>;
  /** By absolute path: a fingerprint of the files (names, sizes, times) last imported whole. */
  paths: Record<string, string>;
}

/** The state of the archive in `archiveDir` (empty when there is none yet); a damaged one is named. */
export async function readUpdateState(archiveDir: string): Promise<UpdateState> {
  const file = path.join(archiveDir, UPDATE_STATE_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { format: STATE_FORMAT, urls: {}, paths: {} };
    throw error;
  }
  try {
    const state = JSON.parse(text) as UpdateState;
    if (state.format === STATE_FORMAT && typeof state.urls === 'object' && typeof state.paths === 'object') return state;
  } catch {
    // Named below.
  }
  throw new UpdateStateError(`${file} is not a ${STATE_FORMAT} file; delete it to fetch every source whole on the next run`);
}

/** Writes the state atomically (a temporary file renamed over it). */
export function writeUpdateState(archiveDir: string, state: UpdateState): Promise<void> {
  return writeFileAtomically(path.join(archiveDir, UPDATE_STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}
