/**
 * Reads a Hugo or Jekyll Markdown article: YAML front matter for the fields, the Markdown below
 * it for the body. Author and topic slugs are turned into display names from the site's own
 * taxonomy pages (`authors/<slug>/_index.md`, `topics/<slug>/_index.md`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { htmlToText } from '../bundle/htmlToText';
import { cleanText, isIsoDate, joinNames, parseSourceDate } from '../import/normalise';
import { type SourceReadResult, SourceError } from '../import/SourceArticle';
import { sanitizeArticleHtml } from '../import/sanitizeArticleHtml';
import type { UrlPattern } from '../import/urlPattern';
import { isRecord, parseYaml, splitFrontMatter } from '../markdown/frontMatter';
import { createMarkdownSite, isDirectory, type MarkdownSite } from '../markdown/markdownSite';
import { renderInlineMarkdown, renderMarkdown } from '../markdown/renderMarkdown';
import { createShortcodeReport, renderShortcodes, type ShortcodeReport, type ShortcodeRules } from '../markdown/shortcodes';

// ---------------------------------------------------------------------------
// Taxonomies

/** Directories that mark a Hugo content root: the site's taxonomy term pages live in them. */
const TAXONOMY_DIRS = ['authors', 'topics', 'categories', 'tags'];
/** Label taxonomies stand in for each other: a site that moved from `categories` to `topics` keeps old slugs. */
const LABEL_TAXONOMIES = ['topics', 'categories', 'tags'];

/** Turns taxonomy slugs of Markdown articles into the display names their site gives them. */
export interface TaxonomyResolver {
  /**
   * The display name of `slug` in `taxonomy` (`authors`, `topics`, `categories`, `tags`) for the
   * article at `filePath`, from `<content root>/<taxonomy>/<slug>/_index.md`; a slug that no such
   * page names comes back readable ("jamie-albrecht" → "Jamie Albrecht") and is noted in
   * {@link TaxonomyResolver.unresolved}.
   */
  resolve(filePath: string, taxonomy: string, slug: string): string;
  /** `<taxonomy>/<slug>` of every slug that fell back to its readable form. */
  readonly unresolved: ReadonlySet<string>;
}

/**
 * A resolver that finds each article's content root (the nearest directory above it holding
 * `authors/`, `topics/`, `categories/` or `tags/`) and reads term pages once, caching both.
 */
export function createTaxonomyResolver(): TaxonomyResolver {
  const rootOfDir = new Map<string, string | null>();
  const nameOfTerm = new Map<string, string | null>();
  const unresolved = new Set<string>();

  const contentRoot = (dir: string): string | null => {
    const cached = rootOfDir.get(dir);
    if (cached !== undefined) return cached;
    const isRoot = TAXONOMY_DIRS.some((name) => isDirectory(path.join(dir, name)));
    const parent = path.dirname(dir);
    const root = isRoot ? dir : parent === dir ? null : contentRoot(parent);
    rootOfDir.set(dir, root);
    return root;
  };

  const termName = (root: string, taxonomy: string, slug: string): string | null => {
    const file = path.join(root, taxonomy, slug, '_index.md');
    if (!nameOfTerm.has(file)) nameOfTerm.set(file, existsSync(file) ? displayNameOf(readFileSync(file, 'utf8')) : null);
    return nameOfTerm.get(file) ?? null;
  };

  return {
    unresolved,
    resolve(filePath, taxonomy, slug) {
      const key = termSlug(slug);
      const root = contentRoot(path.dirname(path.resolve(filePath)));
      if (root && key) {
        const candidates = LABEL_TAXONOMIES.includes(taxonomy)
          ? [taxonomy, ...LABEL_TAXONOMIES.filter((t) => t !== taxonomy)]
          : [taxonomy];
        for (const candidate of candidates) {
          const name = termName(root, candidate, key);
          if (name) return name;
        }
      }
      unresolved.add(`${taxonomy}/${slug}`);
      return readableSlug(slug);
    },
  };
}

/** Hugo's URL form of a term; null for anything that could step out of the taxonomy folder. */
function termSlug(slug: string): string | null {
  const key = cleanText(slug).toLowerCase().replace(/\s+/g, '-');
  return key && !/[/\\]|^\.\.?$/.test(key) ? key : null;
}

/** "jamie-albrecht" → "Jamie Albrecht"; a slug already written as words is kept. */
function readableSlug(slug: string): string {
  const text = cleanText(slug);
  if (/\s|\p{Lu}/u.test(text)) return text;
  return text
    .split(/[-_]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * The name a term page gives: `display_name`, `title`, `name`, or first and last name. A page
 * whose YAML is damaged further down still names its term: Hugo's parser accepts an unindented
 * second line of a quoted `summary` (DigitalGov's `topics/podcast/_index.md`), `yaml` reports it
 * and recovers the keys before it.
 */
function displayNameOf(page: string): string | null {
  const split = splitFrontMatter(page);
  const data = split ? parseYaml(split.yaml).data : null;
  if (!isRecord(data)) return null;
  const first = textOf(data.first_name);
  const last = textOf(data.last_name);
  return textOf(data.display_name) ?? textOf(data.title) ?? textOf(data.name) ?? (cleanText(`${first ?? ''} ${last ?? ''}`) || null);
}

// ---------------------------------------------------------------------------
// Front matter and body

/** A scalar front matter value as trimmed text; null when absent or empty. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return cleanText(value) || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * A list field written as a YAML list or as one string: comma-separated, or for labels (not
 * names) space-separated, as Jekyll reads `categories: design research`.
 */
function listOf(value: unknown, kind: 'labels' | 'names' = 'labels'): string[] {
  if (Array.isArray(value)) return value.map(textOf).filter((item): item is string => item !== null);
  const text = textOf(value);
  if (!text) return [];
  const separator = text.includes(',') || kind === 'names' ? ',' : /\s+/;
  return text.split(separator).map(cleanText).filter(Boolean);
}

/** Everything reading a site's Markdown needs beyond the file itself. */
export interface MarkdownContext {
  taxonomy: TaxonomyResolver;
  site: MarkdownSite;
  /** The librarian's description of the site's own shortcodes (`--shortcodes`). */
  shortcodes: ShortcodeRules;
  /** Shortcodes and references that could not be rendered, for the import report. */
  report: ShortcodeReport;
}

/** A context for one import: `urlPatterns` from `--url-pattern`, `shortcodes` from `--shortcodes`. */
export function createMarkdownContext(options: { urlPatterns?: UrlPattern[]; shortcodes?: ShortcodeRules } = {}): MarkdownContext {
  return {
    taxonomy: createTaxonomyResolver(),
    site: createMarkdownSite({ urlPatterns: options.urlPatterns }),
    shortcodes: options.shortcodes ?? {},
    report: createShortcodeReport(),
  };
}

/**
 * Reads one Hugo/Jekyll Markdown article. `filePath` locates the site's taxonomy pages; the file
 * is named by its base name in every message. A draft (`draft: true`) is skipped with its reason;
 * a file without YAML front matter, title or text is a {@link SourceError}. The outlet is left to
 * the librarian (`--outlet`).
 */
export function readMarkdown(text: string, filePath: string, context: MarkdownContext): SourceReadResult {
  const { taxonomy, site } = context;
  const file = path.basename(filePath);
  if (/^\uFEFF?\s*\+\+\+\s*\r?\n/.test(text)) {
    throw new SourceError(file, 'TOML front matter (+++) is not supported; convert it to YAML between --- lines');
  }
  const split = splitFrontMatter(text);
  if (!split) throw new SourceError(file, 'no YAML front matter (the file must start with a --- block holding at least the title)');

  const { data, error } = parseYaml(split.yaml);
  if (error) throw new SourceError(file, `front matter is not valid YAML (${firstLine(error)})`);
  if (!isRecord(data)) throw new SourceError(file, 'front matter is empty or not a set of fields');
  if (data.draft === true || data.draft === 'true') {
    return { articles: [], skipped: [{ record: file, reason: 'draft (draft: true in the front matter)' }] };
  }
  if (data.published === false || data.published === 'false') {
    return { articles: [], skipped: [{ record: file, reason: 'unpublished (published: false in the front matter)' }] };
  }

  const title = plainText(data.title);
  if (!title) throw new SourceError(file, 'front matter has no title');

  const statedDate = [data.date, data.publishDate, data.pubdate].find((value) => value != null && value !== '');
  const date = statedDate === undefined ? jekyllFileDate(file) : parseSourceDate(statedDate);
  if (statedDate !== undefined && date === null) {
    throw new SourceError(file, `front matter date ${JSON.stringify(statedDate)} is not a date (write it as 2017-10-03 or 2017-10-03 16:28:00 -0400)`);
  }

  const names = (taxonomyName: string, slugs: string[]) =>
    [...new Set(slugs.map((slug) => taxonomy.resolve(filePath, taxonomyName, slug)))];
  const authors = names('authors', [...listOf(data.authors, 'names'), ...listOf(data.author, 'names')]);
  const labels = [...names('categories', listOf(data.categories)), ...names('topics', listOf(data.topics))];
  const tags = names('tags', [...listOf(data.tags), ...listOf(data.tag)]);
  const category = labels[0] ?? null;
  const otherLabels = [...new Set([...labels.slice(1), ...tags])].filter((label) => label !== category);

  // The article's own address: where its site published it (its `url`, else the site's address
  // pattern). `canonical` and `source_url` name the page it was first published on, elsewhere: a
  // second original, and the only one known when the site's addresses are not.
  const ownUrl = site.urlOf(filePath);
  const elsewhere = [httpUrl(data.canonical) ?? httpUrl(data.canonical_url), httpUrl(data.source_url)].filter((u): u is string => u !== null);
  const url = ownUrl ?? elsewhere[0] ?? null;
  const otherUrls = [...new Set(elsewhere)].filter((u) => u !== url);
  const summary = textOf(data.summary) ?? textOf(data.description) ?? textOf(data.deck);
  const rendered = renderShortcodes(split.body, {
    rules: context.shortcodes,
    resolveRef: (ref) => site.resolveRef(ref, filePath),
    articleUrl: url,
    report: context.report,
  });
  // A link post (title, summary and the address of the original) has no body of its own: its
  // summary stands in, as it would on the site's listing pages.
  const bodyHtml = sanitizeArticleHtml(rendered.trim() ? renderMarkdown(rendered) : summary ? `<p>${renderInlineMarkdown(summary)}</p>` : '', url);
  const bodyText = htmlToText(bodyHtml);
  if (!bodyText) throw new SourceError(file, 'no text: nothing below the front matter and no summary to stand in for it');

  return {
    articles: [
      {
        file,
        record: null,
        title,
        date,
        outlet: null,
        url,
        otherUrls,
        author: joinNames(authors),
        category,
        tags: otherLabels,
        summary: summary && plainText(summary),
        bodyHtml,
        bodyText,
      },
    ],
    skipped: [],
  };
}

/** Jekyll's `_posts/2017-10-03-title.md` names the day when the front matter does not. */
function jekyllFileDate(file: string): string | null {
  const day = /^(\d{4}-\d{2}-\d{2})-/.exec(file)?.[1];
  return day && isIsoDate(day) ? day : null;
}

/** A front matter string that may hold inline Markdown or entities (`**30 days**`, `&mdash;`) as plain text. */
function plainText(value: unknown): string | null {
  const text = textOf(value);
  return text && (htmlToText(renderInlineMarkdown(text)).replace(/\n/g, ' ') || null);
}

function httpUrl(value: unknown): string | null {
  const text = textOf(value);
  if (!text) return null;
  try {
    return /^https?:$/.test(new URL(text).protocol) ? text : null;
  } catch {
    return null;
  }
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}
