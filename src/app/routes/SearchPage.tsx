import { createAsync, useNavigate, useSearchParams, type RouteDefinition } from '@solidjs/router';
import { createEffect, createMemo, ErrorBoundary, on, Show, Suspense } from 'solid-js';
import { getManifest, getSearchResults, rememberSearch } from '../archive/archiveData';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { RecentSearches } from '../components/RecentSearches';
import { SearchFilters } from '../components/SearchFilters';
import { SearchCoverage } from '../components/SearchCoverage';
import { SearchForm } from '../components/SearchForm';
import { SearchResults } from '../components/SearchResults';
import { SearchUnavailable } from '../components/SearchUnavailable';
import { createDwellMemory } from '../createDwellMemory';
import { createSettledText } from '../createSettledText';
import { focusPageHeading, type KeepFocusState } from '../focusHeadingOnNavigate';
import { hasSearchFilters, searchFilters, searchFromQuery, searchPath, type SearchFilters as Filters, type SearchLocation } from '../routePaths';
import type { SearchResponse } from '../../search/client';

const KEEP_FOCUS: KeepFocusState = { keepFocus: true };

/** A search with neither words nor filters: the page lists every article and the recent searches. */
function isBare(search: SearchLocation): boolean {
  return !search.q && !hasSearchFilters(search) && search.sort === undefined;
}

/**
 * `/search`: the words, filters, order and pages shown all live in the URL, so that a search can
 * be shared, bookmarked, reloaded offline, and walked through with back and forward.
 *
 * History: results follow the typing, and a typing spell adds one history entry, which it then
 * keeps replacing (so back returns to the search before it, not to each prefix typed); submitting
 * adds an entry unless the URL already shows that search. Filters each add one; "Show more"
 * replaces, as on category pages; the next or previous hundred results add one.
 *
 * Recent searches: a submitted search, and one whose results stayed on screen a few seconds (see
 * `createDwellMemory`).
 */
function SearchPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const manifest = createAsync(() => getManifest());
  const search = createMemo(() => searchFromQuery(params), undefined, { equals: (a, b) => searchPath(a) === searchPath(b) });
  const current = () => searchPath(search());
  // Results follow the typing; the count is said once the typing stops.
  const [announcement, setAnnouncement] = createSettledText();
  // The URL of the entry the current typing spell created; typing on from there replaces it.
  let typingEntry: string | undefined;

  const typed = (q: string) => {
    const target = searchPath({ ...searchFilters(search()), q });
    navigate(target, { replace: current() === typingEntry, scroll: false, state: KEEP_FOCUS });
    typingEntry = target;
  };
  const submitted = (q: string) => {
    const target: SearchLocation = { ...searchFilters(search()), q };
    typingEntry = undefined;
    void rememberSearch(target);
    if (searchPath(target) === current()) focusPageHeading();
    else navigate(searchPath(target));
  };
  const filtered = (filters: Filters) => {
    typingEntry = undefined;
    navigate(searchPath({ ...filters, q: search().q }), { scroll: false, state: KEEP_FOCUS });
  };
  // A search whose results stay on screen a few seconds is remembered, as if it had been submitted.
  const dwell = createDwellMemory((seen) => void rememberSearch(seen));
  const shown = (response: SearchResponse) => dwell.shown(search(), response.total);
  // Another search: the clock of the last one stops (it starts again once the new results show).
  createEffect(on(current, () => dwell.left(search()), { defer: true }));
  const showMore = () => navigate(searchPath({ ...search(), page: (search().page ?? 1) + 1 }), { replace: true, scroll: false, state: KEEP_FOCUS });
  // Past 100 results, the next hundred is a page of its own (an entry in the history).
  const toPage = (page: number) => navigate(searchPath({ ...search(), page }), { scroll: false, state: KEEP_FOCUS });

  return (
    <>
      <PageHeading title={search().q ? `Search: ${search().q}` : 'Search the archive'} />
      <Show when={!search().q}>
        <p class="lede">Search titles, article text, authors, outlets, categories and tags, or browse by the filters alone.</p>
      </Show>
      <SearchForm query={search().q} onType={typed} onSubmit={submitted} offerRecent={!isBare(search())} />
      <SearchCoverage />
      <Show when={manifest()}>{(m) => <SearchFilters manifest={m()} search={search()} onChange={filtered} />}</Show>
      <Show when={isBare(search())}>
        <RecentSearches heading onCleared={() => document.querySelector<HTMLInputElement>('main input[type="search"]')?.focus()} />
      </Show>
      {/* Present from the start, so that screen readers announce each new count (politely). */}
      <p class="visually-hidden" role="status">
        {announcement()}
      </p>
      <ErrorBoundary
        fallback={(error, reset) => {
          // A new search gets a fresh try.
          createEffect(on(current, () => reset(), { defer: true }));
          // Failed searches are not cached (see archiveData.ts), so rendering again retries.
          return <SearchUnavailable error={error} onRetry={reset} />;
        }}
      >
        <Suspense fallback={<LoadingState label="Searching…" />}>
          <section class="search-results-section" aria-label="Results">
            <SearchResults search={search()} onAnnounce={setAnnouncement} onShowMore={showMore} onPage={toPage} onShown={shown} />
          </section>
        </Suspense>
      </ErrorBoundary>
    </>
  );
}

export const searchRoute = {
  path: '/search',
  component: SearchPage,
  preload: ({ location }) => {
    void getManifest();
    void getSearchResults(searchFromQuery(location.query));
  },
} satisfies RouteDefinition;
