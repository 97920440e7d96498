/**
 * The fixture bundle (`src/app/archive/testing/bundleFixture.ts`) served through a stubbed `fetch`,
 * with the index files the builder writes for it, so that tests run the real search code.
 */
import { vi } from 'vitest';
import { htmlToPlainText } from '../../core/htmlToPlainText';
import { toSearchDocument } from '../../core/searchOptions';
import { manifest, monthFiles } from '../../app/archive/testing/bundleFixture';
import { byIndexOrder, indexLayers, termIndexFiles } from '../../librarian/bundle/termIndexFiles';

/** The fixture's file limit (see bundleFixture.ts). */
const FIXTURE_MAX_FILE_BYTES = 2457;

/** The index files the builder writes for the fixture, by the names its manifest gives them. */
export function fixtureIndexFiles(): Map<string, string> {
  const categoryName = (slug: string) => manifest.categories.find((c) => c.slug === slug)?.name ?? slug;
  const tagName = (slug: string) => manifest.tags.find((t) => t.slug === slug)?.name ?? slug;
  const articles = Object.values(monthFiles)
    .flatMap((file) => file.articles)
    .sort(byIndexOrder);
  const documents = articles.map((a) => toSearchDocument(a, categoryName, tagName, htmlToPlainText(a.body)));
  const months = [...manifest.months].reverse().map(({ month, count }) => ({ month, count }));
  const named = (stem: string) => {
    const name = manifest.files.find((f) => f.name.startsWith(`${stem}.`))?.name;
    if (name === undefined) throw new Error(`fixture: the manifest names no ${stem} file (recompute bundleFixture.ts)`);
    return name;
  };
  return new Map(termIndexFiles(documents, indexLayers(months), named, { shardBytes: 96 * 1024, maxFileBytes: FIXTURE_MAX_FILE_BYTES }).files);
}

/** The fixture bundle by URL under the site root `/`: manifest, index and month files. */
export function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = { '/bundle/manifest.json': JSON.stringify(manifest) };
  for (const [name, content] of fixtureIndexFiles()) files[`/bundle/${name}`] = content;
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
