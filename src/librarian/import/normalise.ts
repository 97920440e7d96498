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

/** What a source says about how to read its dates. */
export interface ParseDateOptions {
  /**
   * The source's language as a BCP 47 tag (`de`, `en-US`, `fr`). It decides slash dates:
   * `06/10/2003` is month-first (June 10) for `en-US`, for `en` without a region and when no
   * language is known, and day-first (6 October) for every other language. A slash date that
   * reads only one way (`13/06/2003`, `06/13/2003`) is read that way whatever the language.
   * Dotted dates (`10.06.2003`) are day-first in every language. Month names in the language
   * (`10. Juni 2003`, `10 juin 2003`) are read when chrono-node knows it.
   */
  language?: string | null;
}

const DATE_TIME =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[A-Z]{2,5}|[+-]\d{2}:?\d{2})?$/i;

/** `10.06.2003`, `10/06/2003`, `2003/06/10`, with an optional time of day and zone. */
const NUMERIC_DATE =
  /^(\d{1,4})([./])(\d{1,2})\2(\d{1,4})\.?(?:,?\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\s*([+-]\d{2}:?\d{2}|[A-Z]{1,5}))?(?:\s*h)?)?$/i;

/**
 * RFC 822/1123/2822 date-times (RSS `pubDate`), read here rather than by chrono-node so that every
 * zone abbreviation in the table below counts and a two-digit year follows RFC 2822 §4.3.
 */
const RFC_822 =
  /^(?:[A-Z][a-z]{2,8},?\s+)?(\d{1,2})[\s-]+([A-Z][a-z]{2,8})\.?[\s-]+(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{4}|[+-]\d{2}:\d{2}|[A-Z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?))?(?:\s*\([^)]*\))?$/i;

/** A numeric date with a four-digit year inside a longer text. */
const EMBEDDED_NUMERIC_DATE = /(?<![\d./])(?:\d{1,2}([./])\d{1,2}\1\d{4}|\d{4}([./])\d{1,2}\2\d{1,2})(?![\d./]|\.\d)/;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Zone abbreviations in common use, as minutes east of UTC. RFC 822's military letters other
 * than Z are left out: RFC 2822 §4.3 says their signs were published wrong and they mean
 * nothing reliable, so a date with one keeps its day and time without an offset. So do the
 * abbreviations that name several zones: IST (India, Ireland, Israel), AST (Atlantic, Arabia),
 * BST is British Summer Time (the Bangladesh use is rare in feeds).
 */
const ZONE_OFFSETS: Record<string, number> = {
  Z: 0, UT: 0, UTC: 0, GMT: 0, WET: 0,
  WEST: 60, BST: 60, CET: 60, MET: 60, MEZ: 60, WAT: 60,
  CEST: 120, MEST: 120, MESZ: 120, EET: 120, SAST: 120, CAT: 120,
  EEST: 180, MSK: 180, EAT: 180,
  PKT: 300,
  ICT: 420, WIB: 420,
  AWST: 480, HKT: 480, SGT: 480, PHT: 480,
  JST: 540, KST: 540,
  ACST: 570, ACDT: 630,
  AEST: 600, AEDT: 660,
  NZST: 720, NZDT: 780,
  NST: -210, NDT: -150,
  ADT: -180, BRT: -180, ART: -180,
  EDT: -240, EST: -300, CDT: -300, CST: -360, MDT: -360, MST: -420, PDT: -420, PST: -480,
  AKDT: -480, AKST: -540, HST: -600,
};

/**
 * A date as a source states it, as ISO 8601 with its offset kept and no more precision than
 * stated: `2017-10-03 16:28:00 -0400` → `2017-10-03T16:28:00-04:00`, `2015-06-29 1:00:19 -0400` →
 * `2015-06-29T01:00:19-04:00`, `2019-12-04` → `2019-12-04`, `Fri, 17 Nov 2017 10:00:00 GMT` →
 * `2017-11-17T10:00:00Z`, `Tue, 10 Jun 2003 09:41:01 MEST` → `2003-06-10T09:41:01+02:00`,
 * `10.06.2003` → `2003-06-10`. W3C-DTF (ISO 8601 profile of RSS 1.0, Atom and `dc:date`) at every
 * precision with a day; a year or a month alone is no publication date and gives null. Null when
 * the value is no recognisable calendar date. An implausible date (year 9999, 0001-01-01) is still
 * a date: {@link implausibleDate} says whether to trust it.
 */
export function parseSourceDate(value: unknown, options?: ParseDateOptions): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'string') return null;
  const text = cleanText(value);
  if (text === '') return null;
  const match = DATE_TIME.exec(text);
  if (match) {
    const [, y, mo, d, h, mi, s, fraction, zone] = match;
    const day = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    // A zone without a time of day says nothing: the day stands alone.
    const iso = h === undefined ? day : `${day}T${h.padStart(2, '0')}:${mi}${s ? `:${s}${fraction ?? ''}` : ''}${zoneText(zone)}`;
    return isIsoDate(iso) ? iso : null;
  }
  // `options` may be an array index when the function is passed to `map` directly.
  const language = typeof options === 'object' && options !== null ? options.language : null;
  if (NUMERIC_DATE.test(text)) return numericDate(text, language);
  // chrono-node reads every numeric date month-first: one inside a longer text ("Veröffentlicht
  // am 10.06.2003 um 14:30") is written out as ISO first, read the way this function reads it.
  const unambiguous = text.replace(EMBEDDED_NUMERIC_DATE, (date) => numericDate(date, language) ?? date);
  return rfc822Date(text) ?? chronoDate(unambiguous, language);
}

function two(n: number | string): string {
  return String(n).padStart(2, '0');
}

function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${two(Math.trunc(abs / 60))}:${two(abs % 60)}`;
}

/** `+0200`, `+02:00`, `Z`, `GMT`, `MEST`, `GMT+2`: the ISO offset, '' when unknown or absent. */
function zoneText(zone: string | undefined): string {
  if (!zone) return '';
  // A numeric offset is kept as written: `+00:00` says more than `Z` (RFC 3339 §4.3).
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) return `${numeric[1]}${numeric[2]}:${numeric[3]}`;
  const shifted = /^(GMT|UTC|UT)([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
  if (shifted) return offsetText((shifted[2] === '-' ? -1 : 1) * (Number(shifted[3]) * 60 + Number(shifted[4] ?? 0)));
  const named = ZONE_OFFSETS[zone.toUpperCase()];
  return named === undefined ? '' : offsetText(named);
}

function isoOf(y: number, mo: number, d: number, h?: string, mi?: string, s?: string, zone?: string): string | null {
  const day = `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}`;
  const iso = h === undefined ? day : `${day}T${two(h)}:${mi}${s ? `:${s}` : ''}${zoneText(zone)}`;
  return isIsoDate(iso) ? iso : null;
}

/** True when slash dates in this language put the month first (see {@link ParseDateOptions}). */
export function monthFirst(language: string | null | undefined): boolean {
  if (!language) return true;
  const tag = language.toLowerCase().replace(/_/g, '-');
  return tag === 'en' || tag === 'en-us' || tag.startsWith('en-us-');
}

function numericDate(text: string, language: string | null | undefined): string | null {
  const match = NUMERIC_DATE.exec(text);
  if (!match) return null;
  const [, a, separator, b, c, h, mi, s, zone] = match;
  if (a!.length === 3) return null;
  if (a!.length === 4) return isoOf(Number(a), Number(b), Number(c), h, mi, s, zone);
  // A two-digit year could be any century: too little to date an article by.
  if (c!.length !== 4) return null;
  const year = Number(c);
  const first = Number(a);
  const second = Number(b);
  const dayFirst = isoOf(year, second, first, h, mi, s, zone);
  if (separator === '.') return dayFirst;
  const monthFirstReading = isoOf(year, first, second, h, mi, s, zone);
  return monthFirst(language) ? (monthFirstReading ?? dayFirst) : (dayFirst ?? monthFirstReading);
}

function rfc822Date(text: string): string | null {
  const match = RFC_822.exec(text);
  if (!match) return null;
  const [, d, monthName, y, h, mi, s, zone] = match;
  const month = MONTHS.indexOf(monthName!.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return null;
  // RFC 2822 §4.3: a two-digit year below 50 is in the 2000s, else in the 1900s.
  const year = y!.length === 2 ? (Number(y) < 50 ? 2000 : 1900) + Number(y) : Number(y);
  return isoOf(year, month, Number(d), h, mi, s, zone);
}

const CHRONO_LOCALES = { de: chrono.de, fr: chrono.fr, es: chrono.es, it: chrono.it, nl: chrono.nl, pt: chrono.pt, ru: chrono.ru, ja: chrono.ja, zh: chrono.zh, sv: chrono.sv, uk: chrono.uk, fi: chrono.fi } as Record<string, { strict: chrono.Chrono } | undefined>;

/**
 * Free-form dates ("November 17, 2017", "10. Juni 2003"): only when day, month and year are all
 * stated. The source's language is tried first, then English.
 */
function chronoDate(text: string, language: string | null | undefined): string | null {
  const local = language ? CHRONO_LOCALES[language.toLowerCase().split(/[-_]/)[0]!] : undefined;
  const result = local?.strict.parse(text)[0] ?? chrono.strict.parse(text)[0];
  const start = result?.start;
  if (!start || !(['year', 'month', 'day'] as const).every((unit) => start.isCertain(unit))) return null;
  const day = `${start.get('year')}-${two(start.get('month') ?? 0)}-${two(start.get('day') ?? 0)}`;
  if (!start.isCertain('hour')) return isIsoDate(day) ? day : null;
  const time = `T${two(start.get('hour') ?? 0)}:${two(start.get('minute') ?? 0)}${start.isCertain('second') ? `:${two(start.get('second') ?? 0)}` : ''}`;
  const offset = start.isCertain('timezoneOffset') ? start.get('timezoneOffset') : null;
  const iso = `${day}${time}${offset === null ? '' : offsetText(offset)}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * Why a parsed date is no believable publication date, or null when it is: a placeholder
 * (`0001-01-01`, the Unix epoch at midnight UTC) a system wrote for "unknown", a year before 1800
 * (no news archive here reaches that far; it is a typo or a wrong field), or more than a day after
 * `now` (a day of slack covers every time zone). The reason reads after the file and record:
 * "0001-01-01 is a placeholder, not a publication date", "1712-03-01 is before 1800",
 * "9999-12-31 is more than a day in the future".
 */
export function implausibleDate(iso: string, now: Date = new Date()): string | null {
  const day = iso.slice(0, 10);
  if (/^0*1-01-01/.test(iso) || /^1970-01-01T00:00(:00(\.0+)?)?(Z|[+-]00:?00)$/.test(iso)) {
    return `${day} is a placeholder, not a publication date`;
  }
  const year = Number(iso.slice(0, 4));
  if (!Number.isFinite(year) || year < 1800) return `${day} is before 1800`;
  // A date without an offset is taken as UTC: the day of slack covers the difference.
  const time = Date.parse(/T/.test(iso) && !/(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? `${iso}Z` : iso);
  if (Number.isFinite(time) && time > now.getTime() + 86_400_000) return `${day} is more than a day in the future`;
  return null;
}

/** Names as one byline: "A", "A and B", "A, B and C"; null for none. */
export function joinNames(names: string[]): string | null {
  const unique = [...new Set(names.map(cleanName).filter(Boolean))];
  if (unique.length <= 1) return unique[0] ?? null;
  return `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}

