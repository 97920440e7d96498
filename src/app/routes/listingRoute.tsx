import { createAsync, type RouteDefinition, type RouteSectionProps } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import type { LabelSummary } from '../archive/archiveQueries';
import type { ListingPage } from '../archive/archiveData';
import { ListingView } from '../components/ListingView';
import { decodeParam, pagedPath, pagesFromQuery } from '../routePaths';
import { usePageParam } from './pageParam';

export interface ListingRouteOptions {
  /** A pattern ending in `:slug`, e.g. `/tags/:slug`. */
  path: string;
  /** The address of a slug's listing (its first page), e.g. `tagPath`. */
  pathOf: (slug: string) => string;
  /** The router query for page `page` of the listing, or undefined for an unknown slug. */
  getPage: (slug: string, page: number) => Promise<ListingPage | undefined>;
  /** The line under the heading, e.g. "12 articles, newest first." */
  lede: (label: LabelSummary) => string;
  /** On a category's own page, naming the category on every article says nothing. */
  hideCategory?: boolean;
  /** What an unknown slug shows (a `NotFound`). */
  notFound: (slug: string) => JSX.Element;
}

/**
 * The route of a category or tag listing: newest first, a page of articles at a time, the page in
 * the URL (`?page=3`) so that reload and back keep what the reader had open.
 */
export function listingRoute(options: ListingRouteOptions): RouteDefinition {
  function ListingRoutePage(props: RouteSectionProps) {
    const slug = () => decodeParam(props.params.slug);
    const page = usePageParam();
    const data = createAsync(() => options.getPage(slug(), page()));
    return (
      <Show when={data()} fallback={options.notFound(slug())}>
        {(p) => (
          <ListingView
            title={p().label.name}
            span={p().span}
            items={p().items}
            lede={options.lede(p().label)}
            hideCategory={options.hideCategory}
            href={(n) => pagedPath(options.pathOf(slug()), n)}
          />
        )}
      </Show>
    );
  }
  return {
    path: options.path,
    component: ListingRoutePage,
    preload: ({ params, location }) => void options.getPage(decodeParam(params.slug), pagesFromQuery(location.query.page)),
  };
}
