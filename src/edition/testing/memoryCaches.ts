/**
 * Cache Storage in memory, for tests of code that saves files on the device (Node has no Cache
 * API). Keys are URLs resolved against `http://localhost/`, as a page's relative URLs would be;
 * `failPuts` makes writes fail as a full device does.
 */
export class MemoryCache {
  readonly entries = new Map<string, Uint8Array>();
  failPuts: (() => Error) | undefined;

  private key(request: RequestInfo | URL): string {
    return new URL(typeof request === 'string' || request instanceof URL ? request : request.url, 'http://localhost/').href;
  }

  async match(request: RequestInfo | URL): Promise<Response | undefined> {
    const body = this.entries.get(this.key(request));
    return body === undefined ? undefined : new Response(body.slice());
  }

  async put(request: RequestInfo | URL, response: Response): Promise<void> {
    const body = new Uint8Array(await response.arrayBuffer());
    if (this.failPuts) throw this.failPuts();
    this.entries.set(this.key(request), body);
  }

  async delete(request: RequestInfo | URL): Promise<boolean> {
    return this.entries.delete(this.key(request));
  }

  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
}

export class MemoryCacheStorage {
  readonly caches = new Map<string, MemoryCache>();

  async open(name: string): Promise<MemoryCache> {
    let cache = this.caches.get(name);
    if (!cache) this.caches.set(name, (cache = new MemoryCache()));
    return cache;
  }

  /** As the browser's `CacheStorage`, for the code under test. */
  asCacheStorage(): CacheStorage {
    return this as unknown as CacheStorage;
  }
}

/** A quota failure as browsers throw it. */
export const quotaExceeded = (): Error => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
