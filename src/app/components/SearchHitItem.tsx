import { A } from '@solidjs/router';
import { createEffect, createSignal, onCleanup, Show, untrack } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { getSearchSnippets, showingSearch } from '../archive/archiveData';
import { searchHitToListItem } from '../archive/archiveQueries';
import { articlePath, type SearchLocation } from '../routePaths';
import type { Highlighted, SearchAnswer, SearchHit } from '../../search/client';
import { ArticleMeta } from './ArticleMeta';
import { HighlightedText } from './HighlightedText';
import { LibraryMarks } from './LibraryMarks';

/**
 * The snippets of the answer shown, as they come (the hits paint first: see `SearchAnswer`): for
 * the hit at `i`, its snippet, null when it has none, undefined while on its way. Snippets that
 * fail to come leave their hits without (the hits are what matters); snippets stopped because
 * another search is shown keep their place until its answer replaces them. `shown` is the search on
 * screen: any other still on its way is stopped (see `showingSearch`).
 */
export function createSearchSnippets(answer: () => SearchAnswer | undefined, shown: () => SearchLocation): (i: number) => Highlighted | null | undefined {
  const [cut, setCut] = createSignal<{ answer: SearchAnswer; snippets: (Highlighted | null)[] }>();
  createEffect(() => showingSearch(shown()));
  createEffect(() => {
    const current = answer();
    // Again when the search shown changes: coming back to an answer whose snippets were stopped gets them.
    shown();
    if (!current) return;
    let live = true;
    onCleanup(() => (live = false));
    getSearchSnippets(current, () => untrack(shown)).then(
      (snippets) => live && setCut({ answer: current, snippets }),
      // Stopped because the page moved on to another search: their places wait for its answer.
      (error: unknown) => live && (error as { name?: unknown } | null)?.name !== 'AbortError' && setCut({ answer: current, snippets: current.hits.map(() => null) }),
    );
  });
  return (i) => {
    const current = answer();
    const c = cut();
    if (current?.hits[i]?.snippet !== undefined) return current.hits[i]!.snippet;
    return c && c.answer === current ? (c.snippets[i] ?? null) : undefined;
  };
}

/**
 * A search result: the title with the matched words marked, date · outlets · category, and a
 * passage of the text around the matches. The snippet comes after the rest (`undefined`: on its
 * way); its place is kept meanwhile, so that the hits below move little when it fills in, and it
 * is not announced (it is not a live region).
 */
export function SearchHitItem(props: { hit: SearchHit; headingLevel: 2 | 3; snippet?: Highlighted | null }) {
  const item = () => searchHitToListItem(props.hit.id, props.hit);
  return (
    <li class="article-item search-hit">
      <Dynamic component={props.headingLevel === 2 ? 'h2' : 'h3'} class="article-item__title" dir="auto">
        <A href={articlePath(props.hit.date, props.hit.slug)}>
          <Show when={props.hit.titleHighlighted.length > 0} fallback={props.hit.title}>
            <HighlightedText text={props.hit.titleHighlighted} />
          </Show>
        </A>
      </Dynamic>
      <ArticleMeta item={item()} />
      <Show when={props.snippet !== undefined} fallback={<p class="search-hit__snippet search-hit__snippet--pending" aria-hidden="true" />}>
        <Show when={props.snippet}>
          {(snippet) => (
            <p class="search-hit__snippet" dir="auto">
              <HighlightedText text={snippet()} />
            </p>
          )}
        </Show>
      </Show>
      <LibraryMarks item={item()} />
    </li>
  );
}
