import { A, createAsync } from '@solidjs/router';
import { createEffect, createSignal, ErrorBoundary, For, on, Show, Suspense } from 'solid-js';
import { getSearchResults, rememberSearch } from '../archive/archiveData';
import { createDwellMemory } from '../createDwellMemory';
import { loadErrorAdvice } from '../loadErrorAdvice';
import { searchPath } from '../routePaths';
import { searchResultAnnouncement, searchResultCount } from '../searchResultCount';
import { DidYouMean } from './DidYouMean';
import { createSearchSnippets, SearchHitItem } from './SearchHitItem';
import { SearchSuggestions } from './SearchSuggestions';

/** How many hits the preview shows. */
const PREVIEW_SIZE = 5;

function PreviewHits(props: { q: string; onAnnounce: (text: string) => void }) {
  const results = createAsync(() => getSearchResults({ q: props.q }));
  // `latest` keeps the last results on screen while the next ones are on their way (no flicker as
  // the reader types); only the first search shows the loading fallback.
  const response = () => results.latest;
  const snippet = createSearchSnippets(response, () => ({ q: props.q }));
  // Words whose quick results stay on screen a few seconds join the recent searches.
  const dwell = createDwellMemory((seen) => void rememberSearch(seen));
  createEffect(() => {
    const r = response();
    if (!r) return;
    props.onAnnounce(searchResultAnnouncement(r, { q: r.query.q }));
    dwell.shown({ q: r.query.q }, r.total);
  });
  return (
    <Show when={response()}>
      {(r) => (
        <>
          <p class="result-count">{searchResultCount(r(), { q: r().query.q })}</p>
          <Show when={r().mode === 'any' && r().total > 0}>
            <DidYouMean search={{ q: r().query.q }} suggestions={r().suggestions} />
          </Show>
          <Show when={r().total > 0} fallback={<SearchSuggestions search={{ q: r().query.q }} suggestions={r().suggestions} tips={false} />}>
            <ol class="article-list">
              <For each={r().hits.slice(0, PREVIEW_SIZE)}>{(hit, i) => <SearchHitItem hit={hit} headingLevel={3} snippet={snippet(i())} />}</For>
            </ol>
          </Show>
          <p class="more-link">
            <A href={searchPath(r().query.q)}>{r().total > PREVIEW_SIZE ? `See all ${r().total.toLocaleString('en-GB')} results` : 'Open in search, with filters'}</A>
          </p>
        </>
      )}
    </Show>
  );
}

/**
 * Results under the home page's search box that follow the typing: the count, the best few hits
 * with their matches marked, and a link to all of them; words whose results stay a few seconds
 * join the recent searches. Stale answers never show: the underlying
 * resource keeps only the answer to the latest words.
 */
export function SearchPreview(props: { q: string }) {
  const [announcement, setAnnouncement] = createSignal('');
  createEffect(() => {
    if (!props.q) setAnnouncement('');
  });
  return (
    <>
      {/* Present from the start, so that screen readers announce each new count (politely). */}
      <p class="visually-hidden" role="status">
        {announcement()}
      </p>
      <Show when={props.q}>
        {(q) => (
          <section class="search-preview" aria-label="Quick results">
            <ErrorBoundary
              fallback={(error, reset) => {
                createEffect(on(q, () => reset(), { defer: true }));
                return <p class="muted">Search is not available right now. {loadErrorAdvice(error)}</p>;
              }}
            >
              <Suspense>
                <PreviewHits q={q()} onAnnounce={setAnnouncement} />
              </Suspense>
            </ErrorBoundary>
          </section>
        )}
      </Show>
    </>
  );
}
