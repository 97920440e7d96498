import { describe, expect, it } from 'vitest';
import type { BundleManifest } from '../core/format';
import { manifest as fixtureManifest, monthFiles } from '../app/archive/testing/bundleFixture';
import { contentHash, createBundleStore } from './bundleStore';
import { percentSaved, saveEdition, saveOrder, type SaveProgress } from './saveEdition';
import { fixtureImages, withImages } from './testing/imageEdition';
import { MemoryCacheStorage } from './testing/memoryCaches';

/** The fixture's month files (real articles), named by their content's hash, as an edition. */
const texts = new Map<string, string>();
for (const file of Object.values(monthFiles)) {
  const text = JSON.stringify(file);
  texts.set(`month-${file.month}.${await contentHash(text)}.json`, text);
}
const manifest: BundleManifest = {
  ...fixtureManifest,
  months: [...texts.keys()].map((name) => ({ month: name.slice(6, 13), count: 1, files: [name], pages: [] })),
  index: { documentCount: 0, layers: [], documents: { chunk: 64, files: [] }, facets: { chunk: 16_384, files: [] } },
  files: [...texts].map(([name, text]) => ({ name, bytes: new TextEncoder().encode(text).byteLength })),
};
const totalBytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);

function setup(failing: (name: string, attempt: number) => 'offline' | 'tamper' | undefined = () => undefined) {
  const attempts = new Map<string, number>();
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const name = String(input).replace(/^\/bundle\//, '');
    const attempt = (attempts.get(name) ?? 0) + 1;
    attempts.set(name, attempt);
    const failure = failing(name, attempt);
    if (failure === 'offline') throw new TypeError('Failed to fetch');
    const text = texts.get(name)!;
    return new Response(failure === 'tamper' ? `${text} ` : text);
  };
  const storage = new MemoryCacheStorage();
  const store = createBundleStore({ baseUrl: '/', fetch: fetch as typeof globalThis.fetch, caches: storage.asCacheStorage() });
  return { store, attempts };
}

describe('saveEdition', () => {
  it('saves the index first (what hits show, then the newest layer first), then the months newest first', () => {
    // The fixture's real index (see bundleFixture.ts): documents, facets, then 2018-01, then 2017.
    const withIndex: BundleManifest = { ...manifest, index: fixtureManifest.index, files: [...fixtureManifest.files.filter((f) => !/^(month|list|slugs)-/.test(f.name)), ...manifest.files] };
    const order = saveOrder(withIndex);
    const index = fixtureManifest.index;
    expect(order.slice(0, 4)).toEqual([...index.documents.files, ...index.facets.files, index.layers[1]!.dictionary[0]!.file, index.layers[1]!.shards[0]!.file]);
    expect(index.layers).toHaveLength(2);
    expect(order.slice(4, -manifest.months.length).every((name) => /^(dictionary|terms)-2017-09-2017-11-/.test(name))).toBe(true);
    expect(order.slice(-manifest.months.length)).toEqual(manifest.months.flatMap((m) => m.files));
  });

  it('saves every file with progress by bytes, and ends at 100%', async () => {
    const { store } = setup();
    const reports: SaveProgress[] = [];
    const done = await saveEdition(store, manifest, { onProgress: (p) => reports.push(p), concurrency: 1 });
    expect(done).toEqual({ savedBytes: totalBytes, totalBytes, remaining: 0 });
    expect(reports[0]).toEqual({ savedBytes: 0, totalBytes, remaining: manifest.files.length });
    expect(reports.map((r) => r.savedBytes)).toEqual([...reports.map((r) => r.savedBytes)].sort((a, b) => a - b));
    expect(reports.map(percentSaved).at(-1)).toBe(100);
    expect(await store.missingFiles(saveOrder(manifest))).toEqual([]);
  });

  it('stops at a file it cannot get, naming it, keeps what it saved, and resumes from there', async () => {
    const stuck = manifest.months[1]!.files[0]!;
    let cut = true;
    const { store, attempts } = setup((name) => (cut && name === stuck ? 'offline' : undefined));
    await expect(saveEdition(store, manifest, { concurrency: 1 })).rejects.toMatchObject({ failure: 'offline', file: stuck });
    // Tried twice (one retry), and the files before it were saved.
    expect(attempts.get(stuck)).toBe(2);
    const missing = await store.missingFiles(saveOrder(manifest));
    expect(missing[0]).toBe(stuck);
    expect(missing.length).toBeLessThan(manifest.files.length);
    cut = false;
    const reports: SaveProgress[] = [];
    await saveEdition(store, manifest, { onProgress: (p) => reports.push(p), concurrency: 1 });
    expect(reports[0]!.savedBytes).toBeGreaterThan(0);
    for (const name of saveOrder(manifest).filter((n) => !missing.includes(n))) expect(attempts.get(name)).toBe(1);
  });

  it('takes a good copy when a download arrives damaged once, and gives up when it always does', async () => {
    const name = manifest.files[0]!.name;
    const once = setup((n, attempt) => (n === name && attempt === 1 ? 'tamper' : undefined));
    await saveEdition(once.store, manifest);
    expect(once.attempts.get(name)).toBe(2);

    const always = setup((n) => (n === name ? 'tamper' : undefined));
    await expect(saveEdition(always.store, manifest)).rejects.toMatchObject({ failure: 'corrupt', file: name });
    expect(await always.store.missingFiles([name])).toEqual([name]);
  });
});

describe('percentSaved', () => {
  it('never says 100% before the last file', () => {
    expect(percentSaved({ savedBytes: 999, totalBytes: 1000, remaining: 1 })).toBe(99);
    expect(percentSaved({ savedBytes: 350, totalBytes: 1000, remaining: 5 })).toBe(35);
    expect(percentSaved({ savedBytes: 0, totalBytes: 0, remaining: 0 })).toBe(100);
  });
});

/** Two real images (see imageEdition.ts) in the edition, after its month files. */
const images = await fixtureImages();
const edition = withImages(manifest, images);
const imageBytes = [...images.values()].reduce((sum, b) => sum + b.byteLength, 0);

describe('saveEdition with images', () => {
  function setupWithImages() {
    const fetched: string[] = [];
    const fetch = async (input: RequestInfo | URL): Promise<Response> => {
      const name = String(input).replace(/^\/bundle\//, '');
      fetched.push(name);
      const image = images.get(name);
      return new Response(image ? image.slice() : texts.get(name)!);
    };
    const store = createBundleStore({ baseUrl: '/', fetch: fetch as typeof globalThis.fetch, caches: new MemoryCacheStorage().asCacheStorage() });
    return { store, fetched };
  }

  it('lists the images after every text file', () => {
    const order = saveOrder({ ...edition, files: [...edition.files].reverse() });
    expect(order.slice(-images.size).sort()).toEqual([...images.keys()].sort());
    expect(order.slice(0, -images.size)).toEqual(manifest.months.flatMap((m) => m.files));
  });

  it('saves the text whole before the first image, then the images', async () => {
    const { store, fetched } = setupWithImages();
    const done = await saveEdition(store, edition, { concurrency: 3 });
    expect(done).toEqual({ savedBytes: totalBytes + imageBytes, totalBytes: totalBytes + imageBytes, remaining: 0 });
    const firstImage = fetched.findIndex((name) => name.startsWith('images/'));
    expect(fetched.slice(0, firstImage).sort()).toEqual([...texts.keys()].sort());
    expect(fetched.slice(firstImage).sort()).toEqual([...images.keys()].sort());
    expect(await store.savedBytes(edition)).toEqual({ text: { saved: totalBytes, total: totalBytes }, images: { saved: imageBytes, total: imageBytes } });
  });

  it('saves no image when the reader keeps text only, and deletes those saved', async () => {
    const { store, fetched } = setupWithImages();
    await saveEdition(store, edition);
    await store.setKeepImages(false);
    expect(await store.keepsImages()).toBe(false);
    expect(await store.missingFiles([...images.keys()])).toEqual([...images.keys()]);
    expect(await store.missingFiles([...texts.keys()])).toEqual([]);

    fetched.length = 0;
    const done = await saveEdition(store, edition);
    expect(done).toEqual({ savedBytes: totalBytes, totalBytes, remaining: 0 });
    expect(fetched).toEqual([]);
    expect(await store.savedBytes(edition)).toEqual({ text: { saved: totalBytes, total: totalBytes }, images: { saved: 0, total: imageBytes } });

    await store.setKeepImages(true);
    await saveEdition(store, edition);
    expect(fetched.sort()).toEqual([...images.keys()].sort());
  });

  it('stops saving images as soon as the reader chooses text only, and the next prune deletes any saved meanwhile', async () => {
    const first = [...images.keys()][0]!;
    const fetched: string[] = [];
    // The reader chooses text only while the first image downloads.
    const fetch = async (input: RequestInfo | URL): Promise<Response> => {
      const name = String(input).replace(/^\/bundle\//, '');
      fetched.push(name);
      if (name === first) await store.setKeepImages(false);
      const image = images.get(name);
      return new Response(image ? image.slice() : texts.get(name)!);
    };
    const store = createBundleStore({ baseUrl: '/', fetch: fetch as typeof globalThis.fetch, caches: new MemoryCacheStorage().asCacheStorage() });
    await store.adoptManifest(edition);
    await saveEdition(store, edition, { concurrency: 1 });
    expect(fetched.filter((name) => name.startsWith('images/'))).toEqual([first]);
    await store.prune();
    expect(await store.missingFiles([...images.keys()])).toEqual([...images.keys()]);
    expect(await store.missingFiles([...texts.keys()])).toEqual([]);
  });

  it('refuses an image whose bytes do not match its name', async () => {
    const name = [...images.keys()][0]!;
    const fetch = async (input: RequestInfo | URL) => {
      const file = String(input).replace(/^\/bundle\//, '');
      const image = images.get(file);
      return new Response(file === name ? images.get([...images.keys()][1]!)!.slice() : image ? image.slice() : texts.get(file)!);
    };
    const store = createBundleStore({ baseUrl: '/', fetch: fetch as typeof globalThis.fetch, caches: new MemoryCacheStorage().asCacheStorage() });
    await expect(saveEdition(store, edition)).rejects.toMatchObject({ failure: 'corrupt', file: name });
  });

  it('leaves out the months of a year the reader removed, and saves them once it is added back', async () => {
    const { store } = setup();
    await store.setRemovedYears(['2017']);
    const of2018 = manifest.files.filter((f) => f.name.startsWith('month-2018-'));
    const done = await saveEdition(store, manifest);
    expect(done.totalBytes).toBe(of2018.reduce((sum, f) => sum + f.bytes, 0));
    expect(await store.missingFiles(saveOrder(manifest))).toEqual(manifest.months.filter((m) => m.month.startsWith('2017')).flatMap((m) => m.files));
    await store.setRemovedYears([]);
    expect(await saveEdition(store, manifest)).toEqual({ savedBytes: totalBytes, totalBytes, remaining: 0 });
  });
});
