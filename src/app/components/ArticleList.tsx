import { For } from 'solid-js';
import type { ArticleListItem as Item } from '../archive/archiveQueries';
import { ArticleListItem } from './ArticleListItem';

/** A list of articles in the order given. */
export function ArticleList(props: {
  items: Item[];
  headingLevel?: 2 | 3;
  showSummary?: boolean;
  /** On a category's own page, naming the category on every article says nothing. */
  hideCategory?: boolean;
  ref?: HTMLOListElement;
}) {
  return (
    <ol class="article-list" ref={props.ref}>
      <For each={props.items}>
        {(item) => <ArticleListItem item={item} headingLevel={props.headingLevel ?? 2} showSummary={props.showSummary} hideCategory={props.hideCategory} />}
      </For>
    </ol>
  );
}
