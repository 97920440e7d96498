import { createAsync, useSearchParams, type RouteDefinition, type RouteSectionProps } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import type { LabelSummary } from '../archive/archiveQueries';
import type { ListingPage } from '../archive/archiveData';
import { ListingView } from '../components/ListingView';
import type { KeepFocusState } from '../focusHeadingOnNavigate';
import { decodeParam, pagesFromQuery } from '../routePaths';

export interface ListingRouteOptions {
  /** A pattern ending in `:slug`, e.g. `/tags/:slug`. */
  path: string;
  /** The router query for the first `pages` pages of the listing, or undefined for an unknown slug. */
  getPage: (slug: string, pages: number) => Promise<ListingPage | undefined>;
  /** The line under the heading, e.g. "12 articles, newest first." */
  lede: (label: LabelSummary) => string;
  /** On a category's own page, naming the category on every article says nothing. */
  hideCategory?: boolean;
  /** What an unknown slug shows (a `NotFound`). */
  notFound: (slug: string) => JSX.Element;
}

/**
 * The route of a category or tag listing: newest first, a page of articles at a time, with the
 * page count in the URL (`?page=3`) so that reload and back keep what the reader had open.
 */
export function listingRoute(options: ListingRouteOptions): RouteDefinition {
  function ListingRoutePage(props: RouteSectionProps) {
    const [params, setParams] = useSearchParams();
    const slug = () => decodeParam(props.params.slug);
    const pages = () => pagesFromQuery(params.page);
    const page = createAsync(() => options.getPage(slug(), pages()));
    const showMore = () => {
      const state: KeepFocusState = { keepFocus: true };
      setParams({ page: pages() + 1 }, { replace: true, scroll: false, state });
    };
    return (
      <Show when={page()} fallback={options.notFound(slug())}>
        {(p) => <ListingView page={p()} lede={options.lede(p().label)} hideCategory={options.hideCategory} onShowMore={showMore} />}
      </Show>
    );
  }
  return {
    path: options.path,
    component: ListingRoutePage,
    preload: ({ params, location }) => void options.getPage(decodeParam(params.slug), pagesFromQuery(location.query.page)),
  };
}
