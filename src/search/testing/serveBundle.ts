/**
 * The fixture bundle (`src/app/archive/testing/bundleFixture.ts`) served through a stubbed `fetch`,
 * with the index the builder would write for it, so that tests run the real search code.
 */
import MiniSearch from 'minisearch';
import { vi } from 'vitest';
import { htmlToPlainText } from '../../core/htmlToPlainText';
import { searchIndexOptions, toSearchDocument, type SearchDocument } from '../../core/searchOptions';
import { manifest, monthFiles } from '../../app/archive/testing/bundleFixture';

/** The index the builder would write for the fixture bundle. */
export function fixtureIndexJson(): string {
  const index = new MiniSearch<SearchDocument>(searchIndexOptions);
  const categoryName = (slug: string) => manifest.categories.find((c) => c.slug === slug)?.name ?? slug;
  const tagName = (slug: string) => manifest.tags.find((t) => t.slug === slug)?.name ?? slug;
  for (const file of Object.values(monthFiles)) {
    index.addAll(file.articles.map((a) => toSearchDocument(a, categoryName, tagName, htmlToPlainText(a.body))));
  }
  return JSON.stringify(index);
}

/** The fixture bundle by URL under the site root `/`: manifest, index and month files. */
export function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = {
    '/bundle/manifest.json': JSON.stringify(manifest),
    [`/bundle/${manifest.index.parts[0]!.files[0]}`]: fixtureIndexJson(),
  };
  for (const [name, file] of Object.entries(monthFiles)) files[`/bundle/${name}`] = JSON.stringify(file);
  return files;
}

/** Stubs the global `fetch` to serve `files` by URL (404 for any other); undo with `vi.unstubAllGlobals()`. */
export function serveBundle(files: Record<string, string>) {
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const body = files[String(input)];
    return body === undefined ? new Response('Not Found', { status: 404, statusText: 'Not Found' }) : new Response(body);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
