/**
 * Fetches the bundle the librarian built: the small manifest, fetched fresh, and the immutable
 * content-hashed month files, memoised by file name so that concurrent callers share one fetch
 * (as Pagefind's loader memoises its hashed chunks).
 */
import { BUNDLE_DIR, BUNDLE_FORMAT, BUNDLE_MANIFEST, type BundleManifest, type BundleMonthFile } from '../../core/format';

/** Why a bundle file could not be used; the UI words its message after it. */
export type BundleLoadFailure = 'offline' | 'http' | 'format';

export class BundleLoadError extends Error {
  constructor(
    readonly failure: BundleLoadFailure,
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'BundleLoadError';
  }
}

export interface BundleLoader {
  loadManifest(): Promise<BundleManifest>;
  loadMonthFile(file: string): Promise<BundleMonthFile>;
}

export interface BundleLoaderOptions {
  /** The site's base URL, ending in `/` (Vite's `import.meta.env.BASE_URL`). */
  baseUrl: string;
  fetch?: typeof fetch;
}

/** Creates a loader whose memo lives as long as the loader (one per page load in the app). */
export function createBundleLoader(options: BundleLoaderOptions): BundleLoader {
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const monthFiles = new Map<string, Promise<BundleMonthFile>>();
  let manifest: Promise<BundleManifest> | undefined;

  async function fetchBundleJson(file: string, init?: RequestInit): Promise<unknown> {
    const url = `${options.baseUrl}${BUNDLE_DIR}/${file}`;
    let response: Response;
    try {
      response = await fetchFn(url, init);
    } catch (cause) {
      throw new BundleLoadError(
        'offline',
        file,
        `bundle: ${file}: could not be fetched (${String(cause)}); this device may be offline and not have it saved yet`,
      );
    }
    if (!response.ok) {
      throw new BundleLoadError('http', file, `bundle: ${file}: the server answered ${response.status} ${response.statusText}`.trimEnd());
    }
    try {
      return await response.json();
    } catch {
      throw new BundleLoadError('format', file, `bundle: ${file}: is not valid JSON`);
    }
  }

  function checkFormat(file: string, data: unknown): void {
    const format = typeof data === 'object' && data !== null ? (data as { format?: unknown }).format : undefined;
    if (format !== BUNDLE_FORMAT) {
      throw new BundleLoadError(
        'format',
        file,
        `bundle: ${file}: format ${JSON.stringify(format)} is not "${BUNDLE_FORMAT}", the one this reader understands (reload to get the current reader)`,
      );
    }
  }

  /** Forgets a failed load so that the next call (a retry, or back online) fetches again. */
  function forgetOnFailure<T>(promise: Promise<T>, forget: () => void): Promise<T> {
    promise.catch(forget);
    return promise;
  }

  return {
    loadManifest() {
      manifest ??= forgetOnFailure(
        // `no-cache`: the manifest names the current edition, so the HTTP cache must revalidate it.
        fetchBundleJson(BUNDLE_MANIFEST, { cache: 'no-cache' }).then((data) => {
          checkFormat(BUNDLE_MANIFEST, data);
          return data as BundleManifest;
        }),
        () => (manifest = undefined),
      );
      return manifest;
    },
    loadMonthFile(file) {
      let pending = monthFiles.get(file);
      if (!pending) {
        pending = forgetOnFailure(
          fetchBundleJson(file).then((data) => {
            checkFormat(file, data);
            return data as BundleMonthFile;
          }),
          () => monthFiles.delete(file),
        );
        monthFiles.set(file, pending);
      }
      return pending;
    },
  };
}
