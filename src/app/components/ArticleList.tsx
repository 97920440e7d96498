import { createSignal, createEffect, For, on, onCleanup } from 'solid-js';
import type { ArticleListItem as Item } from '../archive/archiveQueries';
import { ArticleListItem } from './ArticleListItem';

/** Items rendered with the page: more than a phone's screen shows. */
export const FIRST_ITEMS = 12;
/** The rest follow this many at a time, each in a task of its own after a frame is painted. */
export const LATER_ITEMS = 22;

/**
 * A list of articles in the order given. A long list (a page of a month is 100 articles) is
 * rendered in slices: the first {@link FIRST_ITEMS} with the page, so that it is painted without
 * waiting for the rest, then {@link LATER_ITEMS} more after each frame, so that no task renders
 * the whole list (at 4× CPU a hundred items are a task of several hundred milliseconds).
 */
export function ArticleList(props: {
  items: Item[];
  headingLevel?: 2 | 3;
  showSummary?: boolean;
  /** On a category's own page, naming the category on every article says nothing. */
  hideCategory?: boolean;
  ref?: HTMLOListElement;
}) {
  const [shown, setShown] = createSignal(FIRST_ITEMS);
  createEffect(
    on(
      () => props.items,
      (items) => {
        setShown(FIRST_ITEMS);
        let frame = 0;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const more = () => {
          const next = shown() + LATER_ITEMS;
          setShown(next);
          if (next < items.length) frame = requestAnimationFrame(() => (timer = setTimeout(more)));
        };
        if (items.length > FIRST_ITEMS) frame = requestAnimationFrame(() => (timer = setTimeout(more)));
        onCleanup(() => {
          cancelAnimationFrame(frame);
          clearTimeout(timer);
        });
      },
    ),
  );
  const visible = () => (props.items.length > shown() ? props.items.slice(0, shown()) : props.items);
  return (
    <ol class="article-list" ref={props.ref}>
      <For each={visible()}>
        {(item) => <ArticleListItem item={item} headingLevel={props.headingLevel ?? 2} showSummary={props.showSummary} hideCategory={props.hideCategory} />}
      </For>
    </ol>
  );
}
