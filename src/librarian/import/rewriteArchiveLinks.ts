/**
 * Links between archived articles stay in the archive: a link whose target is an article of the
 * archive (by any of its original addresses, or by the site's address pattern, former addresses
 * included) is rewritten to that article's address in the reader, so that it opens offline.
 */
import { articlePath } from '../../core/articlePath';
import type { Article } from '../../core/types';
import { formatUrlPattern, matchUrlPattern, type UrlPattern } from './urlPattern';

/** Bodies are the sanitiser's output: attributes double-quoted, `&` written `&amp;`. */
const LINK = /(<a\b[^>]*?\shref=")([^"]+)(")/g;

/** An address as a key: no fragment or trailing slash, host in lower case without `www.`, http = https. */
function linkKey(url: string): string | null {
  try {
    const u = new URL(url);
    if (!/^https?:$/.test(u.protocol)) return null;
    u.hash = '';
    u.protocol = 'https:';
    u.hostname = u.hostname.toLowerCase().replace(/^www\./, '');
    const text = u.toString();
    return text.endsWith('/') && u.pathname !== '/' ? text.slice(0, -1) : text;
  } catch {
    return null;
  }
}

export interface LinkRewrite {
  /** Articles whose body changed. */
  changed: Set<Article>;
  /** Links rewritten, in all. */
  links: number;
}

/**
 * Rewrites, in place, every link of every article whose target is another article of `articles`.
 * `patterns`: the site's address pattern first, then its former ones; a link that matches any of
 * them is read as the address the first would give the same article.
 */
export function rewriteArchiveLinks(articles: Article[], patterns: UrlPattern[] = []): LinkRewrite {
  const byKey = new Map<string, Article>();
  for (const article of articles) {
    for (const source of article.sources) {
      const key = source.url ? linkKey(source.url) : null;
      if (key && !byKey.has(key)) byKey.set(key, article);
    }
  }
  const target = (href: string): Article | undefined => {
    const direct = linkKey(href);
    const found = direct ? byKey.get(direct) : undefined;
    if (found || !patterns[0]) return found;
    for (const pattern of patterns) {
      const fields = matchUrlPattern(pattern, href);
      const url = fields && formatUrlPattern(patterns[0], fields);
      const key = url && linkKey(url);
      if (key && byKey.has(key)) return byKey.get(key);
    }
    return undefined;
  };

  const result: LinkRewrite = { changed: new Set(), links: 0 };
  for (const article of articles) {
    if (!article.body.includes('href="http')) continue;
    const body = article.body.replace(LINK, (whole, before: string, raw: string, after: string) => {
      const href = raw.replace(/&amp;/g, '&');
      const found = target(href);
      if (!found) return whole;
      const hash = href.includes('#') ? href.slice(href.indexOf('#')) : '';
      result.links++;
      return `${before}${articlePath(found.date, found.slug)}${hash.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}${after}`;
    });
    if (body !== article.body) {
      article.body = body;
      result.changed.add(article);
    }
  }
  return result;
}
