/**
 * The page's reads of the archive: the manifest of the edition this device reads, once per page
 * load, and content-hashed data files (month, listing and slug files), memoised by name so that
 * concurrent callers share one read (as Pagefind's loader memoises its hashed chunks). Both come from the device when it has
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
  /** Any content-hashed JSON data file of the bundle (listing and slug files), memoised as month files are. */
  loadDataFile<T>(file: string): Promise<T>;
  /** The device store behind the loader (shared with the edition saver). */
  store: BundleStore;
}

export interface BundleLoaderOptions {
  /** The site's base URL, ending in `/` (Vite's `import.meta.env.BASE_URL`). */
  baseUrl: string;
  fetch?: typeof fetch;
  caches?: CacheStorage;
}

/**
 * Data files kept in memory: beyond this many the least recently read is let go (and read again
 * from the device if asked for), so that a reader paging through a 10,000-article month does not
 * hold every file of it.
 */
const FILES_KEPT = 300;

/** Creates a loader whose memo lives as long as the loader (one per page load in the app). */
export function createBundleLoader(options: BundleLoaderOptions): BundleLoader {
  const store = createBundleStore(options);
  const dataFiles = new Map<string, Promise<unknown>>();
  let manifest: Promise<BundleManifest> | undefined;

  /** Forgets a failed load so that the next call (a retry, or back online) fetches again. */
  function forgetOnFailure<T>(promise: Promise<T>, forget: () => void): Promise<T> {
    promise.catch(forget);
    return promise;
  }

  const readDataFile = async <T>(file: string) => parseBundleJson<T>(await store.readFile(file), file);

  function loadDataFile<T>(file: string): Promise<T> {
    let pending = dataFiles.get(file) as Promise<T> | undefined;
    if (pending) {
      // Most recently read last, so the oldest is the one let go.
      dataFiles.delete(file);
    } else {
      pending = forgetOnFailure(readDataFile<T>(file), () => dataFiles.delete(file));
    }
    dataFiles.set(file, pending);
    if (dataFiles.size > FILES_KEPT) dataFiles.delete(dataFiles.keys().next().value!);
    return pending;
  }

  return {
    store,
    loadManifest() {
      manifest ??= forgetOnFailure(store.currentManifest(), () => (manifest = undefined));
      return manifest;
    },
    loadMonthFile: (file) => loadDataFile<BundleMonthFile>(file),
    loadDataFile,
  };
}
