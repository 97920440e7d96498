import { monthKey } from '../core/monthKey';
import type { LoadedArchive } from './archive/readArchive';

export interface ArchiveStats {
  articleCount: number;
  byMonth: Record<string, number>;
  byCategory: Record<string, number>;
  byOutlet: Record<string, number>;
}

function increment(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

function sorted(map: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => a.localeCompare(b)));
}

/** Article counts by month, category (display name) and outlet. */
export function archiveStats(archive: LoadedArchive): ArchiveStats {
  const names = new Map(archive.meta.categories.map((c) => [c.slug, c.name]));
  const stats: ArchiveStats = { articleCount: 0, byMonth: {}, byCategory: {}, byOutlet: {} };
  for (const month of archive.months) {
    for (const a of month.articles) {
      stats.articleCount++;
      increment(stats.byMonth, monthKey(a.date));
      increment(stats.byCategory, a.category ? (names.get(a.category) ?? a.category) : 'Uncategorised');
      for (const outlet of new Set(a.sources.map((s) => s.outlet ?? 'outlet not named'))) increment(stats.byOutlet, outlet);
    }
  }
  return { ...stats, byMonth: sorted(stats.byMonth), byCategory: sorted(stats.byCategory), byOutlet: sorted(stats.byOutlet) };
}
