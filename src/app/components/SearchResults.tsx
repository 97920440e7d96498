import { createAsync } from '@solidjs/router';
import { createEffect, For, Show } from 'solid-js';
import { getSearchResults, SEARCH_PAGE_SIZE } from '../archive/archiveData';
import { createShowMoreFocus } from '../createShowMoreFocus';
import type { SearchLocation } from '../routePaths';
import type { SearchResponse } from '../../search/client';
import { searchResultAnnouncement, searchResultCount } from '../searchResultCount';
import { DidYouMean } from './DidYouMean';
import { SearchHitItem } from './SearchHitItem';
import { SearchSuggestions } from './SearchSuggestions';
import { ShowMore } from './ShowMore';

/**
 * The results of the search in the URL: how many, how the words were combined, the hits with
 * their matches marked, and "Show more"; suggestions when there are none. `onAnnounce` gets the
 * count in words each time the results change, for the page's live region; `onShown` each answer.
 */
export function SearchResults(props: {
  search: SearchLocation;
  onAnnounce: (text: string) => void;
  onShowMore: () => void;
  /** Each answer shown, as it is shown. */
  onShown?: (response: SearchResponse) => void;
}) {
  const results = createAsync(() => getSearchResults(props.search));
  let list: HTMLOListElement | undefined;
  const beforeShowMore = createShowMoreFocus(
    () => list?.querySelectorAll<HTMLAnchorElement>('.article-item__title a'),
    () => results.latest?.hits.length ?? 0,
  );
  createEffect(() => {
    const r = results();
    if (!r) return;
    props.onAnnounce(searchResultAnnouncement(r, props.search));
    props.onShown?.(r);
  });
  return (
    <Show when={results()}>
      {(r) => (
        <>
          <p class="result-count">{searchResultCount(r(), props.search)}</p>
          <Show when={r().mode === 'any' && r().total > 0}>
            <DidYouMean search={props.search} suggestions={r().suggestions} />
          </Show>
          <Show when={r().total > 0} fallback={<SearchSuggestions search={props.search} suggestions={r().suggestions} />}>
            <ol class="article-list search-results" ref={list}>
              <For each={r().hits}>{(hit) => <SearchHitItem hit={hit} headingLevel={2} />}</For>
            </ol>
            <ShowMore
              shown={r().hits.length}
              total={r().total}
              pageSize={SEARCH_PAGE_SIZE}
              onShowMore={() => {
                beforeShowMore();
                props.onShowMore();
              }}
            />
          </Show>
        </>
      )}
    </Show>
  );
}
