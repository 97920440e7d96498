import { useIsRouting } from '@solidjs/router';
import { Show } from 'solid-js';

/** "Show 20 more · Showing 20 of 48", busy while the next articles load. */
export function ShowMore(props: { shown: number; total: number; pageSize: number; onShowMore: () => void }) {
  const isRouting = useIsRouting();
  return (
    <Show when={props.shown < props.total}>
      <p class="show-more">
        <button type="button" class="button" onClick={() => props.onShowMore()} disabled={isRouting()} aria-busy={isRouting()}>
          {isRouting() ? 'Loading…' : `Show ${Math.min(props.pageSize, props.total - props.shown)} more`}
        </button>{' '}
        <span class="muted">
          Showing {props.shown} of {props.total}
        </span>
      </p>
    </Show>
  );
}
