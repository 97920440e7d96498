import { errorMessage } from '../loadErrorAdvice';

/** The end of every load-failure message: a retry, and the error itself for whoever reports it. */
export function RetryWithDetails(props: { error: unknown; onRetry: () => void }) {
  return (
    <>
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
    </>
  );
}
