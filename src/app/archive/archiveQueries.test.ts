import { describe, expect, it } from 'vitest';
import type { BundleManifest } from '../../core/format';
import {
  adjacentMonths,
  categoryLabel,
  findArticle,
  findCategory,
  findTag,
  groupMonthsByYear,
  latestArticles,
  listCategories,
  listingArticles,
  listTags,
  matchesListing,
  monthArticles,
  monthsCovering,
  searchHitToListItem,
  tagLabels,
  toListItem,
  UNCATEGORISED,
  type LabelListing,
} from './archiveQueries';
import {
  aBetterDigitalGov,
  armyDeclaresVictory,
  desperateAttempt,
  endOfTheCaliphate,
  foodKeeperUpdate,
  graspingDefeat,
  manifest,
  peaceCorpsSatisfaction,
  recordingLoader,
  remoteResearch,
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
    const withEmpty: BundleManifest = { ...manifest, months: [...manifest.months, { month: '2017-08', count: 0, files: [] }] };
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

describe('latestArticles', () => {
  it('returns the newest articles, loading only the files of the newest months', async () => {
    const { load, loaded } = recordingLoader();
    expect(titles(await latestArticles(manifest, load, 3))).toEqual([peaceCorpsSatisfaction.title, endOfTheCaliphate.title, graspingDefeat.title]);
    expect(loaded).toEqual(['month-2018-01.55703790b987.json', 'month-2017-11.9b7cab80f461.json', 'month-2017-11-2.2f2e722774c5.json']);
  });

  it('returns every article when the archive holds fewer than asked', async () => {
    expect(await latestArticles(manifest, recordingLoader().load, 10)).toHaveLength(8);
  });
});

describe('monthArticles', () => {
  it('returns a month split over two files in order, newest first', async () => {
    expect(titles(await monthArticles(manifest, recordingLoader().load, '2017-11'))).toEqual([
      endOfTheCaliphate.title,
      graspingDefeat.title,
      aBetterDigitalGov.title,
      armyDeclaresVictory.title,
      desperateAttempt.title,
    ]);
  });

  it('returns undefined for a month the archive does not hold', async () => {
    expect(await monthArticles(manifest, recordingLoader().load, '2017-12')).toBeUndefined();
  });
});

describe('listingArticles', () => {
  it('pages through a category newest first, loading only the months the page needs', async () => {
    const { load, loaded } = recordingLoader();
    expect(titles(await listingArticles(manifest, load, listing(findCategory, 'content-strategy'), 1))).toEqual([peaceCorpsSatisfaction.title]);
    expect(loaded).toEqual(['month-2018-01.55703790b987.json']);
  });

  it('reaches older months as the page grows', async () => {
    const { load, loaded } = recordingLoader();
    const articles = await listingArticles(manifest, load, listing(findCategory, 'content-strategy'), 40);
    expect(titles(articles)).toEqual([peaceCorpsSatisfaction.title, foodKeeperUpdate.title]);
    // November and October hold no Content strategy article, so they are never fetched.
    expect(loaded).toEqual(['month-2018-01.55703790b987.json', 'month-2017-09.1fb929fbd2db.json']);
  });

  it('lists articles without a category under "uncategorised"', async () => {
    const articles = await listingArticles(manifest, recordingLoader().load, listing(findCategory, 'uncategorised'), 20);
    expect(titles(articles)).toEqual([endOfTheCaliphate.title, aBetterDigitalGov.title, armyDeclaresVictory.title]);
  });

  it('pages through a tag newest first, loading only the months the page needs', async () => {
    const { load, loaded } = recordingLoader();
    expect(titles(await listingArticles(manifest, load, listing(findTag, 'research'), 1))).toEqual([peaceCorpsSatisfaction.title]);
    expect(loaded).toEqual(['month-2018-01.55703790b987.json']);
  });

  it('reaches older months of a tag as the page grows, skipping months without it', async () => {
    const { load, loaded } = recordingLoader();
    expect(titles(await listingArticles(manifest, load, listing(findTag, 'research'), 40))).toEqual([peaceCorpsSatisfaction.title, remoteResearch.title]);
    expect(loaded).toEqual(['month-2018-01.55703790b987.json', 'month-2017-10.629ab450c396.json']);
  });

  it('lists the articles carrying a tag, not those of the category with the same slug', async () => {
    const articles = await listingArticles(manifest, recordingLoader().load, listing(findTag, 'content-strategy'), 20);
    expect(titles(articles)).toEqual([remoteResearch.title]);
  });
});

describe('findArticle', () => {
  it('finds an article by month and slug, also in the second file of a month', async () => {
    expect(await findArticle(manifest, recordingLoader().load, '2017-11', 'daesh-in-desperate-attempt-to-save-albu-kamal-last-syrian-bastion')).toBe(
      desperateAttempt,
    );
  });

  it('finds nothing for a slug of another month', async () => {
    expect(await findArticle(manifest, recordingLoader().load, '2017-10', 'syrian-army-declares-victory-over-isis')).toBeUndefined();
  });

  it('finds nothing in a month the archive does not hold', async () => {
    expect(await findArticle(manifest, recordingLoader().load, '2019-01', 'the-end-of-the-caliphate')).toBeUndefined();
  });
});

describe('toListItem', () => {
  it('keeps named outlets once each and names the category', () => {
    expect(toListItem(manifest, graspingDefeat)).toEqual({
      id: 'd706b67fbbf8f2c9',
      title: 'Abu Kamal: Grasping Defeat from the Jaws of Victory',
      date: '2017-11-17',
      slug: 'abu-kamal-grasping-defeat-from-the-jaws-of-victory',
      summary: graspingDefeat.summary,
      outlets: ['PhotoNews Pakistan'],
      category: { slug: 'blog', name: 'Blog' },
    });
    expect(toListItem(manifest, remoteResearch)).toMatchObject({ outlets: ['Digital.gov', '18F'], category: { slug: 'design', name: 'Design' } });
  });

  it('gives no category and no outlets to an article that has neither', () => {
    expect(toListItem(manifest, withNoOutlet)).toMatchObject({ outlets: [], category: null });
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
