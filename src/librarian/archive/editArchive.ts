import { ARCHIVE_FORMAT, type ArchiveMetaFile, type ArchiveMonthFile } from '../../core/format';
import { monthKey } from '../../core/monthKey';
import { slugOrFallback } from '../../core/slugify';
import type { Article, Label, MonthKey } from '../../core/types';
import { assertValidArchive, validateArchiveMeta, validateArchiveMonth } from '../../core/validateArchive';
import { canonicalUrl, cleanName, cleanText, isIsoDate, labelName } from '../import/normalise';
import { type LoadedArchive, readArchive } from './readArchive';
import { writeArchiveFiles } from './writeArchive';

/** Thrown when a reference names no article, or a change is not acceptable. */
export class EditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditError';
  }
}

/**
 * Finds an article by what a librarian has at hand: its id, one of its original URLs, or its
 * place in the reader (`2017/11/slug`, `2017-11/slug`, or the reader's `/articles/2017/11/slug`).
 */
export function findArticle(archive: LoadedArchive, ref: string): Article {
  const all = archive.months.flatMap((m) => m.articles);
  const byId = all.find((a) => a.id === ref);
  if (byId) return byId;
  if (/^https?:\/\//.test(ref)) {
    const url = canonicalUrl(ref);
    const byUrl = all.find((a) => a.sources.some((s) => s.url && canonicalUrl(s.url) === url));
    if (byUrl) return byUrl;
  }
  const place = /^(?:\/?articles\/)?(\d{4})[/-](\d{2})\/([^/]+)\/?$/.exec(ref);
  if (place) {
    const found = all.find((a) => monthKey(a.date) === `${place[1]}-${place[2]}` && a.slug === place[3]);
    if (found) return found;
  }
  throw new EditError(`archive: no article matches "${ref}" (give an id, an original URL, or YYYY/MM/slug)`);
}

/** Validates and writes the given months (and metadata when changed). */
async function commit(archive: LoadedArchive, meta: ArchiveMetaFile, months: Map<MonthKey, Article[]>, touched: Set<MonthKey>): Promise<string[]> {
  const problems = validateArchiveMeta('archive.json', meta);
  const knownIds = new Map<string, string>();
  for (const [month, articles] of [...months].sort()) {
    problems.push(...validateArchiveMonth(`articles/${month}.json`, { format: ARCHIVE_FORMAT, month, articles }, meta, knownIds));
  }
  assertValidArchive(problems);
  const files: ArchiveMonthFile[] = [...touched].sort().map((month) => ({
    format: ARCHIVE_FORMAT,
    month,
    articles: [...(months.get(month) ?? [])].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)),
  }));
  const metaChanged = JSON.stringify(meta) !== JSON.stringify(archive.meta);
  return writeArchiveFiles(archive.dir, { meta: metaChanged ? meta : undefined, months: files });
}

function monthsOf(archive: LoadedArchive): Map<MonthKey, Article[]> {
  return new Map(archive.months.map((m) => [m.month, structuredClone(m.articles)]));
}

/**
 * Removes articles from the archive. Every reference must match, or nothing is removed. A month
 * left empty keeps an empty file, so that the next bundle drops it.
 */
export async function removeArticles(archiveDir: string, refs: string[]): Promise<Article[]> {
  const archive = await readArchive(archiveDir);
  const targets = refs.map((ref) => findArticle(archive, ref));
  const months = monthsOf(archive);
  const touched = new Set<MonthKey>();
  for (const target of targets) {
    const month = monthKey(target.date);
    months.set(month, (months.get(month) ?? []).filter((a) => a.id !== target.id));
    touched.add(month);
  }
  await commit(archive, structuredClone(archive.meta), months, touched);
  return targets;
}

/** What a librarian may correct on an article. Unset fields stay as they are; `null` clears. */
export interface ArticleCorrection {
  title?: string;
  /** ISO 8601; moving an article to another month is allowed. */
  date?: string;
  author?: string | null;
  /** A display name ("Middle East") or a declared slug; null for no category. */
  category?: string | null;
  /** Display names or declared slugs. */
  tags?: string[];
  summary?: string;
  slug?: string;
}

function labelSlug(labels: Label[], shown: string): string {
  const existing = labels.find((l) => l.slug === shown || l.name.toLowerCase() === shown.trim().toLowerCase());
  if (existing) return existing.slug;
  const name = labelName(shown);
  if (name === '') throw new EditError('archive: a category or tag needs a name');
  // As on import: a name with no letter or digit ("___") gets a stable stand-in slug.
  const slug = slugOrFallback(name, 'label');
  if (!labels.some((l) => l.slug === slug)) labels.push({ slug, name });
  return slug;
}

/**
 * Corrects an article's metadata, validates the whole result and writes it atomically. The id
 * never changes; the slug (and so the reader's URL) changes only when asked for.
 */
export async function correctArticle(archiveDir: string, ref: string, correction: ArticleCorrection): Promise<{ before: Article; after: Article }> {
  const archive = await readArchive(archiveDir);
  const before = findArticle(archive, ref);
  const meta = structuredClone(archive.meta);
  const after: Article = structuredClone(before);
  if (correction.title !== undefined) after.title = cleanText(correction.title);
  if (correction.date !== undefined) {
    if (!isIsoDate(correction.date)) throw new EditError(`archive: "${correction.date}" is not an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)`);
    after.date = correction.date;
  }
  if (correction.author !== undefined) after.author = correction.author === null ? null : cleanName(correction.author);
  if (correction.category !== undefined) after.category = correction.category === null ? null : labelSlug(meta.categories, correction.category);
  if (correction.tags !== undefined) after.tags = [...new Set(correction.tags.map((t) => labelSlug(meta.tags, t)))];
  if (correction.summary !== undefined) after.summary = cleanText(correction.summary);
  if (correction.slug !== undefined) after.slug = correction.slug;
  meta.categories.sort((a, b) => a.slug.localeCompare(b.slug));
  meta.tags.sort((a, b) => a.slug.localeCompare(b.slug));

  const months = monthsOf(archive);
  const from = monthKey(before.date);
  const to = monthKey(after.date);
  months.set(from, (months.get(from) ?? []).filter((a) => a.id !== before.id));
  months.set(to, [...(months.get(to) ?? []), after]);
  await commit(archive, meta, months, new Set([from, to]));
  return { before, after };
}
