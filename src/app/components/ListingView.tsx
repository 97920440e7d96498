import { LISTING_PAGE_SIZE, type ListingPage } from '../archive/archiveData';
import { createShowMoreFocus } from '../createShowMoreFocus';
import { ArticleList } from './ArticleList';
import { PageHeading } from './PageHeading';
import { ShowMore } from './ShowMore';

/** A category's or tag's articles so far, newest first, then "Show more" while some are left. */
export function ListingView(props: { page: ListingPage; lede: string; hideCategory?: boolean; onShowMore: () => void }) {
  let list: HTMLOListElement | undefined;
  const beforeShowMore = createShowMoreFocus(
    () => list?.querySelectorAll<HTMLAnchorElement>('.article-item__title a'),
    () => props.page.items.length,
  );
  const showMore = () => {
    beforeShowMore();
    props.onShowMore();
  };
  return (
    <>
      <PageHeading title={props.page.label.name} />
      <p class="lede">{props.lede}</p>
      <ArticleList items={props.page.items} showSummary hideCategory={props.hideCategory} ref={list} />
      <ShowMore shown={props.page.items.length} total={props.page.label.count} pageSize={LISTING_PAGE_SIZE} onShowMore={showMore} />
    </>
  );
}
