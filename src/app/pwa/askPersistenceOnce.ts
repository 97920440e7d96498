/** The localStorage key remembering that this device was asked to keep the archive. */
export const PERSISTENCE_ASKED_KEY = 'archive:persistence-asked';

/** Just the part of `localStorage` the rule needs, so that tests pass their own. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * Asks the browser to keep this app's storage (`persist`) unless this device was asked before,
 * and remembers the asking before it asks, so that a reload mid-prompt does not ask again.
 * Resolves to the browser's answer, or undefined when it did not ask: asked before, or the store
 * cannot be read or written (then it cannot remember either, and asking on every visit would nag).
 * Never rejects.
 */
export async function askPersistenceOnce(store: KeyValueStore | undefined, persist: () => Promise<boolean>): Promise<boolean | undefined> {
  try {
    if (!store || store.getItem(PERSISTENCE_ASKED_KEY) !== null) return undefined;
    store.setItem(PERSISTENCE_ASKED_KEY, new Date().toISOString());
  } catch {
    return undefined;
  }
  try {
    return await persist();
  } catch {
    return false;
  }
}
