import { For, Show } from 'solid-js';
import type { Label } from '../../core/types';

/** An article's tags (there are no tag pages yet, so they are plain labels). */
export function TagList(props: { tags: Label[] }) {
  return (
    <Show when={props.tags.length > 0}>
      <section class="tags" aria-labelledby="tags-heading">
        <h2 id="tags-heading">Tags</h2>
        <ul class="tag-list">
          <For each={props.tags}>{(tag) => <li class="tag">{tag.name}</li>}</For>
        </ul>
      </section>
    </Show>
  );
}
