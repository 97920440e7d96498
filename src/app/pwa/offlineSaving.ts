/**
 * Saving the archive for offline, as the page sees it: the service worker saves the edition's
 * files (`src/sw.ts`) and reports its progress; this module asks it to start (once the page has
 * shown itself, so the first view and the first search go first), to resume after a failure once
 * back online, and turns its reports into signals for the footer and the About page:
 * "Saving the archive for offline: 35%", then "Available offline".
 */
import { createSignal } from 'solid-js';
import { isEditionSaveStatus, type EditionSaveStatus, type PageMessage } from '../../edition/messages';
import { percentSaved } from '../../edition/saveEdition';
import { afterIdle } from '../yieldToMain';
import { currentManifest, loadTextOnly, savedBytes, setTextOnly, textOnly } from './keepTextOnly';
import { clearSaveChoice, costlyConnection, deferredThisSession, deferSave, saveChoiceFor, setSaveChoice, type ConnectionInfo } from './storageChoice';
import { onArchiveSaved, reportStorageFailure } from './storageStatus';

export type OfflineSave =
  | { state: 'idle' }
  | { state: 'saving'; percent: number }
  | { state: 'saved' }
  | { state: 'failed'; percent: number; reason: 'quota' | 'offline' | 'other'; message: string };

const [offlineSave, setOfflineSave] = createSignal<OfflineSave>({ state: 'idle' });
/** An update being downloaded by a new version of the app, in percent (undefined when none). */
const [updateDownload, setUpdateDownload] = createSignal<number>();
export { offlineSave, updateDownload };

/** Whether the current edition is saved whole on this device. */
export const archiveSaved = (): boolean => offlineSave().state === 'saved';

/** How long after the first view the save starts, so that it does not compete with it. */
const START_DELAY_MS = 1500;

function post(message: PageMessage): void {
  void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage(message));
}

let announcedSaved = false;

/** Applies a report of the service worker's; exported for tests. */
export function applySaveStatus(status: EditionSaveStatus): void {
  if (status.purpose === 'update') {
    setUpdateDownload(status.state === 'saving' ? percentSaved(status) : undefined);
    return;
  }
  // A save that finds nothing missing reports 'saving' with nothing left, then 'saved': that is no
  // save in progress (the band would announce "Available offline" on every visit).
  if (status.state === 'saving') {
    if (status.remaining > 0) setOfflineSave({ state: 'saving', percent: percentSaved(status) });
  } else if (status.state === 'saved') {
    setOfflineSave({ state: 'saved' });
    if (!announcedSaved) {
      announcedSaved = true;
      // The first time the archive is saved is when asking the browser to keep it makes sense;
      // not in the task that shows "Available offline" (it reads localStorage and the quota).
      afterIdle(() => void onArchiveSaved());
    }
  } else {
    const reason = status.failure === 'quota' ? 'quota' : status.failure === 'offline' || !navigator.onLine ? 'offline' : 'other';
    if (reason === 'quota') reportStorageFailure(new DOMException(status.message ?? 'quota', 'QuotaExceededError'));
    setOfflineSave({ state: 'failed', percent: percentSaved(status), reason, message: status.message ?? '' });
  }
}

/**
 * Asks the service worker to save the edition, unless the reader chose "later" this session, or
 * is to be asked first: on a slow or metered connection (`storageChoice.ts`) while some of the
 * edition is not saved yet, the choice is offered and the save waits for it (`chooseSave`).
 */
async function startSave(): Promise<void> {
  if (deferredThisSession()) return deferSave();
  const connection = (navigator as Navigator & { connection?: ConnectionInfo }).connection;
  if (costlyConnection(connection)) {
    try {
      const [manifest] = await Promise.all([currentManifest(), loadTextOnly()]);
      const choice = saveChoiceFor(connection, await savedBytes(manifest), textOnly() === true);
      if (choice) return void setSaveChoice(choice);
    } catch {
      // What is saved cannot be told: save as on any connection.
    }
  }
  post({ type: 'SAVE_EDITION' });
}

/** The reader's answer to the storage choice: save now (text only, if they say so), or later. */
export async function chooseSave(choice: 'now' | 'text only' | 'later'): Promise<void> {
  if (choice === 'later') return deferSave();
  clearSaveChoice();
  if (choice === 'text only') await setTextOnly(true);
  post({ type: 'SAVE_EDITION' });
}

/**
 * Starts listening to the service worker and asks it to save (or finish saving) the current
 * edition after the first view. Call once, where a service worker is registered.
 */
export function startOfflineSaving(): void {
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
    if (isEditionSaveStatus(event.data)) applySaveStatus(event.data);
  });
  // Messages from the service worker are held until this is called (or the page has loaded).
  navigator.serviceWorker.startMessages();
  // A first visit lets the page show itself first; a later one (the service worker already in
  // control) asks at once, so that its state ("Available offline") is known without a wait.
  if (navigator.serviceWorker.controller) void startSave();
  else setTimeout(() => void startSave(), START_DELAY_MS);
  // A save cut short by the connection resumes when it is back.
  window.addEventListener('online', () => {
    if (offlineSave().state === 'failed') post({ type: 'SAVE_EDITION' });
  });
}
