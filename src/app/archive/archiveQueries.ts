/**
 * What the reader asks of the bundle, as plain functions over a manifest and a month-file
 * loader: no fetch, no Solid, so that tests run them on small fixtures. `archiveData.ts` binds
 * them to the real loader and the router's query cache.
 */
import type { BundleCategory, BundleManifest, BundleMonthFile } from '../../core/format';
import type { StoredFields } from '../../core/searchOptions';
import type { Article, Label, MonthKey } from '../../core/types';
import { parseMonthKey } from '../../core/monthKey';

export type LoadMonthFile = (file: string) => Promise<BundleMonthFile>;

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

/** Whether an article belongs to a listing. */
export function matchesListing(match: ListingMatch, article: Article): boolean {
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

export function toListItem(manifest: BundleManifest, article: Article): ArticleListItem {
  const outlets = article.sources.map((s) => s.outlet).filter((o): o is string => o !== null);
  return {
    id: article.id,
    title: article.title,
    date: article.date,
    slug: article.slug,
    summary: article.summary,
    outlets: [...new Set(outlets)],
    category: article.category === null ? null : categoryLabel(manifest, article.category),
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

/** Every article of the given months, newest first, loading their files in parallel. */
async function articlesOfMonths(manifest: BundleManifest, load: LoadMonthFile, months: readonly MonthKey[]): Promise<Article[]> {
  const files = months.flatMap((month) => manifest.months.find((m) => m.month === month)?.files ?? []);
  const loaded = await Promise.all(files.map(load));
  return loaded.flatMap((f) => f.articles);
}

/** The `limit` newest articles, loading only the newest month files that hold them. */
export async function latestArticles(manifest: BundleManifest, load: LoadMonthFile, limit: number): Promise<Article[]> {
  const months = monthsCovering(manifest.months, limit).map((m) => m.month);
  return (await articlesOfMonths(manifest, load, months)).slice(0, limit);
}

/** A month's articles, newest first, or undefined when the bundle has no such month. */
export async function monthArticles(manifest: BundleManifest, load: LoadMonthFile, month: MonthKey): Promise<Article[] | undefined> {
  if (!manifest.months.some((m) => m.month === month)) return undefined;
  return articlesOfMonths(manifest, load, [month]);
}

/**
 * The first `limit` articles of a listing (category or tag), newest first, loading only the
 * months the manifest says are needed to reach `limit` (so page 1 of a large listing reads one or
 * two month files).
 */
export async function listingArticles(manifest: BundleManifest, load: LoadMonthFile, listing: LabelListing, limit: number): Promise<Article[]> {
  const months = monthsCovering(listing.months, limit).map((m) => m.month);
  const articles = (await articlesOfMonths(manifest, load, months)).filter((a) => matchesListing(listing.match, a));
  return articles.slice(0, limit);
}

/** The article with this slug in this month, or undefined. */
export async function findArticle(manifest: BundleManifest, load: LoadMonthFile, month: MonthKey, slug: string): Promise<Article | undefined> {
  const articles = await monthArticles(manifest, load, month);
  return articles?.find((a) => a.slug === slug);
}
