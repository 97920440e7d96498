import { parseDocument } from 'htmlparser2';
import type { ChildNode } from 'domhandler';

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol',
  'blockquote', 'figure', 'figcaption', 'pre', 'table', 'tr', 'td', 'th', 'br', 'hr', 'dd', 'dt',
]);

/**
 * Plain text of an HTML fragment for indexing: entities decoded, block elements separated by a
 * newline so that words of adjacent paragraphs never run together, images contribute their alt.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  const walk = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') out.push(node.data);
      else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        if (node.name === 'script' || node.name === 'style') continue;
        if (node.name === 'img' && node.attribs.alt) out.push(` ${node.attribs.alt} `);
        const block = BLOCK.has(node.name);
        if (block) out.push('\n');
        walk(node.children);
        if (block) out.push('\n');
      }
    }
  };
  walk(parseDocument(html, { decodeEntities: true }).children);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
