import { useLocation, type RouteDefinition } from '@solidjs/router';
import { NotFound, WAYS_BACK } from '../components/NotFound';

function NotFoundPage() {
  const location = useLocation();
  return (
    <NotFound title="Page not found" links={WAYS_BACK}>
      <p>
        There is no page at <code>{location.pathname}</code>. The archive’s pages are listed below.
      </p>
    </NotFound>
  );
}

export const notFoundRoute = {
  path: '*404',
  component: NotFoundPage,
} satisfies RouteDefinition;
