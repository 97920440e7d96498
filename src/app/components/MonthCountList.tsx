import { A } from '@solidjs/router';
import { For } from 'solid-js';
import type { MonthCount } from '../archive/archiveQueries';
import { formatArticleCount } from '../formatArticleCount';
import { formatMonthName } from '../formatDate';
import { monthPath } from '../routePaths';

/** Months of one year, each a link with its article count (the year is spoken, not shown). */
export function MonthCountList(props: { year: number; months: MonthCount[] }) {
  return (
    <ul class="month-list">
      <For each={props.months}>
        {(m) => (
          <li>
            <A href={monthPath(m.month)}>
              {formatMonthName(m.month)}
              <span class="visually-hidden"> {props.year}</span>
            </A>
            <span class="count">{formatArticleCount(m.count)}</span>
          </li>
        )}
      </For>
    </ul>
  );
}
