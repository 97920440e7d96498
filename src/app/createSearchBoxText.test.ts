import { createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSearchBoxText, TYPING_DELAY_MS } from './createSearchBoxText';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A search box on `/search?q=<urlQuery>` that records what it hands over. */
function box(urlQuery = '') {
  const sent: string[] = [];
  let dispose!: () => void;
  const text = createRoot((d) => {
    dispose = d;
    return createSearchBoxText({ urlQuery: () => urlQuery, onType: () => (q) => sent.push(q) });
  });
  return { text, sent, dispose };
}

describe('createSearchBoxText', () => {
  it('hands the words over once typing pauses for TYPING_DELAY_MS, normalised', () => {
    const { text, sent, dispose } = box();
    text.input('al ');
    vi.advanceTimersByTime(TYPING_DELAY_MS - 1);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual(['al']);
    dispose();
  });

  it('takes a burst of input as one search, and follows each pause in the typing', () => {
    const { text, sent, dispose } = box();
    for (const prefix of ['g', 'go', 'gov']) {
      text.input(prefix);
      vi.advanceTimersByTime(TYPING_DELAY_MS / 2);
    }
    vi.advanceTimersByTime(TYPING_DELAY_MS);
    text.input('govern');
    vi.advanceTimersByTime(TYPING_DELAY_MS);
    expect(sent).toEqual(['gov', 'govern']);
    dispose();
  });

  it('hands nothing over when the words did not change, nor after a submit', () => {
    const { text, sent, dispose } = box('kamal');
    text.input('kamal ');
    vi.advanceTimersByTime(TYPING_DELAY_MS);
    text.input('kamala');
    expect(text.submit()).toBe('kamala');
    vi.advanceTimersByTime(TYPING_DELAY_MS);
    expect(sent).toEqual([]);
    dispose();
  });
});
