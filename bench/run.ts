/**
 * `npm run bench`: every benchmark, each figure printed beside its target with PASS or MISS
 * (never asserted). Progress goes to stderr, the report to stdout. Run on a quiet machine; the
 * figures are this machine's (2 cores).
 *
 *   npm run bench               every figure, for the default archive, 10,000 and 100,000 articles
 *   npm run bench -- --quick    the same for the default archive and 10,000 articles only, the
 *                               edition download on a ten-year 10,000-article set
 *   npm run bench -- --full     adds the engine comparison (ours vs FlexSearch vs Lunr at 2,082,
 *                               10,000 and 100,000 articles: about ten more minutes)
 *
 * Per archive size: the archive is written to a temporary directory; `librarian build` builds its
 * bundle (time, articles/s, peak RSS; the bundle's files on disk); the engine alone is timed in
 * Node; the app is built with it (NEWS_ARCHIVE_DIR, into a temporary directory, never dist/),
 * served by bench/staticServer.ts and visited in a fresh Chromium profile: bytes until the first
 * search result, warm queries, then cold offline starts at 4× CPU throttling. Then the download
 * of a one-day update to a ten-year archive, and Lighthouse on the default app.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { LoadedArchive } from '../src/librarian/archive/readArchive';
import { buildApp, type AppBuild } from './appBuild';
import { type TempDir, tempDir, writeArchiveToTemp } from './archiveOnDisk';
import { appShowsOfflineStatus, installResultProbe, launchProfile, median, type OfflineSignal, SEARCH_WORD, waitForOfflineSaved } from './browser';
import { type LibrarianBuild, librarianBuild } from './buildThroughput';
import { type BundleSize, measureBundleDir } from './bundleSize';
import { type ColdStart, coldOfflineStart, CPU_SLOWDOWN } from './coldOfflineStart';
import { defaultArchive, loadArticlePool, scaledArchive } from './corpus';
import { type EditionDownload, editionDownload } from './editionDownload';
import { type EngineLatency, engineOnly } from './engineOnly';
import { type FirstVisit, firstVisit } from './firstVisit';
import { importThroughput } from './importThroughput';
import { lighthouseRuns } from './lighthouse';
import { readerSearch } from './readerSearch';
import { ENGINE_NOTES, LOAD_RUNS, QUERIES, QUERY_PASSES, machineDescription, megabytes, searchBenchmark } from './searchBench';
import { startStaticServer } from './staticServer';
import { bytes, count, firstLine, ms, Notes, progress, table, verdict } from './table';
import { archiveSpan, tenYearEditions } from './tenYearArchive';
import { type Latency, typedQueries, workerQueries, workerScript } from './warmQueries';

const started = performance.now();
const flags = new Set(process.argv.slice(2));
const QUICK = flags.has('--quick');
const FULL = flags.has('--full');
const SIZES = QUICK ? [10_000] : [10_000, 100_000];
const EDITION_SIZE = QUICK ? 10_000 : 100_000;
const COLD_RUNS = 3;
const LIGHTHOUSE_RUNS = 3;

/** The targets, and the archive size each applies to. */
const TARGET = {
  buildArticlesPerSecond: { min: 3000, at: 100_000 },
  buildPeakRssMiB: { max: 2048, at: 100_000 },
  firstVisitBytes: { max: 200 * 1000, at: 10_000 },
  coldStartMs: { max: 300, at: 10_000 },
  longestTaskMs: { max: 50, at: 10_000 },
  warmP95Ms: new Map([
    [10_000, 2],
    [100_000, 10],
  ]),
  editionShare: { max: 0.02 },
  lighthouse: { performance: 100, tbtMs: 50, lcpMs: 1500 },
} as const;

/** A figure, or why it could not be measured. */
type Measured<T> = { ok: T } | { error: string };

async function attempt<T>(what: string, run: () => Promise<T> | T): Promise<Measured<T>> {
  try {
    return { ok: await run() };
  } catch (err) {
    progress(`${what}: not measured: ${firstLine(err)}`);
    return { error: firstLine(err) };
  }
}


interface SizeResult {
  label: string;
  articles: number;
  composition: string;
  librarian?: Measured<LibrarianBuild>;
  bundle?: Measured<BundleSize>;
  engine?: Measured<EngineLatency>;
  app?: Measured<AppBuild>;
  /** Why the browser figures were not taken, when the app could not be built. */
  skipped?: string;
  firstVisit?: Measured<FirstVisit & { bytesUntilSaved: { requests: number; wireBytes: number } }>;
  saved?: Measured<{ signal: OfflineSignal; seconds: number }>;
  typed?: Measured<Latency>;
  worker?: Measured<Latency>;
  cold?: Measured<ColdStart>;
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

/** Scales a time limit with the archive: bigger archives take longer to load and save. */
const limit = (baseSeconds: number, articles: number, articlesPerSecond: number) => (baseSeconds + articles / articlesPerSecond) * 1000;

/**
 * Everything measured on one archive: bundle and librarian build, engine, and the browser figures
 * on the app built with it. `archiveDir` undefined means the project's archive/.
 */
async function measureArchive(result: SizeResult, archive: LoadedArchive, archiveDir: string | undefined, keepDist?: string): Promise<void> {
  const step = (message: string) => progress(`${result.label}: ${message}`);
  const temps: TempDir[] = [];
  try {
    step('engine only (one MiniSearch index, 50 queries)');
    result.engine = await attempt(`${result.label}: engine`, () => engineOnly(archive));

    step('librarian build');
    const out = await tempDir('bundle');
    temps.push(out);
    const bundleDir = path.join(out.dir, 'bundle');
    result.librarian = await attempt(`${result.label}: librarian build`, () => librarianBuild(archiveDir ?? 'archive', bundleDir, result.articles));
    const refused = 'ok' in result.librarian ? result.librarian.ok.refused : result.librarian.error;
    if (refused) {
      result.bundle = { error: `build refused: ${refused}` };
      // The app build runs the same buildBundle on the same archive (archiveBundlePlugin).
      result.skipped = `build refused: ${refused}`;
      return;
    }
    step('measuring the bundle on disk');
    result.bundle = await attempt(`${result.label}: bundle size`, () => measureBundleDir(bundleDir));
    await out.cleanup();
    temps.pop();

    step('vite build with this archive');
    let distDir = keepDist;
    if (!distDir) {
      const dist = await tempDir('dist');
      temps.push(dist);
      distDir = dist.dir;
    }
    result.app = await attempt(`${result.label}: app build`, () => buildApp(distDir, archiveDir));
    const appRefused = 'ok' in result.app ? result.app.ok.refused : result.app.error;
    if (appRefused) {
      result.skipped = `app build failed: ${appRefused}`;
      return;
    }
    await browserFigures(result, distDir, temps);
  } finally {
    for (const temp of temps) await temp.cleanup();
  }
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
      result.firstVisit = { ok: { ...visit.ok, bytesUntilSaved: visit.ok.bytesAfter() } };
      step('warm queries typed in the search box');
      result.typed = await attempt(`${result.label}: typed queries`, () => typedQueries(page, limit(30, result.articles, 2000)));
      step("warm queries through the app's search worker");
      const script = await workerScript(distDir);
      result.worker = script
        ? await attempt(`${result.label}: worker queries`, () => workerQueries(page, script, limit(60, result.articles, 500)))
        : { error: 'no assets/worker-*.js in the build' };
    } finally {
      await context.close();
    }
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

progress('reading the archive and importing the HuffPost records for the benchmark sets');
const pool = await loadArticlePool();

// The default app (archive/): its build serves the default row and Lighthouse.
const defaultDist = await tempDir('dist-default');
const results: SizeResult[] = [];
{
  const set = defaultArchive(pool);
  const result: SizeResult = { label: `default archive (${count(set.articleCount)})`, articles: set.articleCount, composition: set.composition };
  results.push(result);
  await measureArchive(result, set.archive, undefined, defaultDist.dir);
}
for (const size of SIZES) {
  progress(`${count(size)} articles: building the set and writing it to a temporary archive`);
  const set = scaledArchive(pool, size);
  const result: SizeResult = { label: `${count(size)} articles`, articles: size, composition: set.composition };
  results.push(result);
  const onDisk = await writeArchiveToTemp(set.archive, `${size}`);
  try {
    await measureArchive(result, set.archive, onDisk.dir);
  } finally {
    await onDisk.cleanup();
  }
}

const tenYear = archiveSpan(scaledArchive(pool, EDITION_SIZE).archive);
progress(`edition download: building the ten-year ${count(EDITION_SIZE)}-article editions`);
const editions = tenYearEditions(pool, EDITION_SIZE);
const edition = await attempt('edition download', () => editionDownload(editions.edition1, editions.edition2, (m) => progress(`edition download: ${m}`)));

progress('Lighthouse (mobile) on the default app');
const lighthouseRun = await attempt('Lighthouse', async () => {
  if (!results[0]?.app || !('ok' in results[0].app) || results[0].app.ok.refused) throw new Error('the default app did not build');
  const server = await startStaticServer(defaultDist.dir);
  try {
    await server.precompress();
    return await lighthouseRuns(`${server.origin}/`, LIGHTHOUSE_RUNS, progress);
  } finally {
    await server.close();
  }
});
await defaultDist.cleanup();


// --- The report -------------------------------------------------------------------------------

const targetFor = (r: SizeResult, at: number) => r.articles === at;
const mark = (r: SizeResult, at: number, measured: number | undefined, target: { max: number } | { min: number }) =>
  targetFor(r, at) ? verdict(measured, target) : '—';
/** Why a row has no figures: the measurement's error, or why it was not run. */
const why = (m: Measured<unknown> | undefined, r: SizeResult) => (m && 'error' in m ? `not measured: ${m.error}` : (r.skipped ?? 'not run'));

console.log('\nArchives measured');
for (const r of results) console.log(`- ${r.label}: ${r.composition}`);

{
  console.log('\n1. Bundle on disk (`librarian build` output: every data file + manifest.json; gzip = each file on its own, level 6)\n');
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

{
  const { buildArticlesPerSecond: speed, buildPeakRssMiB: rss } = TARGET;
  console.log(
    `\n2. Librarian build: \`librarian build --archive <tmp> --out <tmp>\` (read + validate + buildBundle + write) in one child process; wall time; peak RSS from getrusage. ` +
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
  const target = TARGET.firstVisitBytes;
  console.log(
    `\n3. First visit: a fresh Chromium profile opens /search?q=${SEARCH_WORD}; every response of the host (bench/staticServer.ts: gzip level 6, ` +
      `SPA fallback) is counted, the service worker's included, until the first result is painted. On the wire = status line + headers + body. ` +
      `Target at ${count(target.at)}: ≤ ${bytes(target.max)}\n`,
  );
  const notes = new Notes();
  notes.print(
    table(
      ['archive', 'requests', 'on the wire', 'of which bodies', 'target', 'verdict', 'first result (unthrottled)', 'after it, until saved for offline'],
      results.map((r) => {
        const v = r.firstVisit;
        if (!v || 'error' in v) return [r.label, `—${notes.ref(`${r.label}: ${why(v, r)}`)}`, '', '', `≤ ${bytes(target.max)}`, targetFor(r, target.at) ? '—' : '', '', ''];
        return [
          r.label,
          v.ok.requests,
          bytes(v.ok.wireBytes),
          bytes(v.ok.bodyBytes),
          `≤ ${bytes(target.max)}`,
          mark(r, target.at, v.ok.wireBytes, target),
          ms(v.ok.firstResultMs),
          `${v.ok.bytesUntilSaved.requests} requests, ${bytes(v.ok.bytesUntilSaved.wireBytes)}`,
        ];
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
  const { coldStartMs: target, longestTaskMs: taskTarget } = TARGET;
  console.log(
    `\n4. Cold offline start: once the first visit has saved the archive for offline, Chromium is relaunched on that profile with the network cut ` +
      `(Playwright offline, and the host refusing every connection), the CPU ${CPU_SLOWDOWN}× slower (DevTools Emulation.setCPUThrottlingRate) and opens ` +
      `/search?q=${SEARCH_WORD}: navigation start → first result painted, and the longest main-thread task before it (PerformanceObserver 'longtask', ` +
      `which reports tasks over 50 ms only). "+N s": how long after the first result the archive was saved. Median of ${COLD_RUNS} runs. Targets at ${count(target.at)}: ≤ ${target.max} ms, no task over ${taskTarget.max} ms\n`,
  );
  const notes = new Notes();
  notes.print(
    table(
      ['archive', 'saved for offline: waited for', 'runs ms', 'median', 'target', 'verdict', 'longest task (median)', 'target', 'verdict', 'connections refused'],
      results.map((r) => {
        const saved = !r.saved
          ? ''
          : 'ok' in r.saved
            ? `${r.saved.ok.signal === 'footer' ? 'footer "Available offline"' : 'service worker controlling, activated'} (+${r.saved.ok.seconds.toFixed(1)} s)`
            : `—${notes.ref(`${r.label}: ${why(r.saved, r)}`)}`;
        const c = r.cold;
        if (!c || 'error' in c) return [r.label, saved, `—${notes.ref(`${r.label}: ${why(c, r)}`)}`, '', `≤ ${target.max} ms`, targetFor(r, target.at) ? '—' : '', '', '', '', ''];
        const times = c.ok.runs.map((run) => run.firstResultMs);
        const longest = median(c.ok.runs.map((run) => run.longestTaskMs ?? 0));
        return [
          r.label,
          saved,
          times.map((t) => t.toFixed(0)).join(', '),
          ms(median(times)),
          `≤ ${target.max} ms`,
          mark(r, target.at, median(times), target),
          longest === 0 ? 'none over 50 ms' : `${ms(longest)} (runs: ${c.ok.runs.map((run) => (run.longestTaskMs === undefined ? '<50' : run.longestTaskMs.toFixed(0))).join(', ')})`,
          `≤ ${taskTarget.max} ms`,
          mark(r, taskTarget.at, longest, taskTarget),
          c.ok.refusedConnections,
        ];
      }),
    ),
  );
}

{
  const warmTarget = (r: SizeResult) => TARGET.warmP95Ms.get(r.articles as 10_000 | 100_000);
  const notes = new Notes();
  const latency = (m: Measured<Latency | EngineLatency> | undefined, r: SizeResult) => {
    if (!m || 'error' in m) return [`—${notes.ref(`${r.label}: ${why(m, r)}`)}`, ''];
    const target = warmTarget(r);
    return [`${m.ok.p50Ms.toFixed(2)} / ${m.ok.p95Ms.toFixed(2)}`, target === undefined ? '—' : verdict(m.ok.p95Ms, { max: target })];
  };
  console.log(
    `\n5. Warm queries: the benchmark's ${QUERIES.length} queries once the index is loaded, p50 / p95 ms (nearest rank). ` +
      `Engine: one MiniSearch index over every article, in Node (searchIndexOptions + defaultSearchOptions, as searchBench.ts times "ours"; 3 timed passes). ` +
      `Worker: the app's search worker started in the page, postMessage → reply, a page of 20 hits with snippets (2 timed passes). ` +
      `Typed: each query submitted in the search page's box → its results painted (each query once). ` +
      `Both browser figures are taken once the whole index is loaded (offline save finished, no "still loading"); "whole index after": the harness's worker, start → first reply that searched every article, unthrottled. ` +
      `Targets (p95): ${[...TARGET.warmP95Ms].map(([n, t]) => `${t} ms at ${count(n)}`).join(', ')}\n`,
  );
  notes.print(
    table(
      ['archive', 'engine', 'verdict', 'worker', 'verdict', 'typed', 'verdict', 'target p95', 'worker: whole index after'],
      results.map((r) => [
        r.label,
        ...latency(r.engine, r),
        ...latency(r.worker, r),
        ...latency(r.typed, r),
        warmTarget(r) === undefined ? '—' : `≤ ${warmTarget(r)} ms`,
        r.worker && 'ok' in r.worker ? ms(r.worker.ok.fullIndexMs) : '',
      ]),
    ),
  );
}

{
  const target = TARGET.editionShare;
  console.log(
    `\n6. Update download: one day of articles added to a ten-year archive, both editions built with buildBundle in Node. ` +
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
    `\n7. Lighthouse 12.8.2, mobile (its default form factor and simulated throttling), on the default app (vite build + bench/staticServer.ts), page /: ` +
      `${LIGHTHOUSE_RUNS} runs, the one with the median performance score\n`,
  );
  if ('error' in lighthouseRun) console.log(`not measured: ${lighthouseRun.error}`);
  else {
    const l = lighthouseRun.ok.median;
    const score = (id: string) => l.scores[id] ?? undefined;
    console.log(
      table(
        ['figure', 'measured', 'target', 'verdict'],
        [
          ['performance', score('performance') ?? '—', target.performance, verdict(score('performance'), { min: target.performance })],
          ['accessibility', score('accessibility') ?? '—', '', ''],
          ['best practices', score('best-practices') ?? '—', '', ''],
          ['SEO', score('seo') ?? '—', '', ''],
          ['total blocking time', ms(l.tbtMs), `≤ ${target.tbtMs} ms`, verdict(l.tbtMs, { max: target.tbtMs })],
          ['largest contentful paint', ms(l.lcpMs), `≤ ${target.lcpMs} ms`, verdict(l.lcpMs, { max: target.lcpMs })],
          ['first contentful paint', ms(l.fcpMs), '', ''],
          ['cumulative layout shift', l.cls.toFixed(3), '', ''],
        ],
      ),
    );
    const runs = lighthouseRun.ok.runs.map((run) =>
      run.error ? `error (${run.error})` : `performance ${run.scores.performance ?? '—'}, TBT ${ms(run.tbtMs)}, LCP ${ms(run.lcpMs)}, CLS ${run.cls.toFixed(3)}`,
    );
    console.log(`every run: ${runs.join('; ')}`);
    const warnings = [...new Set(lighthouseRun.ok.runs.flatMap((run) => run.warnings))];
    if (warnings.length > 0) console.log(`Lighthouse warnings: ${warnings.join(' | ')}`);
  }
}

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
      `over ${r.samples} queries (page of 20 with highlighted titles and snippets)`,
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
