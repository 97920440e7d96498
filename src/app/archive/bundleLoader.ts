/**
 * The page's reads of the archive: the manifest of the edition this device reads, once per page
 * load, and content-hashed month files, memoised by name so that concurrent callers share one
 * read (as Pagefind's loader memoises its hashed chunks). Both come from the device when it has
 * them and from the network otherwise (`src/edition/bundleStore.ts`), checked against their hash.
 */
import type { BundleManifest, BundleMonthFile } from '../../core/format';
import { BundleFileError, createBundleStore, parseBundleJson, type BundleFailure, type BundleStore } from '../../edition/bundleStore';

/** Why a bundle file could not be used; the UI words its message after it. */
export type BundleLoadFailure = BundleFailure;
/** A bundle file that could not be had or read, naming the file. */
export { BundleFileError as BundleLoadError };

export interface BundleLoader {
  loadManifest(): Promise<BundleManifest>;
  loadMonthFile(file: string): Promise<BundleMonthFile>;
  /** The device store behind the loader (shared with the edition saver). */
  store: BundleStore;
}

export interface BundleLoaderOptions {
  /** The site's base URL, ending in `/` (Vite's `import.meta.env.BASE_URL`). */
  baseUrl: string;
  fetch?: typeof fetch;
  caches?: CacheStorage;
}

/** Creates a loader whose memo lives as long as the loader (one per page load in the app). */
export function createBundleLoader(options: BundleLoaderOptions): BundleLoader {
  const store = createBundleStore(options);
  const monthFiles = new Map<string, Promise<BundleMonthFile>>();
  let manifest: Promise<BundleManifest> | undefined;

  /** Forgets a failed load so that the next call (a retry, or back online) fetches again. */
  function forgetOnFailure<T>(promise: Promise<T>, forget: () => void): Promise<T> {
    promise.catch(forget);
    return promise;
  }

  const readMonthFile = async (file: string) => parseBundleJson<BundleMonthFile>(await store.readFile(file), file);

  return {
    store,
    loadManifest() {
      manifest ??= forgetOnFailure(store.currentManifest(), () => (manifest = undefined));
      return manifest;
    },
    loadMonthFile(file) {
      let pending = monthFiles.get(file);
      if (!pending) {
        pending = forgetOnFailure(readMonthFile(file), () => monthFiles.delete(file));
        monthFiles.set(file, pending);
      }
      return pending;
    },
  };
}
