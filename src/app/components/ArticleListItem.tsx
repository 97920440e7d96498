import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { ArticleListItem as Item } from '../archive/archiveQueries';
import { articlePath, categoryPath } from '../routePaths';
import { ArticleDate } from './ArticleDate';

/** One article in a list: linked title, then date · outlets · category, then the summary. */
export function ArticleListItem(props: { item: Item; headingLevel: 2 | 3; showSummary?: boolean; hideCategory?: boolean }) {
  return (
    <li class="article-item">
      <Dynamic component={props.headingLevel === 2 ? 'h2' : 'h3'} class="article-item__title" dir="auto">
        <A href={articlePath(props.item.date, props.item.slug)}>{props.item.title}</A>
      </Dynamic>
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
              <A href={categoryPath(category().slug)}>{category().name}</A>
            </>
          )}
        </Show>
      </p>
      <Show when={props.showSummary && props.item.summary}>
        <p class="article-item__summary" dir="auto">{props.item.summary}</p>
      </Show>
    </li>
  );
}
