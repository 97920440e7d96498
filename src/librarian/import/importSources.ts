import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ARCHIVE_FORMAT, type ArchiveMetaFile, type ArchiveMonthFile } from '../../core/format';
import { monthKey } from '../../core/monthKey';
import { slugify, slugOrFallback } from '../../core/slugify';
import type { Article, Label, MonthKey, Source } from '../../core/types';
import { assertValidArchive, validateArchiveMeta, validateArchiveMonth } from '../../core/validateArchive';
import { type LoadedArchive, readArchive } from '../archive/readArchive';
import { writeArchiveFiles } from '../archive/writeArchive';
import { htmlToText } from '../bundle/htmlToText';
import { DuplicateFinder, fingerprint } from '../dedupe/DuplicateFinder';
import { sameArticle } from '../dedupe/sameArticle';
import { paragraphsToHtml } from './paragraphsToHtml';
import { canonicalUrl, cleanName, cleanText, labelName, summarise } from './normalise';
import { importDate } from './importDate';
import { newArticleId } from './newArticleId';
import { createMarkdownContext } from '../sources/readMarkdown';
import type { ShortcodeRules } from '../markdown/shortcodes';
import { type ImageOptions, ImageReport, keepArticleImages } from '../images/keepArticleImages';
import { rewriteArchiveLinks } from './rewriteArchiveLinks';
import type { UrlPattern } from './urlPattern';
import type { FieldMapping } from '../sources/readJsonRecords';
import { expandSourcePaths, readSourceFile, type SourceFormat } from './readSourceFile';
import { type SourceArticle, SourceError, type SourceOverrides, type SourceReadResult } from './SourceArticle';

export interface ImportOptions {
  archiveDir: string;
  /** Source files, or directories to read every source file below. */
  files: string[];
  /** Force a format instead of detecting it from content. */
  format?: SourceFormat;
  /**
   * Applied to every file of this import (e.g. `--date` for a single page). The date only fills in
   * for records that state none, or an implausible one (see {@link importDate}).
   */
  overrides?: SourceOverrides;
  /** A JSON file mapping source file names to {@link SourceOverrides}. */
  metaFile?: string;
  /** Field mapping for JSON and JSON Lines records. */
  mapping?: FieldMapping;
  /**
   * Where the site of Markdown articles published them (`--url-pattern`): the first pattern gives
   * each article its original address; all of them recognise links to archived articles.
   */
  urlPatterns?: UrlPattern[];
  /** The librarian's description of a site's own shortcodes (`--shortcodes FILE`). */
  shortcodes?: ShortcodeRules;
  /** Where articles' images are found (`--images`, `--fetch-images`, `--image-timeout`, `--image-max-bytes`). */
  images?: ImageOptions;
  /** Check and report, but write nothing. */
  dryRun?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface ImportReport {
  /** New articles added to the archive. */
  imported: { id: string; title: string; month: MonthKey; files: string[] }[];
  /** Sources merged into an article already in the archive or earlier in this import. */
  merged: { file: string; into: string; title: string; sourceTitle: string; how: 'same URL' | 'near duplicate'; similarity: number }[];
  /** Sources already in the archive exactly as they are: nothing to do. */
  unchanged: { file: string; id: string }[];
  /**
   * Sources and records refused (a file that cannot be read, a line that is not JSON, a record
   * with no date), each named by file and record with the reason: any of them makes the import
   * a failure (exit 1), though everything else is imported.
   */
  failed: { file: string; reason: string }[];
  /** Records whose stated date was implausible and replaced by the date the librarian gave, with why. */
  datesReplaced: { file: string; date: string; reason: string }[];
  /** Records deliberately left out by design (a WordPress page or draft, an empty feed item): no failure. */
  skipped: { file: string; reason: string }[];
  /** Archive files written (relative to the archive), empty on a dry run or when nothing changed. */
  written: string[];
  /** Shortcodes no rule or convention explains (rendered as their inner content), by name. */
  unknownShortcodes: Record<string, number>;
  /** Cross-references (`ref`, `relref`, `post_url`) to pages the site does not have, as written. */
  unresolvedRefs: Record<string, number>;
  /** Cross-references to pages outside the content imported, linked to the address Hugo gives them. */
  guessedRefs: Record<string, number>;
  /** Images kept for offline reading, and those that could not be, with the reason for each. */
  images: ImageReport;
  /** Links between archived articles rewritten to the reader's addresses, in all articles. */
  linksRewritten: number;
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
  if (overrides.outlet) out.outlet = overrides.outlet;
  if (overrides.url) {
    if (!/^https?:\/\/\S+$/.test(overrides.url)) throw new SourceError(source.file, `the URL given for it, "${overrides.url}", is not an http(s) URL`);
    out.url = overrides.url;
  }
  if (overrides.author) out.author = overrides.author;
  if (overrides.category) out.category = overrides.category;
  return out;
}

/**
 * The slug of a category or tag, declared in `labels` if it is new; null for a label with no
 * name. A name with no letter or digit (`___`) gets a stable stand-in slug rather than refusing
 * the article.
 */
function ensureLabel(labels: Label[], shown: string): string | null {
  const name = labelName(shown);
  if (!name) return null;
  const slug = slugOrFallback(name, 'label');
  if (!labels.some((l) => l.slug === slug)) labels.push({ slug, name });
  return slug;
}

/** Why a file or record failed: a {@link SourceError}'s reason, or what an unexpected error says. */
function failureReason(err: unknown): string {
  if (err instanceof SourceError) return err.reason;
  return `could not be imported (unexpected error: ${err instanceof Error ? err.message : String(err)})`;
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
 * and writes the changed archive files atomically. A file or record that cannot be imported is
 * refused alone, named by file and record with its reason, while the others import; records left
 * out by design (a draft, a page) are reported apart as skipped. Nothing is written unless the
 * whole resulting archive validates.
 */
export async function importSources(options: ImportOptions): Promise<ImportReport> {
  const archive: LoadedArchive = await readArchive(options.archiveDir);
  const meta: ArchiveMetaFile = structuredClone(archive.meta);
  const perFile = options.metaFile ? await readMetaFile(options.metaFile) : {};
  const report: ImportReport = { imported: [], merged: [], unchanged: [], failed: [], datesReplaced: [], skipped: [], written: [], unknownShortcodes: {}, unresolvedRefs: {}, guessedRefs: {}, images: new ImageReport(), linksRewritten: 0, byMonth: {}, byCategory: {}, articleCount: 0 };

  const drafts: Draft[] = [];
  // Several articles may share a URL (feeds that link every item to their home page), so a URL
  // identifies an article only together with its title.
  const byUrl = new Map<string, Draft[]>();
  const rememberUrl = (url: string, draft: Draft) => {
    const key = canonicalUrl(url);
    const list = byUrl.get(key) ?? [];
    if (!list.includes(draft)) list.push(draft);
    byUrl.set(key, list);
  };
  const sameTitle = (a: string, b: string) => slugify(a, 200) === slugify(b, 200);
  const finder = new DuplicateFinder<Draft>();
  for (const month of archive.months) {
    for (const article of month.articles) {
      const draft: Draft = { article: structuredClone(article), files: [], isNew: false, changed: false, text: `${article.title}\n${htmlToText(article.body)}` };
      drafts.push(draft);
      for (const s of article.sources) if (s.url) rememberUrl(s.url, draft);
      finder.add(draft, draft.text);
    }
  }

  const sources: SourceArticle[] = [];
  const files = await expandSourcePaths(options.files);
  const markdown = createMarkdownContext({ urlPatterns: options.urlPatterns, shortcodes: options.shortcodes });
  const notesFor = (file: string) => perFile[path.basename(file)] ?? perFile[path.relative(process.cwd(), file)];
  const read = (file: string) => {
    const reading = readSourceFile(file, { format: options.format, mapping: options.mapping, markdown, url: notesFor(file)?.url ?? options.overrides?.url });
    // Handled when its turn comes; until then, a failure must not count as unhandled.
    reading.catch(() => {});
    return reading;
  };
  // Files are read a few at a time ahead of the one being processed, so disk waits overlap with
  // parsing; results are still taken in order, so the report and ids never depend on timing.
  const AHEAD = 8;
  const pending = files.slice(0, AHEAD).map(read);
  for (const [i, file] of files.entries()) {
    options.onProgress?.(i, files.length, file);
    const next = files[i + AHEAD];
    const current = pending[i]!;
    if (next !== undefined) pending.push(read(next));
    // Settled results are dropped as we go, so memory holds at most AHEAD files.
    pending[i] = undefined as unknown as Promise<SourceReadResult>;
    try {
      const name = path.basename(file);
      const notes = notesFor(file);
      const result = await current;
      for (const source of result.articles) {
        // A record that cannot take the librarian's notes (a bad date given for it) fails alone.
        try {
          const noted = applyOverrides(applyOverrides(source, options.overrides), notes);
          // The file's own note wins over the date given for the whole import.
          const dated = importDate(source, notes?.date || options.overrides?.date || undefined);
          noted.date = dated.date;
          if (dated.replaced && dated.date) report.datesReplaced.push({ file: source.record ? `${name} ${source.record}` : name, date: dated.date, reason: dated.replaced });
          // Its pictures, kept in the archive for offline reading where a copy can be had.
          noted.bodyHtml = await keepArticleImages(noted.bodyHtml, {
            articleUrl: noted.url,
            sourceFile: file,
            archiveDir: options.archiveDir,
            options: { ...options.images, dryRun: options.dryRun },
            report: report.images,
          });
          sources.push(noted);
        } catch (err) {
          // Whatever went wrong with this record (a bad date given for it, a picture that broke
          // the image encoder), it is refused alone and the others go on.
          const file = err instanceof SourceError ? err.file : name;
          report.failed.push({ file: source.record ? `${file} ${source.record}` : file, reason: failureReason(err) });
        }
      }
      // A one-article source (a page, a Markdown file) names its record after the file itself.
      const where = (record: string) => (record === name || record === file || record === '' ? name : `${name} ${record}`);
      for (const s of result.skipped) report.skipped.push({ file: where(s.record), reason: s.reason });
      for (const r of result.refused ?? []) report.failed.push({ file: where(r.record), reason: r.reason });
    } catch (err) {
      report.failed.push({ file: err instanceof SourceError ? err.file : path.basename(file), reason: failureReason(err) });
    }
  }
  options.onProgress?.(files.length, files.length, '');

  for (const source of sources) {
    const label = source.record ? `${source.file} ${source.record}` : source.file;
    if (!cleanText(source.title)) {
      // A post published without a title (WordPress shows "(no title)"): name it by its opening words.
      const opening = summarise(source.summary ?? source.bodyText, 80).replace(/[.…]+$/, '');
      if (!opening) {
        report.failed.push({ file: label, reason: 'no title and no text' });
        continue;
      }
      source.title = `${opening}…`;
    }
    if (!source.bodyHtml.trim()) {
      // A post with nothing but a title (or a gallery that did not survive): its summary, if any, is its text.
      if (!source.summary?.trim()) {
        report.skipped.push({ file: label, reason: 'no article text (a title and a link only)' });
        continue;
      }
      source.bodyHtml = paragraphsToHtml([cleanText(source.summary)]);
      source.bodyText = cleanText(source.summary);
    }
    const newSource: Source = { outlet: source.outlet ? cleanName(source.outlet) : null, url: source.url };
    const otherSources: Source[] = (source.otherUrls ?? []).map((url) => ({ outlet: null, url }));
    const text = `${source.title}\n${source.bodyText}`;
    const print = fingerprint(text);
    const sameUrl = source.url ? byUrl.get(canonicalUrl(source.url))?.find((d) => sameTitle(d.article.title, source.title)) : undefined;
    // Different addresses: one article only when texts, titles and years agree (sameArticle).
    const near = sameUrl ? undefined : finder.findAll(print).find((c) => sameArticle(c.key.article, source, c.similarity));
    const target = sameUrl ?? near?.key;
    if (target) {
      const a = target.article;
      let changed = false;
      for (const added of [newSource, ...otherSources]) {
        if (!a.sources.some((s) => sourceKey(s) === sourceKey(added))) {
          a.sources.push(added);
          changed = true;
        }
      }
      // A duplicate may know what the first copy did not: fill gaps, never overwrite.
      if (!a.date && source.date) (a.date = source.date), (changed = true);
      if (!a.author && source.author) (a.author = cleanName(source.author)), (changed = true);
      const category = !a.category && source.category ? ensureLabel(meta.categories, source.category) : null;
      if (category) (a.category = category), (changed = true);
      target.files.push(label);
      if (source.url) rememberUrl(source.url, target);
      if (changed) target.changed = true;
      if (changed || target.isNew) {
        report.merged.push({ file: label, into: a.id ?? '(new)', title: a.title, sourceTitle: cleanText(source.title), how: sameUrl ? 'same URL' : 'near duplicate', similarity: near?.similarity ?? 1 });
      } else report.unchanged.push({ file: label, id: a.id ?? '' });
      continue;
    }
    const draft: Draft = {
      article: {
        id: null,
        slug: null,
        title: cleanText(source.title),
        date: source.date,
        sources: [newSource, ...otherSources.filter((o) => sourceKey(o) !== sourceKey(newSource))],
        author: source.author ? cleanName(source.author) : null,
        category: source.category ? ensureLabel(meta.categories, source.category) : null,
        tags: [...new Set(source.tags.map((t) => ensureLabel(meta.tags, t)).filter((t): t is string => t !== null))],
        summary: source.summary ? cleanText(source.summary) : summarise(source.bodyText),
        body: source.bodyHtml,
      },
      files: [label],
      isNew: true,
      changed: true,
      text,
    };
    drafts.push(draft);
    if (source.url) rememberUrl(source.url, draft);
    for (const other of otherSources) rememberUrl(other.url!, draft);
    finder.add(draft, print);
  }

  const takenIds = new Set(drafts.map((d) => d.article.id).filter((id): id is string => id !== null));
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
      const urls = a.sources.map((s) => s.url).filter((u): u is string => !!u);
      const id = newArticleId({ urls, title: a.title, date: a.date, text: draft.text, record: draft.files[0] ?? '' }, takenIds);
      if (!id) {
        // Alike in address, title, day, text and origin: nothing tells it apart, so it is refused alone.
        for (const file of draft.files) report.failed.push({ file, reason: 'the same article as another record of this import (same address, title, day and text)' });
        report.merged = report.merged.filter((m) => !draft.files.includes(m.file));
        continue;
      }
      a.id = id;
      takenIds.add(a.id);
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

  // Each new article is checked on its own, so that one bad record fails alone (with the
  // validator's reason) instead of stopping the whole import.
  for (const draft of drafts) {
    const a = draft.article;
    if (!draft.isNew || !a.id || !a.date) continue;
    const problems = validateArchiveMonth(draft.files[0] ?? 'source', { format: ARCHIVE_FORMAT, month: monthKey(a.date), articles: [a] }, meta);
    if (problems.length === 0) continue;
    const reason = problems.map((p) => `${p.field ?? 'article'}: ${p.message}`).join('; ');
    for (const file of draft.files) report.failed.push({ file, reason });
    report.merged = report.merged.filter((m) => !draft.files.includes(m.file));
    const month = months.get(monthKey(a.date))!;
    month.splice(month.indexOf(a as Article), 1);
    a.id = null;
  }

  for (const draft of drafts) {
    if (draft.isNew && draft.article.id && draft.article.date) {
      report.imported.push({ id: draft.article.id, title: draft.article.title, month: monthKey(draft.article.date), files: draft.files });
      for (const m of report.merged) if (draft.files.includes(m.file)) m.into = draft.article.id;
    }
  }

  // Links between archived articles, new and old, point into the archive.
  const draftOf = new Map(drafts.map((d) => [d.article as Article, d]));
  const links = rewriteArchiveLinks([...months.values()].flat(), options.urlPatterns);
  report.linksRewritten = links.links;
  for (const article of links.changed) {
    const draft = draftOf.get(article);
    if (draft) draft.changed = true;
  }
  const sortedCounts = (counts: Map<string, number>) => Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
  report.unknownShortcodes = sortedCounts(markdown.report.unknown);
  report.unresolvedRefs = sortedCounts(markdown.report.unresolvedRefs);
  report.guessedRefs = sortedCounts(markdown.report.guessedRefs);

  const changedMonths = new Set<MonthKey>();
  for (const draft of drafts) if (draft.changed && draft.article.date && draft.article.id) changedMonths.add(monthKey(draft.article.date));
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
