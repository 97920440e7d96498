/**
 * What a built bundle weighs on disk: every file in a `bundle/` directory (data files and the
 * manifest), raw and gzip (each file on its own, level 6, as a host compresses it). Reads the
 * directory, not the manifest, so it does not depend on how the bundle format names its parts.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

export interface BundleFile {
  name: string;
  raw: number;
  gzip: number;
}

export interface BundleSize {
  files: BundleFile[];
  rawBytes: number;
  gzipBytes: number;
  largest: BundleFile;
}

/** Sizes of `files` (name → content, or name → a function reading it), in name order. */
export async function measureFiles(files: Iterable<[string, string | Buffer | (() => Promise<Buffer>)]>): Promise<BundleSize> {
  const measured: BundleFile[] = [];
  for (const [name, source] of files) {
    const content = typeof source === 'function' ? await source() : source;
    measured.push({ name, raw: Buffer.byteLength(content), gzip: (await gzipAsync(content, { level: 6 })).length });
  }
  measured.sort((a, b) => a.name.localeCompare(b.name));
  if (measured.length === 0) throw new Error('bench: the bundle has no files');
  return {
    files: measured,
    rawBytes: measured.reduce((n, f) => n + f.raw, 0),
    gzipBytes: measured.reduce((n, f) => n + f.gzip, 0),
    largest: measured.reduce((a, b) => (b.raw > a.raw ? b : a)),
  };
}

/** Sizes of every file in `bundleDir` (read one at a time: a 100,000-article bundle is hundreds of MB). */
export async function measureBundleDir(bundleDir: string): Promise<BundleSize> {
  const names = (await readdir(bundleDir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  return measureFiles(names.map((name) => [name, () => readFile(path.join(bundleDir, name))]));
}
