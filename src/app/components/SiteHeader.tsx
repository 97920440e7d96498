import { A, useLocation } from '@solidjs/router';
import { DEFAULT_SITE_NAME } from '../documentTitle';
import { SAVED_PATH } from '../routePaths';
import { appHref } from './ArticleListItem';
import { ManifestSlot } from './ManifestSlot';
import { ReadingMenu } from './ReadingMenu';

export function SiteHeader() {
  // Home is a plain link to the base with its slash (`/news/`): the router's <A> writes the base
  // without it (`/news`), outside the service worker's scope, so that a home link opened in a new
  // tab offline would find no app. The router handles the click all the same.
  const home = appHref('/');
  const location = useLocation();
  // The home page's path, with or without the base (`/`, `/news`, `/news/`).
  const atHome = () => ['', home.replace(/\/$/, '')].includes(location.pathname.replace(/\/+$/, ''));
  return (
    <header class="site-header">
      <div class="site-header__inner">
        <a href={home} class="site-name">
          <ManifestSlot fallback={DEFAULT_SITE_NAME}>{(manifest) => manifest.name}</ManifestSlot>
        </a>
        <ReadingMenu />
        <nav class="site-nav" aria-label="Main">
          <ul>
            <li>
              <a href={home} classList={{ active: Boolean(atHome()) }} aria-current={atHome() ? 'page' : undefined}>
                Home
              </a>
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
