/**
 * Warm search latency in the browser, once the index is loaded, over the search benchmark's 50
 * queries (searchBench.ts), two ways and with no hook in the app:
 * - typed: each query put in the search page's box and submitted, timed from the submit to the
 *   frame that shows its hits (what a reader waits for: the worker round trip, the router and
 *   Solid rendering 20 hits), and to the frame that shows their snippets (which come after);
 * - worker: the app's own search worker script (dist/assets/worker-*.js) started by the harness
 *   in the page and sent the app's `SearchRequest`s, timed from postMessage to the answer and to
 *   the snippets (the search client's round trip without rendering; one warm-up pass, then two
 *   timed passes).
 * Every answer of the app covers the whole archive (its index loads each query's terms first); the
 * worker's timed passes start once a reply says so (`searched` = `articleCount`).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { SearchReply, SearchRequest } from '../src/search/protocol';
import { PENDING_SNIPPET_SELECTOR, percentile, RESULT_SELECTOR } from './browser';
import { QUERIES } from './searchBench';

export interface Latency {
  /** To the hits (their titles) painted, or to the worker's first reply. */
  p50Ms: number;
  p95Ms: number;
  samples: number;
  /** To the hits' snippets painted, or to the worker's snippets reply (ours: they come after the hits). */
  snippets?: { p50Ms: number; p95Ms: number };
  /** Worker only: its start → the first reply that searched every article (index loaded from the device or the host). */
  fullIndexMs?: number;
}

/** Submits each query in the search box and times submit → hits painted, and submit → their snippets painted. */
export async function typedQueries(page: Page, timeoutMs: number): Promise<Latency> {
  const hits: number[] = [];
  const snippets: number[] = [];
  for (const { query } of QUERIES) {
    const ms = await page.evaluate(
      async ({ q, selector, pending, timeout }) => {
        const input = document.querySelector<HTMLInputElement>('main input[type="search"]');
        if (!input?.form) throw new Error('bench: no search box in main');
        const form = input.form;
        const old = new Set(document.querySelectorAll(selector));
        const heading = () => document.querySelector('h1')?.textContent ?? '';
        // Hits shown when the heading names the query, nothing is loading, and the hits are new
        // nodes (every response is a new list) or, for a query with none, the count line is there;
        // snippets shown when, besides, no snippet is still on its way.
        const shown = () => {
          if (!heading().includes(q) || document.querySelector('main .loading')) return false;
          const found = [...document.querySelectorAll(selector)];
          return found.length > 0 ? found.some((hit) => !old.has(hit)) : document.querySelector('main .result-count') !== null;
        };
        const filledIn = () => shown() && document.querySelector(pending) === null;
        const painted = (done: () => boolean) =>
          new Promise<number>((resolve, reject) => {
            const frame = () => requestAnimationFrame(() => resolve(performance.now() - started));
            if (done()) return frame();
            const timer = setTimeout(() => reject(new Error(`bench: nothing shown for "${q}" in ${timeout} ms`)), timeout);
            const observer = new MutationObserver(() => {
              if (!done()) return;
              observer.disconnect();
              clearTimeout(timer);
              frame();
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          });
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const started = performance.now();
        setValue.call(input, q);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        form.requestSubmit();
        const hitsMs = await painted(shown);
        return { hitsMs, snippetsMs: await painted(filledIn) };
      },
      { q: query, selector: RESULT_SELECTOR, pending: PENDING_SNIPPET_SELECTOR, timeout: timeoutMs },
    );
    hits.push(ms.hitsMs);
    snippets.push(ms.snippetsMs);
  }
  return { p50Ms: percentile(hits, 0.5), p95Ms: percentile(hits, 0.95), samples: hits.length, snippets: { p50Ms: percentile(snippets, 0.5), p95Ms: percentile(snippets, 0.95) } };
}

/** The built search worker's script, by Vite's naming (`assets/worker-<hash>.js`). */
export async function workerScript(distDir: string): Promise<string | undefined> {
  const names = await readdir(path.join(distDir, 'assets')).catch(() => [] as string[]);
  const name = names.find((n) => /^worker-[\w-]+\.js$/.test(n));
  return name && `/assets/${name}`;
}

/**
 * Times the app's search worker round trip for each query, to its answer (the hits) and to the
 * hits' snippets (a second message, when they follow): once the worker answers from the whole
 * index (a reply's `searched` equals its `articleCount`), one warm-up pass, then two timed passes.
 */
export async function workerQueries(page: Page, scriptPath: string, timeoutMs: number): Promise<Latency> {
  const { times, snippetTimes, fullIndexMs } = await page.evaluate(
    async ({ script, queries, timeout }) => {
      const started = performance.now();
      const worker = new Worker(script, { type: 'module' });
      let nextId = 1;
      const ask = (q: string) =>
        new Promise<{ ms: number; snippetsMs: number; whole: boolean }>((resolve, reject) => {
          const request: SearchRequest = { id: nextId++, query: { q, offset: 0, limit: 20 } };
          const timer = setTimeout(() => reject(new Error(`bench: the search worker did not answer "${q}" in ${timeout} ms`)), timeout);
          const sent = performance.now();
          let answer: { ms: number; whole: boolean } | undefined;
          worker.onmessage = (event: MessageEvent<SearchReply>) => {
            const reply = event.data;
            if (reply.id !== request.id) return;
            const ms = performance.now() - sent;
            if ('error' in reply) {
              clearTimeout(timer);
              return reject(new Error(`bench: search worker: ${reply.error}`));
            }
            if ('response' in reply) {
              const { searched, articleCount } = reply.response;
              answer = { ms, whole: searched >= articleCount };
              if (reply.snippetsFollow) return;
            }
            clearTimeout(timer);
            resolve({ ms: answer!.ms, snippetsMs: ms, whole: answer!.whole });
          };
          worker.postMessage(request);
        });
      try {
        while (!(await ask(queries[0]!)).whole) {
          if (performance.now() - started > timeout) throw new Error(`bench: the search worker had not loaded the whole index after ${timeout} ms`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const fullIndexMs = performance.now() - started;
        for (const q of queries) await ask(q);
        const timed: number[] = [];
        const snippetTimed: number[] = [];
        for (let pass = 0; pass < 2; pass++) {
          for (const q of queries) {
            const { ms, snippetsMs } = await ask(q);
            timed.push(ms);
            snippetTimed.push(snippetsMs);
          }
        }
        return { times: timed, snippetTimes: snippetTimed, fullIndexMs };
      } finally {
        worker.terminate();
      }
    },
    { script: scriptPath, queries: QUERIES.map((q) => q.query), timeout: timeoutMs },
  );
  return {
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    samples: times.length,
    snippets: { p50Ms: percentile(snippetTimes, 0.5), p95Ms: percentile(snippetTimes, 0.95) },
    fullIndexMs,
  };
}

/**
 * Typed queries on an anchor's page (bench/anchorSite/page.ts, which searches on every input event
 * with no typing pause): each query put in the box with one input event, timed to the frame after
 * its answer is in the DOM (`document.body.dataset.answered`). One warm-up pass, then one timed.
 */
export async function anchorTypedQueries(page: Page, timeoutMs: number): Promise<Latency> {
  const times = await page.evaluate(
    async ({ queries, timeout }) => {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]');
      if (!input) throw new Error('bench: no search box on the anchor page');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const type = (q: string) =>
        new Promise<number>((resolve, reject) => {
          delete document.body.dataset.answered;
          const timer = setTimeout(() => reject(new Error(`bench: no answer for "${q}" in ${timeout} ms`)), timeout);
          const started = performance.now();
          const observer = new MutationObserver(() => {
            if (document.body.dataset.answered !== q) return;
            observer.disconnect();
            clearTimeout(timer);
            requestAnimationFrame(() => resolve(performance.now() - started));
          });
          observer.observe(document.body, { attributes: true, attributeFilter: ['data-answered'] });
          setValue.call(input, q);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        });
      for (const q of queries) await type(q);
      const timed: number[] = [];
      for (const q of queries) timed.push(await type(q));
      return timed;
    },
    { queries: QUERIES.map((q) => q.query), timeout: timeoutMs },
  );
  return { p50Ms: percentile(times, 0.5), p95Ms: percentile(times, 0.95), samples: times.length };
}
