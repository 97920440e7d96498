/**
 * What the reader asks of the bundle, as plain functions over a manifest and the reads of its
 * data files: no fetch, no Solid, so that tests run them on small fixtures. `archiveData.ts` binds
 * them to the real loader and the router's query cache. Lists read the months' listing files
 * (pages of 100 articles without bodies); only an article page reads a month data file.
 */
import {
  LISTING_FILE_ITEMS,
  slugBucket,
  type BundleCategory,
  type BundleListingFile,
  type BundleListingItem,
  type BundleManifest,
  type BundleMonthFile,
  type BundleSlugFile,
} from '../../core/format';
import type { StoredFields } from '../../core/searchOptions';
import type { Article, Label, MonthKey } from '../../core/types';
import { parseMonthKey } from '../../core/monthKey';

/** The bundle's data files by name, each read (and memoised) by the caller's loader. */
export interface ArchiveFiles {
  month(file: string): Promise<BundleMonthFile>;
  listing(file: string): Promise<BundleListingFile>;
  slugs(file: string): Promise<BundleSlugFile>;
}

/** Articles without a category are listed under this label (`manifest.uncategorised`). */
export const UNCATEGORISED: Label = { slug: 'uncategorised', name: 'Uncategorised' };

/** An article as lists show it: no body. */
export interface ArticleListItem {
  id: string;
  title: string;
  date: string;
  slug: string;
  summary: string;
  /** Named outlets, in source order, without repeats. */
  outlets: string[];
  category: Label | null;
}

export interface MonthCount {
  month: MonthKey;
  count: number;
}

export interface YearGroup {
  year: number;
  count: number;
  /** Newest first. */
  months: MonthCount[];
}

/** A category or tag as lists of them show it: its label and how many articles it holds. */
export interface LabelSummary extends Label {
  count: number;
}

/**
 * Which articles a listing holds: those of a category (`null`: those with no category), or those
 * carrying a tag. Data rather than a predicate, so that tests compare listings with `toEqual`.
 */
export type ListingMatch = { category: string | null } | { tag: string };

/** A category, the uncategorised bucket or a tag, with the months that hold its articles, newest first. */
export interface LabelListing {
  label: Label;
  count: number;
  months: MonthCount[];
  match: ListingMatch;
}

/** Groups the manifest's months by year, newest year and month first. */
export function groupMonthsByYear(months: readonly MonthCount[]): YearGroup[] {
  const years = new Map<number, YearGroup>();
  for (const { month, count } of [...months].sort((a, b) => b.month.localeCompare(a.month))) {
    const { year } = parseMonthKey(month);
    let group = years.get(year);
    if (!group) years.set(year, (group = { year, count: 0, months: [] }));
    group.count += count;
    group.months.push({ month, count });
  }
  return [...years.values()];
}

/** A year of the archive: its articles by month (January first, months with articles only) and its neighbours. */
export interface YearSummary extends YearGroup {
  /** The nearest years after and before it that hold articles. */
  newer?: number;
  older?: number;
}

/** The year's months and counts, or undefined when the archive holds no article of that year. */
export function yearSummary(manifest: BundleManifest, year: number): YearSummary | undefined {
  const years = groupMonthsByYear(manifest.months.filter((m) => m.count > 0));
  const index = years.findIndex((y) => y.year === year);
  if (index < 0) return undefined;
  const group = years[index]!;
  return { ...group, months: [...group.months].reverse(), newer: years[index - 1]?.year, older: years[index + 1]?.year };
}

/** A year on the archive page: its count, and its months unless the page has shown enough months already. */
export interface ArchiveYear {
  year: number;
  count: number;
  monthCount: number;
  /** Newest first; undefined for the years past the page's budget of months (their year page lists them). */
  months?: MonthCount[];
}

/**
 * Every year, newest first, with the months of the newest years inline as long as they add up to
 * at most `monthBudget` (so that a century of monthly news still makes a short page), the others
 * with their counts and a link to their year page.
 */
export function archiveYears(months: readonly MonthCount[], monthBudget: number): ArchiveYear[] {
  let shown = 0;
  let open = true;
  return groupMonthsByYear(months.filter((m) => m.count > 0)).map((y) => {
    open &&= shown + y.months.length <= monthBudget;
    if (open) shown += y.months.length;
    return { year: y.year, count: y.count, monthCount: y.months.length, ...(open && { months: y.months }) };
  });
}

/** The nearest months before and after `month` that hold articles. */
export function adjacentMonths(manifest: BundleManifest, month: MonthKey): { newer?: MonthKey; older?: MonthKey } {
  const withArticles = manifest.months.filter((m) => m.count > 0).map((m) => m.month);
  return {
    newer: withArticles.filter((m) => m > month).sort().at(0),
    older: withArticles.filter((m) => m < month).sort().at(-1),
  };
}

/** The categories with articles, in manifest order, then "Uncategorised" when some articles have none. */
export function listCategories(manifest: BundleManifest): LabelSummary[] {
  const list = manifest.categories.filter((c) => c.count > 0).map(toSummary);
  if (manifest.uncategorised.count > 0 && !list.some((c) => c.slug === UNCATEGORISED.slug)) {
    list.push({ ...UNCATEGORISED, count: manifest.uncategorised.count });
  }
  return list;
}

/** The tags articles carry, in manifest order (by name). */
export function listTags(manifest: BundleManifest): LabelSummary[] {
  return manifest.tags.filter((t) => t.count > 0).map(toSummary);
}

/** The `limit` labels with the most articles (ties by manifest order), in manifest order (by name). */
export function mostUsed(labels: readonly LabelSummary[], limit: number): LabelSummary[] {
  if (labels.length <= limit) return [...labels];
  const kept = new Set(
    labels
      .map((label, i) => ({ label, i }))
      .sort((a, b) => b.label.count - a.label.count || a.i - b.i)
      .slice(0, limit)
      .map((x) => x.label),
  );
  return labels.filter((label) => kept.has(label));
}

function toSummary(label: BundleCategory): LabelSummary {
  return { slug: label.slug, name: label.name, count: label.count };
}

function toListing(label: BundleCategory, match: ListingMatch): LabelListing {
  return { label: { slug: label.slug, name: label.name }, count: label.count, months: label.months, match };
}

/** The listing of a category slug, "uncategorised" included, or undefined when there is none. */
export function findCategory(manifest: BundleManifest, slug: string): LabelListing | undefined {
  const category = manifest.categories.find((c) => c.slug === slug);
  if (category) return toListing(category, { category: category.slug });
  if (slug === UNCATEGORISED.slug && manifest.uncategorised.count > 0) {
    return { label: UNCATEGORISED, count: manifest.uncategorised.count, months: manifest.uncategorised.months, match: { category: null } };
  }
  return undefined;
}

/** The listing of a tag slug, or undefined when no article carries it. */
export function findTag(manifest: BundleManifest, slug: string): LabelListing | undefined {
  const tag = manifest.tags.find((t) => t.slug === slug);
  return tag ? toListing(tag, { tag: tag.slug }) : undefined;
}

/** Whether an article (or its listing entry) belongs to a listing. */
export function matchesListing(match: ListingMatch, article: Pick<Article, 'category' | 'tags'>): boolean {
  return 'tag' in match ? article.tags.includes(match.tag) : article.category === match.category;
}

/** The label of a category slug; "Uncategorised" for none, the slug itself if undeclared. */
export function categoryLabel(manifest: BundleManifest, slug: string | null): Label {
  if (slug === null) return UNCATEGORISED;
  const category = manifest.categories.find((c) => c.slug === slug);
  return { slug, name: category?.name ?? slug };
}

/** The labels of an article's tag slugs, the slug itself standing in for an undeclared name. */
export function tagLabels(manifest: BundleManifest, slugs: readonly string[]): Label[] {
  return slugs.map((slug) => ({ slug, name: manifest.tags.find((t) => t.slug === slug)?.name ?? slug }));
}

/** A listing entry as lists show it, its category named. */
export function toListItem(manifest: BundleManifest, item: BundleListingItem): ArticleListItem {
  return {
    id: item.id,
    title: item.title,
    date: item.date,
    slug: item.slug,
    summary: item.summary,
    outlets: item.outlets,
    category: item.category === null ? null : categoryLabel(manifest, item.category),
  };
}

/** A search hit as lists show it: the index stores no summary, and outlets joined by " · ". */
export function searchHitToListItem(id: string, fields: StoredFields): ArticleListItem {
  return {
    id,
    title: fields.title,
    date: fields.date,
    slug: fields.slug,
    summary: '',
    outlets: fields.outlets.split(' · ').filter((o) => o.length > 0),
    category: fields.categorySlug ? { slug: fields.categorySlug, name: fields.category || fields.categorySlug } : null,
  };
}

/** The newest months whose counts add up to at least `limit` (all of them if they fall short). */
export function monthsCovering(months: readonly MonthCount[], limit: number): MonthCount[] {
  const covering: MonthCount[] = [];
  let total = 0;
  for (const m of months) {
    if (total >= limit) break;
    if (m.count === 0) continue;
    covering.push(m);
    total += m.count;
  }
  return covering;
}

/**
 * Which items of a listing of `total` one page shows: items `start` (inclusive) to `end`
 * (exclusive), numbered from 0. A page past the last (`page > pageCount`) shows none; an empty
 * listing has one, empty, page.
 */
export interface PageSpan {
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  start: number;
  end: number;
}

/** The span of page `page` (from 1) of `total` items, `pageSize` a page. */
export function pageSpan(total: number, page: number, pageSize: number): PageSpan {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const start = Math.min((page - 1) * pageSize, total);
  return { page, pageCount, pageSize, total, start, end: Math.min(start + pageSize, total) };
}

/** Whether a page exists: page 1 always does, a later one when it holds items. */
export function pageExists(span: PageSpan): boolean {
  return span.page >= 1 && span.page <= span.pageCount;
}

/**
 * Entries `start` to `end` (exclusive) of a month's listing, newest first, or undefined when the
 * bundle has no such month. The month's listing files are pages of `LISTING_FILE_ITEMS`, so a
 * span of one page reads one file (two when it straddles a page boundary), wherever it lies.
 */
export async function monthListingSlice(manifest: BundleManifest, files: ArchiveFiles, month: MonthKey, start: number, end: number): Promise<BundleListingItem[] | undefined> {
  const entry = manifest.months.find((m) => m.month === month);
  if (!entry) return undefined;
  end = Math.min(end, entry.count);
  if (end <= start || entry.pages.length === 0) return [];
  const pages = await Promise.all(entry.pages.slice(Math.floor(start / LISTING_FILE_ITEMS), Math.floor((end - 1) / LISTING_FILE_ITEMS) + 1).map((f) => files.listing(f)));
  const offset = pages[0]!.from;
  return pages.flatMap((p) => p.items).slice(start - offset, end - offset);
}

/** The `limit` newest articles' listing entries, reading only the listing files that hold them. */
export async function latestItems(manifest: BundleManifest, files: ArchiveFiles, limit: number): Promise<BundleListingItem[]> {
  const items: BundleListingItem[] = [];
  for (const { month } of monthsCovering(manifest.months, limit)) {
    items.push(...((await monthListingSlice(manifest, files, month, 0, limit - items.length)) ?? []));
  }
  return items;
}

/**
 * The first `wanted` entries of a month's listing that belong to `match`, reading its listing
 * files in order, one, then two, then four… at a time, until it has them (or has read them all).
 */
async function firstMatches(manifest: BundleManifest, files: ArchiveFiles, month: MonthKey, match: ListingMatch, wanted: number): Promise<BundleListingItem[]> {
  const pages = manifest.months.find((m) => m.month === month)?.pages ?? [];
  const found: BundleListingItem[] = [];
  for (let read = 0, batch = 1; read < pages.length && found.length < wanted; read += batch, batch *= 2) {
    for (const page of await Promise.all(pages.slice(read, read + batch).map((f) => files.listing(f)))) {
      found.push(...page.items.filter((item) => matchesListing(match, item)));
    }
  }
  return found.slice(0, wanted);
}

/**
 * Entries `start` to `end` (exclusive) of a listing (category or tag), newest first. The
 * manifest counts the label's entries by month, so the months before the span are skipped
 * unread, the months holding the span are read in parallel, and in each only as many listing
 * files as hold the entries the span needs from it.
 */
export async function listingItemSlice(manifest: BundleManifest, files: ArchiveFiles, listing: LabelListing, start: number, end: number): Promise<BundleListingItem[]> {
  const spans: { month: MonthKey; from: number; to: number }[] = [];
  let reached = 0;
  for (const m of listing.months) {
    if (reached >= end) break;
    if (m.count === 0) continue;
    if (reached + m.count > start) spans.push({ month: m.month, from: Math.max(start - reached, 0), to: Math.min(end - reached, m.count) });
    reached += m.count;
  }
  const parts = await Promise.all(spans.map(async (s) => (await firstMatches(manifest, files, s.month, listing.match, s.to)).slice(s.from)));
  return parts.flat();
}

/**
 * The article with this slug in this month, or undefined. A month in several data files says in
 * its slug files which one holds the article, so that only that one is read.
 */
export async function findArticle(manifest: BundleManifest, files: ArchiveFiles, month: MonthKey, slug: string): Promise<Article | undefined> {
  const entry = manifest.months.find((m) => m.month === month);
  if (!entry) return undefined;
  let candidates = entry.files;
  if (entry.slugs && entry.slugs.length > 0) {
    const where = (await files.slugs(entry.slugs[slugBucket(slug, entry.slugs.length)]!)).files;
    const file = Object.hasOwn(where, slug) ? entry.files[where[slug]!] : undefined;
    candidates = file === undefined ? [] : [file];
  }
  for (const file of candidates) {
    const article = (await files.month(file)).articles.find((a) => a.slug === slug);
    if (article) return article;
  }
  return undefined;
}
