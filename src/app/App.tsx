import { Router } from '@solidjs/router';
import { onMount } from 'solid-js';
import { Layout } from './components/Layout';
import { refreshStorageStatus } from './pwa/storageStatus';
import { lazyRoute } from './lazyRoute';
import { afterIdle } from './yieldToMain';
import { ABOUT_PATH, HISTORY_PATH, SAVED_PATH, TAGS_PATH } from './routePaths';
import { reopenLastArticle } from './reader/lastView';
// Every page loads in a chunk of its own, home and search too: evaluating them with the router
// made one long task at 4× CPU. main.tsx asks for the first view's chunk at once.
const aboutRoute = lazyRoute(ABOUT_PATH, () => import('./routes/AboutPage').then((m) => m.aboutRoute));
const archiveRoute = lazyRoute('/archive', () => import('./routes/ArchivePage').then((m) => m.archiveRoute));
const articleRoute = lazyRoute('/articles/:year/:month/:slug', () => import('./routes/ArticlePage').then((m) => m.articleRoute));
const categoriesRoute = lazyRoute('/categories', () => import('./routes/CategoriesPage').then((m) => m.categoriesRoute));
const homeRoute = lazyRoute('/', () => import('./routes/HomePage').then((m) => m.homeRoute));
const searchRoute = lazyRoute('/search', () => import('./routes/SearchPage').then((m) => m.searchRoute));
const categoryRoute = lazyRoute('/categories/:slug', () => import('./routes/CategoryPage').then((m) => m.categoryRoute));
const monthRoute = lazyRoute('/archive/:year/:month', () => import('./routes/MonthPage').then((m) => m.monthRoute));
const notFoundRoute = lazyRoute('*404', () => import('./routes/NotFoundPage').then((m) => m.notFoundRoute));
const savedRoute = lazyRoute(SAVED_PATH, () => import('./routes/SavedPage').then((m) => m.savedRoute));
const historyRoute = lazyRoute(HISTORY_PATH, () => import('./routes/HistoryPage').then((m) => m.historyRoute));
const tagRoute = lazyRoute(`${TAGS_PATH}/:slug`, () => import('./routes/TagPage').then((m) => m.tagRoute));
const tagsRoute = lazyRoute(TAGS_PATH, () => import('./routes/TagsPage').then((m) => m.tagsRoute));
const yearRoute = lazyRoute('/archive/:year', () => import('./routes/YearPage').then((m) => m.yearRoute));

const routes = [homeRoute, searchRoute, archiveRoute, yearRoute, monthRoute, categoriesRoute, categoryRoute, tagsRoute, tagRoute, articleRoute, savedRoute, historyRoute, aboutRoute, notFoundRoute];

/** The reader: every page has its own URL, served by the same shell (also offline). */
export function App() {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  // The installed app reopens the article it was put away in, before the router reads the address.
  reopenLastArticle(base);
  // Usage near the quota shows a notice on every page, so it is read once at start (once the
  // first view has settled: its answer re-renders the notices).
  onMount(() => afterIdle(() => void refreshStorageStatus()));
  return (
    <Router root={Layout} base={base} scrollRestoration>
      {routes}
    </Router>
  );
}
