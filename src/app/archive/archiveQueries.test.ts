import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_FORMAT, type ArchiveMetaFile, type BundleListingFile, type BundleListingItem, type BundleManifest, type BundleMonthFile, type BundleSlugFile } from '../../core/format';
import type { Article } from '../../core/types';
import { buildBundle } from '../../librarian/bundle/buildBundle';
import {
  adjacentMonths,
  archiveYears,
  categoryLabel,
  findArticle,
  findCategory,
  findTag,
  groupMonthsByYear,
  latestItems,
  listCategories,
  listingItemSlice,
  listTags,
  matchesListing,
  monthListingSlice,
  monthsCovering,
  mostUsed,
  pageExists,
  pageSpan,
  searchHitToListItem,
  tagLabels,
  toListItem,
  UNCATEGORISED,
  yearSummary,
  type ArchiveFiles,
  type LabelListing,
} from './archiveQueries';
import {
  aBetterDigitalGov,
  armyDeclaresVictory,
  desperateAttempt,
  endOfTheCaliphate,
  foodKeeperUpdate,
  graspingDefeat,
  listingFiles,
  manifest,
  monthFiles,
  peaceCorpsSatisfaction,
  recordingLoader,
  remoteResearch,
  slugFiles,
} from './testing/bundleFixture';

const titles = (articles: { title: string }[] | undefined) => articles?.map((a) => a.title);

/** The listing of a slug the fixture is known to hold. */
function listing(find: (m: BundleManifest, slug: string) => LabelListing | undefined, slug: string): LabelListing {
  const found = find(manifest, slug);
  if (!found) throw new Error(`fixture: no listing "${slug}"`);
  return found;
}

/** A real article whose only source names no outlet and no URL, as a page may (see Abu Kamal's second source). */
const withNoOutlet = { ...aBetterDigitalGov, sources: [{ outlet: null, url: null }] };

describe('groupMonthsByYear', () => {
  it('groups months under their year, newest year and month first, with year totals', () => {
    expect(groupMonthsByYear([...manifest.months, { month: '2016-12', count: 3 }, { month: '2016-02', count: 2 }])).toEqual([
      { year: 2018, count: 1, months: [{ month: '2018-01', count: 1 }] },
      {
        year: 2017,
        count: 7,
        months: [
          { month: '2017-11', count: 5 },
          { month: '2017-10', count: 1 },
          { month: '2017-09', count: 1 },
        ],
      },
      { year: 2016, count: 5, months: [{ month: '2016-12', count: 3 }, { month: '2016-02', count: 2 }] },
    ]);
  });

  it('orders months given oldest first', () => {
    const years = groupMonthsByYear([{ month: '2016-02', count: 2 }, { month: '2017-09', count: 1 }, { month: '2016-12', count: 3 }]);
    expect(years.map((y) => y.months.map((m) => m.month))).toEqual([['2017-09'], ['2016-12', '2016-02']]);
  });

  it('gives no years for an empty archive', () => {
    expect(groupMonthsByYear([])).toEqual([]);
  });
});

describe('yearSummary', () => {
  it('lists the year\'s months January first with the year\'s count and its neighbours', () => {
    expect(yearSummary(manifest, 2017)).toEqual({
      year: 2017,
      count: 7,
      months: [
        { month: '2017-09', count: 1 },
        { month: '2017-10', count: 1 },
        { month: '2017-11', count: 5 },
      ],
      newer: 2018,
      older: undefined,
    });
    expect(yearSummary(manifest, 2018)).toMatchObject({ count: 1, newer: undefined, older: 2017 });
  });

  it('finds no year the archive holds no article of', () => {
    expect(yearSummary(manifest, 2016)).toBeUndefined();
    expect(yearSummary({ ...manifest, months: [...manifest.months, { month: '2016-05', count: 0, files: [], pages: [] }] }, 2016)).toBeUndefined();
  });
});

describe('archiveYears', () => {
  const months = [
    { month: '2018-02', count: 4 },
    { month: '2018-01', count: 2 },
    { month: '2017-12', count: 1 },
    { month: '2017-11', count: 3 },
    { month: '2016-06', count: 5 },
  ];

  it('shows the months of the newest years while they fit the budget, then years alone', () => {
    expect(archiveYears(months, 4)).toEqual([
      { year: 2018, count: 6, monthCount: 2, months: [{ month: '2018-02', count: 4 }, { month: '2018-01', count: 2 }] },
      { year: 2017, count: 4, monthCount: 2, months: [{ month: '2017-12', count: 1 }, { month: '2017-11', count: 3 }] },
      { year: 2016, count: 5, monthCount: 1 },
    ]);
  });

  it('never shows an older year\'s months after a year that did not fit', () => {
    expect(archiveYears(months, 3).map((y) => y.months !== undefined)).toEqual([true, false, false]);
  });

  it('shows every month when they fit', () => {
    expect(archiveYears(months, 100).every((y) => y.months !== undefined)).toBe(true);
  });
});

describe('pageSpan', () => {
  it('numbers the items of a page from 0, the last page holding the rest', () => {
    expect(pageSpan(10_249, 2, 100)).toEqual({ page: 2, pageCount: 103, pageSize: 100, total: 10_249, start: 100, end: 200 });
    expect(pageSpan(10_249, 103, 100)).toMatchObject({ start: 10_200, end: 10_249 });
  });

  it('gives an empty listing one empty page, and a page past the last no items', () => {
    expect(pageSpan(0, 1, 100)).toMatchObject({ pageCount: 1, start: 0, end: 0 });
    expect(pageSpan(250, 4, 100)).toMatchObject({ pageCount: 3, start: 250, end: 250 });
  });
});

describe('pageExists', () => {
  it('holds for pages 1 to the last, and page 1 of an empty listing', () => {
    expect([1, 3, 4].map((p) => pageExists(pageSpan(250, p, 100)))).toEqual([true, true, false]);
    expect(pageExists(pageSpan(0, 1, 100))).toBe(true);
  });
});

describe('mostUsed', () => {
  const tags = [
    { slug: 'a', name: 'A', count: 2 },
    { slug: 'b', name: 'B', count: 9 },
    { slug: 'c', name: 'C', count: 2 },
    { slug: 'd', name: 'D', count: 5 },
  ];

  it('keeps the labels with most articles, ties by order, in their order', () => {
    expect(mostUsed(tags, 3).map((t) => t.slug)).toEqual(['a', 'b', 'd']);
  });

  it('keeps every label when they are no more than the limit', () => {
    expect(mostUsed(tags, 4)).toEqual(tags);
  });
});

describe('adjacentMonths', () => {
  it('names the nearest older and newer months with articles', () => {
    // The archive holds nothing from December 2017, so November's newer neighbour is January 2018.
    expect(adjacentMonths(manifest, '2017-11')).toEqual({ newer: '2018-01', older: '2017-10' });
  });

  it('has no newer month for the newest and no older month for the oldest', () => {
    expect(adjacentMonths(manifest, '2018-01')).toEqual({ newer: undefined, older: '2017-11' });
    expect(adjacentMonths(manifest, '2017-09')).toEqual({ newer: '2017-10', older: undefined });
  });

  it('skips months that hold no articles', () => {
    const withEmpty: BundleManifest = { ...manifest, months: [...manifest.months, { month: '2017-08', count: 0, files: [], pages: [] }] };
    expect(adjacentMonths(withEmpty, '2017-09').older).toBeUndefined();
  });
});

describe('listCategories', () => {
  it('lists the declared categories, then Uncategorised with its count', () => {
    expect(listCategories(manifest)).toEqual([
      { slug: 'blog', name: 'Blog', count: 1 },
      { slug: 'content-strategy', name: 'Content strategy', count: 2 },
      { slug: 'design', name: 'Design', count: 1 },
      { slug: 'middle-east', name: 'Middle East', count: 1 },
      { slug: 'uncategorised', name: 'Uncategorised', count: 3 },
    ]);
  });

  it('leaves Uncategorised out when every article has a category', () => {
    expect(listCategories({ ...manifest, uncategorised: { count: 0, months: [] } }).map((c) => c.slug)).toEqual([
      'blog',
      'content-strategy',
      'design',
      'middle-east',
    ]);
  });
});

describe('findCategory', () => {
  it('finds a declared category with its months', () => {
    expect(findCategory(manifest, 'content-strategy')).toMatchObject({
      label: { slug: 'content-strategy', name: 'Content strategy' },
      count: 2,
      months: [
        { month: '2018-01', count: 1 },
        { month: '2017-09', count: 1 },
      ],
      match: { category: 'content-strategy' },
    });
  });

  it('finds the uncategorised bucket under the slug "uncategorised"', () => {
    expect(findCategory(manifest, 'uncategorised')).toEqual({ label: UNCATEGORISED, count: 3, months: manifest.uncategorised.months, match: { category: null } });
  });

  it('finds nothing for an unknown slug', () => {
    expect(findCategory(manifest, 'sport')).toBeUndefined();
  });

  it('finds nothing for the slug of a tag that is no category', () => {
    expect(findCategory(manifest, 'research')).toBeUndefined();
  });
});

describe('listTags', () => {
  it('lists every tag with its count, by name', () => {
    expect(listTags(manifest)).toEqual([
      { slug: 'analytics', name: 'Analytics', count: 1 },
      { slug: 'content-strategy', name: 'Content strategy', count: 1 },
      { slug: 'customer-experience', name: 'Customer experience', count: 1 },
      { slug: 'design', name: 'Design', count: 1 },
      { slug: 'mobile', name: 'Mobile', count: 1 },
      { slug: 'multilingual', name: 'Multilingual', count: 1 },
      { slug: 'product-and-project-management', name: 'Product and project management', count: 1 },
      { slug: 'research', name: 'Research', count: 2 },
      { slug: 'user-experience', name: 'User experience', count: 1 },
    ]);
  });

  it('lists no tags when no article carries one', () => {
    expect(listTags({ ...manifest, tags: [] })).toEqual([]);
  });
});

describe('findTag', () => {
  it('finds a tag with its months', () => {
    expect(findTag(manifest, 'research')).toEqual({
      label: { slug: 'research', name: 'Research' },
      count: 2,
      months: [
        { month: '2018-01', count: 1 },
        { month: '2017-10', count: 1 },
      ],
      match: { tag: 'research' },
    });
  });

  it('finds the tag, not the category, of a slug that names both', () => {
    expect(findTag(manifest, 'content-strategy')).toMatchObject({ count: 1, months: [{ month: '2017-10', count: 1 }], match: { tag: 'content-strategy' } });
  });

  it('finds nothing for an unknown slug, "uncategorised" included', () => {
    expect(findTag(manifest, 'sport')).toBeUndefined();
    expect(findTag(manifest, 'uncategorised')).toBeUndefined();
  });
});

describe('matchesListing', () => {
  it('matches an article by its category, by having none, or by one of its tags', () => {
    expect(matchesListing({ category: 'design' }, remoteResearch)).toBe(true);
    expect(matchesListing({ category: 'design' }, peaceCorpsSatisfaction)).toBe(false);
    expect(matchesListing({ category: null }, aBetterDigitalGov)).toBe(true);
    expect(matchesListing({ tag: 'design' }, peaceCorpsSatisfaction)).toBe(true);
    expect(matchesListing({ tag: 'design' }, remoteResearch)).toBe(false);
  });
});

describe('monthsCovering', () => {
  it('takes the newest months until their counts reach the limit', () => {
    expect(monthsCovering(manifest.months, 2).map((m) => m.month)).toEqual(['2018-01', '2017-11']);
    expect(monthsCovering(manifest.months, 6).map((m) => m.month)).toEqual(['2018-01', '2017-11']);
    expect(monthsCovering(manifest.months, 7).map((m) => m.month)).toEqual(['2018-01', '2017-11', '2017-10']);
  });

  it('takes every month when the limit is beyond the total', () => {
    expect(monthsCovering(manifest.months, 100)).toHaveLength(4);
  });
});

describe('the fixture', () => {
  it('names every listing and slug file by the hash of its text, as the builder does', () => {
    for (const [name, data] of Object.entries({ ...listingFiles, ...slugFiles })) {
      expect(name.slice(-17, -5), name).toBe(createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 12));
    }
  });
});

describe('latestItems', () => {
  it('returns the newest articles, reading only the listing files of the newest months', async () => {
    const { files, loaded } = recordingLoader();
    expect(titles(await latestItems(manifest, files, 3))).toEqual([peaceCorpsSatisfaction.title, endOfTheCaliphate.title, graspingDefeat.title]);
    expect(loaded).toEqual(['list-2018-01-1.2a39638e26c8.json', 'list-2017-11-1.e19756cc5d94.json']);
  });

  it('returns every article when the archive holds fewer than asked', async () => {
    expect(await latestItems(manifest, recordingLoader().files, 10)).toHaveLength(8);
  });
});

describe('listingItemSlice', () => {
  it('pages through a category newest first, reading only the months the page needs', async () => {
    const { files, loaded } = recordingLoader();
    expect(titles(await listingItemSlice(manifest, files, listing(findCategory, 'content-strategy'), 0, 1))).toEqual([peaceCorpsSatisfaction.title]);
    expect(loaded).toEqual(['list-2018-01-1.2a39638e26c8.json']);
  });

  it('reaches older months as the page grows', async () => {
    const { files, loaded } = recordingLoader();
    const items = await listingItemSlice(manifest, files, listing(findCategory, 'content-strategy'), 0, 40);
    expect(titles(items)).toEqual([peaceCorpsSatisfaction.title, foodKeeperUpdate.title]);
    // November and October hold no Content strategy article, so they are never read.
    expect(loaded).toEqual(['list-2018-01-1.2a39638e26c8.json', 'list-2017-09-1.1b1af7922a7e.json']);
  });

  it('lists articles without a category under "uncategorised"', async () => {
    const items = await listingItemSlice(manifest, recordingLoader().files, listing(findCategory, 'uncategorised'), 0, 20);
    expect(titles(items)).toEqual([endOfTheCaliphate.title, aBetterDigitalGov.title, armyDeclaresVictory.title]);
  });

  it('pages through a tag newest first, reading only the months the page needs', async () => {
    const { files, loaded } = recordingLoader();
    expect(titles(await listingItemSlice(manifest, files, listing(findTag, 'research'), 0, 1))).toEqual([peaceCorpsSatisfaction.title]);
    expect(loaded).toEqual(['list-2018-01-1.2a39638e26c8.json']);
  });

  it('reaches older months of a tag as the page grows, skipping months without it', async () => {
    const { files, loaded } = recordingLoader();
    expect(titles(await listingItemSlice(manifest, files, listing(findTag, 'research'), 0, 40))).toEqual([peaceCorpsSatisfaction.title, remoteResearch.title]);
    expect(loaded).toEqual(['list-2018-01-1.2a39638e26c8.json', 'list-2017-10-1.dd20f318ddb2.json']);
  });

  it('skips the months before a later page unread', async () => {
    const { files, loaded } = recordingLoader();
    expect(titles(await listingItemSlice(manifest, files, listing(findTag, 'research'), 1, 2))).toEqual([remoteResearch.title]);
    expect(loaded).toEqual(['list-2017-10-1.dd20f318ddb2.json']);
  });

  it('gives nothing for a span past the end', async () => {
    expect(await listingItemSlice(manifest, recordingLoader().files, listing(findTag, 'research'), 2, 4)).toEqual([]);
  });

  it('lists the articles carrying a tag, not those of the category with the same slug', async () => {
    const items = await listingItemSlice(manifest, recordingLoader().files, listing(findTag, 'content-strategy'), 0, 20);
    expect(titles(items)).toEqual([remoteResearch.title]);
  });
});

describe('monthListingSlice', () => {
  const november = [endOfTheCaliphate, graspingDefeat, aBetterDigitalGov, armyDeclaresVictory, desperateAttempt].map((a) => a.title);

  it('reads a month from its listing file alone, never its data files', async () => {
    const { files, loaded } = recordingLoader();
    expect(titles(await monthListingSlice(manifest, files, '2017-11', 1, 4))).toEqual(november.slice(1, 4));
    expect(loaded).toEqual(['list-2017-11-1.e19756cc5d94.json']);
  });

  it('gives nothing for an empty span or one past the end, and undefined for a month the archive does not hold', async () => {
    const { files, loaded } = recordingLoader();
    expect(await monthListingSlice(manifest, files, '2017-11', 5, 5)).toEqual([]);
    expect(await monthListingSlice(manifest, files, '2017-11', 5, 10)).toEqual([]);
    expect(loaded).toEqual([]);
    expect(await monthListingSlice(manifest, files, '2017-12', 0, 1)).toBeUndefined();
  });
});

describe('findArticle', () => {
  it('finds an article in the second data file of a month, reading the slug file and that file only', async () => {
    const { files, loaded } = recordingLoader();
    expect(await findArticle(manifest, files, '2017-11', 'daesh-in-desperate-attempt-to-save-albu-kamal-last-syrian-bastion')).toBe(desperateAttempt);
    expect(loaded).toEqual(['slugs-2017-11-1.7e3d99515110.json', 'month-2017-11-2.cefa4d874a09.json']);
  });

  it('finds an article of a month in one data file without a slug file', async () => {
    const { files, loaded } = recordingLoader();
    expect(await findArticle(manifest, files, '2017-10', remoteResearch.slug)).toBe(remoteResearch);
    expect(loaded).toEqual(['month-2017-10.3bd6fa0290ea.json']);
  });

  it('finds nothing for a slug of another month, reading no data file of a split month', async () => {
    const { files, loaded } = recordingLoader();
    expect(await findArticle(manifest, files, '2017-10', 'syrian-army-declares-victory-over-isis')).toBeUndefined();
    expect(await findArticle(manifest, files, '2017-11', remoteResearch.slug)).toBeUndefined();
    expect(await findArticle(manifest, files, '2017-11', 'constructor')).toBeUndefined();
    expect(loaded.filter((f) => f.startsWith('month-2017-11'))).toEqual([]);
  });

  it('finds nothing in a month the archive does not hold', async () => {
    expect(await findArticle(manifest, recordingLoader().files, '2019-01', 'the-end-of-the-caliphate')).toBeUndefined();
  });
});

/**
 * A month of 1,250 articles: the fixture's eight real articles repeated with new ids and slugs,
 * re-dated into March 2018 (newest first), built by the librarian's builder with 40 KB data files,
 * so that it has 13 listing pages, several data files and two slug files.
 */
describe('a month of 1,250 articles, as the builder writes it', () => {
  const SIZE = 1250;
  const originals = Object.values(monthFiles).flatMap((f) => f.articles);
  const articles: Article[] = Array.from({ length: SIZE }, (_, i) => {
    const a = originals[i % originals.length]!;
    const day = String(28 - Math.floor((i * 28) / SIZE)).padStart(2, '0');
    return { ...a, id: createHash('sha256').update(`${a.id}/${i}`).digest('hex').slice(0, 16), slug: `${a.slug}-${i + 1}`, date: `2018-03-${day}` };
  });
  const labels = (list: { slug: string; name: string }[]) => list.map(({ slug, name }) => ({ slug, name }));
  const meta: ArchiveMetaFile = { format: ARCHIVE_FORMAT, name: manifest.name, description: manifest.description, categories: labels(manifest.categories), tags: labels(manifest.tags), aliases: [] };
  const built = buildBundle({ dir: '(in memory)', meta, months: [{ format: ARCHIVE_FORMAT, month: '2018-03', articles }] }, { builtAt: new Date(manifest.builtAt), maxFileBytes: 40_000 });
  const march = built.manifest.months[0]!;

  function builtFiles(): { files: ArchiveFiles; loaded: string[] } {
    const loaded: string[] = [];
    const read = <T,>(file: string): Promise<T> => {
      loaded.push(file);
      return Promise.resolve(JSON.parse(built.files.get(file)!) as T);
    };
    return { loaded, files: { month: read<BundleMonthFile>, listing: read<BundleListingFile>, slugs: read<BundleSlugFile> } };
  }

  it('is in 13 listing files, several data files and two slug files', () => {
    expect(march.pages).toHaveLength(13);
    expect(march.files.length).toBeGreaterThan(2);
    expect(march.slugs).toHaveLength(2);
  });

  it('reads page 1, a middle page and the last page from one listing file each', async () => {
    for (const [start, end, file] of [
      [0, 100, 0],
      [700, 800, 7],
      [1200, 1300, 12],
    ] as const) {
      const { files, loaded } = builtFiles();
      const items = await monthListingSlice(built.manifest, files, '2018-03', start, end);
      expect(items?.map((item) => item.id)).toEqual(articles.slice(start, end).map((a) => a.id));
      expect(loaded).toEqual([march.pages[file]]);
    }
  });

  it('reads the two listing files a span across a page boundary needs', async () => {
    const { files, loaded } = builtFiles();
    expect((await monthListingSlice(built.manifest, files, '2018-03', 250, 350))?.map((item) => item.slug)).toEqual(articles.slice(250, 350).map((a) => a.slug));
    expect(loaded).toEqual([march.pages[2], march.pages[3]]);
  });

  it('finds every article by its slug, reading one slug file and the one data file that holds it', async () => {
    for (const i of [0, 1, 99, 624, 1249]) {
      const { files, loaded } = builtFiles();
      expect((await findArticle(built.manifest, files, '2018-03', articles[i]!.slug))?.id).toBe(articles[i]!.id);
      expect(loaded).toHaveLength(2);
      expect(march.slugs).toContain(loaded[0]);
      expect(march.files).toContain(loaded[1]);
    }
  });

  it('pages through a category of the month, reading only the listing files that hold the page', async () => {
    const design = findCategory(built.manifest, 'design')!;
    const expected = articles.filter((a) => a.category === 'design').map((a) => a.id);
    expect(design.count).toBe(expected.length);
    const { files, loaded } = builtFiles();
    expect((await listingItemSlice(built.manifest, files, design, 0, 20)).map((item) => item.id)).toEqual(expected.slice(0, 20));
    // One Design article in every eight: 20 of them are in the first two pages (one file, then two).
    expect(loaded).toEqual(march.pages.slice(0, 3));
    const last = await listingItemSlice(built.manifest, builtFiles().files, design, 140, 160);
    expect(last.map((item) => item.id)).toEqual(expected.slice(140, 160));
  });

  it('gives each entry its article\'s fields and the data file that holds it', async () => {
    const items = (await monthListingSlice(built.manifest, builtFiles().files, '2018-03', 0, SIZE))!;
    expect(items).toHaveLength(SIZE);
    for (const [i, item] of items.entries()) {
      const file = JSON.parse(built.files.get(march.files[item.file]!)!) as BundleMonthFile;
      expect(file.articles.some((a) => a.id === item.id), item.slug).toBe(true);
      expect(toListItem(built.manifest, item)).toEqual(toListItem(built.manifest, { ...listingEntry(articles[i]!), file: item.file }));
    }
  });
});

/** The listing entry of an article as the builder writes it (outlets once each, in source order). */
function listingEntry(article: Article): Omit<BundleListingItem, 'file'> {
  const outlets = [...new Set(article.sources.map((s) => s.outlet).filter((o): o is string => o !== null))];
  return { id: article.id, title: article.title, date: article.date, slug: article.slug, summary: article.summary, category: article.category, outlets, tags: article.tags };
}

describe('toListItem', () => {
  it('keeps named outlets once each and names the category', () => {
    expect(toListItem(manifest, { ...listingEntry(graspingDefeat), file: 0 })).toEqual({
      id: 'd706b67fbbf8f2c9',
      title: 'Abu Kamal: Grasping Defeat from the Jaws of Victory',
      date: '2017-11-17',
      slug: 'abu-kamal-grasping-defeat-from-the-jaws-of-victory',
      summary: graspingDefeat.summary,
      outlets: ['PhotoNews Pakistan'],
      category: { slug: 'blog', name: 'Blog' },
    });
    expect(toListItem(manifest, { ...listingEntry(remoteResearch), file: 0 })).toMatchObject({ outlets: ['Digital.gov', '18F'], category: { slug: 'design', name: 'Design' } });
  });

  it('gives no category and no outlets to an article that has neither', () => {
    expect(toListItem(manifest, { ...listingEntry(withNoOutlet), file: 0 })).toMatchObject({ outlets: [], category: null });
  });
});

describe('categoryLabel', () => {
  it('falls back to the slug for a category the manifest does not declare', () => {
    expect(categoryLabel(manifest, 'sport')).toEqual({ slug: 'sport', name: 'sport' });
  });
});

describe('tagLabels', () => {
  it('names an article\'s tags in the article\'s order', () => {
    expect(tagLabels(manifest, remoteResearch.tags)).toEqual([
      { slug: 'product-and-project-management', name: 'Product and project management' },
      { slug: 'content-strategy', name: 'Content strategy' },
      { slug: 'user-experience', name: 'User experience' },
      { slug: 'research', name: 'Research' },
    ]);
  });

  it('falls back to the slug for a tag the manifest does not list', () => {
    expect(tagLabels(manifest, ['sport'])).toEqual([{ slug: 'sport', name: 'sport' }]);
  });
});

describe('searchHitToListItem', () => {
  it('splits the stored outlets and names the category', () => {
    const item = searchHitToListItem(remoteResearch.id, {
      title: remoteResearch.title,
      date: remoteResearch.date,
      slug: remoteResearch.slug,
      categorySlug: 'design',
      category: 'Design',
      outlets: 'Digital.gov · 18F',
    });
    expect(item.outlets).toEqual(['Digital.gov', '18F']);
    expect(item.category).toEqual({ slug: 'design', name: 'Design' });
  });

  it('gives no category and no outlets when the index stored none', () => {
    const item = searchHitToListItem(withNoOutlet.id, {
      title: withNoOutlet.title,
      date: withNoOutlet.date,
      slug: withNoOutlet.slug,
      categorySlug: '',
      category: '',
      outlets: '',
    });
    expect(item).toMatchObject({ outlets: [], category: null });
  });
});
