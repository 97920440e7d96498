import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { searchHitToListItem } from '../archive/archiveQueries';
import { articlePath } from '../routePaths';
import type { SearchHit } from '../../search/client';
import { ArticleMeta } from './ArticleMeta';
import { HighlightedText } from './HighlightedText';

/** A search result: the title and a passage of the text with the matched words marked, then date · outlets · category. */
export function SearchHitItem(props: { hit: SearchHit; headingLevel: 2 | 3 }) {
  const item = () => searchHitToListItem(props.hit.id, props.hit);
  return (
    <li class="article-item search-hit">
      <Dynamic component={props.headingLevel === 2 ? 'h2' : 'h3'} class="article-item__title" dir="auto">
        <A href={articlePath(props.hit.date, props.hit.slug)}>
          <Show when={props.hit.titleHighlighted.length > 0} fallback={props.hit.title}>
            <HighlightedText text={props.hit.titleHighlighted} />
          </Show>
        </A>
      </Dynamic>
      <ArticleMeta item={item()} />
      <Show when={props.hit.snippet}>
        {(snippet) => (
          <p class="search-hit__snippet" dir="auto">
            <HighlightedText text={snippet()} />
          </p>
        )}
      </Show>
    </li>
  );
}
