import type { RouteSectionProps } from '@solidjs/router';
import { useFocusHeadingOnNavigate } from '../focusHeadingOnNavigate';
import { OfflineStatus } from './OfflineStatus';
import { RouteBoundary } from './RouteBoundary';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';
import { UpdateBanner } from './UpdateBanner';

/** The frame around every page: skip link, header and navigation, main, footer. */
export function Layout(props: RouteSectionProps) {
  useFocusHeadingOnNavigate();
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
      <UpdateBanner />
      <OfflineStatus variant="banner" />
      <main id="main" tabindex="-1">
        <RouteBoundary>{props.children}</RouteBoundary>
      </main>
      <SiteFooter />
    </>
  );
}
