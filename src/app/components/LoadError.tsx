import { loadErrorAdvice } from '../loadErrorAdvice';
import { PageHeading } from './PageHeading';
import { RetryWithDetails } from './RetryWithDetails';

/** What a route shows when its data failed to load: a plain explanation, a retry, the details. */
export function LoadError(props: { error: unknown; onRetry: () => void }) {
  return (
    <section class="load-error" role="alert">
      <PageHeading title="This page could not be loaded" />
      <p>{loadErrorAdvice(props.error)}</p>
      <RetryWithDetails error={props.error} onRetry={() => props.onRetry()} />
    </section>
  );
}
