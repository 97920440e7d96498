import type { parseHTML } from 'linkedom';

type Doc = ReturnType<typeof parseHTML>['document'];
type El = NonNullable<ReturnType<Doc['querySelector']>>;

/** Text outside links an article's container holds at least. */
const MIN_TEXT = 500;
/** More of its text in links than this is navigation, not an article. */
const MAX_LINK_SHARE = 0.5;
const UNSEEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'FORM', 'BUTTON', 'SELECT']);

/**
 * The HTML of the smallest element around the headline that holds an article's worth of text
 * outside links: the article's container as a reader sees it, for pages where Readability's
 * scoring misses (text in `<div>`s without paragraphs, a login form scored higher). Null when
 * only the whole page's body would do.
 */
export function articleAroundHeadline(headline: El): string | null {
  for (let element = headline.parentElement as El | null; element; element = element.parentElement as El | null) {
    if (/^(BODY|HTML)$/i.test(element.tagName)) return null;
    const { total, inLinks } = textShares(element);
    if (total - inLinks >= MIN_TEXT && inLinks <= total * MAX_LINK_SHARE) return element.outerHTML;
  }
  return null;
}

function textShares(element: El): { total: number; inLinks: number } {
  const shares = { total: 0, inLinks: 0 };
  const walk = (node: El, inLink: boolean): void => {
    for (const child of node.childNodes as unknown as El[]) {
      if (child.nodeType === 3) {
        const length = (child.textContent ?? '').replace(/\s+/g, ' ').trim().length;
        shares.total += length;
        if (inLink) shares.inLinks += length;
      } else if (child.nodeType === 1 && !UNSEEN.has(child.tagName.toUpperCase())) {
        walk(child, inLink || child.tagName.toUpperCase() === 'A');
      }
    }
  };
  walk(element, false);
  return shares;
}
