/**
 * Checks what `vite build` wrote to dist/: the service worker's precache list holds the app
 * shell and the whole archive bundle, nothing is too large to precache, and the web app manifest
 * makes the app installable. Runs after the build (`npm run test:build`).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BundleManifest } from './core/format';

const dist = path.resolve('dist');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [path.relative(dist, full)];
  });
}

/** The URLs of the precache manifest Workbox injected into sw.js. */
function precacheUrls(): string[] {
  const sw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
  return [...sw.matchAll(/\{(?:"?revision"?:(?:"[0-9a-f]+"|null),"?url"?:"([^"]+)"|"?url"?:"([^"]+)","?revision"?:(?:"[0-9a-f]+"|null))\}/g)].map((m) => (m[1] ?? m[2])!);
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
    for (const icon of ['icon-192.png', 'icon-512.png', 'icon-maskable-512.png']) expect(urls).toContain(`icons/${icon}`);
    const assets = filesUnder(path.join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f));
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(urls).toContain(asset);
    // The search worker is its own chunk and must be there offline too.
    expect(assets.some((a) => /worker/i.test(a))).toBe(true);
  });

  it('precaches the whole archive bundle: the manifest and every file it names, exactly once', () => {
    const list = precacheUrls();
    const manifest = JSON.parse(readFileSync(path.join(dist, 'bundle/manifest.json'), 'utf8')) as BundleManifest;
    const named = [...manifest.months.flatMap((m) => m.files), ...manifest.index.files].map((f) => `bundle/${f}`);
    for (const file of ['bundle/manifest.json', ...named]) expect(list.filter((u) => u === file)).toHaveLength(1);
    expect(list.filter((u) => u.startsWith('bundle/')).sort()).toEqual(['bundle/manifest.json', ...named].sort());
  });

  it('lists no file twice and no file that is missing', () => {
    const list = precacheUrls();
    expect(new Set(list).size).toBe(list.length);
    for (const url of list) expect(existsSync(path.join(dist, url)), url).toBe(true);
  });

  it('keeps every file under the 2 MiB Workbox precache limit', () => {
    for (const file of filesUnder(dist)) expect(statSync(path.join(dist, file)).size, file).toBeLessThan(2 * 1024 * 1024);
  });

  it('has a web app manifest that makes the app installable', () => {
    const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.webmanifest'), 'utf8'));
    expect(manifest).toMatchObject({ name: 'Offline News Archive', short_name: 'News Archive', start_url: '/', display: 'standalone' });
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
