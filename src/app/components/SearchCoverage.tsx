import { A } from '@solidjs/router';
import { onMount, Show } from 'solid-js';
import { ABOUT_PATH } from '../routePaths';
import { loadRemovedYears, removedYears } from '../pwa/storedYears';
import { afterIdle } from '../yieldToMain';

/** "2013, 2014 and 2015" */
function listYears(years: readonly string[]): string {
  return years.length < 2 ? (years[0] ?? '') : `${years.slice(0, -1).join(', ')} and ${years.at(-1)}`;
}

/**
 * On the search page, once the reader has removed years from this device: search still covers
 * every year (the index and the snippets stay whole), but those years' articles open only with a
 * connection.
 */
export function SearchCoverage() {
  onMount(() => afterIdle(() => void loadRemovedYears().catch(() => undefined)));
  return (
    <Show when={removedYears()?.length ? removedYears() : undefined}>
      {(years) => (
        <p class="search-coverage">
          Search covers every year of the archive, but the articles of {listYears(years())} are not stored on this device: they open only with a connection (
          <A href={ABOUT_PATH}>what is stored</A>).
        </p>
      )}
    </Show>
  );
}
