/**
 * The reader's "Keep text only" choice (About page): when on, the archive's images are not saved
 * on this device and those saved are deleted; articles then show each image as a placeholder
 * with its alt text (offline) or load it from the network (online). The choice is kept in Cache
 * Storage beside the editions (`BundleStore.setKeepImages`), where the service worker reads it
 * before saving each image.
 */
import { createSignal } from 'solid-js';
import type { BundleManifest } from '../../core/format';
import type { SavedBytes } from '../../edition/bundleStore';
import { askServiceWorkerToSave, deviceStore } from './deviceStore';

const [textOnly, setTextOnlySignal] = createSignal<boolean>();
/** The reader's choice; undefined until read from the device. */
export { textOnly };

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
  if (!on) await askServiceWorkerToSave();
}

/** How much of `manifest` is text and images, and how much of each this device holds. */
export function savedBytes(manifest: BundleManifest): Promise<SavedBytes> {
  return deviceStore().savedBytes(manifest);
}

/** The edition this device reads (its manifest), as the service worker saves it. */
export function currentManifest(): Promise<BundleManifest> {
  return deviceStore().currentManifest();
}
