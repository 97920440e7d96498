import { Show } from 'solid-js';
import type { ArticleListItem } from '../archive/archiveQueries';
import { categoryPath } from '../routePaths';
import { ArticleDate } from './ArticleDate';
import { appHref } from './ArticleListItem';

/** The line under an article's title in lists: date · outlets · category. */
export function ArticleMeta(props: { item: ArticleListItem; hideCategory?: boolean }) {
  return (
    <p class="meta">
      <ArticleDate date={props.item.date} />
      <Show when={props.item.outlets.length > 0}>
        <span class="meta__sep" aria-hidden="true">·</span>
        <span>{props.item.outlets.join(', ')}</span>
      </Show>
      <Show when={!props.hideCategory && props.item.category}>
        {(category) => (
          <>
            <span class="meta__sep" aria-hidden="true">·</span>
            <a href={appHref(categoryPath(category().slug))}>{category().name}</a>
          </>
        )}
      </Show>
    </p>
  );
}
