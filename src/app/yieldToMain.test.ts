import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterIdle, yieldToMain } from './yieldToMain';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

const timers = () => ({ setTimeout: (callback: () => void, ms?: number) => setTimeout(callback, ms) });

describe('yieldToMain', () => {
  it("uses the browser's scheduler.yield where there is one", async () => {
    const yielded = vi.fn(async () => undefined);
    await yieldToMain({ ...timers(), scheduler: { yield: yielded } });
    expect(yielded).toHaveBeenCalledOnce();
  });

  it('resolves only in a later task elsewhere (a zero-delay timer)', async () => {
    let resolved = false;
    void yieldToMain(timers()).then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(resolved).toBe(true);
  });
});

describe('afterIdle', () => {
  it('waits for an idle period, at most the time limit', () => {
    const requestIdleCallback = vi.fn((_callback: () => void, _options?: { timeout: number }) => 1);
    const work = vi.fn();
    afterIdle(work, 2500, 500, { ...timers(), requestIdleCallback });
    expect(requestIdleCallback).toHaveBeenCalledWith(work, { timeout: 2500 });
    expect(work).not.toHaveBeenCalled();
  });

  it('falls back to a timer where the browser has no idle callbacks', () => {
    const work = vi.fn();
    afterIdle(work, 2500, 500, timers());
    vi.advanceTimersByTime(499);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledOnce();
  });
});
