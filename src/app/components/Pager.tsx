import { Show, type JSX } from 'solid-js';
import type { PageSpan } from '../archive/archiveQueries';
import { ExactLink } from './ExactLink';

const number = (n: number) => n.toLocaleString('en-GB');

/** "Articles 101–200 of 10,249" (`noun` capitalised and plural), "Article 7 of 7" for one. */
export function describeSpan(span: PageSpan, noun: string): string {
  if (span.end - span.start === 1) return `${noun.replace(/s$/, '')} ${number(span.end)} of ${number(span.total)}`;
  return `${noun} ${number(span.start + 1)}–${number(span.end)} of ${number(span.total)}`;
}

/** A link to another page, or its label alone (not a link) where there is no such page. */
function PageLink(props: { page: number; span: PageSpan; href: (page: number) => string; rel?: string; children: JSX.Element; class: string }) {
  const exists = () => props.page >= 1 && props.page <= props.span.pageCount && props.page !== props.span.page;
  return (
    <li class={props.class}>
      <Show when={exists()} fallback={<span class="page-nav__off">{props.children}</span>}>
        <ExactLink href={props.href(props.page)} rel={props.rel}>
          {props.children}
        </ExactLink>
      </Show>
    </li>
  );
}

/**
 * Where the reader is in a paged listing ("Articles 101–200 of 10,249") and links to the first,
 * previous, next and last pages, the current one marked `aria-current="page"`. Nothing when the
 * listing fits one page.
 */
export function Pager(props: { span: PageSpan; noun: string; label: string; href: (page: number) => string }) {
  return (
    <Show when={props.span.pageCount > 1}>
      <nav class="page-nav" aria-label={props.label}>
        <p class="page-nav__position">{describeSpan(props.span, props.noun)}</p>
        <ul class="page-nav__links">
          <PageLink class="page-nav__first" page={1} span={props.span} href={props.href}>
            <span aria-hidden="true">« </span>First<span class="visually-hidden"> page</span>
          </PageLink>
          <PageLink class="page-nav__prev" page={props.span.page - 1} span={props.span} href={props.href} rel="prev">
            <span aria-hidden="true">‹ </span>Previous<span class="visually-hidden"> page</span>
          </PageLink>
          <li class="page-nav__current">
            <ExactLink href={props.href(props.span.page)} current>
              Page {number(props.span.page)} of {number(props.span.pageCount)}
            </ExactLink>
          </li>
          <PageLink class="page-nav__next" page={props.span.page + 1} span={props.span} href={props.href} rel="next">
            Next<span class="visually-hidden"> page</span>
            <span aria-hidden="true"> ›</span>
          </PageLink>
          <PageLink class="page-nav__last" page={props.span.pageCount} span={props.span} href={props.href}>
            Last<span class="visually-hidden"> page</span>
            <span aria-hidden="true"> »</span>
          </PageLink>
        </ul>
      </nav>
    </Show>
  );
}
