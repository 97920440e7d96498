import { describe, expect, it } from 'vitest';
import { normaliseMarkdownLayout } from './markdownLayout';
import { renderMarkdown } from './renderMarkdown';

// Layouts taken from the DigitalGov corpus (2013-04-19 social media metrics, 2016-05-13 civic hacking).
const EDITOR_TABLE = [
  '<table border="1" cellspacing="1" cellpadding="7">',
  '  <tr>',
  '    <th scope="col" width="15%">',
  '      Platform Examples',
  '    </th>',
  '',
  '    <td>',
  '      1) Fans',
  '    </td>',
  '  </tr>',
  '</table>',
].join('\n');

describe('normaliseMarkdownLayout', () => {
  it('keeps an HTML block indented by an editor as HTML across its blank lines', () => {
    const html = renderMarkdown(EDITOR_TABLE);
    expect(html).not.toContain('<pre>');
    expect(html).toMatch(/<td>\s*1\) Fans\s*<\/td>/);
  });

  it('gives a list item’s under-indented next paragraph the item’s indentation instead of making it code', () => {
    const markdown = [
      '  1. **Local Business Success Makes Communities Stronger**',
      '',
      '    An excerpt from the 2012 National Economic Council report put it succinctly.',
      '  2. **Micro-businesses are a Driving Force in Upward Mobility**',
    ].join('\n');
    const html = renderMarkdown(markdown);
    expect(html).not.toContain('<pre>');
    expect(html.replace(/\s+/g, ' ')).toContain('<p>An excerpt from the 2012 National Economic Council report put it succinctly.</p>');
    expect(html.match(/<li>/g)).toHaveLength(2);
  });

  it('leaves fenced code and real indented code alone', () => {
    const markdown = ['Run this:', '', '```', '<table>', '    <td>x</td>', '```', '', '    $ curl --head https://example.gov/', ''].join('\n');
    expect(normaliseMarkdownLayout(markdown)).toBe(markdown);
    const html = renderMarkdown(markdown);
    expect(html).toContain('<pre><code>&lt;table&gt;\n    &lt;td&gt;x&lt;/td&gt;\n</code></pre>');
    expect(html).toContain('<pre><code>$ curl --head https://example.gov/\n</code></pre>');
  });

  it('splits text written after a closing block tag, and HTML after a heading’s attributes, onto lines of their own', () => {
    expect(normaliseMarkdownLayout('</ol>_Monitor the API analytics [to track it](https://example.gov/)._')).toBe(
      '</ol>\n\n_Monitor the API analytics [to track it](https://example.gov/)._',
    );
    const html = renderMarkdown('### Pre-flip {#pre-flip}<figure><img src="https://example.gov/a.png" alt="Before"></figure>');
    expect(html).toContain('<h3 id="pre-flip">Pre-flip</h3>');
    expect(html).toContain('<figure><img src="https://example.gov/a.png" alt="Before"></figure>');
  });

  it('starts a list numbered other than 1 that an author indented under a paragraph line', () => {
    const html = renderMarkdown('Growth is slowing.\n  4. **18-34 year olds are mobile-only.**\n\n    More than 20% of them are mobile-only.');
    expect(html).toContain('<ol start="4">');
    expect(html).not.toContain('<pre>');
  });
});
