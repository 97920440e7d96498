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
import { cleanText, isIsoDate, joinNames, labelName } from '../import/normalise';
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
  isArray: (name) => ['item', 'category', 'wp:author', 'wp:category', 'dc:creator'].includes(name),
});

/**
 * Reads the published posts of a WordPress export, one {@link SourceArticle} per post
 * (`record: 'item N'`, N counting every `<item>` of the export). Pages, attachments, menu
 * items, drafts, scheduled, private and password-protected posts are skipped, each with its
 * reason (`item 12 ("About The Tests")`: `a page, not a post`). A post keeps the date it states,
 * even a placeholder: the import refuses that (or replaces it with the librarian's --date).
 *
 * Taxonomy: tags are `<category domain="post_tag">` (WXR 1.1 and later) or `domain="tag"` (WXR
 * 1.0). A post's categories are told apart by slug (`nicename`), and the channel's
 * `<wp:category>` entries give their hierarchy: the article's `category` is the post's most
 * specific category (a child before its parent), and its other categories go into `tags` ahead
 * of its tags, since an archive article has one category. WordPress's default category
 * "Uncategorized" is no category.
 * Authors: every `dc:creator` and every Co-Authors Plus author (`<category domain="author">`),
 * as one byline.
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
    categories: categoryTree(list(channel['wp:category'])),
  };
  const result: SourceReadResult & { refused: SourceReadResult['skipped'] } = { articles: [], skipped: [], refused: [] };
  items.forEach((item, i) => {
    const title = plainText(textOf(item.title));
    const reason = skipReason(item);
    if (reason) {
      result.skipped.push({ record: title ? `item ${i + 1} ("${title}")` : `item ${i + 1}`, reason });
      return;
    }
    const article = toArticle(item, title, site, file, `item ${i + 1}`);
    if ('as' in article) result[article.as].push({ record: title ? `item ${i + 1} ("${title}")` : `item ${i + 1}`, reason: article.reason });
    else result.articles.push(article);
  });
  const { refused, ...rest } = result;
  return refused.length > 0 ? result : rest;
}

interface Site {
  outlet: string | null;
  link: string | null;
  /** Login → display name. */
  authors: Map<string, string>;
  /** Category slug → its parent's slug ('' for a top-level category), from `<wp:category>`. */
  categories: Map<string, string>;
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

/** Why a post is no article: left out by design (`skipped`) or broken (`refused`). */
interface LeftOut {
  as: 'skipped' | 'refused';
  reason: string;
}

/** The post as an article, or why it is none. */
function toArticle(item: XmlElement, title: string, site: Site, file: string, record: string): SourceArticle | LeftOut {
  const url = httpUrl(textOf(item.link)) ?? permalinkGuid(element(item.guid) ?? textOf(item.guid));
  const content = textOf(item['content:encoded']);
  const bodyHtml = content ? sanitizeArticleHtml(wordpressHtml(content), url ?? site.link) : '';
  const bodyText = htmlToText(bodyHtml);
  if (!title && !bodyText) return { as: 'skipped', reason: 'neither title nor content' };
  const date = postDate(textOf(item['wp:post_date_gmt']), textOf(item['wp:post_date']));

  const terms = list(item.category).map((c): Term => {
    const node = element(c);
    return { domain: node ? textOf(node['@_domain']) : '', slug: node ? textOf(node['@_nicename']) : '', name: plainText(textOf(c)) };
  });
  const tagTerms = terms.filter((t) => t.domain === 'post_tag' || t.domain === 'tag');
  // WordPress files every post that its author put in no category under the default one,
  // "Uncategorized": it says nothing, and the archive shows such articles as uncategorised.
  const categoryTerms = postCategories(terms).filter((t) => t.slug !== DEFAULT_CATEGORY);
  const [category = null, ...otherCategories] = bySpecificity(categoryTerms, site.categories).map((t) => t.name);
  const excerpt = plainText(textOf(item['excerpt:encoded']));
  return {
    file,
    record,
    title,
    date,
    outlet: site.outlet,
    url,
    author: postAuthors(item, terms, site.authors),
    category,
    tags: distinct([...otherCategories, ...tagTerms.map((t) => t.name)]).filter((t) => t.toLowerCase() !== category?.toLowerCase()),
    summary: excerpt || null,
    bodyHtml,
    bodyText,
  };
}

/** A `<category>` of an item: its taxonomy (`domain`), slug (`nicename`) and display name. */
interface Term {
  domain: string;
  slug: string;
  name: string;
}

/**
 * The post's categories, each once, keyed by slug: two categories may share a name ("News" under
 * "Sport" and under "Politics") and are still two. WXR 1.0 repeats every term without a domain
 * (plain RSS `<category>`); such a bare term counts only when no term of the post has its name.
 */
function postCategories(terms: Term[]): Term[] {
  const bySlug = new Map<string, Term>();
  const named = new Set(terms.filter((t) => t.domain !== '').map((t) => t.name.toLowerCase()));
  for (const term of terms) {
    if (!term.name) continue;
    if (term.domain === '' && named.has(term.name.toLowerCase())) continue;
    if (term.domain !== 'category' && term.domain !== '') continue;
    const key = term.slug || `name:${term.name.toLowerCase()}`;
    if (!bySlug.has(key)) bySlug.set(key, term);
  }
  // A term written once with its slug and once without (WXR 1.0) is one category.
  const slugged = new Set([...bySlug.values()].filter((t) => t.slug).map((t) => t.name.toLowerCase()));
  return [...bySlug.values()].filter((t) => t.slug || !slugged.has(t.name.toLowerCase()));
}

/** The slug of WordPress's default category. */
const DEFAULT_CATEGORY = 'uncategorized';

/** Categories, most specific first: deeper in the site's hierarchy first, else in the post's order. */
function bySpecificity(categories: Term[], tree: Map<string, string>): Term[] {
  const depth = (slug: string): number => {
    let n = 0;
    // The bound stops a parent loop that a hand-edited export could contain.
    for (let parent = tree.get(slug); parent && n < 64; parent = tree.get(parent)) n++;
    return n;
  };
  return categories
    .map((term, i) => ({ term, i, rank: depth(term.slug) }))
    .sort((a, b) => b.rank - a.rank || a.i - b.i)
    .map(({ term }) => term);
}

/** Slug → parent slug of every `<wp:category>` of the channel (`wp:category_parent` holds the slug). */
function categoryTree(entries: XmlValue[]): Map<string, string> {
  const tree = new Map<string, string>();
  for (const entry of entries.map(element)) {
    const slug = textOf(entry?.['wp:category_nicename']);
    if (slug) tree.set(slug, textOf(entry?.['wp:category_parent']));
  }
  return tree;
}

/**
 * Every author of the post as one byline: the Co-Authors Plus authors in their order (terms
 * `<category domain="author" nicename="cap-login">login</category>`), then any `dc:creator`
 * they leave out. Logins become display names through the export's `<wp:author>` list.
 */
function postAuthors(item: XmlElement, terms: Term[], authors: Map<string, string>): string | null {
  const coauthors = terms
    .filter((t) => t.domain === 'author')
    .map((t) => (t.name || t.slug).replace(/^cap-/, ''))
    .filter(Boolean);
  const creators = list(item['dc:creator']).map(textOf).filter(Boolean);
  const names = [...coauthors, ...creators].map((login) => authorOf(login, authors)).filter((name) => name !== null);
  return joinNames(names);
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
  // A guest author of Co-Authors Plus has no <wp:author> entry: "jane-doe" reads "jane doe".
  return authors.get(login) ?? authors.get(bare) ?? (bare ? labelName(bare) : null);
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
