import { loadErrorAdvice } from '../loadErrorAdvice';
import { RetryWithDetails } from './RetryWithDetails';

/** Shown under the search box when the index cannot be loaded; the page around it stays usable. */
export function SearchUnavailable(props: { error: unknown; onRetry: () => void }) {
  return (
    <div class="load-error" role="alert">
      <p>
        <strong>Search is not available right now.</strong> {loadErrorAdvice(props.error)}
      </p>
      <RetryWithDetails error={props.error} onRetry={() => props.onRetry()} />
    </div>
  );
}
