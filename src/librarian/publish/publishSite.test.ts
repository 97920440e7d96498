import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISH_RECORD, type PublishRecord, PublishError, publishOrder, publishSite } from './publishSite';
import { buildThreeEditions, type SiteBuild, siteBuildsPossible } from './testing/siteBuilds';

/** Every file under `dir`, relative and `/`-separated, the record included. */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Whether `dir` serves `build` whole: each of its files there, byte for byte. */
async function expectServes(dir: string, build: SiteBuild): Promise<void> {
  for (const file of build.files) {
    expect(existsSync(path.join(dir, file)), `${file} of edition ${build.manifest.edition}`).toBe(true);
    expect((await readFile(path.join(dir, file))).equals(await readFile(path.join(build.dir, file))), `${file} has the content of edition ${build.manifest.edition}`).toBe(true);
  }
}

const record = async (dir: string) => JSON.parse(await readFile(path.join(dir, PUBLISH_RECORD), 'utf8')) as PublishRecord;
const only = (a: SiteBuild, ...others: SiteBuild[]) => a.files.filter((f) => !others.some((o) => o.files.includes(f)));

describe('publishOrder', () => {
  it('writes content-addressed files first, then the bundle manifest, the service worker, pages and the web app manifest; a precompressed sibling just before its file', () => {
    const files = ['index.html', 'index.html.br', 'index.html.gz', 'manifest.webmanifest', 'sw.js', 'workbox-1a2b3c4d.js', 'bundle/manifest.json', 'bundle/month-2017-11.0123456789ab.json', 'assets/index-Ab12Cd34.js.gz', 'assets/index-Ab12Cd34.js', 'icons/icon-192.png'];
    expect(publishOrder(files)).toEqual([
      'assets/index-Ab12Cd34.js.gz',
      'assets/index-Ab12Cd34.js',
      'bundle/month-2017-11.0123456789ab.json',
      'icons/icon-192.png',
      'bundle/manifest.json',
      'sw.js',
      'workbox-1a2b3c4d.js',
      'index.html.br',
      'index.html.gz',
      'index.html',
      'manifest.webmanifest',
    ]);
  });
});

describe.skipIf(!siteBuildsPossible)('publishSite on real builds of three editions', () => {
  let editions: [SiteBuild, SiteBuild, SiteBuild];
  let cleanup = async () => {};
  const dirs: string[] = [];
  const newDir = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'publish-to-'));
    dirs.push(dir);
    return path.join(dir, 'www');
  };
  beforeAll(async () => {
    ({ editions, cleanup } = await buildThreeEditions());
  }, 120_000);
  afterAll(async () => {
    await cleanup();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('publishes a build into an empty directory in order, and records it', async () => {
    const [one] = editions;
    const to = await newDir();
    const order: string[] = [];
    const report = await publishSite({ from: one.dir, to, beforeWrite: (file) => void order.push(file) });
    expect(order).toEqual(publishOrder(one.files));
    // The entry points come last, in this order, after every content-addressed file.
    expect(order.slice(-6)).toEqual(['bundle/manifest.json', 'sw.js.gz', 'sw.js', 'index.html.gz', 'index.html', 'manifest.webmanifest']);
    expect(report).toMatchObject({ edition: one.manifest.edition, articleCount: 4, unchanged: 0, removed: [], kept: null, foreign: [] });
    expect(report.written).toHaveLength(one.files.length);
    await expectServes(to, one);
    expect(await filesIn(to)).toEqual([PUBLISH_RECORD, ...one.files].sort());
    expect((await record(to)).builds).toEqual([expect.objectContaining({ build: report.build, edition: one.manifest.edition, complete: true, files: one.files })]);
  });

  it('keeps the previous edition\'s files through the next publish, and removes them on the one after', async () => {
    const [one, two, three] = editions;
    const to = await newDir();
    await publishSite({ from: one.dir, to });
    const second = await publishSite({ from: two.dir, to });
    // Only what edition 2 changed was written; edition 1's files stay for devices still saving it.
    expect(second.unchanged).toBeGreaterThan(0);
    expect(second.written).toEqual(publishOrder(second.written));
    expect(second.removed).toEqual([]);
    expect(second.kept?.edition).toBe(one.manifest.edition);
    expect(only(one, two).length).toBeGreaterThan(0);
    await expectServes(to, two);
    for (const file of one.files) expect(existsSync(path.join(to, file)), file).toBe(true);

    const third = await publishSite({ from: three.dir, to });
    expect(third.kept?.edition).toBe(two.manifest.edition);
    expect(third.removed).toEqual(only(one, two, three));
    await expectServes(to, three);
    expect(await filesIn(to)).toEqual([...new Set([PUBLISH_RECORD, ...two.files, ...three.files])].sort());
    expect((await record(to)).builds.map((b) => [b.edition, b.complete])).toEqual([
      [three.manifest.edition, true],
      [two.manifest.edition, true],
    ]);
  });

  it('leaves the directory serving the old edition whole when a copy fails midway, and finishes when run again', async () => {
    const [one, two, three] = editions;
    const to = await newDir();
    await publishSite({ from: one.dir, to });
    let writes = 0;
    const failing = publishSite({
      from: two.dir,
      to,
      beforeWrite: (file) => {
        if (++writes === 5) throw new Error(`ENOSPC: no space left on device, write '${file}'`);
      },
    });
    await expect(failing).rejects.toThrow(PublishError);
    await expect(failing).rejects.toThrow(/^publish: could not write \S+ into .*: ENOSPC: no space left on device, .*; .* still serves the previous edition whole\. Run the same publish again to finish it\.$/);
    await expectServes(to, one);
    // No temporary file is left, and the unfinished build is on record.
    expect((await filesIn(to)).filter((f) => !one.files.includes(f) && f !== PUBLISH_RECORD)).toHaveLength(4);
    expect((await record(to)).builds.map((b) => [b.edition, b.complete])).toEqual([
      [two.manifest.edition, false],
      [one.manifest.edition, true],
    ]);

    const again = await publishSite({ from: two.dir, to });
    expect(again.unchanged).toBeGreaterThanOrEqual(4);
    await expectServes(to, two);
    expect(again.kept?.edition).toBe(one.manifest.edition);
    await publishSite({ from: three.dir, to });
    expect(await filesIn(to)).toEqual([...new Set([PUBLISH_RECORD, ...two.files, ...three.files])].sort());
  });

  it('keeps the edition before a publish that stopped, until one is published whole after it', async () => {
    const [one, two, three] = editions;
    const to = await newDir();
    await publishSite({ from: one.dir, to });
    await expect(publishSite({ from: two.dir, to, beforeWrite: (file) => { if (file === 'index.html') throw new Error('EIO: i/o error'); } })).rejects.toThrow(
      /could not write index\.html into .*: EIO: i\/o error; .* has the new bundle\/manifest\.json, sw\.js\.gz, sw\.js, index\.html\.gz but not the rest of the entry files/,
    );
    // Devices may be reading edition 1 or 2 now: both are kept through the next publish.
    const third = await publishSite({ from: three.dir, to });
    expect(third.removed).toEqual([]);
    for (const file of [...one.files, ...two.files]) expect(existsSync(path.join(to, file)), file).toBe(true);
    await expectServes(to, three);
  });

  it('refuses a build that is not complete, naming what is missing, and writes nothing', async () => {
    const [one] = editions;
    const to = await newDir();
    const broken = await mkdtemp(path.join(os.tmpdir(), 'publish-broken-'));
    dirs.push(broken);
    const { cp } = await import('node:fs/promises');
    const copy = async () => {
      await rm(broken, { recursive: true, force: true });
      await cp(one.dir, broken, { recursive: true });
    };
    const refusal = (problem: RegExp | string) => expect(publishSite({ from: broken, to })).rejects.toThrow(problem);

    await copy();
    await rm(path.join(broken, 'index.html'));
    await refusal(`publish: ${broken} is not a complete build: no index.html (run npm run build)`);
    await copy();
    await rm(path.join(broken, 'bundle/manifest.json'));
    await refusal('is not a complete build: no bundle/manifest.json');
    await copy();
    const listed = one.manifest.files[3]!.name;
    await rm(path.join(broken, 'bundle', listed));
    await refusal(`is not a complete build: bundle/manifest.json lists bundle/${listed}, which is missing`);
    await copy();
    const damaged = path.join(broken, 'bundle', listed);
    const text = await readFile(damaged, 'utf8');
    await writeFile(damaged, text.replace(/[a-z]/, (c) => (c === 'a' ? 'b' : 'a')));
    await refusal(`bundle/${listed} does not hold the content its name's hash says (a damaged copy)`);
    await writeFile(damaged, text.slice(1));
    await refusal(`bundle/${listed} is ${Buffer.byteLength(text) - 1} bytes where bundle/manifest.json says ${Buffer.byteLength(text)}`);
    await copy();
    const script = one.files.find((f) => /^assets\/.*\.js$/.test(f))!;
    await rm(path.join(broken, script));
    await refusal(`index.html loads ${script}, which is missing`);
    await copy();
    await rm(path.join(broken, 'manifest.webmanifest'));
    await refusal('sw.js precaches manifest.webmanifest, which is missing');
    await expect(publishSite({ from: broken, to })).rejects.toBeInstanceOf(PublishError);
    expect(existsSync(to)).toBe(false);
    await expect(publishSite({ from: one.dir, to: path.join(one.dir, 'www') })).rejects.toThrow('must be two separate directories');
  });
});
