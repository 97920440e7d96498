import { useLocation } from '@solidjs/router';
import { createEffect, ErrorBoundary, on, Suspense, type JSX } from 'solid-js';
import { focusPageHeading } from '../focusHeadingOnNavigate';
import { LoadError } from './LoadError';
import { LoadingState } from './LoadingState';

/**
 * Wraps the routed page: a calm loading state while its data arrives, and a clear message with a
 * retry if a fetch fails (offline and not yet saved). Navigating away clears the error.
 */
export function RouteBoundary(props: { children: JSX.Element }) {
  const location = useLocation();
  return (
    <ErrorBoundary
      fallback={(error, reset) => {
        createEffect(on(() => location.pathname + location.search, () => reset(), { defer: true }));
        // Failed loads are not cached (see archiveData.ts), so rendering again fetches again.
        const retry = () => {
          reset();
          // The "Try again" button is gone: carry focus to the page (or to the error, again).
          focusPageHeading();
        };
        return <LoadError error={error} onRetry={retry} />;
      }}
    >
      <Suspense fallback={<LoadingState />}>{props.children}</Suspense>
    </ErrorBoundary>
  );
}
