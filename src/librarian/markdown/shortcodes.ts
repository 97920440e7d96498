/**
 * Hugo shortcodes (`{{< name params >}}`, paired `{{< name >}}…{{< /name >}}`, `{{% … %}}`) and
 * Jekyll's Liquid tags, rendered the way a reader of the site saw them, so that no picture, video
 * link, note box or cross-reference disappears from an article and no template syntax is left in
 * its text.
 *
 * A site's own shortcodes are its theme's templates, which the archive does not have. Hugo's
 * built-in shortcodes are known here; other names are understood by what they are called and the
 * parameters they take (an `…img…` with a `src` is a picture, a `note` box is an aside, a `button`
 * with `text` and `href` is a link); a librarian states what the rest are in a shortcode file
 * (`--shortcodes FILE`, {@link ShortcodeRules}). A name that none of these explains is rendered
 * as its inner content and counted by name in the import report.
 */
import { cleanText } from '../import/normalise';

/** What a shortcode becomes. */
export type ShortcodeKind =
  /** A picture: `<figure>` with `<img>`, alt text and caption. */
  | 'figure'
  /** A video, post or other embedded page: a link to it with its title. */
  | 'embed'
  /** A note, alert or box: `<aside>` around its content. */
  | 'aside'
  /** A quotation: `<blockquote>` with its citation. */
  | 'quote'
  /** A link with its text. */
  | 'link'
  /** An address, written where Markdown expects one (`[text]({{< file "a.pdf" >}})`). */
  | 'url'
  /** The address of another page of the site (Hugo's `ref` and `relref`). */
  | 'ref'
  /** Code, highlighted on the site (Hugo's `highlight`). */
  | 'code'
  /** Words a reader sees: a parameter's text. */
  | 'text'
  /** Just its inner content (or nothing when it has none). */
  | 'content'
  /** Nothing: a site widget with nothing of the article in it (a subscribe form, a table of contents). */
  | 'drop';

/**
 * How a librarian describes one of a site's shortcodes. Templates name parameters in braces:
 * `{src}` (named) or `{0}` (positional); a template whose parameter is missing is not used.
 */
export interface ShortcodeRule {
  as: ShortcodeKind;
  /** figure: the picture's address (`https://cdn.example.org/img/{src}`). */
  src?: string;
  /** link, embed, url: the address; figure: where the picture links to. */
  href?: string;
  /** link, embed, text, aside: the words shown. */
  text?: string;
  /** figure: alternative text. */
  alt?: string;
  /** figure: caption; quote: citation; aside: heading. */
  caption?: string;
}

export type ShortcodeRules = Record<string, ShortcodeRule>;

/** What rendering met, for the import report. */
export interface ShortcodeReport {
  /** Shortcodes no rule or convention explains, by name: rendered as their inner content. */
  unknown: Map<string, number>;
  /** `ref`/`relref` targets that are not pages of the site, as written: their links lose their address. */
  unresolvedRefs: Map<string, number>;
  /** `ref`/`relref` targets outside the content the librarian has, linked where Hugo would put them. */
  guessedRefs: Map<string, number>;
}

export function createShortcodeReport(): ShortcodeReport {
  return { unknown: new Map(), unresolvedRefs: new Map(), guessedRefs: new Map() };
}

export interface ShortcodeContext {
  rules: ShortcodeRules;
  /** The address of the page a `ref` names, or null when there is no such page. */
  resolveRef: (ref: string) => { url: string; guessed: boolean } | null;
  /** The article's own original address: where a picture the archive cannot show can be seen. */
  articleUrl: string | null;
  report: ShortcodeReport;
}

/** Hugo's built-in shortcodes. */
const BUILT_IN: ShortcodeRules = {
  figure: { as: 'figure', src: '{src}', href: '{link}', alt: '{alt}', caption: '{caption}' },
  youtube: { as: 'embed', href: 'https://www.youtube.com/watch?v={id}', text: '{title}' },
  vimeo: { as: 'embed', href: 'https://vimeo.com/{id}', text: '{title}' },
  tweet: { as: 'embed', href: 'https://twitter.com/{user}/status/{id}', text: 'Post by @{user}' },
  twitter: { as: 'embed', href: 'https://twitter.com/{user}/status/{id}', text: 'Post by @{user}' },
  x: { as: 'embed', href: 'https://x.com/{user}/status/{id}', text: 'Post by @{user}' },
  instagram: { as: 'embed', href: 'https://www.instagram.com/p/{id}/', text: 'Post on Instagram' },
  gist: { as: 'embed', href: 'https://gist.github.com/{user}/{id}', text: 'Code on GitHub Gist' },
  highlight: { as: 'code' },
  ref: { as: 'ref' },
  relref: { as: 'ref' },
  details: { as: 'aside', caption: '{summary}' },
  param: { as: 'drop' },
  qr: { as: 'drop' },
  toc: { as: 'drop' },
};

/** Positional parameters are also known by the name Hugo's built-ins give the first of them. */
const POSITIONAL_NAMES: Record<string, string[]> = {
  youtube: ['id'],
  vimeo: ['id'],
  instagram: ['id'],
  tweet: ['user', 'id'],
  twitter: ['user', 'id'],
  x: ['user', 'id'],
  gist: ['user', 'id'],
  highlight: ['lang'],
  figure: ['src'],
};

const IMAGE_NAME = /(?:^|[-_])(?:img|image|images|figure|photo|picture|pic|screenshot)(?:[-_]|$)/i;
const EMBED_NAME = /(?:^|[-_])(?:video|youtube|vimeo|iframe|embed|tweet|twitter|podcast|audio|soundcloud|map)(?:[-_]|$)/i;
const ASIDE_NAME = /^(?:note|notes|alert|warning|warn|tip|tips|info|callout|admonition|important|caution|danger|box|notice|hint|aside|sidebar|panel|message)(?:[-_]|$)/i;
const QUOTE_NAME = /(?:^|[-_])(?:quote|blockquote|pullquote|testimonial)(?:[-_]|$)/i;
const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)(?:[?#]|$)/i;
const TEXT_PARAMS = ['text', 'label', 'title', 'intro', 'description', 'kicker'];
const LINK_PARAMS = ['href', 'url', 'link', 'src', 'button-url'];

interface Shortcode {
  name: string;
  named: Record<string, string>;
  positional: string[];
  closing: boolean;
  /** `/>}}`: Hugo's self-closing form of a paired shortcode. */
  selfClosed: boolean;
  start: number;
  end: number;
}

const OPEN = /\{\{([<%])(\/\*)?\s*(\/?)\s*([\w.-]+)/g;
const PARAM = /\s*(?:([\w.-]+)\s*=\s*)?(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|'([^']*)'|([^\s"'`]+))/y;

/** The shortcode that starts at `match`, or null when it is not closed on its own terms. */
function readShortcode(text: string, match: RegExpExecArray): Shortcode | null {
  const delimiter = match[1] === '<' ? '>' : '%';
  const named: Record<string, string> = {};
  const positional: string[] = [];
  let i = match.index + match[0].length;
  for (;;) {
    const rest = text.slice(i);
    const close = new RegExp(`^\\s*(/?)\\s*(?:\\*/)?\\s*${delimiter}\\}\\}`).exec(rest);
    if (close) {
      return { name: match[4]!, named, positional, closing: match[3] === '/', selfClosed: close[1] === '/', start: match.index, end: i + close[0].length };
    }
    PARAM.lastIndex = i;
    const param = PARAM.exec(text);
    if (!param || param[0].length === 0) return null;
    const value = (param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : (param[3] ?? param[4] ?? param[5] ?? '')).trim();
    if (param[1]) named[param[1]] = value;
    else positional.push(value);
    i += param[0].length;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Fills `{name}` / `{0}` from the shortcode's parameters; null when one is missing. */
function fill(template: string | undefined, code: Shortcode): string | null {
  if (template === undefined) return null;
  let missing = false;
  const value = template.replace(/\{([\w.-]+)\}/g, (_whole, key: string) => {
    const found = /^\d+$/.test(key) ? code.positional[Number(key)] : code.named[key];
    if (!found) missing = true;
    return found ?? '';
  });
  return missing ? null : value;
}

function param(code: Shortcode, names: string[]): string | null {
  for (const name of names) if (code.named[name]) return code.named[name]!;
  return null;
}

function isHttpUrl(value: string | null | undefined): value is string {
  return !!value && /^https?:\/\/\S+$/i.test(value);
}

/** The rule for a shortcode: the librarian's, Hugo's built-in, or one its name and parameters imply. */
function ruleFor(code: Shortcode, rules: ShortcodeRules, paired: boolean): ShortcodeRule | null {
  const key = code.name.toLowerCase();
  const stated = rules[code.name] ?? rules[key] ?? BUILT_IN[key];
  if (stated) return stated;
  const hasText = TEXT_PARAMS.some((p) => code.named[p]);
  const address = param(code, LINK_PARAMS) ?? code.positional.find(isHttpUrl) ?? null;
  if (IMAGE_NAME.test(key) && (code.named.src || code.positional[0])) return { as: 'figure' };
  if (EMBED_NAME.test(key) && (address || code.named.id)) return { as: 'embed' };
  if (ASIDE_NAME.test(key) && paired) return { as: 'aside', caption: '{title}' };
  if (QUOTE_NAME.test(key) && (code.named.text || code.named.quote || paired)) return { as: 'quote' };
  if (address && hasText) return { as: 'link' };
  if (hasText && !paired) return { as: 'text' };
  return null;
}

/**
 * Renders every shortcode and Liquid tag of an article's Markdown. Paired shortcodes' inner
 * content is rendered too; a shortcode quoted for display (Hugo's `{{</*` … `*∕>}}`) is kept as text.
 */
export function renderShortcodes(markdown: string, ctx: ShortcodeContext): string {
  return renderWordPressEmbeds(renderLiquid(renderHugo(linkedShortcodes(markdown), ctx), ctx));
}

/**
 * WordPress (Jetpack) embed shortcodes that sites migrated from WordPress keep in their Markdown
 * (`[youtube https://www.youtube.com/watch?v=…]`): a link to the video or post, as an embed.
 */
const WORDPRESS_EMBED = /\[(youtube|vimeo|dailymotion|ted|soundcloud|tweet|twitter|instagram|embed)(?:=\s*|\s+)(https?:\/\/[^\s\]]+)[^\]]*\](?:\s*\[\/\1\])?/gi;

function renderWordPressEmbeds(text: string): string {
  return text.replace(WORDPRESS_EMBED, (_whole, _name: string, url: string) => {
    const host = new URL(url).hostname.replace(/^www\./, '');
    return block(`<p><a href="${escapeHtml(url)}">Watch on ${escapeHtml(host)}</a> (${escapeHtml(host)})</p>`);
  });
}

/**
 * `[{{< img src="a.jpg" >}}](https://example.org/a-large.jpg)`: a picture that links to a larger
 * copy. The link becomes the shortcode's `__link` parameter, so the picture is not cut out of it.
 */
function linkedShortcodes(markdown: string): string {
  return markdown
    // A link with no words (`[⏎  ](https://…/a.jpg)`), left by an editor around a picture that
    // went: nothing to see or follow, and in the way of the picture beside it.
    .replace(/(^|[^!\]\\])\[\s*\]\(\s*[^\s()]*\s*\)/g, '$1')
    // A picture at the start of a link's words (`[{{< img … >}}APIs](…)`): it goes before the link.
    .replace(
      /\[\s*(\{\{([<%])\s*([\w.-]+)(?:[^}]|\}(?!\}))*?[>%]\}\})(\s*[^\]\s][^\]\n]*\]\()/g,
      (whole, code: string, _delimiter: string, name: string, rest: string) => (IMAGE_NAME.test(name) || name === 'figure' ? `${code}[${rest.trimStart()}` : whole),
    )
    .replace(
    /\[\s*\{\{([<%])\s*([\w.-]+)((?:[^}]|\}(?!\}))*?)\s*[>%]\}\}\s*\]\(\s*<?([^\s()<>]+)>?(?:\s+"[^"]*")?\s*\)/g,
    (whole, delimiter: string, name: string, params: string, href: string) =>
      IMAGE_NAME.test(name) || name === 'figure' ? `{{${delimiter} ${name}${params} __link="${href.replace(/"/g, '%22')}" ${delimiter === '<' ? '>' : '%'}}}` : whole,
  );
}

function renderHugo(text: string, ctx: ShortcodeContext): string {
  let out = '';
  let last = 0;
  OPEN.lastIndex = 0;
  for (let match = OPEN.exec(text); match; match = OPEN.exec(text)) {
    if (match[2]) {
      // Hugo's way to show a shortcode as text: the shortcode inside `/*` and `*` `/`.
      const end = text.indexOf('*/', match.index);
      const close = end < 0 ? -1 : text.indexOf('}}', end);
      if (close < 0) continue;
      out += text.slice(last, match.index) + text.slice(match.index, close + 2).replace('/*', '').replace('*/', '');
      last = close + 2;
      OPEN.lastIndex = last;
      continue;
    }
    const code = readShortcode(text, match);
    if (!code) continue;
    out += text.slice(last, code.start);
    last = code.end;
    OPEN.lastIndex = code.end;
    if (code.closing) continue; // a closing tag with no opening one: nothing to show
    let inner: string | null = null;
    if (!code.selfClosed) {
      const closeAt = findClosing(text, code);
      if (closeAt) {
        inner = renderHugo(text.slice(code.end, closeAt.start), ctx);
        last = closeAt.end;
        OPEN.lastIndex = closeAt.end;
      }
    }
    const rendered = renderOne(code, inner, ctx);
    if (rendered.startsWith('\n\n<figure')) {
      // A picture is a block of its own: it goes before the line it was written in, so that the
      // line's sentence, link or emphasis stays whole (`> **_{{< img … >}}Enhancements:_**`).
      // It keeps the line's indentation, and with it its place in a list item.
      const lineStart = out.lastIndexOf('\n') + 1;
      const indent = /^[ \t]*/.exec(out.slice(lineStart))![0];
      out = `${out.slice(0, lineStart)}${indent}${rendered.trim()}\n\n${out.slice(lineStart)}`;
    } else out += rendered;
  }
  return out + text.slice(last);
}

/** The matching `{{< /name >}}`, skipping nested pairs of the same name. */
function findClosing(text: string, open: Shortcode): { start: number; end: number } | null {
  const pattern = new RegExp(`\\{\\{[<%]\\s*(/?)\\s*${open.name.replace(/[.]/g, '\\.')}(?![\\w.-])[^}]*?[>%]\\}\\}`, 'g');
  pattern.lastIndex = open.end;
  let depth = 1;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[1]) depth--;
    else if (!/\/\s*[>%]\}\}$/.test(m[0])) depth++;
    if (depth === 0) return { start: m.index, end: m.index + m[0].length };
  }
  return null;
}

function block(html: string): string {
  return `\n\n${html}\n\n`;
}

function renderOne(code: Shortcode, inner: string | null, ctx: ShortcodeContext): string {
  const names = POSITIONAL_NAMES[code.name.toLowerCase()];
  names?.forEach((name, i) => {
    if (code.positional[i] !== undefined && code.named[name] === undefined) code.named[name] = code.positional[i]!;
  });
  const rule = ruleFor(code, ctx.rules, inner !== null);
  if (!rule) {
    ctx.report.unknown.set(code.name, (ctx.report.unknown.get(code.name) ?? 0) + 1);
    const title = param(code, ['title', 'heading']);
    return (title ? block(`<p><strong>${escapeHtml(title)}</strong></p>`) : '') + (inner ?? '');
  }
  switch (rule.as) {
    case 'figure':
      return block(renderFigure(code, rule, ctx));
    case 'embed': {
      const href = fill(rule.href, code) ?? param(code, LINK_PARAMS) ?? code.positional.find(isHttpUrl) ?? null;
      const title = fill(rule.text, code) ?? param(code, TEXT_PARAMS);
      if (!isHttpUrl(href)) return inner ?? '';
      const host = new URL(href).hostname.replace(/^www\./, '');
      const label = title ? `${escapeHtml(title)}` : `Watch on ${escapeHtml(host)}`;
      return block(`<p><a href="${escapeHtml(href)}">${label}</a> (${escapeHtml(host)})</p>`) + (inner ?? '');
    }
    case 'aside': {
      const heading = fill(rule.caption, code);
      const intro = fill(rule.text, code);
      const parts = [heading ? `**${heading.trim()}**` : '', intro?.trim() ?? '', (inner ?? '').trim()].filter(Boolean);
      return block(`<aside>\n\n${parts.join('\n\n')}\n\n</aside>`);
    }
    case 'quote': {
      const quote = fill(rule.text, code) ?? param(code, ['text', 'quote']) ?? inner ?? '';
      const cite = fill(rule.caption, code) ?? param(code, ['cite', 'author', 'source', 'attribution']);
      return block(`<blockquote>\n\n${quote.trim()}\n\n${cite ? `— ${cite}\n\n` : ''}</blockquote>`);
    }
    case 'link': {
      const href = fill(rule.href, code) ?? param(code, LINK_PARAMS) ?? code.positional.find(isHttpUrl) ?? '';
      const text = fill(rule.text, code) ?? param(code, TEXT_PARAMS) ?? inner ?? href;
      return `<a href="${escapeHtml(href)}">${escapeHtml(cleanText(text))}</a>`;
    }
    case 'url':
      return fill(rule.href, code) ?? code.positional[0] ?? param(code, LINK_PARAMS) ?? '';
    case 'ref': {
      const target = code.positional[0] ?? param(code, ['path', 'page']) ?? '';
      const found = ctx.resolveRef(target);
      if (found?.guessed) ctx.report.guessedRefs.set(target, (ctx.report.guessedRefs.get(target) ?? 0) + 1);
      if (found) return found.url;
      ctx.report.unresolvedRefs.set(target, (ctx.report.unresolvedRefs.get(target) ?? 0) + 1);
      // Not a page the site has: the link keeps its words and loses its address.
      return 'about:invalid';
    }
    case 'code':
      return `\n\n\`\`\`${code.named.lang ?? ''}\n${(inner ?? '').replace(/^\n+|\s+$/g, '')}\n\`\`\`\n\n`;
    case 'text':
      return fill(rule.text, code) ?? param(code, TEXT_PARAMS) ?? inner ?? '';
    case 'content':
      return inner ?? fill(rule.text, code) ?? '';
    case 'drop':
      return '';
  }
}

function renderFigure(code: Shortcode, rule: ShortcodeRule, ctx: ShortcodeContext): string {
  const link = code.named.__link ?? fill(rule.href, code);
  const given = code.named.src ?? code.positional[0] ?? null;
  // A template prefixes a site's own paths; an address that is already absolute is used as it is.
  const stated = rule.src !== undefined && !isHttpUrl(given) ? fill(rule.src, code) : given;
  // An address the site's theme would have looked up (an id such as "api-pillars") is no
  // address at all; a link from the picture to an image file is the picture itself, larger.
  const src = stated && (isHttpUrl(stated) || IMAGE_FILE.test(stated)) ? stated : isHttpUrl(link) && IMAGE_FILE.test(link) ? link : null;
  const caption = fill(rule.caption, code) ?? param(code, ['caption', 'title']);
  const alt = cleanText(fill(rule.alt, code) ?? param(code, ['alt']) ?? caption ?? '');
  const figcaption = caption ? `<figcaption>${escapeHtml(cleanText(caption))}</figcaption>` : '';
  if (src) {
    return `<figure><img src="${escapeHtml(src)}" alt="${escapeHtml(alt || 'Picture')}">${figcaption}</figure>`;
  }
  const original = isHttpUrl(link) ? link : ctx.articleUrl;
  const label = escapeHtml(alt || 'Picture');
  return `<figure class="image-unavailable">${original ? `<a href="${escapeHtml(original)}">${label}</a>` : `<span>${label}</span>`}${figcaption}</figure>`;
}

/** Liquid (Jekyll): comments go, `highlight` becomes a code fence, `post_url`/`link` resolve, output goes. */
function renderLiquid(text: string, ctx: ShortcodeContext): string {
  return text
    .replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, '')
    .replace(/\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g, '$1')
    .replace(/\{%-?\s*highlight\s+([\w+-]+)[^%]*-?%\}[ \t]*\n?/g, '\n```$1\n')
    .replace(/\n?[ \t]*\{%-?\s*endhighlight\s*-?%\}/g, '\n```\n')
    .replace(/\{%-?\s*(post_url|link)\s+([^%\s]+)\s*-?%\}/g, (_whole, tag: string, target: string) => {
      const found = ctx.resolveRef(tag === 'post_url' ? `${target}.md` : target);
      if (found?.guessed) ctx.report.guessedRefs.set(target, (ctx.report.guessedRefs.get(target) ?? 0) + 1);
      if (found) return found.url;
      ctx.report.unresolvedRefs.set(target, (ctx.report.unresolvedRefs.get(target) ?? 0) + 1);
      return 'about:invalid';
    })
    .replace(/\{%-?\s*(\w+)[\s\S]*?-?%\}/g, (_whole, name: string) => {
      if (!/^end/.test(name)) ctx.report.unknown.set(`{% ${name} %}`, (ctx.report.unknown.get(`{% ${name} %}`) ?? 0) + 1);
      return '';
    })
    .replace(/\{\{-?(?![<%])[^{}]*\}\}/g, '');
}
