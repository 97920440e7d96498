/**
 * The reader's "Keep text only" choice (About page): when on, the archive's images are not saved
 * on this device and those saved are deleted; articles then show each image as a placeholder
 * with its alt text (offline) or load it from the network (online). The choice is kept in Cache
 * Storage beside the editions (`BundleStore.setKeepImages`), where the service worker reads it
 * before saving each image.
 */
import { createSignal } from 'solid-js';
import type { BundleManifest } from '../../core/format';
import { createBundleStore, type BundleStore, type SavedBytes } from '../../edition/bundleStore';
import { deviceCaches } from '../../edition/deviceCaches';
import type { PageMessage } from '../../edition/messages';

const [textOnly, setTextOnlySignal] = createSignal<boolean>();
/** The reader's choice; undefined until read from the device. */
export { textOnly };

let store: BundleStore | undefined;
const deviceStore = () => (store ??= createBundleStore({ baseUrl: import.meta.env.BASE_URL, caches: deviceCaches() }));

/** Reads the choice from the device (once is enough: only this page changes it). */
export async function loadTextOnly(): Promise<void> {
  setTextOnlySignal(!(await deviceStore().keepsImages()));
}

/**
 * Keeps text only (deleting the saved images) or images too (asking the service worker to save
 * them, after the text it already has).
 */
export async function setTextOnly(on: boolean): Promise<void> {
  await deviceStore().setKeepImages(!on);
  setTextOnlySignal(on);
  if (!on && typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
    const registration = await navigator.serviceWorker.getRegistration();
    registration?.active?.postMessage({ type: 'SAVE_EDITION' } satisfies PageMessage);
  }
}

/** How much of `manifest` is text and images, and how much of each this device holds. */
export function savedBytes(manifest: BundleManifest): Promise<SavedBytes> {
  return deviceStore().savedBytes(manifest);
}
