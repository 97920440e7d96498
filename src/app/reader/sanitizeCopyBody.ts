/**
 * The body of a saved copy read from an imported file, made as safe as the archive's own bodies
 * before it is ever put into the page: the file may come from anywhere, and bodies are rendered
 * as HTML. The archive's bodies went through the librarian's sanitiser (sanitize-html, see
 * `src/librarian/import/sanitizeArticleHtml.ts`); this keeps the same tags and attributes, by
 * building a new tree from an inert parse (a `<template>`), never by filtering one in place.
 *
 * Standard DOM calls only, on the document given, so that tests run it on linkedom in Node.
 */
import { IMAGE_BODY_SRC_PATTERN } from '../../core/format';

const KEPT_TAGS = new Set(
  (
    'p h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote q cite figure figcaption aside img a em strong b i u s sub sup small ' +
    'mark abbr time code pre br hr table caption thead tbody tfoot tr th td'
  ).split(' '),
);
/** Dropped with everything inside; any other tag is unwrapped to its content. */
const DROPPED_TAGS = new Set('script style textarea option noscript template iframe object embed svg math form button select'.split(' '));

const HEADING_ID = ['id'];
const KEPT_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title'],
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading'],
  h2: HEADING_ID,
  h3: HEADING_ID,
  h4: HEADING_ID,
  h5: HEADING_ID,
  h6: HEADING_ID,
  abbr: ['title'],
  time: ['datetime'],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  ol: ['start'],
};

/** An address a link may have: the web, mail, or a path in the app (no scheme, not protocol-relative). */
function isSafeHref(value: string): boolean {
  const v = value.trim();
  if (/^(https?:|mailto:)/i.test(v)) return true;
  return !/^[a-z][a-z0-9+.-]*:/i.test(v) && !v.startsWith('//') && !/[\u0000-\u001f]/.test(v);
}

function isSafeAttribute(name: string, value: string): boolean {
  if (name === 'href') return isSafeHref(value);
  if (name === 'src') return IMAGE_BODY_SRC_PATTERN.test(value) || /^https?:\/\//i.test(value.trim());
  if (name === 'srcset') return value.split(',').every((c) => IMAGE_BODY_SRC_PATTERN.test(c.trim().split(/\s+/)[0] ?? ''));
  if (name === 'loading') return value === 'lazy';
  return true;
}

function copyInto(source: Node, target: Node, doc: Document): void {
  for (const child of Array.from(source.childNodes)) {
    if (child.nodeType === 3) {
      target.appendChild(doc.createTextNode(child.textContent ?? ''));
      continue;
    }
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    const tag = element.tagName.toLowerCase();
    if (DROPPED_TAGS.has(tag)) continue;
    if (!KEPT_TAGS.has(tag)) {
      copyInto(element, target, doc);
      continue;
    }
    const kept = doc.createElement(tag);
    const allowed = KEPT_ATTRIBUTES[tag] ?? [];
    for (const { name, value } of Array.from(element.attributes)) {
      if (allowed.includes(name) && isSafeAttribute(name, value)) kept.setAttribute(name, value);
    }
    if (tag === 'figure' && element.classList.contains('image-unavailable')) kept.setAttribute('class', 'image-unavailable');
    copyInto(element, kept, doc);
    target.appendChild(kept);
  }
}

/** `html` with only what an archive body may hold (see the module comment), as HTML. */
export function sanitizeCopyBody(html: string, doc: Document): string {
  // A template's content is inert: nothing in it runs or loads while it is read.
  const template = doc.createElement('template');
  template.innerHTML = html;
  const out = doc.createElement('div');
  copyInto(template.content, out, doc);
  return out.innerHTML;
}
