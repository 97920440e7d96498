import { formatLongDate, formatShortDate } from '../formatDate';

/** An article date as written by the source, machine-readable in `datetime`. */
export function ArticleDate(props: { date: string; long?: boolean }) {
  return <time datetime={props.date}>{props.long ? formatLongDate(props.date) : formatShortDate(props.date)}</time>;
}
