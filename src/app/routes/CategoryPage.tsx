import { createAsync, useSearchParams, type RouteDefinition, type RouteSectionProps } from '@solidjs/router';
import { createEffect, on, Show } from 'solid-js';
import { CATEGORY_PAGE_SIZE, getCategoryPage } from '../archive/archiveData';
import { ArticleList } from '../components/ArticleList';
import { NotFound, WAYS_BACK } from '../components/NotFound';
import { PageHeading } from '../components/PageHeading';
import { ShowMore } from '../components/ShowMore';
import type { KeepFocusState } from '../focusHeadingOnNavigate';
import { decodeParam } from '../routePaths';

/** `?page=3` → 3; anything else → 1. */
function pagesParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

function CategoryPage(props: RouteSectionProps) {
  const [params, setParams] = useSearchParams();
  const pages = () => pagesParam(params.page);
  const page = createAsync(() => getCategoryPage(decodeParam(props.params.slug), pages()));
  let list: HTMLOListElement | undefined;
  // After "Show more", focus the first newly shown article so keyboard users carry on from there.
  let firstNew: number | undefined;
  createEffect(
    on(
      () => page()?.items.length,
      (length) => {
        if (firstNew === undefined || length === undefined || length <= firstNew) return;
        list?.querySelectorAll<HTMLAnchorElement>('.article-item__title a')[firstNew]?.focus();
        firstNew = undefined;
      },
    ),
  );
  const showMore = () => {
    firstNew = page()?.items.length;
    // The page count lives in the URL so that reload and back keep what the reader had open.
    const state: KeepFocusState = { keepFocus: true };
    setParams({ page: pages() + 1 }, { replace: true, scroll: false, state });
  };
  return (
    <Show
      when={page()}
      fallback={
        <NotFound title="Category not found" links={[{ href: '/categories', label: 'All categories' }, ...WAYS_BACK]}>
          <p>The archive has no category “{decodeParam(props.params.slug)}”.</p>
        </NotFound>
      }
    >
      {(p) => (
        <>
          <PageHeading title={p().category.name} />
          <p class="lede">
            {p().category.count.toLocaleString('en-GB')} {p().category.count === 1 ? 'article' : 'articles'}, newest first.
          </p>
          <ArticleList items={p().items} showSummary hideCategory ref={list} />
          <ShowMore shown={p().items.length} total={p().category.count} pageSize={CATEGORY_PAGE_SIZE} onShowMore={showMore} />
        </>
      )}
    </Show>
  );
}

export const categoryRoute = {
  path: '/categories/:slug',
  component: CategoryPage,
  preload: ({ params, location }) => void getCategoryPage(decodeParam(params.slug), pagesParam(location.query.page)),
} satisfies RouteDefinition;
