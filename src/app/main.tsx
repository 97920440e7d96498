import { render } from 'solid-js/web';
import { getManifest, getSearchResults } from './archive/archiveData';
import { searchFromQuery } from './routePaths';
import './styles.css';

/**
 * Starts what the first view will wait for before any of it renders: the edition's manifest
 * (header, footer, filters) and, on `/search`, the search itself, which creates the search worker
 * and so starts loading the index while the page's code loads and renders (Chromium at 4× CPU
 * spent 230–370 ms rendering before the worker was even created). The route's preload asks the
 * same router queries with the same arguments a moment later and gets these answers from their
 * cache; a failure is left to the page, which asks again and shows it.
 */
function startFirstReads(): void {
  void getManifest().catch(() => undefined);
  const base = import.meta.env.BASE_URL;
  if (location.pathname !== `${base}search` && location.pathname !== `${base}search/`) return;
  const search = searchFromQuery(Object.fromEntries(new URLSearchParams(location.search)));
  void getSearchResults(search).catch(() => undefined);
}

// The views come in a chunk of their own, so that the reads start as soon as this small entry has
// run, and the render is a task of its own; its fetch is asked for first, to overlap them.
const app = import('./App');
startFirstReads();
const root = document.getElementById('root');
if (!root) throw new Error('reader: index.html has no <div id="root">');
void app.then(({ App }) => {
  render(() => <App />, root);
  // Not in the render's task: registering starts workbox-window and the offline saver.
  setTimeout(() => void import('./pwa/registerServiceWorker').then((m) => m.registerServiceWorker()));
});
