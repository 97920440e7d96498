import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CORPORA_DIR } from '../../testing/tempArchive';

export const FEEDS_DIR = path.join(CORPORA_DIR, 'feeds/rss-parser-inputs');
const PAGES_DIR = path.join(CORPORA_DIR, 'extraction-eval/pages');

/** Three real news pages of the extraction corpus, served at these addresses and listed by `/sitemap.xml`. */
export const SITEMAP_PAGES: Record<string, { file: string; lastmod: string }> = {
  '/news/world-us-canada-52241221': { file: 'bbc.com.52241221.html', lastmod: '2020-04-10' },
  '/2020/08/16/business/california-blackouts.html': { file: 'nytimes.com.blackouts.html', lastmod: '2020-08-16' },
  '/2021/03/08/uk/meghan-harry-oprah-interview-recap-scli-gbr-intl/index.html': { file: 'edition.cnn.com-royal.html', lastmod: '2021-03-08' },
};

export const sourceServerPossible = existsSync(FEEDS_DIR) && Object.values(SITEMAP_PAGES).every((p) => existsSync(path.join(PAGES_DIR, p.file)));

/** The date every feed is said to have last changed (Last-Modified). */
export const FEEDS_LAST_MODIFIED = 'Tue, 20 Sep 2022 10:00:00 GMT';

/** A request the server saw. */
export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

export interface SourceServer {
  base: string;
  requests: SeenRequest[];
  /** Bytes the server wrote for a path (the oversized answers stop early when the client gives up). */
  bytesSent: Map<string, number>;
  /** Makes the sitemap list one more page (a path of {@link SITEMAP_PAGES}), as a site publishing one would. */
  sitemapPages: string[];
  close(): Promise<void>;
}

const etagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;

/**
 * A web host for `librarian update`'s tests, on 127.0.0.1 and a free port, serving the shared
 * corpora's real feeds and pages, and answering as real hosts do when things go wrong:
 * - `/feeds/<file>`: a feed with ETag and Last-Modified; 304 to a conditional request that matches
 * - `/plain/<file>`: the same without validators
 * - `/flaky/<file>`: 500 the first time, then the feed; `/down`: 500 always
 * - `/busy/<file>`: 429 with Retry-After: 1 the first time, then the feed; `/throttled`: 429, Retry-After: 3600
 * - `/slow`: headers after 5 s
 * - `/moved/<file>`: 301 to `/feeds/<file>`; `/found/<file>`: 302 to it; `/loop`: 302 to itself
 * - `/huge`: 4 MiB streamed without Content-Length; `/huge-declared`: Content-Length 100 MB
 * - `/sitemap.xml`: the pages of `sitemapPages`; `/sitemap-index.xml`: an index naming it; the pages at their paths
 */
export async function startSourceServer(): Promise<SourceServer> {
  const requests: SeenRequest[] = [];
  const bytesSent = new Map<string, number>();
  const count = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const host: SourceServer = { base: '', requests, bytesSent, sitemapPages: Object.keys(SITEMAP_PAGES).slice(0, 2), close: async () => {} };

  const sendFeed = (res: ServerResponse, headers: IncomingHttpHeaders, file: string, validators: boolean) => {
    const body = readFileSync(path.join(FEEDS_DIR, path.basename(file)));
    const etag = etagOf(body);
    if (validators && (headers['if-none-match'] === etag || (!headers['if-none-match'] && headers['if-modified-since'] === FEEDS_LAST_MODIFIED))) {
      return res.writeHead(304, { etag }).end();
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', ...(validators ? { etag, 'last-modified': FEEDS_LAST_MODIFIED } : {}) }).end(body);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    const p = url.pathname;
    requests.push({ path: p, headers: req.headers });
    const n = (count.get(p) ?? 0) + 1;
    count.set(p, n);
    const [, kind, rest = ''] = /^\/([^/]+)\/?(.*)$/.exec(p) ?? [];
    if (kind === 'feeds' || kind === 'plain') return sendFeed(res, req.headers, rest, kind === 'feeds');
    if (kind === 'flaky') return n === 1 ? res.writeHead(500).end('Internal Server Error') : sendFeed(res, req.headers, rest, true);
    if (kind === 'busy') return n === 1 ? res.writeHead(429, { 'retry-after': '1' }).end() : sendFeed(res, req.headers, rest, true);
    if (kind === 'moved') return res.writeHead(301, { location: `/feeds/${rest}` }).end();
    if (kind === 'found') return res.writeHead(302, { location: `${host.base}/feeds/${rest}` }).end();
    switch (p) {
      case '/down':
        return res.writeHead(500).end('Internal Server Error');
      case '/throttled':
        return res.writeHead(429, { 'retry-after': '3600' }).end();
      case '/loop':
        return res.writeHead(302, { location: '/loop' }).end();
      case '/slow': {
        const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(readFileSync(path.join(FEEDS_DIR, 'heise.atom'))), 5000);
        timers.add(timer);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      case '/huge':
      case '/huge-declared': {
        res.writeHead(200, { 'content-type': 'application/rss+xml', ...(p === '/huge-declared' ? { 'content-length': String(100_000_000) } : {}) });
        const chunk = Buffer.alloc(64 * 1024, 'x');
        let sent = 0;
        const pump = () => {
          while (sent < 4 * 1024 * 1024 && !res.destroyed) {
            sent += chunk.length;
            bytesSent.set(p, sent);
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('error', () => undefined);
        return pump();
      }
      case '/sitemap.xml': {
        const urls = host.sitemapPages.map((page) => `<url><loc>${host.base}${page}</loc><lastmod>${SITEMAP_PAGES[page]!.lastmod}</lastmod></url>`);
        return res
          .writeHead(200, { 'content-type': 'application/xml' })
          .end(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`);
      }
      case '/sitemap-index.xml':
        return res
          .writeHead(200, { 'content-type': 'application/xml' })
          .end(`<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${host.base}/sitemap.xml</loc></sitemap></sitemapindex>`);
    }
    const page = SITEMAP_PAGES[p];
    if (page) return res.writeHead(200, { 'content-type': 'text/html' }).end(readFileSync(path.join(PAGES_DIR, page.file)));
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  host.close = () =>
    new Promise<void>((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return host;
}
