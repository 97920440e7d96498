import { render } from 'solid-js/web';
import { getManifest, getSearchResults } from './archive/archiveData';
import { searchFromQuery } from './routePaths';
import { yieldToMain } from './yieldToMain';
import { keepBaseSlash } from './keepBaseSlash';
import './styles.css';

/**
 * Starts what the first view will wait for before any of it renders: the edition's manifest
 * (header, footer, filters), the page's own chunk (home or search: App.tsx loads every page on
 * demand) and, on `/search`, the search itself, which creates the search worker and so starts
 * loading the index while the page's code loads and renders (Chromium at 4× CPU spent 230–370 ms
 * rendering before the worker was even created). The route's preload asks the same router queries
 * with the same arguments a moment later and gets these answers from their cache; a failure is
 * left to the page, which asks again and shows it.
 */
function startFirstReads(): void {
  void getManifest().catch(() => undefined);
  const page = location.pathname.slice(import.meta.env.BASE_URL.length).replace(/\/$/, '');
  if (page === '') void import('./routes/HomePage').catch(() => undefined);
  if (page !== 'search') return;
  void import('./routes/SearchPage').catch(() => undefined);
  const search = searchFromQuery(Object.fromEntries(new URLSearchParams(location.search)));
  void getSearchResults(search).catch(() => undefined);
}

// The views come in a chunk of their own, so that the reads start as soon as this small entry has
// run; its fetch is asked for first, to overlap them. Starting the reads, evaluating that chunk,
// rendering the page and registering the service worker are each a task of their own
// (`yieldToMain.ts`): in one task, Chromium at 4× CPU spent 0.3–1 s before it could paint or
// answer a tap.
keepBaseSlash(import.meta.env.BASE_URL, window.history);
const app = import('./App');
void yieldToMain().then(startFirstReads);
const root = document.getElementById('root');
if (!root) throw new Error('reader: index.html has no <div id="root">');
void app.then(async ({ App }) => {
  await yieldToMain();
  render(() => <App />, root);
  // Registering starts workbox-window and the offline saver: in tasks of their own, after the
  // render's (the layout's parts come first: `scheduler.yield` continuations go before timers).
  setTimeout(() => void import('./pwa/registerServiceWorker').then((m) => m.registerServiceWorker()));
});
