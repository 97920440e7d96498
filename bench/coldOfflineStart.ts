/**
 * A cold start with no connection: Chromium relaunched on the profile of a first visit that saved
 * the archive for offline, the network cut (Playwright's offline mode, and the host refusing
 * every connection), the CPU throttled 4× (DevTools protocol), then `/search?q=<word>` opened:
 * navigation start → first result painted, and the longest main-thread task before it.
 */
import { firstResult, installResultProbe, launchProfile, SEARCH_WORD, throttleCpu } from './browser';
import type { StaticServer } from './staticServer';

export interface ColdRun {
  firstResultMs: number;
  /** Longest main-thread task before the first result; undefined when none ran over 50 ms. */
  longestTaskMs?: number;
  longTasks: number;
}

export interface ColdStart {
  runs: ColdRun[];
  /** Connections the host refused while offline: requests the browser still tried to make. */
  refusedConnections: number;
}

export const CPU_SLOWDOWN = 4;

/** `runs` cold offline starts on `profileDir`. */
export async function coldOfflineStart(profileDir: string, server: StaticServer, runs: number, timeoutMs: number): Promise<ColdStart> {
  const results: ColdRun[] = [];
  const refusedBefore = server.refusedConnections;
  server.setRefusing(true);
  try {
    for (let i = 0; i < runs; i++) {
      const context = await launchProfile(profileDir);
      try {
        await context.setOffline(true);
        await installResultProbe(context);
        const page = context.pages()[0] ?? (await context.newPage());
        await throttleCpu(context, page, CPU_SLOWDOWN);
        await page.goto(`${server.origin}/search?q=${encodeURIComponent(SEARCH_WORD)}`, { waitUntil: 'commit', timeout: timeoutMs });
        const probe = await firstResult(page, timeoutMs);
        const longest = probe.longTasks.reduce<number | undefined>((max, t) => Math.max(max ?? 0, t.duration), undefined);
        results.push({ firstResultMs: probe.frameMs, longestTaskMs: longest, longTasks: probe.longTasks.length });
      } finally {
        await context.close();
      }
    }
  } finally {
    server.setRefusing(false);
  }
  return { runs: results, refusedConnections: server.refusedConnections - refusedBefore };
}
