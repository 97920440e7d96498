/**
 * A site's permalink pattern (`https://digital.gov/{year}/{month}/{day}/{slug}/`, or in Hugo's
 * own spelling `https://example.org/:year/:month/:slug/`): gives Markdown articles, which do not
 * state their own address, the one their site published them at, and recognises links to them.
 */

/** The fields a pattern may use, as Hugo's and Jekyll's permalink tokens name them. */
export const URL_PATTERN_FIELDS = ['year', 'month', 'day', 'slug', 'title', 'filename', 'section'] as const;
export type UrlPatternField = (typeof URL_PATTERN_FIELDS)[number];
export type UrlFields = Partial<Record<UrlPatternField, string>>;

export interface UrlPattern {
  /** As the librarian wrote it. */
  source: string;
  /** `https://digital.gov` */
  origin: string;
  /** The path with `{field}` placeholders: `/{year}/{month}/{day}/{slug}/`. */
  path: string;
  fields: UrlPatternField[];
}

/** A pattern that cannot be used, with the reason (the CLI shows it as a usage error). */
export class UrlPatternError extends Error {}

const TOKEN = /\{(\w+)\}|:(\w+)/g;

/**
 * Reads a pattern. It must be an absolute http(s) address whose path names the article by at
 * least a slug, title or file name; `:field` is accepted for `{field}`.
 */
export function parseUrlPattern(text: string): UrlPattern {
  const source = text.trim();
  const match = /^(https?:\/\/[^/?#\s]+)(\/[^?#\s]*)?$/i.exec(source);
  if (!match) throw new UrlPatternError(`"${text}" is not an absolute http(s) address pattern such as https://example.org/{year}/{month}/{slug}/`);
  const fields: UrlPatternField[] = [];
  const path = (match[2] ?? '/').replace(TOKEN, (_whole, braced: string | undefined, colon: string | undefined) => {
    const name = (braced ?? colon)!;
    if (!(URL_PATTERN_FIELDS as readonly string[]).includes(name)) {
      throw new UrlPatternError(`"${text}": unknown field "${name}" (known: ${URL_PATTERN_FIELDS.join(', ')})`);
    }
    fields.push(name as UrlPatternField);
    return `{${name}}`;
  });
  if (!fields.some((f) => f === 'slug' || f === 'title' || f === 'filename')) {
    throw new UrlPatternError(`"${text}": the pattern must name the article by {slug}, {title} or {filename}`);
  }
  return { source, origin: match[1]!.toLowerCase(), path, fields };
}

/** The address of an article, or null when the pattern needs a field the article lacks. */
export function formatUrlPattern(pattern: UrlPattern, values: UrlFields): string | null {
  let missing = false;
  const path = pattern.path.replace(/\{(\w+)\}/g, (_whole, name: UrlPatternField) => {
    const value = values[name];
    if (!value) missing = true;
    return value ? encodeURI(value) : '';
  });
  return missing ? null : `${pattern.origin}${path}`;
}

/**
 * The fields of `url` when it is an address of `pattern` (same host, `www.` or not, http or
 * https; a missing trailing slash and any query or fragment ignored); null otherwise.
 */
export function matchUrlPattern(pattern: UrlPattern, url: string): UrlFields | null {
  let parsed: URL;
  let origin: URL;
  try {
    parsed = new URL(url);
    origin = new URL(pattern.origin);
  } catch {
    return null;
  }
  const host = (h: string) => h.toLowerCase().replace(/^www\./, '');
  if (host(parsed.hostname) !== host(origin.hostname) || !/^https?:$/.test(parsed.protocol)) return null;
  const names: UrlPatternField[] = [];
  const source = pattern.path
    .replace(/\/$/, '')
    .split(/(\{\w+\})/)
    .map((part) => {
      const field = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!field) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(field as UrlPatternField);
      return field === 'year' ? '(\\d{4})' : field === 'month' || field === 'day' ? '(\\d{1,2})' : '([^/]+)';
    })
    .join('');
  const found = new RegExp(`^${source}/?$`).exec(parsed.pathname);
  if (!found) return null;
  const fields: UrlFields = {};
  names.forEach((name, i) => {
    fields[name] = safeDecode(found[i + 1]!);
  });
  return fields;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The pattern fields of a dated article: year, month and day as written (not moved to UTC). */
export function dateFields(isoDate: string): UrlFields {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return match ? { year: match[1], month: match[2], day: match[3] } : {};
}
