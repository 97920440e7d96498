import { Router } from '@solidjs/router';
import { onMount } from 'solid-js';
import { Layout } from './components/Layout';
import { refreshStorageStatus } from './pwa/storageStatus';
import { aboutRoute } from './routes/AboutPage';
import { archiveRoute } from './routes/ArchivePage';
import { articleRoute } from './routes/ArticlePage';
import { categoriesRoute } from './routes/CategoriesPage';
import { categoryRoute } from './routes/CategoryPage';
import { homeRoute } from './routes/HomePage';
import { monthRoute } from './routes/MonthPage';
import { notFoundRoute } from './routes/NotFoundPage';
import { searchRoute } from './routes/SearchPage';
import { tagRoute } from './routes/TagPage';
import { tagsRoute } from './routes/TagsPage';
import { yearRoute } from './routes/YearPage';

const routes = [homeRoute, searchRoute, archiveRoute, yearRoute, monthRoute, categoriesRoute, categoryRoute, tagsRoute, tagRoute, articleRoute, aboutRoute, notFoundRoute];

/** The reader: every page has its own URL, served by the same shell (also offline). */
export function App() {
  // Usage near the quota shows a notice on every page, so it is read once at start.
  onMount(() => void refreshStorageStatus());
  return (
    <Router root={Layout} base={import.meta.env.BASE_URL.replace(/\/$/, '')} scrollRestoration>
      {routes}
    </Router>
  );
}
