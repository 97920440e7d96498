import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from './sanitizeArticleHtml';

// Fragments shaped like the body of the Arab News seed page, with the attacks a hostile or broken
// source could carry.
const BASE = 'http://www.arabnews.com/node/1191671/middle-east';

describe('sanitizeArticleHtml', () => {
  it('keeps paragraphs, headings, lists, links, quotes and figures with alt text', () => {
    const html =
      '<h2>US-backed forces advance</h2><p>BEIRUT: Daesh terrorists conducted a <a href="https://www.syriahr.com/en/">counterattack</a>.</p>' +
      '<ul><li>Mosul</li><li>Raqqa</li></ul><blockquote><p>IS is trying to defend its last bastion.</p></blockquote>' +
      '<figure><img src="https://www.arabnews.com/sites/default/files/albu-kamal.jpg" alt="Iraqi forces in al-Qaim"><figcaption>(AFP)</figcaption></figure>';
    expect(sanitizeArticleHtml(html, BASE)).toBe(
      '<h2>US-backed forces advance</h2><p>BEIRUT: Daesh terrorists conducted a <a href="https://www.syriahr.com/en/">counterattack</a>.</p>' +
        '<ul><li>Mosul</li><li>Raqqa</li></ul><blockquote><p>IS is trying to defend its last bastion.</p></blockquote>' +
        '<figure><img src="https://www.arabnews.com/sites/default/files/albu-kamal.jpg" alt="Iraqi forces in al-Qaim" /><figcaption>(AFP)</figcaption></figure>',
    );
  });

  it('lets no script, event handler, javascript: or data: URL through', () => {
    const html =
      '<p onclick="steal()" onmouseover="steal()">Albu Kamal<script>steal()</script></p>' +
      '<a href="javascript:steal()">link</a><a href="JaVaScRiPt:steal()">link</a><a href=" javascript:steal()">link</a>' +
      '<img src="data:image/png;base64,iVBORw0KGgo=" alt="pixel"><img src="x" onerror="steal()" alt="x">' +
      '<iframe src="https://example.org"></iframe><style>p{}</style><svg onload="steal()"></svg><form><input></form>';
    const clean = sanitizeArticleHtml(html, BASE);
    expect(clean).not.toMatch(/script|on\w+=|javascript:|data:|iframe|<style|<svg|<form|<input/i);
    expect(clean).toContain('Albu Kamal');
  });

  it('makes relative links absolute against the article URL', () => {
    expect(sanitizeArticleHtml('<p><a href="/node/1191261">earlier</a></p>', BASE)).toBe('<p><a href="http://www.arabnews.com/node/1191261">earlier</a></p>');
  });

  it('drops relative addresses when the article URL is unknown, keeping the text', () => {
    expect(sanitizeArticleHtml('<p><a href="/node/1191261">earlier</a><img src="/a.jpg" alt="Albu Kamal"></p>', null)).toBe('<p><a>earlier</a></p>');
  });

  it('turns the page title level into a section heading and drops decorative images', () => {
    expect(sanitizeArticleHtml('<h1>Albu Kamal</h1><img src="https://www.arabnews.com/spacer.gif"><p></p>', BASE)).toBe('<h2>Albu Kamal</h2>');
  });
});
