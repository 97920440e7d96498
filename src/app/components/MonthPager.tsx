import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { MonthKey } from '../../core/types';
import { formatMonth } from '../formatDate';
import { monthPath } from '../routePaths';

/** Links to the nearest older and newer months that hold articles. */
export function MonthPager(props: { older?: MonthKey; newer?: MonthKey }) {
  return (
    <nav class="pager" aria-label="Other months">
      <Show when={props.older}>
        {(month) => (
          <A href={monthPath(month())} class="pager__older" rel="prev">
            <span aria-hidden="true">← </span>
            <span class="visually-hidden">Older: </span>
            {formatMonth(month())}
          </A>
        )}
      </Show>
      <A href="/archive" class="pager__all">
        All months
      </A>
      <Show when={props.newer}>
        {(month) => (
          <A href={monthPath(month())} class="pager__newer" rel="next">
            <span class="visually-hidden">Newer: </span>
            {formatMonth(month())}
            <span aria-hidden="true"> →</span>
          </A>
        )}
      </Show>
    </nav>
  );
}
