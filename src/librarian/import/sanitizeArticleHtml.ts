import sanitizeHtml from 'sanitize-html';

/**
 * What an article body may keep: text structure (paragraphs, headings, lists, quotes, tables),
 * links, images with their alt text, and figures. Everything else is unwrapped to its text;
 * scripts, styles, forms and embeds go with their content.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'q', 'cite',
    'figure', 'figcaption', 'img', 'a', 'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'small',
    'mark', 'abbr', 'time', 'code', 'pre', 'br', 'hr', 'table', 'caption', 'thead', 'tbody', 'tfoot',
    'tr', 'th', 'td',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    abbr: ['title'],
    time: ['datetime'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  // No javascript:, data:, vbscript: … anywhere, images included.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'button', 'select'],
  transformTags: {
    // The article title is the page's only h1.
    h1: 'h2',
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
 */
function resolveUrls(html: string, baseUrl: string | null): string {
  return html.replace(/\s(href|src)="([^"]*)"/g, (_whole, attr: string, value: string) => {
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
