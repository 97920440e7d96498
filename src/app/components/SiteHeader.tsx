import { A } from '@solidjs/router';
import { DEFAULT_SITE_NAME } from '../documentTitle';
import { SAVED_PATH } from '../routePaths';
import { ManifestSlot } from './ManifestSlot';
import { ReadingMenu } from './ReadingMenu';

export function SiteHeader() {
  return (
    <header class="site-header">
      <div class="site-header__inner">
        <A href="/" class="site-name" end>
          <ManifestSlot fallback={DEFAULT_SITE_NAME}>{(manifest) => manifest.name}</ManifestSlot>
        </A>
        <ReadingMenu />
        <nav class="site-nav" aria-label="Main">
          <ul>
            <li>
              <A href="/" end>
                Home
              </A>
            </li>
            <li>
              <A href="/archive">Archive</A>
            </li>
            <li>
              <A href="/categories">Categories</A>
            </li>
            <li>
              <A href="/search">Search</A>
            </li>
            <li>
              <A href={SAVED_PATH}>Saved</A>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
