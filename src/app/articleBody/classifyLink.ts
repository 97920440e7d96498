/**
 * What a link in an article body is: `app` for an address inside the reader (`/articles/…`, which
 * the librarian writes for links to archived articles), `external` for a page on the web (it needs
 * a connection), `other` for the rest (`#notes`, `mailto:`), which the browser handles as it is.
 */
export type LinkKind = 'app' | 'external' | 'other';

/** Classifies an `href` as written in the body (see {@link LinkKind}). */
export function classifyLink(href: string): LinkKind {
  const trimmed = href.trim();
  // `//host/path` is protocol-relative: another site, not an app path.
  if (trimmed.startsWith('//')) return 'external';
  if (trimmed.startsWith('/')) return 'app';
  if (/^https?:/i.test(trimmed)) return 'external';
  return 'other';
}

/** Screen readers hear this after a link that leaves the archive (the cue itself is only drawn). */
export const EXTERNAL_LINK_HINT = ' (opens the original site)';

/**
 * Marks a link as leaving the archive: the class that draws the cue, the words that say it, and
 * `rel` so the original site gets neither the opener nor the archive's address.
 */
export function markExternalLink(link: Element): void {
  link.classList.add('external-link');
  link.setAttribute('rel', 'noopener noreferrer');
  if (link.querySelector('.external-link__hint')) return;
  const hint = link.ownerDocument.createElement('span');
  hint.className = 'visually-hidden external-link__hint';
  hint.textContent = EXTERNAL_LINK_HINT;
  link.append(hint);
}
