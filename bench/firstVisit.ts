/**
 * A first visit on a fresh profile: straight to `/search?q=<word>`, counting every byte the host
 * sends (the page's requests, the search worker's and the service worker's) until the first
 * result is visible (its title: the app paints hits before their snippets), and, separately,
 * until the snippets of the hits are.
 */
import type { BrowserContext } from '@playwright/test';
import { firstResult, type ResultProbe, SEARCH_WORD, type SearchAnswerSeen, snippetsPainted } from './browser';
import type { LoggedRequest, StaticServer } from './staticServer';

export interface FileBytes {
  file: string;
  requests: number;
  wireBytes: number;
  bodyBytes: number;
  gzip: boolean;
}

export interface FirstVisit {
  /** Headers + bodies of every response finished before the first result was shown. */
  wireBytes: number;
  bodyBytes: number;
  requests: number;
  /** The same, by file, largest first. */
  files: FileBytes[];
  /** Navigation start → first result painted (page clock), unthrottled. */
  firstResultMs: number;
  /** Until the hits' snippets were painted (the same as the first result where they paint together); undefined if they never were. */
  snippets?: { ms: number; wireBytes: number; requests: number };
  /** The app's first search answer: what it searched, of how many articles (anchors give none). */
  firstAnswer?: SearchAnswerSeen;
  /** Responses finished after the snippets (else the first result): e.g. the service worker still saving. */
  bytesAfter: () => { requests: number; wireBytes: number };
}

/** Adds up the requests by file (the SPA fallback counts as index.html). */
export function byFile(requests: LoggedRequest[]): FileBytes[] {
  const files = new Map<string, FileBytes>();
  for (const r of requests) {
    const key = r.file || `${r.url} (${r.status})`;
    const entry = files.get(key) ?? { file: key, requests: 0, wireBytes: 0, bodyBytes: 0, gzip: r.gzip };
    entry.requests++;
    entry.wireBytes += r.wireBytes;
    entry.bodyBytes += r.bodyBytes;
    files.set(key, entry);
  }
  return [...files.values()].sort((a, b) => b.wireBytes - a.wireBytes);
}

/** Visits `/search?q=<word>` in `context` (a fresh profile, probe installed) and counts until the first result. */
export async function firstVisit(context: BrowserContext, probe: ResultProbe, server: StaticServer, timeoutMs: number): Promise<FirstVisit> {
  const page = context.pages()[0] ?? (await context.newPage());
  probe.reset();
  server.resetLog();
  await page.goto(`${server.origin}/search?q=${encodeURIComponent(SEARCH_WORD)}`, { waitUntil: 'commit' });
  const figures = await firstResult(page, timeoutMs);
  const cut = probe.seenAt() ?? performance.now();
  const before = server.log.filter((r) => r.at <= cut);
  const snippetsMs = figures.snippetsFrameMs ?? (await snippetsPainted(page, timeoutMs));
  const snippetsCut = probe.snippetsSeenAt();
  const beforeSnippets = snippetsCut === undefined ? undefined : server.log.filter((r) => r.at <= snippetsCut);
  return {
    wireBytes: before.reduce((n, r) => n + r.wireBytes, 0),
    bodyBytes: before.reduce((n, r) => n + r.bodyBytes, 0),
    requests: before.length,
    files: byFile(before),
    firstResultMs: figures.frameMs,
    ...(snippetsMs !== undefined &&
      beforeSnippets && { snippets: { ms: snippetsMs, wireBytes: beforeSnippets.reduce((n, r) => n + r.wireBytes, 0), requests: beforeSnippets.length } }),
    firstAnswer: figures.firstAnswer,
    bytesAfter: () => {
      const after = server.log.filter((r) => r.at > (snippetsCut ?? cut));
      return { requests: after.length, wireBytes: after.reduce((n, r) => n + r.wireBytes, 0) };
    },
  };
}
