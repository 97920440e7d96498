import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, LISTING_FILE_ITEMS, type BundleListingFile, type BundleManifest, type BundleMonthFile } from '../../core/format';
import type { Article } from '../../core/types';
import { aBetterDigitalGov, armyDeclaresVictory, desperateAttempt, endOfTheCaliphate, graspingDefeat, manifest, recordingLoader, remoteResearch } from '../archive/testing/bundleFixture';
import type { ArchiveFiles } from '../archive/archiveQueries';
import { monthNeighbours, placeInMonth } from './monthNeighbours';

describe('monthNeighbours', () => {
  it('gives the newer and older article of the month, across its two data files', async () => {
    const { files } = recordingLoader();
    const middle = await monthNeighbours(manifest, files, '2017-11', aBetterDigitalGov.slug);
    expect([middle.newer?.slug, middle.older?.slug]).toEqual([graspingDefeat.slug, armyDeclaresVictory.slug]);
    const second = await monthNeighbours(manifest, files, '2017-11', armyDeclaresVictory.slug);
    expect([second.newer?.slug, second.older?.slug]).toEqual([aBetterDigitalGov.slug, desperateAttempt.slug]);
  });

  it('gives none past the month’s ends, and none for an article alone in its month or not in it', async () => {
    const { files } = recordingLoader();
    expect((await monthNeighbours(manifest, files, '2017-11', endOfTheCaliphate.slug)).newer).toBeUndefined();
    expect((await monthNeighbours(manifest, files, '2017-11', desperateAttempt.slug)).older).toBeUndefined();
    expect(await monthNeighbours(manifest, files, '2017-10', remoteResearch.slug)).toEqual({});
    expect(await monthNeighbours(manifest, files, '2017-10', 'no-such-article')).toEqual({});
  });

  it('reads the article’s data file and listing files only, never the month’s other data file', async () => {
    const { files, loaded } = recordingLoader();
    await monthNeighbours(manifest, files, '2017-11', desperateAttempt.slug);
    expect(loaded.filter((f) => f.startsWith('month-'))).toEqual(['month-2017-11-2.cefa4d874a09.json']);
  });
});

describe('placeInMonth', () => {
  /**
   * A month of 250 entries in three data files (120, 100 and 30 articles) and three listing files,
   * made of the fixture's November articles under numbered slugs.
   */
  function largeMonth(): { manifest: BundleManifest; files: ArchiveFiles; listingsRead: string[] } {
    const seeds = [endOfTheCaliphate, graspingDefeat, aBetterDigitalGov, armyDeclaresVictory, desperateAttempt];
    const articles: Article[] = Array.from({ length: 250 }, (_, i) => ({ ...seeds[i % seeds.length]!, slug: `${seeds[i % seeds.length]!.slug}-${i}` }));
    const cuts = [0, 120, 220, 250];
    const dataFiles = cuts.slice(1).map((end, f): BundleMonthFile => ({ format: BUNDLE_FORMAT, month: '2017-11', articles: articles.slice(cuts[f], end) }));
    const fileOf = (i: number) => cuts.findIndex((cut) => cut > i) - 1;
    const listings: BundleListingFile[] = [0, 1, 2].map((p) => ({
      format: BUNDLE_FORMAT,
      month: '2017-11',
      from: p * LISTING_FILE_ITEMS,
      items: articles.slice(p * LISTING_FILE_ITEMS, (p + 1) * LISTING_FILE_ITEMS).map((a, i) => ({ id: a.id, title: a.title, date: a.date, slug: a.slug, summary: a.summary, category: a.category, outlets: [], tags: a.tags, file: fileOf(p * LISTING_FILE_ITEMS + i) })),
    }));
    const slugs = { format: BUNDLE_FORMAT, month: '2017-11', files: Object.fromEntries(articles.map((a, i) => [a.slug, fileOf(i)])) };
    const listingsRead: string[] = [];
    const month = { month: '2017-11', count: 250, files: ['d0', 'd1', 'd2'], pages: ['l0', 'l1', 'l2'], slugs: ['s0'] };
    return {
      manifest: { ...manifest, months: [month] },
      listingsRead,
      files: {
        month: async (name) => dataFiles[Number(name.slice(1))]!,
        listing: async (name) => (listingsRead.push(name), listings[Number(name.slice(1))]!),
        slugs: async () => slugs as never,
      },
    };
  }

  it('finds every article’s place in a month of three data files and three listing files', async () => {
    const { manifest: large, files } = largeMonth();
    for (const i of [0, 1, 119, 120, 150, 199, 219, 220, 249]) {
      const slug = `${[endOfTheCaliphate, graspingDefeat, aBetterDigitalGov, armyDeclaresVictory, desperateAttempt][i % 5]!.slug}-${i}`;
      expect(await placeInMonth(large, files, '2017-11', slug)).toBe(i);
    }
  });

  it('pairs the neighbours across a listing file’s edge', async () => {
    const { manifest: large, files } = largeMonth();
    const n = await monthNeighbours(large, files, '2017-11', `${endOfTheCaliphate.slug}-200`);
    expect([n.newer?.slug, n.older?.slug]).toEqual([`${desperateAttempt.slug}-199`, `${graspingDefeat.slug}-201`]);
  });
});
