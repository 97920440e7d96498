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

/** Every article of the given months, newest first, loading their files in parallel. */
async function articlesOfMonths(manifest: BundleManifest, load: LoadMonthFile, months: readonly MonthKey[]): Promise<Article[]> {
  const files = months.flatMap((month) => manifest.months.find((m) => m.month === month)?.files ?? []);
  const loaded = await Promise.all(files.map(load));
  return loaded.flatMap((f) => f.articles);
}

const fileSizes = new WeakMap<BundleManifest, Map<string, number>>();

/** A data file's size in bytes as the manifest lists it (0 when it does not). */
function fileBytes(manifest: BundleManifest, file: string): number {
  let sizes = fileSizes.get(manifest);
  if (!sizes) fileSizes.set(manifest, (sizes = new Map(manifest.files.map((f) => [f.name, f.bytes]))));
  return sizes.get(file) ?? 0;
}

/**
 * Articles `start` to `end` (exclusive) of a month, newest first, or undefined when the bundle has
 * no such month. A large month is split over several files (newest first across them) whose
 * article counts the manifest does not give, so the articles' positions are known only by reading
 * the files before them: this reads from whichever end of the month is nearer (the last page from
 * the oldest file backwards, the month's count telling where it starts), first the files the
 * bytes suggest hold the span, in parallel, then one more at a time until the span is covered.
 * Page 1 of a 10,000-article month reads its first file only.
 */
export async function monthArticleSlice(manifest: BundleManifest, load: LoadMonthFile, month: MonthKey, start: number, end: number): Promise<Article[] | undefined> {
  const entry = manifest.months.find((m) => m.month === month);
  if (!entry) return undefined;
  if (end <= start) return [];
  const fromOldest = entry.count - end < start;
  const files = fromOldest ? [...entry.files].reverse() : entry.files;
  // How many articles, counted from the chosen end, the files read must hold.
  const needed = fromOldest ? entry.count - start : end;
  const sizes = files.map((f) => fileBytes(manifest, f));
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  let guess = files.length;
  if (totalBytes > 0 && entry.count > 0) {
    let bytes = 0;
    guess = sizes.findIndex((size) => (bytes += size) / totalBytes >= needed / entry.count) + 1 || files.length;
  }
  const loaded = await Promise.all(files.slice(0, guess).map(load));
  let held = loaded.reduce((n, f) => n + f.articles.length, 0);
  for (let i = guess; held < needed && i < files.length; i++) {
    const next = await load(files[i]!);
    loaded.push(next);
    held += next.articles.length;
  }
  if (!fromOldest) return loaded.flatMap((f) => f.articles).slice(start, end);
  const oldestLast = loaded.reverse().flatMap((f) => f.articles);
  const offset = entry.count - oldestLast.length;
  return oldestLast.slice(Math.max(0, start - offset), end - offset);
}

/** The `limit` newest articles, reading only the files that hold them. */
export async function latestArticles(manifest: BundleManifest, load: LoadMonthFile, limit: number): Promise<Article[]> {
  const articles: Article[] = [];
  for (const { month } of monthsCovering(manifest.months, limit)) {
    articles.push(...((await monthArticleSlice(manifest, load, month, 0, limit - articles.length)) ?? []));
  }
  return articles;
}

/** A month's articles, newest first, or undefined when the bundle has no such month. */
export async function monthArticles(manifest: BundleManifest, load: LoadMonthFile, month: MonthKey): Promise<Article[] | undefined> {
  if (!manifest.months.some((m) => m.month === month)) return undefined;
  return articlesOfMonths(manifest, load, [month]);
}

/**
 * Articles `start` to `end` (exclusive) of a listing (category or tag), newest first. The
 * manifest counts the label's articles by month, so the months before the span are skipped
 * unread and only the months holding the span are loaded (page 1 of a large listing reads one or
 * two months, page 40 as few).
 */
export async function listingArticleSlice(manifest: BundleManifest, load: LoadMonthFile, listing: LabelListing, start: number, end: number): Promise<Article[]> {
  let skipped = 0;
  let reached = 0;
  const months: MonthKey[] = [];
  for (const m of listing.months) {
    if (reached >= end) break;
    if (m.count === 0) continue;
    if (reached + m.count <= start) skipped += m.count;
    else months.push(m.month);
    reached += m.count;
  }
  const articles = (await articlesOfMonths(manifest, load, months)).filter((a) => matchesListing(listing.match, a));
  return articles.slice(start - skipped, end - skipped);
}

/** The article with this slug in this month, or undefined. */
export async function findArticle(manifest: BundleManifest, load: LoadMonthFile, month: MonthKey, slug: string): Promise<Article | undefined> {
  const articles = await monthArticles(manifest, load, month);
  return articles?.find((a) => a.slug === slug);
}
