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
 * The parts of the frame rendered so far: the header first, then the page, then the rest (the
 * footer, and the notices, which show nothing at first: an update or a save is found later).
 */
type Shown = 'header' | 'page' | 'rest';

/**
 * The frame around every page: skip link, header and navigation, notices, main, footer. The first
 * render comes in three tasks (header, page, the rest; see `yieldToMain.ts`), so that none is long.
 */
export function Layout(props: RouteSectionProps) {
  useFocusHeadingOnNavigate();
  const [shown, setShown] = createSignal<Shown>('header');
  onMount(async () => {
    await yieldToMain();
    setShown('page');
    await yieldToMain();
    setShown('rest');
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
      <SiteHeader />
      <Show when={shown() === 'rest'}>
        <UpdateBanner />
        <OfflineStatus variant="banner" />
      </Show>
      <main id="main" tabindex="-1">
        <Show when={shown() !== 'header'}>
          <RouteBoundary>{props.children}</RouteBoundary>
        </Show>
      </main>
      <Show when={shown() === 'rest'}>
        <SiteFooter />
      </Show>
    </>
  );
}
