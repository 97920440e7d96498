/**
 * The archive's editions on this device, shared by the page, the search worker and the service
 * worker (Cache Storage and `fetch` are in all three):
 *
 * - `news-archive-files` holds the bundle's data files by URL. Their names carry the first 12 hex
 *   digits of the SHA-256 of their content (`format.ts`), so a file is checked against its own
 *   name before it is stored, and an entry, once stored, is right for every edition that names it.
 * - `news-archive-edition` holds the manifest of the edition this device reads (`current`) and,
 *   while an update waits for the reader's go-ahead, the manifest it brings (`pending`). The
 *   reader reads every file through the current manifest, so switching editions is one `put`,
 *   made by the service worker when the reader accepts the update; nothing else changes which
 *   edition a page shows, and a page never combines two manifests.
 *
 * - Article images (`images/<hash>.webp`, `kind: 'image'` in the manifest) are kept in
 *   `news-archive-files` too, checked against the 16 hex digits of the SHA-256 of their bytes,
 *   unless the reader chose to keep text only (a setting in `news-archive-edition`): then none
 *   is saved and those saved are deleted.
 * - The reader may remove years (the same setting): their months' data files (the articles'
 *   bodies) are deleted and not saved again until the reader adds the year back. The index,
 *   listings and slug files stay, so search and lists cover every year still.
 *
 * Nothing here throws for a missing Cache Storage (private modes, old browsers): reads go to the
 * network and nothing is saved.
 */
import { BUNDLE_DIR, BUNDLE_FORMAT, BUNDLE_MANIFEST, type BundleFile, type BundleManifest } from '../core/format';

export const FILES_CACHE = 'news-archive-files';
export const EDITION_CACHE = 'news-archive-edition';
/** Keys of the edition cache, relative to the base URL. */
const CURRENT_KEY = `${BUNDLE_DIR}/edition/current.json`;
const PENDING_KEY = `${BUNDLE_DIR}/edition/pending.json`;
const SETTINGS_KEY = `${BUNDLE_DIR}/edition/settings.json`;

/** The reader's choices about what this device keeps (see `keepsImages`, `removedYears`). */
interface DeviceSettings {
  /** False when the reader keeps text only: no image is saved. */
  keepImages: boolean;
  /** Years whose articles (their months' data files) the reader removed from this device. */
  removedYears?: string[];
}

/** Why a bundle file or manifest could not be had; the UI words its messages after it. */
export type BundleFailure = 'offline' | 'http' | 'format' | 'corrupt' | 'quota';

export class BundleFileError extends Error {
  constructor(
    readonly failure: BundleFailure,
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'BundleFileError';
  }
}

export interface BundleStoreOptions {
  /** The site's base URL, absolute or starting with `/`, ending in `/`. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Cache Storage; undefined where the browser has none (then nothing is saved). */
  caches?: CacheStorage;
}

export interface BundleStore {
  /** A data file's text: from the device, else from the network (checked, then saved). */
  readFile(name: string): Promise<string>;
  /** Saves a data file unless the device has it; returns the bytes fetched (0 when it had it). */
  saveFile(name: string): Promise<number>;
  /** The names of `names` this device does not hold. */
  missingFiles(names: readonly string[]): Promise<string[]>;
  /** The edition this device reads; on the very first visit, the server's (then kept as current). */
  currentManifest(): Promise<BundleManifest>;
  /** The server's manifest now, past every cache; undefined when offline, failing or slow. */
  serverManifest(timeoutMs?: number): Promise<BundleManifest | undefined>;
  /** The update saved and waiting for the reader's go-ahead, if any. */
  pendingManifest(): Promise<BundleManifest | undefined>;
  setPendingManifest(manifest: BundleManifest | undefined): Promise<void>;
  /** Makes `manifest` the current edition (and no longer pending). */
  adoptManifest(manifest: BundleManifest): Promise<void>;
  /**
   * Deletes saved files that neither the current nor the pending edition names (and every saved
   * image when the reader keeps text only).
   */
  prune(): Promise<number>;
  /** Whether images are saved on this device (true unless the reader chose text only). */
  keepsImages(): Promise<boolean>;
  /** The reader's choice; keeping text only deletes the saved images. Resolves once done. */
  setKeepImages(keep: boolean): Promise<void>;
  /**
   * An article image (`images/<hash>.webp`) for the page: the saved copy, else the network's
   * (saved, once checked, when the current edition names it and images are kept), else a 504
   * answer the page shows as the image's placeholder.
   */
  imageResponse(name: string): Promise<Response>;
  /** Bytes of the edition's text files and images, in all and saved on this device (removed years left out). */
  savedBytes(manifest: BundleManifest): Promise<SavedBytes>;
  /** The years (`YYYY`) the reader removed from this device, sorted. */
  removedYears(): Promise<string[]>;
  /** Sets the removed years; the saved month files of a newly removed year are deleted. Resolves once done. */
  setRemovedYears(years: readonly string[]): Promise<void>;
}

/** How much of an edition is text and how much images, and how much of each this device holds. */
export interface SavedBytes {
  text: { saved: number; total: number };
  images: { saved: number; total: number };
}

/** The year of a month data file (`month-2017-11.….json`, `month-2017-11-2.….json`); undefined for any other file. */
export function monthFileYear(name: string): string | undefined {
  return /^month-(\d{4})-\d{2}[.-]/.exec(name)?.[1];
}

/** Whether `name` is a month data file of one of `years`. */
export function inRemovedYear(name: string, years: ReadonlySet<string>): boolean {
  const year = monthFileYear(name);
  return year !== undefined && years.has(year);
}

/** The hash a content-hashed bundle file name carries (`month-2017-11.0123456789ab.json`, `images/0123456789abcdef.webp`). */
export function nameHash(name: string): string | undefined {
  return /\.([0-9a-f]{12})\.json$/.exec(name)?.[1] ?? /^images\/([0-9a-f]{16})\.webp$/.exec(name)?.[1];
}

/** Whether a bundle file is an article image (by its name, as the manifest's `kind` says). */
export function isImageFile(file: BundleFile | string): boolean {
  return typeof file === 'string' ? /^images\/[0-9a-f]{16}\.webp$/.test(file) : file.kind === 'image';
}

/** The first `bytes` bytes of the SHA-256 of `data`, in hex. */
async function sha256Hex(data: BufferSource, bytes: number): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest, 0, bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** First 16 hex digits of the SHA-256 of an image's bytes: what the librarian names it by. */
export function imageHash(bytes: ArrayBuffer): Promise<string> {
  return sha256Hex(bytes, 8);
}

/** First 12 hex digits of the SHA-256 of `text` (UTF-8): what the builder puts in file names. */
export function contentHash(text: string): Promise<string> {
  return sha256Hex(new TextEncoder().encode(text), 6);
}

/**
 * The hash a file's downloaded bytes must match to be the file its name says (`nameHash`): the
 * same digest as `contentHash`/`imageHash`, taken on the bytes as they came, so that a data file
 * is neither decoded nor encoded again to be checked and stored.
 */
function downloadHash(name: string, bytes: ArrayBuffer): Promise<string> {
  return sha256Hex(bytes, isImageFile(name) ? 8 : 6);
}

/** Whether a storage write failed for lack of space (named differently across browsers). */
export function isQuotaExceeded(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** Every data file an edition names (month files and index files). */
export function editionFiles(manifest: BundleManifest): string[] {
  return manifest.files.map((f) => f.name);
}

/**
 * A bundle file's data, checked to be of the bundle format this reader understands; `source`
 * names it in the message (a stored manifest's key, say), `file` in the error.
 */
export function checkBundleFormat<T>(data: unknown, file: string, source = file): T {
  const format = typeof data === 'object' && data !== null ? (data as { format?: unknown }).format : undefined;
  if (format !== BUNDLE_FORMAT) {
    throw new BundleFileError(
      'format',
      file,
      `bundle: ${source}: format ${JSON.stringify(format)} is not "${BUNDLE_FORMAT}", the one this reader understands (reload to get the current reader)`,
    );
  }
  return data as T;
}

/** A bundle file's text as JSON of this reader's bundle format (see {@link checkBundleFormat}). */
export function parseBundleJson<T>(text: string, file: string): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BundleFileError('format', file, `bundle: ${file}: is not valid JSON`);
  }
  return checkBundleFormat<T>(data, file);
}

const checkManifest = (data: unknown, source: string) => checkBundleFormat<BundleManifest>(data, BUNDLE_MANIFEST, source);

export function createBundleStore(options: BundleStoreOptions): BundleStore {
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const storage = options.caches;
  const base = options.baseUrl;
  const fileUrl = (name: string) => `${base}${BUNDLE_DIR}/${name}`;
  /** Reads in flight by name, so that concurrent callers share one download. */
  const reading = new Map<string, Promise<string>>();

  const openCache = async (name: string): Promise<Cache | undefined> => {
    try {
      return await storage?.open(name);
    } catch {
      return undefined;
    }
  };

  async function fetchResponse(file: string, url: string, init?: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetchFn(url, init);
    } catch (cause) {
      throw new BundleFileError('offline', file, `bundle: ${file}: could not be fetched (${String(cause)}); this device may be offline and not have it saved yet`);
    }
    if (!response.ok) throw new BundleFileError('http', file, `bundle: ${file}: the server answered ${response.status} ${response.statusText}`.trimEnd());
    return response;
  }

  /** The body of a fetched file, as `read` takes it (text, bytes); a cut-off download names the file. */
  async function body<T>(file: string, response: Response, read: (response: Response) => Promise<T>): Promise<T> {
    try {
      return await read(response);
    } catch (cause) {
      throw new BundleFileError('offline', file, `bundle: ${file}: the download was cut off (${String(cause)})`);
    }
  }

  async function fetchText(file: string, url: string, init?: RequestInit): Promise<string> {
    return body(file, await fetchResponse(file, url, init), (response) => response.text());
  }

  /**
   * Downloads a data file or an image and checks its bytes against the hash in its name (a name
   * without one, none). The bytes are stored as they came.
   */
  async function download(name: string): Promise<ArrayBuffer> {
    const bytes = await body(name, await fetchResponse(name, fileUrl(name)), (response) => response.arrayBuffer());
    const expected = nameHash(name);
    if (expected === undefined) return bytes;
    const actual = await downloadHash(name, bytes);
    if (actual !== expected) throw new BundleFileError('corrupt', name, `bundle: ${name}: the download does not match its hash (got ${actual}); it was discarded`);
    return bytes;
  }

  async function store(name: string, bytes: ArrayBuffer): Promise<void> {
    const cache = await openCache(FILES_CACHE);
    if (!cache) return;
    const type = isImageFile(name) ? 'image/webp' : 'application/json';
    try {
      await cache.put(fileUrl(name), new Response(bytes, { headers: { 'content-type': type, 'content-length': String(bytes.byteLength) } }));
    } catch (error) {
      if (isQuotaExceeded(error)) throw new BundleFileError('quota', name, `bundle: ${name}: this device has no more storage for the archive`);
      throw error;
    }
  }

  async function cached(name: string): Promise<Response | undefined> {
    return (await openCache(FILES_CACHE))?.match(fileUrl(name));
  }

  /** A URL's path, the key files are compared by (Cache Storage keeps absolute URLs). */
  const pathOf = (url: string) => new URL(url, 'http://x').pathname;

  async function readJson(cacheName: string, key: string): Promise<unknown> {
    const response = await (await openCache(cacheName))?.match(`${base}${key}`);
    return response ? response.json() : undefined;
  }

  async function writeText(cacheName: string, key: string, text: string): Promise<void> {
    const cache = await openCache(cacheName);
    if (!cache) return;
    await cache.put(`${base}${key}`, new Response(text, { headers: { 'content-type': 'application/json' } }));
  }

  const writeJson = (cacheName: string, key: string, data: unknown) => writeText(cacheName, key, JSON.stringify(data));

  async function storedManifest(key: string): Promise<BundleManifest | undefined> {
    try {
      const data = await readJson(EDITION_CACHE, key);
      return data === undefined ? undefined : checkManifest(data, key);
    } catch {
      // Unreadable, or saved by a reader of another bundle format: as good as none.
      return undefined;
    }
  }

  async function deviceSettings(): Promise<DeviceSettings> {
    try {
      const settings = (await readJson(EDITION_CACHE, SETTINGS_KEY)) as Partial<DeviceSettings> | undefined;
      const years = settings?.removedYears;
      return {
        keepImages: settings?.keepImages !== false,
        ...(Array.isArray(years) && { removedYears: years.filter((y): y is string => typeof y === 'string' && /^\d{4}$/.test(y)) }),
      };
    } catch {
      return { keepImages: true };
    }
  }

  /** Deletes the saved files whose URL path `test` accepts. */
  async function deleteSaved(test: (path: string) => boolean): Promise<void> {
    const cache = await openCache(FILES_CACHE);
    if (!cache) return;
    for (const request of await cache.keys()) if (test(pathOf(request.url))) await cache.delete(request);
  }

  const self: BundleStore = {
    readFile(name) {
      let pending = reading.get(name);
      if (!pending) {
        pending = (async () => {
          const saved = await cached(name);
          if (saved) return saved.text();
          const bytes = await download(name);
          // A file that cannot be saved (no space) is still read; the saver reports the space. A
          // year the reader removed is read from the network, and not saved again.
          if (!inRemovedYear(name, new Set(await self.removedYears()))) await store(name, bytes).catch(() => undefined);
          return new TextDecoder().decode(bytes);
        })();
        reading.set(name, pending);
        void pending.then(
          () => reading.delete(name),
          () => reading.delete(name),
        );
      }
      return pending;
    },

    async saveFile(name) {
      if (await cached(name)) return 0;
      const bytes = await download(name);
      await store(name, bytes);
      return bytes.byteLength;
    },

    async missingFiles(names) {
      const cache = await openCache(FILES_CACHE);
      if (!cache) return [...names];
      const saved = new Set((await cache.keys()).map((request) => pathOf(request.url)));
      return names.filter((name) => !saved.has(pathOf(fileUrl(name))));
    },

    async currentManifest() {
      const current = await storedManifest(CURRENT_KEY);
      if (current) return current;
      const text = await fetchText(BUNDLE_MANIFEST, fileUrl(BUNDLE_MANIFEST), { cache: 'no-cache' });
      const manifest = parseBundleJson<BundleManifest>(text, BUNDLE_MANIFEST);
      // Another context (the search worker, the service worker) may have kept one meanwhile: the
      // same text needs no second parse, another edition is the one to read.
      const raced = await (await openCache(EDITION_CACHE))?.match(`${base}${CURRENT_KEY}`);
      const racedText = raced ? await raced.text().catch(() => undefined) : undefined;
      if (racedText === text) return manifest;
      const other = racedText === undefined ? undefined : await storedManifest(CURRENT_KEY);
      if (other) return other;
      // Kept as the server sent it: the manifest is not written out again on the main thread.
      await writeText(EDITION_CACHE, CURRENT_KEY, text).catch(() => undefined);
      return manifest;
    },

    async serverManifest(timeoutMs = 10_000) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        const text = await fetchText(BUNDLE_MANIFEST, fileUrl(BUNDLE_MANIFEST), { cache: 'no-store', signal: controller.signal });
        return checkManifest(JSON.parse(text), BUNDLE_MANIFEST);
      } catch {
        return undefined;
      } finally {
        clearTimeout(timer);
      }
    },

    pendingManifest: () => storedManifest(PENDING_KEY),

    async setPendingManifest(manifest) {
      if (manifest) await writeJson(EDITION_CACHE, PENDING_KEY, manifest);
      else await (await openCache(EDITION_CACHE))?.delete(`${base}${PENDING_KEY}`);
    },

    async adoptManifest(manifest) {
      await writeJson(EDITION_CACHE, CURRENT_KEY, manifest);
      const pending = await storedManifest(PENDING_KEY);
      if (pending?.edition === manifest.edition) await self.setPendingManifest(undefined);
    },

    async prune() {
      const cache = await openCache(FILES_CACHE);
      if (!cache) return 0;
      const [current, pending, keepImages, removed] = await Promise.all([storedManifest(CURRENT_KEY), storedManifest(PENDING_KEY), self.keepsImages(), self.removedYears()]);
      if (!current) return 0;
      const named = [current, pending].flatMap((m) => (m ? editionFiles(m) : []));
      const removedYears = new Set(removed);
      const keep = new Set(named.filter((name) => (keepImages || !isImageFile(name)) && !inRemovedYear(name, removedYears)).map((name) => pathOf(fileUrl(name))));
      let deleted = 0;
      for (const request of await cache.keys()) {
        if (keep.has(pathOf(request.url))) continue;
        if (await cache.delete(request)) deleted++;
      }
      return deleted;
    },

    async keepsImages() {
      return (await deviceSettings()).keepImages;
    },

    async setKeepImages(keep) {
      await writeJson(EDITION_CACHE, SETTINGS_KEY, { ...(await deviceSettings()), keepImages: keep } satisfies DeviceSettings);
      if (keep) return;
      const imagesPath = pathOf(fileUrl('images/'));
      await deleteSaved((path) => path.startsWith(imagesPath));
    },

    async removedYears() {
      return (await deviceSettings()).removedYears ?? [];
    },

    async setRemovedYears(years) {
      const removed = [...new Set(years)].sort();
      await writeJson(EDITION_CACHE, SETTINGS_KEY, { ...(await deviceSettings()), removedYears: removed } satisfies DeviceSettings);
      const removedSet = new Set(removed);
      const filesPath = pathOf(fileUrl(''));
      await deleteSaved((path) => path.startsWith(filesPath) && inRemovedYear(path.slice(filesPath.length), removedSet));
    },

    async imageResponse(name) {
      const saved = await cached(name);
      if (saved) return saved;
      try {
        const [bytes, current, keepImages] = await Promise.all([download(name), storedManifest(CURRENT_KEY), self.keepsImages()]);
        if (keepImages && current?.files.some((f) => f.name === name)) await store(name, bytes).catch(() => undefined);
        return new Response(bytes, { headers: { 'content-type': 'image/webp' } });
      } catch (error) {
        const reason = error instanceof BundleFileError ? error.message : String(error);
        return new Response(null, { status: 504, statusText: reason.includes('could not be fetched') ? 'Not saved on this device' : 'Unavailable' });
      }
    },

    async savedBytes(manifest) {
      const missing = new Set(await self.missingFiles(editionFiles(manifest)));
      const removed = new Set(await self.removedYears());
      const result: SavedBytes = { text: { saved: 0, total: 0 }, images: { saved: 0, total: 0 } };
      for (const file of manifest.files) {
        if (inRemovedYear(file.name, removed)) continue;
        const part = isImageFile(file) ? result.images : result.text;
        part.total += file.bytes;
        if (!missing.has(file.name)) part.saved += file.bytes;
      }
      return result;
    },
  };
  return self;
}
