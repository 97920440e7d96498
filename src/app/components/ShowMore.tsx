import { useIsRouting } from '@solidjs/router';
import { Show } from 'solid-js';

const number = (n: number) => n.toLocaleString('en-GB');

/**
 * "Show 20 more · Showing 1–40 of 1,248", busy while the next articles load. No more than
 * `maxShown` are ever shown at once: once they are, the next (and previous) `maxShown` are pages of
 * their own ("Next 100 results").
 */
export function ShowMore(props: {
  /** The first result shown is `offset + 1`. */
  offset: number;
  shown: number;
  total: number;
  pageSize: number;
  maxShown: number;
  onShowMore: () => void;
  /** Shows the results from `offset` on (a multiple of `maxShown`): `maxShown` of them when `whole`, else one step. */
  onBlock: (offset: number, whole: boolean) => void;
}) {
  const isRouting = useIsRouting();
  const end = () => props.offset + props.shown;
  const more = () => Math.min(props.pageSize, props.total - end(), props.maxShown - props.shown);
  const nextBlock = () => Math.min(props.maxShown, props.total - end());
  return (
    <Show when={props.offset > 0 || end() < props.total}>
      <div class="show-more">
        <p>
          <Show when={more() > 0}>
            <button type="button" class="button" onClick={() => props.onShowMore()} disabled={isRouting()} aria-busy={isRouting()}>
              {isRouting() ? 'Loading…' : `Show ${more()} more`}
            </button>{' '}
          </Show>
          <span class="muted">
            Showing {props.offset > 0 ? `${number(props.offset + 1)}–${number(end())}` : number(props.shown)} of {number(props.total)}
          </span>
        </p>
        <Show when={props.offset > 0 || (more() === 0 && end() < props.total)}>
          <nav class="show-more__pages" aria-label="More results">
            <Show when={props.offset > 0}>
              <button type="button" class="button button--quiet" onClick={() => props.onBlock(Math.max(0, props.offset - props.maxShown), true)} disabled={isRouting()}>
                Previous {number(props.maxShown)} results
              </button>
            </Show>
            <Show when={more() === 0 && end() < props.total}>
              <button type="button" class="button" onClick={() => props.onBlock(props.offset + props.maxShown, false)} disabled={isRouting()}>
                Next {number(nextBlock())} results
              </button>
            </Show>
          </nav>
        </Show>
      </div>
    </Show>
  );
}
