import { createAsync, type RouteDefinition } from '@solidjs/router';
import { Show } from 'solid-js';
import { getTagIndexPage } from '../archive/archiveData';
import { pageExists } from '../archive/archiveQueries';
import { Breadcrumb } from '../components/Breadcrumb';
import { MissingPage } from '../components/MissingPage';
import { PageHeading } from '../components/PageHeading';
import { Pager } from '../components/Pager';
import { TagCloud } from '../components/TagCloud';
import { pagedPath, pagesFromQuery, TAGS_PATH } from '../routePaths';
import { usePageParam } from './pageParam';

const href = (page: number) => pagedPath(TAGS_PATH, page);

/** `/tags`: every tag by name with its count, a page at a time (`?page=2`). */
function TagsPage() {
  const page = usePageParam();
  const data = createAsync(() => getTagIndexPage(page()));
  return (
    <Show when={data()}>
      {(d) => (
        <Show when={pageExists(d().span)} fallback={<MissingPage what="The tag index" span={d().span} href={href} />}>
          <Breadcrumb links={[{ href: '/categories', label: 'Categories' }]} />
          <PageHeading title="Tags" documentTitle={d().span.pageCount > 1 ? `Tags, page ${d().span.page} of ${d().span.pageCount}` : undefined} />
          <p class="lede">{d().span.total.toLocaleString('en-GB')} tags, A to Z.</p>
          <Show when={d().tags.length} fallback={<p>No article has a tag yet.</p>}>
            <TagCloud tags={d().tags} />
          </Show>
          <Pager span={d().span} noun="Tags" label="Pages of tags" href={href} />
        </Show>
      )}
    </Show>
  );
}

export const tagsRoute = {
  path: TAGS_PATH,
  component: TagsPage,
  preload: ({ location }) => void getTagIndexPage(pagesFromQuery(location.query.page)),
} satisfies RouteDefinition;
