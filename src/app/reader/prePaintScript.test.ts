import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * index.html's pre-paint script (public/reader-settings.js) as Vite builds it: an external classic
 * script (a Content-Security-Policy without 'unsafe-inline' allows it) in <head>, before the app's
 * stylesheet and module, at an address under the site's base path.
 */
describe('the built index.html', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'pre-paint-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** index.html with its module entry swapped for a one-line module (the app itself is not what is tested). */
  async function buildIndex(base: string): Promise<{ html: string; outDir: string }> {
    const html = readFileSync('index.html', 'utf8');
    expect(html).toContain('<script type="module" src="/src/app/main.tsx"></script>');
    writeFileSync(path.join(root, 'index.html'), html.replace('/src/app/main.tsx', '/entry.js'));
    writeFileSync(path.join(root, 'entry.js'), "document.body.dataset.started = 'yes';\n");
    const outDir = path.join(root, `dist-${base.replaceAll('/', '_')}`);
    await build({ configFile: false, root, base, publicDir: path.resolve('public'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    return { html: readFileSync(path.join(outDir, 'index.html'), 'utf8'), outDir };
  }

  for (const base of ['/', '/news/']) {
    it(`loads the script from ${base}reader-settings.js, blocking, in <head>, and ships the file`, async () => {
      const { html, outDir } = await buildIndex(base);
      const head = html.slice(0, html.indexOf('</head>'));
      expect(head).toContain(`<script src="${base}reader-settings.js"></script>`);
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(readFileSync(path.join(outDir, 'reader-settings.js'), 'utf8')).toBe(readFileSync('public/reader-settings.js', 'utf8'));
    }, 60_000);
  }
});
