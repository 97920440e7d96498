import { createSignal, onCleanup, type Accessor } from 'solid-js';

/** How long a text must stay the same before a live region says it (see {@link createSettledText}). */
export const SETTLE_MS = 800;

/**
 * A text for a live region that follows the typing: each `set` replaces the text waiting to be
 * said, and the region gets it once no other came for {@link SETTLE_MS}. Results now follow every
 * short pause in the typing; a screen reader hears the count of the words the reader stopped at,
 * once, not a count per keystroke. An empty text (nothing to say yet) is passed on at once.
 */
export function createSettledText(): [text: Accessor<string>, set: (text: string) => void] {
  const [text, setText] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const set = (next: string) => {
    clearTimeout(timer);
    if (next === '') {
      setText('');
      return;
    }
    timer = setTimeout(() => setText(next), SETTLE_MS);
  };
  return [text, set];
}
