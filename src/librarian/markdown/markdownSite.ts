/**
 * The site a Markdown article belongs to: where its content root is, the address the site gives
 * each page (from the librarian's `--url-pattern`, else the site's own Hugo or Jekyll
 * configuration, else Hugo's default `/{section}/{slug}/`), and the pages that `ref`/`relref`
 * shortcodes and links name.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { slugify } from '../../core/slugify';
import { cleanText } from '../import/normalise';
import { dateFields, formatUrlPattern, parseUrlPattern, type UrlFields, type UrlPattern } from '../import/urlPattern';
import { isRecord, parseYaml, splitFrontMatter } from './frontMatter';

/** Directories that mark a Hugo content root: the site's taxonomy term pages live in them. */
const TAXONOMY_DIRS = ['authors', 'topics', 'categories', 'tags'];
/** Hugo's and Jekyll's configuration files, in the order the generators look for them. */
const CONFIG_FILES = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json', '_config.yml', '_config.yaml'];
const CONFIG_DIRS = ['', 'config/_default'];

export interface MarkdownSiteOptions {
  /**
   * Address patterns given by the librarian: the first is where articles were published; the
   * others are earlier addresses of the same site, used to recognise links to its articles.
   */
  urlPatterns?: UrlPattern[];
}

/**
 * Where a reference leads. `guessed`: the page is not in the content folder the librarian has,
 * but the reference names its folder, so its address is the one Hugo gives such a page.
 */
export interface ResolvedRef {
  url: string;
  guessed: boolean;
}

/** What the site knows of one page. */
export interface SitePage {
  file: string;
  data: Record<string, unknown>;
}

export interface MarkdownSite {
  /** The address the site published the page at `file` under, or null when it cannot be known. */
  urlOf(file: string): string | null;
  /**
   * The address of the page a `ref`/`relref` names (`other-post.md`, `/news/2013/a.md#part`,
   * `other-post`), from the page that names it; null when the site has no such page.
   */
  resolveRef(ref: string, fromFile: string): ResolvedRef | null;
  /** The patterns in force for the page at `file`: the librarian's, else the site configuration's. */
  patternsFor(file: string): UrlPattern[];
}

/** Whether `dir` is a directory (false when it does not exist). */
export function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** The site configuration's base URL and per-section permalink patterns, when it has them. */
interface SiteConfig {
  baseUrl: string | null;
  permalinks: Record<string, string>;
}

function readSiteConfig(siteRoot: string): SiteConfig {
  for (const dir of CONFIG_DIRS) {
    for (const name of CONFIG_FILES) {
      const file = path.join(siteRoot, dir, name);
      if (!existsSync(file)) continue;
      let data: unknown = null;
      try {
        const text = readFileSync(file, 'utf8');
        data = name.endsWith('.toml') ? parseToml(text) : name.endsWith('.json') ? JSON.parse(text) : parseYaml(text).data;
      } catch {
        // A configuration the librarian's tools cannot read gives nothing; --url-pattern still can.
      }
      if (!isRecord(data)) continue;
      const baseUrl = typeof data.baseURL === 'string' ? data.baseURL : typeof data.baseurl === 'string' && typeof data.url === 'string' ? `${data.url}${data.baseurl}` : typeof data.url === 'string' ? data.url : null;
      const permalinks: Record<string, string> = {};
      if (isRecord(data.permalinks)) {
        for (const [section, value] of Object.entries(data.permalinks)) {
          const pattern = isRecord(value) ? value.page : value;
          if (typeof pattern === 'string') permalinks[section] = pattern;
        }
      } else if (typeof data.permalink === 'string') {
        // Jekyll: one pattern for every post.
        permalinks.posts = data.permalink;
        permalinks._posts = data.permalink;
      }
      return { baseUrl: baseUrl && /^https?:\/\//i.test(baseUrl) ? baseUrl : null, permalinks };
    }
  }
  return { baseUrl: null, permalinks: {} };
}

/** A site's pattern as a full address pattern; null when it cannot be one. */
function sitePattern(baseUrl: string, pattern: string): UrlPattern | null {
  try {
    return parseUrlPattern(`${baseUrl.replace(/\/+$/, '')}/${pattern.replace(/^\/+/, '')}`);
  } catch {
    return null;
  }
}

/** A page's fields for an address pattern. */
function pageFields(file: string, data: Record<string, unknown>, contentRoot: string | null): UrlFields {
  const base = path.basename(file).replace(/\.(md|markdown)$/i, '');
  const filename = base === 'index' || base === '_index' ? path.basename(path.dirname(file)) : base;
  const title = typeof data.title === 'string' ? slugify(cleanText(data.title), 200) : undefined;
  const slug = typeof data.slug === 'string' && data.slug.trim() ? data.slug.trim() : undefined;
  const date = [data.date, data.publishDate, data.pubdate].find((v) => v instanceof Date || typeof v === 'string');
  const iso = date instanceof Date ? date.toISOString() : typeof date === 'string' ? date.trim() : '';
  const jekyllDay = /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(filename);
  const section = contentRoot ? path.relative(contentRoot, file).split(path.sep)[0] : undefined;
  return {
    ...dateFields(iso || (jekyllDay?.[1] ?? '')),
    // Hugo's :slug falls back to the title; Jekyll's :title is the file name without its date.
    slug: slug ?? title ?? filename,
    title: jekyllDay ? jekyllDay[2] : (title ?? filename),
    filename,
    section: section && section !== path.basename(file) ? section : undefined,
  };
}

/**
 * The site of Markdown files: finds each file's content root (a `content/` folder, or the folder
 * that holds `authors/`, `topics/`, `categories/` or `tags/`), reads the site's configuration
 * beside it, and indexes its pages on first use.
 */
export function createMarkdownSite(options: MarkdownSiteOptions = {}): MarkdownSite {
  const rootOfDir = new Map<string, string | null>();
  const configOfRoot = new Map<string, SiteConfig>();
  const pagesOfRoot = new Map<string, Map<string, string[]>>();
  const dataOfFile = new Map<string, Record<string, unknown>>();

  const contentRoot = (dir: string): string | null => {
    const cached = rootOfDir.get(dir);
    if (cached !== undefined) return cached;
    const isRoot = path.basename(dir) === 'content' || TAXONOMY_DIRS.some((name) => isDirectory(path.join(dir, name)));
    const parent = path.dirname(dir);
    const root = isRoot ? dir : parent === dir ? null : contentRoot(parent);
    rootOfDir.set(dir, root);
    return root;
  };
  const rootOf = (file: string) => contentRoot(path.dirname(path.resolve(file)));

  const configOf = (root: string): SiteConfig => {
    let config = configOfRoot.get(root);
    if (!config) configOfRoot.set(root, (config = readSiteConfig(path.dirname(root))));
    return config;
  };

  const dataOf = (file: string): Record<string, unknown> => {
    let data = dataOfFile.get(file);
    if (!data) {
      let parsed: unknown = null;
      try {
        const split = splitFrontMatter(readFileSync(file, 'utf8'));
        parsed = split ? parseYaml(split.yaml).data : null;
      } catch {
        // An unreadable page has no fields; its address may still come from its file name.
      }
      data = isRecord(parsed) ? parsed : {};
      dataOfFile.set(file, data);
    }
    return data;
  };

  /** Every Markdown page under the root, by file name and by base name without extension. */
  const pagesOf = (root: string): Map<string, string[]> => {
    let pages = pagesOfRoot.get(root);
    if (pages) return pages;
    pages = new Map();
    const walk = (dir: string) => {
      let entries: import('node:fs').Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(md|markdown)$/i.test(entry.name)) {
          for (const key of [entry.name.toLowerCase(), entry.name.replace(/\.(md|markdown)$/i, '').toLowerCase()]) {
            const list = pages.get(key) ?? [];
            list.push(full);
            pages.set(key, list);
          }
        }
      }
    };
    walk(root);
    pagesOfRoot.set(root, pages);
    return pages;
  };

  const patternsFor = (file: string): UrlPattern[] => {
    const root = rootOf(file);
    const section = root ? path.relative(root, path.resolve(file)).split(path.sep)[0] : undefined;
    if (options.urlPatterns?.length) return options.urlPatterns;
    if (!root) return [];
    const config = configOf(root);
    const pattern = section ? config.permalinks[section] : undefined;
    const full = config.baseUrl && pattern ? sitePattern(config.baseUrl, pattern) : null;
    return full ? [full] : [];
  };

  const urlOfPage = (file: string, sectionPatterns: UrlPattern[] | null): string | null => {
    const data = dataOf(file);
    const root = rootOf(file);
    const patterns = sectionPatterns ?? patternsFor(file);
    const siteBase = root ? configOf(root).baseUrl : null;
    const origin = patterns[0]?.origin ?? (siteBase ? new URL(siteBase).origin : null) ?? options.urlPatterns?.[0]?.origin ?? null;
    for (const key of ['url', 'permalink']) {
      const own = data[key];
      if (typeof own === 'string' && own.trim()) {
        if (/^https?:\/\//i.test(own)) return own.trim();
        if (origin) return new URL(own.trim(), `${origin}/`).toString();
      }
    }
    const fields = pageFields(file, data, root);
    if (patterns[0]) return formatUrlPattern(patterns[0], fields);
    if (!origin || !root) return null;
    // Hugo's default: the page's folders under the content root, then its slug.
    const relative = path.relative(root, path.resolve(file)).split(path.sep).slice(0, -1);
    const name = path.basename(file).replace(/\.(md|markdown)$/i, '');
    const tail = name === '_index' || name === 'index' ? [] : [fields.slug ?? name];
    return `${origin}/${[...relative, ...tail].map(encodeURIComponent).join('/')}/`;
  };

  return {
    patternsFor,
    urlOf: (file) => urlOfPage(path.resolve(file), null),
    resolveRef(ref, fromFile) {
      const [target = '', fragment] = cleanText(ref).split('#', 2);
      const from = path.resolve(fromFile);
      if (!target) return fragment ? { url: `#${fragment}`, guessed: false } : null;
      const root = rootOf(from);
      if (!root) return null;
      const withExt = /\.(md|markdown)$/i.test(target) ? [target] : [`${target}.md`, `${target}/_index.md`, `${target}/index.md`, target];
      const candidates: string[] = [];
      for (const name of withExt) {
        candidates.push(target.startsWith('/') ? path.join(root, name) : path.join(path.dirname(from), name));
        candidates.push(path.join(root, name));
      }
      let found = candidates.find((c) => existsSync(c) && !isDirectory(c));
      if (!found) {
        // Hugo also finds a page by its file name alone, anywhere in the site, when only one has it.
        const key = path.basename(target).toLowerCase();
        const matches = pagesOf(root).get(key) ?? pagesOf(root).get(key.replace(/\.(md|markdown)$/i, ''));
        if (matches?.length === 1) found = matches[0];
      }
      if (!found) {
        const origin = patternsFor(from)[0]?.origin ?? (configOf(root).baseUrl ? new URL(configOf(root).baseUrl!).origin : null);
        if (!origin || !target.replace(/^\/+/, '').includes('/') && !target.startsWith('/')) return null;
        const parts = target.replace(/^\/+|\/+$/g, '').replace(/\.(md|markdown)$/i, '').split('/').filter((p) => p && p !== '_index' && p !== 'index');
        const url = `${origin}/${parts.map(encodeURIComponent).join('/')}${parts.length ? '/' : ''}`;
        return { url: fragment ? `${url}#${fragment}` : url, guessed: true };
      }
      // A page in the importing page's section takes the librarian's pattern; others, the site's.
      const sameSection = path.relative(root, found).split(path.sep)[0] === path.relative(root, from).split(path.sep)[0];
      const url = urlOfPage(found, sameSection ? null : patternsForOtherSection(found));
      return url ? { url: fragment ? `${url}#${fragment}` : url, guessed: false } : null;
    },
  };

  function patternsForOtherSection(file: string): UrlPattern[] {
    const root = rootOf(file);
    if (!root) return [];
    const section = path.relative(root, file).split(path.sep)[0];
    const config = configOf(root);
    const pattern = section ? config.permalinks[section] : undefined;
    const base = config.baseUrl ?? options.urlPatterns?.[0]?.origin ?? null;
    const full = base && pattern ? sitePattern(base, pattern) : null;
    // No pattern for that section: Hugo's default address under the same site.
    if (full) return [full];
    return [];
  }
}
