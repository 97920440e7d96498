/**
 * Cache Storage where editions are kept on the device, or undefined where they must not be: under
 * `vite dev` (no service worker there to bring new editions, so a kept one would go stale) and in
 * browsers without service workers or Cache Storage (they read from the network).
 */
export function deviceCaches(): CacheStorage | undefined {
  if (import.meta.env.DEV) return undefined;
  if (typeof caches === 'undefined') return undefined;
  // A page checks for service workers; the search worker follows its page.
  if (typeof window !== 'undefined' && !('serviceWorker' in navigator)) return undefined;
  return caches;
}
