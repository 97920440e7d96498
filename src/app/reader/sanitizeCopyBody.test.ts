import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseReaderData } from './readerData';
import { sanitizeCopyBody } from './sanitizeCopyBody';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

/** HTML with every element's attributes in name order (linkedom lists them in another order than a browser). */
function canonical(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  const walk = (node: Node): string =>
    Array.from(node.childNodes)
      .map((child) => {
        if (child.nodeType !== 1) return child.nodeType === 3 ? (child.textContent ?? '') : '';
        const e = child as Element;
        const attributes = Array.from(e.attributes)
          .map((a) => ` ${a.name}="${a.value}"`)
          .sort()
          .join('');
        return `<${e.tagName.toLowerCase()}${attributes}>${walk(e)}</${e.tagName.toLowerCase()}>`;
      })
      .join('');
  return walk(template.content);
}

describe('sanitizeCopyBody', () => {
  // Months with seed pages, tables, figures of images not kept, and code.
  it.each(['2017-11', '2012-08', '2011-06', '2014-11'])('keeps the bodies of the archive (%s) as they are', (month) => {
    const articles = (JSON.parse(readFileSync(path.resolve(`archive/articles/${month}.json`), 'utf8')) as { articles: { body: string }[] }).articles;
    expect(articles.length).toBeGreaterThan(0);
    for (const { body } of articles) expect(canonical(sanitizeCopyBody(body, document))).toBe(canonical(body));
  });

  it('takes scripts, handlers, javascript: links and frames out of an imported copy, and keeps its text, picture and in-app link', () => {
    const data = parseReaderData(readFileSync(path.resolve('src/app/reader/testing/script-in-copy.json'), 'utf8'), 'script-in-copy.json');
    const clean = sanitizeCopyBody(data.copies[0]!.page.article.body, document);
    expect(canonical(clean)).toBe(
      '<p>Albu Kamal fell <a>today</a>.</p><img alt="The town" src="images/0123456789abcdef.webp"></img><p><a href="/articles/2017/11/the-end-of-the-caliphate">The end</a></p>',
    );
  });
});
