import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { bundleAddress, bundleSrcset, prepareArticleBody, tableName } from './prepareArticleBody';

const OPTIONS = { bundleBase: '/bundle/', appBase: '/' };

/** A body as the app inserts it: parsed, prepared, read back as HTML. */
function prepared(html: string, options = OPTIONS): HTMLElement {
  const { document } = parseHTML(`<!doctype html><html><body><div id="body">${html}</div></body></html>`);
  const body = document.getElementById('body') as HTMLElement;
  prepareArticleBody(body, options);
  return body;
}

describe('prepareArticleBody', () => {
  it('wraps a table in a focusable region named after its caption', () => {
    const body = prepared('<table><caption>Visits by agency, 2013</caption><tr><th>Agency</th><td>9</td></tr></table>');
    const scroller = body.querySelector('.table-scroll')!;
    expect(scroller.getAttribute('tabindex')).toBe('0');
    expect(scroller.getAttribute('role')).toBe('region');
    expect(scroller.getAttribute('aria-label')).toBe('Table: Visits by agency, 2013');
    expect(scroller.firstElementChild?.tagName.toLowerCase()).toBe('table');
  });

  it('names a table without caption after its first header cell', () => {
    const body = prepared('<table><thead><tr><th> Metric </th><th>Goal</th></tr></thead><tbody><tr><td>Page views</td><td>1</td></tr></tbody></table>');
    expect(body.querySelector('.table-scroll')?.getAttribute('aria-label')).toBe('Table: Metric');
  });

  it('wraps each table once, even when run twice', () => {
    const body = prepared('<table><tr><td>a</td></tr></table><p>Between</p><table><tr><td>b</td></tr></table>');
    prepareArticleBody(body, OPTIONS);
    expect(body.querySelectorAll('.table-scroll')).toHaveLength(2);
    expect(body.querySelectorAll('.table-scroll .table-scroll')).toHaveLength(0);
  });

  it('makes code blocks reachable by keyboard, since they scroll', () => {
    const body = prepared('<pre><code>curl -s https://analytics.usa.gov/data/live/top-pages-realtime.json | jq</code></pre>');
    expect(body.querySelector('pre')?.getAttribute('tabindex')).toBe('0');
  });

  it('addresses an archived picture and its sizes at the bundle, lazily loaded', () => {
    const body = prepared(
      '<figure><img src="images/usda-ask-karen.webp" srcset="images/usda-ask-karen-480.webp 480w, images/usda-ask-karen.webp 1200w" sizes="(max-width: 40rem) 100vw, 40rem" width="1200" height="800" alt="The Ask Karen chat window" loading="lazy"><figcaption>Ask Karen on a phone.</figcaption></figure>',
    );
    const img = body.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('/bundle/images/usda-ask-karen.webp');
    expect(img.getAttribute('srcset')).toBe('/bundle/images/usda-ask-karen-480.webp 480w, /bundle/images/usda-ask-karen.webp 1200w');
    expect(img.getAttribute('loading')).toBe('lazy');
  });

  it('leaves remote pictures where they are', () => {
    const body = prepared('<p><img src="https://s3.amazonaws.com/digitalgov/_legacy-img/2013/12/si-mobile-shot1.jpg" alt="si-mobile-shot1"></p>');
    expect(body.querySelector('img')?.getAttribute('src')).toBe('https://s3.amazonaws.com/digitalgov/_legacy-img/2013/12/si-mobile-shot1.jpg');
  });

  it('shows a picture the archive did not keep as a placeholder with its description, caption and original', () => {
    const body = prepared(
      '<figure class="image-unavailable"><a href="https://digital.gov/files/epa-redesign.png">The redesigned epa.gov home page</a><figcaption>The EPA used the Standards.</figcaption></figure>',
    );
    const figure = body.querySelector('figure')!;
    const placeholder = figure.querySelector('.image-placeholder')!;
    expect(placeholder.querySelector('.image-placeholder__glyph')?.getAttribute('aria-hidden')).toBe('true');
    expect(placeholder.querySelector('.image-placeholder__alt')?.textContent).toBe('The redesigned epa.gov home page');
    expect(placeholder.querySelector('.image-placeholder__note')?.textContent).toContain('Picture not kept in the archive.');
    const original = placeholder.querySelector('a')!;
    expect(original.getAttribute('href')).toBe('https://digital.gov/files/epa-redesign.png');
    expect(original.textContent).toBe('View the original (opens the original site)');
    expect(figure.querySelector('figcaption')?.textContent).toBe('The EPA used the Standards.');
    expect(figure.querySelectorAll('a')).toHaveLength(1);
  });

  it('keeps in-app links as app paths for the router', () => {
    const body = prepared('<p>See <a href="/articles/2013/11/digital-metrics-guidance">the guidance</a>.</p>');
    const link = body.querySelector('a')!;
    expect(link.getAttribute('data-app-path')).toBe('/articles/2013/11/digital-metrics-guidance');
    expect(link.getAttribute('href')).toBe('/articles/2013/11/digital-metrics-guidance');
    expect(link.classList.contains('external-link')).toBe(false);
  });

  it('puts the app base in front of in-app links when the app is not at the root', () => {
    const body = prepared('<a href="/articles/2013/11/digital-metrics-guidance">the guidance</a>', { bundleBase: '/news/bundle/', appBase: '/news/' });
    expect(body.querySelector('a')?.getAttribute('href')).toBe('/news/articles/2013/11/digital-metrics-guidance');
  });

  it('marks links to the web as leaving the archive, once', () => {
    const body = prepared('<p><a href="https://www.usability.gov/" rel="nofollow">Usability.gov</a> and <a href="#notes">notes</a></p>');
    prepareArticleBody(body, OPTIONS);
    const [web, notes] = body.querySelectorAll('a');
    expect(web!.classList.contains('external-link')).toBe(true);
    expect(web!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(web!.textContent).toBe('Usability.gov (opens the original site)');
    expect(notes!.classList.contains('external-link')).toBe(false);
  });
});

describe('prepareArticleBody lists', () => {
  it('gives orphan list items in a row one list', () => {
    const body = prepared('<p>Questions:</p><li>Contractor support?</li>\n<li>Inquiries</li><p>After</p><li>Alone</li>');
    expect(body.innerHTML).toBe('<p>Questions:</p><ul><li>Contractor support?</li><li>Inquiries</li></ul>\n<p>After</p><ul><li>Alone</li></ul>');
  });

  it('wraps orphan items at the top of a template fragment, as the app prepares bodies', () => {
    const { document } = parseHTML('<!doctype html><html><body><template></template></body></html>');
    const template = document.querySelector('template') as HTMLTemplateElement;
    template.innerHTML = '<li>Phone</li><li>Web chat</li>';
    prepareArticleBody(template.content, OPTIONS);
    const holder = document.createElement('div');
    holder.append(template.content);
    expect(holder.innerHTML).toBe('<ul><li>Phone</li><li>Web chat</li></ul>');
  });

  it('puts a list nested straight in a list into the item before it', () => {
    const body = prepared('<ul><li>Channels</li><ul><li>Phone</li></ul></ul>');
    expect(body.innerHTML).toBe('<ul><li>Channels<ul><li>Phone</li></ul></li></ul>');
  });

  it('gives anything first in a list an item of its own', () => {
    const body = prepared('<ol><p>Note</p><li>One</li></ol>');
    expect(body.innerHTML).toBe('<ol><li><p>Note</p></li><li>One</li></ol>');
  });
});

describe('tableName', () => {
  it('shortens a long first cell', () => {
    const { document } = parseHTML(`<table><tr><td>${'Federal agency digital analytics '.repeat(4)}</td></tr></table>`);
    const name = tableName(document.querySelector('table')!);
    expect(name.length).toBeLessThanOrEqual(60);
    expect(name.endsWith('…')).toBe(true);
  });

  it('says "untitled" for an empty table', () => {
    const { document } = parseHTML('<table><tr><td> </td></tr></table>');
    expect(tableName(document.querySelector('table')!)).toBe('untitled');
  });
});

describe('bundleAddress', () => {
  it('puts relative addresses under the bundle and leaves the others', () => {
    expect(bundleAddress('images/a.webp', '/bundle/')).toBe('/bundle/images/a.webp');
    expect(bundleAddress('./images/a.webp', '/bundle/')).toBe('/bundle/images/a.webp');
    expect(bundleAddress('/images/a.webp', '/bundle/')).toBe('/images/a.webp');
    expect(bundleAddress('//cdn.example.org/a.jpg', '/bundle/')).toBe('//cdn.example.org/a.jpg');
    expect(bundleAddress('https://digital.gov/a.jpg', '/bundle/')).toBe('https://digital.gov/a.jpg');
    expect(bundleAddress('data:image/gif;base64,R0lGOD', '/bundle/')).toBe('data:image/gif;base64,R0lGOD');
  });
});

describe('bundleSrcset', () => {
  it('rewrites every candidate and keeps its descriptor', () => {
    expect(bundleSrcset('images/a-480.webp 480w,images/a.webp  1200w', '/bundle/')).toBe('/bundle/images/a-480.webp 480w, /bundle/images/a.webp 1200w');
  });
});
