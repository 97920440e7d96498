import { Workbox } from 'workbox-window';
import { createSignal } from 'solid-js';
import { yieldToMain } from '../yieldToMain';
import { checkEditionUpdate } from './editionUpdate';
import { startOfflineSaving } from './offlineSaving';
import { onSkipWaiting, setOfflineReady, setUpdateWaiting } from './serviceWorkerState';

/** Whether a service worker controls this page (answers its requests, offline too). */
const [controlled, setControlled] = createSignal(false);

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
  // Whether the reader accepted an update in this page (see `controlling` below).
  let accepted = false;
  onSkipWaiting(() => {
    accepted = true;
    workbox?.messageSkipWaiting();
  });
  workbox.addEventListener('activated', markOfflineReady);
  workbox.addEventListener('waiting', () => {
    setUpdateWaiting(true);
    void checkEditionUpdate();
  });
  workbox.addEventListener('controlling', (event) => {
    setControlled(true);
    // A new service worker took over after the reader accepted it: reload into the new version.
    // On the visit that installed the first one, workbox-window calls a later worker neither an
    // update nor its own, so the reader's acceptance says it.
    if (event.isUpdate || accepted) window.location.reload();
  });
  // Back online, or back to the app after a while: a new edition may have been published.
  window.addEventListener('online', checkForUpdate);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') checkForUpdate();
  });
  // The saver's start (its listener and first request) in a task of its own.
  void yieldToMain().then(startOfflineSaving);
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
