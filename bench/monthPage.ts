/**
 * `npx tsx bench/monthPage.ts [--runs N] [--keep DIR]`: how long a month of 10,000 articles takes to open, at
 * 4× CPU throttling, against the target of 200 ms (issue #11, point 5).
 *
 * The archive is the default one plus December 2017 (a month it lacks) holding 10,000 real
 * articles: the default archive's full-text articles repeated (8,000) and HuffPost records
 * (2,000), all re-dated into that month with new ids (and, for repeats, new slugs), as
 * ../shared/corpora/README.md ("Scale") allows; the composition is printed. The app is built with
 * it, served by the benchmark host, and the month page is opened in Chromium on a phone viewport:
 *
 * - first visit: a fresh profile, straight to `/archive/2017/12` (navigation start → the first
 *   article of the list painted), and within the app from the year page (the click → painted);
 * - from the device: the profile of a first visit that saved the archive ("Available offline"),
 *   relaunched with the network cut, the same two ways.
 *
 * Each is printed with the longest main-thread task in it and which of the month's data files
 * page 1 read. `--keep DIR` builds the app into DIR and keeps it, or reuses the build already
 * there (a build takes minutes). Not part of `npm run bench`.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { ARCHIVE_FORMAT, type ArchiveMonthFile, type BundleManifest } from '../src/core/format';
import type { Article, MonthKey } from '../src/core/types';
import type { LoadedArchive } from '../src/librarian/archive/readArchive';
import { buildApp } from './appBuild';
import { CPU_SLOWDOWN } from './coldOfflineStart';
import { tempDir, writeArchiveToTemp, type TempDir } from './archiveOnDisk';
import { appShowsOfflineStatus, launchProfile, median, throttleCpu, waitForOfflineSaved } from './browser';
import { type ArticlePool, loadArticlePool, scaledArchive } from './corpus';
import { startStaticServer, type StaticServer } from './staticServer';
import { bytes, count, ms, progress, table, verdict } from './table';

const MONTH: MonthKey = '2017-12';
const MONTH_PATH = '/archive/2017/12';
const YEAR_PATH = '/archive/2017';
const MONTH_TITLE = 'December 2017';
const SIZE = 10_000;
const FULL_TEXT = 8_000;
const TARGET_MS = 200;
const LONG_TASK_TARGET_MS = 50;
/** Articles on page 1 of the month. */
const PAGE_ITEMS = 100;

/**
 * The default archive with `MONTH` added, holding `FULL_TEXT` of its own articles (repeated as
 * needed) and `SIZE - FULL_TEXT` HuffPost records, every one re-dated into the month (its day,
 * time and zone kept; days past the 28th become the 28th) with a new id and a slug unique in
 * the month.
 */
export function bigMonthArchive(pool: ArticlePool): { archive: LoadedArchive; composition: string } {
  const sources = [
    ...Array.from({ length: FULL_TEXT }, (_, i) => pool.archiveArticles[i % pool.archiveArticles.length]!),
    ...pool.huffpost.slice(0, SIZE - FULL_TEXT),
  ];
  if (sources.length < SIZE) throw new Error(`bench: the pool has ${sources.length} articles for a month of ${SIZE}`);
  const slugs = new Set<string>();
  const articles = sources.map((a, i): Article => {
    let slug = a.slug;
    for (let n = 2; slugs.has(slug); n++) slug = `${a.slug}-${n}`;
    slugs.add(slug);
    const day = String(Math.min(Number(a.date.slice(8, 10)), 28)).padStart(2, '0');
    const id = createHash('sha256').update(`${a.id}/${MONTH}/${i}`).digest('hex').slice(0, a.id.length);
    return { ...a, id, slug, date: `${MONTH}-${day}${a.date.slice(10)}` };
  });
  articles.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  const added: ArchiveMonthFile = { format: ARCHIVE_FORMAT, month: MONTH, articles };
  const months = [...pool.archive.months.filter((m) => m.month !== MONTH), added].sort((a, b) => a.month.localeCompare(b.month));
  // scaledArchive's metadata declares the categories and tags of both the archive and HuffPost.
  const meta = scaledArchive(pool, 1).archive.meta;
  const repeats = (FULL_TEXT / pool.archiveArticles.length).toFixed(1);
  return {
    archive: { dir: '(in memory)', meta, months },
    composition:
      `${MONTH_TITLE}: ${count(SIZE)} articles = ${count(FULL_TEXT)} full-text articles (the default archive's ${count(pool.archiveArticles.length)} repeated ×${repeats}) ` +
      `+ ${count(SIZE - FULL_TEXT)} HuffPost records (headline + summary), re-dated into the month with new ids; beside them the default archive's ${count(pool.archiveArticles.length)} articles`,
  };
}

interface Probe {
  since: number;
  frameMs?: number;
  /** The frame that shows the whole page of the list (all its items). */
  fullMs?: number;
  longTasks: { startTime: number; duration: number }[];
}

declare global {
  interface Window {
    __monthProbe?: Probe;
  }
}

/**
 * In every page: long tasks, the frame that first shows an article of the month's list under its
 * heading, and the frame that shows all `PAGE_ITEMS` of it (the app may render a long list in
 * slices); `onSeen` is called at the latter. `since` is navigation start (0), or the time of the
 * last click (in-app navigation).
 */
export async function installMonthProbe(context: BrowserContext, onSeen: () => void): Promise<void> {
  await context.exposeFunction('__monthSeen', onSeen);
  await context.addInitScript(
    ({ title, pageItems }: { title: string; pageItems: number }) => {
      if (window !== window.top) return;
      const probe: Probe = { since: 0, longTasks: [] };
      window.__monthProbe = probe;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) probe.longTasks.push({ startTime: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
      addEventListener('click', (event) => void ((probe.since = event.timeStamp), (probe.frameMs = probe.fullMs = undefined)), { capture: true });
      // Checked in every frame, before it is painted: a check in a MutationObserver would force a
      // layout in the middle of the app's own work, and be timed with it.
      const check = (frameTime: number) => {
        const items = document.querySelectorAll('main ol.article-list > li');
        if (probe.fullMs === undefined && document.querySelector('main h1')?.textContent === title && items.length > 0 && items[0]!.getBoundingClientRect().height > 0) {
          probe.frameMs ??= frameTime;
          if (items.length >= pageItems) {
            probe.fullMs = frameTime;
            void (window as unknown as { __monthSeen: () => Promise<void> }).__monthSeen();
          }
        }
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    },
    { title: MONTH_TITLE, pageItems: PAGE_ITEMS },
  );
}

export interface Opening {
  /** To the first article of the list painted. */
  ms: number;
  /** To the whole page of the list painted. */
  fullMs: number;
  longestTaskMs: number;
  /** The month's files the host served before the list was painted (network runs only): data files (bodies) and listing files. */
  monthFiles?: { data: number; listing: number };
}

/**
 * Waits for the probe's call that the list is painted, then reads the probe. Nothing is evaluated
 * in the page before that call: Playwright's first evaluation injects its script into the page
 * (hundreds of milliseconds of main-thread work at 4×), which would be timed with the page.
 */
export async function waitForMonth(page: Page, seen: Promise<void>): Promise<Opening> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('bench: the month page did not show its list within 120 s')), 120_000);
  });
  try {
    await Promise.race([seen, timeout]);
  } finally {
    clearTimeout(timer);
  }
  await page.waitForTimeout(150); // long tasks are reported a little after they end
  const probe = await page.evaluate(() => window.__monthProbe!);
  const inside = probe.longTasks.filter((t) => t.startTime + t.duration > probe.since && t.startTime < probe.fullMs!);
  return { ms: probe.frameMs! - probe.since, fullMs: probe.fullMs! - probe.since, longestTaskMs: Math.max(0, ...inside.map((t) => t.duration)) };
}

type Way = 'direct' | 'in-app';

/** Opens the month page once in `profileDir`: by its address, or by a click on the year page. */
async function openMonth(profileDir: string, server: StaticServer, way: Way, offline: boolean): Promise<Opening> {
  const context = await launchProfile(profileDir);
  let seenAt: number | undefined;
  let markSeen = () => {};
  const seen = new Promise<void>((resolve) => (markSeen = resolve));
  try {
    await installMonthProbe(context, () => {
      seenAt ??= performance.now();
      markSeen();
    });
    if (offline) await context.setOffline(true);
    const page = context.pages()[0] ?? (await context.newPage());
    await throttleCpu(context, page, CPU_SLOWDOWN);
    server.resetLog();
    if (way === 'direct') {
      await page.goto(`${server.origin}${MONTH_PATH}`, { waitUntil: 'commit' });
    } else {
      await page.goto(`${server.origin}${YEAR_PATH}`);
      const link = page.getByRole('main').getByRole('link', { name: /^December/ });
      await link.waitFor({ timeout: 60_000 });
      await link.scrollIntoViewIfNeeded();
      await page.waitForTimeout(1000); // let the year page settle: the click is the only thing timed
      const box = await link.boundingBox();
      if (!box) throw new Error('bench: the year page shows no December link');
      server.resetLog();
      // A click by the mouse alone: Playwright's locator.click() checks its target with script in
      // the page, which would run inside the timed task.
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    }
    const opening = await waitForMonth(page, seen);
    const served = server.log.filter((r) => seenAt === undefined || r.at <= seenAt);
    const read = (stem: string) => served.filter((r) => r.url.startsWith(`/bundle/${stem}-${MONTH}`)).length;
    return offline ? opening : { ...opening, monthFiles: { data: read('month'), listing: read('list') } };
  } finally {
    await context.close();
  }
}

/** What `measureMonthPage` measured, for `printMonthPage`. */
export interface MonthPageReport {
  runs: number;
  composition: string;
  /** How the month is stored in the bundle. */
  stored: string;
  dataFiles: number;
  pageFiles: number;
  results: { label: string; openings: Opening[] }[];
}

export interface MonthPageOptions {
  runs: number;
  /** Build the app into this directory and keep it, or reuse the build already there. */
  keep?: string;
  /** Also a first visit over the network (fresh profiles), before the openings from the device. */
  network: boolean;
}

/** Builds the app with the 10,000-article month (or reuses a kept build) and opens the month's page 1 in Chromium. */
export async function measureMonthPage({ runs, keep, network }: MonthPageOptions): Promise<MonthPageReport> {
  const temps: TempDir[] = [];
  let server: StaticServer | undefined;
  try {
    progress('reading the default archive and importing the HuffPost records');
    const pool = await loadArticlePool();
    const { archive, composition } = bigMonthArchive(pool);
    const dist = keep ? { dir: keep } : await tempDir('month-dist');
    if (!keep) temps.push(dist as TempDir);
    if (keep && existsSync(path.join(keep, 'bundle', 'manifest.json'))) {
      progress(`reusing the build in ${keep}`);
    } else {
      const archiveDir = await writeArchiveToTemp(archive, 'month');
      temps.push(archiveDir);
      progress('building the app with it (vite build)');
      const build = await buildApp(dist.dir, archiveDir.dir);
      if (build.refused) throw new Error(`bench: the app build refused the archive: ${build.refused}`);
    }
    const manifest = JSON.parse(await readFile(path.join(dist.dir, 'bundle', 'manifest.json'), 'utf8')) as BundleManifest;
    const entry = manifest.months.find((m) => m.month === MONTH);
    if (!entry) throw new Error(`bench: the built manifest has no month ${MONTH}`);
    const sizes = new Map(manifest.files.map((f) => [f.name, f.bytes]));
    const monthBytes = entry.files.reduce((n, f) => n + (sizes.get(f) ?? 0), 0);
    // A build of news-bundle/4 (before listing files) has no `pages`: the bench compares the two.
    const pageFiles = entry.pages?.length ?? 0;
    const pageBytes = (entry.pages ?? []).reduce((n, f) => n + (sizes.get(f) ?? 0), 0);
    const stored =
      `The month in the bundle: ${count(entry.count)} articles in ${entry.files.length} data files, ${bytes(monthBytes)}` +
      (pageFiles ? `, and ${pageFiles} listing files of 100 (${bytes(pageBytes)} in all)` : ' (no listing files: news-bundle/4)') +
      '; a page shows 100.';

    server = await startStaticServer(dist.dir);
    await server.precompress();
    const results: { label: string; openings: Opening[] }[] = [];
    for (const way of network ? (['direct', 'in-app'] as const) : []) {
      const openings: Opening[] = [];
      for (let i = 0; i < runs; i++) {
        progress(`first visit, ${way}, run ${i + 1} of ${runs}`);
        const profile = await tempDir('month-profile');
        try {
          openings.push(await openMonth(profile.dir, server, way, false));
        } finally {
          await profile.cleanup();
        }
      }
      results.push({ label: `first visit (network), ${way === 'direct' ? 'by its address' : 'from the year page'}`, openings });
    }

    progress('saving the archive on the device (a first visit, unthrottled, until "Available offline")');
    const saved = await tempDir('month-saved');
    temps.push(saved);
    const context = await launchProfile(saved.dir);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${server.origin}${MONTH_PATH}`);
      await waitForOfflineSaved(page, await appShowsOfflineStatus(dist.dir), 600_000);
    } finally {
      await context.close();
    }
    server.setRefusing(true);
    for (const way of ['direct', 'in-app'] as const) {
      const openings: Opening[] = [];
      for (let i = 0; i < runs; i++) {
        progress(`from the device (offline), ${way}, run ${i + 1} of ${runs}`);
        openings.push(await openMonth(saved.dir, server, way, true));
      }
      results.push({ label: `from the device (offline), ${way === 'direct' ? 'by its address' : 'from the year page'}`, openings });
    }
    server.setRefusing(false);

    return { runs, composition, stored, dataFiles: entry.files.length, pageFiles, results };
  } finally {
    await server?.close();
    for (const temp of temps) await temp.cleanup();
  }
}

/** The report's table, each figure beside its target. */
export function printMonthPage(report: MonthPageReport): void {
  const { runs, results, dataFiles, pageFiles } = report;
  console.log(`\nMonth page at ${CPU_SLOWDOWN}× CPU throttling, Chromium, 390 × 844 (${runs} runs each; median, and the slowest run)`);
  console.log(report.composition);
  console.log(`${report.stored}\n`);
  console.log(
    table(
      ['opening December 2017, page 1', 'first article: median', 'slowest', `≤ ${TARGET_MS} ms`, `all ${PAGE_ITEMS}: median`, 'longest task', `≤ ${LONG_TASK_TARGET_MS} ms`, "month's files read: data, listing"],
      results.map(({ label, openings }) => {
        const longest = Math.max(...openings.map((o) => o.longestTaskMs));
        const files = openings.map((o) => o.monthFiles).filter((n) => n !== undefined);
        return [
          label,
          ms(median(openings.map((o) => o.ms))),
          ms(Math.max(...openings.map((o) => o.ms))),
          verdict(median(openings.map((o) => o.ms)), { max: TARGET_MS }),
          ms(median(openings.map((o) => o.fullMs))),
          ms(longest),
          verdict(longest, { max: LONG_TASK_TARGET_MS }),
          files.length ? `${Math.max(...files.map((f) => f.data))} of ${dataFiles}, ${Math.max(...files.map((f) => f.listing))} of ${pageFiles}` : '(device)',
        ];
      }),
    ),
  );
  console.log(
    '\n"By its address" includes starting the app (its scripts, the manifest); "from the year page" is the click to the painted list within a running app.' +
      ` "First article": the frame that first shows the list's first article under the month's heading; "all ${PAGE_ITEMS}": the frame that shows the whole page (the app renders a long list in slices); the longest task is taken up to the latter.` +
      ' Times are noisy on a shared machine: run it alone for figures to compare.',
  );
}

async function main(): Promise<void> {
  const runsArg = process.argv.indexOf('--runs');
  const keepArg = process.argv.indexOf('--keep');
  printMonthPage(
    await measureMonthPage({
      runs: runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 3,
      keep: keepArg >= 0 ? path.resolve(process.argv[keepArg + 1]!) : undefined,
      network: true,
    }),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  });
}
