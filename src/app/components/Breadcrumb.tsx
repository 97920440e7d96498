import { A } from '@solidjs/router';
import { For } from 'solid-js';
import type { PeriodLink } from './PeriodPager';

/**
 * The pages above this one (Archive › 2017), as links. Not a list, so that the page's only list
 * items are its articles.
 */
export function Breadcrumb(props: { links: PeriodLink[] }) {
  return (
    <nav class="breadcrumb" aria-label="Breadcrumb">
      <For each={props.links}>
        {(link, i) => (
          <>
            {i() > 0 && <span aria-hidden="true"> › </span>}
            <A href={link.href}>{link.label}</A>
          </>
        )}
      </For>
    </nav>
  );
}
