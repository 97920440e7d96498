/**
 * What an installed app downloads when a new edition adds one day of articles: both editions
 * built with the librarian's `buildBundle` in Node; the download is every edition-2 data file
 * whose name edition 1 does not have (names are content hashes, so an unchanged file keeps its
 * name and stays on the device), plus the manifest, which is always fetched.
 */
import { buildBundle } from '../src/librarian/bundle/buildBundle';
import type { LoadedArchive } from '../src/librarian/archive/readArchive';
import { type BundleFile, type BundleSize, measureFiles } from './bundleSize';
import { firstLine } from './table';

export interface EditionDownload {
  edition1Files: number;
  edition2: BundleSize;
  /** Edition-2 data files edition 1 does not have. */
  newFiles: BundleFile[];
  manifest: BundleFile;
  downloadRaw: number;
  downloadGzip: number;
  buildSeconds: [number, number];
  /** `buildBundle`'s message, when it refused an edition. */
  refused?: string;
}

const EDITION_1_BUILT = new Date('2025-01-14T23:00:00Z');
const EDITION_2_BUILT = new Date('2025-01-15T23:00:00Z');

/** Builds both editions and measures the second one's download. */
export async function editionDownload(edition1: LoadedArchive, edition2: LoadedArchive, onProgress: (message: string) => void): Promise<EditionDownload | { refused: string; buildSeconds: number[] }> {
  const seconds: number[] = [];
  let names1: Set<string>;
  try {
    onProgress('edition 1: buildBundle');
    const started = performance.now();
    names1 = new Set(buildBundle(edition1, { builtAt: EDITION_1_BUILT }).files.keys());
    seconds.push((performance.now() - started) / 1000);
  } catch (err) {
    return { refused: `edition 1: ${firstLine(err)}`, buildSeconds: seconds };
  }
  let bundle2: ReturnType<typeof buildBundle>;
  try {
    onProgress('edition 2: buildBundle');
    const started = performance.now();
    bundle2 = buildBundle(edition2, { builtAt: EDITION_2_BUILT });
    seconds.push((performance.now() - started) / 1000);
  } catch (err) {
    return { refused: `edition 2: ${firstLine(err)}`, buildSeconds: seconds };
  }
  onProgress('edition 2: measuring its files (raw and gzip)');
  const manifestText = JSON.stringify(bundle2.manifest);
  const all = await measureFiles([...bundle2.files, ['manifest.json', manifestText]]);
  const manifest = all.files.find((f) => f.name === 'manifest.json')!;
  const newFiles = all.files.filter((f) => f.name !== 'manifest.json' && !names1.has(f.name)).sort((a, b) => b.raw - a.raw);
  return {
    edition1Files: names1.size,
    edition2: all,
    newFiles,
    manifest,
    downloadRaw: newFiles.reduce((n, f) => n + f.raw, manifest.raw),
    downloadGzip: newFiles.reduce((n, f) => n + f.gzip, manifest.gzip),
    buildSeconds: [seconds[0]!, seconds[1]!],
  };
}
