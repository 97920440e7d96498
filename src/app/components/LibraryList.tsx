import { useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo } from 'solid-js';
import { PAGE_SIZE, SEARCH_PAGE_SIZE } from '../archive/archiveData';
import { createShowMoreFocus } from '../createShowMoreFocus';
import type { KeepFocusState } from '../focusHeadingOnNavigate';
import { checkEdition } from '../reader/library';
import { listItemFromRef } from '../reader/libraryLists';
import type { ArticleRef } from '../reader/readerDb';
import { pagedPath, pagesFromQuery } from '../routePaths';
import { searchResultSpan } from '../searchResultCount';
import { ArticleList } from './ArticleList';
import { ShowMore } from './ShowMore';

const KEEP_FOCUS: KeepFocusState = { keepFocus: true };

/**
 * One of the reader's own lists (saved, history), in the order given: 20 at first and "Show more"
 * 20 at a time, the pages shown in the address (`?page=3`, as search results), at most 100 at once.
 */
export function LibraryList(props: {
  refs: readonly ArticleRef[];
  path: string;
  /** Look each article shown up in the edition (each reads its month's data or slug file), so that one withdrawn says so. */
  checkWithdrawn?: boolean;
}) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const pages = () => pagesFromQuery(params.page);
  const span = () => searchResultSpan(pages(), SEARCH_PAGE_SIZE, PAGE_SIZE);
  const shown = createMemo(() => props.refs.slice(span().offset, span().offset + span().limit));
  const items = createMemo(() => shown().map(listItemFromRef));
  createEffect(() => props.checkWithdrawn && void checkEdition(shown()));
  let list: HTMLOListElement | undefined;
  const beforeShowMore = createShowMoreFocus(() => list?.querySelectorAll<HTMLAnchorElement>('.article-item__title a'), () => items().length);
  const toPages = (n: number, replace: boolean) => navigate(pagedPath(props.path, n), { replace, scroll: false, state: KEEP_FOCUS });
  return (
    <>
      <ArticleList items={items()} showSummary ref={list} />
      <ShowMore
        offset={span().offset}
        shown={items().length}
        total={props.refs.length}
        pageSize={SEARCH_PAGE_SIZE}
        maxShown={PAGE_SIZE}
        onShowMore={() => {
          beforeShowMore();
          toPages(pages() + 1, true);
        }}
        onBlock={(offset, whole) => toPages((offset + (whole ? PAGE_SIZE : SEARCH_PAGE_SIZE)) / SEARCH_PAGE_SIZE, false)}
      />
    </>
  );
}
