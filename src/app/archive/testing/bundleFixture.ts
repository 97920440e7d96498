/**
 * A small bundle shaped like the real one, for the reader's unit tests, holding real articles only:
 *
 * - the four November 2017 seed articles about Albu Kamal, copied from `archive/articles/2017-11.json`
 *   with their bodies cut to the first paragraph;
 * - four public-domain (CC0) Digital.gov news posts from the DigitalGov news corpus (Hugo Markdown,
 *   `content/news/…`): title, slug, summary (HTML entities decoded) and date (as ISO 8601 with its
 *   offset) from the front matter, the post's first paragraph as body, outlet "Digital.gov" with no
 *   URL (the corpus does not give the post's address), plus for the two posts that say they first
 *   ran on another blog that blog with the URL the post links to; as category the post's first
 *   `topics` entry and as tags its other topics in their order (as the librarian's Markdown reader
 *   does), each named by that topic's `title` in `topics/<slug>/_index.md`. Their ids are the
 *   first 16 hex digits of the SHA-256 of their slug (the librarian never imported them).
 *
 * That gives January 2018 (1 article), November 2017 (5), October 2017 (1) and September 2017 (1),
 * with no December 2017. November is split over two data files, as the builder does with a month
 * too large for one file. Content strategy has articles in January 2018 and September 2017 only,
 * so a listing of it skips October and November; three November articles have no category. The
 * tag Research is on January 2018 and October 2017 articles, so its listing skips November too;
 * the tag Content strategy (October) is not the category of that name.
 *
 * The whole manifest (month, listing, slug and index file names, `index`, `files`, `edition`) is
 * what the real builder (`buildBundle`) gives for these articles (news-bundle/5: each month's
 * listing is one file here, and November, in two data files, has a slug file), with the metadata of `archive/archive.json` plus
 * the categories Content strategy and Design and the nine tags the posts carry, a 2,457-byte file
 * limit (so that November splits after its third article, and the index is in several small
 * shards) and `builtAt` 2025-06-30T12:00:00Z. Recompute it if the articles change (a scratch
 * script that passes these articles, grouped by month, to `buildBundle`).
 * `src/search/testing/serveBundle.ts` writes the index files (`termIndexFiles`, as the builder
 * does) and serves them under these names. Data file names carry the first 12 hex digits of the
 * SHA-256 of their content; readers check them.
 */
import { BUNDLE_FORMAT, type BundleListingFile, type BundleListingItem, type BundleManifest, type BundleMonthFile, type BundleSlugFile } from '../../../core/format';
import type { Article } from '../../../core/types';
import type { ArchiveFiles } from '../archiveQueries';

// Digital.gov, content/news/2018/01/2018-01-16-making-customer-satisfaction-data-actionable-at-peace-corps.md
export const peaceCorpsSatisfaction: Article = {
  id: 'b6892ddb34eea98f',
  slug: 'making-customer-satisfaction-data-actionable-at-peace-corps',
  title: 'Making Customer Satisfaction Data Actionable at the Peace Corps',
  date: '2018-01-30T09:30:00-04:00',
  sources: [{ outlet: 'Digital.gov', url: null }],
  author: null,
  category: 'content-strategy',
  tags: ['design', 'research', 'analytics', 'customer-experience'],
  summary: 'Learn how measuring customer experience helped inform and guide website development at Peace Corps.',
  body: '<p>For the past couple of years, the <a href="https://www.peacecorps.gov/">Peace Corps</a> has used online-based intercept surveys on peacecorps.gov to measure user satisfaction. The data captured over time has been interesting, but has not varied much month-to-month, which has made it difficult to translate insight into actionable enhancements on the website.</p>',
};

// Seed, archive/articles/2017-11.json
export const endOfTheCaliphate: Article = {
  id: 'cb516818631099df',
  slug: 'the-end-of-the-caliphate',
  title: 'The End of the Caliphate?',
  date: '2017-11-25',
  sources: [{ outlet: 'Syrian Civil War Map', url: 'https://syriancivilwarmap.com/the-end-of-the-caliphate/' }],
  author: null,
  category: null,
  tags: [],
  summary: 'Republic of Iraq, Syrian Arab Republic (November 25, 2017) – After multiple years of ongoing battles in Iraq and Syria, the so-called Islamic State of Iraq and Syria is now in danger of being militarily extinguished from its base of operations.',
  body: '<p>Republic of Iraq, Syrian Arab Republic (November 25, 2017) – After multiple years of ongoing battles in Iraq and Syria, the so-called Islamic State of Iraq and Syria is now in danger of being militarily extinguished from its base of operations.</p>',
};

// Seed, archive/articles/2017-11.json
export const graspingDefeat: Article = {
  id: 'd706b67fbbf8f2c9',
  slug: 'abu-kamal-grasping-defeat-from-the-jaws-of-victory',
  title: 'Abu Kamal: Grasping Defeat from the Jaws of Victory',
  date: '2017-11-17',
  sources: [{ outlet: 'PhotoNews Pakistan', url: 'https://photonews.com.pk/abu-kamal-grasping-defeat-jaws-victory/' }, { outlet: null, url: null }],
  author: 'Tahir Shabbir',
  category: 'blog',
  tags: [],
  summary: 'It was at Abu Kamal that the end of the ISIS Caliphate was announced. When the Syrian army helped by the PMUs (popular mobilization units of Iraq) crossed the border from the Iraqi side after taking over the ISIL’s Iraqi stronghold of Abu Qasim, it seemed that it was game was all…',
  body: '<p>It was at Abu Kamal that the end of the ISIS Caliphate was announced. When the Syrian army helped by the PMUs (popular mobilization units of Iraq) crossed the border from the Iraqi side after taking over the ISIL’s Iraqi stronghold of Abu Qasim, it seemed that it was game was all but over for the self-declared caliphate, especially when Lebanon’s redoubtable Hezbollah entered the fray.</p>',
};

// Digital.gov, content/news/2017/11/2017-11-14-a-better-digitalgov.md (no topics)
export const aBetterDigitalGov: Article = {
  id: '31c05b6f4a242c82',
  slug: 'a-better-digitalgov',
  title: 'A Better DigitalGov',
  date: '2017-11-14T14:05:00-04:00',
  sources: [{ outlet: 'Digital.gov', url: null }],
  author: null,
  category: null,
  tags: [],
  summary: 'We’re going to try something new here, something better.',
  body: '<p>We’re going to tell the story of how we’re rebuilding DigitalGov from the ground up — writing about the specific challenges we face, the methods and tools we’re using to overcome them, and how we’re measuring the results of our work.</p>',
};

// Seed, archive/articles/2017-11.json
export const armyDeclaresVictory: Article = {
  id: 'c19072245a8fe45f',
  slug: 'syrian-army-declares-victory-over-isis',
  title: 'Syrian Army declares victory over ISIS',
  date: '2017-11-10T09:52:00',
  sources: [{ outlet: 'Free West Media', url: 'http://freewestmedia.com/2017/11/10/syrian-army-declares-victory-over-isis/' }],
  author: null,
  category: null,
  tags: [],
  summary: "The Syrian Army declared victory over the Islamic State this week, with the capture of the jihadists' last stronghold of Albu Kamal.",
  body: '<p>Pockets of Islamic State fighters remain in desert areas near Albu Kamal, the last town the militant group had held in Syria, but the capture has ended the Islamic State’s dreams of a caliphate that it proclaimed in 2014 across Iraq and Syria.</p>',
};

// Seed, archive/articles/2017-11.json
export const desperateAttempt: Article = {
  id: '1bbdae91240001de',
  slug: 'daesh-in-desperate-attempt-to-save-albu-kamal-last-syrian-bastion',
  title: 'Daesh in desperate attempt to save Albu Kamal, last Syrian bastion',
  date: '2017-11-10',
  sources: [{ outlet: 'Arab News', url: 'http://www.arabnews.com/node/1191671/middle-east' }],
  author: null,
  category: 'middle-east',
  tags: [],
  summary: 'BEIRUT: Daesh terrorists conducted a blistering counterattack on Albu Kamal in eastern Syria Friday in a desperate bid to cling to the last urban bastion of their imploding “caliphate.',
  body: '<p>BEIRUT: Daesh terrorists conducted a blistering counterattack on Albu Kamal in eastern Syria Friday in a desperate bid to cling to the last urban bastion of their imploding “caliphate.”</p>',
};

// Digital.gov, content/news/2017/10/2017-10-03-3-ways-manage-research-projects-remotely.md; the post
// says it first ran on the 18F blog, at the URL given.
export const remoteResearch: Article = {
  id: 'e09e21d7d762ffee',
  slug: '3-ways-manage-research-projects-remotely',
  title: '3 Ways to Manage Research Projects Remotely',
  date: '2017-10-03T16:28:00-04:00',
  sources: [{ outlet: 'Digital.gov', url: null }, { outlet: '18F', url: 'https://18f.gsa.gov/2017/09/27/three-ways-to-manage-research-projects/' }],
  author: null,
  category: 'design',
  tags: ['product-and-project-management', 'content-strategy', 'user-experience', 'research'],
  summary: 'Being a remote team doesn’t mean you should forgo any of your research rituals. It means finding different ways to do them.',
  body: '<p>At 18F, we have employees across the U.S. Over time, we’ve cultivated our <a href="https://18f.gsa.gov/2015/10/15/best-practices-for-distributed-teams/">best practices for distributed teams</a> and <a href="https://methods.18f.gov/">design methods</a>. Yet, doing research as a remote team is still really hard. Here are some things that we’ve found make it easier.</p>',
};

// Digital.gov, content/news/2017/09/2017-09-07-usda-foodkeeper-app-update-expands-content-offerings.md;
// the post says it first ran on the USDA blog, at the URL given.
export const foodKeeperUpdate: Article = {
  id: 'fe4058f7814ee634',
  slug: 'usda-foodkeeper-app-update-expands-content-offerings',
  title: 'USDA FoodKeeper App Update Expands Content Offerings',
  date: '2017-09-07T03:59:14-04:00',
  sources: [{ outlet: 'Digital.gov', url: null }, { outlet: 'USDA', url: 'https://www.usda.gov/media/blog/2017/08/30/usda-integrates-recalls-information-foodkeeper-application' }],
  author: null,
  category: 'content-strategy',
  tags: ['mobile', 'multilingual'],
  summary: 'The USDA’s multilingual FoodKeeper app has been updated to include three options for receiving food recall updates and expands storage timelines to over 500 products. This post was originally published on the USDA blog. The Department of Agriculture (USDA) today announced new updates to its popular FoodKeeper application that will provide users with new access to',
  body: '<p>The <a href="https://www.usda.gov/">Department of Agriculture</a> (USDA) today announced new updates to its popular FoodKeeper application that will provide users with new access to information on food safety recalls. The app has been updated so users can choose to receive automatic notifications when food safety recalls are announced by USDA’s <a href="https://www.fsis.usda.gov/">Food Safety and Inspection Service</a> (FSIS) and the Department of Health and Human Service’s <a href="https://www.fda.gov/">Food and Drug Administration</a> (FDA).</p>',
};

/** Bundle data files by name, as `bundle/<name>` would serve them. */
export const monthFiles: Record<string, BundleMonthFile> = {
  'month-2018-01.0f9697fcc212.json': { format: BUNDLE_FORMAT, month: '2018-01', articles: [peaceCorpsSatisfaction] },
  'month-2017-11.f5b9aa08a336.json': { format: BUNDLE_FORMAT, month: '2017-11', articles: [endOfTheCaliphate, graspingDefeat, aBetterDigitalGov] },
  'month-2017-11-2.cefa4d874a09.json': { format: BUNDLE_FORMAT, month: '2017-11', articles: [armyDeclaresVictory, desperateAttempt] },
  'month-2017-10.3bd6fa0290ea.json': { format: BUNDLE_FORMAT, month: '2017-10', articles: [remoteResearch] },
  'month-2017-09.6646faf3002b.json': { format: BUNDLE_FORMAT, month: '2017-09', articles: [foodKeeperUpdate] },
};

/** An article as a listing file holds it, in the builder's key order (so that the file's text hashes as named). */
function listed(a: Article, file: number): BundleListingItem {
  const outlets = [...new Set(a.sources.map((s) => s.outlet).filter((o): o is string => o !== null))];
  return { id: a.id, title: a.title, date: a.date, slug: a.slug, summary: a.summary, category: a.category, outlets, tags: a.tags, file };
}

/** Each month's listing (one page each) and November's slug file, as `bundle/<name>` would serve them. */
export const listingFiles: Record<string, BundleListingFile> = {
  'list-2018-01-1.2a39638e26c8.json': { format: BUNDLE_FORMAT, month: '2018-01', from: 0, items: [listed(peaceCorpsSatisfaction, 0)] },
  'list-2017-11-1.e19756cc5d94.json': {
    format: BUNDLE_FORMAT,
    month: '2017-11',
    from: 0,
    items: [listed(endOfTheCaliphate, 0), listed(graspingDefeat, 0), listed(aBetterDigitalGov, 0), listed(armyDeclaresVictory, 1), listed(desperateAttempt, 1)],
  },
  'list-2017-10-1.dd20f318ddb2.json': { format: BUNDLE_FORMAT, month: '2017-10', from: 0, items: [listed(remoteResearch, 0)] },
  'list-2017-09-1.1b1af7922a7e.json': { format: BUNDLE_FORMAT, month: '2017-09', from: 0, items: [listed(foodKeeperUpdate, 0)] },
};

export const slugFiles: Record<string, BundleSlugFile> = {
  'slugs-2017-11-1.7e3d99515110.json': {
    format: BUNDLE_FORMAT,
    month: '2017-11',
    files: { [endOfTheCaliphate.slug]: 0, [graspingDefeat.slug]: 0, [aBetterDigitalGov.slug]: 0, [armyDeclaresVictory.slug]: 1, [desperateAttempt.slug]: 1 },
  },
};

export const manifest: BundleManifest = {
  format: BUNDLE_FORMAT,
  edition: '383586af079c',
  builtAt: '2025-06-30T12:00:00.000Z',
  name: 'Offline News Archive',
  description: 'Real news coverage, searchable and browsable with no connection at all.',
  articleCount: 8,
  months: [
    { month: '2018-01', count: 1, files: ['month-2018-01.0f9697fcc212.json'], pages: ['list-2018-01-1.2a39638e26c8.json'] },
    { month: '2017-11', count: 5, files: ['month-2017-11.f5b9aa08a336.json', 'month-2017-11-2.cefa4d874a09.json'], pages: ['list-2017-11-1.e19756cc5d94.json'], slugs: ['slugs-2017-11-1.7e3d99515110.json'] },
    { month: '2017-10', count: 1, files: ['month-2017-10.3bd6fa0290ea.json'], pages: ['list-2017-10-1.dd20f318ddb2.json'] },
    { month: '2017-09', count: 1, files: ['month-2017-09.6646faf3002b.json'], pages: ['list-2017-09-1.1b1af7922a7e.json'] },
  ],
  categories: [
    { slug: 'blog', name: 'Blog', count: 1, months: [{ month: '2017-11', count: 1 }] },
    {
      slug: 'content-strategy',
      name: 'Content strategy',
      count: 2,
      months: [
        { month: '2018-01', count: 1 },
        { month: '2017-09', count: 1 },
      ],
    },
    { slug: 'design', name: 'Design', count: 1, months: [{ month: '2017-10', count: 1 }] },
    { slug: 'middle-east', name: 'Middle East', count: 1, months: [{ month: '2017-11', count: 1 }] },
  ],
  uncategorised: { count: 3, months: [{ month: '2017-11', count: 3 }] },
  outlets: [{ name: '18F', count: 1 }, { name: 'Arab News', count: 1 }, { name: 'Digital.gov', count: 4 }, { name: 'Free West Media', count: 1 }, { name: 'PhotoNews Pakistan', count: 1 }, { name: 'Syrian Civil War Map', count: 1 }, { name: 'USDA', count: 1 }],
  tags: [
    { slug: 'analytics', name: 'Analytics', count: 1, months: [{ month: '2018-01', count: 1 }] },
    { slug: 'content-strategy', name: 'Content strategy', count: 1, months: [{ month: '2017-10', count: 1 }] },
    { slug: 'customer-experience', name: 'Customer experience', count: 1, months: [{ month: '2018-01', count: 1 }] },
    { slug: 'design', name: 'Design', count: 1, months: [{ month: '2018-01', count: 1 }] },
    { slug: 'mobile', name: 'Mobile', count: 1, months: [{ month: '2017-09', count: 1 }] },
    { slug: 'multilingual', name: 'Multilingual', count: 1, months: [{ month: '2017-09', count: 1 }] },
    { slug: 'product-and-project-management', name: 'Product and project management', count: 1, months: [{ month: '2017-10', count: 1 }] },
    {
      slug: 'research',
      name: 'Research',
      count: 2,
      months: [
        { month: '2018-01', count: 1 },
        { month: '2017-10', count: 1 },
      ],
    },
    { slug: 'user-experience', name: 'User experience', count: 1, months: [{ month: '2017-10', count: 1 }] },
  ],
  // As in archive/archive.json.
  aliases: [
    ['Albu Kamal', 'Abu Kamal', 'Al-Bukamal', 'Al Bukamal', 'Bukamal', 'Boukamal'],
    ['ISIS', 'ISIL', 'Islamic State', 'Daesh', 'IS'],
    ['Deir Ezzor', 'Deir ez-Zor', 'Deir el-Zour', 'Deir al-Zor', 'Deir Zor'],
    ['Raqqa', 'Raqa', 'Al-Raqqah'],
    ['Haider al-Abadi', 'al-Abadi', 'Abadi'],
    ['SAA', 'Syrian Arab Army', 'Syrian Army'],
    ['SDF', 'Syrian Democratic Forces'],
    ['PMU', 'PMUs', 'Popular Mobilization Units', 'Hashd al-Shaabi'],
  ],
  // What the builder writes for these articles (see the top of this file).
  index: {
    "documentCount": 8,
    "layers": [
      {
        "from": "2017-09",
        "to": "2017-11",
        "firstId": 0,
        "documentCount": 7,
        "shards": [
          {
            "first": "08",
            "file": "terms-2017-09-2017-11-1.0d27cbea59e8.json"
          },
          {
            "first": "counterattack",
            "file": "terms-2017-09-2017-11-2.cfd8681606bf.json"
          },
          {
            "first": "inspection",
            "file": "terms-2017-09-2017-11-3.7f63b1844921.json"
          },
          {
            "first": "published",
            "file": "terms-2017-09-2017-11-4.2201d7d41686.json"
          },
          {
            "first": "updated",
            "file": "terms-2017-09-2017-11-5.cec5862f6ec7.json"
          }
        ],
        "dictionary": [
          {
            "shortest": 1,
            "longest": 53,
            "file": "dictionary-2017-09-2017-11-1-53.5894e3a85d43.json"
          },
          {
            "shortest": 1,
            "longest": 53,
            "file": "dictionary-2017-09-2017-11-1-53-2.905d3447c0a9.json"
          }
        ]
      },
      {
        "from": "2018-01",
        "to": "2018-01",
        "firstId": 7,
        "documentCount": 1,
        "shards": [
          {
            "first": "actionable",
            "file": "terms-2018-01-1.c9f7b90cfa69.json"
          }
        ],
        "dictionary": [
          {
            "shortest": 2,
            "longest": 12,
            "file": "dictionary-2018-01-2-12.391644b52440.json"
          }
        ]
      }
    ],
    "documents": {
      "chunk": 64,
      "files": [
        "documents-1.486de2c591ef.json"
      ]
    },
    "facets": {
      "chunk": 16384,
      "files": [
        "facets-1.f8d37a07a6ac.json"
      ]
    }
  },
  files: [
    { name: "documents-1.486de2c591ef.json", bytes: 1441 },
    { name: "facets-1.f8d37a07a6ac.json", bytes: 314 },
    { name: "dictionary-2018-01-2-12.391644b52440.json", bytes: 596 },
    { name: "terms-2018-01-1.c9f7b90cfa69.json", bytes: 1589 },
    { name: "dictionary-2017-09-2017-11-1-53.5894e3a85d43.json", bytes: 2220 },
    { name: "dictionary-2017-09-2017-11-1-53-2.905d3447c0a9.json", bytes: 546 },
    { name: "terms-2017-09-2017-11-1.0d27cbea59e8.json", bytes: 2235 },
    { name: "terms-2017-09-2017-11-2.cfd8681606bf.json", bytes: 2229 },
    { name: "terms-2017-09-2017-11-3.7f63b1844921.json", bytes: 2241 },
    { name: "terms-2017-09-2017-11-4.2201d7d41686.json", bytes: 2242 },
    { name: "terms-2017-09-2017-11-5.cec5862f6ec7.json", bytes: 938 },
    { name: "month-2018-01.0f9697fcc212.json", bytes: 906 },
    { name: "month-2017-11.f5b9aa08a336.json", bytes: 2456 },
    { name: "month-2017-11-2.cefa4d874a09.json", bytes: 1525 },
    { name: "month-2017-10.3bd6fa0290ea.json", bytes: 1021 },
    { name: "month-2017-09.6646faf3002b.json", bytes: 1452 },
    { name: "list-2018-01-1.2a39638e26c8.json", bytes: 507 },
    { name: "list-2017-11-1.e19756cc5d94.json", bytes: 2123 },
    { name: "slugs-2017-11-1.7e3d99515110.json", bytes: 275 },
    { name: "list-2017-10-1.dd20f318ddb2.json", bytes: 517 },
    { name: "list-2017-09-1.1b1af7922a7e.json", bytes: 734 },
  ],
};

/** The fixture's data files (month, listing and slug files) by name, as a reader gets them, recording which were asked for. */
export function recordingLoader(): { files: ArchiveFiles; loaded: string[] } {
  const loaded: string[] = [];
  const from =
    <T,>(table: Record<string, T>) =>
    async (file: string): Promise<T> => {
      loaded.push(file);
      const data = table[file];
      if (!data) throw new Error(`fixture: no data file ${file}`);
      return data;
    };
  return { loaded, files: { month: from(monthFiles), listing: from(listingFiles), slugs: from(slugFiles) } };
}
