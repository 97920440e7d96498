/**
 * A pasted article address, read from a query: the reader's own address of an article
 * (`/articles/2017/11/abu-kamal-grasping-defeat`, relative or absolute, under any base path) or
 * the original address of one of its sources (`https://www.arabnews.com/node/1191671/middle-east`,
 * with or without its scheme, "www.", trailing slash, query string or fragment).
 */
import type { MonthKey } from '../core/types';

export type ArticleAddress =
  | { kind: 'reader'; month: MonthKey; slug: string }
  /** `site`: the host without "www."; `path` without the trailing slash; `query` with its "?", or "". */
  | { kind: 'original'; site: string; path: string; query: string };

/** The reader's article route, anywhere in an address (the app may live under a base path). */
const READER_ADDRESS = /(?:^|\/)articles\/(\d{4})\/(0[1-9]|1[0-2])\/([^/?#]+)\/?(?:[?#].*)?$/u;

/**
 * An address of the web: an optional scheme, a host of two labels or more, a path that is not
 * empty (a bare site names no article), then an optional query string and fragment.
 */
const WEB_ADDRESS = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:www\d?\.)?((?:[\p{L}\p{N}-]+\.)+[\p{L}\p{N}-]{2,})(?::\d+)?(\/[^?#]*[^/?#][^?#]*)(\?[^#]*)?(?:#.*)?$/iu;

function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

/** The article address a query is, or undefined when it is words (it holds a space, or no address). */
export function parseArticleAddress(q: string): ArticleAddress | undefined {
  const text = q.trim();
  if (text === '' || /\s/u.test(text)) return undefined;
  const reader = READER_ADDRESS.exec(text);
  if (reader) return { kind: 'reader', month: `${reader[1]!}-${reader[2]!}` as MonthKey, slug: decodeSlug(reader[3]!) };
  const web = WEB_ADDRESS.exec(text);
  if (!web) return undefined;
  return { kind: 'original', site: web[1]!.toLowerCase(), path: web[2]!.replace(/\/+$/, ''), query: web[3] ?? '' };
}

/**
 * The texts to look an original address up by, most exact first: with its query string, then
 * without (a tracking `?utm_source=…` the archive does not have), each as pasted and with its
 * percent-escapes the other way (the archive keeps addresses as their sources wrote them).
 */
export function addressLookups(address: Extract<ArticleAddress, { kind: 'original' }>): string[] {
  const bases = [address.site + address.path + address.query, address.site + address.path];
  const other = (text: string) => {
    try {
      const decoded = decodeURI(text);
      return decoded === text ? encodeURI(text) : decoded;
    } catch {
      return text;
    }
  };
  return [...new Set(bases.flatMap((text) => [text, other(text)]))];
}
