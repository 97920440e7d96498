import { Workbox } from 'workbox-window';
import { createSignal } from 'solid-js';

/** Whether the app's files are all saved on the device (the service worker is active). */
const [offlineReady, setOfflineReady] = createSignal(false);
/** A new version of the app and archive is installed and waiting for the reader's go-ahead. */
const [updateWaiting, setUpdateWaiting] = createSignal(false);

export { offlineReady, updateWaiting };

let workbox: Workbox | undefined;

/**
 * Registers the service worker through workbox-window. Skipped under `vite dev` (no service
 * worker there) and in browsers without service-worker support.
 */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  workbox = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  workbox.addEventListener('activated', () => setOfflineReady(true));
  workbox.addEventListener('waiting', () => setUpdateWaiting(true));
  // A new service worker took over after the reader accepted it: reload into the new version.
  workbox.addEventListener('controlling', (event) => {
    if (event.isUpdate) window.location.reload();
  });
  void workbox.register().then((registration) => {
    if (registration?.active && navigator.serviceWorker.controller) setOfflineReady(true);
  });
}

/** Activates the waiting version; the page reloads once it controls the page. */
export function applyUpdate(): void {
  workbox?.messageSkipWaiting();
}
