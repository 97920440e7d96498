import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { ArticleListItem as Item } from '../archive/archiveQueries';
import { articlePath } from '../routePaths';
import { ArticleMeta } from './ArticleMeta';

/** One article in a list: linked title, then date · outlets · category, then the summary. */
export function ArticleListItem(props: { item: Item; headingLevel: 2 | 3; showSummary?: boolean; hideCategory?: boolean }) {
  return (
    <li class="article-item">
      <Dynamic component={props.headingLevel === 2 ? 'h2' : 'h3'} class="article-item__title" dir="auto">
        <A href={articlePath(props.item.date, props.item.slug)}>{props.item.title}</A>
      </Dynamic>
      <ArticleMeta item={props.item} hideCategory={props.hideCategory} />
      <Show when={props.showSummary && props.item.summary}>
        <p class="article-item__summary" dir="auto">{props.item.summary}</p>
      </Show>
    </li>
  );
}
