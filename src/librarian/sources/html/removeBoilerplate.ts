import type { parseHTML } from 'linkedom';

type Doc = ReturnType<typeof parseHTML>['document'];
type El = NonNullable<ReturnType<Doc['querySelector']>>;

/** Landmarks and elements that hold a site's furniture, never an article's text. */
const FURNITURE = 'nav, aside, footer, [role="navigation"], [role="contentinfo"], [role="complementary"], [role="search"], [role="banner"], [aria-hidden="true"], dialog';

/**
 * Words in class names and ids that name a page's furniture: navigation, share bars, "related"
 * lists, newsletter prompts, comments, tag lists, footers. Generic words that templates use,
 * never a site's own names.
 */
const FURNITURE_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'menubar', 'submenu', 'breadcrumb', 'breadcrumbs', 'skiplink', 'skiplinks',
  'share', 'shares', 'sharing', 'sharebar', 'social', 'socials', 'sociallinks', 'socialmedia', 'sharethis', 'addthis', 'shariff',
  'related', 'relatedposts', 'recommended', 'recommendations', 'recirculation', 'morearticles', 'readmore', 'moreposts', 'mostread', 'popular', 'trending',
  'newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'optin', 'paywall', 'promo', 'promotion',
  'comment', 'comments', 'commentlist', 'respond', 'disqus', 'replies', 'kommentar', 'kommentare', 'commentaires', 'comentarios',
  'credit', 'credits', 'copyright', 'bildnachweis', 'affiliate', 'toc',
  'footer', 'sidebar', 'tags', 'taglist', 'tagcloud', 'tagged', 'keywords',
  'advert', 'advertisement', 'advertising', 'ads', 'adslot', 'sponsored', 'outbrain', 'taboola', 'banner',
  'cookie', 'cookies', 'consent', 'gdpr', 'modal', 'popup', 'overlay', 'pagination', 'pager', 'toolbar',
  'authorbox', 'authorbio', 'bio', 'rating', 'ratings', 'pinterest', 'facebook', 'twitter', 'whatsapp',
]);

const UNSEEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

/** Text a container must hold, of the whole page's, to be kept whatever it is called. */
const ARTICLE_SHARE = 0.4;

/**
 * Removes a page's furniture before Readability reads it, also where a site put it inside the
 * article's container: landmarks (`<nav>`, `<aside>`, `<footer>`, ARIA roles) and elements
 * whose class or id names furniture (`share-tools`, `related-posts`, `newsletter-signup`,
 * `comments`). Never an element holding the `keep` element (the headline), the marked article
 * body, or much of the page's text: some templates call the article's wrapper "post-footer" or
 * "has-sidebar".
 */
export function removeBoilerplate(document: Doc, keep: El | null): void {
  const body = document.body as unknown as El | null;
  if (!body) return;
  const total = textLength(body);
  const articleBody = body.querySelector('[itemprop="articleBody"]');
  const removable = (element: El): boolean => {
    if (keep && (element === keep || element.contains(keep))) return false;
    if (articleBody && (element === articleBody || element.contains(articleBody))) return false;
    if (element.tagName.toUpperCase() === 'BODY' || element.tagName.toUpperCase() === 'HTML') return false;
    return total === 0 || textLength(element) < total * ARTICLE_SHARE;
  };
  for (const element of [...body.querySelectorAll(FURNITURE)]) {
    if (element.isConnected && removable(element)) element.remove();
  }
  for (const element of [...body.querySelectorAll('[class], [id]')]) {
    if (!element.isConnected || /^(ARTICLE|MAIN)$/i.test(element.tagName) || !namesFurniture(element) || !removable(element)) continue;
    element.remove();
  }
}

/**
 * Words that name an article's own containers ("sticky-sidebar-parent article", "has-sidebar
 * entry-content"); as Readability does, an element that another of its names calls so is not
 * taken for furniture.
 */
const ARTICLE_WORDS = /article|body|column|content|main|post|entry|story|text/i;

function namesFurniture(element: El): boolean {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.split(/\s+/).filter(Boolean);
  // "related-articles" is furniture; "sticky-sidebar-parent article" and "documentContent__sharingContainer" hold an article.
  return names.some((name) => wordsOf(name).some((word) => FURNITURE_WORDS.has(word))) &&
    !names.some((name) => ARTICLE_WORDS.test(name) && !FURNITURE_WORDS.has(wordsOf(name)[0] ?? ''));
}

/** The words of a class name or id, then the name whole: "c-share-tools", "relatedPosts", "newsletter_signup", "sharebar". */
function wordsOf(name: string): string[] {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return [...words, name.toLowerCase().replace(/[^a-z0-9]+/g, '')];
}

/** Characters of visible text (no scripts, styles or white space). */
function textLength(element: El): number {
  let length = 0;
  const walk = (node: El): void => {
    for (const child of node.childNodes as unknown as El[]) {
      if (child.nodeType === 3) length += (child.textContent ?? '').replace(/\s+/g, '').length;
      else if (child.nodeType === 1 && !UNSEEN.has(child.tagName.toUpperCase())) walk(child);
    }
  };
  walk(element);
  return length;
}
