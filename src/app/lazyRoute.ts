import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';

/**
 * A route whose page comes in a chunk of its own, fetched the first time the router matches it
 * (its preload starts the fetch; the page's own queries run once it is in). Pages that are rarely
 * the first view are kept out of the code that every first view parses and runs. `path` must be
 * the one the page's module declares: the router matches before the module is loaded.
 */
export function lazyRoute(path: string, load: () => Promise<RouteDefinition>): RouteDefinition {
  let loading: Promise<RouteDefinition> | undefined;
  const route = () =>
    (loading ??= load().then(
      (loaded) => {
        if (loaded.path !== path) throw new Error(`reader: the route for ${path} was loaded as ${String(loaded.path)}`);
        return loaded;
      },
      (error: unknown) => {
        // A chunk that could not be fetched (offline before it was saved) is asked for again next time.
        loading = undefined;
        throw error;
      },
    ));
  return {
    path,
    component: lazy(async () => ({ default: (await route()).component! })),
    preload: (args) => {
      // The router's params and location change with the next navigation (and read as the page
      // before while a navigation is under way): the page's preload gets them as they are now.
      const now = { ...args, params: { ...args.params }, location: { ...args.location, query: { ...args.location.query } } };
      void route().then((loaded) => loaded.preload?.(now), () => undefined);
    },
  };
}
