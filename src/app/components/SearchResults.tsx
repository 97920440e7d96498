import { createAsync } from '@solidjs/router';
import { createEffect, For, on, Show } from 'solid-js';
import { getSearchResults, PAGE_SIZE, SEARCH_PAGE_SIZE } from '../archive/archiveData';
import { createShowMoreFocus } from '../createShowMoreFocus';
import type { SearchLocation } from '../routePaths';
import type { SearchResponse } from '../../search/client';
import { searchResultAnnouncement, searchResultCount } from '../searchResultCount';
import { DidYouMean } from './DidYouMean';
import { createSearchSnippets, SearchHitItem } from './SearchHitItem';
import { SearchSuggestions } from './SearchSuggestions';
import { ShowMore } from './ShowMore';

/**
 * The results of the search in the URL: how many, how the words were combined, the hits with
 * their matches marked (their snippets filled in as they come), "Show more" up to 100, then the
 * next hundred as a page of its own; suggestions when there are none. `onAnnounce` gets the count
 * in words each time the results change, for the page's live region; `onShown` each answer.
 */
export function SearchResults(props: {
  search: SearchLocation;
  onAnnounce: (text: string) => void;
  onShowMore: () => void;
  /** Shows `page` of the search (see `searchSpan`: past 100 results, a page starts a new hundred). */
  onPage: (page: number) => void;
  /** Each answer shown, as it is shown. */
  onShown?: (response: SearchResponse) => void;
}) {
  const results = createAsync(() => getSearchResults(props.search));
  const snippet = createSearchSnippets(() => results(), () => props.search);
  let list: HTMLOListElement | undefined;
  const links = () => list?.querySelectorAll<HTMLAnchorElement>('.article-item__title a');
  const beforeShowMore = createShowMoreFocus(links, () => results.latest?.hits.length ?? 0);
  // Another hundred: focus goes to its first result, where the reader carries on.
  let focusFirst = false;
  createEffect(
    on(
      () => results.latest?.query.offset,
      () => {
        if (!focusFirst) return;
        focusFirst = false;
        links()?.[0]?.focus();
      },
      { defer: true },
    ),
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
            <ol class="article-list search-results" ref={list} start={(r().query.offset ?? 0) + 1}>
              <For each={r().hits}>{(hit, i) => <SearchHitItem hit={hit} headingLevel={2} snippet={snippet(i())} />}</For>
            </ol>
            <ShowMore
              offset={r().query.offset ?? 0}
              shown={r().hits.length}
              total={r().total}
              pageSize={SEARCH_PAGE_SIZE}
              maxShown={PAGE_SIZE}
              onShowMore={() => {
                beforeShowMore();
                props.onShowMore();
              }}
              onBlock={(offset, whole) => {
                focusFirst = true;
                props.onPage((offset + (whole ? PAGE_SIZE : SEARCH_PAGE_SIZE)) / SEARCH_PAGE_SIZE);
              }}
            />
          </Show>
        </>
      )}
    </Show>
  );
}
