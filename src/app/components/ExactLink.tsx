import { useHref, useLocation, useResolvedPath } from '@solidjs/router';
import type { JSX } from 'solid-js';

/**
 * An in-app link (the router handles its clicks) marked `aria-current="page"` only when its whole
 * address, query included, is the current one. The router's `<A>` compares paths alone, so it
 * would mark every page of a paged listing (`?page=2`, `?page=5`) as the current page. `current`
 * says it outright where the caller knows.
 */
export function ExactLink(props: { href: string; rel?: string; current?: boolean; children: JSX.Element }) {
  const location = useLocation();
  const href = useHref(useResolvedPath(() => props.href));
  const target = () => new URL(props.href, 'http://app');
  const current = () => props.current ?? (location.pathname === target().pathname && location.search === target().search);
  return (
    <a href={href()} rel={props.rel} aria-current={current() ? 'page' : undefined}>
      {props.children}
    </a>
  );
}
