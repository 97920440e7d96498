/**
 * Debian's Chromium driven by Playwright for the benchmarks: a fresh (persistent, so that the
 * service worker and Cache Storage behave as in a real profile) profile per archive, CPU
 * throttling through the DevTools protocol, and an in-page probe that notes when the first search
 * result (its title) became visible, when the snippets of the hits did (the app paints them
 * after the hits), and which main-thread tasks ran long before the first result. The probe is an init
 * script of the harness: the app has no test hooks.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../playwright.config';

/** A real word of every benchmark archive (DigitalGov's articles are in all of them), and not one of the 50 timed queries. */
export const SEARCH_WORD = 'government';

/**
 * A search result in the page (src/app/components/SearchHitItem.tsx renders `li.search-hit` in
 * `ol.search-results`); a `data-testid` is taken first if the app ever gives results one.
 */
export const RESULT_SELECTOR = '[data-testid="search-result"], [data-testid="search-hit"], li.search-hit, ol.search-results > li';

/**
 * A snippet still on its way: the app paints its hits first and fills each snippet in after
 * (SearchHitItem.tsx keeps its place with this class). The snippets are painted once a hit is
 * there and no such placeholder is; an anchor, which paints hits and excerpts at once, has none.
 */
export const PENDING_SNIPPET_SELECTOR = '.search-hit__snippet--pending';

export const PHONE_VIEWPORT = { width: 390, height: 844 };

/** Opens Chromium on the profile in `profileDir` (empty: a first visit; reused: a returning reader). */
export async function launchProfile(profileDir: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profileDir, {
    ...chromiumLaunchOptions,
    headless: true,
    viewport: PHONE_VIEWPORT,
  });
  // tsx compiles the harness with esbuild's keepNames, which wraps the functions we send to the
  // page in calls to its `__name` helper; the page has no such helper unless we give it one.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  return context;
}

/** Throttles the page's CPU `rate`× (1 = none) through the DevTools protocol. */
export async function throttleCpu(context: BrowserContext, page: Page, rate: number): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** What the probe saw, in the page's clock (ms since navigation start). */
export interface ProbeFigures {
  /** The first result (its title) was in the DOM with a box. */
  domMs: number;
  /** The start of the next animation frame: when it was painted. */
  frameMs: number;
  /** The frame that showed the snippets of the first answer's hits (see PENDING_SNIPPET_SELECTOR), if it came by then. */
  snippetsFrameMs?: number;
  /** Main-thread tasks over 50 ms that started before `frameMs` (PerformanceObserver 'longtask'). */
  longTasks: { startTime: number; duration: number }[];
  /** The app's first search answer (a worker reply with `searched` and `articleCount`), when it gave one. */
  firstAnswer?: SearchAnswerSeen;
  /** When the first answer that searched every article arrived (page clock), if one did by then. */
  wholeAnswerMs?: number;
}

/** A search worker's reply as the page received it: how many articles it searched, of how many. */
export interface SearchAnswerSeen {
  at: number;
  searched: number;
  articleCount: number;
}

declare global {
  interface Window {
    __benchProbe?: {
      domMs?: number;
      frameMs?: number;
      snippetsFrameMs?: number;
      longTasks: { startTime: number; duration: number }[];
      firstAnswer?: SearchAnswerSeen;
      wholeAnswerMs?: number;
    };
  }
}

/** The Node side of the probe: when (this process's `performance.now()`) the page last reported a visible first result, and its snippets. */
export interface ResultProbe {
  seenAt(): number | undefined;
  snippetsSeenAt(): number | undefined;
  reset(): void;
}

/** Installs the first-result probe in every page `context` opens from now on. */
export async function installResultProbe(context: BrowserContext): Promise<ResultProbe> {
  let seenAt: number | undefined;
  let snippetsSeenAt: number | undefined;
  // Called by the page at the frame that shows the first result (and the one that shows its
  // snippets), so that the host's request log can be cut at that moment (the page's clock and
  // this process's are not the same).
  await context.exposeFunction('__benchResultSeen', () => void (seenAt ??= performance.now()));
  await context.exposeFunction('__benchSnippetsSeen', () => void (snippetsSeenAt ??= performance.now()));
  await context.addInitScript(([selector, pending]: [string, string]) => {
    if (window !== window.top) return;
    const probe: NonNullable<Window['__benchProbe']> = { longTasks: [] };
    window.__benchProbe = probe;
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) probe.longTasks.push({ startTime: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No long-task timing in this browser: the figure is reported as unavailable.
    }
    // The app's search replies carry `searched` and `articleCount` (src/search/protocol.ts): note
    // the first one and when one first covered the whole archive, from the page's side of the
    // worker, so that the app needs no hook.
    const NativeWorker = window.Worker;
    window.Worker = class extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (event: MessageEvent) => {
          const response = (event.data as { response?: { searched?: unknown; articleCount?: unknown } } | null)?.response;
          if (typeof response?.searched !== 'number' || typeof response.articleCount !== 'number') return;
          const at = performance.now();
          probe.firstAnswer ??= { at, searched: response.searched, articleCount: response.articleCount };
          if (response.searched >= response.articleCount) probe.wholeAnswerMs ??= at;
        });
      }
    };
    let snippetsDomMs: number | undefined;
    const check = () => {
      const hit = document.querySelector(selector);
      if (!hit || hit.getBoundingClientRect().height === 0) return;
      if (probe.domMs === undefined) {
        probe.domMs = performance.now();
        requestAnimationFrame((frameTime) => {
          probe.frameMs = Math.max(frameTime, probe.domMs!);
          void (window as unknown as { __benchResultSeen?: () => Promise<void> }).__benchResultSeen?.();
        });
      }
      if (snippetsDomMs !== undefined || document.querySelector(pending)) return;
      snippetsDomMs = performance.now();
      observer.disconnect();
      requestAnimationFrame((frameTime) => {
        probe.snippetsFrameMs = Math.max(frameTime, snippetsDomMs!);
        void (window as unknown as { __benchSnippetsSeen?: () => Promise<void> }).__benchSnippetsSeen?.();
      });
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true });
  }, [RESULT_SELECTOR, PENDING_SNIPPET_SELECTOR] as [string, string]);
  return {
    seenAt: () => seenAt,
    snippetsSeenAt: () => snippetsSeenAt,
    reset: () => void (seenAt = snippetsSeenAt = undefined),
  };
}

/** Waits for the probe's first visible result and returns its figures. */
export async function firstResult(page: Page, timeoutMs: number): Promise<ProbeFigures> {
  try {
    await page.waitForFunction(() => window.__benchProbe?.frameMs !== undefined, undefined, { timeout: timeoutMs, polling: 100 });
  } catch (err) {
    throw new Error(`no search result within ${(timeoutMs / 1000).toFixed(0)} s; the page said: "${await pageText(page)}"`, { cause: err });
  }
  // Long tasks are reported a little after they end; give the observer a moment.
  await page.waitForTimeout(100);
  const probe = await page.evaluate(() => window.__benchProbe!);
  return {
    domMs: probe.domMs!,
    frameMs: probe.frameMs!,
    snippetsFrameMs: probe.snippetsFrameMs,
    longTasks: probe.longTasks.filter((t) => t.startTime < probe.frameMs!),
    firstAnswer: probe.firstAnswer,
    wholeAnswerMs: probe.wholeAnswerMs,
  };
}

/** When the snippets of the first answer were painted (page clock), waiting up to `timeoutMs` for them. */
export async function snippetsPainted(page: Page, timeoutMs: number): Promise<number | undefined> {
  await page.waitForFunction(() => window.__benchProbe?.snippetsFrameMs !== undefined, undefined, { timeout: timeoutMs, polling: 50 }).catch(() => undefined);
  return page.evaluate(() => window.__benchProbe?.snippetsFrameMs);
}

/** When the app's first whole-archive answer arrived (page clock), waiting up to `timeoutMs` for it. */
export async function wholeAnswer(page: Page, timeoutMs: number): Promise<number | undefined> {
  await page.waitForFunction(() => window.__benchProbe?.wholeAnswerMs !== undefined, undefined, { timeout: timeoutMs, polling: 100 }).catch(() => undefined);
  return page.evaluate(() => window.__benchProbe?.wholeAnswerMs);
}

/** The page's main-thread tasks over 50 ms that started at or after `since` (page clock). */
export async function longTasksSince(page: Page, since: number): Promise<{ startTime: number; duration: number }[]> {
  // Long tasks are reported a little after they end.
  await page.waitForTimeout(100);
  return page.evaluate((from) => (window.__benchProbe?.longTasks ?? []).filter((t) => t.startTime >= from), since);
}

/** The longest duration of `tasks`, undefined when there are none (none ran over 50 ms). */
export function longest(tasks: { duration: number }[]): number | undefined {
  return tasks.reduce<number | undefined>((max, t) => Math.max(max ?? 0, t.duration), undefined);
}

/** The start of what the page's main area says (for a figure that could not be measured). */
export async function pageText(page: Page, selector = 'main'): Promise<string> {
  const text = await page.locator(selector).first().innerText({ timeout: 2000 }).catch(() => '(no text)');
  const words = text.replace(/\s+/g, ' ').trim();
  return words.length > 160 ? `${words.slice(0, 160)}…` : words;
}

/** How the harness knew that the archive was saved for offline. */
export type OfflineSignal = 'footer' | 'service worker';

/** The footer wording of the page-driven save (a colleague's change); the harness waits for it when the app has it. */
export const OFFLINE_DONE_TEXT = 'Available offline';
export const OFFLINE_PROGRESS_TEXT = 'Saving the archive for offline';

/** Whether the built app's scripts contain the footer's "Available offline" status. */
export async function appShowsOfflineStatus(distDir: string): Promise<boolean> {
  const assets = path.join(distDir, 'assets');
  for (const name of await readdir(assets).catch(() => [] as string[])) {
    if (name.endsWith('.js') && (await readFile(path.join(assets, name), 'utf8')).includes(OFFLINE_DONE_TEXT)) return true;
  }
  return false;
}

/**
 * Waits until the archive is saved on the device: the footer's "Available offline" when the app
 * has that status; otherwise a service worker that controls the page and is activated (Workbox
 * activates only once every precached file is stored).
 */
export async function waitForOfflineSaved(page: Page, footerStatus: boolean, timeoutMs: number): Promise<OfflineSignal> {
  if (footerStatus) {
    try {
      await page.getByText(OFFLINE_DONE_TEXT, { exact: false }).first().waitFor({ state: 'visible', timeout: timeoutMs });
    } catch (err) {
      throw new Error(`no "${OFFLINE_DONE_TEXT}" within ${(timeoutMs / 1000).toFixed(0)} s; the footer said: "${await pageText(page, 'footer')}"`, { cause: err });
    }
    return 'footer';
  }
  await page.waitForFunction(
    async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return navigator.serviceWorker.controller !== null && registration?.active?.state === 'activated' && !registration.installing && !registration.waiting;
    },
    undefined,
    { timeout: timeoutMs, polling: 250 },
  );
  return 'service worker';
}

export function median(values: number[]): number {
  return percentile(values, 0.5);
}

/** Nearest-rank percentile (p in 0…1). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}
