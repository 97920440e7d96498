/**
 * Saves an edition's data files on the device, with progress: the search index first (what hits
 * show, then the newest layer's terms first: see `indexFiles`), then the months, newest first, and
 * only then the article images (none when the reader keeps text only). Each
 * file is checked against its hash before it is stored (see `bundleStore.ts`), so an interrupted
 * save leaves only whole, verified files behind, and the next save resumes where it stopped.
 */
import { indexFiles, type BundleManifest } from '../core/format';
import { BundleFileError, inRemovedYear, isImageFile, type BundleStore } from './bundleStore';

export interface SaveProgress {
  /** Bytes of the edition's data files on the device. */
  savedBytes: number;
  totalBytes: number;
  /** Files still to save. */
  remaining: number;
}

export interface SaveOptions {
  onProgress?: (progress: SaveProgress) => void;
  /** Downloads at a time. */
  concurrency?: number;
  /** A failed download is tried this many more times before the save gives up. */
  retries?: number;
  signal?: AbortSignal;
}

/** The edition's files in the order a first visit wants them: text (index, months), then images. */
export function saveOrder(manifest: BundleManifest): string[] {
  const order = [...indexFiles(manifest.index), ...manifest.months.flatMap((month) => month.files)];
  const listed = new Set(order);
  const rest = manifest.files.filter((f) => !listed.has(f.name));
  return [...order, ...rest.filter((f) => !isImageFile(f)).map((f) => f.name), ...rest.filter((f) => isImageFile(f)).map((f) => f.name)];
}

/** Whether a failure may go away by trying again (a dropped connection, a mangled download). */
function isTransient(error: unknown): boolean {
  return error instanceof BundleFileError ? error.failure === 'offline' || error.failure === 'corrupt' || error.failure === 'http' : true;
}

/**
 * Saves every file of `manifest` the device does not hold yet: every text file (but the month
 * files of years the reader removed), then (unless the reader keeps text only) every image; a
 * choice of text only made meanwhile stops the images.
 * Resolves when all are saved; rejects with the first file that could not be (a
 * `BundleFileError` naming it), leaving the files saved so far in place.
 */
export async function saveEdition(store: BundleStore, manifest: BundleManifest, options: SaveOptions = {}): Promise<SaveProgress> {
  const [keepImages, removed] = await Promise.all([store.keepsImages(), store.removedYears()]);
  const removedYears = new Set(removed);
  const files = manifest.files.filter((f) => (keepImages || !isImageFile(f)) && !inRemovedYear(f.name, removedYears));
  const sizes = new Map(files.map((f) => [f.name, f.bytes]));
  const totalBytes = files.reduce((sum, f) => sum + f.bytes, 0);
  // In save order: `missingFiles` keeps the order of the names it is given.
  const missing = await store.missingFiles(saveOrder(manifest).filter((name) => sizes.has(name)));
  let savedBytes = totalBytes - missing.reduce((sum, name) => sum + (sizes.get(name) ?? 0), 0);
  let remaining = missing.length;
  const report = () => options.onProgress?.({ savedBytes, totalBytes, remaining });
  report();

  let failure: unknown;
  let imagesDropped = false;
  const retries = options.retries ?? 1;
  const worker = (queue: string[]) => async () => {
    for (let name = queue.shift(); name !== undefined && failure === undefined; name = queue.shift()) {
      if (options.signal?.aborted) throw options.signal.reason;
      // The reader may choose text only while images are being saved: stop at once.
      if (isImageFile(name) && (imagesDropped || !(await store.keepsImages()))) {
        imagesDropped = true;
        return;
      }
      for (let attempt = 0; ; attempt++) {
        try {
          await store.saveFile(name);
          break;
        } catch (error) {
          if (attempt >= retries || !isTransient(error)) {
            failure ??= error;
            return;
          }
        }
      }
      savedBytes += sizes.get(name) ?? 0;
      remaining--;
      report();
    }
  };
  // Text first, whole, then images: a reader offline soon after a first visit has every article.
  const concurrency = Math.max(1, options.concurrency ?? 3);
  for (const queue of [missing.filter((name) => !isImageFile(name)), missing.filter((name) => isImageFile(name))]) {
    await Promise.all(Array.from({ length: concurrency }, worker(queue)));
    if (failure !== undefined) throw failure;
  }
  if (imagesDropped) {
    // Text only now: the edition is saved as the reader wants it.
    const done = { savedBytes: totalBytes - [...sizes].filter(([name]) => isImageFile(name)).reduce((sum, [, bytes]) => sum + bytes, 0), remaining: 0 };
    const progress = { ...done, totalBytes: done.savedBytes };
    options.onProgress?.(progress);
    return progress;
  }
  return { savedBytes, totalBytes, remaining };
}

/** Whole percent saved, never 100 before the last file. */
export function percentSaved(progress: SaveProgress): number {
  if (progress.remaining === 0) return 100;
  return Math.min(99, Math.floor((progress.savedBytes / Math.max(1, progress.totalBytes)) * 100));
}
