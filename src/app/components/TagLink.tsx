import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { Label } from '../../core/types';
import { formatArticleCount } from '../formatArticleCount';
import { tagPath } from '../routePaths';

/**
 * A tag as a link to its page, with its article count when given: "Accessibility 120" on screen,
 * "Accessibility, 120 articles" as the link's name. The name is an `aria-label` because visually
 * hidden spans inside the link make Chromium name it "Accessibility , 120 articles".
 */
export function TagLink(props: { tag: Label; count?: number }) {
  const label = () => (props.count === undefined ? undefined : `${props.tag.name}, ${formatArticleCount(props.count)}`);
  return (
    <A class="tag" href={tagPath(props.tag.slug)} aria-label={label()}>
      {props.tag.name}
      <Show when={props.count !== undefined}>
        <span class="tag__count">{props.count?.toLocaleString('en-GB')}</span>
      </Show>
    </A>
  );
}
