import { Workbox } from 'workbox-window';
import { createSignal } from 'solid-js';
import { checkEditionUpdate } from './editionUpdate';
import { startOfflineSaving } from './offlineSaving';

/** Whether the app's own files are saved on the device (the service worker is active). */
const [offlineReady, setOfflineReady] = createSignal(false);
/** Whether a service worker controls this page (answers its requests, offline too). */
const [controlled, setControlled] = createSignal(false);
/**
 * A new version is installed and waiting for the reader's go-ahead: new app code, a new edition
 * of the archive (already downloaded and checked by the waiting worker), or both.
 */
const [updateWaiting, setUpdateWaiting] = createSignal(false);
/** The reader said "Later": the prompt stays hidden until the next visit (page load). */
const [updateDeferred, setUpdateDeferred] = createSignal(false);
/** The reader said "Update now": the page reloads once the new version controls it. */
const [updating, setUpdating] = createSignal(false);

export { offlineReady, updateWaiting, updateDeferred, updating };

/** Whether this browser can save the app for offline at all. */
export function supportsOffline(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
}

let workbox: Workbox | undefined;

function markOfflineReady(): void {
  setOfflineReady(true);
}

/** Asks the browser to look for a new version now (it also does on navigations, and daily). */
function checkForUpdate(): void {
  if (navigator.onLine) void workbox?.update().catch(() => undefined);
}

/**
 * Registers the service worker through workbox-window. Skipped under `vite dev` (no service
 * worker there) and in browsers without service-worker support.
 */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !supportsOffline()) return;
  setControlled(Boolean(navigator.serviceWorker.controller));
  workbox = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  workbox.addEventListener('activated', markOfflineReady);
  workbox.addEventListener('waiting', () => {
    setUpdateWaiting(true);
    void checkEditionUpdate();
  });
  workbox.addEventListener('controlling', (event) => {
    setControlled(true);
    // A new service worker took over after the reader accepted it: reload into the new version.
    if (event.isUpdate) window.location.reload();
  });
  // Back online, or back to the app after a while: a new edition may have been published.
  window.addEventListener('online', checkForUpdate);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') checkForUpdate();
  });
  startOfflineSaving();
  void workbox.register().then(
    (registration) => {
      if (registration?.active && navigator.serviceWorker.controller) {
        setControlled(true);
        markOfflineReady();
      }
    },
    (error: unknown) => console.warn(`service worker: could not register (${String(error)}); the archive works online only`),
  );
}

/** Activates the waiting version; the page reloads once it controls the page. */
export function applyUpdate(): void {
  setUpdating(true);
  workbox?.messageSkipWaiting();
}

/** Hides the update prompt until the next visit. */
export function deferUpdate(): void {
  setUpdateDeferred(true);
}
