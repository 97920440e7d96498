import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { classifyLink } from './classifyLink';
import { createConnectionProbe } from './connectionProbe';
import { handleArticleLinkClick } from './handleArticleLinkClick';

/**
 * One probe for the page: `robots.txt` is on the app's server and not in the service worker's
 * precache (the offline e2e test relies on that too), so only a working network answers it.
 */
const connection = createConnectionProbe({
  probeUrl: () => `${import.meta.env.BASE_URL}robots.txt?probe=${Date.now()}`,
  isOnline: () => navigator.onLine,
  fetch: (input, init) => fetch(input, init),
});

/** The listeners an article element needs for its links, and the link the reader is told about. */
export interface ArticleLinks {
  onClick(event: MouseEvent): void;
  /** Pointer down or focus on a link to the web: probe the connection before the click lands. */
  onReach(event: Event): void;
  /** The link to the web the reader tried while offline, until the explanation is closed. */
  leaving(): HTMLAnchorElement | undefined;
  closeLeaving(): void;
}

/** Wires an article's links to the router and to the offline explanation (inside a route). */
export function createArticleLinks(): ArticleLinks {
  const navigate = useNavigate();
  const [leaving, setLeaving] = createSignal<HTMLAnchorElement>();
  return {
    onClick: (event) => handleArticleLinkClick(event, { navigate, seemsOffline: connection.seemsOffline, showLeaving: setLeaving }),
    onReach: (event) => {
      const target = event.target as Partial<Element> | null;
      const link = typeof target?.closest === 'function' ? target.closest('a[href]') : null;
      if (link && classifyLink(link.getAttribute('href') ?? '') === 'external') connection.check();
    },
    leaving,
    closeLeaving: () => setLeaving(undefined),
  };
}
