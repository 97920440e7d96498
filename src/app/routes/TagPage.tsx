import { getTagPage } from '../archive/archiveData';
import { NotFound, WAYS_BACK } from '../components/NotFound';
import { formatArticleCount } from '../formatArticleCount';
import { TAGS_PATH, tagPath } from '../routePaths';
import { listingRoute } from './listingRoute';

export const tagRoute = listingRoute({
  path: `${TAGS_PATH}/:slug`,
  pathOf: tagPath,
  getPage: getTagPage,
  // A tag may share its name with a category (Content strategy): the lede says which this is.
  lede: (tag) => `${formatArticleCount(tag.count)} tagged “${tag.name}”, newest first.`,
  notFound: (slug) => (
    <NotFound title="Tag not found" links={[{ href: TAGS_PATH, label: 'All tags' }, ...WAYS_BACK]}>
      <p>The archive has no tag “{slug}”.</p>
    </NotFound>
  ),
});
