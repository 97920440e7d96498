/**
 * The fixture bundle (`src/app/archive/testing/bundleFixture.ts`) served through a stubbed `fetch`,
 * with the index files the builder writes for it, so that tests run the real search code.
 */
import { createHash } from 'node:crypto';
import { vi } from 'vitest';
import type { BundleManifest, BundleSnippetTexts } from '../../core/format';
import { htmlToPlainText } from '../../core/htmlToPlainText';
import { toSearchDocument } from '../../core/searchOptions';
import { manifest, monthFiles } from '../../app/archive/testing/bundleFixture';
import { byIndexOrder, indexLayers, termIndexFiles } from '../../librarian/bundle/termIndexFiles';

/** The fixture's file limit (see bundleFixture.ts). */
const FIXTURE_MAX_FILE_BYTES = 2457;

/**
 * The index files the builder writes for the fixture, by the names its manifest gives them, and
 * the snippet store (`BundleSnippetTexts`), which the fixture's manifest does not name: its files
 * are named here as the builder names them (by the SHA-256 of their content).
 */
function fixtureIndex(): { files: Map<string, string>; texts: BundleSnippetTexts } {
  const categoryName = (slug: string) => manifest.categories.find((c) => c.slug === slug)?.name ?? slug;
  const tagName = (slug: string) => manifest.tags.find((t) => t.slug === slug)?.name ?? slug;
  const articles = Object.values(monthFiles)
    .flatMap((file) => file.articles)
    .sort(byIndexOrder);
  const documents = articles.map((a) => toSearchDocument(a, categoryName, tagName, htmlToPlainText(a.body)));
  const months = [...manifest.months].reverse().map(({ month, count }) => ({ month, count }));
  const named = (stem: string, content: string) => {
    if (stem.startsWith('texts-')) return `${stem}.${createHash('sha256').update(content).digest('hex').slice(0, 12)}.json`;
    const name = manifest.files.find((f) => f.name.startsWith(`${stem}.`))?.name;
    if (name === undefined) throw new Error(`fixture: the manifest names no ${stem} file (recompute bundleFixture.ts)`);
    return name;
  };
  // Small texts files, so that the fixture's eight articles are spread over several.
  const written = termIndexFiles(documents, indexLayers(months), named, { shardBytes: 96 * 1024, maxFileBytes: FIXTURE_MAX_FILE_BYTES, textChunkBytes: 1024 });
  return { files: new Map(written.files), texts: written.index.texts! };
}

/** The index files the builder writes for the fixture (the snippet store's too), by name. */
export function fixtureIndexFiles(): Map<string, string> {
  return fixtureIndex().files;
}

/** The fixture's manifest with the snippet store named in its index (as a build of today writes it). */
export function manifestWithSnippetStore(): BundleManifest {
  return { ...manifest, index: { ...manifest.index, texts: fixtureIndex().texts } };
}

/**
 * The fixture bundle by URL under the site root `/`: manifest, index and month files. Its manifest
 * names no snippet store (snippets come from the month files) unless `snippetStore` is set.
 */
export function fixtureFiles(options: { snippetStore?: boolean } = {}): Record<string, string> {
  const files: Record<string, string> = { '/bundle/manifest.json': JSON.stringify(options.snippetStore ? manifestWithSnippetStore() : manifest) };
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
