import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import type { BundleManifest } from '../src/core/format';
import { CACHE_FOREVER, securityHeaders } from '../deploy/siteHeaders';
import { ABU_KAMAL } from './installOffline';
import { fetchRaw, type NginxHost, startNginx } from './nginxHost';

/**
 * The built app (dist/, base `/`) behind Debian's nginx with the configuration the project ships
 * (deploy/nginx.conf): first visits to in-app addresses, the headers and types of every kind of
 * file, precompressed gzip and brotli, and 404s for files that are not there.
 */

const dist = path.resolve('dist');
const manifest = JSON.parse(readFileSync(path.join(dist, 'bundle/manifest.json'), 'utf8')) as BundleManifest;
const asset = (pattern: RegExp) => `assets/${readdirSync(path.join(dist, 'assets')).find((name) => pattern.test(name))!}`;
const ARTICLE = 'articles/2017/11/abu-kamal-grasping-defeat-from-the-jaws-of-victory';

let host: NginxHost;

/**
 * The headers a static host sends for `urlPath` by the built `_headers` file, read as Cloudflare
 * Pages reads it (a header set by two matching rules is joined, unless detached by `! Name`) or as
 * Netlify does (the later rule's value; lines with no colon are skipped).
 */
function staticHostHeadersFor(urlPath: string, host: 'cloudflare' | 'netlify'): Record<string, string> {
  const headers: Record<string, string> = {};
  let matches = false;
  for (const line of readFileSync(path.join(dist, '_headers'), 'utf8').split('\n')) {
    if (line.startsWith('/')) {
      const pattern = new RegExp(`^${line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      matches = pattern.test(urlPath);
    } else if (matches && /^\s+!\s*\S/.test(line)) {
      if (host === 'cloudflare') delete headers[line.replace(/^\s+!\s*/, '').trim().toLowerCase()];
    } else if (matches && /^\s+[\w-]+:/.test(line)) {
      const [name, ...value] = line.trim().split(':');
      const key = name!.toLowerCase();
      const text = value.join(':').trim();
      headers[key] = host === 'cloudflare' && headers[key] !== undefined ? `${headers[key]}, ${text}` : text;
    }
  }
  return headers;
}

test.beforeAll(async () => {
  host = await startNginx({ dist });
});

test.afterAll(async () => {
  await host?.close();
});

test('an in-app address opened on a first visit, before any service worker, is the app and shows its page', async ({ browser }) => {
  for (const [address, shows] of [
    [ARTICLE, { role: 'heading', name: ABU_KAMAL }],
    ['search?q=Albu%20Kamal', { role: 'link', name: ABU_KAMAL }],
    ['archive/2017', { role: 'heading', name: '2017' }],
  ] as const) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      const response = await page.goto(`${host.url}${address}`);
      expect(response?.status(), address).toBe(200);
      expect(response?.fromServiceWorker(), address).toBe(false);
      expect(response?.headers()['content-type'], address).toBe('text/html; charset=utf-8');
      // A first visit reads everything from the network (a search, its index files).
      await expect(page.getByRole('main').getByRole(shows.role, { name: shows.name, exact: true }).first()).toBeVisible({ timeout: 30_000 });
    } finally {
      await context.close();
    }
  }
});

test('every kind of file has its type, its Cache-Control and the security headers, as the _headers of static hosts say', async () => {
  const dataFile = manifest.files[0]!.name;
  const kinds: [file: string, type: string, cacheControl: string][] = [
    ['', 'text/html; charset=utf-8', 'no-cache'],
    ['index.html', 'text/html; charset=utf-8', 'no-cache'],
    [ARTICLE, 'text/html; charset=utf-8', 'no-cache'],
    ['sw.js', 'application/javascript; charset=utf-8', 'no-cache'],
    ['manifest.webmanifest', 'application/manifest+json', 'no-cache'],
    ['bundle/manifest.json', 'application/json', 'no-cache'],
    [`bundle/${dataFile}`, 'application/json', CACHE_FOREVER],
    [asset(/^index-.+\.js$/), 'application/javascript; charset=utf-8', CACHE_FOREVER],
    [asset(/^worker-.+\.js$/), 'application/javascript; charset=utf-8', CACHE_FOREVER],
    [asset(/^index-.+\.css$/), 'text/css', CACHE_FOREVER],
    ['icons/icon-192.png', 'image/png', 'no-cache'],
    ['icons/icon.svg', 'image/svg+xml', 'no-cache'],
    ['favicon.ico', 'image/x-icon', 'no-cache'],
    ['robots.txt', 'text/plain; charset=utf-8', 'no-cache'],
  ];
  const seen: string[] = [];
  for (const [file, type, cacheControl] of kinds) {
    const response = await fetchRaw(`${host.url}${file}`);
    expect(response.status, file).toBe(200);
    expect({ file, type: response.headers['content-type'], cacheControl: response.headers['cache-control'] }).toEqual({ file, type, cacheControl });
    for (const [name, value] of securityHeaders()) expect(response.headers[name.toLowerCase()], `${file}: ${name}`).toBe(value);
    // A static host given the built _headers sends the same.
    const sent = Object.fromEntries(['cache-control', ...securityHeaders().map(([name]) => name.toLowerCase())].map((name) => [name, response.headers[name]]));
    for (const staticHost of ['cloudflare', 'netlify'] as const) expect(staticHostHeadersFor(`/${file}`, staticHost), `${staticHost}: /${file}`).toEqual(sent);
    seen.push(`/${file}: ${response.headers['content-type']}; Cache-Control: ${response.headers['cache-control']}`);
  }
  // The index.html an in-app address gets is the file itself.
  expect((await fetchRaw(`${host.url}${ARTICLE}`)).body.equals(readFileSync(path.join(dist, 'index.html')))).toBe(true);
  test.info().annotations.push({ type: 'headers', description: seen.join('\n') });
});

test('gzip and brotli files are sent to clients that accept them, the file itself to others', async () => {
  for (const file of ['', asset(/^index-.+\.js$/), `bundle/${manifest.files[0]!.name}`, 'bundle/manifest.json']) {
    const original = readFileSync(path.join(dist, file || 'index.html'));
    const brotli = await fetchRaw(`${host.url}${file}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding'], file).toBe('br');
    expect(brotliDecompressSync(brotli.body).equals(original), file).toBe(true);
    expect(brotli.body.byteLength).toBeLessThan(original.byteLength);
    const gzip = await fetchRaw(`${host.url}${file}`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding'], file).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(original), file).toBe(true);
    const plain = await fetchRaw(`${host.url}${file}`);
    expect(plain.headers['content-encoding'], file).toBeUndefined();
    expect(plain.body.equals(original), file).toBe(true);
    // Caches keep the three apart.
    for (const response of [brotli, gzip, plain]) expect(response.headers.vary, file).toBe('Accept-Encoding');
  }
});

test('a file that is not there is a 404 under assets/, bundle/ and elsewhere, never the app', async () => {
  for (const file of ['assets/index-AAAAAAAA.js', 'bundle/2017-11.0123456789ab.json', 'bundle/images/0123456789abcdef.webp', 'icons/icon-1024.png', 'sw.js.map']) {
    const response = await fetchRaw(`${host.url}${file}`);
    expect(response.status, file).toBe(404);
    expect(response.body.toString(), file).not.toContain('<div id="root">');
    expect(response.headers['cache-control'], file).toBeUndefined();
    expect(response.headers['content-security-policy'], file).toBe(securityHeaders()[0]![1]);
  }
});

test('a name starting with a dot (the publish record, a file being written) is never served', async () => {
  const record = path.join(dist, '.librarian-publish.json');
  writeFileSync(record, '{"builds":[]}\n');
  try {
    for (const file of ['.librarian-publish.json', 'bundle/.month-2017-11.json.tmp-123']) {
      const response = await fetchRaw(`${host.url}${file}`);
      expect(response.status, file).toBe(404);
      expect(response.body.toString(), file).not.toContain('builds');
    }
  } finally {
    rmSync(record, { force: true });
  }
});
