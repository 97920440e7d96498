import { createHash } from 'node:crypto';
import * as chrono from 'chrono-node';
import { slugify } from '../../core/slugify';

const ISO_DATE =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?)?$/;

/** True for an ISO 8601 date or date-time as the archive format accepts it. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** Collapses runs of white space and trims. */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A display name for a label shown in slug-like form ("Middle-East", "world_news") gets its
 * words back ("Middle East", "world news"); anything else is kept as written.
 */
export function labelName(shown: string): string {
  const text = cleanText(shown);
  if (!/\s/.test(text) && /^[\p{L}\p{N}]+([-_][\p{L}\p{N}]+)+$/u.test(text)) return text.replace(/[-_]+/g, ' ');
  return text;
}

/** An author or outlet name without "By", trailing separators or surrounding punctuation. */
export function cleanName(name: string): string {
  return cleanText(name)
    .replace(/^(written\s+)?by[:\s]+/i, '')
    .replace(/^[\s,;:|–—-]+|[\s,;:|–—-]+$/g, '');
}

/**
 * The first sentences of a text, up to about `max` characters, cut at a sentence end when one
 * falls in the second half, else at a word boundary with an ellipsis.
 */
export function summarise(text: string, max = 280): string {
  const clean = cleanText(text);
  if (clean.length <= max) return clean;
  const window = clean.slice(0, max + 1);
  const sentenceEnd = Math.max(...['. ', '? ', '! ', '.” ', '." '].map((p) => window.lastIndexOf(p)));
  if (sentenceEnd > max / 2) return clean.slice(0, sentenceEnd + 1).trim();
  const space = window.lastIndexOf(' ');
  return `${clean.slice(0, space > 0 ? space : max).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** Canonical form of a URL for identity: no fragment, no trailing slash, lowercase host. */
export function canonicalUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  u.hostname = u.hostname.toLowerCase();
  const text = u.toString();
  return text.endsWith('/') && u.pathname !== '/' ? text.slice(0, -1) : text;
}

/**
 * The stable id of a new article: from its canonical URL when it has one, else from its folded
 * title and publication day. 16 hex digits of SHA-256.
 */
export function articleId(url: string | null, title: string, date: string): string {
  const key = url ? `url:${canonicalUrl(url)}` : `title:${slugify(title, 200)}|${date.slice(0, 10)}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

const DATE_TIME =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;

/**
 * A date as a source states it, as ISO 8601 with its offset kept and no more precision than
 * stated: `2017-10-03 16:28:00 -0400` → `2017-10-03T16:28:00-04:00`, `2015-06-29 1:00:19 -0400` →
 * `2015-06-29T01:00:19-04:00`, `2019-12-04` → `2019-12-04`, `Fri, 17 Nov 2017 10:00:00 GMT` →
 * `2017-11-17T10:00:00Z`. Null when the value is no recognisable calendar date.
 */
export function parseSourceDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'string') return null;
  const text = cleanText(value);
  if (text === '') return null;
  const match = DATE_TIME.exec(text);
  if (match) {
    const [, y, mo, d, h, mi, s, fraction, zone] = match;
    const day = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    // A zone without a time of day says nothing: the day stands alone.
    const iso = h === undefined ? day : `${day}T${h.padStart(2, '0')}:${mi}${s ? `:${s}${fraction ?? ''}` : ''}${isoZone(zone)}`;
    return isIsoDate(iso) ? iso : null;
  }
  return chronoDate(text);
}

function isoZone(zone: string | undefined): string {
  if (!zone) return '';
  if (/^(Z|UTC|GMT)$/i.test(zone)) return 'Z';
  const digits = zone.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3)}`;
}

/** Free-form dates ("November 17, 2017", RFC 2822): only when day, month and year are all stated. */
function chronoDate(text: string): string | null {
  const result = chrono.strict.parse(text)[0];
  const start = result?.start;
  if (!start || !(['year', 'month', 'day'] as const).every((unit) => start.isCertain(unit))) return null;
  const two = (n: number | null) => String(n ?? 0).padStart(2, '0');
  const day = `${start.get('year')}-${two(start.get('month'))}-${two(start.get('day'))}`;
  if (!start.isCertain('hour')) return isIsoDate(day) ? day : null;
  const time = `T${two(start.get('hour'))}:${two(start.get('minute'))}${start.isCertain('second') ? `:${two(start.get('second'))}` : ''}`;
  const offset = start.isCertain('timezoneOffset') ? start.get('timezoneOffset') : null;
  const zone =
    offset === null
      ? ''
      : offset === 0
        ? 'Z'
        : `${offset < 0 ? '-' : '+'}${two(Math.trunc(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  const iso = `${day}${time}${zone}`;
  return isIsoDate(iso) ? iso : null;
}

/** Names as one byline: "A", "A and B", "A, B and C"; null for none. */
export function joinNames(names: string[]): string | null {
  const unique = [...new Set(names.map(cleanName).filter(Boolean))];
  if (unique.length <= 1) return unique[0] ?? null;
  return `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}

