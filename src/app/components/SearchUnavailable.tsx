import { errorMessage, loadErrorAdvice } from '../loadErrorAdvice';

/** Shown under the search box when the index cannot be loaded; the page around it stays usable. */
export function SearchUnavailable(props: { error: unknown; onRetry: () => void }) {
  return (
    <div class="load-error" role="alert">
      <p>
        <strong>Search is not available right now.</strong> {loadErrorAdvice(props.error)}
      </p>
      <p>
        <button type="button" class="button" onClick={() => props.onRetry()}>
          Try again
        </button>
      </p>
      <details class="load-error__details">
        <summary>Technical details</summary>
        <p>
          <code>{errorMessage(props.error)}</code>
        </p>
      </details>
    </div>
  );
}
