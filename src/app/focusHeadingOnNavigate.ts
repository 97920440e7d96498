import { useLocation } from '@solidjs/router';
import { createEffect, on } from 'solid-js';

/** `location.state` of a navigation that must leave focus alone (e.g. "Show more"). */
export interface KeepFocusState {
  keepFocus: true;
}

function keepsFocus(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as Partial<KeepFocusState>).keepFocus === true;
}

/** Give up waiting for a heading after this long (a page stuck loading keeps focus where it is). */
const HEADING_WAIT_MS = 10_000;

/**
 * Moves focus to the page's `<h1>` (which has `tabindex="-1"`), waiting for it if the page is
 * still loading: after a retry, the page renders its loading state first.
 */
export function focusPageHeading(): void {
  const main = document.querySelector('main');
  if (!main) return;
  const tryFocus = () => {
    const heading = main.querySelector<HTMLElement>('h1');
    heading?.focus({ preventScroll: true });
    return heading !== null;
  };
  requestAnimationFrame(() => {
    if (tryFocus()) return;
    const observer = new MutationObserver(() => {
      if (tryFocus()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
  });
}

/**
 * After each client-side navigation, moves focus to the new page's heading, so that keyboard and
 * screen-reader users start at the new content instead of on the link they left — what a full
 * page load would do. The first load keeps the browser's own focus (the skip link comes first).
 */
export function useFocusHeadingOnNavigate(): void {
  const location = useLocation();
  createEffect(
    on(
      () => location.pathname + location.search,
      () => {
        if (!keepsFocus(location.state)) focusPageHeading();
      },
      { defer: true },
    ),
  );
}
