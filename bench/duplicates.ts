/**
 * `npx tsx bench/duplicates.ts`: which records of the shared corpora the near-duplicate check
 * would merge, at candidate text-similarity thresholds, with and without the title check, and the
 * precision of the chosen rule on pairs a person labelled by reading them.
 *
 * Every record of the seeds, DigitalGov Markdown, the HuffPost JSON Lines, the WordPress export
 * and the feeds is read as the importer reads it; each pair of records (from any corpus) whose
 * texts (title + body, 4-word shingles) overlap at least MIN_SIMILARITY is printed with both
 * titles, addresses and dates, and with the label given below when there is one. LSH proposes the
 * candidates, so pairs just above MIN_SIMILARITY may be missed (about 1 in 8 at 0.5, none above
 * 0.7); pairs at the thresholds that matter are all found.
 *
 * Options: --all prints every pair (default: those at or above 0.6, and every labelled one).
 *
 * Measured 2026-12-02 on 13,509 records (5 seeds, 2,081 DigitalGov, 9,999 HuffPost, 55 WordPress,
 * 1,369 feed items): 85 pairs at ≥ 0.5, every one labelled (13 by reading both records, the other
 * 72 identical same-address pairs by rule). At the chosen 0.8 with the title and date checks, 78
 * pairs merge, all 78 labelled the same article: precision 78/78 (100 %), recall 78/80 of the
 * labelled same-article pairs (missed: a DigitalGov post rewritten and retitled a week later, 76 %
 * alike; one re-filed with "again" added to its title, 74 %). At 0.7 both would merge with no
 * false merge either, but at 0.6 two theme test posts (61 %, titles agreeing) already merge, and
 * these corpora hold few hard negatives: 0.8 keeps a margin, since a false merge loses an
 * article while a missed one only leaves a duplicate for `librarian remove`. On these corpora the title check changes nothing at 0.8: it is there for
 * template-built posts like the 85 %-alike pair in src/librarian/import/testing/boilerplate-posts.jsonl
 * (issue #10: two posts with different addresses, titles and years merged as 89 % similar).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DuplicateFinder, fingerprint, NEAR_DUPLICATE_THRESHOLD } from '../src/librarian/dedupe/DuplicateFinder';
import { sameArticle } from '../src/librarian/dedupe/sameArticle';
import { TITLE_AGREEMENT, titleSimilarity } from '../src/librarian/dedupe/titlesAgree';
import { slugify } from '../src/core/slugify';
import { canonicalUrl } from '../src/librarian/import/normalise';
import { expandSourcePaths, readSourceFile } from '../src/librarian/import/readSourceFile';
import { createMarkdownContext } from '../src/librarian/sources/readMarkdown';
import { HUFFPOST_MAPPING } from '../src/librarian/sources/readJsonRecords';
import { CORPORA_DIR, SEEDS_DIR } from '../src/librarian/testing/tempArchive';

const MIN_SIMILARITY = 0.5;
const THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95];
const ALL = process.argv.includes('--all');

const CORPORA: { name: string; paths: string[]; json?: boolean }[] = [
  { name: 'seeds', paths: [SEEDS_DIR] },
  { name: 'digitalgov', paths: [path.join(CORPORA_DIR, 'digitalgov-news/content/news')] },
  { name: 'huffpost', paths: [path.join(CORPORA_DIR, 'huffpost-news-category/News_Category_Dataset_v3.newest9999.jsonl')], json: true },
  { name: 'wordpress', paths: [path.join(CORPORA_DIR, 'wordpress-wxr/themeunittestdata.wordpress.xml')] },
  { name: 'feeds', paths: [path.join(CORPORA_DIR, 'feeds/rss-parser-inputs')] },
];

/**
 * Pairs labelled by reading both records in full (true: the same article; false: two articles).
 * Keys are the two records' names as printed, in the order printed. Not listed here: the 69
 * pairs of identical records (same address, same title, 100% text) that two copies of one feed
 * (rss-1.rss and xml2js-options.rss) hold, and the other identical same-address pairs of the
 * feeds; they are labelled the same article by {@link identical}.
 */
const LABELS: Record<string, boolean> = {
  // The same article on two sites (../shared/seeds README), the second page naming no outlet.
  'seeds/000_35cf49cea3c99045.txt ⇄ seeds/001_ed09494754fb5c4b.txt': true,
  // The dataset lists one AP story twice, under two addresses.
  'huffpost/News_Category_Dataset_v3.newest9999.jsonl line 5226 ⇄ huffpost/News_Category_Dataset_v3.newest9999.jsonl line 5227': true,
  // One post filed twice the same day, once with "Spotlight Chat:" before its title; same body.
  'digitalgov/2021-09-02-planning-a-federal-prize-competition.md ⇄ digitalgov/2021-09-02-spotlight-chat-planning-a-federal-prize-competition.md': true,
  // One listing posted twice, 8 seconds apart, at two addresses.
  'feeds/craigslist.rss item 17 ⇄ feeds/craigslist.rss item 20': true,
  // The 2018-09 post re-filed in 2018-10 for the same 18F address; the second adds "again" and an edit.
  'digitalgov/2018-09-20-another-example.md ⇄ digitalgov/2018-10-18-yet-another-example.md': true,
  // A cross-post of one 18F article, filed twice.
  'digitalgov/2022-05-19-finding-post-award-balance-with-quality-assurance.md ⇄ digitalgov/2022-07-14-finding-post-award-balance-with-quality-assurance.md': true,
  'digitalgov/2024-07-10-18f-engineering-craft-practices-at-10.md ⇄ digitalgov/2024-07-10-engineering-craft-practices-at-10.md': true,
  // The second is the first rewritten and retitled a week later (its aliases name the first's address).
  'digitalgov/2021-08-24-collaboration-usability-and-trust-lessons-learned-from-a-bureau-wide-usability-group.md ⇄ digitalgov/2021-09-01-building-a-bureau-wide-usability-collaboration-group-lessons-learned-from-the-u-s-geological-survey.md': true,
  // The yearly scholarship notice, 2016 and 2017: two articles with one title.
  'feeds/many-links.rss item 7 ⇄ feeds/many-links.rss item 25': false,
  // Two theme test posts about images.
  'wordpress/themeunittestdata.wordpress.xml item 168 ⇄ wordpress/themeunittestdata.wordpress.xml item 183': false,
  'wordpress/themeunittestdata.wordpress.xml item 145 ⇄ wordpress/themeunittestdata.wordpress.xml item 146': false,
  // Two podcast episodes linking to the show's home page.
  'feeds/itunes-missing-image.rss item 17 ⇄ feeds/itunes-missing-image.rss item 18': false,
  // Two weekly "what to watch" lists.
  'huffpost/News_Category_Dataset_v3.newest9999.jsonl line 8682 ⇄ huffpost/News_Category_Dataset_v3.newest9999.jsonl line 9027': false,
};

interface Item {
  name: string;
  title: string;
  url: string | null;
  date: string | null;
  text: string;
}

interface Pair {
  a: Item;
  b: Item;
  similarity: number;
  titles: number;
  sameUrl: boolean;
}

function urlKey(url: string | null): string | null {
  try {
    return url ? canonicalUrl(url) : null;
  } catch {
    return url;
  }
}

async function readCorpus(corpus: (typeof CORPORA)[number]): Promise<Item[]> {
  const items: Item[] = [];
  const markdown = createMarkdownContext();
  for (const file of await expandSourcePaths(corpus.paths)) {
    try {
      const result = await readSourceFile(file, { markdown, mapping: corpus.json ? HUFFPOST_MAPPING : undefined });
      for (const a of result.articles) {
        const name = `${corpus.name}/${path.basename(a.file)}${a.record && a.record !== path.basename(a.file) ? ` ${a.record}` : ''}`;
        items.push({ name, title: a.title, url: a.url, date: a.date, text: `${a.title}\n${a.bodyText}` });
      }
    } catch {
      // A file the importer refuses has no record to compare.
    }
  }
  return items;
}

function percent(n: number, of: number): string {
  return of === 0 ? '–' : `${((100 * n) / of).toFixed(0)}%`;
}

const missing = CORPORA.flatMap((c) => c.paths).filter((p) => !existsSync(p));
if (missing.length > 0) {
  console.error(`bench/duplicates: corpora missing (${missing.join(', ')}); see ../shared/corpora/README.md`);
  process.exit(1);
}

const items: Item[] = [];
for (const corpus of CORPORA) {
  const read = await readCorpus(corpus);
  console.error(`read ${corpus.name}: ${read.length} records`);
  items.push(...read);
}

const finder = new DuplicateFinder<Item>();
const pairs: Pair[] = [];
for (const item of items) {
  const print = fingerprint(item.text);
  for (const { key, similarity } of finder.findAll(print, MIN_SIMILARITY)) {
    const [ua, ub] = [urlKey(key.url), urlKey(item.url)];
    pairs.push({ a: key, b: item, similarity, titles: titleSimilarity(key.title, item.title), sameUrl: ua !== null && ua === ub });
  }
  finder.add(item, print);
}
pairs.sort((p, q) => q.similarity - p.similarity);

/** Two records with one address, one title and the same text: the same article, without reading. */
const identical = (p: Pair) => p.sameUrl && p.a.title === p.b.title && p.similarity === 1;
const label = (p: Pair): boolean | undefined => LABELS[`${p.a.name} ⇄ ${p.b.name}`] ?? (identical(p) ? true : undefined);
/** As the importer decides: one address and one title (as slugs), else {@link sameArticle} at the threshold. */
const merges = (p: Pair, threshold: number, withTitles: boolean) =>
  (p.sameUrl && slugify(p.a.title, 200) === slugify(p.b.title, 200)) ||
  (withTitles ? sameArticle(p.a, p.b, p.similarity, threshold) : p.similarity >= threshold);

console.log(`Duplicates among ${items.length} records of the shared corpora: ${pairs.length} pairs with text similarity ≥ ${MIN_SIMILARITY}\n`);
for (const p of pairs) {
  if (!ALL && p.similarity < 0.6 && label(p) === undefined) continue;
  const l = label(p);
  console.log(
    `${(p.similarity * 100).toFixed(0).padStart(3)}% text, ${(p.titles * 100).toFixed(0).padStart(3)}% title${p.sameUrl ? ', same URL' : ''}  ` +
      `[${l === undefined ? 'unlabelled' : l ? 'same article' : 'different articles'}]`,
  );
  for (const item of [p.a, p.b]) console.log(`    ${item.name}  ${item.date ?? 'no date'}  ${item.url ?? 'no URL'}\n      "${item.title}"`);
}

console.log(`\nPairs merged at each text threshold (one address and one title always merge; the title check (sameArticle) needs ${TITLE_AGREEMENT * 100}% of the shorter title's trigrams, the same numbers, dates within a year):`);
console.log('threshold  text only  + titles  labelled same/different among merged (+ titles)  precision  recall (labelled same)');
const allSame = pairs.filter((p) => label(p) === true).length;
for (const t of THRESHOLDS) {
  const textOnly = pairs.filter((p) => merges(p, t, false));
  const withTitles = pairs.filter((p) => merges(p, t, true));
  const same = withTitles.filter((p) => label(p) === true).length;
  const different = withTitles.filter((p) => label(p) === false).length;
  console.log(
    `${t.toFixed(2).padStart(9)}  ${String(textOnly.length).padStart(9)}  ${String(withTitles.length).padStart(8)}  ` +
      `${`${same}/${different}`.padStart(10)} (${withTitles.length - same - different} unlabelled)${' '.repeat(20)}${percent(same, same + different).padStart(9)}  ${percent(same, allSame)}` +
      `${t === NEAR_DUPLICATE_THRESHOLD ? '   ← chosen' : ''}`,
  );
}
const missed = pairs.filter((p) => label(p) === true && !merges(p, NEAR_DUPLICATE_THRESHOLD, true));
console.log(`\nLabelled same-article pairs the chosen rule does not merge: ${missed.length}`);
for (const p of missed) console.log(`    ${p.a.name} ⇄ ${p.b.name}`);
