/// <reference lib="webworker" />
/**
 * The service worker (vite-plugin-pwa, injectManifest).
 *
 * - It precaches the app shell (hashed JS/CSS, index.html, icons) and answers any in-app
 *   navigation with the precached `index.html`, so deep links work offline.
 * - The archive's data files are saved apart from the app shell (`src/edition/bundleStore.ts`):
 *   on a first visit the page asks for them once it is idle (`SAVE_EDITION`), and they are saved
 *   in the background with progress, index first; a later visit resumes an unfinished save.
 * - A new deploy (new app code, or a new edition: the precache list carries the bundle manifest's
 *   revision, so every edition changes this file) installs as a waiting worker. Its install
 *   downloads only the new edition's files this device lacks, each checked against its hash; if
 *   any cannot be had, the install fails and the device keeps the old version and edition whole
 *   (the verified files already saved are kept, so the next attempt resumes). When the reader
 *   accepts (`SKIP_WAITING`), activation makes the new edition current in one write and the
 *   pages reload: no page ever reads two editions.
 * - Article images (`bundle/images/<hash>.webp`) are never in the precache: they are saved
 *   with the edition after its text (unless the reader keeps text only) and served from the
 *   device first (`BundleStore.imageResponse`); one not saved comes from the network, and
 *   offline it is a 504 the page shows as a placeholder with the alt text.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { BUNDLE_DIR, BUNDLE_MANIFEST, type BundleManifest } from './core/format';
import { BundleFileError, createBundleStore } from './edition/bundleStore';
import type { EditionSaveStatus, PageMessage } from './edition/messages';
import { saveEdition, type SaveProgress } from './edition/saveEdition';

declare const self: ServiceWorkerGlobalScope;

const MANIFEST_URL = `${BUNDLE_DIR}/${BUNDLE_MANIFEST}`;
// The manifest is in the list only so that a new edition makes a new service worker; it is
// always read fresh (by `bundleStore`), never from the precache.
precacheAndRoute(self.__WB_MANIFEST.filter((entry) => (typeof entry === 'string' ? entry : entry.url) !== MANIFEST_URL));
cleanupOutdatedCaches();

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    // Files (anything with an extension) and the bundle are never the app shell.
    denylist: [/\/bundle\//, /\/[^/?]+\.[a-z0-9]+($|\?)/i],
  }),
);

const store = createBundleStore({ baseUrl: self.registration.scope, caches: self.caches });

const bundlePath = new URL(`${BUNDLE_DIR}/`, self.registration.scope).pathname;
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith(`${bundlePath}images/`),
  ({ url }) => store.imageResponse(url.pathname.slice(bundlePath.length)),
);

async function broadcast(status: EditionSaveStatus): Promise<void> {
  for (const client of await self.clients.matchAll({ includeUncontrolled: true, type: 'window' })) client.postMessage(status);
}

/** Progress messages at most this often, and always for the first and the last file. */
const PROGRESS_INTERVAL_MS = 250;

async function saveWithProgress(manifest: BundleManifest, purpose: EditionSaveStatus['purpose']): Promise<void> {
  let last = 0;
  const status = (state: EditionSaveStatus['state'], p: SaveProgress, failure?: BundleFileError | Error): EditionSaveStatus => ({
    type: 'EDITION_SAVE',
    purpose,
    edition: manifest.edition,
    state,
    ...p,
    ...(failure ? { failure: failure instanceof BundleFileError ? failure.failure : undefined, message: failure.message } : {}),
  });
  let progress: SaveProgress = { savedBytes: 0, totalBytes: 0, remaining: 1 };
  try {
    progress = await saveEdition(store, manifest, {
      onProgress: (p) => {
        progress = p;
        const now = Date.now();
        if (now - last < PROGRESS_INTERVAL_MS && p.remaining > 0) return;
        last = now;
        void broadcast(status('saving', p));
      },
    });
  } catch (error) {
    void broadcast(status('failed', progress, error instanceof Error ? error : new Error(String(error))));
    throw error;
  }
  void broadcast(status('saved', progress));
}

/** One save of the current edition at a time; a request during a save joins it. */
let savingCurrent: Promise<void> | undefined;
function saveCurrentEdition(): Promise<void> {
  savingCurrent ??= (async () => {
    const manifest = await store.currentManifest();
    await saveWithProgress(manifest, 'current');
    // A new version installing meanwhile has saved files of its edition that no manifest names
    // yet (it stores its manifest as pending once all are in): pruning now would delete them.
    // Its activation prunes.
    if (!self.registration.installing) await store.prune();
  })().finally(() => (savingCurrent = undefined));
  return savingCurrent;
}

/**
 * An update's install: the server's edition, saved whole before this worker may wait. The first
 * install saves nothing here: the page asks for the archive once it has shown itself.
 */
async function saveUpdate(): Promise<void> {
  if (!self.registration.active) return;
  const next = await store.serverManifest();
  if (!next) throw new Error(`service worker: ${MANIFEST_URL} could not be fetched; the update waits for a connection`);
  const current = await store.currentManifest().catch(() => undefined);
  if (current?.edition === next.edition) {
    await store.setPendingManifest(undefined);
    return;
  }
  await saveWithProgress(next, 'update');
  await store.setPendingManifest(next);
}

self.addEventListener('install', (event: ExtendableEvent) => event.waitUntil(saveUpdate()));

self.addEventListener('activate', (event: ExtendableEvent) => {
  event.waitUntil(
    (async () => {
      const pending = await store.pendingManifest();
      if (pending) await store.adoptManifest(pending);
      // Only now take control: the pages reload on it (registerServiceWorker.ts) and must find
      // the new edition current. On a first install this makes the app work offline without a
      // reload; a later version waits until the reader accepts it (see the message below).
      await self.clients.claim();
      await store.prune();
    })(),
  );
});

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const message = event.data as PageMessage | null;
  if (message?.type === 'SKIP_WAITING') void self.skipWaiting();
  // A failed save was reported to the pages; the page asks again when it is back online.
  if (message?.type === 'SAVE_EDITION') event.waitUntil(saveCurrentEdition().catch(() => undefined));
});
