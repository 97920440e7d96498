/**
 * Plain text of an article body, for search snippets in the search worker, which has no
 * DOMParser. Bodies are HTML the librarian's sanitiser wrote (well-formed tags, attributes quoted
 * and escaped, no comments or scripts), so a small tag strip is enough and safe: its output is
 * only ever shown as text. It gives the same text as the builder's `htmlToText` (htmlparser2) on
 * every article of the archive (tested), so a snippet quotes what was indexed.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  times: '×',
  eacute: 'é',
  shy: '\u00ad',
};

/** Elements after which words of the next element never run on (as in `htmlToText`). */
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol',
  'blockquote', 'figure', 'figcaption', 'pre', 'table', 'tr', 'td', 'th', 'br', 'hr', 'dd', 'dt',
]);

const TAG = /<!--[\s\S]*?-->|<(script|style)\b[\s\S]*?<\/\1\s*>|<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g;
const ALT = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const ENTITY = /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z][a-zA-Z0-9]*));/g;

/** Decodes numeric entities and the common named ones; unknown names are left as written. */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (entity, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? entity;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

/**
 * Text of an HTML fragment: tags removed, entities decoded, block elements on lines of their own,
 * images replaced by their alt text, spaces collapsed, empty lines dropped.
 */
export function htmlToPlainText(html: string): string {
  const text = html.replace(TAG, (tag, _raw: string | undefined, name: string | undefined, attributes: string | undefined) => {
    if (name === undefined) return '';
    const lower = name.toLowerCase();
    if (lower === 'img') {
      const alt = ALT.exec(attributes ?? '');
      const value = alt ? (alt[1] ?? alt[2] ?? alt[3] ?? '') : '';
      return value ? ` ${value} ` : '';
    }
    return BLOCK.has(lower) ? '\n' : '';
  });
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
