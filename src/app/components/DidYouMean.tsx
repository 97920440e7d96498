import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { searchFilters, searchPath, type SearchLocation } from '../routePaths';

/** "Did you mean “raqqa” or “raqa”?", each a link to that search with the same filters. */
export function DidYouMean(props: { search: SearchLocation; suggestions: string[] }) {
  const last = () => props.suggestions.length - 1;
  return (
    <Show when={props.suggestions.length > 0}>
      <p class="did-you-mean">
        Did you mean{' '}
        <For each={props.suggestions}>
          {(suggestion, i) => (
            <>
              <A href={searchPath({ ...searchFilters(props.search), q: suggestion })} dir="auto">
                “{suggestion}”
              </A>
              {i() === last() ? '' : i() === last() - 1 ? ' or ' : ', '}
            </>
          )}
        </For>
        ?
      </p>
    </Show>
  );
}
