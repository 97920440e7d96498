import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, type BundleManifest } from '../core/format';
import { manifest as fixtureManifest, monthFiles } from '../app/archive/testing/bundleFixture';
import { BundleFileError, contentHash, createBundleStore, EDITION_CACHE, FILES_CACHE, nameHash } from './bundleStore';
import { fixtureImages, withImages } from './testing/imageEdition';
import { MemoryCacheStorage, quotaExceeded } from './testing/memoryCaches';

/** The fixture's month files (real articles) under names that carry their content's hash. */
const texts = new Map<string, string>();
for (const file of Object.values(monthFiles)) {
  const text = JSON.stringify(file);
  texts.set(`month-${file.month}.${await contentHash(text)}.json`, text);
}
const names = [...texts.keys()];
const fileText = (name: string) => texts.get(name)!;

/** The fixture bundle behind a fetch that counts requests and can be cut off or tampered with. */
function server(manifest: BundleManifest = fixtureManifest) {
  const calls: string[] = [];
  const state = { online: true, tamper: new Set<string>() };
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const url = String(input);
    calls.push(url);
    if (!state.online) throw new TypeError('Failed to fetch');
    const name = url.replace(/^\/archive\/bundle\//, '');
    if (name === 'manifest.json') return new Response(JSON.stringify(manifest));
    if (!texts.has(name)) return new Response('Not Found', { status: 404, statusText: 'Not Found' });
    const text = fileText(name);
    return new Response(state.tamper.has(name) ? text.replace('Peace Corps', 'Peace Corp$') : text);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls, state };
}

function setup(manifest?: BundleManifest) {
  const storage = new MemoryCacheStorage();
  const remote = server(manifest);
  const store = createBundleStore({ baseUrl: '/archive/', fetch: remote.fetch, caches: storage.asCacheStorage() });
  return { storage, remote, store };
}

describe('content hashes', () => {
  it('are the first 12 hex digits of the SHA-256 of the UTF-8 text, as the builder names files', async () => {
    const text = fileText(names[0]!);
    expect(await contentHash(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12));
    expect(nameHash(names[0]!)).toBe(await contentHash(text));
    expect(nameHash('manifest.json')).toBeUndefined();
  });
});

describe('createBundleStore', () => {
  it('downloads a file once, checks it against its name and reads it from the device afterwards', async () => {
    const { store, remote, storage } = setup();
    const name = names[0]!;
    expect(await store.readFile(name)).toBe(fileText(name));
    expect(await store.readFile(name)).toBe(fileText(name));
    expect(remote.calls).toEqual([`/archive/bundle/${name}`]);
    expect([...(await storage.open(FILES_CACHE)).entries.keys()]).toEqual([`http://localhost/archive/bundle/${name}`]);
    remote.state.online = false;
    expect(await createBundleStore({ baseUrl: '/archive/', fetch: remote.fetch, caches: storage.asCacheStorage() }).readFile(name)).toBe(fileText(name));
  });

  it('shares one download between concurrent reads of a file', async () => {
    const { store, remote } = setup();
    await Promise.all([store.readFile(names[0]!), store.readFile(names[0]!)]);
    expect(remote.calls).toHaveLength(1);
  });

  it('discards a download that does not match its hash, naming the file, and saves nothing', async () => {
    const name = names.find((n) => fileText(n).includes('Peace Corps'))!;
    const { store, remote, storage } = setup();
    remote.state.tamper.add(name);
    const error = await store.readFile(name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleFileError);
    expect(error).toMatchObject({ failure: 'corrupt', file: name });
    expect((error as Error).message).toMatch(new RegExp(`^bundle: ${name.replace(/\./g, '\\.')}: the download does not match its hash`));
    expect((await storage.open(FILES_CACHE)).entries.size).toBe(0);
    // Tried again, a good copy is taken.
    remote.state.tamper.clear();
    expect(await store.readFile(name)).toBe(fileText(name));
  });

  it('says a file is missing when offline and not saved, and names the server status otherwise', async () => {
    const { store, remote } = setup();
    await expect(store.readFile('month-2016-01.000000000000.json')).rejects.toMatchObject({
      failure: 'http',
      message: 'bundle: month-2016-01.000000000000.json: the server answered 404 Not Found',
    });
    remote.state.online = false;
    await expect(store.readFile(names[0]!)).rejects.toMatchObject({ failure: 'offline', file: names[0] });
  });

  it('reports a full device when saving, but still lets the page read the file', async () => {
    const { store, storage } = setup();
    (await storage.open(FILES_CACHE)).failPuts = quotaExceeded;
    await expect(store.saveFile(names[0]!)).rejects.toMatchObject({ failure: 'quota', file: names[0] });
    expect(await store.readFile(names[0]!)).toBe(fileText(names[0]!));
  });

  it('keeps the first manifest it reads as the current edition, and reads that one offline', async () => {
    const { store, remote, storage } = setup();
    expect((await store.currentManifest()).edition).toBe(fixtureManifest.edition);
    remote.state.online = false;
    const again = createBundleStore({ baseUrl: '/archive/', fetch: remote.fetch, caches: storage.asCacheStorage() });
    expect((await again.currentManifest()).edition).toBe(fixtureManifest.edition);
    expect(remote.calls.filter((c) => c.endsWith('manifest.json'))).toHaveLength(1);
  });

  it('keeps the manifest as the server sent it, without writing it out again', async () => {
    const storage = new MemoryCacheStorage();
    // Indented as a hand-edited manifest might be: JSON.stringify of the parsed object would differ.
    const text = JSON.stringify(fixtureManifest, null, 2);
    const fetch = (async () => new Response(text)) as unknown as typeof globalThis.fetch;
    const store = createBundleStore({ baseUrl: '/archive/', fetch, caches: storage.asCacheStorage() });
    expect((await store.currentManifest()).edition).toBe(fixtureManifest.edition);
    const kept = (await storage.open(EDITION_CACHE)).entries.get('http://localhost/archive/bundle/edition/current.json');
    expect(new TextDecoder().decode(kept)).toBe(text);
  });

  it('reads the edition another context kept while the manifest was being fetched', async () => {
    const storage = new MemoryCacheStorage();
    const kept = { ...fixtureManifest, edition: 'e2e2e2e2e2e2' };
    const fetch = (async () => {
      // The search worker or the service worker keeps its edition first.
      await (await storage.open(EDITION_CACHE)).put('/archive/bundle/edition/current.json', new Response(JSON.stringify(kept)));
      return new Response(JSON.stringify(fixtureManifest));
    }) as unknown as typeof globalThis.fetch;
    const store = createBundleStore({ baseUrl: '/archive/', fetch, caches: storage.asCacheStorage() });
    expect((await store.currentManifest()).edition).toBe('e2e2e2e2e2e2');
    const text = (await storage.open(EDITION_CACHE)).entries.get('http://localhost/archive/bundle/edition/current.json');
    expect(JSON.parse(new TextDecoder().decode(text)).edition).toBe('e2e2e2e2e2e2');
  });

  it('stores a data file as the bytes the server sent', async () => {
    const { store, storage } = setup();
    const name = names[0]!;
    expect(await store.saveFile(name)).toBe(new TextEncoder().encode(fileText(name)).byteLength);
    expect((await storage.open(FILES_CACHE)).entries.get(`http://localhost/archive/bundle/${name}`)).toEqual(new TextEncoder().encode(fileText(name)));
  });

  it('does not change the current edition when the server has a new one; adopting it does', async () => {
    const next = { ...fixtureManifest, edition: 'e2e2e2e2e2e2', articleCount: fixtureManifest.articleCount + 1 };
    const { store, storage } = setup();
    await store.currentManifest();
    const later = createBundleStore({ baseUrl: '/archive/', fetch: server(next).fetch, caches: storage.asCacheStorage() });
    expect((await later.serverManifest())?.edition).toBe('e2e2e2e2e2e2');
    expect((await later.currentManifest()).edition).toBe(fixtureManifest.edition);
    await later.setPendingManifest(next);
    expect((await later.pendingManifest())?.edition).toBe('e2e2e2e2e2e2');
    await later.adoptManifest(next);
    expect((await later.currentManifest()).edition).toBe('e2e2e2e2e2e2');
    expect(await later.pendingManifest()).toBeUndefined();
  });

  it('ignores a saved manifest of another bundle format and takes the server one', async () => {
    const { store, storage } = setup();
    await (await storage.open(EDITION_CACHE)).put('/archive/bundle/edition/current.json', new Response(JSON.stringify({ ...fixtureManifest, format: 'news-bundle/1' })));
    const current = await store.currentManifest();
    expect(current.format).toBe(BUNDLE_FORMAT);
  });

  it('refuses a server manifest of another format with a message that says to reload', async () => {
    const { store } = setup({ ...fixtureManifest, format: 'news-bundle/1' } as unknown as BundleManifest);
    await expect(store.currentManifest()).rejects.toThrow(
      `bundle: manifest.json: format "news-bundle/1" is not "${BUNDLE_FORMAT}", the one this reader understands (reload to get the current reader)`,
    );
  });

  it('prunes files that neither the current nor the pending edition names', async () => {
    const { store, storage } = setup();
    for (const name of names) await store.saveFile(name);
    const [kept, ...dropped] = names;
    const current = { ...fixtureManifest, files: [{ name: kept!, bytes: 1 }] };
    await store.adoptManifest(current);
    expect(await store.prune()).toBe(dropped.length);
    expect([...(await storage.open(FILES_CACHE)).entries.keys()]).toEqual([`http://localhost/archive/bundle/${kept}`]);
    expect(await store.missingFiles(names)).toEqual(dropped);
  });
});

describe('BundleStore removed years', () => {
  const of2017 = names.filter((n) => n.startsWith('month-2017-'));

  it('deletes the saved month files of a removed year only, and keeps the choice beside the images one', async () => {
    const { store, storage } = setup();
    for (const name of names) await store.saveFile(name);
    await store.setKeepImages(false);
    await store.setRemovedYears(['2017', '2017']);
    expect(await store.removedYears()).toEqual(['2017']);
    expect(await store.keepsImages()).toBe(false);
    expect(await store.missingFiles(names)).toEqual(of2017);
    expect([...(await storage.open(FILES_CACHE)).entries.keys()]).toEqual(names.filter((n) => !of2017.includes(n)).map((n) => `http://localhost/archive/bundle/${n}`));
    await store.setKeepImages(true);
    expect(await store.removedYears()).toEqual(['2017']);
  });

  it('reads a removed year from the network without saving it, and prunes one saved meanwhile', async () => {
    const { store, remote } = setup();
    await store.adoptManifest(fixtureManifest);
    await store.setRemovedYears(['2017']);
    expect(await store.readFile(of2017[0]!)).toBe(fileText(of2017[0]!));
    expect(await store.missingFiles([of2017[0]!])).toEqual([of2017[0]!]);
    remote.state.online = false;
    await expect(store.readFile(of2017[0]!)).rejects.toThrow(/could not be fetched/);
  });

  it('counts the bytes of the years kept only', async () => {
    const { store } = setup();
    const edition: BundleManifest = { ...fixtureManifest, files: names.map((name) => ({ name, bytes: fileText(name).length })) };
    const all = (await store.savedBytes(edition)).text.total;
    await store.setRemovedYears(['2017']);
    expect((await store.savedBytes(edition)).text.total).toBe(all - of2017.reduce((sum, n) => sum + fileText(n).length, 0));
  });
});

/** Two real images (see imageEdition.ts); the edition shows the first. */
const images = await fixtureImages();
const [name, other] = [...images.keys()] as [string, string];
const edition = withImages({ ...fixtureManifest, files: [] }, new Map([[name, images.get(name)!]]));

describe('BundleStore.imageResponse', () => {
  function imageSetup() {
    const state = { online: true, calls: 0 };
    const fetch = async (input: RequestInfo | URL): Promise<Response> => {
      state.calls++;
      if (!state.online) throw new TypeError('Failed to fetch');
      const image = images.get(String(input).replace(/^\/archive\/bundle\//, ''));
      return image ? new Response(image.slice()) : new Response('Not Found', { status: 404, statusText: 'Not Found' });
    };
    const store = createBundleStore({ baseUrl: '/archive/', fetch: fetch as typeof globalThis.fetch, caches: new MemoryCacheStorage().asCacheStorage() });
    return { store, state };
  }

  it('serves an image from the network once, then from the device, when the current edition names it', async () => {
    const { store, state } = imageSetup();
    await store.adoptManifest(edition);
    const first = await store.imageResponse(name);
    expect(new Uint8Array(await first.arrayBuffer())).toEqual(images.get(name));
    state.online = false;
    const again = await store.imageResponse(name);
    expect(again.status).toBe(200);
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(images.get(name));
    expect(state.calls).toBe(1);
  });

  it('answers 504 offline for an image not saved, which the page shows as its placeholder', async () => {
    const { store, state } = imageSetup();
    await store.adoptManifest(edition);
    state.online = false;
    expect((await store.imageResponse(name)).status).toBe(504);
  });

  it('saves no image the current edition does not name, nor any when the reader keeps text only', async () => {
    const { store } = imageSetup();
    await store.adoptManifest(edition);
    expect((await store.imageResponse(other)).status).toBe(200);
    await store.setKeepImages(false);
    expect((await store.imageResponse(name)).status).toBe(200);
    expect(await store.missingFiles([name, other])).toEqual([name, other]);
  });
});
