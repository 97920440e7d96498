/**
 * Reads a saved web page as a person reads it: the article body with Mozilla Readability (the
 * engine of Firefox's Reader View) on a linkedom DOM, after the site's furniture is removed and
 * with what Readability leaves around the text trimmed; the headline a reader sees; the date
 * printed in the byline or by the headline, else what the page states about itself (JSON-LD,
 * meta tags, `<time>`), its address, a date at the top or end of its text, its last change; the author from metadata, else the byline.
 * Modules in `./html/`.
 */
import { Readability } from '@mozilla/readability';
import type { ChildNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { htmlToText } from '../bundle/htmlToText';
import { type SourceReadResult, SourceError } from '../import/SourceArticle';
import { sanitizeArticleHtml } from '../import/sanitizeArticleHtml';
import { cleanName, cleanText, implausibleDate, joinNames, parseSourceDate } from '../import/normalise';
import { dateInUrl } from './html/dateInUrl';
import { datesInText } from './html/datesInText';
import { dateNearHeadline } from './html/dateNearHeadline';
import { articleAroundHeadline } from './html/articleAroundHeadline';
import { bylineAuthor } from './html/bylineAuthor';
import { comparable, findHeadline } from './html/findHeadline';
import { removeBoilerplate } from './html/removeBoilerplate';
import { trimArticleEdges } from './html/trimArticleEdges';

/** Options for {@link readHtmlPage}. */
export interface HtmlPageOptions {
  /** The address the page was saved from: the base for its relative links, and its URL when it states none. */
  url?: string;
}

/** Less text than this in the main content (or outside its lists and links) is no article. */
const MIN_ARTICLE_CHARS = 200;
/** Main content with more of its text in links than this is navigation or a list of headlines. */
const MAX_LINK_DENSITY = 0.5;

/**
 * Reads one saved web page. `file` names the page in messages. Throws a {@link SourceError}
 * when the page is empty or holds no article (Readability finds no main content, or the content
 * it finds is too short or mostly links).
 */
export function readHtmlPage(html: string, file: string, options: HtmlPageOptions = {}): SourceReadResult {
  if (html.trim() === '') throw new SourceError(file, 'empty file');
  const pageUrl = options.url === undefined ? null : httpUrl(options.url, null);
  if (options.url !== undefined && !pageUrl) {
    throw new SourceError(file, `the page address "${options.url}" is not an absolute http(s) URL`);
  }

  const { document } = parseHTML(asDocument(html));
  // Metadata first: Readability rewrites the document it reads.
  const page = readMetadata(document, pageUrl);
  removeBoilerplate(document, page.headlineElement);
  const article = new Readability(document as unknown as Document).parse();
  let content = article?.content ? sanitizeArticleHtml(article.content, page.baseUrl) : null;
  let notArticle = content === null ? 'Readability found no main content' : notAnArticle(content);
  if (notArticle) {
    // Readability's scoring missed (text in <div>s, a login form scored higher): the container
    // around the headline, read afresh, may still hold the article.
    const around = articleAroundHeadlineOf(html, pageUrl);
    const aroundContent = around ? sanitizeArticleHtml(around, page.baseUrl) : null;
    if (aroundContent && !notAnArticle(aroundContent)) {
      content = aroundContent;
      notArticle = null;
    }
  }
  if (notArticle || content === null) throw new SourceError(file, `no article found in the page (${notArticle})`);

  const titles = [page.headline?.text, ...page.titles, article?.title]
    .map((candidate) => withoutSiteName(candidate, page.isSiteName))
    .filter((candidate): candidate is string => !!candidate);
  const title = untruncated(titles[0], titles);
  if (!title) throw new SourceError(file, 'no title found (no JSON-LD headline, og:title, <title> or <h1>)');
  const untrimmed = withoutLeadingTitle(content, title);
  const trimmed = trimArticleEdges(untrimmed, page.language);
  const bodyHtml = trimmed === untrimmed ? untrimmed : sanitizeArticleHtml(trimmed, page.baseUrl);
  const bodyText = htmlToText(bodyHtml);

  return {
    articles: [
      {
        file,
        record: null,
        title,
        date: publicationDate(page.dates, datesInText(article?.byline ?? '', page.language)[0]?.day ?? null, edgeDate(article?.textContent ?? bodyText, page.language)),
        outlet: page.outlet,
        url: page.url,
        author: page.author ?? bylineAuthor(article?.byline, page.isSiteName) ?? page.relAuthor,
        category: page.category,
        tags: page.tags,
        summary: page.summary,
        bodyHtml,
        bodyText,
      },
    ],
    skipped: [],
  };
}

/** The article's container around the headline in a fresh copy of the page, without its furniture. */
function articleAroundHeadlineOf(html: string, pageUrl: string | null): string | null {
  const { document } = parseHTML(asDocument(html));
  const { headlineElement } = readMetadata(document, pageUrl);
  if (!headlineElement) return null;
  removeBoilerplate(document, headlineElement);
  return articleAroundHeadline(headlineElement);
}

/**
 * linkedom builds a document only from a full page: given a fragment, its `documentElement` is
 * the fragment's first element and Readability finds no body. A fragment goes into a page.
 */
function asDocument(html: string): string {
  if (/<html[\s>]/i.test(html)) return html;
  if (/<(head|body)[\s>]/i.test(html)) return `<!DOCTYPE html><html>${html}</html>`;
  return `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}

// ---------------------------------------------------------------------------
// Why the main content is no article

/**
 * Readability always returns its best candidate, even on a page with no article; a candidate
 * with little text, or whose text is mostly links and list items, is the page's navigation,
 * footer or a list of headlines.
 */
function notAnArticle(bodyHtml: string): string | null {
  const text = textShares(bodyHtml);
  if (text.total < MIN_ARTICLE_CHARS) return `its main content is only ${text.total} characters of text`;
  if (text.total - text.inListsOrLinks < MIN_ARTICLE_CHARS) {
    return `its main content is lists and links, with ${text.total - text.inListsOrLinks} characters of text outside them: navigation or a list of headlines`;
  }
  const density = text.inLinks / text.total;
  if (density > MAX_LINK_DENSITY) {
    return `${Math.round(density * 100)}% of its main content is link text: navigation or a list of headlines`;
  }
  return null;
}

/** Characters of text in the HTML: in all, inside links, inside links or list items. */
function textShares(html: string): { total: number; inLinks: number; inListsOrLinks: number } {
  const shares = { total: 0, inLinks: 0, inListsOrLinks: 0 };
  const walk = (nodes: ChildNode[], inLink: boolean, inList: boolean): void => {
    for (const node of nodes) {
      if (node.type === 'text') {
        const length = node.data.replace(/\s+/g, ' ').trim().length;
        shares.total += length;
        if (inLink) shares.inLinks += length;
        if (inLink || inList) shares.inListsOrLinks += length;
      } else if (node.type === 'tag') {
        walk(node.children, inLink || node.name === 'a', inList || node.name === 'li');
      }
    }
  };
  walk(parseDocument(html, { decodeEntities: true }).children, false, false);
  return shares;
}

// ---------------------------------------------------------------------------
// Metadata

type SiteNameTest = (name: string, whole?: boolean) => boolean;

interface PageMetadata {
  /** The headline a reader sees, when the page's metadata or its only `<h1>` says which it is. */
  headline: { text: string } | null;
  /** The headline's element (or the main `<h1>`): what the article's container holds. */
  headlineElement: El | null;
  /** Title candidates, most trusted first (site name not yet removed). */
  titles: (string | null)[];
  dates: DateSources;
  language: string | null;
  outlet: string | null;
  url: string | null;
  author: string | null;
  /** The byline the page shows (microdata, a `rel=author` link, an element named "author"), the least trusted. */
  relAuthor: string | null;
  /** True for the site's name (or its address's), which bylines and author tags often give instead of a person's. */
  isSiteName: SiteNameTest;
  category: string | null;
  tags: string[];
  summary: string | null;
  /** What the body's relative links are relative to. */
  baseUrl: string | null;
}

type Doc = ReturnType<typeof parseHTML>['document'];
type El = NonNullable<ReturnType<Doc['querySelector']>>;

const DATE_META = [
  'article:published_time', 'og:published_time', 'og:article:published_time', 'article:published', 'article.published',
  'parsely-pub-date', 'sailthru.date', 'datepublished', 'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date',
  'published_time', 'publication_date', 'publication-date', 'dc.date', 'dc.date.issued', 'dc.date.created', 'dcterms.date',
  'dcterms.issued', 'dcterms.created', 'citation_publication_date', 'citation_date', 'prism.publicationdate', 'date.available',
  'cxenseparse:recs:publishtime', 'datecreated', 'created',
];
/** Last resort: a page last changed on a day was at least written by then. */
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dcterms.modified', 'dc.date.modified'];
const LANGUAGE_META = ['content-language', 'language', 'dc.language', 'og:locale'];
const AUTHOR_META = ['article:author', 'author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl'];
const TITLE_META = ['og:title', 'parsely-title', 'twitter:title', 'sailthru.title', 'dc.title'];
const SECTION_META = ['article:section', 'parsely-section', 'section'];
const TAG_META = [['article:tag'], ['parsely-tags', 'news_keywords']];
const SUMMARY_META = ['og:description', 'description', 'twitter:description', 'dc.description'];

function readMetadata(document: Doc, pageUrl: string | null): PageMetadata {
  const ld = jsonLdArticle(document);
  const meta = metaTags(document);
  const first = (names: string[]) => names.flatMap((name) => meta.get(name) ?? []).find(Boolean) ?? null;

  const canonical = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? null;
  const url = [ld?.url, first(['og:url']), canonical, first(['parsely-link'])]
    .map((candidate) => (candidate ? httpUrl(candidate, pageUrl) : null))
    .find(Boolean) ?? pageUrl;
  const baseHref = document.querySelector('base[href]')?.getAttribute('href');
  const base = pageUrl ?? url;

  const article = mainArticle(document);
  const language = pageLanguage(document, meta, ld?.language ?? null);
  const titles = [ld?.headline ?? null, first(TITLE_META), textOf(document.querySelector('title'))];
  const outlet = ld?.publisher ?? first(['og:site_name', 'application-name']);
  const headline = findHeadline(document, titles.filter((title): title is string => !!title), outlet);
  const headlineElement = headline?.element ?? article?.querySelector('h1') ?? document.querySelector('h1');
  const parse = (value: string | null | undefined) => {
    const date = parseSourceDate(value, { language });
    return date && !implausibleDate(date) ? date : null;
  };
  const dates: DateSources = {
    stated: [ld?.datePublished, ...DATE_META.flatMap((name) => meta.get(name) ?? []), ...articleTimes(document, article)].map(parse).find(Boolean) ?? null,
    address: [url, ld?.url].map((address) => (address ? dateInUrl(address) : null)).find((day) => day && !implausibleDate(day)) ?? null,
    shown: dateNearHeadline(document, headlineElement ?? titleParts(titles), language),
    modified: [ld?.dateModified, ...MODIFIED_META.flatMap((name) => meta.get(name) ?? [])].map(parse).find(Boolean) ?? null,
  };
  // Some CMSs state every category as one comma-joined section: the first is the section, the rest are labels.
  const [section, ...moreSections] = sectionList(ld?.section ?? first(SECTION_META));
  const tagLists = [ld?.keywords ?? [], ...TAG_META.map((names) => names.flatMap((name) => (meta.get(name) ?? []).flatMap(splitList)))];
  const isSiteName = siteNameTest([outlet, first(['og:site_name']), first(['application-name'])], url);
  const names = (values: string[]) => joinNames(values.map((value) => bylineAuthor(value, isSiteName)).filter((name): name is string => !!name));
  const metaAuthors = AUTHOR_META.map((name) => (meta.get(name) ?? []).filter((value) => !/^https?:\/\//i.test(value)));

  return {
    headline,
    headlineElement: headlineElement ?? null,
    titles: [...titles, textOf(document.querySelector('h1'))],
    dates,
    language,
    outlet,
    url,
    author: names(ld?.authors ?? []) ?? metaAuthors.map(names).find(Boolean) ?? null,
    relAuthor: shownAuthor(document, article, isSiteName),
    isSiteName,
    category: section ?? null,
    tags: uniqueLabels([...moreSections, ...(tagLists.find((list) => list.length > 0) ?? [])]),
    summary: ld?.description ?? first(SUMMARY_META),
    baseUrl: (baseHref ? httpUrl(baseHref, base) : null) ?? base,
  };
}

/** Where a page states its publication date. */
interface DateSources {
  /** What the page states about itself: JSON-LD, meta tags, the article's marked `<time>`. */
  stated: string | null;
  /** The day its address names (`/2015/03/11/`). */
  address: string | null;
  /** The date printed by its headline. */
  shown: string | null;
  /** When it last changed. */
  modified: string | null;
}

/**
 * The publication date as a reader finds it: the date printed in the byline or by the headline,
 * which readers see (metadata often holds a time in UTC, the day before or after in the site's
 * own zone, or the day a template was last saved); then what the page states about itself, its
 * address, and its last change only when nothing else says.
 */
function publicationDate(dates: DateSources, bylineDay: string | null, edgeDay: string | null): string | null {
  const shown = bylineDay ?? dates.shown;
  const stated = dates.stated ? localMidnight(dates.stated) : null;
  // The stated time is kept when it falls on the day shown.
  if (shown && stated?.startsWith(shown)) return stated;
  return shown ?? stated ?? dates.address ?? edgeDay ?? dates.modified;
}

/** How far into the article's text, or back from its end, a date line stands. */
const EDGE_CHARS = 300;

/**
 * A date printed at the top of the article's text or in its closing line ("Der Beitrag wurde
 * am 19. Mai 2010 um 23:03 Uhr veröffentlicht"), where a page puts no date by its headline.
 */
function edgeDate(text: string, language: string | null): string | null {
  const clean = cleanText(text);
  const plausible = (dates: { day: string }[]) => dates.map((date) => date.day).filter((day) => !implausibleDate(day));
  return plausible(datesInText(clean.slice(0, EDGE_CHARS), language))[0] ?? plausible(datesInText(clean.slice(-EDGE_CHARS), language)).at(-1) ?? null;
}

/**
 * A day a site's system stored as its local midnight in UTC (`2022-11-06T23:00:00Z`, midnight
 * in Central Europe) is the next day, as the site shows it.
 */
function localMidnight(iso: string): string {
  if (!/T2[23]:00(:00(\.0+)?)?(Z|[+-]00:?00)$/.test(iso)) return iso;
  return new Date(Date.parse(iso.slice(0, 10)) + 86_400_000).toISOString().slice(0, 10);
}

/** A `<title>`'s parts, longest first: one of them is the headline the page shows. */
function titleParts(titles: (string | null)[]): string[] {
  return titles
    .flatMap((title) => (title ? [title, ...title.split(TITLE_SEPARATOR)] : []))
    .map(cleanText)
    .sort((a, b) => b.length - a.length);
}

/** The page's language tag: `<html lang>`, then what its metadata says ("de-DE", "fr_FR"). */
function pageLanguage(document: Doc, meta: Map<string, string[]>, ldLanguage: string | null): string | null {
  const httpEquiv = document.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content');
  const candidates = [
    document.documentElement?.getAttribute('lang'),
    document.documentElement?.getAttribute('xml:lang'),
    httpEquiv,
    ldLanguage,
    ...LANGUAGE_META.flatMap((name) => meta.get(name) ?? []),
  ];
  return candidates.map((value) => cleanText(value ?? '').split(/[,;\s]/)[0] ?? '').find((value) => /^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i.test(value)) ?? null;
}

/** Every `<meta>` value by its lower-cased `property`, `name` or `itemprop`, in page order. */
function metaTags(document: Doc): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const element of document.querySelectorAll('meta')) {
    const key = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop'))?.trim().toLowerCase();
    const value = cleanText(element.getAttribute('content') ?? '');
    if (key && value) tags.set(key, [...(tags.get(key) ?? []), value]);
  }
  return tags;
}

/**
 * The page's own `<article>`: the one holding the `<h1>`, else the longest. Teasers in sidebars
 * and "related" lists are often `<article>`s too, with their own dates and bylines.
 */
function mainArticle(document: Doc): El | null {
  const articles = [...document.querySelectorAll('article')];
  const withTitle = articles.find((article) => article.querySelector('h1'));
  if (withTitle) return withTitle;
  const length = (article: El) => (article.textContent ?? '').length;
  return articles.reduce<El | null>((longest, article) => (!longest || length(article) > length(longest) ? article : longest), null);
}

/** `<time datetime>` of the article itself: marked as its publication date, else the first one in the main `<article>`. */
function articleTimes(document: Doc, article: El | null): string[] {
  const marked = (article ?? document).querySelector('[itemprop="datePublished"][datetime], time[pubdate][datetime]');
  const first = article?.querySelector('time[datetime]') ?? null;
  return [marked, first].map((element) => element?.getAttribute('datetime') ?? null).filter((value): value is string => !!value);
}

function textOf(element: El | null): string | null {
  return element ? cleanText(element.textContent ?? '') || null : null;
}

/** Class names and ids of a byline's element. */
const BYLINE_NAMES = /(?:^|[\s_-])(?:author|authors|byline|autor|autorin|auteur|autore|writer|verfasser|post-author|entry-author|vcard)(?:$|[\s_-])/i;

/**
 * The author's name as the page shows it, where no metadata states it: marked with microdata
 * (`itemprop="author"`), linked with `rel=author`, or in an element named as a byline; the
 * page's own `<article>` first, where teasers' bylines are not.
 */
function shownAuthor(document: Doc, article: El | null, isSiteName: SiteNameTest): string | null {
  for (const scope of article ? [article, document] : [document]) {
    const marked = scope.querySelector('[itemprop~="author"] [itemprop~="name"], [itemprop~="author"]');
    const candidates = [
      marked?.getAttribute('content') ?? textOf(marked),
      textOf(scope.querySelector('a[rel~="author" i]')),
      ...[...scope.querySelectorAll('[class], [id]')]
        .filter((element) => {
          const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
          // A comment form's "Name *" field and a commenter's name are named author too.
          return BYLINE_NAMES.test(names) && !/comment/i.test(names) && !element.closest('form');
        })
        .slice(0, 5)
        .map(textOf),
    ];
    for (const candidate of candidates) {
      const name = candidate && candidate.length <= 120 ? bylineAuthor(candidate, isSiteName) : null;
      if (name) return name;
    }
  }
  return null;
}

/**
 * A test for the site's own name: its outlet names, or its address's host ("STERN.de" on
 * www.stern.de), compared by letters and digits; a name that holds one ("Deutsche Welle
 * (www.dw.com)") is one too, unless only the `whole` name is asked about (a title that names
 * the site in it is still a title).
 */
function siteNameTest(outlets: (string | null)[], url: string | null): SiteNameTest {
  let host: string | null = null;
  try {
    host = url ? new URL(url).hostname.replace(/^www\d*\./, '') : null;
  } catch {
    host = null;
  }
  const keys = (names: (string | null | undefined)[]) => names.map((name) => (name ? comparable(name) : '')).filter((name) => name.length >= 3);
  const sites = keys([...outlets, host]);
  // "stern" alone is a word that names may hold: only the whole name counts.
  const bareHost = keys([host?.replace(/\.[a-z]+$/, '')]);
  return (name, whole = false) => {
    const key = comparable(name);
    if (key.length === 0) return false;
    return bareHost.includes(key) || sites.some((site) => key === site || (!whole && site.length >= 5 && key.includes(site)));
  };
}

function splitList(value: string): string[] {
  return value.split(',').map(cleanText).filter(Boolean);
}

/** A section as stated, or a list of them joined by commas (a section name itself has at most one comma). */
function sectionList(value: string | null | undefined): string[] {
  if (!value) return [];
  const parts = splitList(value);
  return parts.length > 2 ? uniqueLabels(parts) : [cleanText(value)];
}

function uniqueLabels(labels: string[]): string[] {
  const seen = new Set<string>();
  return labels.filter((label) => {
    const key = label.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function httpUrl(value: string, base: string | null): string | null {
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// Title

/** Separators pages put between a title and the site name in `<title>`. */
const TITLE_SEPARATOR = /\s+[|–—·:»-]{1,2}\s+/;
/** The same, captured, to split a title into its parts and the separators between them. */
const TITLE_PIECES = new RegExp(`(${TITLE_SEPARATOR.source})`);

const LEADING_DATE = /^\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\s*[-–—|:]\s+|^\d{4}-\d{2}-\d{2}\s*[-–—|:]\s+/;

/** Parts set off by a pipe after a title this long are the site's name or section. */
const MIN_TITLE_BEFORE_PIPE = 15;
const MAX_PIPE_PART = 40;

/**
 * "3 Ways to … | Digital.gov" → "3 Ways to …": parts at either end that are the site's name (or
 * its address's) go, and so do short parts set off by a pipe at the end ("… | FASSETTE.NET",
 * "… | Politik"), which no headline is written with.
 */
function withoutSiteName(title: string | null | undefined, isSiteName: SiteNameTest): string | null {
  // A date set before the title ("23.01.2022 - Dorothea Wierer darf …") is no part of it.
  const text = title ? cleanText(title).replace(LEADING_DATE, '') : '';
  // A <title> that is only the site's name (a home-page template) names no article.
  if (!text || isSiteName(text, true)) return null;
  // Parts and the separators between them: [part, separator, part, …].
  const pieces = text.split(TITLE_PIECES);
  while (pieces.length > 2 && isSiteName(pieces.at(-1)!, true)) pieces.splice(-2);
  while (pieces.length > 2 && isSiteName(pieces[0]!, true)) pieces.splice(0, 2);
  while (
    pieces.length > 2 &&
    /\|/.test(pieces.at(-2)!) &&
    pieces.at(-1)!.length <= MAX_PIPE_PART &&
    pieces.slice(0, -2).join('').length >= MIN_TITLE_BEFORE_PIPE
  ) {
    pieces.splice(-2);
  }
  return pieces.join('').trim();
}

/**
 * A title cut short with an ellipsis ("Brothel catering to politicians, doctors,…") is taken
 * whole from another source that states it.
 */
function untruncated(title: string | undefined, candidates: string[]): string | undefined {
  if (!title || !/(…|\.\.\.)$/.test(title)) return title;
  const start = comparable(title);
  return candidates.find((candidate) => candidate.length > title.length && comparable(candidate).startsWith(start)) ?? title;
}

/** The article's own heading repeats the title the archive shows above the body: drop it. */
function withoutLeadingTitle(bodyHtml: string, title: string): string {
  const heading = /^<h[1-6]>([\s\S]*?)<\/h[1-6]>\s*/.exec(bodyHtml);
  if (heading && comparable(htmlToText(heading[1] ?? '')) === comparable(title)) return bodyHtml.slice(heading[0].length);
  return bodyHtml;
}

// ---------------------------------------------------------------------------
// JSON-LD

interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  dateModified: string | null;
  language: string | null;
  authors: string[];
  publisher: string | null;
  section: string | null;
  keywords: string[];
  url: string | null;
  description: string | null;
}

type JsonNode = Record<string, unknown>;

/** Schema.org types of a news article (`NewsArticle`, `ReportageNewsArticle`, `BlogPosting`, …). */
const ARTICLE_TYPE = /(Article|BlogPosting)$/;
/** A page that is not typed as an article may still state its headline, date and author. */
const PAGE_TYPE = /^(WebPage|ItemPage|AboutPage|QAPage|Report|CreativeWork)$/;

/**
 * The JSON text of a JSON-LD script: some pages wrap it in an HTML comment or a CDATA section,
 * itself often in a JavaScript comment (`//<![CDATA[`, `/*<![CDATA[*\/`).
 */
function jsonLdText(text: string): string {
  return text
    .trim()
    .replace(/^(\/\/|\/\*)?\s*(<!--|<!\[CDATA\[)\s*(\*\/)?/, '')
    .replace(/(\/\/|\/\*)?\s*(-->|\]\]>)\s*(\*\/)?$/, '')
    .trim();
}

/** A JSON-LD date that parses to a believable day (no `0001-01-01` placeholder). */
function plausible(value: string): boolean {
  const date = parseSourceDate(value);
  return !!date && !implausibleDate(date);
}

/**
 * The first article node of the page's JSON-LD, looking inside arrays and `@graph`, with
 * `{"@id": …}` references (Yoast's authors and publisher) resolved against the other nodes.
 */
function jsonLdArticle(document: Doc): JsonLdArticle | null {
  const nodes: JsonNode[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (isNode(value)) {
      nodes.push(value);
      collect(value['@graph']);
    }
  };
  for (const script of document.querySelectorAll('script')) {
    if (!/^\s*application\/ld\+json\b/i.test(script.getAttribute('type') ?? '')) continue;
    try {
      collect(JSON.parse(jsonLdText(script.textContent ?? '')));
    } catch {
      // A broken block states nothing; the meta tags still may.
    }
  }
  const article =
    nodes.find((node) => types(node).some((type) => ARTICLE_TYPE.test(type))) ??
    nodes.find((node) => types(node).some((type) => PAGE_TYPE.test(type)));
  if (!article) return null;

  const byId = new Map(nodes.filter((node) => typeof node['@id'] === 'string').map((node) => [node['@id'] as string, node]));
  const resolve = (value: unknown): unknown =>
    isNode(value) && typeof value['@id'] === 'string' && !('name' in value) ? (byId.get(value['@id']) ?? value) : value;
  const nameOf = (value: unknown): string | null => {
    const node = resolve(value);
    return typeof node === 'string' ? cleanText(node) || null : isNode(node) ? ldText(node.name) : null;
  };
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
  const page = resolve(article.mainEntityOfPage);

  return {
    headline: ldText(article.headline) ?? ldText(article.name),
    datePublished: [article.datePublished, article.dateCreated].map(ldText).find((value) => value && plausible(value)) ?? null,
    dateModified: ldText(article.dateModified),
    language: ldText(article.inLanguage),
    authors: list(article.author).map(nameOf).filter((name): name is string => !!name),
    publisher: nameOf(list(article.publisher)[0]),
    section: list(article.articleSection).map(ldText).find(Boolean) ?? null,
    keywords: list(article.keywords).flatMap((keyword) => (typeof keyword === 'string' ? splitList(keyword) : [])),
    url: ldText(article.url) ?? (typeof page === 'string' ? page : isNode(page) ? (ldText(page.url) ?? ldText(page['@id'])) : null),
    description: ldText(article.description),
  };
}

function isNode(value: unknown): value is JsonNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `@type` as bare names: "https://schema.org/NewsArticle" → "NewsArticle". */
function types(node: JsonNode): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type])
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.replace(/^https?:\/\/schema\.org\//i, ''));
}

/** A JSON-LD text value; entities some CMSs leave in it are decoded. */
function ldText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = cleanText(/&[#\w]+;/.test(value) ? htmlToText(value) : value);
  return text || null;
}
