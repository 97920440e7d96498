import { For, type JSX } from 'solid-js';
import { ExactLink } from './ExactLink';
import { PageHeading } from './PageHeading';

export interface NotFoundLink {
  href: string;
  label: string;
}

/** The one "not found" look: the 404 page and an unknown month, category or article. */
export function NotFound(props: { title: string; children: JSX.Element; links: NotFoundLink[] }) {
  return (
    <section class="not-found">
      <PageHeading title={props.title} />
      <div class="not-found__message">{props.children}</div>
      <nav aria-label="Where to go instead">
        <ul class="link-list">
          <For each={props.links}>
            {(link) => (
              <li>
                <ExactLink href={link.href}>{link.label}</ExactLink>
              </li>
            )}
          </For>
        </ul>
      </nav>
    </section>
  );
}

/** Links offered on every "not found" page. */
export const WAYS_BACK: NotFoundLink[] = [
  { href: '/', label: 'Latest articles' },
  { href: '/archive', label: 'Browse by month' },
  { href: '/categories', label: 'Browse by category' },
  { href: '/search', label: 'Search the archive' },
];
