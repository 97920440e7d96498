import { For, Show } from 'solid-js';
import type { Label } from '../../core/types';
import { TagLink } from './TagLink';

/** An article's tags, each linking to its tag page. */
export function TagList(props: { tags: Label[] }) {
  return (
    <Show when={props.tags.length > 0}>
      <section class="tags" aria-labelledby="tags-heading">
        <h2 id="tags-heading">Tags</h2>
        <ul class="tag-list">
          <For each={props.tags}>
            {(tag) => (
              <li>
                <TagLink tag={tag} />
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
