import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeImage } from '../images/encodeImage';
import { keptImageHtml } from '../images/keepArticleImages';
import { imageFixtures } from '../images/testing/imageFixtures';
import { importSources } from '../import/importSources';
import { SEED_FILES, SEEDS_META, seedsPresent, tempArchive } from '../testing/tempArchive';
import { archiveBundlePlugin } from './archiveBundlePlugin';

/** A minimal site (one page, one script) built with the archive plugin, as `vite build` does. */
async function buildSite(archiveDir: string, outDir: string) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'news-site-'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>t</title><script type="module" src="./main.js"></script>');
  await writeFile(path.join(root, 'main.js'), 'document.title = "archive";');
  try {
    await build({ root, logLevel: 'silent', configFile: false, plugins: [archiveBundlePlugin({ archiveDir })], build: { outDir, emptyOutDir: true } });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

describe.skipIf(!seedsPresent)('archiveBundlePlugin in a vite build', () => {
  let dir = '';
  let out = '';
  let cleanup = async () => {};
  beforeEach(async () => {
    ({ dir, cleanup } = await tempArchive());
    out = path.join(dir, 'dist');
    await importSources({ archiveDir: dir, files: SEED_FILES, metaFile: SEEDS_META });
  });
  afterEach(() => cleanup());

  it('emits the bundle: the manifest and every file it names', async () => {
    await buildSite(dir, out);
    const manifest = JSON.parse(await readFile(path.join(out, 'bundle/manifest.json'), 'utf8'));
    expect(manifest.articleCount).toBe(4);
    const files = manifest.files as { name: string; bytes: number }[];
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(manifest.months.flatMap((m: { files: string[] }) => m.files)));
    for (const { name, bytes } of files) expect((await readFile(path.join(out, 'bundle', name))).byteLength).toBe(bytes);
  });

  it("emits the images articles show, listed as images with their sizes, and no other of the archive's images", async () => {
    const photo = await encodeImage(await readFile(imageFixtures.photo), dir);
    const unused = await encodeImage(await readFile(imageFixtures.icon), dir);
    const file = path.join(dir, 'articles/2017-11.json');
    const month = JSON.parse(await readFile(file, 'utf8'));
    month.articles[0].body = `<figure>${keptImageHtml(photo, 'Smoke over Albu Kamal')}</figure>${month.articles[0].body}`;
    await writeFile(file, `${JSON.stringify(month, null, 2)}\n`);
    await buildSite(dir, out);
    const manifest = JSON.parse(await readFile(path.join(out, 'bundle/manifest.json'), 'utf8'));
    const images = (manifest.files as { name: string; bytes: number; kind?: string }[]).filter((f) => f.kind === 'image');
    expect(images).toEqual([
      { name: `images/${photo.large.name}`, bytes: photo.large.bytes, kind: 'image' },
      { name: `images/${photo.small!.name}`, bytes: photo.small!.bytes, kind: 'image' },
    ]);
    expect(manifest.files.slice(-2)).toEqual(images);
    for (const { name, bytes } of images) expect((await readFile(path.join(out, 'bundle', name))).byteLength).toBe(bytes);
    await expect(readFile(path.join(out, 'bundle/images', unused.large.name))).rejects.toThrow(/ENOENT/);
  });

  it('fails the build on an article showing an image the archive does not hold', async () => {
    const file = path.join(dir, 'articles/2017-11.json');
    const month = JSON.parse(await readFile(file, 'utf8'));
    month.articles[0].body = `<figure><img src="images/0123456789abcdef.webp" width="10" height="10" alt="Lost" loading="lazy"></figure>${month.articles[0].body}`;
    await writeFile(file, `${JSON.stringify(month, null, 2)}\n`);
    await expect(buildSite(dir, out)).rejects.toThrow(/bundle: article [0-9a-f]{16} \(".+"\) shows images\/0123456789abcdef\.webp, which is not in the archive's images\/ folder/);
  });

  it('fails the build on a malformed archive file, naming the file, the record and the field', async () => {
    const file = path.join(dir, 'articles/2017-11.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"date": "2017-11-25"', '"date": "25 November 2017"'));
    await expect(buildSite(dir, out)).rejects.toThrow(
      /archive: articles\/2017-11\.json: article 0 \([0-9a-f]{16}\): date: must be an ISO 8601 date \(found "25 November 2017"\)/,
    );
  });
});
