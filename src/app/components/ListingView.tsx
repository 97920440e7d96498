import { Show, type JSX } from 'solid-js';
import type { ArticleListItem, PageSpan } from '../archive/archiveQueries';
import { pageExists } from '../archive/archiveQueries';
import { ArticleList } from './ArticleList';
import { MissingPage } from './MissingPage';
import { PageHeading } from './PageHeading';
import { Pager } from './Pager';

/**
 * A page of a paged article listing (a month, a category, a tag): heading, lede, the page's
 * articles and the pager; a page number past the last shows what pages there are instead.
 */
export function ListingView(props: {
  title: string;
  /** The line under the heading ("12 articles, newest first."); the page is added when there are several. */
  lede: string;
  span: PageSpan;
  items: ArticleListItem[];
  href: (page: number) => string;
  /** On a category's own page, naming the category on every article says nothing. */
  hideCategory?: boolean;
  /** Above the heading (a breadcrumb). */
  before?: JSX.Element;
  /** Below the pager (links to neighbouring months). */
  after?: JSX.Element;
}) {
  const paged = () => props.span.pageCount > 1;
  const pageOf = () => `page ${props.span.page.toLocaleString('en-GB')} of ${props.span.pageCount.toLocaleString('en-GB')}`;
  return (
    <Show when={pageExists(props.span)} fallback={<MissingPage what={props.title} span={props.span} href={props.href} />}>
      {props.before}
      <PageHeading title={props.title} documentTitle={paged() ? `${props.title}, ${pageOf()}` : undefined} />
      <p class="lede">
        {props.lede}
        {paged() ? ` Page ${pageOf().slice(5)}.` : ''}
      </p>
      <ArticleList items={props.items} showSummary hideCategory={props.hideCategory} />
      <Pager span={props.span} noun="Articles" label={`Pages of ${props.title}`} href={props.href} />
      {props.after}
    </Show>
  );
}
