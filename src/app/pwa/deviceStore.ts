/**
 * The page's handle on the editions kept on this device (`edition/bundleStore.ts`), for the
 * reader's choices about what it keeps (text only, years) and the counts the About page shows.
 */
import { createBundleStore, type BundleStore } from '../../edition/bundleStore';
import { deviceCaches } from '../../edition/deviceCaches';
import type { PageMessage } from '../../edition/messages';

let store: BundleStore | undefined;
export const deviceStore = (): BundleStore => (store ??= createBundleStore({ baseUrl: import.meta.env.BASE_URL, caches: deviceCaches() }));

/** Asks the service worker (if one is active) to save what the device lacks of the current edition. */
export async function askServiceWorkerToSave(): Promise<void> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration();
  registration?.active?.postMessage({ type: 'SAVE_EDITION' } satisfies PageMessage);
}
