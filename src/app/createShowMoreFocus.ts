import { createEffect, on } from 'solid-js';

/**
 * Focus for "Show more": call the returned function just before asking for more items; once the
 * list has grown, focus moves to the link of the first new item, so that keyboard and
 * screen-reader users carry on from there instead of back at the button.
 *
 * @param links the item links of the list, in order (e.g. its `.article-item__title a`)
 * @param length how many items the list shows
 */
export function createShowMoreFocus(links: () => ArrayLike<HTMLElement> | undefined, length: () => number): () => void {
  let firstNew: number | undefined;
  createEffect(
    on(length, (n) => {
      if (firstNew === undefined || n <= firstNew) return;
      links()?.[firstNew]?.focus();
      firstNew = undefined;
    }),
  );
  return () => {
    firstNew = length();
  };
}
