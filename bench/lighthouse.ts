/**
 * Lighthouse 12.8.2 (mobile, its default form factor and simulated throttling) on a served app,
 * run through `npm exec` (Lighthouse is not a dependency: see ../shared/TOOLCHAIN.md) with
 * Debian's Chromium.
 */
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runChild } from './runChild';

export interface LighthouseFigures {
  /** Category scores, 0–100. */
  scores: Record<string, number | null>;
  tbtMs: number;
  lcpMs: number;
  fcpMs: number;
  cls: number;
  /** Its 'long-tasks' audit: main-thread tasks over 50 ms (simulated 4× CPU), by the script they are charged to. */
  longTasks: { url: string; startTime: number; duration: number }[];
  /** Lighthouse's own warnings (e.g. a page that kept loading). */
  warnings: string[];
  seconds: number;
  error?: string;
}

const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic';

/** Runs Lighthouse on `url`. */
export async function lighthouse(url: string, timeoutMs = 5 * 60_000): Promise<LighthouseFigures> {
  const output = path.join(os.tmpdir(), `news-bench-lighthouse-${process.pid}-${Date.now()}.json`);
  const args = [
    'exec', '--yes', '--package=lighthouse@12.8.2', '--',
    'lighthouse', url, '--output=json', `--output-path=${output}`, `--chrome-flags=${CHROME_FLAGS}`,
    '--only-categories=performance,accessibility,best-practices,seo', '--quiet',
  ];
  const run = await runChild('npm', args, { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } }, timeoutMs);
  const { code, seconds } = run;
  const log = run.stdout + run.stderr;
  const empty = { scores: {}, tbtMs: NaN, lcpMs: NaN, fcpMs: NaN, cls: NaN, longTasks: [], warnings: [], seconds };
  let report: {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { numericValue?: number; details?: { items?: { url?: string; startTime?: number; duration?: number }[] } }>;
    runWarnings?: string[];
    runtimeError?: { message: string };
  };
  try {
    report = JSON.parse(await readFile(output, 'utf8')) as typeof report;
  } catch {
    const reason = log.split('\n').map((l) => l.trim()).filter((l) => /error/i.test(l) && !l.startsWith('npm warn')).at(-1);
    return { ...empty, error: code === null ? `killed after ${timeoutMs / 1000} s` : (reason ?? `lighthouse exited with ${code}`) };
  } finally {
    await rm(output, { force: true });
  }
  const scores: Record<string, number | null> = {};
  for (const [id, category] of Object.entries(report.categories)) scores[id] = category.score === null ? null : Math.round(category.score * 100);
  const audit = (id: string) => report.audits[id]?.numericValue ?? NaN;
  return {
    scores,
    tbtMs: audit('total-blocking-time'),
    lcpMs: audit('largest-contentful-paint'),
    fcpMs: audit('first-contentful-paint'),
    cls: audit('cumulative-layout-shift'),
    longTasks: (report.audits['long-tasks']?.details?.items ?? []).map((t) => ({ url: t.url ?? '', startTime: t.startTime ?? NaN, duration: t.duration ?? NaN })),
    warnings: report.runWarnings ?? [],
    seconds,
    error: report.runtimeError?.message,
  };
}

export interface LighthouseRuns {
  /** The run with the median performance score (Lighthouse's own advice: several runs, the median). */
  median: LighthouseFigures;
  runs: LighthouseFigures[];
}

/** `runs` Lighthouse runs on `url`; throws when none succeeded. */
export async function lighthouseRuns(url: string, runs: number, onProgress: (message: string) => void = () => {}): Promise<LighthouseRuns> {
  const all: LighthouseFigures[] = [];
  for (let i = 0; i < runs; i++) {
    onProgress(`Lighthouse run ${i + 1} of ${runs}`);
    all.push(await lighthouse(url));
  }
  const good = all.filter((run) => !run.error && typeof run.scores.performance === 'number');
  if (good.length === 0) throw new Error(all.find((run) => run.error)?.error ?? 'Lighthouse gave no performance score');
  const sorted = [...good].sort((a, b) => a.scores.performance! - b.scores.performance!);
  return { median: sorted[Math.floor((sorted.length - 1) / 2)]!, runs: all };
}
