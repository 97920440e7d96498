/**
 * The anchors (bench/anchors.ts) measured in the browser exactly as the app is, on the same
 * articles and queries, in the same Chromium: a first visit on a fresh profile to
 * `/search?q=<word>` (bytes until the first result painted), the benchmark's queries typed (no
 * typing pause: each page searches on every input event) with the longest main-thread task
 * meanwhile, the search worker's heap (DevTools protocol), then cold starts at 4× CPU. The anchors
 * have no offline copy, so their cold start is a relaunch on the first visit's profile with the
 * files from the browser's HTTP cache and localhost (revalidated), where the app's is offline.
 */
import type { SearchDocument } from '../src/core/searchOptions';
import { type AnchorName, type AnchorSite, anchorSite } from './anchors';
import { type TempDir, tempDir } from './archiveOnDisk';
import { installResultProbe, launchProfile, longest, longTasksSince } from './browser';
import { type ColdStart, coldOfflineStart } from './coldOfflineStart';
import { type FirstVisit, firstVisit } from './firstVisit';
import { startStaticServer } from './staticServer';
import { firstLine } from './table';
import { anchorTypedQueries, type Latency } from './warmQueries';
import { searchWorkerHeap, type WorkerHeap } from './workerHeap';

/** A figure, or why it could not be measured. */
export type Measured<T> = { ok: T } | { error: string };

export async function attempt<T>(what: string, run: () => Promise<T> | T, onError: (message: string) => void = () => {}): Promise<Measured<T>> {
  try {
    return { ok: await run() };
  } catch (err) {
    onError(`${what}: not measured: ${firstLine(err)}`);
    return { error: firstLine(err) };
  }
}

export interface AnchorFigures {
  name: AnchorName;
  site: Measured<AnchorSite>;
  firstVisit?: Measured<FirstVisit>;
  typed?: Measured<Latency>;
  /** Longest main-thread task while the queries were typed; undefined: none over 50 ms. */
  searchLongestTaskMs?: Measured<number | undefined>;
  heap?: Measured<WorkerHeap>;
  cold?: Measured<ColdStart>;
}

export interface AnchorOptions {
  coldRuns: number;
  /** A time limit for one page load or one query pass, scaled with the archive by the caller. */
  timeoutMs: number;
  progress: (message: string) => void;
}

/** Builds, serves and measures one anchor; its site is removed afterwards. */
export async function measureAnchor(name: AnchorName, documents: SearchDocument[], options: AnchorOptions): Promise<AnchorFigures> {
  const { progress, timeoutMs } = options;
  const temps: TempDir[] = [];
  const figures: AnchorFigures = { name, site: { error: 'not built' } };
  try {
    const siteDir = await tempDir(`anchor-${name.replace(/\W+/g, '-').toLowerCase()}`);
    temps.push(siteDir);
    progress(`${name}: indexing ${documents.length.toLocaleString('en-US')} articles`);
    figures.site = await attempt(`${name}: build`, () => anchorSite(name, documents, siteDir.dir), progress);
    if ('error' in figures.site) return figures;
    const server = await startStaticServer(siteDir.dir);
    try {
      await server.precompress();
      const profile = await tempDir('anchor-profile');
      temps.push(profile);
      progress(`${name}: first visit (fresh profile), typed queries, worker heap`);
      const context = await launchProfile(profile.dir);
      try {
        const probe = await installResultProbe(context);
        figures.firstVisit = await attempt(`${name}: first visit`, () => firstVisit(context, probe, server, timeoutMs), progress);
        if ('error' in figures.firstVisit) return figures;
        const page = context.pages()[0]!;
        const typingStarted = await page.evaluate(() => performance.now());
        figures.typed = await attempt(`${name}: typed queries`, () => anchorTypedQueries(page, timeoutMs), progress);
        figures.searchLongestTaskMs = await attempt(`${name}: long tasks`, async () => longest(await longTasksSince(page, typingStarted)), progress);
        figures.heap = await attempt(`${name}: worker heap`, () => searchWorkerHeap(context, page), progress);
      } finally {
        await context.close();
      }
      progress(`${name}: cold start ×${options.coldRuns} at 4× CPU (HTTP cache + localhost)`);
      figures.cold = await attempt(`${name}: cold start`, () => coldOfflineStart(profile.dir, server, options.coldRuns, timeoutMs, false), progress);
    } finally {
      await server.close();
    }
    return figures;
  } finally {
    for (const temp of temps) await temp.cleanup();
  }
}
