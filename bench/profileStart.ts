/**
 * Where the main thread's long tasks of a cold offline start come from: Chromium traces (4× CPU,
 * the V8 sampling profiler on) of `/search?q=<word>` opened offline on a profile whose service
 * worker saved the archive, every main-thread task over the threshold printed with what ran in
 * it (trace events by name) and its top functions, mapped back to `src/` through the build's
 * source maps. Not part of `npm run bench`: a tool to find causes, run by hand.
 *
 *   npx tsx bench/profileStart.ts [--work DIR] [--articles N] [--app NAME=DIR]… [--build] [--runs N]
 *                                 [--threshold MS] [--settle MS] [--port P] [--save-traces]
 *                                 [--no-samples] [--no-trace] [--lighthouse N]
 *   npx tsx bench/profileStart.ts --analyze TRACE --dist DIR --origin URL   (a saved trace again)
 *
 * `--no-samples` leaves the V8 sampling profiler off (no functions named, but its overhead does not
 * inflate the CPU times); `--no-trace` counts only the page's own long-task entries;
 * `--lighthouse N` adds N Lighthouse (mobile) runs per app with its long tasks.
 *
 * The archive (`bench/corpus.ts` `scaledArchive`, 10,000 articles unless `--articles`) is written
 * to `<work>/archive-<N>` once and reused. Each `--app NAME=DIR` is a checkout of this project
 * (default: this one, as `this`) built with that archive into `<work>/dist-<NAME>` (with source
 * maps) when `--build` is given or the build is missing. Each app gets a fresh profile (first
 * visit, then waits for "Available offline"); cold starts then alternate between the apps
 * (interleaved, so that the machine's load falls on each alike). A cold start is traced from
 * navigation until `--settle` ms after the first result (default 4,000: the service worker's
 * registration and the saver's check come after the first view and count too).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, CDPSession } from '@playwright/test';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { buildApp } from './appBuild';
import { writeArchiveFiles } from '../src/librarian/archive/writeArchive';
import { appShowsOfflineStatus, firstResult, installResultProbe, launchProfile, SEARCH_WORD, throttleCpu, waitForOfflineSaved } from './browser';
import { CPU_SLOWDOWN } from './coldOfflineStart';
import { loadArticlePool, scaledArchive } from './corpus';
import { lighthouse } from './lighthouse';
import { startStaticServer, type StaticServer } from './staticServer';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
function options(name: string): string[] {
  return process.argv.flatMap((arg, i) => (arg === `--${name}` && process.argv[i + 1] ? [process.argv[i + 1]!] : []));
}

const WORK = path.resolve(option('work') ?? '/tmp/news-profile-start');
const ARTICLES = Number(option('articles') ?? 10_000);
const RUNS = Number(option('runs') ?? 3);
const THRESHOLD_MS = Number(option('threshold') ?? 50);
const SETTLE_MS = Number(option('settle') ?? 4000);
const PORT = Number(option('port') ?? 0);
/** Lighthouse runs per app (mobile, `bench/lighthouse.ts`), interleaved, after the cold starts. */
const LIGHTHOUSE_RUNS = Number(option('lighthouse') ?? 0);
const BUILD = process.argv.includes('--build');
const SAVE_TRACES = process.argv.includes('--save-traces');
/** Without a trace, only the page's own long-task entries (as `npm run bench` counts them). */
const TRACE = !process.argv.includes('--no-trace');
/** Without the V8 sampling profiler: no functions named, but less overhead. */
const SAMPLES = !process.argv.includes('--no-samples');
const APPS = (options('app').length ? options('app') : [`this=${process.cwd()}`]).map((spec) => {
  const [name, dir] = spec.split('=');
  if (!name || !dir) throw new Error(`profileStart: --app ${spec}: expected NAME=DIR`);
  return { name, dir: path.resolve(dir), dist: path.join(WORK, `dist-${name}`) };
});

const log = (message: string) => process.stderr.write(`[profileStart] ${message}\n`);

// --- The trace, as Chromium writes it ----------------------------------------------------------

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of an 'X' event. */
  tdur?: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
      url?: string;
      functionName?: string;
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

async function recordTrace(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  if (!TRACE) {
    await run();
    return [];
  }
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (message) => void events.push(...(message.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'toplevel',
        'blink.user_timing',
        'v8.execute',
        // The sampling profiler costs the main thread CPU time of its own: off for steadier CPU figures.
        ...(SAMPLES ? ['disabled-by-default-v8.cpu_profiler'] : []),
      ],
    },
  });
  try {
    await run();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
  }
  return events;
}

// --- Source maps -------------------------------------------------------------------------------

const maps = new Map<string, TraceMap | null>();

async function mapFor(dist: string, url: string): Promise<TraceMap | null> {
  const file = new URL(url).pathname;
  const key = path.join(dist, file);
  if (!maps.has(key)) {
    const text = await readFile(`${key}.map`, 'utf8').catch(() => undefined);
    maps.set(key, text ? new TraceMap(text) : null);
  }
  return maps.get(key)!;
}

/** `function (src/app/App.tsx:12)` for a frame of the app's code; the URL's file otherwise. */
async function frameLabel(dist: string, frame: ProfileNode['callFrame']): Promise<string> {
  const fn = frame.functionName || '(anonymous)';
  if (!frame.url) return fn;
  if (!frame.url.startsWith('http')) return `${fn} (${frame.url})`;
  const map = await mapFor(dist, frame.url);
  if (map) {
    const pos = originalPositionFor(map, { line: frame.lineNumber + 1, column: Math.max(0, frame.columnNumber) });
    if (pos.source) {
      const source = pos.source.replace(/^.*node_modules\//, 'npm:').replace(/^(?!npm:).*?\bsrc\//, 'src/');
      return `${pos.name ?? fn} (${source}:${pos.line})`;
    }
  }
  return `${fn} (${new URL(frame.url).pathname}:${frame.lineNumber + 1})`;
}

// --- Long tasks and what ran in them -----------------------------------------------------------

export interface LongTask {
  /** Run once the page's document had started (the page's own work, not the navigation's). */
  inDocument: boolean;
  startMs: number;
  durationMs: number;
  /** The main thread's CPU time in the task (throttling spins included: wall time less the time the OS gave other work). */
  cpuMs: number;
  /** Trace events directly inside the task, by name, in ms (the biggest first). */
  events: [string, number][];
  /** Functions by self time (sampled), in ms. */
  self: [string, number][];
  /** Functions of the app's own source (`src/`) by inclusive time, in ms. */
  inclusive: [string, number][];
}

interface Sample {
  ts: number;
  weight: number;
  stack: ProfileNode[];
}

function samplesOf(events: TraceEvent[], pid: number, tid: number): Sample[] {
  const profiles = new Map<string, { nodes: Map<number, ProfileNode>; time: number; samples: { ts: number; node: number }[] }>();
  for (const e of events) {
    if (e.pid !== pid) continue;
    if (e.name === 'Profile' && e.tid === tid && e.id) profiles.set(e.id, { nodes: new Map(), time: e.args?.data?.startTime ?? e.ts, samples: [] });
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const profile = profiles.get(e.id);
    if (!profile) continue;
    for (const node of e.args?.data?.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    const ids = e.args?.data?.cpuProfile?.samples ?? [];
    const deltas = e.args?.data?.timeDeltas ?? [];
    ids.forEach((node, i) => {
      profile.time += deltas[i] ?? 0;
      profile.samples.push({ ts: profile.time, node });
    });
  }
  const samples: Sample[] = [];
  for (const profile of profiles.values()) {
    const sorted = profile.samples.sort((a, b) => a.ts - b.ts);
    sorted.forEach((s, i) => {
      const stack: ProfileNode[] = [];
      for (let node = profile.nodes.get(s.node); node; node = node.parent === undefined ? undefined : profile.nodes.get(node.parent)) stack.push(node);
      const next = sorted[i + 1]?.ts ?? s.ts;
      samples.push({ ts: s.ts, weight: Math.min(next - s.ts, 5000), stack });
    });
  }
  return samples.sort((a, b) => a.ts - b.ts);
}

const IDLE_FRAMES = new Set(['(idle)', '(root)']);

async function longTasksOf(events: TraceEvent[], dist: string, origin: string): Promise<LongTask[]> {
  const mainThreads = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  // The renderer that ran the app: the one whose main thread called into its scripts.
  const appThread = mainThreads.find((t) => events.some((e) => e.pid === t.pid && e.tid === t.tid && e.args?.data?.url?.startsWith(origin)));
  if (!appThread) throw new Error(`profileStart: no renderer main thread ran a script of ${origin} in the trace`);
  const { pid, tid } = appThread;
  const onThread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const navigation = events.find((e) => e.pid === pid && e.name === 'navigationStart')?.ts ?? onThread[0]?.ts ?? 0;
  // DevTools' tasks: the outermost `RunTask`s of the thread.
  // A task is long by its wall time (inflated by the machine's load) or by the thread's CPU time in
  // it: Chromium's CPU throttling keeps the throttled thread spinning, so at 4× that time is about
  // what the task takes on a quiet machine, less the time other processes took the core. The
  // page's document starts with its first ParseHTML (tasks before it commit the navigation).
  const documentStart = onThread.find((e) => e.name === 'ParseHTML')?.ts ?? Infinity;
  let outerEnd = 0;
  const tasks = onThread.filter((e) => {
    if (e.name !== 'RunTask' || e.ts < outerEnd) return false;
    outerEnd = e.ts + e.dur!;
    return e.dur! > THRESHOLD_MS * 1000 || (e.ts >= documentStart && (e.tdur ?? 0) > THRESHOLD_MS * 1000);
  });
  const samples = samplesOf(events, pid, tid);
  const result: LongTask[] = [];
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    const byName = new Map<string, number>();
    let coveredUntil = task.ts;
    for (const e of onThread) {
      if (e === task || e.name === 'ThreadControllerImpl::RunTask' || e.ts < task.ts || e.ts >= end || e.ts < coveredUntil) continue;
      // Only events directly in the task (the first level under it), so that nothing counts twice.
      coveredUntil = e.ts + e.dur!;
      const label = e.name === 'FunctionCall' || e.name === 'EvaluateScript' ? `${e.name} ${e.args?.data?.functionName ?? ''} ${e.args?.data?.url ? new URL(e.args.data.url).pathname : ''}`.replace(/\s+/g, ' ').trim() : e.name;
      byName.set(label, (byName.get(label) ?? 0) + e.dur! / 1000);
    }
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    for (const s of samples) {
      if (s.ts < task.ts || s.ts >= end) continue;
      const top = s.stack[0];
      if (!top) continue;
      const topLabel = await frameLabel(dist, top.callFrame);
      if (!IDLE_FRAMES.has(topLabel)) self.set(topLabel, (self.get(topLabel) ?? 0) + s.weight / 1000);
      const seen = new Set<string>();
      for (const node of s.stack) {
        const label = await frameLabel(dist, node.callFrame);
        if (!/\(src\//.test(label) || seen.has(label)) continue;
        seen.add(label);
        inclusive.set(label, (inclusive.get(label) ?? 0) + s.weight / 1000);
      }
    }
    const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
    result.push({ inDocument: task.ts >= documentStart, startMs: (task.ts - navigation) / 1000, durationMs: task.dur! / 1000, cpuMs: task.tdur === undefined ? NaN : task.tdur / 1000, events: top(byName, 6), self: top(self, 8), inclusive: top(inclusive, 10) });
  }
  return result;
}

// --- The runs ----------------------------------------------------------------------------------

interface App {
  name: string;
  dir: string;
  dist: string;
  server?: StaticServer;
  profile?: string;
}

async function prepareArchive(): Promise<string> {
  const dir = path.join(WORK, `archive-${ARTICLES}`);
  if (existsSync(path.join(dir, 'archive.json'))) return dir;
  log(`writing the ${ARTICLES}-article archive to ${dir}`);
  const set = scaledArchive(await loadArticlePool(), ARTICLES);
  await mkdir(dir, { recursive: true });
  await writeArchiveFiles(dir, { meta: set.archive.meta, months: set.archive.months });
  log(set.composition);
  return dir;
}

async function prepareApp(app: App, archiveDir: string): Promise<void> {
  if (BUILD || !existsSync(path.join(app.dist, 'index.html'))) {
    log(`${app.name}: vite build of ${app.dir} into ${app.dist}`);
    const cwd = process.cwd();
    process.chdir(app.dir);
    process.env.NEWS_SOURCEMAP = '1';
    try {
      const build = await buildApp(app.dist, archiveDir);
      if (build.refused) throw new Error(`profileStart: ${app.name}: the build failed: ${build.refused}`);
      log(`${app.name}: built in ${build.seconds.toFixed(0)} s`);
    } finally {
      process.chdir(cwd);
    }
  }
  app.server = await startStaticServer(app.dist, PORT && PORT + APPS.indexOf(app));
  await app.server.precompress();
  app.profile = path.join(WORK, `profile-${app.name}`);
  await rm(app.profile, { recursive: true, force: true });
  const context = await launchProfile(app.profile);
  try {
    await installResultProbe(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${app.server.origin}/search?q=${encodeURIComponent(SEARCH_WORD)}`);
    await firstResult(page, 120_000);
    log(`${app.name}: first visit showed a result; waiting until the archive is saved`);
    await waitForOfflineSaved(page, await appShowsOfflineStatus(app.dist), 600_000);
  } finally {
    await context.close();
  }
}

interface ColdFigures {
  firstResultMs: number;
  /** The page's PerformanceObserver 'longtask' entries from navigation to the end of the settle time. */
  observed: { startTime: number; duration: number }[];
  tasks: LongTask[];
}

async function coldStart(app: App, run: number): Promise<ColdFigures> {
  const server = app.server!;
  server.setRefusing(true);
  let context: BrowserContext | undefined;
  try {
    context = await launchProfile(app.profile!);
    await context.setOffline(true);
    await installResultProbe(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await throttleCpu(context, page, CPU_SLOWDOWN);
    const cdp = await context.newCDPSession(page);
    let firstResultMs = NaN;
    let observed: ColdFigures['observed'] = [];
    const events = await recordTrace(cdp, async () => {
      await page.goto(`${server.origin}/search?q=${encodeURIComponent(SEARCH_WORD)}`, { waitUntil: 'commit' });
      firstResultMs = (await firstResult(page, 120_000)).frameMs;
      await page.waitForTimeout(SETTLE_MS);
      observed = await page.evaluate(() => window.__benchProbe?.longTasks ?? []);
    });
    if (SAVE_TRACES) await writeFile(path.join(WORK, `trace-${app.name}-${run}.json`), JSON.stringify({ traceEvents: events }));
    return { firstResultMs, observed, tasks: TRACE ? await longTasksOf(events, app.dist, server.origin) : [] };
  } finally {
    await context?.close();
    server.setRefusing(false);
  }
}

const describeObserved = (tasks: ColdFigures['observed']) => tasks.map((t) => `${t.duration.toFixed(0)}@${t.startTime.toFixed(0)}`).join(' ') || 'none';

function print(app: App, run: number, figures: ColdFigures): void {
  const longestMs = Math.max(0, ...figures.tasks.map((t) => t.durationMs));
  console.log(`\n## ${app.name}, cold offline start ${run + 1}: first result ${figures.firstResultMs.toFixed(0)} ms; ${figures.tasks.length} traced tasks over ${THRESHOLD_MS} ms (longest ${longestMs.toFixed(0)} ms)`);
  console.log(`page's long tasks (ms@start): ${describeObserved(figures.observed)}`);
  for (const task of figures.tasks) {
    console.log(`- task at ${task.startMs.toFixed(0)} ms, ${task.durationMs.toFixed(0)} ms (CPU ${task.cpuMs.toFixed(0)} ms${task.inDocument ? '' : ', before the document'})`);
    console.log(`  events: ${task.events.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join('; ')}`);
    console.log(`  self:   ${task.self.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join('; ')}`);
    console.log(`  src/ inclusive: ${task.inclusive.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join('; ')}`);
  }
}

const ANALYZE = option('analyze');
if (ANALYZE) {
  // A trace saved by --save-traces, analysed again: --analyze FILE --dist DIR --origin URL.
  const { traceEvents } = JSON.parse(await readFile(ANALYZE, 'utf8')) as { traceEvents: TraceEvent[] };
  print({ name: ANALYZE, dir: '', dist: path.resolve(option('dist') ?? '') }, 0, { firstResultMs: NaN, observed: [], tasks: await longTasksOf(traceEvents, path.resolve(option('dist') ?? ''), option('origin') ?? '') });
  process.exit(0);
}
await mkdir(WORK, { recursive: true });
const archiveDir = await prepareArchive();
const apps: App[] = APPS;
try {
  for (const app of apps) await prepareApp(app, archiveDir);
  console.log(`# Cold offline starts of /search?q=${SEARCH_WORD}, ${ARTICLES} articles, ${CPU_SLOWDOWN}× CPU, interleaved: ${apps.map((a) => a.name).join(', ')}`);
  const summary = new Map<string, { first: number[]; longest: number[]; observed: number[]; cpu: number[] }>(apps.map((a) => [a.name, { first: [], longest: [], observed: [], cpu: [] }]));
  for (let run = 0; run < RUNS; run++) {
    for (const app of apps) {
      const figures = await coldStart(app, run);
      print(app, run, figures);
      summary.get(app.name)!.first.push(figures.firstResultMs);
      summary.get(app.name)!.longest.push(Math.max(0, ...figures.tasks.map((t) => t.durationMs)));
      summary.get(app.name)!.observed.push(Math.max(0, ...figures.observed.map((t) => t.duration)));
      summary.get(app.name)!.cpu.push(Math.max(0, ...figures.tasks.filter((t) => t.inDocument).map((t) => t.cpuMs)));
    }
  }
  const scores = new Map<string, string[]>(apps.map((a) => [a.name, []]));
  for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
    for (const app of apps) {
      const report = await lighthouse(`${app.server!.origin}/search?q=${encodeURIComponent(SEARCH_WORD)}`);
      const tasks = report.longTasks.map((t) => `${t.duration.toFixed(0)}@${t.startTime.toFixed(0)} ${t.url.replace(app.server!.origin, '')}`).join('; ');
      console.log(`\n## ${app.name}, Lighthouse ${run + 1}: performance ${report.scores.performance ?? '—'}, TBT ${report.tbtMs.toFixed(0)} ms, LCP ${report.lcpMs.toFixed(0)} ms${report.error ? ` (${report.error})` : ''}`);
      console.log(`long tasks (simulated; ms@start script): ${tasks || 'none'}`);
      scores.get(app.name)!.push(`${report.scores.performance ?? '—'} (TBT ${report.tbtMs.toFixed(0)} ms)`);
    }
  }
  console.log(`\n# Summary${TRACE ? ' (traced: slower than untraced)' : ''}`);
  const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(' / ');
  for (const [name, s] of summary) {
    console.log(`- ${name}: first result ${list(s.first)} ms; longest task the page observed ${list(s.observed)} ms${TRACE ? `; longest traced task ${list(s.longest)} ms; longest task's CPU time (the page's document) ${list(s.cpu)} ms` : ''}`);
    if (LIGHTHOUSE_RUNS > 0) console.log(`  Lighthouse (mobile): ${scores.get(name)!.join(' / ')}`);
  }
} finally {
  for (const app of apps) await app.server?.close();
}
