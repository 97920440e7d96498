import { describe, expect, it, vi } from 'vitest';
import { askPersistenceOnce, PERSISTENCE_ASKED_KEY, type KeyValueStore } from './askPersistenceOnce';

function memoryStore(): KeyValueStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('askPersistenceOnce', () => {
  it('asks the first time and reports the browser’s answer', async () => {
    const store = memoryStore();
    const persist = vi.fn(async () => true);
    await expect(askPersistenceOnce(store, persist)).resolves.toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
    expect(store.items.has(PERSISTENCE_ASKED_KEY)).toBe(true);
  });

  it('never asks the same device twice, whatever the first answer', async () => {
    const store = memoryStore();
    const persist = vi.fn(async () => false);
    await askPersistenceOnce(store, persist);
    await expect(askPersistenceOnce(store, persist)).resolves.toBeUndefined();
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask when it cannot remember having asked', async () => {
    const persist = vi.fn(async () => true);
    const refusing: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    await expect(askPersistenceOnce(refusing, persist)).resolves.toBeUndefined();
    await expect(askPersistenceOnce(undefined, persist)).resolves.toBeUndefined();
    expect(persist).not.toHaveBeenCalled();
  });

  it('counts a failing request as not granted', async () => {
    await expect(
      askPersistenceOnce(memoryStore(), () => Promise.reject(new TypeError('no storage manager'))),
    ).resolves.toBe(false);
  });
});
