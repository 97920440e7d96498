/**
 * Reads the items of an RSS (0.9x, 2.0), RSS 1.0 (RDF) or Atom feed as source articles.
 *
 * feedsmith parses every format into typed objects; this module maps the three shapes onto one
 * {@link FeedEntry} and from there onto {@link SourceArticle}. feedsmith tolerates broken XML
 * (it is built on fast-xml-parser, which does not validate), so the text is checked for
 * well-formedness first: a truncated download is an error, not a shorter feed.
 */
import * as chrono from 'chrono-node';
import { type AtomFeed, parseAtomFeed, parseRdfFeed, parseRssFeed, type RdfFeed, type RssFeed } from 'feedsmith';
import { htmlToText } from '../bundle/htmlToText';
import { cleanText, implausibleDate, isIsoDate, joinNames, parseSourceDate } from '../import/normalise';
import { paragraphsToHtml } from '../import/paragraphsToHtml';
import { sanitizeArticleHtml } from '../import/sanitizeArticleHtml';
import { type SourceArticle, SourceError, type SourceReadResult } from '../import/SourceArticle';
import { wellFormedXml, xmlProlog } from './wellFormedXml';

const A_FEED = 'a valid RSS or Atom feed';
const NOT_A_FEED = `not ${A_FEED}`;
const NO_TITLE_NOR_CONTENT = 'neither title nor content';

/** One item of any feed format, as far as the feed states it. */
interface FeedEntry {
  /** Plain text; empty when the item has none. */
  title: string;
  /** As written: possibly relative. */
  link: string | null;
  /** The xml:base in force for the item, when the feed sets one. */
  base: string | null;
  /** Date candidates, most preferred first (published before created before updated). */
  dates: (string | undefined)[];
  author: string | null;
  categories: string[];
  /** The full content, as HTML. */
  content: string | null;
  /** The summary or description, as HTML. */
  description: string | null;
}

interface FeedChannel {
  outlet: string | null;
  /** The feed's language (RSS `<language>`, `dc:language`, Atom `xml:lang`), for its dates. */
  language: string | null;
  /** The feed's own web address, against which relative item links are resolved. */
  link: string | null;
  entries: FeedEntry[];
}

/**
 * Reads every item of a feed into a {@link SourceArticle} (`record: 'item N'`, 1-based, counted
 * as the items stand in the file). An item with neither title nor content is skipped with its
 * reason. An item keeps the most believable date it states (see {@link implausibleDate}: the
 * import refuses a placeholder, or replaces it with the date the librarian gives); an item with
 * no date keeps `date: null`.
 *
 * @param text - the feed as text (see {@link decodeXmlBytes} for bytes)
 * @param file - the file name, for messages
 * @throws {SourceError} when the file is empty, binary, not XML, malformed or truncated XML, an
 *   HTML page, declares entities, is not a feed, or is a feed without items; the reason says
 *   what is missing
 */
export function readFeed(text: string, file: string): SourceReadResult {
  const xml = wellFormedXml(text, file, A_FEED);
  const parsed = parse(xml, file);
  const channel = toChannel(parsed);
  const raw = rawItems(xml, parsed.format);
  if (channel.entries.length === 0 && raw.length === 0) {
    throw new SourceError(file, parsed.format === 'atom' ? 'the feed has no items: no <entry> in its <feed>' : 'the feed has no items: no <item> in it');
  }

  const { numbers, dropped } = itemNumbers(raw, channel.entries.length);
  const articles: SourceArticle[] = [];
  const left: Record<LeftOut['as'], { record: string; reason: string }[]> = { skipped: [], refused: [] };
  for (const n of dropped) left.skipped.push({ record: `item ${n}`, reason: NO_TITLE_NOR_CONTENT });
  channel.entries.forEach((entry, i) => {
    const record = `item ${numbers[i] ?? i + 1}`;
    const article = toArticle(entry, channel, file, record);
    if ('as' in article) left[article.as].push({ record, reason: article.reason });
    else articles.push(article);
  });
  left.skipped.sort((a, b) => recordNumber(a.record) - recordNumber(b.record));
  return { articles, skipped: left.skipped, ...(left.refused.length > 0 ? { refused: left.refused } : {}) };
}

function recordNumber(record: string): number {
  return Number(/\d+/.exec(record)?.[0] ?? 0);
}

// ---------------------------------------------------------------------------
// Parsing

/** RSS, RDF or Atom, with dates left as the feed writes them. */
type ParsedFeed =
  | { format: 'rss'; feed: RssFeed.Feed<string> }
  | { format: 'atom'; feed: AtomFeed.Feed<string> }
  | { format: 'rdf'; feed: RdfFeed.Feed<string> };

/**
 * The feed parsed by the parser its root element calls for. feedsmith's own detection looks for
 * `<rss` anywhere in the text and answers every shortfall with "Invalid feed format"; here the
 * root decides, and a refusal says what the feed lacks.
 */
function parse(xml: string, file: string): ParsedFeed {
  const root = xmlProlog(xml).root ?? '?';
  const local = root.replace(/^\w+:/, '').toLowerCase();
  const structure = withoutCommentsAndCdata(xml);
  try {
    if (local === 'rss') {
      if (!/<(?:\w+:)?channel[\s>/]/.test(structure)) {
        throw new SourceError(file, `${NOT_A_FEED}: no <channel> element in <${root}> (an RSS feed keeps its items in one <channel>)`);
      }
      return { format: 'rss', feed: parseRssFeed<string>(xml) };
    }
    if (local === 'feed') return { format: 'atom', feed: parseAtomFeed<string>(xml) };
    if (local === 'rdf') return { format: 'rdf', feed: parseRdfFeed<string>(xml) };
  } catch (err) {
    if (err instanceof SourceError) throw err;
    throw new SourceError(file, `${NOT_A_FEED}: ${missingFrom(local, structure)}`);
  }
  throw new SourceError(file, `${NOT_A_FEED}: the root element is <${root}>, not <rss>, <feed> or <rdf:RDF>`);
}

/** What a feed that feedsmith could not make sense of lacks, as far as the elements tell. */
function missingFrom(local: string, structure: string): string {
  if (local === 'feed') {
    return /<(?:\w+:)?(entry|title|id)[\s>/]/.test(structure)
      ? 'the <feed> is no Atom feed feedsmith can read (no Atom namespace and no known element)'
      : 'the <feed> has no <entry>, <title> or <id> element, so it is no Atom feed';
  }
  if (local === 'rdf') return 'the <rdf:RDF> has no RSS 1.0 <channel> or <item> element (namespace http://purl.org/rss/1.0/)';
  return 'the <channel> holds no <title>, <link>, <description> or <item> element';
}

function withoutCommentsAndCdata(xml: string): string {
  return xml.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
}

/**
 * Whether each item element in the file holds anything (text or a link). feedsmith leaves out
 * items in which it finds nothing, which would shift the numbers of the items after them.
 */
function rawItems(xml: string, format: ParsedFeed['format']): boolean[] {
  const masked = xml
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_whole, data: string) => (data.trim() ? 'text' : ''));
  const element = format === 'atom' ? 'entry' : 'item';
  const pattern = new RegExp(`<(?:\\w+:)?${element}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${element}>)`, 'g');
  return [...masked.matchAll(pattern)].map(([, inner = '']) =>
    inner.replace(/<[^>]*>/g, '').trim() !== '' || /\s(href|url|resource)\s*=/.test(inner),
  );
}

/**
 * The 1-based position in the file of each item feedsmith returned, and the positions of the
 * items it left out: one to one when it kept them all, else matched to the items that hold
 * something (the only ones it keeps). When even that does not add up, items are numbered as
 * returned.
 */
function itemNumbers(raw: boolean[], parsedCount: number): { numbers: number[]; dropped: number[] } {
  const positions = raw.map((_, i) => i + 1);
  if (raw.length === parsedCount || raw.filter(Boolean).length !== parsedCount) {
    return { numbers: Array.from({ length: parsedCount }, (_, i) => i + 1), dropped: [] };
  }
  return { numbers: positions.filter((_, i) => raw[i]), dropped: positions.filter((_, i) => !raw[i]) };
}

function toChannel(parsed: ParsedFeed): FeedChannel {
  switch (parsed.format) {
    case 'rss':
      return {
        outlet: textOf(parsed.feed.title),
        language: parsed.feed.language ?? parsed.feed.dc?.languages?.[0] ?? null,
        link: parsed.feed.link ?? null,
        entries: (parsed.feed.items ?? []).map(rssEntry),
      };
    case 'rdf':
      return {
        outlet: textOf(parsed.feed.title),
        language: parsed.feed.dc?.languages?.[0] ?? null,
        link: parsed.feed.link ?? null,
        entries: (parsed.feed.items ?? []).map(rdfEntry),
      };
    case 'atom': {
      const feed = parsed.feed;
      // RFC 4287 §4.2.1: an entry without an author has the feed's.
      const feedAuthor = personNames([(feed.authors ?? []).map((a) => a.name)]);
      const link = resolveUrl(atomLink(feed.links) ?? httpUrl(feed.id), feed.xml?.base ?? null);
      return {
        outlet: atomText(feed.title),
        language: feed.xml?.lang ?? feed.dc?.languages?.[0] ?? null,
        link,
        entries: (feed.entries ?? []).map((entry) => atomEntry(entry, feedAuthor)),
      };
    }
  }
}

function rssEntry(item: RssFeed.Item<string>): FeedEntry {
  const guid = item.guid?.isPermaLink !== false ? httpUrl(item.guid?.value) : null;
  return {
    title: textOf(item.title) ?? '',
    link: item.link ?? guid,
    base: null,
    dates: [item.pubDate, ...(item.dc?.dates ?? []), ...publicationDates(item.dcterms), item.atom?.published, ...(item.dcterms?.modified ?? []), item.atom?.updated],
    author: personNames([
      (item.authors ?? []).map((a) => a.name),
      item.dc?.creators ?? [],
      item.dcterms?.creators ?? [],
      (item.atom?.authors ?? []).map((a) => a.name),
      [item.itunes?.author],
    ]),
    categories: [...(item.categories ?? []).map((c) => c.name ?? ''), ...(item.dc?.subjects ?? [])],
    content: item.content?.encoded ?? null,
    description: item.description ?? null,
  };
}

function rdfEntry(item: RdfFeed.Item<string>): FeedEntry {
  return {
    title: textOf(item.title) ?? '',
    link: item.link ?? null,
    base: null,
    dates: [...(item.dc?.dates ?? []), ...publicationDates(item.dcterms), item.atom?.published, ...(item.dcterms?.modified ?? []), item.atom?.updated],
    author: personNames([item.dc?.creators ?? [], item.dcterms?.creators ?? []]),
    categories: item.dc?.subjects ?? [],
    content: item.content?.encoded ?? null,
    description: item.description ?? null,
  };
}

function atomEntry(entry: AtomFeed.Entry<string>, feedAuthor: string | null): FeedEntry {
  return {
    title: atomText(entry.title) ?? '',
    link: atomLink(entry.links) ?? httpUrl(entry.id),
    base: entry.xml?.base ?? null,
    dates: [entry.published, ...(entry.dc?.dates ?? []), ...publicationDates(entry.dcterms), entry.updated, ...(entry.dcterms?.modified ?? [])],
    author: personNames([(entry.authors ?? []).map((a) => a.name), entry.dc?.creators ?? [], entry.dcterms?.creators ?? [], [feedAuthor]]),
    categories: (entry.categories ?? []).map((c) => c.label ?? c.term ?? ''),
    content: entry.content?.src ? null : atomHtml(entry.content),
    description: atomHtml(entry.summary),
  };
}

/**
 * The byline of the first source that names anyone, every person it names ("A, B and C"): an
 * item with several `dc:creator` or Atom `<author>` elements has several authors. A bare e-mail
 * address (RSS `<author>` is meant to hold one) names nobody a reader would recognise, and an
 * archive should not republish it.
 */
function personNames(sources: (string | null | undefined)[][]): string | null {
  for (const candidates of sources) {
    const names = candidates.map((c) => (c ? cleanText(c) : '')).filter((name) => name && !/^\S+@\S+\.\S+$/.test(name));
    if (names.length > 0) return joinNames(names);
  }
  return null;
}

/**
 * The publication dates Dublin Core terms state, most telling first: `dcterms:issued` (formal
 * publication), `dcterms:created`, `dcterms:date`, `dcterms:available`. `dcterms:modified`
 * comes after every publication date of the item.
 */
function publicationDates(terms: RssFeed.Item<string>['dcterms']): string[] {
  return [...(terms?.issued ?? []), ...(terms?.created ?? []), ...(terms?.dates ?? []), ...(terms?.available ?? [])];
}

/** The entry's web page: the `alternate` link (the default relation), HTML preferred. */
function atomLink(links: AtomFeed.Link<string>[] | undefined): string | null {
  const alternates = (links ?? []).filter((l) => l.href && (!l.rel || l.rel === 'alternate'));
  const html = alternates.find((l) => !l.type || /html/i.test(l.type));
  return (html ?? alternates[0])?.href ?? null;
}

/** Atom text constructs: `html` and `xhtml` carry markup, `text` (the default) does not. */
function atomText(text: AtomFeed.Text | undefined): string | null {
  if (!text?.value) return null;
  return cleanText(isMarkupType(text.type) ? htmlToText(text.value) : text.value) || null;
}

/** Atom content or summary as HTML; null for content of other media types (images, PDFs…). */
function atomHtml(content: AtomFeed.Content | undefined): string | null {
  if (!content?.value) return null;
  if (isMarkupType(content.type)) return content.value;
  if (!content.type || content.type === 'text' || content.type.startsWith('text/')) return textToHtml(content.value);
  return null;
}

function isMarkupType(type: string | undefined): boolean {
  return !!type && /^(html|xhtml|text\/html|application\/xhtml\+xml)$/i.test(type);
}

/** RSS titles are meant as plain text, but feeds put escaped markup in them too. */
function textOf(value: string | undefined): string | null {
  if (!value) return null;
  return cleanText(/<\/?[a-z][^>]*>/i.test(value) ? htmlToText(value) : value) || null;
}

function textToHtml(text: string): string {
  return paragraphsToHtml(text.split(/\n\s*\n/).map(cleanText).filter(Boolean));
}

function httpUrl(value: string | undefined): string | null {
  return value && /^https?:\/\//i.test(value.trim()) ? value.trim() : null;
}

/** An absolute http(s) URL for `link`, resolved against `base`; null when there is none. */
function resolveUrl(link: string | null, base: string | null): string | null {
  if (!link) return null;
  try {
    const url = base ? new URL(link.trim(), base) : new URL(link.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// Articles

/** Why an item is no article: left out by design (`skipped`) or broken (`refused`). */
interface LeftOut {
  as: 'skipped' | 'refused';
  reason: string;
}

/** The item as an article, or why it is none. */
function toArticle(entry: FeedEntry, channel: FeedChannel, file: string, record: string): SourceArticle | LeftOut {
  const base = resolveUrl(entry.base, channel.link) ?? channel.link;
  const url = resolveUrl(entry.link, base);
  const bodyBase = url ?? base;
  const content = entry.content ? sanitizeArticleHtml(entry.content, bodyBase) : '';
  const description = entry.description ? sanitizeArticleHtml(entry.description, bodyBase) : '';
  // Content that sanitises to nothing (a lone tracking pixel) is no reason to lose the description.
  const bodyHtml = content || description;
  const bodyText = htmlToText(bodyHtml);
  if (!entry.title && !bodyText) return { as: 'skipped', reason: NO_TITLE_NOR_CONTENT };
  const dates = entry.dates.flatMap((candidate) => (candidate ? [parseFeedDate(candidate, channel.language)] : [])).filter((d) => d !== null);
  // A believable date among those stated wins; an item that states only a placeholder keeps it,
  // and the import refuses it (or replaces it with the librarian's --date) naming the item.
  const date = dates.find((d) => implausibleDate(d) === null) ?? dates[0] ?? null;

  const summaryText = content && description ? cleanText(htmlToText(description)) : '';
  const [category = null, ...tags] = distinctLabels(entry.categories);
  return {
    file,
    record,
    title: entry.title,
    date,
    outlet: channel.outlet,
    url,
    author: entry.author,
    category,
    tags,
    summary: summaryText && !repeatsBody(summaryText, bodyText) ? summaryText : null,
    bodyHtml,
    bodyText,
  };
}

/** Non-empty labels, each once (case-insensitively), in the feed's order. */
function distinctLabels(labels: string[]): string[] {
  const seen = new Map<string, string>();
  for (const label of labels.map(cleanText)) {
    if (label && !seen.has(label.toLowerCase())) seen.set(label.toLowerCase(), label);
  }
  return [...seen.values()];
}

/**
 * A description that the body already holds word for word (often its first paragraph, or that
 * paragraph cut short with an ellipsis) says nothing new.
 */
function repeatsBody(summary: string, body: string): boolean {
  const fold = (text: string) => cleanText(text).toLowerCase();
  const words = fold(summary.replace(/\s*(\[(…|\.\.\.)\]|…|\.\.\.)\s*$/, ''));
  return words === '' || fold(body).includes(words);
}

// ---------------------------------------------------------------------------
// Dates

/** W3C-DTF / RFC 3339 as Atom, dc:date and most generators write them. */
const ISO_LIKE = /^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** RFC 822 / RFC 2822 as RSS writes them: "Wed, 04 May 2016 06:53:45 GMT", "03 Apr 02 1500 GMT". */
const RFC_822 =
  /^(?:[A-Za-z]+\.?,?\s+)?(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4}|\d{2})(?:,?\s+(\d{1,2}):?(\d{2})(?::(\d{2}))?(?:\s*([A-Za-z]{1,5}|[+-]\d{4}|[+-]\d{2}:\d{2}))?)?$/;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** UTC by name; other zone abbreviations (MEST, PST, JST…) are {@link parseSourceDate}'s to read. */
const UTC_NAMES = new Set(['UT', 'UTC', 'GMT', 'Z']);

/**
 * Feeds in other languages write RFC 822 dates with their own month and day names ("Seg, 24
 * Set 2018 19:42:40 -0300" in a Brazilian feed); chrono-node reads those, one locale at a time.
 */
const CHRONO_LOCALES = [chrono.en, chrono.pt, chrono.es, chrono.fr, chrono.de, chrono.it, chrono.nl, chrono.sv];

/**
 * A feed date as ISO 8601, as precise as the feed states it and keeping its zone offset as given
 * (`2017-11-10T09:52:00+03:00`; `Z` for GMT/UTC): W3C-DTF (Atom, `dc:date`, `dcterms:*`), RFC 822
 * (RSS `pubDate`) with the zone abbreviations in common use (`MEST` → `+02:00`), numeric dates
 * read for the feed's `language` as {@link parseSourceDate} does, and month names of the feed's
 * language. Null when the text is not a date.
 */
export function parseFeedDate(raw: string, language?: string | null): string | null {
  const text = cleanText(raw);
  const iso = isoLike(text) ?? rfc822(text) ?? parseSourceDate(text, { language }) ?? chronoDate(text);
  return iso && isIsoDate(iso) ? iso : null;
}

function isoLike(text: string): string | null {
  const m = ISO_LIKE.exec(text);
  if (!m) return null;
  const [, day, hourMinute, seconds = '', zone] = m;
  if (!hourMinute) return day ?? null;
  return `${day}T${hourMinute}${seconds}${zone ? offset(zone) : ''}`;
}

function rfc822(text: string): string | null {
  const m = RFC_822.exec(text);
  if (!m) return null;
  const [, day = '', monthName = '', yearText = '', hour, minute, second, zone] = m;
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return null;
  // RFC 2822 §4.3: two-digit years below 50 are 20xx.
  const year = yearText.length === 4 ? yearText : String(Number(yearText) + (Number(yearText) < 50 ? 2000 : 1900));
  const date = `${year}-${pad(month)}-${pad(Number(day))}`;
  if (!hour || !minute) return date;
  let zoneText = '';
  if (zone) {
    if (/^[+-]/.test(zone)) zoneText = offset(zone);
    else if (UTC_NAMES.has(zone.toUpperCase())) zoneText = 'Z';
    else return null;
  }
  return `${date}T${pad(Number(hour))}:${minute}${second ? `:${second}` : ''}${zoneText}`;
}

function chronoDate(text: string): string | null {
  for (const locale of CHRONO_LOCALES) {
    const [result] = locale.parse(text, new Date(Date.UTC(2000, 0, 1)));
    if (!result) continue;
    // The date must be the whole text, bar a leading weekday: not a time found inside it.
    const coversText = result.index + result.text.length === text.length && /^[\p{L}.]*,?\s*$/u.test(text.slice(0, result.index));
    const c = result.start;
    if (!coversText || !c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) continue;
    // "Yesterday" is certain to chrono, but it is no publication date: the year must be written.
    if (!text.includes(String(c.get('year')))) continue;
    const date = `${c.get('year')}-${pad(c.get('month') ?? 0)}-${pad(c.get('day') ?? 0)}`;
    if (!c.isCertain('hour')) return date;
    const seconds = c.isCertain('second') ? `:${pad(c.get('second') ?? 0)}` : '';
    const zone = c.isCertain('timezoneOffset') ? minutesOffset(c.get('timezoneOffset') ?? 0) : '';
    return `${date}T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}${seconds}${zone}`;
  }
  return null;
}

/** "+0300" → "+03:00", "+05" → "+05:00", "z" → "Z"; anything already "+03:00" as given. */
function offset(zone: string): string {
  if (/^z$/i.test(zone)) return 'Z';
  const digits = zone.slice(1).replace(':', '');
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}

function minutesOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
