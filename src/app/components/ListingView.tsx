import { createEffect, on } from 'solid-js';
import { LISTING_PAGE_SIZE, type ListingPage } from '../archive/archiveData';
import { ArticleList } from './ArticleList';
import { PageHeading } from './PageHeading';
import { ShowMore } from './ShowMore';

/** A category's or tag's articles so far, newest first, then "Show more" while some are left. */
export function ListingView(props: { page: ListingPage; lede: string; hideCategory?: boolean; onShowMore: () => void }) {
  let list: HTMLOListElement | undefined;
  // After "Show more", focus the first newly shown article so keyboard users carry on from there.
  let firstNew: number | undefined;
  createEffect(
    on(
      () => props.page.items.length,
      (length) => {
        if (firstNew === undefined || length <= firstNew) return;
        list?.querySelectorAll<HTMLAnchorElement>('.article-item__title a')[firstNew]?.focus();
        firstNew = undefined;
      },
    ),
  );
  const showMore = () => {
    firstNew = props.page.items.length;
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
