/**
 * `librarian publish --to DIR`: puts a build (`vite build`'s `dist/`) where a web server serves
 * it, so that a reader never meets half an edition:
 *
 * 1. every file but the entry points, first: content-addressed files (Vite's `assets/`, the
 *    bundle's hashed data files and images) and the static ones (icons, robots.txt…), each
 *    written to a temporary sibling and renamed into place (atomic), precompressed `.gz`/`.br`
 *    siblings just before their file;
 * 2. then the bundle manifest (a page of the old app that reads it finds every file it names);
 * 3. then `workbox-*.js` and `sw.js` (a browser that finds the new service worker finds its
 *    precache list and the manifest it points to);
 * 4. last `index.html` (and any other page) and the web app manifest.
 *
 * Files the previous edition had are kept one more edition, so that a device that is saving it
 * (or an open page that loads one of its chunks) finishes; files of older editions are removed.
 * `DIR/.librarian-publish.json` records which files belong to which edition; a publish that did
 * not finish stays in the record, so its files are accounted for by the next one.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { BUNDLE_DIR, BUNDLE_FORMAT, BUNDLE_MANIFEST, type BundleManifest } from '../../core/format';
import { nameHash } from '../../edition/bundleStore';
import { isTemporarySibling, writeFileAtomically } from '../atomicWrite';

/** The record of published editions, in the published directory (not served to readers: nothing links to it). */
export const PUBLISH_RECORD = '.librarian-publish.json';
const RECORD_FORMAT = 'librarian-publish/1';
const MANIFEST_PATH = `${BUNDLE_DIR}/${BUNDLE_MANIFEST}`;

/** One build published into the directory. */
export interface PublishedBuild {
  /** First 12 hex digits of the SHA-256 over every file's path and content: the build's identity. */
  build: string;
  /** The bundle's edition (`BundleManifest.edition`). */
  edition: string;
  articleCount: number;
  publishedAt: string;
  /** False while its files are being written, and for a publish that did not finish. */
  complete: boolean;
  /** Every file of the build, relative to the directory, `/`-separated. */
  files: string[];
}

export interface PublishRecord {
  format: typeof RECORD_FORMAT;
  /** Newest first. */
  builds: PublishedBuild[];
}

export interface PublishOptions {
  /** The build to publish (`dist`). */
  from: string;
  /** The directory the web server serves. */
  to: string;
  now?: () => Date;
  /** Called before each file is written into `to`; tests make it throw to stop a publish midway. */
  beforeWrite?: (file: string) => void | Promise<void>;
}

export interface PublishReport {
  build: string;
  edition: string;
  articleCount: number;
  /** Files written (new or changed), in the order they were written. */
  written: string[];
  /** Files already in place with the same content. */
  unchanged: number;
  /** Files of builds older than the one kept, removed. */
  removed: string[];
  /** The build kept beside the new one for devices still reading it, if any. */
  kept: PublishedBuild | null;
  /** Files in the directory that no publish wrote (left alone). */
  foreign: string[];
}

/** Why a publish was refused or stopped; the message says what to do. */
export class PublishError extends Error {}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** Every file below `dir`, relative and `/`-separated, sorted; the record and unfinished temporary files left out. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name !== PUBLISH_RECORD && !isTemporarySibling(e.name))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** The file a precompressed sibling (`x.js.gz`, `x.js.br`) compresses; any other file itself. */
const uncompressed = (file: string) => file.replace(/\.(gz|br)$/, '');

/** The step a file (or its precompressed sibling) is written in (see the header comment): 0 first, 4 last. */
function stepOf(name: string): number {
  const file = uncompressed(name);
  if (file === MANIFEST_PATH) return 1;
  if (/^workbox-[^/]*\.js$/.test(file) || file === 'sw.js') return 2;
  if (file.endsWith('.html')) return 3;
  if (file.endsWith('.webmanifest')) return 4;
  return 0;
}

/** The order files are written in: by step, each precompressed sibling just before its file. */
export function publishOrder(files: readonly string[]): string[] {
  const key = (file: string) => {
    const base = uncompressed(file);
    return { step: stepOf(base), base, last: base === file ? 1 : 0 };
  };
  return [...files].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x.step - y.step || (x.base < y.base ? -1 : x.base > y.base ? 1 : 0) || x.last - y.last || (a < b ? -1 : 1);
  });
}

interface Build {
  files: string[];
  manifest: BundleManifest;
  id: string;
}

/**
 * Reads and checks a build: `index.html`, the bundle manifest, every data file the manifest
 * lists (present, of the size it says, with the content its name's hash says), every Vite
 * asset `index.html` names, and every file `sw.js` precaches. Throws a {@link PublishError} naming what is missing or wrong.
 */
export async function readBuild(from: string): Promise<Build> {
  const incomplete = (problem: string) => new PublishError(`publish: ${from} is not a complete build: ${problem} (run npm run build)`);
  if (!(await stat(from).catch(() => null))?.isDirectory()) throw new PublishError(`publish: --from ${from}: no such directory (run npm run build)`);
  const files = await listFiles(from);
  const present = new Set(files);
  if (!present.has('index.html')) throw incomplete('no index.html');
  if (!present.has(MANIFEST_PATH)) throw incomplete(`no ${MANIFEST_PATH}`);
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(from, MANIFEST_PATH), 'utf8')) as BundleManifest;
  } catch (error) {
    throw incomplete(`${MANIFEST_PATH} is not JSON (${(error as Error).message})`);
  }
  if (manifest?.format !== BUNDLE_FORMAT || !Array.isArray(manifest.files) || typeof manifest.edition !== 'string') {
    throw incomplete(`${MANIFEST_PATH} is not a ${BUNDLE_FORMAT} manifest`);
  }
  const digests = new Map<string, string>();
  for (const file of files) digests.set(file, sha256(await readFile(path.join(from, file))));
  for (const { name, bytes } of manifest.files) {
    const file = `${BUNDLE_DIR}/${name}`;
    if (!present.has(file)) throw incomplete(`${MANIFEST_PATH} lists ${file}, which is missing`);
    const size = (await stat(path.join(from, file))).size;
    if (size !== bytes) throw incomplete(`${file} is ${size} bytes where ${MANIFEST_PATH} says ${bytes}`);
    const hash = nameHash(name);
    if (hash && !digests.get(file)!.startsWith(hash)) throw incomplete(`${file} does not hold the content its name's hash says (a damaged copy)`);
  }
  const indexHtml = await readFile(path.join(from, 'index.html'), 'utf8');
  for (const [, asset] of indexHtml.matchAll(/(?:src|href)="[^"]*?\b(assets\/[^"?#]+)/g)) {
    if (!present.has(asset!)) throw incomplete(`index.html loads ${asset}, which is missing`);
  }
  // The service worker's precache list (Workbox's `"url":"…"` entries, relative to its scope):
  // one missing file would fail every installed app's update.
  if (present.has('sw.js')) {
    const sw = await readFile(path.join(from, 'sw.js'), 'utf8');
    for (const [, url] of sw.matchAll(/"url":"([^"]+)"/g)) {
      const file = decodeURI(url!.split(/[?#]/)[0]!);
      if (!present.has(file)) throw incomplete(`sw.js precaches ${file}, which is missing`);
    }
  }
  const id = sha256(files.map((f) => `${f}\0${digests.get(f)}\n`).join('')).slice(0, 12);
  return { files, manifest, id };
}

async function readRecord(to: string): Promise<PublishRecord> {
  const file = path.join(to, PUBLISH_RECORD);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { format: RECORD_FORMAT, builds: [] };
    throw error;
  }
  let record: PublishRecord;
  try {
    record = JSON.parse(text) as PublishRecord;
  } catch (error) {
    throw new PublishError(`publish: ${file} is not JSON (${(error as Error).message}); move it away to publish into ${to} anew`);
  }
  if (record?.format !== RECORD_FORMAT || !Array.isArray(record.builds) || record.builds.some((b) => !Array.isArray(b?.files) || typeof b.build !== 'string')) {
    throw new PublishError(`publish: ${file} is not a ${RECORD_FORMAT} record; move it away to publish into ${to} anew`);
  }
  return record;
}

const writeRecord = (to: string, record: PublishRecord) => writeFileAtomically(path.join(to, PUBLISH_RECORD), `${JSON.stringify(record, null, 2)}\n`);

/** Removes `file` and then each parent directory it leaves empty, up to `root`. */
async function removeFile(root: string, file: string): Promise<void> {
  await rm(path.join(root, file), { force: true });
  for (let dir = path.dirname(file); dir !== '.'; dir = path.dirname(dir)) {
    if (!(await rmdir(path.join(root, dir)).then(() => true, () => false))) break;
  }
}

/** Publishes the build in `from` into `to` (see the header comment). */
export async function publishSite(options: PublishOptions): Promise<PublishReport> {
  const { from, to } = options;
  const [fromDir, toDir] = [path.resolve(from), path.resolve(to)];
  if (fromDir === toDir || toDir.startsWith(fromDir + path.sep) || fromDir.startsWith(toDir + path.sep)) {
    throw new PublishError(`publish: --to ${to} and --from ${from} must be two separate directories, neither inside the other`);
  }
  const build = await readBuild(from);
  const record = await readRecord(to);
  const head: PublishedBuild = {
    build: build.id,
    edition: build.manifest.edition,
    articleCount: build.manifest.articleCount,
    publishedAt: (options.now?.() ?? new Date()).toISOString(),
    complete: false,
    files: build.files,
  };
  // Publishing a build again (or finishing one that stopped) replaces its entry.
  const older = record.builds.filter((b) => b.build !== head.build);
  const known = new Set([...build.files, ...record.builds.flatMap((b) => b.files)]);
  const foreign = (await stat(to).catch(() => null)) ? (await listFiles(to)).filter((f) => !known.has(f)) : [];
  // Recorded before anything is written, so that the files of a publish that stops are known.
  await writeRecord(to, { format: RECORD_FORMAT, builds: [head, ...older] });

  const written: string[] = [];
  let unchanged = 0;
  for (const file of publishOrder(build.files)) {
    const content = await readFile(path.join(from, file));
    const target = path.join(to, file);
    const current = await readFile(target).catch(() => null);
    if (current?.equals(content)) {
      unchanged++;
      continue;
    }
    try {
      await options.beforeWrite?.(file);
      await writeFileAtomically(target, content);
    } catch (error) {
      const served =
        stepOf(file) === 0
          ? `${to} still serves the previous edition whole`
          : `${to} has the new ${written.filter((f) => stepOf(f) > 0).join(', ') || 'data files'} but not the rest of the entry files`;
      throw new PublishError(`publish: could not write ${file} into ${to}: ${(error as Error).message}; ${served}. Run the same publish again to finish it.`);
    }
    written.push(file);
  }

  // Kept: the new build, and every build back to the last one that was published whole (a
  // publish that stopped may or may not have reached its entry files, so the one before it too).
  const kept: PublishedBuild[] = [];
  for (const b of older) {
    kept.push(b);
    if (b.complete) break;
  }
  const keep = new Set([...build.files, ...kept.flatMap((b) => b.files)]);
  const removed = [...new Set(older.slice(kept.length).flatMap((b) => b.files))].filter((f) => !keep.has(f)).sort();
  for (const file of removed) await removeFile(to, file);
  await writeRecord(to, { format: RECORD_FORMAT, builds: [{ ...head, complete: true }, ...kept] });
  return {
    build: head.build,
    edition: head.edition,
    articleCount: head.articleCount,
    written,
    unchanged,
    removed,
    kept: kept.find((b) => b.complete) ?? null,
    foreign,
  };
}
