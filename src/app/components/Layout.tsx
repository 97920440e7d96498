import type { RouteSectionProps } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import { useFocusHeadingOnNavigate } from '../focusHeadingOnNavigate';
import { yieldToMain } from '../yieldToMain';
import { OfflineStatus } from './OfflineStatus';
import { RouteBoundary } from './RouteBoundary';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';
import { UpdateBanner } from './UpdateBanner';

/**
 * The parts of the frame in the order of their first render, a task each: the router alone, then
 * the header, the page, and the rest (the footer, and the notices, which show nothing at first:
 * an update or a save is found later).
 */
const PARTS = ['router', 'header', 'page', 'rest'] as const;
type Part = (typeof PARTS)[number];

/**
 * The frame around every page: skip link, header and navigation, notices, main, footer. Its first
 * render comes in a task per part (see `yieldToMain.ts`), so that none is long.
 */
export function Layout(props: RouteSectionProps) {
  useFocusHeadingOnNavigate();
  const [rendered, setRendered] = createSignal(0);
  const shown = (part: Part) => rendered() >= PARTS.indexOf(part);
  onMount(async () => {
    for (let part = 1; part < PARTS.length; part++) {
      await yieldToMain();
      setRendered(part);
    }
  });
  return (
    <>
      <a
        class="skip-link"
        href="#main"
        on:click={(event) => {
          // Handled here, before the router's own link handling, so focus really moves.
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <Show when={shown('header')}>
        <SiteHeader />
      </Show>
      <Show when={shown('rest')}>
        <UpdateBanner />
        <OfflineStatus variant="banner" />
      </Show>
      <main id="main" tabindex="-1">
        <Show when={shown('page')}>
          <RouteBoundary>{props.children}</RouteBoundary>
        </Show>
      </main>
      <Show when={shown('rest')}>
        <SiteFooter />
      </Show>
    </>
  );
}
