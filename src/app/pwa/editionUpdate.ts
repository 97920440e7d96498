/**
 * What a waiting version brings: the edition saved on this device against the one on the server
 * (`bundle/manifest.json`, fetched past every cache), worded for the update prompt.
 */
import { createSignal } from 'solid-js';
import { BUNDLE_DIR, BUNDLE_MANIFEST } from '../../core/format';
import { loadManifest } from '../archive/archiveData';
import { describeEditionUpdate, type EditionSummary } from './describeEditionUpdate';

const FETCH_TIMEOUT_MS = 5000;

/** The prompt's headline once the check is done; undefined before. */
const [updateHeadline, setUpdateHeadline] = createSignal<string>();
export { updateHeadline };

const manifestUrl = () => new URL(`${import.meta.env.BASE_URL}${BUNDLE_DIR}/${BUNDLE_MANIFEST}`, window.location.href);

function toSummary(data: unknown): EditionSummary | undefined {
  const d = data as Partial<EditionSummary> | null;
  return typeof d?.edition === 'string' && typeof d.articleCount === 'number' ? { edition: d.edition, articleCount: d.articleCount } : undefined;
}

/** The manifest the server has now: the service worker passes `bundle/manifest.json` to the network first. */
async function fetchServerEdition(): Promise<EditionSummary | undefined> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
  try {
    const response = await fetch(manifestUrl(), { cache: 'no-store', signal: controller.signal });
    return response.ok ? toSummary(await response.json()) : undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The edition saved on this device: the manifest in the active worker's precache. The page's own
 * manifest cannot stand for it: the service worker fetches the manifest network-first, so after a
 * reload the page already shows the server's edition while the device still holds the old one.
 *
 * While a new worker waits, Workbox's precache holds both versions' manifests (keyed by
 * `?__WB_REVISION__=…`) until the new one activates; Cache Storage keeps entries in the order
 * they were put (https://w3c.github.io/ServiceWorker/#cache-keys), so the first is the active one's.
 */
async function savedEdition(): Promise<EditionSummary | undefined> {
  try {
    if (typeof caches !== 'undefined') {
      const path = manifestUrl().pathname;
      for (const name of await caches.keys()) {
        if (!name.startsWith('workbox-precache')) continue;
        const cache = await caches.open(name);
        const key = (await cache.keys()).find((request) => new URL(request.url).pathname === path);
        const response = key && (await cache.match(key));
        if (response) return toSummary(await response.json());
      }
    }
  } catch {
    // Cache Storage unreadable (blocked, or the entry is damaged): fall back to the page's copy.
  }
  return loadManifest().then(toSummary, () => undefined);
}

/** Compares the saved and the server's editions and sets {@link updateHeadline}; never rejects. */
export async function checkEditionUpdate(): Promise<void> {
  const [saved, next] = await Promise.all([savedEdition(), fetchServerEdition()]);
  setUpdateHeadline(describeEditionUpdate(saved, next));
}
