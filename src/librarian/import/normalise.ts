import { createHash } from 'node:crypto';
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
