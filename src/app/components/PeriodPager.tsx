import { A } from '@solidjs/router';
import { Show } from 'solid-js';

/** A neighbouring period (month or year) to link to. */
export interface PeriodLink {
  href: string;
  label: string;
}

/** Links to the nearest older and newer months (or years) that hold articles, and to all of them. */
export function PeriodPager(props: { label: string; older?: PeriodLink; newer?: PeriodLink; all: PeriodLink }) {
  return (
    <nav class="pager" aria-label={props.label}>
      <Show when={props.older}>
        {(older) => (
          <A href={older().href} class="pager__older" rel="prev">
            <span aria-hidden="true">← </span>
            <span class="visually-hidden">Older: </span>
            {older().label}
          </A>
        )}
      </Show>
      <A href={props.all.href} class="pager__all">
        {props.all.label}
      </A>
      <Show when={props.newer}>
        {(newer) => (
          <A href={newer().href} class="pager__newer" rel="next">
            <span class="visually-hidden">Newer: </span>
            {newer().label}
            <span aria-hidden="true"> →</span>
          </A>
        )}
      </Show>
    </nav>
  );
}
