/**
 * The articles before and after one in its month's listing (newest first), for "newer" and
 * "older" links at an article's end. Read from the month's listing files (100 entries each),
 * never from other data files: the article's place is its place in its data file plus, for a
 * month in several data files, where that file's articles start in the listing (found by a
 * binary search over the listing files, each entry naming its data file).
 */
import { slugBucket, type BundleListingItem, type BundleManifest } from '../../core/format';
import type { MonthKey } from '../../core/types';
import { monthListingSlice, type ArchiveFiles } from '../archive/archiveQueries';

export interface MonthNeighbours {
  /** The next newer article of the month, if any. */
  newer?: BundleListingItem;
  /** The next older article of the month, if any. */
  older?: BundleListingItem;
}

/** Where in the month's listing (from 0, newest first) the article is, or undefined if not in it. */
export async function placeInMonth(manifest: BundleManifest, files: ArchiveFiles, month: MonthKey, slug: string): Promise<number | undefined> {
  const entry = manifest.months.find((m) => m.month === month);
  if (!entry || entry.files.length === 0) return undefined;
  let fileIndex = 0;
  if (entry.slugs && entry.slugs.length > 0) {
    const where = (await files.slugs(entry.slugs[slugBucket(slug, entry.slugs.length)]!)).files;
    if (!Object.hasOwn(where, slug)) return undefined;
    fileIndex = where[slug]!;
  }
  const inFile = (await files.month(entry.files[fileIndex]!)).articles.findIndex((a) => a.slug === slug);
  if (inFile < 0) return undefined;
  if (fileIndex === 0) return inFile;
  // The first listing file whose last entry is in this data file or a later one holds its first entry.
  let low = 0;
  let high = entry.pages.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    const page = await files.listing(entry.pages[middle]!);
    if (page.items.at(-1)!.file >= fileIndex) high = middle;
    else low = middle + 1;
  }
  const page = await files.listing(entry.pages[low]!);
  const first = page.items.findIndex((item) => item.file >= fileIndex);
  return first < 0 ? undefined : page.from + first + inFile;
}

/** The newer and older articles beside an article in its month (none at the month's ends). */
export async function monthNeighbours(manifest: BundleManifest, files: ArchiveFiles, month: MonthKey, slug: string): Promise<MonthNeighbours> {
  const place = await placeInMonth(manifest, files, month, slug);
  if (place === undefined) return {};
  const start = Math.max(0, place - 1);
  const items = (await monthListingSlice(manifest, files, month, start, place + 2)) ?? [];
  // The listing and the data files come from one edition; should they ever disagree, link nothing.
  if (items[place - start]?.slug !== slug) return {};
  return { newer: place > 0 ? items[0] : undefined, older: items[place - start + 1] };
}
