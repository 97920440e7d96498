/**
 * Indentation that authors meant as layout, not as code. CommonMark reads any line indented by
 * four spaces after a blank line as an indented code block; sites whose Markdown was converted
 * from WordPress or hand-written HTML are full of such lines that their authors never meant as
 * code, and that the sites themselves show as text:
 *
 * - an HTML block indented the way an HTML editor indents it (`<table>` … blank line …
 *   `    <td>`): CommonMark ends the HTML block at the blank line and shows the rest as code;
 * - a list item's next paragraph indented less than the item's text (`  1. Title` then a blank
 *   line and `    More text`, where CommonMark needs five spaces): the list ends and the paragraph
 *   becomes code. Markdown.pl, which these sites were first written for, accepted any indentation.
 *
 * This pass rewrites only those two layouts, leaving fenced and real indented code alone, so that
 * a CommonMark renderer then reads the text as its authors wrote it.
 */

/** HTML elements that open a block of HTML (CommonMark's HTML block type 6) that may span blank lines. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dd', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'li', 'main', 'nav', 'ol', 'p', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
/** Elements whose content is kept exactly as written (CommonMark's HTML block type 1). */
const RAW_TAGS = /<(pre|script|style|textarea)\b/i;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^( *)([*+-]|\d{1,9}[.)])( {1,4}|\t)(?=\S)/;
const BLOCK_OPEN = /^ {0,3}<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>/;

/** Leading whitespace as columns, a tab counting to the next multiple of four. */
function indentOf(line: string): number {
  let column = 0;
  for (const ch of line) {
    if (ch === ' ') column++;
    else if (ch === '\t') column += 4 - (column % 4);
    else break;
  }
  return column;
}

/** A paragraph cannot hold a paragraph: a new one closes the one open (HTML's parsing rules), and editors leave them open. */
const UNNESTED = new Set(['p']);

/**
 * The index of the line that closes the element opened on line `start`, or -1 when it is never
 * closed (then the block is left as CommonMark reads it). A `<p>` opened inside an open `<p>`
 * closes it, as browsers read it.
 */
function closingLine(lines: string[], start: number, tag: string): number {
  const token = new RegExp(`<(/?)${tag}\\b[^>]*?(/?)>`, 'gi');
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    for (const match of lines[i]!.matchAll(token)) {
      if (match[2]) continue;
      if (match[1]) depth--;
      else depth = UNNESTED.has(tag) ? 1 : depth + 1;
      if (depth <= 0) return i;
    }
    // An unnested element left open runs to the end of the block of HTML holding it.
    // (Its end: a blank line before text no longer indented into it.)
    const next = lines[i + 1] ?? '';
    if (depth > 0 && UNNESTED.has(tag) && i > start && lines[i]!.trim() === '' && !/^\s*</.test(next) && indentOf(next) <= indentOf(lines[start]!)) return i - 1;
  }
  return -1;
}

const CLOSING_THEN_TEXT = new RegExp(`^( {0,3}(?:</(?:${[...BLOCK_TAGS].join('|')})\\s*>\\s*)+)(\\S.*)$`, 'i');
const HEADING_THEN_HTML = /^( {0,3}#{1,6} .*?\{#[\w:.-]+[^}]*\})\s*(<.+)$/;

/**
 * Two blocks written on one line, which CommonMark would read as one: text after the closing tag
 * of an HTML block (`</ol>Monitor the API…`, otherwise raw HTML to the next blank line), and HTML
 * after a heading's attributes (`### Pre-flip {#pre-flip}<figure>`). Each part gets its own line.
 */
function splitRunOnBlocks(lines: string[]): string[] {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence !== null) {
      if (fenceMark?.startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = null;
      out.push(line);
      continue;
    }
    if (fenceMark) fence = fenceMark;
    const closing = fence === null ? CLOSING_THEN_TEXT.exec(line) : null;
    const heading = fence === null ? HEADING_THEN_HTML.exec(line) : null;
    const split = closing ?? heading;
    if (split) out.push(split[1]!.trimEnd(), '', split[2]!);
    else out.push(line);
  }
  return out;
}

/**
 * Markdown with HTML blocks dedented and list continuations re-indented (see the module comment);
 * everything else, fenced code and code blocks included, unchanged.
 */
export function normaliseMarkdownLayout(markdown: string): string {
  const lines = splitRunOnBlocks(markdown.split(/\r?\n/));
  const out: string[] = [];
  let fence: string | null = null;
  const lists: { marker: number; content: number }[] = [];
  let afterHtml = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence !== null) {
      out.push(line);
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = null;
      continue;
    }
    const indent = indentOf(line);
    const fenceOpen = FENCE.exec(line);
    if (fenceOpen && indent < 4) {
      fence = fenceOpen[1]!;
      out.push(line);
      continue;
    }

    const open = BLOCK_OPEN.exec(line.trimStart());
    const tag = open?.[1]?.toLowerCase();
    // Right after a block of HTML, an element indented as an HTML editor nests it is more HTML.
    if (tag && BLOCK_TAGS.has(tag) && !open![2] && (indent < 4 || afterHtml)) {
      const end = closingLine(lines, i, tag);
      if (end >= i) {
        // The whole element, blank lines and all, as one block of HTML lines with no indentation
        // (text between them stays Markdown after a blank line, as in Goldmark), except what
        // sits in <pre>, which keeps its spaces.
        let raw: string | null = null;
        for (let j = i; j <= end; j++) {
          const inner = lines[j]!;
          if (raw !== null) {
            out.push(inner);
            if (new RegExp(`</${raw}\\s*>`, 'i').test(inner)) raw = null;
            continue;
          }
          out.push(inner.trimStart());
          const rawOpen = RAW_TAGS.exec(inner);
          if (rawOpen && !new RegExp(`</${rawOpen[1]}\\s*>`, 'i').test(inner.slice(rawOpen.index))) raw = rawOpen[1]!;
        }
        i = end;
        while (lists.length && indent <= lists[lists.length - 1]!.marker) lists.pop();
        afterHtml = true;
        continue;
      }
    }

    if (line.trim() !== '') afterHtml = false;
    const item = LIST_ITEM.exec(line);
    const top = () => lists[lists.length - 1];
    if (item && indent < (top() ? top()!.content + 4 : 4)) {
      // An indented item numbered other than 1 right under a paragraph line: CommonMark reads it
      // as more of the paragraph, its author as the list it is numbered as.
      const previous = out[out.length - 1];
      if (indent > 0 && /^\d/.test(item[2]!) && !/^1[.)]$/.test(item[2]!) && previous !== undefined && previous.trim() !== '' && !LIST_ITEM.test(previous) && !top()) out.push('');
      const marker = indentOf(item[1]!);
      const gap = item[3] === '\t' ? 4 - ((marker + item[2]!.length) % 4) : item[3]!.length;
      // The items this one is not inside of are over.
      while (top() && top()!.content > marker) lists.pop();
      lists.push({ marker, content: marker + item[2]!.length + gap });
      out.push(line);
      continue;
    }
    if (line.trim() === '') {
      out.push(line);
      continue;
    }
    while (top() && indent <= top()!.marker) lists.pop();
    const openItem = top();
    if (openItem && indent > openItem.marker && indent < openItem.content) {
      // A continuation written with less indentation than the item's text: give it the item's.
      out.push(' '.repeat(openItem.content) + line.trimStart());
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}
