/**
 * The reader's place in the article on screen: recorded in the history as they scroll (at most
 * once a second, and at once when the page is hidden or left), and restored when they come back
 * to it (see `placeToRestore`): after a reload (an edition update reloads the page), back and
 * forward, "Continue reading", the installed app reopening it, or a link to an article begun.
 */
import { useLocation } from '@solidjs/router';
import { createEffect, on, onCleanup } from 'solid-js';
import type { ArticleRef } from './readerDb';
import { announce } from './announce';
import { forgetLastView, isReturnState, rememberLastView } from './lastView';
import { loadLibrary, library, recordOpened, recordPlace } from './library';
import { placeToRestore, scrollFraction, scrollTopFor, type ArrivalKind, type BodyMetrics } from './libraryLists';
import { articlePath } from '../routePaths';

/** The place is written at most this often while the reader scrolls. */
const PLACE_WRITE_MS = 1_000;

const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

/** A path as the address bar has it (percent-encoded), as the app writes it. */
function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/** The path this page loaded with, and how (`reload`, `back_forward`, `navigate`): consumed by the first article shown. */
let landing: { path: string; type: string } | undefined = (() => {
  const entry = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  return entry ? { path: decodedPath(new URL(entry.name).pathname), type: entry.type } : undefined;
})();
/** The path the last back or forward went to. */
let poppedTo: string | undefined;
window.addEventListener('popstate', () => (poppedTo = decodedPath(window.location.pathname)));

/**
 * How the article at `path` (with the base) was reached. Compared by path, not with the address
 * bar: during an in-app navigation the view renders before the router writes the new address.
 */
function arrival(state: unknown, path: string): ArrivalKind {
  const landed = landing;
  landing = undefined;
  const popped = poppedTo === path;
  poppedTo = undefined;
  if (isReturnState(state) || popped) return 'return';
  return landed?.path === path && landed.type !== 'navigate' ? 'return' : 'link';
}

function metrics(body: HTMLElement): BodyMetrics {
  const rect = body.getBoundingClientRect();
  return { bodyTop: rect.top + window.scrollY, bodyHeight: rect.height, viewportHeight: window.innerHeight };
}

/**
 * Tracks the place in `ref()`'s article, whose body is `body()`. Call from the article view; it
 * follows the article when the view is reused for another one.
 */
export function createReadingPlace(ref: () => ArticleRef, body: () => HTMLElement | undefined): void {
  const location = useLocation();
  createEffect(
    on(
      () => ref().id,
      () => {
        const article = ref();
        const path = articlePath(article.date, article.slug);
        const kind = arrival(location.state, `${BASE}${path}`);
        let live = true;
        let tracking = false;
        let timer: ReturnType<typeof setTimeout> | undefined;
        // The last place read while the article was the page: leaving it scrolls the page to the
        // top of the next one, which must not be taken for the reader's place.
        let known: number | undefined;
        const measure = () => {
          const element = body();
          if (!tracking || !element || decodedPath(window.location.pathname) !== `${BASE}${path}`) return;
          known = scrollFraction(window.scrollY, metrics(element));
        };
        const save = () => {
          clearTimeout(timer);
          timer = undefined;
          if (known !== undefined) void recordPlace(article.id, known);
        };
        const onScroll = () => {
          measure();
          timer ??= setTimeout(save, PLACE_WRITE_MS);
        };
        const putAway = () => {
          measure();
          save();
          rememberLastView(path);
        };
        const onHide = () => {
          if (document.visibilityState === 'hidden') putAway();
        };
        void (async () => {
          await loadLibrary();
          const restore = location.hash ? undefined : placeToRestore(library.reading[article.id], kind);
          await recordOpened(article);
          if (!live) return;
          // The body is in the page (rendered in the same task as the view); a frame lets it lay out.
          await new Promise((resolve) => requestAnimationFrame(resolve));
          const element = body();
          if (!live || !element) return;
          if (restore !== undefined) {
            window.scrollTo(0, scrollTopFor(restore, metrics(element)));
            announce(`Back at your place in the article: ${Math.round(restore * 100)}% through.`);
          }
          tracking = true;
          measure();
          save();
          window.addEventListener('scroll', onScroll, { passive: true });
        })();
        document.addEventListener('visibilitychange', onHide);
        window.addEventListener('pagehide', putAway);
        onCleanup(() => {
          save();
          live = false;
          tracking = false;
          window.removeEventListener('scroll', onScroll);
          document.removeEventListener('visibilitychange', onHide);
          window.removeEventListener('pagehide', putAway);
          forgetLastView();
        });
      },
    ),
  );
}
