/**
 * A cold start: Chromium relaunched on the profile of a first visit, the CPU throttled 4×
 * (DevTools protocol), then `/search?q=<word>` opened: navigation start → first result painted
 * (its title) and → the hits' snippets painted,
 * the longest main-thread task before it, and (for the app) what its first answer searched and
 * when an answer first covered the whole archive, with the longest task up to then.
 * Offline (the app, whose service worker saved the archive): the network cut by Playwright's
 * offline mode and the host refusing every connection. From localhost (the anchors, which have
 * no offline copy): the browser's HTTP cache of the first visit, revalidated with the host.
 */
import { firstResult, installResultProbe, launchProfile, longest, longTasksSince, SEARCH_WORD, type SearchAnswerSeen, snippetsPainted, throttleCpu, wholeAnswer } from './browser';
import type { StaticServer } from './staticServer';

export interface ColdRun {
  /** The first result (its title) painted. */
  firstResultMs: number;
  /** The snippets of the hits painted (the app paints them after the hits); undefined if not within the time limit. */
  snippetsMs?: number;
  /** Longest main-thread task before the first result; undefined when none ran over 50 ms. */
  longestTaskMs?: number;
  longTasks: number;
  /** The app only: its first answer, and when (page clock) a whole-archive answer came, if within the time limit. */
  firstAnswer?: SearchAnswerSeen;
  wholeAnswerMs?: number;
  /** Longest main-thread task from navigation until the whole-archive answer (or the first result, when there is none). */
  longestTaskUntilWholeMs?: number;
}

export interface ColdStart {
  runs: ColdRun[];
  /** Connections the host refused while offline: requests the browser still tried to make. */
  refusedConnections: number;
  offline: boolean;
}

export const CPU_SLOWDOWN = 4;

/** `runs` cold starts on `profileDir`, offline unless `offline` is false. */
export async function coldOfflineStart(profileDir: string, server: StaticServer, runs: number, timeoutMs: number, offline = true): Promise<ColdStart> {
  const results: ColdRun[] = [];
  const refusedBefore = server.refusedConnections;
  server.setRefusing(offline);
  try {
    for (let i = 0; i < runs; i++) {
      const context = await launchProfile(profileDir);
      try {
        await context.setOffline(offline);
        await installResultProbe(context);
        const page = context.pages()[0] ?? (await context.newPage());
        await throttleCpu(context, page, CPU_SLOWDOWN);
        await page.goto(`${server.origin}/search?q=${encodeURIComponent(SEARCH_WORD)}`, { waitUntil: 'commit', timeout: timeoutMs });
        const probe = await firstResult(page, timeoutMs);
        const run: ColdRun = { firstResultMs: probe.frameMs, longestTaskMs: longest(probe.longTasks), longTasks: probe.longTasks.length, firstAnswer: probe.firstAnswer };
        run.snippetsMs = probe.snippetsFrameMs ?? (await snippetsPainted(page, timeoutMs));
        if (probe.firstAnswer) {
          run.wholeAnswerMs = await wholeAnswer(page, timeoutMs);
          run.longestTaskUntilWholeMs = longest((await longTasksSince(page, 0)).filter((t) => t.startTime <= (run.wholeAnswerMs ?? probe.frameMs)));
        } else {
          run.longestTaskUntilWholeMs = run.longestTaskMs;
        }
        results.push(run);
      } finally {
        await context.close();
      }
    }
  } finally {
    server.setRefusing(false);
  }
  return { runs: results, refusedConnections: server.refusedConnections - refusedBefore, offline };
}
