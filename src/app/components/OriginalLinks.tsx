import { For, Show } from 'solid-js';
import type { Source } from '../../core/types';
import { hostName } from '../archive/describeSources';

/** The list of original publications with a known address. */
export function OriginalLinks(props: { sources: Source[] }) {
  const withUrl = () => props.sources.filter((s): s is Source & { url: string } => s.url !== null);
  return (
    <section class="originals" aria-labelledby="originals-heading">
      <h2 id="originals-heading">Originals</h2>
      <Show when={withUrl().length > 0} fallback={<p>We do not know where this article was first published online.</p>}>
        <ul class="link-list">
          <For each={withUrl()}>
            {(source) => (
              <li>
                <a href={source.url}>{source.outlet ?? 'A site not named in our copy'}</a>{' '}
                <span class="muted">({hostName(source.url)})</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
