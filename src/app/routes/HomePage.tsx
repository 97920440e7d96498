import { A, createAsync, type RouteDefinition } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { getLatestArticles, getManifest } from '../archive/archiveData';
import { ArticleList } from '../components/ArticleList';
import { ContinueReading } from '../components/ContinueReading';
import { PageHeading } from '../components/PageHeading';
import { SearchForm } from '../components/SearchForm';
import { SearchPreview } from '../components/SearchPreview';

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
          <ContinueReading />
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
