/**
 * Checks what `vite build` wrote to dist/: the service worker's precache list holds the app
 * shell (and the bundle manifest, whose revision makes every edition a new service worker) but no
 * archive data, which is saved apart (src/edition/); the bundle holds exactly the files its
 * manifest lists, each with its size and content hash; nothing is over 2 MiB; and the web app
 * manifest makes the app installable; what a host needs is there (`_headers`, a `.gz` and a `.br`
 * beside each text file) and agrees with the rules of `deploy/`. Runs after the build
 * (`npm run test:build`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type BundleManifest, type BundleMonthFile, bodyImageFiles, IMAGE_FILE_PATTERN, indexFiles } from './core/format';
import { nginxSiteConfig } from '../deploy/nginxConfig';
import { COMPRESSIBLE } from '../deploy/precompress';
import { CACHE_FOREVER, cacheControlFor, staticHostHeaders } from '../deploy/siteHeaders';

const dist = path.resolve('dist');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [path.relative(dist, full)];
  });
}

/** The precompressed copies (`name.gz`, `name.br`) the build writes beside text files for nginx. */
const PRECOMPRESSED = /\.(gz|br)$/;

/** The URLs of the precache manifest Workbox injected into sw.js. */
function precacheUrls(): string[] {
  const sw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
  return [...sw.matchAll(/\{(?:"?revision"?:(?:"[0-9a-f]+"|null),"?url"?:"([^"]+)"|"?url"?:"([^"]+)","?revision"?:(?:"[0-9a-f]+"|null))\}/g)].map((m) => (m[1] ?? m[2])!);
}

/** The images (`images/<name>`) the bundle's article bodies show. */
function bodyImages(manifest: BundleManifest): Set<string> {
  const names = new Set<string>();
  for (const file of manifest.months.flatMap((m) => m.files)) {
    const month = JSON.parse(readFileSync(path.join(dist, 'bundle', file), 'utf8')) as BundleMonthFile;
    for (const article of month.articles) for (const name of bodyImageFiles(article.body)) names.add(name);
  }
  return names;
}

describe('the built app in dist/', () => {
  it('has a service worker with a precache list (run `npm run build` first)', () => {
    expect(existsSync(path.join(dist, 'sw.js'))).toBe(true);
    expect(precacheUrls().length).toBeGreaterThan(10);
  });

  it('precaches the app shell: index.html, every script and stylesheet, icons and the web app manifest', () => {
    const urls = new Set(precacheUrls());
    expect(urls).toContain('index.html');
    expect(urls).toContain('manifest.webmanifest');
    expect(urls).toContain('favicon.ico');
    // The pre-paint script of the reader's text size and theme (index.html loads it before the first paint).
    expect(urls).toContain('reader-settings.js');
    for (const icon of ['icon-192.png', 'icon-512.png', 'icon-maskable-512.png']) expect(urls).toContain(`icons/${icon}`);
    const assets = filesUnder(path.join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f));
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(urls).toContain(asset);
    // The search worker is its own chunk and must be there offline too.
    expect(assets.some((a) => /worker/i.test(a))).toBe(true);
  });

  it('precaches the bundle manifest (so that a new edition is a new service worker) and no archive data', () => {
    const list = precacheUrls();
    expect(list.filter((u) => u.startsWith('bundle/'))).toEqual(['bundle/manifest.json']);
    expect(list.filter((u) => /\.(webp|avif|jpe?g)$/.test(u))).toEqual([]);
  });

  it('has exactly the data files the bundle manifest lists (month, listing and slug files, the index, images), with their sizes and content hashes', () => {
    const manifest = JSON.parse(readFileSync(path.join(dist, 'bundle/manifest.json'), 'utf8')) as BundleManifest;
    const onDisk = filesUnder(path.join(dist, 'bundle')).filter((f) => f !== 'bundle/manifest.json' && !PRECOMPRESSED.test(f));
    expect(onDisk.sort()).toEqual(manifest.files.map((f) => `bundle/${f.name}`).sort());
    const listings = manifest.months.flatMap((m) => [...m.pages, ...(m.slugs ?? [])]);
    const named = new Set([...manifest.months.flatMap((m) => m.files), ...listings, ...indexFiles(manifest.index), ...bodyImages(manifest)]);
    expect([...named].sort()).toEqual(manifest.files.map((f) => f.name).sort());
    for (const { name, bytes, kind } of manifest.files) {
      const content = readFileSync(path.join(dist, 'bundle', name));
      expect(content.byteLength, name).toBe(bytes);
      const hash = createHash('sha256').update(content).digest('hex');
      if (kind === 'image') expect(`images/${hash.slice(0, 16)}.webp`, name).toBe(name);
      else expect(hash.slice(0, 12), name).toBe(/\.([0-9a-f]{12})\.json$/.exec(name)?.[1]);
    }
  });

  it('lists the images article bodies show, after every text file, each a WebP of at most 2 MiB', () => {
    const manifest = JSON.parse(readFileSync(path.join(dist, 'bundle/manifest.json'), 'utf8')) as BundleManifest;
    const images = manifest.files.filter((f) => f.kind === 'image');
    expect(images.map((f) => f.name).sort()).toEqual([...bodyImages(manifest)].sort());
    expect(manifest.files.slice(manifest.files.length - images.length)).toEqual(images);
    for (const { name, bytes } of images) {
      expect(path.posix.basename(name)).toMatch(IMAGE_FILE_PATTERN);
      expect(bytes, name).toBeLessThanOrEqual(2 * 1024 * 1024);
      expect(readFileSync(path.join(dist, 'bundle', name)).subarray(8, 12).toString('latin1'), name).toBe('WEBP');
    }
  });

  it('lists no file twice and no file that is missing', () => {
    const list = precacheUrls();
    expect(new Set(list).size).toBe(list.length);
    expect(list.filter((url) => PRECOMPRESSED.test(url) || url === '_headers')).toEqual([]);
    for (const url of list) expect(existsSync(path.join(dist, url)), url).toBe(true);
  });

  it('keeps every file under the 2 MiB Workbox precache limit', () => {
    for (const file of filesUnder(dist)) expect(statSync(path.join(dist, file)).size, file).toBeLessThan(2 * 1024 * 1024);
  });

  it('has a web app manifest that makes the app installable', () => {
    const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.webmanifest'), 'utf8'));
    expect(manifest).toMatchObject({ name: 'Offline News Archive', short_name: 'News Archive', display: 'standalone' });
    // Built for base `/` (the e2e test behind nginx builds and installs one for /news/).
    expect(manifest).toMatchObject({ id: '/', start_url: '/', scope: '/' });
    // Not locked to portrait: a reader may turn the phone to read a wide table (issue #12).
    expect(manifest.orientation).toBeUndefined();
    const icons = manifest.icons as { src: string; sizes: string; purpose: string }[];
    expect(icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of icons) {
      const png = readFileSync(path.join(dist, icon.src));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(`${w}x${h}`).toBe(icon.sizes);
    }
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toContain('rel="manifest"');
  });
});

/** Names that carry their content's hash: Vite's (`index-Dagv_6gl.js`) and the bundle's (src/core/format.ts). */
function hasContentHash(file: string): boolean {
  return /^assets\/.+-[\w-]{8}\.\w+$/.test(file) || /^bundle\/.+\.[0-9a-f]{12}\.json$/.test(file) || /^bundle\/images\/[0-9a-f]{16}\.webp$/.test(file);
}

describe('what a host needs in dist/', () => {
  it('writes a .gz and a .br beside every text file of more than 1 KiB, each decompressing to the file, and none beside a picture', () => {
    const files = filesUnder(dist);
    const text = files.filter((f) => COMPRESSIBLE.test(f));
    expect(text.length).toBeGreaterThan(100);
    for (const file of text) {
      const content = readFileSync(path.join(dist, file));
      for (const [suffix, decompress] of [['.gz', gunzipSync], ['.br', brotliDecompressSync]] as const) {
        const copy = path.join(dist, file + suffix);
        if (content.byteLength > 1024) expect(existsSync(copy), file + suffix).toBe(true);
        if (existsSync(copy)) expect(decompress(readFileSync(copy)).equals(content), file + suffix).toBe(true);
      }
    }
    for (const file of files.filter((f) => PRECOMPRESSED.test(f))) expect(COMPRESSIBLE.test(file.replace(PRECOMPRESSED, '')), file).toBe(true);
  });

  it('caches for a year exactly the files whose name carries a content hash', () => {
    const files = filesUnder(dist).filter((f) => !PRECOMPRESSED.test(f));
    // Every file under assets/ and bundle/ but the bundle manifest has one, so the rules can go by folder.
    for (const file of files.filter((f) => /^(assets|bundle)\//.test(f) && f !== 'bundle/manifest.json')) expect(hasContentHash(file), file).toBe(true);
    for (const file of files) expect(cacheControlFor(file) === CACHE_FOREVER, file).toBe(hasContentHash(file));
    for (const file of ['index.html', 'sw.js', 'manifest.webmanifest', 'bundle/manifest.json']) expect(cacheControlFor(file), file).toBe('no-cache');
  });

  it('has the _headers file of static hosts for its base, and deploy/nginx.conf is what deploy/nginxConfig.ts writes', () => {
    expect(readFileSync(path.join(dist, '_headers'), 'utf8')).toBe(staticHostHeaders('/'));
    expect(readFileSync(path.resolve('deploy/nginx.conf'), 'utf8')).toBe(nginxSiteConfig());
  });
});
