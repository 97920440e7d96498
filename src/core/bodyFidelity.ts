/**
 * Checks that an article body reads as its source published it: no Markdown or template syntax
 * left as text (the sign of a source rendered wrongly or not at all), and no ordinary prose
 * inside a code block (the sign of indentation misread as code). Pure: no DOM, no Node. Used by
 * the librarian's `validate` (as warnings) and by a test over the committed archive.
 */
import { decodeEntities } from './htmlToPlainText';

/** What kind of leftover a body holds. */
export type FidelityKind =
  | 'markdown-link'
  | 'markdown-emphasis'
  | 'heading-attribute'
  | 'shortcode'
  | 'liquid-tag'
  | 'escaped-tag'
  | 'prose-in-code';

export interface FidelityProblem {
  kind: FidelityKind;
  /** The offending text, shortened, as the reader would see it. */
  excerpt: string;
}

/** What each kind means, for messages. */
export const FIDELITY_KIND_DESCRIPTIONS: Record<FidelityKind, string> = {
  'markdown-link': 'Markdown link syntax "](" shown as text',
  'markdown-emphasis': 'Markdown emphasis "**…**" shown as text',
  'heading-attribute': 'heading attribute "{#…}" shown as text',
  shortcode: 'a Hugo or WordPress shortcode ("{{< … >}}", "[youtube …]") shown as text',
  'liquid-tag': 'Liquid tag "{% … %}" shown as text',
  'escaped-tag': 'an HTML tag shown as text ("&lt;img …")',
  'prose-in-code': 'ordinary prose inside a code block',
};

/** Code is allowed to hold any syntax: its text is taken out before the prose checks. */
const CODE_ELEMENT = /<(pre|code)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi;
const TAG = /<[^>]*>/g;
const INLINE_TAG = /<\/?(?:a|strong|em|b|i|u|s|span|mark|small|sub|sup|abbr|cite|q|time)\b[^>]*>/gi;

const PATTERNS: { kind: FidelityKind; pattern: RegExp }[] = [
  // `[text](address)` or the remains of one whose address was a template: `[text]( "title")`.
  { kind: 'markdown-link', pattern: /\]\(\s*(?:[^\s()]*|"[^"]*")\s*(?:"[^"]*")?\s*\)?/ },
  // `**bold**` with text between the markers; a lone `****` (an empty emphasis) too.
  { kind: 'markdown-emphasis', pattern: /\*\*(?=\S)[^*\n]{1,200}?\S\*\*|\*{4,}|(?<![\w*"'“”‘’])\*(?=[^\s*])[^*\n]{1,200}?[^\s*]\*(?![\w*])/ },
  { kind: 'heading-attribute', pattern: /\{#[\w:.-]+(?:\s[^}]*)?\}/ },
  { kind: 'shortcode', pattern: /\{\{[<%]/ },
  { kind: 'liquid-tag', pattern: /\{%-?\s*\w/ },
  // WordPress's media shortcodes (`[youtube https://…]`, `[caption id=…]`, `[gallery ids=…]`).
  // A word in brackets alone ("[Video]", "[sic]") is text: a shortcode has an address, attributes or a closing tag.
  { kind: 'shortcode', pattern: /\[(?:youtube|vimeo|embed|video|audio)(?:=|\s+)\s*https?:[^\]]*\]|\[(?:caption|wp_caption|gallery|playlist|video|audio)\s+[\w-]+=[^\]]*\]|\[\/(?:caption|wp_caption|embed|video|audio)\]/ },
  // A tag with attributes shown as text: `<img src=…>`, `<a href=…>`, `<div class=…>`. A tag's
  // bare name in a sentence (`the <h1> and <h2> tags`) is how articles about HTML write it.
  { kind: 'escaped-tag', pattern: /<(?:img|a|div|span|p|iframe|script|table|figure|video|source)\s+[\w-]+\s*=\s*["'][^<>]{0,200}>?/i },
];

/**
 * Every problem in one body, at most one per kind (the first occurrence), in a stable order.
 */
export function findFidelityProblems(bodyHtml: string): FidelityProblem[] {
  const problems: FidelityProblem[] = [];
  const codeBlocks: string[] = [];
  const withoutCode = bodyHtml.replace(CODE_ELEMENT, (_whole, tag: string, inner: string) => {
    if (tag.toLowerCase() === 'pre') codeBlocks.push(decodeEntities(inner.replace(TAG, '')));
    return ' ';
  });
  // Inline tags join the text around them, as a reader sees it (`*<strong>*Q & A*</strong>*`).
  const text = decodeEntities(withoutCode.replace(INLINE_TAG, '').replace(TAG, ' ')).replace(/\s+/g, ' ');
  for (const { kind, pattern } of PATTERNS) {
    const match = pattern.exec(text);
    if (match) problems.push({ kind, excerpt: excerptAround(text, match.index, match[0].length) });
  }
  const prose = codeBlocks.find(isProse);
  if (prose !== undefined) problems.push({ kind: 'prose-in-code', excerpt: shorten(prose.replace(/\s+/g, ' ').trim(), 80) });
  return problems;
}

/**
 * Whether a code block's text is ordinary prose: several sentences of words, hardly any of the
 * punctuation code is made of, and no line that looks like code (an assignment, a call, a tag).
 * Real code blocks in news (commands, HTML, JSON, URLs) fail at least one of these.
 */
export function isProse(code: string): boolean {
  // Markup in a code block is looked through: HTML that was meant to be rendered, shown as code,
  // is prose too (`<p> This is a very large audience … </p>`).
  const text = code.replace(/<[^>]*>/g, ' ');
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  // Lines of pseudo-code or a poem are short; a paragraph runs on.
  if (lines.length === 0 || Math.max(...lines.map((line) => line.length)) < 80) return false;
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  if (words.length < 12) return false;
  const codeMarks = (text.match(/[{}[\]<>=;$#|\\_/`]/g) ?? []).length;
  if (codeMarks / text.length > 0.01) return false;
  const sentences = (text.match(/\p{L}{2,}[.!?]["”’)]?(?:\s|$)/gu) ?? []).length;
  if (sentences < 1) return false;
  const letters = (text.match(/[\p{L}\s]/gu) ?? []).length;
  return letters / text.length > 0.9;
}

function excerptAround(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 30);
  const end = Math.min(text.length, index + length + 30);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
