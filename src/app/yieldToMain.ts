/**
 * Start-up work cut into tasks of its own, so that no single task keeps the main thread long (a
 * task over 50 ms is a "long task": input waits for it, and Lighthouse counts it as blocking).
 * Chromium at 4× CPU ran the entry, the views' chunk and their first render in one 0.3–1 s task.
 */

interface SchedulerWithYield {
  yield(): Promise<void>;
}

interface IdleScope {
  scheduler?: SchedulerWithYield;
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  setTimeout: (callback: () => void, ms?: number) => unknown;
}

/**
 * Resolves in a new task, ahead of other queued work where the browser can say so
 * (`scheduler.yield()`, Chromium 129+); elsewhere after a zero-delay timer.
 */
export function yieldToMain(scope: IdleScope = globalThis as unknown as IdleScope): Promise<void> {
  if (typeof scope.scheduler?.yield === 'function') return scope.scheduler.yield();
  return new Promise((resolve) => void scope.setTimeout(resolve, 0));
}

/**
 * Runs `work` once the main thread is idle, and at the latest after `timeoutMs` (browsers without
 * `requestIdleCallback`, such as Safari, wait `fallbackMs` instead).
 */
export function afterIdle(work: () => void, timeoutMs = 1000, fallbackMs = 500, scope: IdleScope = globalThis as unknown as IdleScope): void {
  if (typeof scope.requestIdleCallback === 'function') scope.requestIdleCallback(work, { timeout: timeoutMs });
  else scope.setTimeout(work, fallbackMs);
}
