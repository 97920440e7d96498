/**
 * Reads a WordPress export (WXR: RSS 2.0 with the wp:, content:, excerpt: and dc: namespaces,
 * https://wordpress.org/documentation/article/tools-export-screen/) into source articles.
 *
 * An export holds the whole site: posts, pages, attachments, menu items, drafts and private
 * posts. Only published, public posts are news; every other item is skipped with the reason.
 * Post bodies are stored as the editor saved them, before WordPress's display filters: the
 * classic editor leaves paragraphs as blank lines (wpautop makes them `<p>` on display) and
 * media as shortcodes (`[caption]`, `[gallery]`), so both are converted here before sanitising.
 */
import { XMLParser } from 'fast-xml-parser';
import { htmlToText } from '../bundle/htmlToText';
import { escapeHtml } from '../import/paragraphsToHtml';
import { cleanText, isIsoDate } from '../import/normalise';
import { sanitizeArticleHtml } from '../import/sanitizeArticleHtml';
import { type SourceArticle, SourceError, type SourceReadResult } from '../import/SourceArticle';
import { wellFormedXml } from './wellFormedXml';

const A_WXR = 'a WordPress export (WXR)';

/** A parsed XML element: text, or children and `@_` attributes with the text under `#text`. */
type XmlValue = string | XmlElement | XmlValue[] | undefined;
interface XmlElement {
  [name: string]: XmlValue;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Values stay text: "0001" post ids and "1.0" versions are not numbers to an importer.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Decodes numeric character references (&#8217;) as well as the XML ones.
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'category' || name === 'wp:author',
});

/**
 * Reads the published posts of a WordPress export, one {@link SourceArticle} per post
 * (`record: 'item N'`, N counting every `<item>` of the export). Pages, attachments, menu
 * items, drafts, scheduled, private and password-protected posts are skipped, each with its
 * reason (`item 12 ("About The Tests")`: `a page, not a post`).
 *
 * @param text - the export as text (see {@link decodeXmlBytes} for bytes)
 * @param file - the file name, for messages
 * @throws {SourceError} when the file is not well-formed XML, not a WordPress export, or has no items
 */
export function readWxr(text: string, file: string): SourceReadResult {
  const xml = wellFormedXml(text, file, A_WXR);
  const doc = parser.parse(xml) as XmlElement;
  const channel = element(element(doc.rss)?.channel);
  if (!channel) throw new SourceError(file, `not ${A_WXR}: there is no <rss><channel>`);
  // An empty <item/> still counts, so that the numbers match the file.
  const items = list(channel.item).map((item) => element(item) ?? {});
  if (!channel['wp:wxr_version'] && !items.some((item) => item['wp:post_type'] !== undefined)) {
    throw new SourceError(file, `not ${A_WXR}: the channel has no wp:wxr_version (is it an ordinary RSS feed?)`);
  }
  if (items.length === 0) throw new SourceError(file, 'the export has no items');

  const site: Site = {
    outlet: plainText(textOf(channel.title)) || null,
    link: httpUrl(textOf(channel.link)) ?? httpUrl(textOf(channel['wp:base_blog_url'])),
    authors: authorNames(list(channel['wp:author'])),
  };
  const result: SourceReadResult = { articles: [], skipped: [] };
  items.forEach((item, i) => {
    const title = plainText(textOf(item.title));
    const reason = skipReason(item);
    if (reason) {
      result.skipped.push({ record: title ? `item ${i + 1} ("${title}")` : `item ${i + 1}`, reason });
      return;
    }
    const article = toArticle(item, title, site, file, `item ${i + 1}`);
    if (article) result.articles.push(article);
    else result.skipped.push({ record: `item ${i + 1}`, reason: 'no title and no text' });
  });
  return result;
}

interface Site {
  outlet: string | null;
  link: string | null;
  /** Login → display name. */
  authors: Map<string, string>;
}

// ---------------------------------------------------------------------------
// Which items are published posts

/** What each WordPress post type other than `post` is, in a reader's words. */
const NOT_A_POST: Record<string, string> = {
  page: 'a page, not a post',
  attachment: 'an attachment',
  nav_menu_item: 'a menu item',
  revision: 'a revision',
  wp_block: 'a reusable block',
  wp_navigation: 'a navigation menu',
  wp_template: 'a theme template',
  wp_template_part: 'a theme template part',
  wp_global_styles: 'theme styles',
  custom_css: 'custom CSS',
};

/** Why a post with each WordPress status other than `publish` is not public. */
const NOT_PUBLISHED: Record<string, string> = {
  draft: 'draft, not published',
  'auto-draft': 'an unsaved draft, not published',
  pending: 'pending review, not published',
  future: 'scheduled, not yet published',
  private: 'private',
  trash: 'in the trash',
};

function skipReason(item: XmlElement): string | null {
  // WordPress's own importer treats a missing type as a post.
  const type = textOf(item['wp:post_type']) || 'post';
  if (type !== 'post') return NOT_A_POST[type] ?? `a "${type}" item, not a post`;
  const status = textOf(item['wp:status']);
  if (status !== 'publish') return NOT_PUBLISHED[status] ?? (status ? `not published (status "${status}")` : 'not published (no wp:status)');
  // Readers of the site needed the password; an open archive must not publish it to everyone.
  if (textOf(item['wp:post_password'])) return 'password-protected';
  return null;
}

// ---------------------------------------------------------------------------
// Articles

function toArticle(item: XmlElement, title: string, site: Site, file: string, record: string): SourceArticle | null {
  const url = httpUrl(textOf(item.link)) ?? permalinkGuid(element(item.guid) ?? textOf(item.guid));
  const content = textOf(item['content:encoded']);
  const bodyHtml = content ? sanitizeArticleHtml(wordpressHtml(content), url ?? site.link) : '';
  const bodyText = htmlToText(bodyHtml);
  if (!title && !bodyText) return null;

  const terms = list(item.category).map((c) => ({
    domain: typeof c === 'object' && !Array.isArray(c) ? textOf(c['@_domain']) : '',
    name: plainText(textOf(c)),
  }));
  // One category is the article's; the post's other categories are kept as tags beside its
  // tags, since the archive has one category per article.
  const categories = distinct(terms.filter((t) => t.domain === 'category').map((t) => t.name));
  const tags = distinct(terms.filter((t) => t.domain === 'post_tag').map((t) => t.name));
  const [category = null, ...otherCategories] = categories;
  const excerpt = plainText(textOf(item['excerpt:encoded']));
  return {
    file,
    record,
    title,
    date: postDate(textOf(item['wp:post_date_gmt']), textOf(item['wp:post_date'])),
    outlet: site.outlet,
    url,
    author: authorOf(textOf(item['dc:creator']), site.authors),
    category,
    tags: distinct([...otherCategories, ...tags]).filter((t) => t.toLowerCase() !== category?.toLowerCase()),
    summary: excerpt || null,
    bodyHtml,
    bodyText,
  };
}

/** `wp:post_date_gmt` as UTC when WordPress set it (drafts have 0000-00-00), else the site's local time. */
function postDate(gmt: string, local: string): string | null {
  const iso = (value: string) => {
    const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(value);
    return m && isIsoDate(`${m[1]}T${m[2]}`) ? `${m[1]}T${m[2]}` : null;
  };
  const utc = iso(gmt);
  return utc ? `${utc}Z` : iso(local);
}

function authorNames(authors: XmlValue[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const author of authors.map(element)) {
    const login = textOf(author?.['wp:author_login']);
    const name = plainText(textOf(author?.['wp:author_display_name']));
    if (login && name) names.set(login, name);
  }
  return names;
}

/**
 * The display name of the post's author. `dc:creator` holds the login; a login that stray
 * punctuation made unknown (">themereviewteam" in WordPress's own test data) is matched
 * without it.
 */
function authorOf(login: string, authors: Map<string, string>): string | null {
  if (!login) return null;
  const bare = login.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return authors.get(login) ?? authors.get(bare) ?? (bare || null);
}

/** A `<guid>` counts as the post's address only when it says it is a permalink. */
function permalinkGuid(guid: XmlElement | string): string | null {
  if (typeof guid === 'string') return httpUrl(guid);
  return textOf(guid['@_isPermaLink']) === 'false' ? null : httpUrl(textOf(guid));
}

// ---------------------------------------------------------------------------
// Post bodies: what WordPress does on display, minimally

/**
 * The post body as WordPress would display it, before sanitising: media shortcodes become HTML
 * or go, and classic-editor text gets its paragraphs (block-editor content already has them,
 * and WordPress does not run wpautop on it either).
 */
export function wordpressHtml(content: string): string {
  const protectedBlocks: string[] = [];
  const protect = (html: string) => {
    protectedBlocks.push(html);
    return `<pre wp-protected-${protectedBlocks.length - 1}></pre>`;
  };
  let html = content
    .replace(/\r\n?/g, '\n')
    // `<!--more-->` and `<!--nextpage-->` are markers for the theme, as are block delimiters.
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<pre[\s>][\s\S]*?<\/pre>/gi, protect);
  html = replaceShortcodes(html, protect);
  // A URL alone on its line is an embed in WordPress (a video, a tweet): keep it as a link.
  html = html.replace(/^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gm, (_line, url: string) => {
    const href = escapeHtml(url);
    return `<a href="${href}">${href}</a>`;
  });
  const isBlockContent = /<!--\s*wp:/.test(content);
  if (!isBlockContent) html = autop(html);
  return html.replace(/<pre wp-protected-(\d+)><\/pre>/g, (_whole, i: string) => protectedBlocks[Number(i)] ?? '');
}

/**
 * The core media shortcodes (https://codex.wordpress.org/Shortcode): `[caption]` becomes a
 * figure, `[audio]`, `[video]` and `[embed]` a link to the media, and `[gallery]` and
 * `[playlist]` (which list attachments by id) go. Anything else in brackets is left alone:
 * "[sic]" and "[simple boat]" are text.
 */
function replaceShortcodes(html: string, protect: (html: string) => string): string {
  return html
    .replace(/\[(caption|wp_caption)\b([^\]]*)\]([\s\S]*?)\[\/\1\]/g, (_whole, _name, attrs: string, inner: string) =>
      protect(captionFigure(shortcodeAttributes(attrs), inner)),
    )
    .replace(/\[(gallery|playlist)\b[^\]]*\]/g, '')
    .replace(/\[(audio|video)\b([^\]]*)\](?:([\s\S]*?)\[\/\1\])?/g, (_whole, _name, attrs: string) => {
      const a = shortcodeAttributes(attrs);
      const src = a.src ?? Object.values(a).find((value) => /^https?:\/\//.test(value));
      return src ? protect(mediaLink(src)) : '';
    })
    // Jetpack's embeds: `[youtube https://www.youtube.com/watch?v=…]`.
    .replace(/\[(youtube|vimeo|dailymotion|ted|soundcloud|tweet|twitter|instagram)(?:=\s*|\s+)(https?:\/\/[^\s\]]+)[^\]]*\]/gi, (_whole, _name, url: string) => protect(mediaLink(url)))
    .replace(/\[embed\b[^\]]*\]([\s\S]*?)\[\/embed\]/g, (_whole, url: string) =>
      /^https?:\/\/\S+$/.test(url.trim()) ? protect(mediaLink(url.trim())) : '',
    );
}

function mediaLink(url: string): string {
  const href = escapeHtml(url);
  return `<p><a href="${href}">${href}</a></p>`;
}

/** `[caption id="…" caption="Text"]<a><img></a> Text[/caption]` → `<figure><a><img></a><figcaption>Text</figcaption></figure>`. */
function captionFigure(attrs: Record<string, string>, inner: string): string {
  const m = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
  if (!m) return inner;
  const [, media = '', rest = ''] = m;
  const caption = rest.trim() || (attrs.caption ? escapeHtml(attrs.caption) : '');
  return `<figure>${media}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

/** `id="a" width=300 https://x` → `{ id: 'a', width: '300', 0: 'https://x' }`. */
function shortcodeAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  let position = 0;
  for (const m of text.matchAll(/(?:([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))|"([^"]*)"|(\S+))/g)) {
    const [, name, double, single, bare, quoted, positional] = m;
    if (name) attrs[name.toLowerCase()] = double ?? single ?? bare ?? '';
    else attrs[String(position++)] = quoted ?? positional ?? '';
  }
  return attrs;
}

/** The elements WordPress's wpautop treats as blocks (wp-includes/formatting.php). */
const BLOCKS =
  '(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)';

/**
 * WordPress's wpautop, ported in its essentials: text separated by a blank line becomes a
 * paragraph, a single line break inside one a `<br>`, and block elements are never wrapped.
 * `<pre>` blocks are protected by the caller.
 */
function autop(text: string): string {
  if (text.trim() === '') return '';
  let html = `${text}\n`
    .replace(/<br\s*\/?>\s*<br\s*\/?>/gi, '\n\n')
    .replace(new RegExp(`(<${BLOCKS}[\\s/>])`, 'gi'), '\n\n$1')
    .replace(new RegExp(`(</${BLOCKS}>)`, 'gi'), '$1\n\n')
    // A line break inside a tag is not a line break of the text.
    .replace(/<[^>]*>/g, (tag) => tag.replace(/\s*\n\s*/g, ' '))
    .replace(/\n\n+/g, '\n\n');
  html = html
    .split(/\n\s*\n/)
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => `<p>${chunk.replace(/^\n+|\n+$/g, '')}</p>\n`)
    .join('');
  html = html
    .replace(/<p>\s*<\/p>/g, '')
    .replace(/<p>([^<]+)<\/(div|address|form)>/g, '<p>$1</p></$2>')
    .replace(new RegExp(`<p>\\s*(</?${BLOCKS}[^>]*>)\\s*</p>`, 'gi'), '$1')
    .replace(/<p>(<li.+?)<\/p>/g, '$1')
    .replace(/<p><blockquote([^>]*)>/gi, '<blockquote$1><p>')
    .replace(/<\/blockquote><\/p>/g, '</p></blockquote>')
    .replace(new RegExp(`<p>\\s*(</?${BLOCKS}[^>]*>)`, 'gi'), '$1')
    .replace(new RegExp(`(</?${BLOCKS}[^>]*>)\\s*</p>`, 'gi'), '$1')
    .replace(/<br>|<br\/>/g, '<br />')
    .replace(/(?<!<br \/>)\s*\n/g, '<br />\n')
    .replace(new RegExp(`(</?${BLOCKS}[^>]*>)\\s*<br />`, 'gi'), '$1')
    .replace(/<br \/>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)/gi, '$1')
    .replace(/\n<\/p>$/, '</p>');
  return html;
}

// ---------------------------------------------------------------------------
// Reading parsed XML

function element(value: XmlValue): XmlElement | null {
  return value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : null;
}

function list(value: XmlValue): XmlValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The text of an element (CDATA included), trimmed; '' when it has none. */
function textOf(value: XmlValue): string {
  if (typeof value === 'string') return value.trim();
  const node = element(value);
  return node ? textOf(node['#text']) : '';
}

/** Titles and term names are HTML in WordPress (entities, and sometimes markup). */
function plainText(html: string): string {
  return html ? cleanText(htmlToText(html)) : '';
}

function distinct(names: string[]): string[] {
  const seen = new Map<string, string>();
  for (const name of names) if (name && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  return [...seen.values()];
}

function httpUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}
