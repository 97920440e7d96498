/**
 * This app's storage on the device, as the page can see it (the service worker is not ours to
 * watch): usage and quota, whether the browser keeps it for good, and whether a write was refused
 * for lack of space. Every browser call is feature-detected and none throws.
 */
import { createSignal } from 'solid-js';
import { yieldToMain } from '../yieldToMain';
import { askPersistenceOnce } from './askPersistenceOnce';
import { isNearQuota, isQuotaExceeded, type StorageUse } from './storageUse';

const [storageUse, setStorageUse] = createSignal<StorageUse>();
/** true or false as the browser says; undefined when it cannot say (no `navigator.storage`). */
const [persisted, setPersisted] = createSignal<boolean>();
const [writeRefused, setWriteRefused] = createSignal(false);

export { persisted, storageUse };

/** Whether to tell the reader the device is (almost) out of storage for this app. */
export function storageLow(): boolean {
  return writeRefused() || isNearQuota(storageUse());
}

function storageManager(): StorageManager | undefined {
  return typeof navigator !== 'undefined' && 'storage' in navigator ? navigator.storage : undefined;
}

/** Whether the browser can be asked to keep this app's storage. */
export function canRequestPersistence(): boolean {
  return typeof storageManager()?.persist === 'function';
}

/** Reads usage, quota and persistence afresh; leaves what it cannot read as it was. */
export async function refreshStorageStatus(): Promise<void> {
  const storage = storageManager();
  if (!storage) return;
  await Promise.all([
    typeof storage.estimate === 'function'
      ? storage.estimate().then(
          ({ usage, quota }) => {
            if (usage !== undefined && quota !== undefined) setStorageUse({ usage, quota });
          },
          () => undefined,
        )
      : undefined,
    typeof storage.persisted === 'function' ? storage.persisted().then(setPersisted, () => undefined) : undefined,
  ]);
}

/** Asks the browser to keep this app's storage; its answer, or undefined when it cannot be asked. */
export async function requestPersistence(): Promise<boolean | undefined> {
  const storage = storageManager();
  if (typeof storage?.persist !== 'function') return undefined;
  let granted = false;
  try {
    granted = await storage.persist();
  } catch {
    // Counted as not granted: the browser did not agree.
  }
  setPersisted(granted);
  return granted;
}

function deviceStore(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Reading `localStorage` throws where the browser blocks site storage.
    return undefined;
  }
}

/**
 * Once the archive is saved for offline: ask the browser to keep it (once per device; it is the
 * moment the request makes sense, as the reader just got something worth keeping), and read the
 * storage figures, which the save changed.
 */
export async function onArchiveSaved(): Promise<void> {
  if (canRequestPersistence()) await askPersistenceOnce(deviceStore(), () => requestPersistence().then(Boolean));
  // The first read of localStorage above can take a while: the figures come in a task of their own.
  await yieldToMain();
  await refreshStorageStatus();
}

/**
 * Reports a failed write to the device's storage; a refusal for lack of space turns on the
 * "almost out of storage" notice. Returns whether it was one.
 */
export function reportStorageFailure(error: unknown): boolean {
  if (!isQuotaExceeded(error)) return false;
  setWriteRefused(true);
  void refreshStorageStatus();
  return true;
}
