/**
 * What this device stores of the archive, by year: each year's articles are its months' data
 * files (their bodies), listed in the manifest with their sizes. The reader may remove a year
 * (its files are deleted and not saved again) and add it back (the service worker saves it).
 * The search index, the lists and the images are not counted by year: they stay whole.
 */
import { createSignal } from 'solid-js';
import type { BundleManifest } from '../../core/format';
import { askServiceWorkerToSave, deviceStore } from './deviceStore';

export interface StoredYear {
  year: string;
  articles: number;
  /** Bytes of the year's month files in this edition, and of those this device holds. */
  bytes: number;
  savedBytes: number;
  /** The reader removed it from this device. */
  removed: boolean;
}

/** Every year of the edition, newest first, with its size and what of it is stored. */
export function storedYears(manifest: BundleManifest, missing: ReadonlySet<string>, removed: ReadonlySet<string>): StoredYear[] {
  const sizes = new Map(manifest.files.map((f) => [f.name, f.bytes]));
  const years = new Map<string, StoredYear>();
  for (const month of manifest.months) {
    if (month.count === 0) continue;
    const year = month.month.slice(0, 4);
    let entry = years.get(year);
    if (!entry) years.set(year, (entry = { year, articles: 0, bytes: 0, savedBytes: 0, removed: removed.has(year) }));
    entry.articles += month.count;
    for (const file of month.files) {
      const bytes = sizes.get(file) ?? 0;
      entry.bytes += bytes;
      if (!missing.has(file)) entry.savedBytes += bytes;
    }
  }
  return [...years.values()].sort((a, b) => b.year.localeCompare(a.year));
}

const [removedYears, setRemovedYearsSignal] = createSignal<readonly string[]>();
/** The years the reader removed from this device; undefined until read. */
export { removedYears };

export async function loadRemovedYears(): Promise<readonly string[]> {
  const years = await deviceStore().removedYears();
  setRemovedYearsSignal(years);
  return years;
}

/** The edition's years as this device stores them now. */
export async function readStoredYears(manifest: BundleManifest): Promise<StoredYear[]> {
  const store = deviceStore();
  const [missing, removed] = await Promise.all([store.missingFiles(manifest.months.flatMap((m) => m.files)), loadRemovedYears()]);
  return storedYears(manifest, new Set(missing), new Set(removed));
}

/** Removes a year from this device (deleting its files), or adds it back (the service worker saves it). */
export async function setYearStored(year: string, stored: boolean): Promise<void> {
  const current = await deviceStore().removedYears();
  const next = stored ? current.filter((y) => y !== year) : [...current, year];
  await deviceStore().setRemovedYears(next);
  setRemovedYearsSignal(await deviceStore().removedYears());
  if (stored) await askServiceWorkerToSave();
}
