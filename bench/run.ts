/**
 * `npm run bench`: every figure of issue #11 beside its target with PASS or MISS (never asserted)
 * and beside the anchors measured on the same articles, the same queries and the same Chromium:
 * naive MiniSearch, FlexSearch 0.8 and Pagefind 1.6 (bench/anchors.ts, bench/sideBySide.ts).
 * Progress goes to stderr, the report to stdout. Run on a quiet machine; the figures are this
 * machine's (2 cores).
 *
 *   npm run bench               10,000 and 100,000 articles (bench/corpus.ts: mostly full texts)
 *   npm run bench -- --quick    10,000 articles only; the edition download on a ten-year 10,000 set
 *   npm run bench -- --full     adds the engine comparison in Node (ours vs FlexSearch vs Lunr at
 *                               2,082, 10,000 and 100,000 articles: about ten more minutes)
 *
 * Per archive size: the archive is written to a temporary directory; the engines are timed in
 * Node; `librarian build` builds its bundle (time, articles/s, peak RSS; the bundle's files on
 * disk; our reader's search path on it); the app is built with it (NEWS_ARCHIVE_DIR, into a
 * temporary directory, never dist/), served by bench/staticServer.ts and visited in a fresh
 * Chromium profile: bytes until the first search result and what that answer covered, typed
 * queries and the longest task meanwhile, the search worker's heap, Lighthouse on
 * /search?q=…, then cold offline starts at 4× CPU. Then each anchor is built and measured the same
 * way. Then page 1 of a month of 10,000 articles opened from the device at 4× (bench/monthPage.ts,
 * which builds its own app: the sets spread their articles over many months). Then the download
 * of a one-day update to a ten-year archive.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SearchDocument } from '../src/core/searchOptions';
import type { LoadedArchive } from '../src/librarian/archive/readArchive';
import { ANCHOR_NAMES, type AnchorName } from './anchors';
import { buildApp, type AppBuild } from './appBuild';
import { type TempDir, tempDir, writeArchiveToTemp } from './archiveOnDisk';
import { appShowsOfflineStatus, installResultProbe, launchProfile, longest, longTasksSince, median, type OfflineSignal, SEARCH_WORD, type SearchAnswerSeen, waitForOfflineSaved, wholeAnswer } from './browser';
import { type LibrarianBuild, librarianBuild } from './buildThroughput';
import { type BundleSize, measureBundleDir } from './bundleSize';
import { type ColdStart, coldOfflineStart, CPU_SLOWDOWN } from './coldOfflineStart';
import { loadArticlePool, scaledArchive } from './corpus';
import { measureMonthPage, printMonthPage } from './monthPage';
import { type EditionDownload, editionDownload } from './editionDownload';
import { type EngineLatency, flexSearchInNode, naiveMiniSearchInNode, oursInNode } from './engineOnly';
import { type FirstVisit, firstVisit } from './firstVisit';
import { importThroughput } from './importThroughput';
import { type LighthouseRuns, lighthouseRuns } from './lighthouse';
import { readerSearch } from './readerSearch';
import { ENGINE_NOTES, LOAD_RUNS, QUERIES, QUERY_PASSES, machineDescription, megabytes, searchBenchmark, searchDocuments } from './searchBench';
import { type AnchorFigures, attempt as attemptWith, type Measured, measureAnchor } from './sideBySide';
import { startStaticServer } from './staticServer';
import { bytes, count, firstLine, ms, Notes, progress, table, verdict } from './table';
import { archiveSpan, tenYearEditions } from './tenYearArchive';
import { type Latency, typedQueries, workerQueries, workerScript } from './warmQueries';
import { searchWorkerHeap, type WorkerHeap } from './workerHeap';

const started = performance.now();
const flags = new Set(process.argv.slice(2));
const QUICK = flags.has('--quick');
const FULL = flags.has('--full');
const SIZES = QUICK ? [10_000] : [10_000, 100_000];
const EDITION_SIZE = QUICK ? 10_000 : 100_000;
const COLD_RUNS = 3;
/** Lighthouse runs on each app: the median is reported (fewer at 100,000, where one run is slow). */
const lighthouseRunsAt = (articles: number) => (articles >= 100_000 ? 1 : 3);

/** The targets (issue #11), by archive size. */
const TARGET = {
  buildArticlesPerSecond: { min: 3000, at: 100_000 },
  buildPeakRssMiB: { max: 2048, at: 100_000 },
  firstVisitBytes: new Map([
    [10_000, 200 * 1000],
    [100_000, 300 * 1000],
  ]),
  coldStartMs: new Map([
    [10_000, 300],
    [100_000, 500],
  ]),
  longestTaskMs: 50,
  typedP95Ms: { max: 50, at: 100_000 },
  engineP95Ms: new Map([
    [10_000, 2],
    [100_000, 10],
  ]),
  workerHeapBytes: { max: 150 * 2 ** 20, at: 100_000 },
  editionShare: { max: 0.02 },
  lighthouse: { performance: 100, tbtMs: 50 },
} as const;

const attempt = <T>(what: string, run: () => Promise<T> | T) => attemptWith(what, run, progress);

interface SizeResult {
  label: string;
  articles: number;
  composition: string;
  librarian?: Measured<LibrarianBuild>;
  bundle?: Measured<BundleSize>;
  /** Node: ours (the reader's search path on the bundle), naive MiniSearch, FlexSearch. */
  engines: Partial<Record<'ours' | AnchorName, Measured<EngineLatency>>>;
  app?: Measured<AppBuild>;
  /** Why the browser figures were not taken, when the app could not be built. */
  skipped?: string;
  firstVisit?: Measured<FirstVisit & { bytesUntilSaved: { requests: number; wireBytes: number }; wholeAnswerMs?: number }>;
  saved?: Measured<{ signal: OfflineSignal; seconds: number }>;
  typed?: Measured<Latency>;
  searchLongestTaskMs?: Measured<number | undefined>;
  worker?: Measured<Latency>;
  heap?: Measured<WorkerHeap>;
  lighthouse?: Measured<LighthouseRuns>;
  cold?: Measured<ColdStart>;
  anchors: AnchorFigures[];
}

function gitDescription(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
    return `commit ${commit}${dirty ? ' with uncommitted changes in the working tree' : ''}`;
  } catch {
    return 'not a git checkout';
  }
}

/** The app's typing pause (src/app/createSearchBoxText.ts), read from its source: the typed figures are taken without it. */
async function typingPauseMs(): Promise<number | undefined> {
  const source = await readFile(path.join(process.cwd(), 'src/app/createSearchBoxText.ts'), 'utf8').catch(() => '');
  const m = /TYPING_DELAY_MS\s*=\s*(\d+)/.exec(source);
  return m ? Number(m[1]) : undefined;
}

/** Scales a time limit with the archive: bigger archives take longer to load and save. */
const limit = (baseSeconds: number, articles: number, articlesPerSecond: number) => (baseSeconds + articles / articlesPerSecond) * 1000;

/**
 * Everything measured on one archive (on disk in `archiveDir`): engines in Node, bundle and
 * librarian build, the browser figures on the app built with it, then the anchors.
 */
async function measureArchive(result: SizeResult, archive: LoadedArchive, archiveDir: string): Promise<void> {
  const step = (message: string) => progress(`${result.label}: ${message}`);
  const temps: TempDir[] = [];
  try {
    step('search documents (plain text of every body)');
    const documents = searchDocuments(archive);
    step('engines in Node: naive MiniSearch');
    result.engines['naive MiniSearch'] = await attempt(`${result.label}: naive MiniSearch in Node`, () => naiveMiniSearchInNode(documents));
    step('engines in Node: FlexSearch');
    result.engines.FlexSearch = await attempt(`${result.label}: FlexSearch in Node`, () => flexSearchInNode(documents));

    step('librarian build');
    const out = await tempDir('bundle');
    temps.push(out);
    const bundleDir = path.join(out.dir, 'bundle');
    result.librarian = await attempt(`${result.label}: librarian build`, () => librarianBuild(archiveDir, bundleDir, result.articles));
    const refused = 'ok' in result.librarian ? result.librarian.ok.refused : result.librarian.error;
    if (refused) {
      result.bundle = { error: `build refused: ${refused}` };
      // The app build runs the same buildBundle on the same archive (archiveBundlePlugin).
      result.skipped = `build refused: ${refused}`;
    } else {
      step('measuring the bundle on disk');
      result.bundle = await attempt(`${result.label}: bundle size`, () => measureBundleDir(bundleDir));
      step("engines in Node: ours (the reader's search path on the bundle)");
      result.engines.ours = await attempt(`${result.label}: ours in Node`, () => oursInNode(bundleDir));
    }
    await out.cleanup();
    temps.pop();

    if (!result.skipped) {
      step('vite build with this archive');
      const dist = await tempDir('dist');
      temps.push(dist);
      result.app = await attempt(`${result.label}: app build`, () => buildApp(dist.dir, archiveDir));
      const appRefused = 'ok' in result.app ? result.app.ok.refused : result.app.error;
      if (appRefused) result.skipped = `app build failed: ${appRefused}`;
      else await browserFigures(result, dist.dir, temps);
      await dist.cleanup();
      temps.splice(temps.indexOf(dist), 1);
    }

    for (const name of ANCHOR_NAMES) result.anchors.push(await measureAnchorOf(result, name, documents));
  } finally {
    for (const temp of temps) await temp.cleanup();
  }
}

function measureAnchorOf(result: SizeResult, name: AnchorName, documents: SearchDocument[]): Promise<AnchorFigures> {
  return measureAnchor(name, documents, {
    // One cold run per anchor at 100,000: the naive index alone takes minutes to load at 4×.
    coldRuns: result.articles >= 100_000 ? 1 : COLD_RUNS,
    timeoutMs: limit(60, result.articles, 400),
    progress: (message) => progress(`${result.label}: ${message}`),
  });
}

async function browserFigures(result: SizeResult, distDir: string, temps: TempDir[]): Promise<void> {
  const step = (message: string) => progress(`${result.label}: ${message}`);
  const server = await startStaticServer(distDir);
  const profile = await tempDir('profile');
  temps.push(profile);
  try {
    step('the host compresses the build ahead (gzip, level 6)');
    await server.precompress();
    step(`first visit to /search?q=${SEARCH_WORD} (fresh profile)`);
    const context = await launchProfile(profile.dir);
    try {
      const probe = await installResultProbe(context);
      const visit = await attempt(`${result.label}: first visit`, () => firstVisit(context, probe, server, limit(60, result.articles, 1000)));
      if ('error' in visit) {
        result.firstVisit = visit;
        result.skipped = `the first visit showed no result (${visit.error})`;
        return;
      }
      const page = context.pages()[0]!;
      const footerStatus = await appShowsOfflineStatus(distDir);
      step(`waiting until the archive is saved for offline (${footerStatus ? 'footer "Available offline"' : 'service worker in control and activated'})`);
      const savingStarted = performance.now();
      result.saved = await attempt(`${result.label}: saving for offline`, async () => ({
        signal: await waitForOfflineSaved(page, footerStatus, limit(120, result.articles, 200)),
        seconds: (performance.now() - savingStarted) / 1000,
      }));
      const whole = await wholeAnswer(page, 1000);
      result.firstVisit = { ok: { ...visit.ok, bytesUntilSaved: visit.ok.bytesAfter(), wholeAnswerMs: whole } };
      step('warm queries typed in the search box (submitted: no typing pause)');
      const typingStarted = await page.evaluate(() => performance.now());
      result.typed = await attempt(`${result.label}: typed queries`, () => typedQueries(page, limit(30, result.articles, 2000)));
      result.searchLongestTaskMs = await attempt(`${result.label}: long tasks while typing`, async () => longest(await longTasksSince(page, typingStarted)));
      step('heap of the search worker (DevTools protocol)');
      result.heap = await attempt(`${result.label}: worker heap`, () => searchWorkerHeap(context, page));
      step("warm queries through the app's search worker");
      const script = await workerScript(distDir);
      result.worker = script
        ? await attempt(`${result.label}: worker queries`, () => workerQueries(page, script, limit(60, result.articles, 500)))
        : { error: 'no assets/worker-*.js in the build' };
    } finally {
      await context.close();
    }
    const runs = lighthouseRunsAt(result.articles);
    step(`Lighthouse (mobile) ×${runs} on /search?q=${SEARCH_WORD}`);
    result.lighthouse = await attempt(`${result.label}: Lighthouse`, () =>
      lighthouseRuns(`${server.origin}/search?q=${encodeURIComponent(SEARCH_WORD)}`, runs, (m) => step(m)),
    );
    if (result.saved && 'error' in result.saved) {
      result.cold = { error: `the archive was not saved for offline (${result.saved.error})` };
      return;
    }
    step(`cold offline start ×${COLD_RUNS} at ${CPU_SLOWDOWN}× CPU throttling`);
    result.cold = await attempt(`${result.label}: cold offline start`, () => coldOfflineStart(profile.dir, server, COLD_RUNS, limit(60, result.articles, 250)));
  } finally {
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------

console.log(`npm run bench${QUICK ? ' -- --quick' : FULL ? ' -- --full' : ''}: ${new Date().toISOString()}, ${gitDescription()}`);
console.log(machineDescription());

// First, while this process is small: importThroughput measures its own process's peak RSS.
progress('import throughput (DigitalGov, HuffPost)');
const imports = await attempt('import throughput', () => importThroughput());
progress("the reader's search path in Node (default archive)");
const reader = await attempt('reader search path', () => readerSearch());

progress('reading the archive and the Reuters files, importing the HuffPost records for the benchmark sets');
const pool = await loadArticlePool();

/** A figure of one engine: the number compared (lower is better), and the text printed. */
interface Cell {
  value?: number;
  text: string;
}

const none = (text = '—'): Cell => ({ text });
const cell = (value: number | undefined, text: string): Cell => (value === undefined || Number.isNaN(value) ? none(text || '—') : { value, text });
const measuredCell = <T,>(m: Measured<T> | undefined, toCell: (ok: T) => Cell, notes: Notes, label: string, r: SizeResult): Cell =>
  m === undefined ? none(r.skipped ? `—${notes.ref(`${label}: ${r.skipped}`)}` : '—') : 'error' in m ? none(`—${notes.ref(`${label}: not measured: ${m.error}`)}`) : toCell(m.ok);
const longTask = (value: number | undefined): Cell => (value === undefined ? { value: 0, text: 'none > 50 ms' } : { value, text: ms(value) });
const medianOf = (values: number[]) => (values.length === 0 ? undefined : median(values));

/** Bytes on the wire before the snippets were painted (for an anchor, with its first result). */
const snippetBytes = (v: FirstVisit): Cell => {
  const wire = v.snippets?.wireBytes;
  return cell(wire, wire === undefined ? '— (never painted)' : bytes(wire));
};

/** Ours ÷ the best anchor that has the figure (lower is better for every row). */
function ratio(ours: Cell, anchors: Cell[]): string {
  const best = Math.min(...anchors.map((a) => a.value ?? Infinity));
  if (ours.value === undefined || !Number.isFinite(best)) return '—';
  if (best === 0) return ours.value === 0 ? '1.00' : '∞ (best 0)';
  return (ours.value / best).toFixed(2);
}

/** The side-by-side section's heading: printed before the first archive is measured. */
function printSideBySideIntro(typingPause: number | undefined): void {
  const pause = typingPause === undefined ? 'not found in src/app/createSearchBoxText.ts' : `${typingPause} ms`;
  console.log(
    `\n1. Side by side: ours (the built app) and the anchors on the same articles, the same ${QUERIES.length} queries, the same Chromium, ${CPU_SLOWDOWN}× CPU throttling for cold starts. ` +
      `Ours starts cold offline (its service worker's copy on the device); the anchors have no offline copy, so theirs is a relaunch on the first visit's profile with the files from the HTTP cache and localhost. ` +
      `Typed = one query into the box → its results painted: ours submitted (no typing pause: the app waits ${pause} after the last keystroke before searching as you type), the anchors search on every input event. ` +
      `Engine p95 in Node: ours = the reader's search path on the built bundle (a page of 20 with snippets); naive MiniSearch and FlexSearch = every hit, no snippets; Pagefind runs only in a browser. ` +
      `Heap = the search worker's used JS heap after a garbage collection (DevTools protocol), once the queries ran. Ratio = ours ÷ the best anchor (lower is better everywhere; < 1: ours is better)\n`,
  );
  console.log(`${QUERIES.length} queries, the same for every engine: ${QUERIES.map((q) => q.query).join(' · ')}`);
}

/** One archive's side-by-side table, printed as soon as it is measured (a long run reports each size as it goes). */
function printSideBySide(r: SizeResult): void {
  const notes = new Notes();
  const anchorOf = (name: AnchorName) => r.anchors.find((a) => a.name === name);
  const coldCells = (c: Measured<ColdStart> | undefined, label: string, pick: (runs: ColdStart['runs']) => number | undefined, format: (v: number | undefined) => Cell) =>
    measuredCell(c, (ok) => format(pick(ok.runs)), notes, label, r);
  const firstResult = (runs: ColdStart['runs']) => medianOf(runs.map((run) => run.firstResultMs));
  const taskBefore = (runs: ColdStart['runs']) => medianOf(runs.map((run) => run.longestTaskMs ?? 0)) || undefined;
  const taskUntilWhole = (runs: ColdStart['runs']) => medianOf(runs.map((run) => run.longestTaskUntilWholeMs ?? 0)) || undefined;
  const coldMs = (v: number | undefined) => cell(v, ms(v));
  const coldTarget = TARGET.coldStartMs.get(r.articles as 10_000);
  const bytesTarget = TARGET.firstVisitBytes.get(r.articles as 10_000);
  const engineTarget = TARGET.engineP95Ms.get(r.articles as 10_000);
  /** `compare: false`: the figures measure different things (our whole bundle vs an anchor's index), so no ratio. */
  type Row = { figure: string; target: string; check?: (v: number) => boolean; ours: Cell; anchors: Cell[]; compare?: false };
  const rows: Row[] = [
    {
      figure: `cold first result, ${CPU_SLOWDOWN}× CPU (median of the runs, table 5)`,
      target: coldTarget === undefined ? '—' : `≤ ${coldTarget} ms`,
      check: coldTarget === undefined ? undefined : (v) => v <= coldTarget,
      ours: coldCells(r.cold, `${r.label} ours cold`, firstResult, coldMs),
      anchors: ANCHOR_NAMES.map((n) => coldCells(anchorOf(n)?.cold, `${r.label} ${n} cold`, firstResult, coldMs)),
    },
    {
      figure: 'longest main-thread task, cold start to first result',
      target: `≤ ${TARGET.longestTaskMs} ms`,
      check: (v) => v <= TARGET.longestTaskMs,
      ours: coldCells(r.cold, `${r.label} ours cold`, taskBefore, longTask),
      anchors: ANCHOR_NAMES.map((n) => coldCells(anchorOf(n)?.cold, `${r.label} ${n} cold`, taskBefore, longTask)),
    },
    {
      figure: 'longest main-thread task, cold start to whole-archive answer',
      target: `≤ ${TARGET.longestTaskMs} ms`,
      check: (v) => v <= TARGET.longestTaskMs,
      ours: coldCells(r.cold, `${r.label} ours cold`, taskUntilWhole, longTask),
      anchors: ANCHOR_NAMES.map((n) => coldCells(anchorOf(n)?.cold, `${r.label} ${n} cold`, taskUntilWhole, longTask)),
    },
    {
      figure: 'longest main-thread task while searching (typed queries)',
      target: `≤ ${TARGET.longestTaskMs} ms`,
      check: (v) => v <= TARGET.longestTaskMs,
      ours: measuredCell(r.searchLongestTaskMs, longTask, notes, `${r.label} ours`, r),
      anchors: ANCHOR_NAMES.map((n) => measuredCell(anchorOf(n)?.searchLongestTaskMs, longTask, notes, `${r.label} ${n}`, r)),
    },
    {
      figure: 'cold snippets painted, 4× CPU (median; anchors: with their first result)',
      target: '—',
      ours: coldCells(r.cold, `${r.label} ours cold`, (runs) => medianOf(runs.flatMap((run) => (run.snippetsMs === undefined ? [] : [run.snippetsMs]))), coldMs),
      anchors: ANCHOR_NAMES.map((n) => coldCells(anchorOf(n)?.cold, `${r.label} ${n} cold`, firstResult, coldMs)),
    },
    {
      figure: 'bytes before the first hit painted (its title), first visit',
      target: bytesTarget === undefined ? '—' : `≤ ${bytes(bytesTarget)}`,
      check: bytesTarget === undefined ? undefined : (v) => v <= bytesTarget,
      ours: measuredCell(r.firstVisit, (ok) => cell(ok.wireBytes, bytes(ok.wireBytes)), notes, `${r.label} ours first visit`, r),
      anchors: ANCHOR_NAMES.map((n) => measuredCell(anchorOf(n)?.firstVisit, (ok) => cell(ok.wireBytes, bytes(ok.wireBytes)), notes, `${r.label} ${n} first visit`, r)),
    },
    {
      figure: 'bytes before the snippets painted, first visit',
      target: '—',
      ours: measuredCell(r.firstVisit, (ok) => snippetBytes(ok), notes, `${r.label} ours first visit`, r),
      anchors: ANCHOR_NAMES.map((n) => measuredCell(anchorOf(n)?.firstVisit, (ok) => snippetBytes(ok), notes, `${r.label} ${n} first visit`, r)),
    },
    {
      figure: 'typed → hits painted p95, warm (no typing pause)',
      target: r.articles === TARGET.typedP95Ms.at ? `≤ ${TARGET.typedP95Ms.max} ms` : '—',
      check: r.articles === TARGET.typedP95Ms.at ? (v) => v <= TARGET.typedP95Ms.max : undefined,
      ours: measuredCell(r.typed, (ok) => cell(ok.p95Ms, ms(ok.p95Ms, 1)), notes, `${r.label} ours typed`, r),
      anchors: ANCHOR_NAMES.map((n) => measuredCell(anchorOf(n)?.typed, (ok) => cell(ok.p95Ms, ms(ok.p95Ms, 1)), notes, `${r.label} ${n} typed`, r)),
    },
    {
      figure: 'typed → snippets painted p95, warm (anchors: with their hits)',
      target: '—',
      ours: measuredCell(r.typed, (ok) => cell(ok.snippets?.p95Ms, ms(ok.snippets?.p95Ms, 1)), notes, `${r.label} ours typed`, r),
      anchors: ANCHOR_NAMES.map((n) => measuredCell(anchorOf(n)?.typed, (ok) => cell(ok.snippets?.p95Ms ?? ok.p95Ms, ms(ok.snippets?.p95Ms ?? ok.p95Ms, 1)), notes, `${r.label} ${n} typed`, r)),
    },
    {
      figure: 'engine p95 in Node, warm (ours: 20 hits with snippets)',
      target: engineTarget === undefined ? '—' : `≤ ${engineTarget} ms`,
      check: engineTarget === undefined ? undefined : (v) => v <= engineTarget,
      ours: measuredCell(r.engines.ours, (ok) => cell(ok.p95Ms, ms(ok.p95Ms, 2)), notes, `${r.label} ours engine`, r),
      anchors: ANCHOR_NAMES.map((n) =>
        n === 'Pagefind' ? none('— (browser only)') : measuredCell(r.engines[n], (ok) => cell(ok.p95Ms, ms(ok.p95Ms, 2)), notes, `${r.label} ${n} engine`, r),
      ),
    },
    {
      figure: 'engine p95 in Node, warm, ours: 20 hits without snippets (sent first)',
      target: '—',
      ours: measuredCell(r.engines.ours, (ok) => cell(ok.hitsOnly?.p95Ms, ms(ok.hitsOnly?.p95Ms, 2)), notes, `${r.label} ours engine`, r),
      anchors: ANCHOR_NAMES.map((n) =>
        n === 'Pagefind' ? none('— (browser only)') : measuredCell(r.engines[n], (ok) => cell(ok.p95Ms, ms(ok.p95Ms, 2)), notes, `${r.label} ${n} engine`, r),
      ),
    },
    {
      figure: 'search worker heap (used, after GC)',
      target: r.articles === TARGET.workerHeapBytes.at ? `≤ ${bytes(TARGET.workerHeapBytes.max)}` : '—',
      check: r.articles === TARGET.workerHeapBytes.at ? (v) => v <= TARGET.workerHeapBytes.max : undefined,
      ours: measuredCell(r.heap, (ok) => cell(ok.usedBytes, bytes(ok.usedBytes)), notes, `${r.label} ours heap`, r),
      anchors: ANCHOR_NAMES.map((n) => measuredCell(anchorOf(n)?.heap, (ok) => cell(ok.usedBytes, bytes(ok.usedBytes)), notes, `${r.label} ${n} heap`, r)),
    },
    {
      figure: 'build, articles/s (ours: librarian build, peak RSS)',
      target: r.articles === TARGET.buildArticlesPerSecond.at ? `≥ ${count(TARGET.buildArticlesPerSecond.min)}/s, < ${count(TARGET.buildPeakRssMiB.max)} MiB` : '—',
      compare: false,
      check:
        r.articles === TARGET.buildArticlesPerSecond.at && r.librarian && 'ok' in r.librarian && !r.librarian.ok.refused
          ? (v) => v >= TARGET.buildArticlesPerSecond.min && (r.librarian as { ok: LibrarianBuild }).ok.peakRssMiB! < TARGET.buildPeakRssMiB.max
          : undefined,
      ours: measuredCell(
        r.librarian,
        (ok) => (ok.refused ? none(`refused${notes.ref(`${r.label}: build refused: ${ok.refused}`)}`) : cell(ok.articlesPerSecond, `${ok.articlesPerSecond.toFixed(0)}/s, ${ok.peakRssMiB?.toFixed(0) ?? '—'} MiB`)),
        notes,
        `${r.label} librarian build`,
        r,
      ),
      anchors: ANCHOR_NAMES.map((n) => measuredCell(anchorOf(n)?.site, (ok) => cell(r.articles / ok.buildSeconds, `${(r.articles / ok.buildSeconds).toFixed(0)}/s (index only)`), notes, `${r.label} ${n} site`, r)),
    },
    {
      figure: `Lighthouse mobile on /search?q=${SEARCH_WORD}: performance, TBT`,
      target: `${TARGET.lighthouse.performance}, ≤ ${TARGET.lighthouse.tbtMs} ms`,
      compare: false,
      check:
        r.lighthouse && 'ok' in r.lighthouse
          ? (v) => v >= TARGET.lighthouse.performance && (r.lighthouse as { ok: LighthouseRuns }).ok.median.tbtMs <= TARGET.lighthouse.tbtMs
          : undefined,
      ours: measuredCell(r.lighthouse, (ok) => cell(ok.median.scores.performance ?? undefined, `${ok.median.scores.performance ?? '—'}, ${ms(ok.median.tbtMs)}`), notes, `${r.label} Lighthouse`, r),
      anchors: ANCHOR_NAMES.map(() => none('not run')),
    },
    {
      figure: 'on disk, raw (ours: the whole bundle, month files too)',
      target: '—',
      compare: false,
      ours: measuredCell(r.bundle, (ok) => cell(ok.rawBytes, `${bytes(ok.rawBytes)} (whole bundle)`), notes, `${r.label} ours bundle`, r),
      anchors: ANCHOR_NAMES.map((n) => measuredCell(anchorOf(n)?.site, (ok) => cell(ok.rawBytes, `${bytes(ok.rawBytes)}, ${ok.files} files`), notes, `${r.label} ${n} site`, r)),
    },
  ];
  console.log(`${r.label}: ${r.composition}\n`);
  notes.print(
    table(
      ['figure', 'target', 'ours', 'verdict', ...ANCHOR_NAMES, 'ours / best anchor'],
      rows.map((row) => [
        row.figure,
        row.target,
        row.ours.text,
        row.check && row.ours.value !== undefined ? (row.check(row.ours.value) ? 'PASS' : 'MISS') : '—',
        ...row.anchors.map((a) => a.text),
        row.compare === false ? '—' : ratio(row.ours, row.anchors),
      ]),
    ),
  );
  // What the first answer covered: ours may answer from the parts loaded so far.
  const v = r.firstVisit && 'ok' in r.firstVisit ? r.firstVisit.ok : undefined;
  const coldRuns = r.cold && 'ok' in r.cold ? r.cold.ok.runs : [];
  const covered = (a: SearchAnswerSeen | undefined) => (a ? `${count(a.searched)}/${count(a.articleCount)} articles (${a.searched >= a.articleCount ? 'the whole archive' : 'part of it'})` : 'no answer seen');
  console.log(
    `\nFirst answer's coverage (ours; the anchors' first answers always search the whole archive): first visit ${v ? `${covered(v.firstAnswer)}, whole-archive answer at ${v.wholeAnswerMs === undefined ? 'none by the end of the visit' : ms(v.wholeAnswerMs)} (unthrottled)` : '—'}; ` +
      `cold offline ${coldRuns.length === 0 ? '—' : coldRuns.map((run) => `${covered(run.firstAnswer)}, whole at ${run.wholeAnswerMs === undefined ? 'none in the time limit' : ms(run.wholeAnswerMs)}`).join('; ')} ` +
      `(target: the whole archive within the cold-start target, ${coldTarget === undefined ? '—' : `${coldTarget} ms`}: ${
        coldRuns.length === 0 ? '—' : coldRuns.every((run) => run.wholeAnswerMs !== undefined && coldTarget !== undefined && run.wholeAnswerMs <= coldTarget) ? 'PASS' : 'MISS'
      })`,
  );
  const builds = r.anchors.map((a) => ('ok' in a.site ? `${a.name} ${a.site.ok.buildSeconds.toFixed(1)} s` : `${a.name} —`));
  console.log(`Anchor indexing time: ${builds.join(', ')}${r.librarian && 'ok' in r.librarian ? `; ours (librarian build, whole bundle) ${r.librarian.ok.seconds.toFixed(1)} s` : ''}\n`);
}

const typingPause = await typingPauseMs();
printSideBySideIntro(typingPause);
const results: SizeResult[] = [];
for (const size of SIZES) {
  progress(`${count(size)} articles: building the set and writing it to a temporary archive`);
  const set = scaledArchive(pool, size);
  const result: SizeResult = { label: `${count(size)} articles`, articles: size, composition: set.composition, engines: {}, anchors: [] };
  results.push(result);
  const onDisk = await writeArchiveToTemp(set.archive, `${size}`);
  try {
    await measureArchive(result, set.archive, onDisk.dir);
  } finally {
    await onDisk.cleanup();
  }
  printSideBySide(result);
}

// Listings (issue #11, point 5): page 1 of a month of 10,000 articles, from the device (the
// benchmark's sets spread their articles over many months, so bench/monthPage.ts builds its own).
progress('month page: a month of 10,000 articles (bench/monthPage.ts, from the device)');
const monthPage = await attempt('month page', () => measureMonthPage({ runs: 2, network: false }));

const tenYear = archiveSpan(scaledArchive(pool, EDITION_SIZE).archive);
progress(`edition download: building the ten-year ${count(EDITION_SIZE)}-article editions`);
const editions = tenYearEditions(pool, EDITION_SIZE);
const edition = await attempt('edition download', () => editionDownload(editions.edition1, editions.edition2, (m) => progress(`edition download: ${m}`)));

// --- The report -------------------------------------------------------------------------------

console.log('\nArchives measured');
for (const r of results) console.log(`- ${r.label}: ${r.composition}`);

{
  console.log('\n2. Bundle on disk (`librarian build` output: every data file + manifest.json; gzip = each file on its own, level 6)\n');
  const notes = new Notes();
  notes.print(
    table(
      ['archive', 'files', 'raw', 'gzip', 'largest file', 'largest raw', 'largest gzip'],
      results.map((r) =>
        r.bundle && 'ok' in r.bundle
          ? [r.label, r.bundle.ok.files.length, bytes(r.bundle.ok.rawBytes), bytes(r.bundle.ok.gzipBytes), r.bundle.ok.largest.name, bytes(r.bundle.ok.largest.raw), bytes(r.bundle.ok.largest.gzip)]
          : [r.label, `—${notes.ref(`${r.label}: ${r.bundle && 'error' in r.bundle ? r.bundle.error : 'not run'}`)}`, '', '', '', '', ''],
      ),
    ),
  );
}

const targetFor = (r: SizeResult, at: number) => r.articles === at;
const mark = (r: SizeResult, at: number, measured: number | undefined, target: { max: number } | { min: number }) =>
  targetFor(r, at) ? verdict(measured, target) : '—';
/** Why a row has no figures: the measurement's error, or why it was not run. */
const why = (m: Measured<unknown> | undefined, r: SizeResult) => (m && 'error' in m ? `not measured: ${m.error}` : (r.skipped ?? 'not run'));

{
  const { buildArticlesPerSecond: speed, buildPeakRssMiB: rss } = TARGET;
  console.log(
    `\n3. Librarian build: \`librarian build --archive <tmp> --out <tmp>\` (read + validate + buildBundle + write) in one child process; wall time; peak RSS from getrusage. ` +
      `Targets at ${count(speed.at)}: ≥ ${count(speed.min)} articles/s, < ${count(rss.max)} MiB\n`,
  );
  const notes = new Notes();
  notes.print(
    table(
      ['archive', 'seconds', 'articles/s', 'target', 'verdict', 'peak RSS MiB', 'target', 'verdict', 'outcome'],
      results.map((r) => {
        if (!r.librarian || 'error' in r.librarian) return [r.label, `—${notes.ref(`${r.label}: ${why(r.librarian, r)}`)}`, '', '', '', '', '', '', ''];
        const b = r.librarian.ok;
        const perSecond = b.refused ? undefined : b.articlesPerSecond;
        return [
          r.label,
          b.seconds.toFixed(1),
          perSecond === undefined ? '—' : perSecond.toFixed(0),
          `≥ ${count(speed.min)}`,
          b.refused && targetFor(r, speed.at) ? 'MISS' : mark(r, speed.at, perSecond, speed),
          b.peakRssMiB?.toFixed(0) ?? '—',
          `< ${count(rss.max)}`,
          mark(r, rss.at, b.peakRssMiB, rss),
          b.refused ? `build refused ${notes.ref(`${r.label}: build refused after ${b.seconds.toFixed(1)} s: ${b.refused}`)}` : 'built',
        ];
      }),
    ),
  );
}

{
  console.log(
    `\n4. First visit (ours): a fresh Chromium profile opens /search?q=${SEARCH_WORD}; every response of the host (bench/staticServer.ts: gzip level 6, ` +
      `SPA fallback) is counted, the service worker's included, until the first hit is painted (its title: ours paints hits before their snippets), and until the snippets are. On the wire = status line + headers + body. ` +
      `Targets: ${[...TARGET.firstVisitBytes].map(([n, t]) => `≤ ${bytes(t)} at ${count(n)}`).join(', ')}\n`,
  );
  const notes = new Notes();
  notes.print(
    table(
      ['archive', 'requests', 'on the wire', 'of which bodies', 'first hit (unthrottled)', 'snippets: requests, wire, painted at', 'after them, until saved for offline', 'saved for offline after'],
      results.map((r) => {
        const v = r.firstVisit;
        if (!v || 'error' in v) return [r.label, `—${notes.ref(`${r.label}: ${why(v, r)}`)}`, '', '', '', '', '', ''];
        const saved = !r.saved ? '' : 'ok' in r.saved ? `${r.saved.ok.seconds.toFixed(1)} s (${r.saved.ok.signal === 'footer' ? 'footer "Available offline"' : 'service worker activated'})` : `—${notes.ref(`${r.label}: ${why(r.saved, r)}`)}`;
        const sn = v.ok.snippets;
        const snippets = sn ? `${sn.requests}, ${bytes(sn.wireBytes)}, ${ms(sn.ms)}` : '— (never painted)';
        return [r.label, v.ok.requests, bytes(v.ok.wireBytes), bytes(v.ok.bodyBytes), ms(v.ok.firstResultMs), snippets, `${v.ok.bytesUntilSaved.requests} requests, ${bytes(v.ok.bytesUntilSaved.wireBytes)}`, saved];
      }),
    ),
  );
  for (const r of results) {
    if (!r.firstVisit || !('ok' in r.firstVisit)) continue;
    const files = r.firstVisit.ok.files;
    const shown = files.slice(0, 15);
    console.log(`\n${r.label}: files before the first result, largest first (×n: requested n times)`);
    console.log(table(['file', 'on the wire', 'gzip'], shown.map((f) => [`${f.file}${f.requests > 1 ? ` ×${f.requests}` : ''}`, bytes(f.wireBytes), f.gzip ? 'yes' : 'no'])));
    const rest = files.slice(shown.length);
    if (rest.length > 0) console.log(`… and ${rest.length} more files, ${bytes(rest.reduce((n, f) => n + f.wireBytes, 0))} in all`);
  }
}

{
  console.log(
    `\n5. Cold starts, every run (ms from navigation start; "task" = longest main-thread task before the first result, PerformanceObserver 'longtask', which reports tasks over 50 ms only). ` +
      `Ours offline (Playwright offline and the host refusing every connection; "refused" = connections the browser still tried); anchors from the HTTP cache and localhost\n`,
  );
  const notes = new Notes();
  const rows: (string | number)[][] = [];
  for (const r of results) {
    const line = (engine: string, c: Measured<ColdStart> | undefined) => {
      if (!c || 'error' in c) return rows.push([r.label, engine, `—${notes.ref(`${r.label} ${engine}: ${why(c, r)}`)}`, '', '', '']);
      const runs = c.ok.runs;
      rows.push([
        r.label,
        engine,
        runs.map((run) => run.firstResultMs.toFixed(0)).join(', '),
        runs.map((run) => (run.snippetsMs === undefined ? '—' : run.snippetsMs.toFixed(0))).join(', '),
        runs.map((run) => (run.longestTaskMs === undefined ? '<50' : run.longestTaskMs.toFixed(0))).join(', '),
        c.ok.offline ? c.ok.refusedConnections : 'online',
      ]);
    };
    line('ours', r.cold);
    for (const a of r.anchors) line(a.name, a.cold);
  }
  notes.print(table(['archive', 'engine', 'first hit, runs', 'snippets, runs', 'task, runs', 'refused'], rows));
}

{
  const notes = new Notes();
  const latency = (m: Measured<Latency | EngineLatency> | undefined, r: SizeResult) =>
    !m || 'error' in m ? `—${notes.ref(`${r.label}: ${why(m, r)}`)}` : `${m.ok.p50Ms.toFixed(2)} / ${m.ok.p95Ms.toFixed(2)}`;
  /** Ours: to the hits, then to their snippets. */
  const phased = (m: Measured<Latency> | undefined, r: SizeResult) =>
    !m || 'error' in m || !m.ok.snippets ? latency(m, r) : `hits ${latency(m, r)}; snippets ${m.ok.snippets.p50Ms.toFixed(2)} / ${m.ok.snippets.p95Ms.toFixed(2)}`;
  const engine = (m: Measured<EngineLatency> | undefined, r: SizeResult) =>
    !m || 'error' in m || !m.ok.hitsOnly ? latency(m, r) : `with snippets ${latency(m, r)}; hits ${m.ok.hitsOnly.p50Ms.toFixed(2)} / ${m.ok.hitsOnly.p95Ms.toFixed(2)}`;
  console.log(
    `\n6. Warm queries, p50 / p95 ms (nearest rank) over the ${QUERIES.length} queries. Engine (Node, 3 timed passes): see table 1. ` +
      `Worker: the app's search worker started in the page, postMessage → its answer (20 hits) and → the snippets that follow (2 timed passes), once the whole index is loaded; ours typed: submit → hits painted and → snippets painted; ` +
      `"whole index after": that worker's start → its first reply that searched every article, unthrottled. Typed: see table 1\n`,
  );
  notes.print(
    table(
      ['archive', 'ours engine', 'naive MiniSearch engine', 'FlexSearch engine', 'ours worker', 'ours typed', ...ANCHOR_NAMES.map((n) => `${n} typed`), 'worker: whole index after'],
      results.map((r) => [
        r.label,
        engine(r.engines.ours, r),
        latency(r.engines['naive MiniSearch'], r),
        latency(r.engines.FlexSearch, r),
        phased(r.worker, r),
        phased(r.typed, r),
        ...ANCHOR_NAMES.map((n) => latency(r.anchors.find((a) => a.name === n)?.typed, r)),
        r.worker && 'ok' in r.worker ? ms(r.worker.ok.fullIndexMs) : '',
      ]),
    ),
  );
}

{
  const target = TARGET.editionShare;
  console.log(
    `\n7. Update download: one day of articles added to a ten-year archive, both editions built with buildBundle in Node. ` +
      `corpus.ts's ${count(EDITION_SIZE)}-article set spans ${tenYear.from} … ${tenYear.to} (${tenYear.years.toFixed(0)} years), not ten, so a ten-year set is made: ` +
      `${editions.composition}. Download = the edition-2 data files whose names edition 1 does not have, + manifest.json. ` +
      `Target: ≤ ${(target.max * 100).toFixed(0)}% of the whole edition-2 bundle\n`,
  );
  if ('error' in edition) console.log(`not measured: ${edition.error}`);
  else if (!('edition2' in edition.ok)) console.log(`build refused: ${edition.ok.refused}\ntarget ≤ ${(target.max * 100).toFixed(0)}%: MISS`);
  else {
    const e: EditionDownload = edition.ok;
    const shareRaw = e.downloadRaw / e.edition2.rawBytes;
    const shareGzip = e.downloadGzip / e.edition2.gzipBytes;
    console.log(
      table(
        ['', 'files', 'raw', 'gzip', 'share raw', 'share gzip', 'target', 'verdict raw', 'verdict gzip'],
        [
          ['whole edition 2', e.edition2.files.length, bytes(e.edition2.rawBytes), bytes(e.edition2.gzipBytes), '100%', '100%', '', '', ''],
          [
            `download (+${editions.added} articles)`,
            `${e.newFiles.length} new + manifest`,
            bytes(e.downloadRaw),
            bytes(e.downloadGzip),
            `${(shareRaw * 100).toFixed(2)}%`,
            `${(shareGzip * 100).toFixed(2)}%`,
            `≤ ${(target.max * 100).toFixed(0)}%`,
            verdict(shareRaw, target),
            verdict(shareGzip, target),
          ],
        ],
      ),
    );
    console.log(`edition 1: ${e.edition1Files} data files; buildBundle took ${e.buildSeconds[0].toFixed(1)} s (edition 1) and ${e.buildSeconds[1].toFixed(1)} s (edition 2)\n`);
    console.log(table(['downloaded file', 'raw', 'gzip'], [...e.newFiles.slice(0, 20), e.manifest].map((f) => [f.name, bytes(f.raw), bytes(f.gzip)])));
    if (e.newFiles.length > 20) console.log(`… and ${e.newFiles.length - 20} more new files`);
  }
}

{
  const target = TARGET.lighthouse;
  console.log(
    `\n8. Lighthouse 12.8.2, mobile (its default form factor and simulated throttling), on each app (vite build + bench/staticServer.ts), page /search?q=${SEARCH_WORD}: ` +
      `the run with the median performance score (${results.map((r) => `${lighthouseRunsAt(r.articles)} at ${r.label}`).join(', ')})\n`,
  );
  const notes = new Notes();
  notes.print(
    table(
      ['archive', 'performance', 'target', 'verdict', 'TBT', 'target', 'verdict', 'LCP', 'FCP', 'CLS', 'accessibility', 'best practices', 'SEO', 'every run'],
      results.map((r) => {
        const l = r.lighthouse;
        if (!l || 'error' in l) return [r.label, `—${notes.ref(`${r.label}: ${why(l, r)}`)}`, target.performance, '—', '', `≤ ${target.tbtMs} ms`, '—', '', '', '', '', '', '', ''];
        const m = l.ok.median;
        const score = (id: string) => m.scores[id] ?? undefined;
        return [
          r.label,
          score('performance') ?? '—',
          target.performance,
          verdict(score('performance'), { min: target.performance }),
          ms(m.tbtMs),
          `≤ ${target.tbtMs} ms`,
          verdict(m.tbtMs, { max: target.tbtMs }),
          ms(m.lcpMs),
          ms(m.fcpMs),
          m.cls.toFixed(3),
          score('accessibility') ?? '—',
          score('best-practices') ?? '—',
          score('seo') ?? '—',
          l.ok.runs.map((run) => (run.error ? `error (${run.error})` : `${run.scores.performance ?? '—'}/TBT ${ms(run.tbtMs)}`)).join('; '),
        ];
      }),
    ),
  );
  const warnings = [...new Set(results.flatMap((r) => (r.lighthouse && 'ok' in r.lighthouse ? r.lighthouse.ok.runs.flatMap((run) => run.warnings) : [])))];
  if (warnings.length > 0) console.log(`Lighthouse warnings: ${warnings.join(' | ')}`);
}

console.log('\nListings: page 1 of a month of 10,000 articles (bench/monthPage.ts, from the device; `npx tsx bench/monthPage.ts` adds a first visit)');
if ('error' in monthPage) console.log(`not measured: ${monthPage.error}`);
else printMonthPage(monthPage.ok);

console.log('\nLibrarian import throughput (real corpora, end to end into a temporary archive)\n');
if ('error' in imports) console.log(`not measured: ${imports.error}`);
else {
  console.log(
    table(
      ['corpus', 'articles', 'seconds', 'articles/s', 'peak RSS MiB'],
      imports.ok.map((r) => [r.corpus, r.articles, r.seconds.toFixed(2), r.articlesPerSecond.toFixed(0), r.peakRssMiB.toFixed(0)]),
    ),
  );
}
if ('error' in reader) console.log(`\nThe reader's search path in Node: not measured: ${reader.error}`);
else {
  const r = reader.ok;
  console.log(
    `\nThe reader's search path on the default archive (${r.articles} articles; Node, no CPU throttling): ` +
      `first query including index load ${r.firstQueryMs.toFixed(0)} ms; warm p50 ${r.p50Ms.toFixed(2)} ms, p95 ${r.p95Ms.toFixed(2)} ms ` +
      `over ${r.samples} queries (page of 20 with highlighted titles and snippets); the hits alone (sent before their snippets) p50 ${r.hitsOnly.p50Ms.toFixed(2)} ms, p95 ${r.hitsOnly.p95Ms.toFixed(2)} ms`,
  );
}

if (FULL) await engineComparison();
else console.log('\n(The engine comparison against FlexSearch and Lunr runs with `npm run bench -- --full`.)');

console.log(`\nnpm run bench: ${((performance.now() - started) / 1000).toFixed(0)} s in all`);

/** The engine comparison (searchBench.ts): ours, FlexSearch and Lunr at 2,082, 10,000 and 100,000 articles. */
async function engineComparison(): Promise<void> {
  const queryKinds = new Map<string, number>();
  for (const { kind } of QUERIES) queryKinds.set(kind, (queryKinds.get(kind) ?? 0) + 1);
  console.log('\nSearch: our MiniSearch index, FlexSearch and Lunr on the same real articles and the same queries');
  console.log(`${QUERIES.length} queries: ${[...queryKinds].map(([kind, n]) => `${n} ${kind}`).join(', ')}`);
  try {
    for await (const size of searchBenchmark(undefined, (m) => progress(`engine comparison: ${m}`))) {
      console.log(`\n${size.label}: ${size.composition}\n`);
      console.log(
        table(
          ['engine', 'docs', 'build s', 'size raw MB', 'size gzip MB', 'files', 'load ms', 'p50 ms', 'p95 ms', 'hits (median)', 'answered'],
          size.engines.map((e) => [
            e.engine,
            e.docs,
            e.buildSeconds.toFixed(1),
            megabytes(e.rawBytes),
            megabytes(e.gzipBytes),
            e.files,
            `${e.loadMs.toFixed(0)}${e.loadRuns < LOAD_RUNS ? ` (${e.loadRuns} run${e.loadRuns > 1 ? 's' : ''})` : ''}`,
            e.p50Ms.toFixed(2),
            e.p95Ms.toFixed(2),
            e.medianHits,
            `${e.answered}/${QUERIES.length}`,
          ]),
        ),
      );
      console.log(`documents prepared (plain text of every body + toSearchDocument) in ${size.prepareSeconds.toFixed(1)} s`);
      for (const e of size.engines) {
        if (e.detail) console.log(`${e.engine}: ${e.detail}`);
        if (e.note) console.log(`${e.engine}: buildBundle refused: ${e.note}`);
        if (e.querySamples < QUERY_PASSES * QUERIES.length) console.log(`${e.engine}: latency from ${e.querySamples} timed queries (time budget reached)`);
      }
    }
    console.log(`\n${ENGINE_NOTES.join('\n')}`);
  } catch (err) {
    console.log(`engine comparison: not measured: ${firstLine(err)}`);
  }
}
