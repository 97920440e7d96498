/**
 * Under a base other than `/` (`vite build --base /news/`), the router writes the home page's
 * address as the base without its slash (`/news`), which is outside the service worker's scope
 * (`/news/`): offline, a reload there would find no service worker. Every address written to the
 * history that is the base without its slash gets the slash back; the router matches both alike.
 */
export function keepBaseSlash(base: string, history: Pick<History, 'pushState' | 'replaceState'>): void {
  if (base === '/' || !base.endsWith('/')) return;
  const bare = base.slice(0, -1);
  const withSlash = (url: string | URL | null | undefined) =>
    typeof url === 'string' && (url === bare || url.startsWith(`${bare}?`) || url.startsWith(`${bare}#`)) ? base + url.slice(bare.length) : url;
  for (const method of ['pushState', 'replaceState'] as const) {
    const write = history[method].bind(history);
    history[method] = (data, unused, url) => write(data, unused, withSlash(url));
  }
}
