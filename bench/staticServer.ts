/**
 * A small static host for a built app, standing in for a real one: gzip (level 6) for text types
 * when the browser accepts it, long-lived caching for content-hashed files and revalidation for
 * the rest, and the single-page-app fallback (an address with no file and no extension gets
 * index.html). Every response is logged with the bytes it put on the wire (headers and body, from
 * the socket), so that a test can add up what a visit cost, the service worker's requests included.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readdir, readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const COMPRESSED = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt']);
/** Vite's assets and the bundle's data files carry a content hash in their names. */
const HASHED = /^\/assets\/.+-[\w-]{8}\.\w+$|^\/bundle\/.+\.[0-9a-f]{12}\.json$/;

export interface LoggedRequest {
  /** Path and query as requested. */
  url: string;
  /** The file served (index.html for the fallback), relative to the root. */
  file: string;
  status: number;
  /** Body bytes as sent (compressed when gzip). */
  bodyBytes: number;
  /** Bytes the response put on the socket: status line, headers and body. */
  wireBytes: number;
  gzip: boolean;
  /** performance.now() in this process when the response was finished. */
  at: number;
}

type Sent = Pick<LoggedRequest, 'file' | 'bodyBytes' | 'gzip'>;

export interface StaticServer {
  origin: string;
  /** Every response since the server started (or since `resetLog`). */
  log: LoggedRequest[];
  resetLog(): void;
  /**
   * Offline, as far as the host can tell: while set, every connection is dropped as it opens
   * (and open ones are closed), so nothing can be fetched even if the browser's own offline
   * emulation missed a request; such attempts are counted in `refusedConnections`.
   */
  setRefusing(refusing: boolean): void;
  refusedConnections: number;
  /**
   * Compresses every text file ahead, as a host that stores them compressed would, so that
   * compressing on the fly does not slow the responses a timing depends on. Returns the files.
   */
  precompress(): Promise<number>;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 (a free port unless `port` is given). */
export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  const gzipCache = new Map<string, { mtimeMs: number; body: Buffer }>();
  const log: LoggedRequest[] = [];

  async function resolveFile(urlPath: string): Promise<{ file: string; size: number; mtimeMs: number } | undefined> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return undefined;
    }
    const file = path.join(root, path.normalize(decoded).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(root)) return undefined;
    const candidate = decoded.endsWith('/') ? path.join(file, 'index.html') : file;
    const info = await stat(candidate).catch(() => undefined);
    return info?.isFile() ? { file: candidate, size: info.size, mtimeMs: info.mtimeMs } : undefined;
  }

  async function body(file: string, mtimeMs: number, compress: boolean): Promise<Buffer> {
    if (!compress) return readFile(file);
    const cached = gzipCache.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.body;
    const compressed = await gzipAsync(await readFile(file), { level: 6 });
    gzipCache.set(file, { mtimeMs, body: compressed });
    return compressed;
  }

  /** Answers a request, noting in `sent` (before the response ends) what it sends, for the log. */
  async function handle(req: IncomingMessage, res: ServerResponse, sent: Sent): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let found = await resolveFile(url.pathname);
    let status = 200;
    // The single-page-app fallback: an address that is not a file (and does not look like one).
    if (!found && !path.extname(url.pathname)) found = await resolveFile('/index.html');
    if (!found || (req.method !== 'GET' && req.method !== 'HEAD')) {
      status = found ? 405 : 404;
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(status === 404 ? 'Not Found' : 'Method Not Allowed');
      return;
    }
    const ext = path.extname(found.file);
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const compress = acceptsGzip && COMPRESSED.has(ext);
    const content = await body(found.file, found.mtimeMs, compress);
    const relative = `/${path.relative(root, found.file).split(path.sep).join('/')}`;
    const headers: Record<string, string | number> = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': content.length,
      'Cache-Control': HASHED.test(relative) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'Last-Modified': new Date(found.mtimeMs).toUTCString(),
    };
    if (COMPRESSED.has(ext)) headers.Vary = 'Accept-Encoding';
    if (compress) headers['Content-Encoding'] = 'gzip';
    Object.assign(sent, { file: relative, bodyBytes: req.method === 'HEAD' ? 0 : content.length, gzip: compress });
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : content);
  }

  const server: Server = createServer((req, res) => {
    // Responses on one connection never overlap (HTTP/1.1, no pipelining), so the socket's
    // byte count before and after is this response's.
    const socket = req.socket;
    const before = socket.bytesWritten;
    const sent: Sent = { file: '', bodyBytes: 0, gzip: false };
    res.on('finish', () => {
      log.push({ url: req.url ?? '/', ...sent, status: res.statusCode, wireBytes: socket.bytesWritten - before, at: performance.now() });
    });
    handle(req, res, sent).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(err));
    });
  });
  let refusing = false;
  server.on('connection', (socket) => {
    if (!refusing) return;
    result.refusedConnections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  const result: StaticServer = {
    origin: `http://127.0.0.1:${actual}`,
    log,
    resetLog: () => void log.splice(0),
    refusedConnections: 0,
    async precompress() {
      const entries = await readdir(root, { recursive: true, withFileTypes: true });
      let files = 0;
      for (const entry of entries) {
        if (!entry.isFile() || !COMPRESSED.has(path.extname(entry.name))) continue;
        const file = path.join(entry.parentPath, entry.name);
        await body(file, (await stat(file)).mtimeMs, true);
        files++;
      }
      return files;
    },
    setRefusing(value) {
      refusing = value;
      if (value) server.closeAllConnections();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return result;
}
