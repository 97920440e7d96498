import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { hasSearchFilters, searchPath, type SearchLocation } from '../routePaths';
import { DidYouMean } from './DidYouMean';
import { SearchTips } from './SearchTips';

/**
 * What a search that found nothing offers instead: the index's suggestions ("Did you mean …?",
 * filters kept), the same words without the filters, and tips.
 */
export function SearchSuggestions(props: { search: SearchLocation; suggestions: string[]; tips?: boolean }) {
  return (
    <div class="no-results">
      <DidYouMean search={props.search} suggestions={props.suggestions} />
      <Show when={hasSearchFilters(props.search)}>
        <p>
          <A href={searchPath({ q: props.search.q })}>{props.search.q ? `Search all articles for “${props.search.q}”` : 'Show all articles'}</A>
        </p>
      </Show>
      <Show when={props.tips !== false}>
        <SearchTips />
      </Show>
    </div>
  );
}
