/**
 * What the page shows of its service worker (the update prompt, "Available offline"), apart from
 * the code that registers it (`registerServiceWorker.ts`, workbox-window), which is loaded only
 * once the first view has settled: the views import this small module, not workbox-window.
 */
import { createSignal } from 'solid-js';

/** Whether the app's own files are saved on the device (the service worker is active). */
const [offlineReady, setOfflineReady] = createSignal(false);
/**
 * A new version is installed and waiting for the reader's go-ahead: new app code, a new edition
 * of the archive (already downloaded and checked by the waiting worker), or both.
 */
const [updateWaiting, setUpdateWaiting] = createSignal(false);
/** The reader said "Later": the prompt stays hidden until the next visit (page load). */
const [updateDeferred, setUpdateDeferred] = createSignal(false);
/** The reader said "Update now": the page reloads once the new version controls it. */
const [updating, setUpdating] = createSignal(false);

export { offlineReady, setOfflineReady, setUpdateWaiting, updateDeferred, updateWaiting, updating };

/** Tells the waiting version to take over; set by the registration. */
let skipWaiting: (() => void) | undefined;

export function onSkipWaiting(send: () => void): void {
  skipWaiting = send;
}

/** Activates the waiting version; the page reloads once it controls the page. */
export function applyUpdate(): void {
  setUpdating(true);
  skipWaiting?.();
}

/** Hides the update prompt until the next visit. */
export function deferUpdate(): void {
  setUpdateDeferred(true);
}
