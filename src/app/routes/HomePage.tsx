import { A, createAsync, revalidate, type RouteDefinition } from '@solidjs/router';
import { createEffect, createSignal, ErrorBoundary, on, Show, Suspense } from 'solid-js';
import { getLatestArticles, getManifest, getSearchResults } from '../archive/archiveData';
import { ArticleList } from '../components/ArticleList';
import { PageHeading } from '../components/PageHeading';
import { SearchForm } from '../components/SearchForm';
import { SearchPreview } from '../components/SearchPreview';
import { rerunWhilePartial, searchProgress } from '../searchResultCount';

/**
 * Under the live results while the search index is still loading: how many articles they come
 * from; the search runs again until it has looked through them all (see SearchPage's twin).
 */
function PreviewProgress(props: { q: string }) {
  const results = createAsync(() => getSearchResults({ q: props.q }));
  // As the preview: the last answer stays while the next words are searched.
  const response = () => results.latest;
  rerunWhilePartial(response, () => void revalidate(getSearchResults.keyFor({ q: props.q })));
  return <Show when={response() && searchProgress(response()!)}>{(line) => <p class="muted search-progress">{line()}</p>}</Show>;
}

function HomePage() {
  const manifest = createAsync(() => getManifest());
  const latest = createAsync(() => getLatestArticles());
  // The words typed so far: the preview under the box follows them; submitting opens /search.
  const [typed, setTyped] = createSignal('');
  return (
    <Show when={manifest()}>
      {(m) => (
        <>
          <PageHeading title={m().name} documentTitle="" />
          <p class="lede">{m().description}</p>
          <SearchForm onType={setTyped} />
          <SearchPreview q={typed()} />
          <Show when={typed()}>
            {(q) => (
              // The preview says when search fails; this line then just stays away.
              <ErrorBoundary
                fallback={(_, reset) => {
                  createEffect(on(q, () => reset(), { defer: true }));
                  return null;
                }}
              >
                <Suspense>
                  <PreviewProgress q={q()} />
                </Suspense>
              </ErrorBoundary>
            )}
          </Show>
          <section aria-labelledby="latest-heading">
            <h2 id="latest-heading">Latest articles</h2>
            <Show when={latest()?.length} fallback={<p>The archive has no articles yet.</p>}>
              <ArticleList items={latest() ?? []} headingLevel={3} showSummary />
              <p class="more-link">
                <A href="/archive">Browse all {m().articleCount.toLocaleString('en-GB')} articles by month</A>
              </p>
            </Show>
          </section>
        </>
      )}
    </Show>
  );
}

export const homeRoute = {
  path: '/',
  component: HomePage,
  preload: () => {
    void getManifest();
    void getLatestArticles();
  },
} satisfies RouteDefinition;
