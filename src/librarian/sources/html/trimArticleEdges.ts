import { parseHTML } from 'linkedom';
import { datesInText } from './datesInText';

type Doc = ReturnType<typeof parseHTML>['document'];
type El = NonNullable<ReturnType<Doc['querySelector']>>;

/** A block at the top of the body shorter than this may be a date line or a section label. */
const MAX_LABEL_CHARS = 100;
/** A section label ("Wohnen", "Kategorie: News") has no more words than this. */
const MAX_LABEL_WORDS = 3;
/** Share of link text that makes a block of links (tags, "related" lists). */
const LINK_BLOCK_SHARE = 0.8;
/** A picture credit or copyright line: "Foto: Sascha Klahn", "(Foto: Getty)", "© 2020 CBS Interactive Inc.". */
const CREDIT = /^\(?\s*(?:fotos?|photos?|bild(?:er)?|images?|imagen|foto(?:grafía)?s?|crédits? photos?|credits?|photo credits?|quelle|source|fuente)\s*:|©|\(c\)\s*\d{4}|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados/iu;

/** Elements that only hold blocks, looked inside for the first. */
const WRAPPERS = new Set(['DIV', 'SECTION', 'HEADER', 'ARTICLE', 'MAIN']);

/**
 * What Readability leaves of the page around the article's text, removed: the date line,
 * byline remnants and section labels above the first paragraph ("05. Februar 2020",
 * "Aktualisiert: 03.04.2020", "Wohnen"), lists of links inside it (tags, "related"
 * headlines) with the heading over them, picture credits and copyright lines. `html` is sanitised article HTML, returned as it is when nothing goes; else
 * linkedom's serialisation of what is left, to sanitise again.
 */
export function trimArticleEdges(html: string, language: string | null): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const body = document.body as unknown as El;
  let changed = false;

  const remove = (element: El): void => {
    // A heading that introduced only what goes ("Verwandte Beiträge", "Weiterführende Links") goes too.
    const previous = element.previousElementSibling as El | null;
    if (previous && /^H[2-6]$/.test(previous.tagName.toUpperCase()) && !nextIsText(element)) previous.remove();
    element.remove();
    changed = true;
  };
  for (const list of [...body.querySelectorAll('ul, ol')]) {
    const items = [...list.children].filter((item) => item.tagName.toUpperCase() === 'LI');
    if (items.length >= 2 && items.every((item) => linkShare(item) >= LINK_BLOCK_SHARE)) remove(list);
  }
  for (const block of [...body.querySelectorAll('p, div')]) {
    if (block.isConnected && block.querySelectorAll('a').length >= 3 && linkShare(block) >= LINK_BLOCK_SHARE) remove(block);
  }
  for (const block of [...body.querySelectorAll('p, figcaption, div, span, small')]) {
    const text = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (block.isConnected && text.length < MAX_LABEL_CHARS && CREDIT.test(text) && block.children.length <= 2) remove(block);
  }
  // The tail of teasers ("Das könnte Sie auch interessieren" over linked cards), and a heading left last with nothing under it.
  for (let last = lastBlock(body); last && (isHeading(last) || isTeaserBlock(last)); last = lastBlock(body)) {
    last.remove();
    changed = true;
  }

  for (let block = firstBlock(body); block; block = firstBlock(body)) {
    const text = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
    const label = text === '' || (text.length < MAX_LABEL_CHARS && (datesInText(text, language).length > 0 || text.split(' ').length <= MAX_LABEL_WORDS));
    if (!label || /^H[1-6]$/.test(block.tagName.toUpperCase()) || block.querySelector('img, picture, video, figure, table')) break;
    block.remove();
    changed = true;
  }
  return changed ? body.innerHTML : html;
}

/** The first block of the body, looking inside wrappers; null when the body opens with bare text. */
function firstBlock(body: El): El | null {
  let element: El = body;
  for (;;) {
    const first = [...element.childNodes].find((node) => node.nodeType === 1 || (node.textContent ?? '').trim() !== '') as El | undefined;
    if (!first) return element === body ? null : element;
    if (first.nodeType !== 1) return element === body ? null : element;
    if (!WRAPPERS.has(first.tagName.toUpperCase())) return first;
    element = first;
  }
}

function isHeading(element: El): boolean {
  return /^H[1-6]$/.test(element.tagName.toUpperCase()) && (element.textContent ?? '').trim().length < MAX_LABEL_CHARS;
}

/** Mostly links, and more than one: teasers, not a closing line that names its source. */
function isTeaserBlock(element: El): boolean {
  return element.querySelectorAll('a').length >= 2 && linkShare(element) >= 0.5;
}

/** The last block of the body, looking inside wrappers; null when the body ends with bare text. */
function lastBlock(body: El): El | null {
  let element: El = body;
  for (;;) {
    const last = [...element.childNodes].reverse().find((node) => node.nodeType === 1 || (node.textContent ?? '').trim() !== '') as El | undefined;
    if (!last) return element === body ? null : element;
    if (last.nodeType !== 1) return element === body ? null : element;
    if (!WRAPPERS.has(last.tagName.toUpperCase())) return last;
    element = last;
  }
}

/** The following sibling holds text of its own (the heading introduced more than what went). */
function nextIsText(element: El): boolean {
  const next = element.nextElementSibling as El | null;
  return !!next && !/^H[1-6]$/.test(next.tagName.toUpperCase()) && (next.textContent ?? '').trim().length > MAX_LABEL_CHARS;
}

function linkShare(element: El): number {
  const total = (element.textContent ?? '').replace(/\s+/g, '').length;
  if (total === 0) return 0;
  let inLinks = 0;
  for (const link of element.querySelectorAll('a')) inLinks += (link.textContent ?? '').replace(/\s+/g, '').length;
  return inLinks / total;
}
