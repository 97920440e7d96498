import type { PageSpan } from '../archive/archiveQueries';
import { NotFound, WAYS_BACK } from './NotFound';

/** A page number past the last page of a listing (`?page=90` of a listing with 12 pages). */
export function MissingPage(props: { what: string; span: PageSpan; href: (page: number) => string }) {
  return (
    <NotFound
      title="Page not found"
      links={[
        { href: props.href(props.span.pageCount), label: `Last page of ${props.what}` },
        { href: props.href(1), label: `First page of ${props.what}` },
        ...WAYS_BACK,
      ]}
    >
      <p>
        {props.what} has {props.span.pageCount.toLocaleString('en-GB')} {props.span.pageCount === 1 ? 'page' : 'pages'}; there is no page{' '}
        {props.span.page.toLocaleString('en-GB')}.
      </p>
    </NotFound>
  );
}
