import { For } from 'solid-js';
import type { LabelSummary } from '../archive/archiveQueries';
import { TagLink } from './TagLink';

/** Tags as a wrapped list of links with their counts. */
export function TagCloud(props: { tags: LabelSummary[] }) {
  return (
    <ul class="tag-list">
      <For each={props.tags}>
        {(tag) => (
          <li>
            <TagLink tag={tag} count={tag.count} />
          </li>
        )}
      </For>
    </ul>
  );
}
