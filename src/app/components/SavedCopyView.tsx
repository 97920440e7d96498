import { A } from '@solidjs/router';
import { createResource, Show, type JSX } from 'solid-js';
import { formatLongDate } from '../formatDate';
import { savedCopyAt } from '../reader/library';
import { localDay } from '../reader/libraryLists';
import { SAVED_PATH } from '../routePaths';
import { ArticleView } from './ArticleView';
import { PageHeading } from './PageHeading';

/**
 * An address the edition this device reads has no article at: the copy the reader saved of the
 * article that was there, said to be withdrawn from the archive, or, saved without a copy, a
 * page saying it was withdrawn; otherwise `fallback` (not found). Nothing while it looks.
 */
export function SavedCopyView(props: { month: string | undefined; slug: string; fallback: JSX.Element }) {
  const [kept] = createResource(
    () => ({ month: props.month, slug: props.slug }),
    async ({ month, slug }) => (month === undefined ? null : ((await savedCopyAt(month, slug)) ?? null)),
  );
  return (
    <Show when={kept.state === 'ready'}>
      <Show when={kept()} fallback={props.fallback}>
        {(k) => (
          <Show
            when={k().copy}
            fallback={
              <>
                <PageHeading title={k().saved.title} />
                <p class="withdrawn-notice">
                  This article is no longer in the archive: a new edition withdrew it, and no copy of it was kept on this device when you saved it. It
                  stays in your <A href={SAVED_PATH}>saved articles</A> until you remove it.
                </p>
              </>
            }
          >
            {(copy) => (
              <>
                <p class="withdrawn-notice" role="note">
                  This article is no longer in the archive: a new edition withdrew it. This is the copy kept on this device when you saved it (
                  {formatLongDate(localDay(copy().copiedAt))}).
                </p>
                <ArticleView page={copy().page} />
              </>
            )}
          </Show>
        )}
      </Show>
    </Show>
  );
}
