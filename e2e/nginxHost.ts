import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, get, type IncomingHttpHeaders } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nginxSiteConfig } from '../deploy/nginxConfig';
import type { PolicyOptions } from '../deploy/siteHeaders';

/** Debian's nginx and its brotli module (`apt-get install -y nginx libnginx-mod-http-brotli-static`; `.ci/run` does it). */
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

export interface NginxHost {
  /** The site's address, base included (`http://127.0.0.1:PORT/news/`). */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export interface NginxHostOptions {
  /** The built site (`vite build` output). */
  dist: string;
  /** The base it was built with; default `/`. */
  base?: string;
  policy?: PolicyOptions;
}

/** A free TCP port on the loopback address (nginx cannot be told to pick one and say which). */
async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Runs Debian's nginx, unprivileged paths only, on a free port with the configuration the project
 * ships (`deploy/nginxConfig.ts`, which writes `deploy/nginx.conf`) inside a minimal main
 * configuration: its own prefix, pid, logs and temporary folders in a temporary folder. Under a
 * base other than `/`, the site's root is a folder whose `<base>` is a link to `dist`.
 */
export async function startNginx(options: NginxHostOptions): Promise<NginxHost> {
  if (!existsSync(NGINX)) throw new Error(`e2e: nginx not found at ${NGINX} (apt-get install -y nginx libnginx-mod-http-brotli-static)`);
  if (!existsSync(BROTLI_MODULE)) throw new Error(`e2e: ${BROTLI_MODULE} is missing (apt-get install -y libnginx-mod-http-brotli-static)`);
  const base = options.base ?? '/';
  const prefix = mkdtempSync(path.join(tmpdir(), 'news-archive-nginx-'));
  let root = path.resolve(options.dist);
  if (base !== '/') {
    root = path.join(prefix, 'www');
    const link = path.join(root, base);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.resolve(options.dist), link.replace(/\/$/, ''));
  }
  const port = await freePort();
  const site = nginxSiteConfig({ base, root, serverName: '127.0.0.1', listen: [`127.0.0.1:${port}`], policy: options.policy });
  const conf = path.join(prefix, 'nginx.conf');
  const temp = (name: string) => `${name}_temp_path ${path.join(prefix, name)};`;
  writeFileSync(
    conf,
    `# As root (CI), workers would run as nobody, who cannot read a temporary folder.
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${path.join(prefix, 'nginx.pid')};
error_log ${path.join(prefix, 'error.log')} warn;
load_module ${BROTLI_MODULE};
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log ${path.join(prefix, 'access.log')};
    ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n    ')}
    sendfile on;
${site}
}
`,
  );
  const nginx: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  nginx.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => nginx.once('exit', () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  const errorLog = () => [stderr, existsSync(path.join(prefix, 'error.log')) ? readFileSync(path.join(prefix, 'error.log'), 'utf8') : ''].join('\n').trim();
  const close = async () => {
    if (nginx.exitCode === null) nginx.kill('SIGTERM');
    await exited;
    rmSync(prefix, { recursive: true, force: true });
  };
  for (let waited = 0; ; waited += 50) {
    if (nginx.exitCode !== null) {
      const log = errorLog();
      await close();
      throw new Error(`e2e: nginx stopped at start (${conf}):\n${log}`);
    }
    if ((await fetchRaw(`${origin}${base}`).catch(() => undefined))?.status === 200) break;
    if (waited > 10_000) {
      const log = errorLog();
      await close();
      throw new Error(`e2e: nginx did not answer on ${origin}${base} within 10 s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `${origin}${base}`, origin, close };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as sent (still compressed when `content-encoding` says so). */
  body: Buffer;
}

/** A GET with exactly the request headers given (no Accept-Encoding unless given), the body undecoded. */
export function fetchRaw(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** A Content-Security-Policy violation report, as browsers POST it to a `report-uri`. */
export interface CspReport {
  'document-uri': string;
  'violated-directive': string;
  'effective-directive': string;
  'blocked-uri': string;
  'source-file'?: string;
  disposition?: 'enforce' | 'report';
}

/** Collects the violation reports browsers send to its `url` (the page, its workers and its service worker alike). */
export async function startCspReportCollector(): Promise<{ url: string; reports: CspReport[]; close(): Promise<void> }> {
  const reports: CspReport[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        const report = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { 'csp-report'?: CspReport })['csp-report'];
        if (report) reports.push(report);
      } catch {
        // Not a report: nothing to keep.
      }
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/csp`,
    reports,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
