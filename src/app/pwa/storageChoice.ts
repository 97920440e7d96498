/**
 * The reader's say before the first full save on a slow or metered connection: what the
 * Network Information API tells (where the browser has it: `navigator.connection`), how much
 * the save would store, and the choice (save now, text only, later) the page then waits for.
 */
import { createSignal } from 'solid-js';
import type { SavedBytes } from '../../edition/bundleStore';
import { formatBytes } from './formatBytes';

/** The parts of `navigator.connection` (Network Information API) read here. */
export interface ConnectionInfo {
  saveData?: boolean;
  effectiveType?: string;
  type?: string;
}

export type CostlyConnection = 'data saver' | 'slow' | 'mobile';

/** Why a connection calls for asking first: data saver on, an effective type slower than 4g, or a mobile network; undefined when none applies or the browser does not say. */
export function costlyConnection(connection: ConnectionInfo | undefined): CostlyConnection | undefined {
  if (!connection) return undefined;
  if (connection.saveData === true) return 'data saver';
  if (connection.effectiveType === 'slow-2g' || connection.effectiveType === '2g' || connection.effectiveType === '3g') return 'slow';
  if (connection.type === 'cellular') return 'mobile';
  return undefined;
}

/** What the first save would store, and why the reader is asked. */
export interface SaveChoice {
  reason: CostlyConnection;
  textBytes: number;
  imageBytes: number;
}

/** The choice to offer, or undefined when the save may go ahead unasked (a fast connection, or nothing left to store). */
export function saveChoiceFor(connection: ConnectionInfo | undefined, bytes: SavedBytes, textOnly: boolean): SaveChoice | undefined {
  const reason = costlyConnection(connection);
  if (!reason) return undefined;
  const textBytes = bytes.text.total - bytes.text.saved;
  const imageBytes = textOnly ? 0 : bytes.images.total - bytes.images.saved;
  return textBytes + imageBytes > 0 ? { reason, textBytes, imageBytes } : undefined;
}

const REASONS: Record<CostlyConnection, string> = {
  'data saver': 'Data saver is on',
  slow: 'This connection is slow',
  mobile: 'This is a mobile connection',
};

/** "Data saver is on. Saving the archive for offline reading stores 5.5 MB on this device: 3.1 MB of text and 2.4 MB of images." */
export function describeSaveChoice(choice: SaveChoice): string {
  const total = formatBytes(choice.textBytes + choice.imageBytes);
  const parts = choice.imageBytes > 0 ? `: ${formatBytes(choice.textBytes)} of text and ${formatBytes(choice.imageBytes)} of images` : '';
  return `${REASONS[choice.reason]}. Saving the archive for offline reading stores ${total} on this device${parts}.`;
}

const [saveChoice, setSaveChoice] = createSignal<SaveChoice>();
const [saveDeferred, setSaveDeferred] = createSignal(false);
/** The choice waiting for the reader (undefined when none), and whether they chose "later". */
export { saveChoice, saveDeferred, setSaveChoice };

/** "Later" lasts as long as the browsing session: the next visit asks again. */
const DEFERRED_KEY = 'archive-save-later';

export function deferredThisSession(): boolean {
  try {
    return sessionStorage.getItem(DEFERRED_KEY) === '1';
  } catch {
    return false;
  }
}

/** Records the reader's "later": no save this session unless they ask (About page). */
export function deferSave(): void {
  setSaveChoice(undefined);
  setSaveDeferred(true);
  try {
    sessionStorage.setItem(DEFERRED_KEY, '1');
  } catch {
    // Without sessionStorage "later" lasts until the page is left.
  }
}

/** The choice is made (save now or text only): the prompt goes, and "later" is forgotten. */
export function clearSaveChoice(): void {
  setSaveChoice(undefined);
  setSaveDeferred(false);
  try {
    sessionStorage.removeItem(DEFERRED_KEY);
  } catch {
    // Nothing kept.
  }
}
