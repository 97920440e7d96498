/**
 * Warm search latency in the browser, once the index is loaded, over the search benchmark's 50
 * queries (searchBench.ts), two ways and with no hook in the app:
 * - typed: each query put in the search page's box and submitted, timed from the submit to the
 *   frame that shows its results (what a reader waits for: the worker round trip, the router and
 *   Solid rendering 20 hits with snippets);
 * - worker: the app's own search worker script (dist/assets/worker-*.js) started by the harness
 *   in the page and sent the app's `SearchRequest`s, timed from postMessage to the reply (the
 *   search client's round trip without rendering; one warm-up pass, then two timed passes).
 * Both wait until the whole index is loaded: the app searches the parts it has while the rest loads.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { SearchReply, SearchRequest } from '../src/search/protocol';
import { percentile, RESULT_SELECTOR } from './browser';
import { QUERIES } from './searchBench';

export interface Latency {
  p50Ms: number;
  p95Ms: number;
  samples: number;
  /** Worker only: its start → the first reply that searched every article (index loaded from the device or the host). */
  fullIndexMs?: number;
}

/** The words the results line shows while the index is still loading (src/app/searchResultCount.ts). */
const STILL_LOADING = 'still loading';

/**
 * Waits until the page no longer says that part of the index is still loading, so that the
 * timed queries search the whole archive.
 */
export async function waitForWholeIndex(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction((words) => !document.body.innerText.includes(words), STILL_LOADING, { timeout: timeoutMs, polling: 250 });
}

/** Submits each query in the search box and times submit → results painted. */
export async function typedQueries(page: Page, timeoutMs: number): Promise<Latency> {
  await waitForWholeIndex(page, timeoutMs);
  const times: number[] = [];
  for (const { query } of QUERIES) {
    const ms = await page.evaluate(
      async ({ q, selector, timeout }) => {
        const input = document.querySelector<HTMLInputElement>('main input[type="search"]');
        if (!input?.form) throw new Error('bench: no search box in main');
        const form = input.form;
        const old = new Set(document.querySelectorAll(selector));
        const heading = () => document.querySelector('h1')?.textContent ?? '';
        // Done when the heading names the query, nothing is loading, and the hits are new nodes
        // (every response is a new list) or, for a query with none, the count line is there.
        const settled = () => {
          if (!heading().includes(q) || document.querySelector('main .loading')) return false;
          const hits = [...document.querySelectorAll(selector)];
          return hits.length > 0 ? hits.some((hit) => !old.has(hit)) : document.querySelector('main .result-count') !== null;
        };
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const started = performance.now();
        setValue.call(input, q);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        form.requestSubmit();
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`bench: no results shown for "${q}" in ${timeout} ms`)), timeout);
          const observer = new MutationObserver(() => {
            if (!settled()) return;
            observer.disconnect();
            clearTimeout(timer);
            resolve();
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        });
        return new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now() - started)));
      },
      { q: query, selector: RESULT_SELECTOR, timeout: timeoutMs },
    );
    times.push(ms);
  }
  return { p50Ms: percentile(times, 0.5), p95Ms: percentile(times, 0.95), samples: times.length };
}

/** The built search worker's script, by Vite's naming (`assets/worker-<hash>.js`). */
export async function workerScript(distDir: string): Promise<string | undefined> {
  const names = await readdir(path.join(distDir, 'assets')).catch(() => [] as string[]);
  const name = names.find((n) => /^worker-[\w-]+\.js$/.test(n));
  return name && `/assets/${name}`;
}

/**
 * Times the app's search worker round trip for each query: once the worker answers from the whole
 * index (a reply's `searched` equals its `articleCount`; a bundle without parts has neither), one
 * warm-up pass, then two timed passes.
 */
export async function workerQueries(page: Page, scriptPath: string, timeoutMs: number): Promise<Latency> {
  const { times, fullIndexMs } = await page.evaluate(
    async ({ script, queries, timeout }) => {
      const started = performance.now();
      const worker = new Worker(script, { type: 'module' });
      let nextId = 1;
      const ask = (q: string) =>
        new Promise<{ ms: number; whole: boolean }>((resolve, reject) => {
          const request: SearchRequest = { id: nextId++, query: { q, offset: 0, limit: 20 } };
          const timer = setTimeout(() => reject(new Error(`bench: the search worker did not answer "${q}" in ${timeout} ms`)), timeout);
          const sent = performance.now();
          worker.onmessage = (event: MessageEvent<SearchReply>) => {
            if (event.data.id !== request.id) return;
            const ms = performance.now() - sent;
            clearTimeout(timer);
            if ('error' in event.data) return reject(new Error(`bench: search worker: ${event.data.error}`));
            const { searched, articleCount } = event.data.response as { searched?: number; articleCount?: number };
            resolve({ ms, whole: searched === undefined || articleCount === undefined || searched >= articleCount });
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
        for (let pass = 0; pass < 2; pass++) for (const q of queries) timed.push((await ask(q)).ms);
        return { times: timed, fullIndexMs };
      } finally {
        worker.terminate();
      }
    },
    { script: scriptPath, queries: QUERIES.map((q) => q.query), timeout: timeoutMs },
  );
  return { p50Ms: percentile(times, 0.5), p95Ms: percentile(times, 0.95), samples: times.length, fullIndexMs };
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
