import { getCategoryPage } from '../archive/archiveData';
import { NotFound, WAYS_BACK } from '../components/NotFound';
import { formatArticleCount } from '../formatArticleCount';
import { categoryPath } from '../routePaths';
import { listingRoute } from './listingRoute';

export const categoryRoute = listingRoute({
  path: '/categories/:slug',
  pathOf: categoryPath,
  getPage: getCategoryPage,
  lede: (category) => `${formatArticleCount(category.count)}, newest first.`,
  hideCategory: true,
  notFound: (slug) => (
    <NotFound title="Category not found" links={[{ href: '/categories', label: 'All categories' }, ...WAYS_BACK]}>
      <p>The archive has no category “{slug}”.</p>
    </NotFound>
  ),
});
