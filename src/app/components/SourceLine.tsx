import { For, Match, Show, Switch } from 'solid-js';
import type { Source } from '../../core/types';
import { describeSources, hostName } from '../archive/describeSources';

/**
 * "Published by Arab News, PhotoNews Pakistan. Also published on a site not named in our copy
 * (example.org)." Each outlet links to its original when the URL is known.
 */
export function SourceLine(props: { sources: Source[] }) {
  const described = () => describeSources(props.sources);
  return (
    <p class="sources">
      <Show when={described().named.length > 0}>
        Published by{' '}
        <For each={described().named}>
          {(source, i) => (
            <>
              {i() > 0 ? ', ' : ''}
              <Show when={source.url} fallback={source.outlet}>
                {(url) => <a href={url()}>{source.outlet}</a>}
              </Show>
            </>
          )}
        </For>
        .{' '}
      </Show>
      <For each={described().unnamed}>
        {(source, i) => (
          <>
            <Switch>
              <Match when={described().named.length > 0 || i() > 0}>Also published on a site not named in our copy</Match>
              <Match when={true}>Published on a site not named in our copy</Match>
            </Switch>
            <Show when={source.url}>{(url) => <> (<a href={url()}>{hostName(url())}</a>)</>}</Show>.{' '}
          </>
        )}
      </For>
    </p>
  );
}
