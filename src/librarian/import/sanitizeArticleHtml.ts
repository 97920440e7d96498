import sanitizeHtml from 'sanitize-html';
import { IMAGE_BODY_SRC_PATTERN } from '../../core/format';

/**
 * A kept image's `srcset` as the librarian writes it (`images/<hash>.webp 480w, …`, see
 * `keepArticleImages.ts`): the only srcset a body may have, so that no image is ever loaded
 * from elsewhere.
 */
function isArchiveSrcset(srcset: string): boolean {
  return srcset.split(',').every((candidate) => {
    const [url, width, ...rest] = candidate.trim().split(/\s+/);
    return rest.length === 0 && IMAGE_BODY_SRC_PATTERN.test(url ?? '') && /^\d+w$/.test(width ?? '');
  });
}

/**
 * What an article body may keep: text structure (paragraphs, headings, lists, quotes, tables),
 * links, images with their alt text, and figures. Everything else is unwrapped to its text;
 * scripts, styles, forms and embeds go with their content.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'q', 'cite',
    'figure', 'figcaption', 'aside', 'img', 'a', 'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'small',
    'mark', 'abbr', 'time', 'code', 'pre', 'br', 'hr', 'table', 'caption', 'thead', 'tbody', 'tfoot',
    'tr', 'th', 'td',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    // srcset, sizes and loading: the archive's own copy of an image (see isArchiveSrcset).
    img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', { name: 'loading', multiple: false, values: ['lazy'] }],
    // Heading ids: the targets of links to a part of an article (`other-article/#audit`).
    h2: ['id'], h3: ['id'], h4: ['id'], h5: ['id'], h6: ['id'],
    abbr: ['title'],
    time: ['datetime'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  // No javascript:, data:, vbscript: … anywhere, images included.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  // An image no copy could be kept of (keepArticleImages.ts).
  allowedClasses: { figure: ['image-unavailable'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'button', 'select'],
  transformTags: {
    // The article title is the page's only h1.
    h1: 'h2',
    img: (tagName, attribs) => {
      if (attribs.srcset === undefined || isArchiveSrcset(attribs.srcset)) return { tagName, attribs };
      return { tagName, attribs: Object.fromEntries(Object.entries(attribs).filter(([name]) => name !== 'srcset' && name !== 'sizes')) };
    },
  },
  exclusiveFilter: (frame) =>
    // An image that says nothing to a reader who cannot see it is decoration: drop it.
    (frame.tag === 'img' && (!frame.attribs.alt?.trim() || !frame.attribs.src)) ||
    // Empty paragraphs and links left after the rest was removed.
    (['p', 'a', 'li', 'figure', 'blockquote'].includes(frame.tag) && !frame.text.trim() && !frame.mediaChildren.length),
};

/**
 * Makes every `href`/`src` absolute against the article's URL, so that links work from the
 * archive; an address that cannot be made absolute (relative, with no base URL) is removed.
 * The archive's own image addresses (`images/<hash>.webp`) stay as they are: they are relative to
 * the bundle, not to the article.
 */
function resolveUrls(html: string, baseUrl: string | null): string {
  return html.replace(/\s(href|src)="([^"]*)"/g, (whole, attr: string, value: string) => {
    if (attr === 'src' && IMAGE_BODY_SRC_PATTERN.test(value)) return whole;
    const raw = value.replace(/&amp;/g, '&');
    try {
      const url = baseUrl ? new URL(raw, baseUrl) : new URL(raw);
      return ` ${attr}="${url.toString().replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
    } catch {
      return '';
    }
  });
}

/**
 * Sanitises article HTML from any source (pages, feeds, exports, Markdown) with sanitize-html:
 * no script, no event-handler attribute, no `javascript:` or `data:` URL survives; paragraphs,
 * headings, lists, links, images with alt text, figures and quotes are kept. Relative links are
 * made absolute against `baseUrl` when it is known, and dropped when it is not.
 */
export function sanitizeArticleHtml(html: string, baseUrl: string | null): string {
  // First pass: structure and schemes. Second pass, after URLs are resolved: images that lost
  // their address go; a link that lost its address stays as `<a>` without href, which browsers
  // and screen readers treat as plain text.
  const first = sanitizeHtml(html, OPTIONS);
  return sanitizeHtml(resolveUrls(first, baseUrl), OPTIONS)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
