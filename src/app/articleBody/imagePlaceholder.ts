/**
 * The calm stand-in for a picture the reader cannot see: a framed box with a picture glyph drawn
 * in CSS (no request, so it works offline), the picture's description, and a line saying why,
 * with a link to the original when there is one. Never the browser's broken-image icon.
 */
import { classifyLink, markExternalLink } from './classifyLink';

/** Why the picture is not shown. */
export type PlaceholderReason =
  /** The archive has no copy (the librarian's `figure.image-unavailable`, or a remote address). */
  | 'not-kept'
  /** The archive has a copy, but this device could not read it. */
  | 'not-loaded';

export interface PlaceholderContent {
  /** The picture's description (its alt text); may be empty for a decorative picture. */
  alt: string;
  /** Where the original picture (or its article) is on the web. */
  href?: string;
  reason: PlaceholderReason;
}

const NOTES: Record<PlaceholderReason, string> = {
  'not-kept': 'Picture not kept in the archive.',
  'not-loaded': 'Picture could not be shown on this device.',
};

/**
 * The placeholder as one inline-level element (a `<span>` styled as a box), so that it may stand
 * wherever an `<img>` stood, inside a paragraph or a link too.
 */
export function imagePlaceholder(doc: Document, content: PlaceholderContent): HTMLElement {
  const box = doc.createElement('span');
  box.className = 'image-placeholder';
  const glyph = doc.createElement('span');
  glyph.className = 'image-placeholder__glyph';
  glyph.setAttribute('aria-hidden', 'true');
  box.append(glyph);
  if (content.alt) {
    const alt = doc.createElement('span');
    alt.className = 'image-placeholder__alt';
    alt.textContent = content.alt;
    box.append(alt);
  }
  const note = doc.createElement('span');
  note.className = 'image-placeholder__note';
  note.textContent = NOTES[content.reason];
  if (content.href && classifyLink(content.href) === 'external') {
    note.append(' ', originalLink(doc, content.href));
  }
  box.append(note);
  return box;
}

function originalLink(doc: Document, href: string): HTMLElement {
  const link = doc.createElement('a');
  link.setAttribute('href', href);
  link.textContent = 'View the original';
  markExternalLink(link);
  return link;
}

/**
 * Replaces a picture that failed to load with the placeholder. A remote picture is one the
 * archive never kept (its original is linked); a picture inside a link gets no second link, as
 * links may not nest.
 */
export function replaceBrokenImage(img: HTMLImageElement): HTMLElement {
  const src = img.getAttribute('src') ?? '';
  const remote = classifyLink(src) === 'external';
  const insideLink = img.closest('a') !== null;
  const placeholder = imagePlaceholder(img.ownerDocument, {
    alt: (img.getAttribute('alt') ?? '').trim(),
    href: remote && !insideLink ? src : undefined,
    reason: remote ? 'not-kept' : 'not-loaded',
  });
  img.replaceWith(placeholder);
  return placeholder;
}
