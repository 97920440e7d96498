import { createAsync, useSearchParams, type RouteDefinition } from '@solidjs/router';
import { createEffect, ErrorBoundary, on, Show, Suspense } from 'solid-js';
import { getSearchResults } from '../archive/archiveData';
import { ArticleList } from '../components/ArticleList';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { SearchForm } from '../components/SearchForm';
import { SearchTips } from '../components/SearchTips';
import { SearchUnavailable } from '../components/SearchUnavailable';

function queryParam(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

/** "3 articles match “raqqa”." */
function resultCount(query: string, total: number, shown: number): string {
  if (total === 0) return `No articles match “${query}”.`;
  const count = `${total.toLocaleString('en-GB')} ${total === 1 ? 'article matches' : 'articles match'} “${query}”`;
  return total > shown ? `${count}; here are the best ${shown}.` : `${count}.`;
}

function SearchResults(props: { query: string }) {
  const results = createAsync(() => getSearchResults(props.query));
  return (
    <Show when={results()}>
      {(r) => (
        <>
          <p class="result-count" role="status">
            {resultCount(r().query, r().total, r().items.length)}
          </p>
          <Show when={r().total > 0} fallback={<SearchTips />}>
            <ArticleList items={r().items} />
          </Show>
        </>
      )}
    </Show>
  );
}

function SearchPage() {
  const [params] = useSearchParams();
  const query = () => queryParam(params.q);
  return (
    <>
      <PageHeading title={query() ? `Search: ${query()}` : 'Search the archive'} />
      <SearchForm query={query()} />
      <Show
        when={query()}
        fallback={
          <>
            <p>Search titles, article text, authors, outlets, categories and tags.</p>
            <SearchTips />
          </>
        }
      >
        {(q) => (
          <ErrorBoundary
            fallback={(error, reset) => {
              // A new query gets a fresh try.
              createEffect(on(q, () => reset(), { defer: true }));
              // Failed searches are not cached (see archiveData.ts), so rendering again retries.
              return <SearchUnavailable error={error} onRetry={reset} />;
            }}
          >
            <Suspense fallback={<LoadingState label="Searching…" />}>
              <SearchResults query={q()} />
            </Suspense>
          </ErrorBoundary>
        )}
      </Show>
    </>
  );
}

export const searchRoute = {
  path: '/search',
  component: SearchPage,
  preload: ({ location }) => {
    const q = queryParam(location.query.q);
    if (q) void getSearchResults(q);
  },
} satisfies RouteDefinition;
