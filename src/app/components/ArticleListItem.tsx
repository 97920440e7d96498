import { Show } from 'solid-js';
import type { ArticleListItem as Item } from '../archive/archiveQueries';
import { articlePath } from '../routePaths';
import { ArticleMeta } from './ArticleMeta';
import { LibraryMarks } from './LibraryMarks';

const base = import.meta.env.BASE_URL.replace(/\/$/, '');

/**
 * The address of an in-app path as a plain `<a href>` needs it (the router handles the click).
 * Lists use plain links rather than the router's `<A>`, whose memos and active-state tracking cost
 * several milliseconds an item at 4× CPU, and which would mark nothing in a list anyway.
 */
export function appHref(path: string): string {
  return `${base}${path}`;
}

/** One article in a list: linked title, then date · outlets · category, the summary, then Save and how far it was read. */
export function ArticleListItem(props: { item: Item; headingLevel: 2 | 3; showSummary?: boolean; hideCategory?: boolean }) {
  const title = () => <a href={appHref(articlePath(props.item.date, props.item.slug))}>{props.item.title}</a>;
  return (
    <li class="article-item">
      <Show
        when={props.headingLevel === 3}
        fallback={
          <h2 class="article-item__title" dir="auto">
            {title()}
          </h2>
        }
      >
        <h3 class="article-item__title" dir="auto">
          {title()}
        </h3>
      </Show>
      <ArticleMeta item={props.item} hideCategory={props.hideCategory} />
      <Show when={props.showSummary && props.item.summary}>
        <p class="article-item__summary" dir="auto">{props.item.summary}</p>
      </Show>
      <LibraryMarks item={props.item} />
    </li>
  );
}
