import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ARCHIVE_FORMAT, type ArchiveMetaFile, type ArchiveMonthFile } from '../../core/format';
import { monthKey } from '../../core/monthKey';
import { slugify } from '../../core/slugify';
import type { Article, Label, MonthKey, Source } from '../../core/types';
import { assertValidArchive, validateArchiveMeta, validateArchiveMonth } from '../../core/validateArchive';
import { type LoadedArchive, readArchive } from '../archive/readArchive';
import { writeArchiveFiles } from '../archive/writeArchive';
import { htmlToText } from '../bundle/htmlToText';
import { DuplicateFinder } from '../dedupe/DuplicateFinder';
import { articleId, canonicalUrl, cleanName, cleanText, isIsoDate, labelName, summarise } from './normalise';
import { createTaxonomyResolver } from '../sources/readMarkdown';
import type { FieldMapping } from '../sources/readJsonRecords';
import { expandSourcePaths, readSourceFile, type SourceFormat } from './readSourceFile';
import { type SourceArticle, SourceError, type SourceOverrides } from './SourceArticle';

export interface ImportOptions {
  archiveDir: string;
  /** Source files, or directories to read every source file below. */
  files: string[];
  /** Force a format instead of detecting it from content. */
  format?: SourceFormat;
  /** Applied to every file of this import (e.g. `--date` for a single page). */
  overrides?: SourceOverrides;
  /** A JSON file mapping source file names to {@link SourceOverrides}. */
  metaFile?: string;
  /** Field mapping for JSON and JSON Lines records. */
  mapping?: FieldMapping;
  /** Check and report, but write nothing. */
  dryRun?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface ImportReport {
  /** New articles added to the archive. */
  imported: { id: string; title: string; month: MonthKey; files: string[] }[];
  /** Sources merged into an article already in the archive or earlier in this import. */
  merged: { file: string; into: string; title: string; how: 'same URL' | 'near duplicate'; similarity: number }[];
  /** Sources already in the archive exactly as they are: nothing to do. */
  unchanged: { file: string; id: string }[];
  /** Sources that could not be imported, with the reason. */
  failed: { file: string; reason: string }[];
  /** Records deliberately left out (a WordPress page or draft, an empty feed item), with the reason. */
  skipped: { file: string; reason: string }[];
  /** Archive files written (relative to the archive), empty on a dry run or when nothing changed. */
  written: string[];
  /** Article counts per month and per category (display name) of the archive after the import. */
  byMonth: Record<MonthKey, number>;
  byCategory: Record<string, number>;
  articleCount: number;
}

/** A working article: the archive's article plus what this import learned. */
interface Draft {
  article: Omit<Article, 'date' | 'id' | 'slug'> & { date: string | null; id: string | null; slug: string | null };
  files: string[];
  isNew: boolean;
  changed: boolean;
  text: string;
}

function sourceKey(s: Source): string {
  return s.url ? `url:${canonicalUrl(s.url)}` : s.outlet ? `outlet:${s.outlet.toLowerCase()}` : 'unknown';
}

async function readMetaFile(metaFile: string): Promise<Record<string, SourceOverrides>> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(metaFile, 'utf8'));
  } catch (err) {
    throw new SourceError(path.basename(metaFile), `cannot read the --meta file: ${(err as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new SourceError(path.basename(metaFile), 'the --meta file must map source file names to { date, url, outlet, … }');
  }
  const allowed = new Set(['title', 'date', 'outlet', 'url', 'author', 'category', '$comment']);
  for (const [name, entry] of Object.entries(data)) {
    if (name === '$comment') continue;
    if (typeof entry !== 'object' || entry === null) throw new SourceError(path.basename(metaFile), `${name}: must be an object`);
    for (const [key, value] of Object.entries(entry)) {
      if (!allowed.has(key)) throw new SourceError(path.basename(metaFile), `${name}: unknown field "${key}" (allowed: ${[...allowed].filter((k) => k !== '$comment').join(', ')})`);
      if (typeof value !== 'string') throw new SourceError(path.basename(metaFile), `${name}.${key}: must be a string`);
    }
  }
  return data as Record<string, SourceOverrides>;
}

function applyOverrides(source: SourceArticle, overrides: SourceOverrides | undefined): SourceArticle {
  if (!overrides) return source;
  const out = { ...source };
  if (overrides.title) out.title = overrides.title;
  if (overrides.date) {
    if (!isIsoDate(overrides.date)) throw new SourceError(source.file, `the date given for it, "${overrides.date}", is not an ISO 8601 date (YYYY-MM-DD)`);
    out.date = overrides.date;
  }
  if (overrides.outlet) out.outlet = overrides.outlet;
  if (overrides.url) {
    if (!/^https?:\/\/\S+$/.test(overrides.url)) throw new SourceError(source.file, `the URL given for it, "${overrides.url}", is not an http(s) URL`);
    out.url = overrides.url;
  }
  if (overrides.author) out.author = overrides.author;
  if (overrides.category) out.category = overrides.category;
  return out;
}

function ensureLabel(labels: Label[], shown: string): string {
  const name = labelName(shown);
  const slug = slugify(name);
  if (!labels.some((l) => l.slug === slug)) labels.push({ slug, name });
  return slug;
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

function byNewest(a: Article, b: Article): number {
  return b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
}

/**
 * Imports source files into the archive: reads and extracts each file, normalises it, merges
 * exact and near duplicates (within the import and against the archive), validates the result
 * and writes the changed archive files atomically. A file that fails is reported with its reason
 * while the others import; nothing is written unless the whole resulting archive validates.
 */
export async function importSources(options: ImportOptions): Promise<ImportReport> {
  const archive: LoadedArchive = await readArchive(options.archiveDir);
  const meta: ArchiveMetaFile = structuredClone(archive.meta);
  const perFile = options.metaFile ? await readMetaFile(options.metaFile) : {};
  const report: ImportReport = { imported: [], merged: [], unchanged: [], failed: [], skipped: [], written: [], byMonth: {}, byCategory: {}, articleCount: 0 };

  const drafts: Draft[] = [];
  const byUrl = new Map<string, Draft>();
  const finder = new DuplicateFinder<Draft>();
  for (const month of archive.months) {
    for (const article of month.articles) {
      const draft: Draft = { article: structuredClone(article), files: [], isNew: false, changed: false, text: `${article.title}\n${htmlToText(article.body)}` };
      drafts.push(draft);
      for (const s of article.sources) if (s.url) byUrl.set(canonicalUrl(s.url), draft);
      finder.add(draft, draft.text);
    }
  }

  const sources: SourceArticle[] = [];
  const files = await expandSourcePaths(options.files);
  const taxonomy = createTaxonomyResolver();
  for (const [i, file] of files.entries()) {
    options.onProgress?.(i, files.length, file);
    try {
      const name = path.basename(file);
      const notes = perFile[name] ?? perFile[path.relative(process.cwd(), file)];
      const result = await readSourceFile(file, { format: options.format, mapping: options.mapping, taxonomy, url: notes?.url ?? options.overrides?.url });
      for (const source of result.articles) {
        // A record that cannot take the librarian's notes (a bad date given for it) fails alone.
        try {
          sources.push(applyOverrides(applyOverrides(source, options.overrides), notes));
        } catch (err) {
          if (!(err instanceof SourceError)) throw err;
          report.failed.push({ file: source.record ? `${err.file} ${source.record}` : err.file, reason: err.reason });
        }
      }
      for (const s of result.skipped) report.skipped.push({ file: name, reason: s.reason.startsWith(s.record) ? s.reason : `${s.record}: ${s.reason}` });
    } catch (err) {
      if (!(err instanceof SourceError)) throw err;
      report.failed.push({ file: err.file, reason: err.reason });
    }
  }
  options.onProgress?.(files.length, files.length, '');

  for (const source of sources) {
    const label = source.record ? `${source.file} ${source.record}` : source.file;
    const newSource: Source = { outlet: source.outlet ? cleanName(source.outlet) : null, url: source.url };
    const text = `${source.title}\n${source.bodyText}`;
    const sameUrl = source.url ? byUrl.get(canonicalUrl(source.url)) : undefined;
    const near = sameUrl ? undefined : finder.find(text);
    const target = sameUrl ?? near?.key;
    if (target) {
      const a = target.article;
      let changed = false;
      if (!a.sources.some((s) => sourceKey(s) === sourceKey(newSource))) {
        a.sources.push(newSource);
        changed = true;
      }
      // A duplicate may know what the first copy did not: fill gaps, never overwrite.
      if (!a.date && source.date) (a.date = source.date), (changed = true);
      if (!a.author && source.author) (a.author = cleanName(source.author)), (changed = true);
      if (!a.category && source.category) (a.category = ensureLabel(meta.categories, source.category)), (changed = true);
      target.files.push(label);
      if (source.url) byUrl.set(canonicalUrl(source.url), target);
      if (changed) target.changed = true;
      if (changed || target.isNew) {
        report.merged.push({ file: label, into: a.id ?? '(new)', title: a.title, how: sameUrl ? 'same URL' : 'near duplicate', similarity: near?.similarity ?? 1 });
      } else report.unchanged.push({ file: label, id: a.id ?? '' });
      continue;
    }
    const draft: Draft = {
      article: {
        id: null,
        slug: null,
        title: cleanText(source.title),
        date: source.date,
        sources: [newSource],
        author: source.author ? cleanName(source.author) : null,
        category: source.category ? ensureLabel(meta.categories, source.category) : null,
        tags: source.tags.map((t) => ensureLabel(meta.tags, t)),
        summary: source.summary ? cleanText(source.summary) : summarise(source.bodyText),
        body: source.bodyHtml,
      },
      files: [label],
      isNew: true,
      changed: true,
      text,
    };
    drafts.push(draft);
    if (source.url) byUrl.set(canonicalUrl(source.url), draft);
    finder.add(draft, text);
  }

  // New articles need a date (from the page, a duplicate, or the librarian) before they get an id.
  const months = new Map<MonthKey, Article[]>();
  for (const draft of drafts) {
    const a = draft.article;
    if (!a.date) {
      for (const file of draft.files) {
        report.failed.push({ file, reason: 'no publication date found (pass --date YYYY-MM-DD, or give "date" for this file in the --meta file)' });
      }
      report.merged = report.merged.filter((m) => !draft.files.includes(m.file));
      continue;
    }
    if (!a.id) {
      // Identity comes from the smallest URL of the group, so the order of files never matters.
      const urls = a.sources.map((s) => s.url).filter((u): u is string => !!u).map(canonicalUrl).sort();
      a.id = articleId(urls[0] ?? null, a.title, a.date);
      // Sources that name their outlet come first; the first is shown as the primary one.
      a.sources.sort((x, y) => Number(!x.outlet && !x.url) - Number(!y.outlet && !y.url));
    }
    const month = monthKey(a.date);
    const list = months.get(month) ?? [];
    list.push(a as Article);
    months.set(month, list);
  }

  // Slugs: unique within a month; existing articles keep theirs.
  for (const list of months.values()) {
    const taken = new Set(list.filter((a) => a.slug).map((a) => a.slug));
    for (const a of list) {
      if (a.slug) continue;
      const base = slugify(a.title) || a.id;
      let slug = base;
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
      taken.add(slug);
      a.slug = slug;
    }
  }

  for (const draft of drafts) {
    if (draft.isNew && draft.article.id && draft.article.date) {
      report.imported.push({ id: draft.article.id, title: draft.article.title, month: monthKey(draft.article.date), files: draft.files });
      for (const m of report.merged) if (draft.files.includes(m.file)) m.into = draft.article.id;
    }
  }

  const changedMonths = new Set<MonthKey>();
  for (const draft of drafts) if (draft.changed && draft.article.date) changedMonths.add(monthKey(draft.article.date));
  const monthFiles: ArchiveMonthFile[] = [...changedMonths].sort().map((month) => ({
    format: ARCHIVE_FORMAT,
    month,
    articles: [...(months.get(month) ?? [])].sort(byNewest),
  }));
  meta.categories.sort((a, b) => a.slug.localeCompare(b.slug));
  meta.tags.sort((a, b) => a.slug.localeCompare(b.slug));
  const metaChanged = JSON.stringify(meta) !== JSON.stringify(archive.meta);

  // Validate everything that will be written against the new metadata before touching disk.
  const problems = validateArchiveMeta('archive.json', meta);
  const knownIds = new Map<string, string>();
  for (const [month, list] of [...months].sort()) {
    problems.push(...validateArchiveMonth(`articles/${month}.json`, { format: ARCHIVE_FORMAT, month, articles: list }, meta, knownIds));
  }
  assertValidArchive(problems);

  const all = [...months.values()].flat();
  report.articleCount = all.length;
  report.byMonth = countBy(all, (a) => monthKey(a.date));
  const categoryNames = new Map(meta.categories.map((c) => [c.slug, c.name]));
  report.byCategory = countBy(all, (a) => (a.category ? (categoryNames.get(a.category) ?? a.category) : 'Uncategorised'));
  if (!options.dryRun && (monthFiles.length > 0 || metaChanged)) {
    report.written = await writeArchiveFiles(options.archiveDir, { meta: metaChanged ? meta : undefined, months: monthFiles });
  }
  return report;
}
