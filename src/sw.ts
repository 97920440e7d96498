/// <reference lib="webworker" />
/**
 * The service worker (vite-plugin-pwa, injectManifest). It precaches the app shell and the whole
 * archive bundle at install, so that every route, article and search works with no connection.
 *
 * - `bundle/manifest.json` is network-first (it names the current edition's files), falling back
 *   to the precached copy when offline or when the network is slow.
 * - Everything else in the precache list (hashed JS/CSS, hashed bundle files, icons) is
 *   cache-first through Workbox's precache route.
 * - Any in-app navigation is answered with the precached `index.html` (the Solid router then
 *   renders the route), so deep links work offline.
 */
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  matchPrecache,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope;

const MANIFEST_PATH = 'bundle/manifest.json';
const NETWORK_TIMEOUT_MS = 3000;

/** Fetches the bundle manifest from the network, or undefined when offline, failing or slow. */
async function fetchFreshManifest(request: Request): Promise<Response | undefined> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), NETWORK_TIMEOUT_MS);
  try {
    const response = await fetch(request, { cache: 'no-store', signal: controller.signal });
    return response.ok ? response : undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

// Registered before precacheAndRoute so that it wins over the precache's cache-first route.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname === new URL(MANIFEST_PATH, self.registration.scope).pathname,
  async ({ request }) => (await fetchFreshManifest(request)) ?? (await matchPrecache(MANIFEST_PATH)) ?? Response.error(),
);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    // Files (anything with an extension) and the bundle are never the app shell.
    denylist: [/\/bundle\//, /\/[^/?]+\.[a-z0-9]+($|\?)/i],
  }),
);

// Take control of open pages as soon as the first install completes, so the app works offline
// without a reload. A later version waits until the reader accepts it (see the message below).
clientsClaim();

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
