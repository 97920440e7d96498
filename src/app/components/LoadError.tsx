import { errorMessage, loadErrorAdvice } from '../loadErrorAdvice';
import { PageHeading } from './PageHeading';

/** What a route shows when its data failed to load: a plain explanation, a retry, the details. */
export function LoadError(props: { error: unknown; onRetry: () => void }) {
  return (
    <section class="load-error" role="alert">
      <PageHeading title="This page could not be loaded" />
      <p>{loadErrorAdvice(props.error)}</p>
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
    </section>
  );
}
