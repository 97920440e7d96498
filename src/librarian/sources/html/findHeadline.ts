import type { parseHTML } from 'linkedom';
import { cleanText } from '../../import/normalise';

type Doc = ReturnType<typeof parseHTML>['document'];
type El = NonNullable<ReturnType<Doc['querySelector']>>;

/** The headline a reader sees above the article, and its element. */
export interface Headline {
  text: string;
  element: El;
}

/** Letters and digits only, lower-cased: titles compared as a reader reads them. */
export function comparable(text: string): string {
  return text.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Class names of a kicker, the line set above or before a headline. */
const KICKER = /kicker|topline|dachzeile|overline|eyebrow|roofline|supertitle|super-title|pretitle|pre-title|overhead|subtitle|sub-title|label|category|rubric|flag|tag/i;

/** Class names or ids of a heading that shows the site's name or motto, not an article's. */
const SITE_HEADING = /site-?title|site-?name|site-?description|logo|brand|tagline|slogan/i;

const HEADINGS = 'h1, h2, h3, [itemprop~="headline"]';

/**
 * The article's visible headline. Titles in the page's metadata often carry the site's name
 * ("Tote Hummeln unter Linden: Die Erklärung – Blog") or an SEO variant of the headline; the
 * heading a reader sees is the title. A heading (or a part of one, without its kicker: "Klimaschutz:"
 * in its own `<span>`) is taken when a metadata title states it, else the page's only `<h1>`,
 * unless that is the site's name. `metaTitles` are most trusted first.
 */
export function findHeadline(document: Doc, metaTitles: string[], siteName: string | null): Headline | null {
  const headings = [...document.querySelectorAll(HEADINGS)].filter(
    (element) => !element.closest('nav, footer, aside, [role="navigation"]') && !SITE_HEADING.test(namesOf(element)),
  );
  const titles = metaTitles.map(comparable).filter((title) => title.length > 0);
  const site = siteName ? comparable(siteName) : null;

  for (const title of titles) {
    for (const heading of headings) {
      for (const element of [heading, ...[...heading.children].filter((child) => !KICKER.test(namesOf(child)))]) {
        const text = textOf(element);
        const key = comparable(text);
        if (key.length < 4 || key === site) continue;
        if (key === title || (key.length >= Math.min(12, title.length) && key.length >= title.length * 0.4 && title.includes(key))) {
          return { text: withoutKicker(element) ?? withoutUnstatedKicker(element, titles) ?? text, element };
        }
      }
    }
  }
  const h1s = headings.filter((heading) => heading.tagName.toUpperCase() === 'H1' && comparable(textOf(heading)).length >= 4);
  // A headline rewritten for search engines still shares most of its words with the one shown.
  const titleWords = new Set(metaTitles.flatMap(wordsOf));
  const shared = (heading: El) => {
    const words = wordsOf(textOf(heading));
    return words.length >= 2 ? words.filter((word) => titleWords.has(word)).length / words.length : 0;
  };
  const closest = h1s.map((heading) => ({ heading, share: shared(heading) })).sort((a, b) => b.share - a.share)[0];
  if (closest && closest.share >= MIN_SHARED_WORDS && comparable(textOf(closest.heading)) !== site) {
    return { text: withoutKicker(closest.heading) ?? withoutUnstatedKicker(closest.heading, titles) ?? textOf(closest.heading), element: closest.heading };
  }
  if (h1s.length === 1) {
    const text = textOf(h1s[0]!);
    if (comparable(text) !== site && text.length <= 300) return { text: withoutKicker(h1s[0]!) ?? withoutUnstatedKicker(h1s[0]!, titles) ?? text, element: h1s[0]! };
  }
  return null;
}

/**
 * The headline without the kicker that opens it in its own element: `<h1><span>Klimaschutz:</span>
 * <span>Bohren, bis es heiß wird</span></h1>` → "Bohren, bis es heiß wird". Null when the
 * heading opens with no short element of its own.
 */
function withoutKicker(heading: El): string | null {
  const nodes = [...heading.childNodes].filter((node) => node.nodeType === 1 || (node.textContent ?? '').trim() !== '');
  // <h1><span itemprop="headline"><small>Kicker</small><br>Headline</span></h1>
  if (nodes.length === 1 && nodes[0]!.nodeType === 1) return withoutKicker(nodes[0] as El);
  const first = nodes[0] as El | undefined;
  if (!first || first.nodeType !== 1 || nodes.length < 2 || /^(A|EM|STRONG|B|I)$/i.test(first.tagName)) return null;
  const kicker = textOf(first);
  const rest = cleanText(nodes.slice(1).map((node) => node.textContent ?? '').join(' ')).replace(/^[\s:|–—-]+/, '');
  if (!kicker || rest.length < 10 || kicker.length > 60 || kicker.length >= rest.length) return null;
  // Only a part set apart as a kicker: by its name or its <small>.
  if (!KICKER.test(namesOf(first)) && first.tagName.toUpperCase() !== 'SMALL') return null;
  return rest;
}

/**
 * The headline without an opening element that no metadata title states, where the metadata
 * states the rest: `<h1><span>Forderungsausfälle vermeiden</span> Eigentumsvorbehalt: Das
 * sollten Käufer wissen</h1>` with og:title "Eigentumsvorbehalt: Das sollten Käufer wissen".
 * The editor's own title says which line is the kicker, whatever its class. `titles` are comparable.
 */
function withoutUnstatedKicker(heading: El, titles: string[]): string | null {
  const nodes = [...heading.childNodes].filter((node) => node.nodeType === 1 || (node.textContent ?? '').trim() !== '');
  if (nodes.length === 1 && nodes[0]!.nodeType === 1) return withoutUnstatedKicker(nodes[0] as El, titles);
  const first = nodes[0] as El | undefined;
  if (!first || first.nodeType !== 1 || nodes.length < 2) return null;
  const rest = cleanText(nodes.slice(1).map((node) => node.textContent ?? '').join(' ')).replace(/^[\s:|–—-]+/, '');
  const restKey = comparable(rest);
  const wholeKey = comparable(textOf(heading));
  if (restKey.length < 10 || restKey === wholeKey) return null;
  return titles.some((title) => title.startsWith(restKey)) && !titles.some((title) => title.includes(wholeKey)) ? rest : null;
}

/** Share of a heading's words a metadata title must hold for the heading to be its visible form. */
const MIN_SHARED_WORDS = 0.6;

function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 1);
}

function namesOf(element: El): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
}

function textOf(element: El): string {
  return cleanText(element.textContent ?? '');
}
