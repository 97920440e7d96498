import { createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSettledText, SETTLE_MS } from './createSettledText';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createSettledText', () => {
  it('says only the last of texts that follow each other quickly, once it settled', () => {
    createRoot((dispose) => {
      const [text, set] = createSettledText();
      set('40 articles match “gov”.');
      vi.advanceTimersByTime(SETTLE_MS / 2);
      set('12 articles match “govern”.');
      vi.advanceTimersByTime(SETTLE_MS - 1);
      expect(text()).toBe('');
      vi.advanceTimersByTime(1);
      expect(text()).toBe('12 articles match “govern”.');
      dispose();
    });
  });

  it('clears at once, and forgets a text waiting to be said', () => {
    createRoot((dispose) => {
      const [text, set] = createSettledText();
      set('3 articles match “kamal”.');
      vi.advanceTimersByTime(SETTLE_MS);
      set('1 article matches “kamala”.');
      set('');
      expect(text()).toBe('');
      vi.advanceTimersByTime(SETTLE_MS);
      expect(text()).toBe('');
      dispose();
    });
  });

  it('says nothing after its owner is gone', () => {
    let read!: () => string;
    createRoot((dispose) => {
      const [text, set] = createSettledText();
      read = text;
      set('2 articles match “caliphate”.');
      dispose();
    });
    vi.advanceTimersByTime(SETTLE_MS);
    expect(read()).toBe('');
  });
});
