/**
 * What a waiting version brings, worded for the update prompt: the edition this device reads
 * against the one the waiting service worker saved while it installed (the `pending` manifest,
 * see `src/edition/bundleStore.ts`); none pending means only the app changed.
 */
import { createSignal } from 'solid-js';
import { bundleStore } from '../archive/archiveData';
import { describeEditionUpdate } from './describeEditionUpdate';

/** The prompt's headline once the check is done; undefined before. */
const [updateHeadline, setUpdateHeadline] = createSignal<string>();
export { updateHeadline };

/** Compares the current and the pending editions and sets {@link updateHeadline}; never rejects. */
export async function checkEditionUpdate(): Promise<void> {
  const [current, pending] = await Promise.all([bundleStore.currentManifest().catch(() => undefined), bundleStore.pendingManifest()]);
  setUpdateHeadline(describeEditionUpdate(current, pending ?? current));
}
