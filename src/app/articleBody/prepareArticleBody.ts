/**
 * An article body made ready to read on a phone, applied to the parsed (still inert) body before
 * it goes into the page: tables in a scroll container of their own, code blocks reachable by
 * keyboard, archived pictures addressed at the bundle, pictures the archive did not keep shown as
 * a calm placeholder, and every link marked as staying in the app or leaving the archive.
 *
 * Standard DOM calls only, on whatever document owns the nodes, so that the unit tests run it on
 * linkedom in Node and the app on the page's own document.
 */
import { imagePlaceholder } from './imagePlaceholder';
import { classifyLink, markExternalLink } from './classifyLink';

/** Where the article's addresses lead, as the app knows them. */
export interface ArticleBodyOptions {
  /**
   * The absolute path of the bundle directory, ending in `/` (`/bundle/`): a picture's relative
   * address (`images/x.webp`) is relative to the bundle root by the librarian's contract.
   */
  bundleBase: string;
  /** The router's base, ending in `/` (Vite's `BASE_URL`): in-app links are relative to it. */
  appBase: string;
}

/** The accessible name of a table's scroll container stays a name, not a paragraph. */
const TABLE_NAME_MAX = 60;

/**
 * Rewrites the body under `root` in place (see the module comment). Idempotent: running it twice
 * changes nothing more, so a re-render cannot wrap a table twice.
 */
export function prepareArticleBody(root: ParentNode, options: ArticleBodyOptions): void {
  repairLists(root);
  for (const table of root.querySelectorAll('table')) wrapTable(table);
  for (const pre of root.querySelectorAll('pre')) makeKeyboardScrollable(pre);
  for (const img of root.querySelectorAll('img')) addressImage(img, options.bundleBase);
  for (const figure of root.querySelectorAll('figure.image-unavailable')) showUnavailableFigure(figure);
  for (const link of root.querySelectorAll('a[href]')) markLink(link, options.appBase);
}

const LIST = new Set(['ul', 'ol', 'menu']);

/**
 * Gives list items a list and lists only items, as screen readers need to count them: some
 * sources' bodies hold `<li>` straight in the body (their `<ul>` lost on the way) or a `<ul>`
 * straight in a `<ul>`. Orphan items in a row get one `<ul>`; anything else in a list joins the
 * item before it, or gets an item of its own.
 */
function repairLists(root: ParentNode): void {
  for (const item of [...root.querySelectorAll('li')]) {
    const parent = item.parentElement;
    if (parent && LIST.has(parent.tagName.toLowerCase())) continue;
    const list = item.ownerDocument.createElement('ul');
    item.before(list);
    for (let next: Element | null = item; next?.tagName.toLowerCase() === 'li'; ) {
      const after: Element | null = skipBlankText(next.nextSibling);
      list.append(next);
      next = after;
    }
  }
  for (const list of root.querySelectorAll('ul, ol, menu')) {
    for (const child of [...list.children]) {
      if (child.tagName.toLowerCase() === 'li') continue;
      const previous = child.previousElementSibling;
      if (previous?.tagName.toLowerCase() === 'li') previous.append(child);
      else {
        const item = child.ownerDocument.createElement('li');
        child.replaceWith(item);
        item.append(child);
      }
    }
  }
}

/** The next element sibling, if only blank text lies between; else null. */
function skipBlankText(node: ChildNode | null): Element | null {
  let current = node;
  while (current && current.nodeType === 3 && (current.textContent ?? '').trim() === '') current = current.nextSibling;
  return current && current.nodeType === 1 ? (current as Element) : null;
}

function wrapTable(table: Element): void {
  if (table.parentElement?.classList.contains('table-scroll')) return;
  const doc = table.ownerDocument;
  const scroller = doc.createElement('div');
  scroller.className = 'table-scroll';
  // Focusable so that keyboard users can scroll it (WCAG 2.1.1; axe's scrollable-region-focusable),
  // and a named region so that the focus stop says what it is.
  scroller.setAttribute('tabindex', '0');
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', `Table: ${tableName(table)}`);
  table.replaceWith(scroller);
  scroller.append(table);
}

/** The table's caption, else its first header cell, else its first cell, shortened. */
export function tableName(table: Element): string {
  const candidates = [table.querySelector('caption'), table.querySelector('th'), table.querySelector('td')];
  for (const element of candidates) {
    const text = (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) return text.length > TABLE_NAME_MAX ? `${text.slice(0, TABLE_NAME_MAX - 1).trimEnd()}…` : text;
  }
  return 'untitled';
}

function makeKeyboardScrollable(pre: Element): void {
  // A long line scrolls inside the block; without a focus stop keyboard users could not reach it.
  if (!pre.hasAttribute('tabindex')) pre.setAttribute('tabindex', '0');
}

function addressImage(img: Element, bundleBase: string): void {
  const src = img.getAttribute('src');
  if (src !== null) img.setAttribute('src', bundleAddress(src, bundleBase));
  const srcset = img.getAttribute('srcset');
  if (srcset !== null) img.setAttribute('srcset', bundleSrcset(srcset, bundleBase));
  if (!img.hasAttribute('loading')) img.setAttribute('loading', 'lazy');
  img.setAttribute('decoding', 'async');
}

/**
 * A picture's address as the page must ask for it. Relative addresses are relative to the bundle
 * root (left as they are they would resolve under `/articles/YYYY/MM/`, which never holds one);
 * absolute, root-relative, protocol-relative and `data:` addresses are left alone.
 */
export function bundleAddress(address: string, bundleBase: string): string {
  const trimmed = address.trim();
  if (trimmed === '' || /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('/') || trimmed.startsWith('#')) return address;
  return `${bundleBase}${trimmed.replace(/^\.\//, '')}`;
}

/** Every candidate of a `srcset` through {@link bundleAddress}, descriptors kept. */
export function bundleSrcset(srcset: string, bundleBase: string): string {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim())
    .filter((candidate) => candidate !== '')
    .map((candidate) => {
      const [address = '', ...descriptors] = candidate.split(/\s+/);
      return [bundleAddress(address, bundleBase), ...descriptors].join(' ');
    })
    .join(', ');
}

/**
 * `<figure class="image-unavailable"><a href="…">alt</a><figcaption>…</figcaption></figure>`,
 * the librarian's mark for a picture it could not keep, becomes the placeholder with the caption
 * kept below it.
 */
function showUnavailableFigure(figure: Element): void {
  if (figure.querySelector('.image-placeholder')) return;
  const link = [...figure.children].find((child) => child.tagName.toLowerCase() === 'a');
  const alt = (link?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const placeholder = imagePlaceholder(figure.ownerDocument, { alt, href: link?.getAttribute('href') ?? undefined, reason: 'not-kept' });
  if (link) link.replaceWith(placeholder);
  else figure.prepend(placeholder);
}

function markLink(link: Element, appBase: string): void {
  const href = link.getAttribute('href') ?? '';
  const kind = classifyLink(href);
  if (kind === 'app') {
    // The librarian writes in-app addresses from the app's root; the router adds its base itself,
    // the href gets it so that "open in new tab" works too.
    link.setAttribute('data-app-path', href);
    link.setAttribute('href', `${appBase.replace(/\/$/, '')}${href}`);
  } else if (kind === 'external') {
    markExternalLink(link);
  }
}
