/**
 * Markdown → HTML as Hugo's Goldmark renders a site's articles: CommonMark with the GitHub
 * extensions (tables, autolinks, strikethrough), reference-style links, raw HTML blocks whose
 * inner Markdown is rendered after a blank line, heading attributes (`## Title {#id}`) as ids and
 * automatic heading ids otherwise (so that `other-page/#section` links keep their target).
 * The output is not yet safe: callers sanitise it.
 */
import { Marked, type Tokens } from 'marked';
import { normaliseMarkdownLayout } from './markdownLayout';

/** `{#id}` or `{#id .class key=value}` at the end of a heading (Goldmark's `attribute` extension). */
const HEADING_ATTRIBUTES = /\s*\{\s*#([\w:.-]+)[^}]*\}\s*$/;
/** Same, for any attribute list without an id (`{.class}`): removed, nothing to keep. */
const OTHER_ATTRIBUTES = /\s*\{\s*\.[\w-][^}]*\}\s*$/;

interface HeadingToken extends Tokens.Heading {
  headingId?: string;
}

/**
 * Goldmark's automatic heading id: lower case, spaces to hyphens, anything but letters, digits,
 * `-` and `_` removed; repeated ids get `-1`, `-2`.
 */
function autoHeadingId(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/&[#\w]+;/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}_-]/gu, '');
}

/** Drops a trailing attribute list from a heading token and its last text child. */
function takeHeadingAttributes(token: HeadingToken): void {
  const match = HEADING_ATTRIBUTES.exec(token.text) ?? OTHER_ATTRIBUTES.exec(token.text);
  if (!match) return;
  if (match[1]) token.headingId = match[1];
  token.text = token.text.slice(0, match.index);
  const last = token.tokens[token.tokens.length - 1];
  if (last && (last.type === 'text' || last.type === 'escape') && 'text' in last) {
    const inLast = HEADING_ATTRIBUTES.exec(last.text) ?? OTHER_ATTRIBUTES.exec(last.text);
    if (inLast) {
      last.text = last.text.slice(0, inLast.index);
      last.raw = last.raw.replace(HEADING_ATTRIBUTES, '').replace(OTHER_ATTRIBUTES, '');
      if ('tokens' in last && Array.isArray(last.tokens)) last.tokens = undefined as never;
    }
  }
}

/**
 * Links whose address was written with a space in it (`[text](http://example.com/a/ b-c)`), which
 * CommonMark does not read as links, so a reader would see the brackets. A browser drops such
 * spaces from an address; so does this.
 */
function joinSpacedLinkAddresses(markdown: string): string {
  return (
    markdown
      .replace(/\]\(\s*((?:https?:\/\/|mailto:)[^\s()"']*)((?:\s+[^\s()"']+)+)\s*\)/g, (_whole, a: string, rest: string) => {
        // In a query (`?subject=Making Changes`) the spaces were words; in a path, a typing slip.
        const words = rest.trim().split(/\s+/);
        return `](${a}${a.includes('?') || words[0]!.startsWith('?') ? words.map((w, i) => (i === 0 && !a.endsWith('=') && !w.startsWith('?') ? '%20' : i > 0 ? '%20' : '') + w).join('') : words.join('')})`;
      })
      // A link with no words (`[\n](https://…/a.jpg)`, left by an editor around a picture that
      // went): nothing a reader could see or follow.
      .replace(/(^|[^!\]\\])\[\s*\]\(\s*[^\s()]*\s*\)/g, '$1')
      // An attribute that quotes something in double quotes inside its own double quotes
      // (`alt="The app’s "What’s New" screen" width="250"`): a browser would cut it short.
      .replace(/(<[a-zA-Z][^<>]*?\s(?:alt|title)=")([^<>]*?)("(?=\s+[\w-]+=|\s*\/?>))/g, (_whole, before: string, value: string, after: string) => `${before}${value.replace(/"/g, '&quot;')}${after}`)
      // A title that quotes something in double quotes: `(url "Avoid the "App Graveyard"")`.
      .replace(/\]\(\s*([^\s()"]+)\s+"([^\n]*?)"\s*\)/g, (whole, url: string, title: string) =>
        title.includes('"') ? `](${url} "${title.replace(/"/g, '&quot;')}")` : whole,
      )
      // A link whose closing parenthesis was never typed (`[Join us](https://example.org/ to keep up`):
      // the address ends where the words start.
      .replace(/\]\(\s*(https?:\/\/[^\s()"']+)(\s+[^\s"'()][^\n]*)/g, (whole, url: string, rest: string) => {
        const close = rest.indexOf(')');
        const next = rest.search(/\]\(|\[/);
        return close >= 0 && (next < 0 || close < next) ? whole : `](${url})${rest}`;
      })
      // A stray word before the address: `[SSI program](to https://www.ssa.gov/ssi/ )`.
      .replace(/\]\(\s*[^\s()"':]+\s+(https?:\/\/[^\s()"']+)\s*\)/g, ']($1)')
      // A title glued to the address: `[text](https://example.org/a/"Title")`.
      .replace(/\]\(\s*((?:https?:\/\/|about:|\/)[^\s()"]*)"([^"]*)"\s*\)/g, ']($1 "$2")')
  );
}

/**
 * Empty emphasis (`****`, `** **`) that converters from WordPress leave where bold was switched
 * on and off: it means nothing and would be shown as asterisks.
 */
function dropEmptyEmphasis(markdown: string): string {
  return markdown.replace(/(^|[^*\\])\*\*(?:\s*)\*\*(?!\*)/g, '$1').replace(/(^|[^_\\\w])__\s*__(?![_\w])/g, '$1');
}

/**
 * Inline Markdown that CommonMark leaves as text although its author clearly wrote it: inside a
 * raw HTML block (`<p>See [the guide](https://…)</p>`, which CommonMark passes through unread),
 * or bold whose delimiter touches punctuation on the wrong side (`**Developer Hub—**A single…`).
 * Markdown.pl, which these sites were first written for, rendered both; so does this. Text in
 * code is never touched.
 */
function finishInlineMarkdown(html: string): string {
  return html
    // Escaped asterisks a converter left around bold (`\***\*Q & A\****`): debris, not text.
    .replace(/\*+(?=<\/?(?:strong|em)>)|(?<=<\/?(?:strong|em)>)\*+/g, '')
    // The address of a link CommonMark did not read is linked on its own by the autolink extension:
    // a link whose opening bracket was never typed (`… and DigitalGov](…)`): its last word.
    .replace(/(^|[^\]\w])([^\s<>[\]]+)\]\(\s*<a href="([^"]+)">[^<]*<\/a>\s*\)/g, (whole, lead: string, word: string, href: string) =>
      whole.includes('[') ? whole : `${lead}<a href="${href}">${word}</a>`,
    )
    // When the link's words hold a link of their own (`[[USA.gov](…) and DigitalGov](…)`, which
    // CommonMark refuses), the words after the inner link take the outer address.
    .replace(/\[((?:(?!\]\(|<\/?(?:p|li|td|th|h\d)\b)[^\]])*?)\]\(\s*<a href="([^"]+)">[^<]*<\/a>\s*\)/g, (_whole, text: string, href: string) => {
      const cut = text.lastIndexOf('</a>') + 1;
      const before = cut > 0 ? text.slice(0, cut + 3) : '';
      const words = text.slice(before.length);
      const lead = /^\s*/.exec(words)![0];
      return `${before}${lead}<a href="${href}">${words.trim()}</a>`;
    })
    .split(/(<pre\b[\s\S]*?<\/pre>|<code\b[\s\S]*?<\/code>|<[^>]*>)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(
              /\[([^\][<>]+)\]\(\s*((?:https?:\/\/|mailto:)[^\s()<>"]+)\s*(?:(?:"[^"]*"|&quot;.*?&quot;)\s*)?\)/g,
              (_whole, text: string, href: string) => `<a href="${href.replace(/"/g, '&quot;')}">${text.trim()}</a>`,
            )
            // A destination that is no address (`[Using Chatbots](Using Chatbots)`, a template's
            // placeholder left in): the words alone.
            .replace(/\[([^\][<>]+)\]\(([^()<>:]*\s[^()<>:]*)\)/g, '$1')
            .replace(/\*{4,}/g, ''),
    )
    .join('')
    .split(/(<pre\b[\s\S]*?<\/pre>|<code\b[\s\S]*?<\/code>|<\/?(?:p|li|ul|ol|td|th|tr|table|thead|tbody|h[1-6]|blockquote|div|figure|figcaption|aside|dl|dd|dt|br|hr)\b[^>]*>)/)
    .map((part, i) => (i % 2 === 0 && part.includes('*') ? pairEmphasisDelimiters(part) : part))
    .join('');
}

/**
 * Emphasis in one block's inline HTML where CommonMark left `*` or `**` unpaired: single
 * asterisks paired into `<em>`; every `**` and every `<strong>` boundary CommonMark drew, paired
 * again from left to right as Markdown.pl pairs them. A `**` left over is an author's slip (see below).
 */
function pairEmphasisDelimiters(html: string): string {
  // Emphasis in single asterisks, likewise (not after a quote: `"*passport*"` in a formula).
  const inline = html.replace(/(?<![\w*\\"'“”‘’])\*(?=[^\s*])((?:(?!\*)[\s\S])*?[^\s*])\*(?![\w*])/g, '<em>$1</em>');
  if (!inline.includes('**')) return inline;
  const delimited = inline.replace(/<\/?strong>/g, '**');
  const paired = delimited.replace(/\*\*(?=[^\s*])((?:(?!\*\*)[\s\S])*?[^\s*])\*\*/g, '<strong>$1</strong>');
  if (!paired.includes('**')) return paired;
  // One delimiter left: bold opened at the start of a block and closed in the next one, after a
  // blank line (`**MK: Is there…?` ⏎⏎ `** LA: …`): the block is bold; any other is dropped.
  const lone = /^(\s*)\*\*(?=\S)/.exec(paired);
  return lone ? `${lone[1]}<strong>${paired.slice(lone[0].length).replace(/\*\*/g, '')}</strong>` : paired.replace(/\*\*/g, '');
}

/** Applies `transform` outside fenced code blocks and code spans' lines. */
function outsideFences(markdown: string, transform: (text: string) => string): string {
  const parts = markdown.split(/(^ {0,3}(?:`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}(?:`{3,}|~{3,})[ \t]*$|(?![\s\S])))/m);
  return parts.map((part, i) => (i % 2 === 1 ? part : transform(part))).join('');
}

/**
 * Renders one article's Markdown (front matter and shortcodes already taken out) to HTML.
 */
export function renderMarkdown(markdown: string): string {
  const ids = new Map<string, number>();
  const uniqueId = (id: string) => {
    const seen = ids.get(id);
    ids.set(id, (seen ?? -1) + 1);
    return seen === undefined ? id : `${id}-${seen + 1}`;
  };
  const marked = new Marked({
    gfm: true,
    async: false,
    walkTokens(token) {
      if (token.type === 'heading') takeHeadingAttributes(token as HeadingToken);
    },
    renderer: {
      heading(token) {
        const inner = this.parser.parseInline(token.tokens);
        const id = uniqueId((token as HeadingToken).headingId ?? autoHeadingId(inner));
        return `<h${token.depth}${id ? ` id="${id}"` : ''}>${inner}</h${token.depth}>\n`;
      },
    },
  });
  const prepared = outsideFences(normaliseMarkdownLayout(markdown), (text) => dropEmptyEmphasis(joinSpacedLinkAddresses(text)));
  return finishInlineMarkdown(marked.parse(prepared) as string);
}

/** Inline Markdown (a title, a caption) → HTML, with no block structure. */
export function renderInlineMarkdown(markdown: string): string {
  return new Marked({ gfm: true, async: false }).parseInline(markdown) as string;
}
