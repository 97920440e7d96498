import { A, createAsync } from '@solidjs/router';
import { createUniqueId, For, Show, Suspense } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { forgetRecentSearches, getManifest, getRecentSearches } from '../archive/archiveData';
import { findCategory } from '../archive/archiveQueries';
import { describeFilters } from '../describeSearch';
import { searchPath } from '../routePaths';

/**
 * The searches the reader submitted on this device, each a link to its results, and a button that
 * forgets them. Renders nothing while there are none (or storage is unavailable).
 */
export function RecentSearches(props: { heading?: boolean; onCleared?: () => void }) {
  const recent = createAsync(() => getRecentSearches());
  const manifest = createAsync(() => getManifest());
  const titleId = createUniqueId();
  const categoryName = (slug: string) => {
    try {
      const m = manifest();
      return (m && findCategory(m, slug)?.label.name) ?? slug;
    } catch {
      // The page reports a manifest that failed to load; the slug will do here.
      return slug;
    }
  };
  const clear = async () => {
    await forgetRecentSearches();
    props.onCleared?.();
  };
  return (
    <Suspense>
      <Show when={recent()?.length}>
        <div class="recent-searches" role="group" aria-labelledby={titleId}>
          <div class="recent-searches__header">
            <Dynamic component={props.heading ? 'h2' : 'p'} id={titleId} class="recent-searches__title">
              Recent searches
            </Dynamic>
            <button type="button" class="button button--quiet" onClick={() => void clear()}>
              Clear<span class="visually-hidden"> recent searches</span>
            </button>
          </div>
          <ul class="recent-searches__list">
            <For each={recent()}>
              {(r) => (
                <li>
                  <A href={searchPath(r.search)} dir="auto">
                    {r.search.q ? `“${r.search.q}”` : 'All articles'}
                    <For each={describeFilters(r.search, categoryName)}>
                      {(part) => (
                        <>
                          <span class="recent-searches__sep" aria-hidden="true">
                            {' · '}
                          </span>
                          <span class="visually-hidden">, </span>
                          <span class="recent-searches__filter">{part}</span>
                        </>
                      )}
                    </For>
                  </A>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
    </Suspense>
  );
}
