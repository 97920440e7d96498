import { XMLParser } from 'fast-xml-parser';
import { SourceError } from '../import/SourceArticle';
import { decodeXmlBytes } from '../sources/decodeXmlBytes';
import { wellFormedXml, xmlProlog } from '../sources/wellFormedXml';

/** What a sitemap lists: pages (`<urlset>`), or further sitemaps (`<sitemapindex>`). */
export interface Sitemap {
  kind: 'pages' | 'sitemaps';
  entries: { url: string; lastmod: string | null }[];
}

const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, isArray: (name) => name === 'url' || name === 'sitemap' });

/**
 * Reads a sitemap (sitemaps.org 0.9): the addresses of a `<urlset>` or of a `<sitemapindex>`,
 * each with its `<lastmod>`, in document order. Well-formedness and entity declarations are
 * checked as for feeds; `file` names it in errors.
 */
export function readSitemap(bytes: Buffer, file: string): Sitemap {
  const xml = wellFormedXml(decodeXmlBytes(bytes, file), file, 'a sitemap');
  const root = xmlProlog(xml).root?.replace(/^\w+:/, '');
  if (root !== 'urlset' && root !== 'sitemapindex') throw new SourceError(file, `not a sitemap: its root element is <${root}>, not <urlset> or <sitemapindex>`);
  const doc = parser.parse(xml) as Record<string, Record<string, { loc?: unknown; lastmod?: unknown }[] | undefined> | undefined>;
  const items = (root === 'urlset' ? doc.urlset?.url : doc.sitemapindex?.sitemap) ?? [];
  const entries = items
    .map((item) => ({ url: typeof item.loc === 'string' ? item.loc.trim() : '', lastmod: typeof item.lastmod === 'string' ? item.lastmod.trim() : null }))
    .filter((e) => /^https?:\/\//i.test(e.url));
  return { kind: root === 'urlset' ? 'pages' : 'sitemaps', entries };
}
