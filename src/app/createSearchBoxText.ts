import { createEffect, createSignal, on, onCleanup, untrack, type Accessor } from 'solid-js';
import { normalizeQuery, shouldAdoptUrlQuery } from './searchText';

/**
 * How long typing must pause before results follow it: long enough to take a burst of input
 * (key repeat, a pasted or composed word) as one search, short of the gap between keystrokes.
 * The search worker answers a warm query in tens of milliseconds at 10,000 articles, and a newer
 * answer replaces an older one on screen, so the results need not wait for the reader to stop
 * (200 ms until #11). The live region still speaks once typing stops (`createSettledText`).
 */
export const TYPING_DELAY_MS = 50;

export interface SearchBoxText {
  /** What the box holds, exactly as typed. */
  text: Accessor<string>;
  /** Call on every input event. */
  input(value: string): void;
  /** Call on submit: cancels the pending hand-over and returns the normalised words. */
  submit(): string;
}

/**
 * The words of a search box that hands them over as the reader types: debounced by
 * {@link TYPING_DELAY_MS}, normalised, and only when they changed. The box follows the URL's
 * words when the reader navigates (back, forward, a link), but not when the URL is merely
 * catching up with words it sent itself (see `shouldAdoptUrlQuery`), so typing is never undone.
 */
export function createSearchBoxText(options: { urlQuery: Accessor<string>; onType: Accessor<((q: string) => void) | undefined> }): SearchBoxText {
  const [text, setText] = createSignal(untrack(options.urlQuery));
  let lastSent: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  onCleanup(cancel);

  createEffect(
    on(
      options.urlQuery,
      (q) => {
        if (!shouldAdoptUrlQuery(q, text(), lastSent)) return;
        cancel();
        lastSent = undefined;
        setText(q);
      },
      { defer: true },
    ),
  );

  return {
    text,
    input(value) {
      setText(value);
      const onType = options.onType();
      if (!onType) return;
      cancel();
      timer = setTimeout(() => {
        timer = undefined;
        const q = normalizeQuery(text());
        if (q === (lastSent ?? normalizeQuery(options.urlQuery()))) return;
        lastSent = q;
        onType(q);
      }, TYPING_DELAY_MS);
    },
    submit() {
      cancel();
      lastSent = normalizeQuery(text());
      return lastSent;
    },
  };
}
