import { describe, expect, it } from 'vitest';
import { findFidelityProblems, isProse } from './bodyFidelity';

describe('findFidelityProblems', () => {
  it('finds each kind of leftover syntax in the text a reader sees', () => {
    const kinds = (html: string) => findFidelityProblems(html).map((p) => p.kind);
    expect(kinds('<p>Learn about [children]( "Trends on Tuesday: Kids are Going Mobile") today.</p>')).toEqual(['markdown-link']);
    expect(kinds('<p>Read more**** on <strong>APIs</strong> and **bold** words.</p>')).toEqual(['markdown-emphasis']);
    expect(kinds('<h2>Why We Did It {#toc0}</h2>')).toEqual(['heading-attribute']);
    expect(kinds('<h3>*<strong>*Q &amp; A with Emily Marsh*</strong>*</h3>')).toEqual(['markdown-emphasis']);
    expect(kinds('<p>Prices rose 5 * 3 times; see note*.</p>')).toEqual([]);
    expect(kinds('<p>{{&lt; legacy-img src="2013/11/turkey.jpeg" &gt;}}</p><p>{% include x.html %}</p>')).toEqual(['shortcode', 'liquid-tag']);
    expect(kinds('<p>[youtube <a href="http://www.youtube.com/watch?v=BVeiRCEwJx8">http://www.youtube.com/watch?v=BVeiRCEwJx8</a>]</p>')).toEqual(['shortcode']);
    expect(kinds('<p>They said [sic], cited [1] and tagged it [Video].</p>')).toEqual([]);
    expect(kinds('<p>[caption id="attachment_12" align="alignleft"]A photo.[/caption]</p>')).toEqual(['shortcode']);
    expect(kinds('<p>&lt;img src="https://example.gov/a.png" alt="A chart"&gt; Our chart.</p>')).toEqual(['escaped-tag']);
  });

  it('allows any syntax inside code, and a tag named in a sentence', () => {
    expect(findFidelityProblems('<p>Use <code>**kwargs</code> and <code>{{&lt; ref "a.md" &gt;}}</code>; the &lt;h1&gt; and &lt;h2&gt; tags.</p><pre><code>[a](b)</code></pre>')).toEqual([]);
  });

  it('finds ordinary prose shown as a code block, markup and all, but not code or pseudo-code', () => {
    const prose = '<pre><code>&lt;p&gt;\n  This is a very large audience with more than 55 million Hispanics living in the U.S.; it’s also a young one, and it reads on phones.\n&lt;/p&gt;</code></pre>';
    expect(findFidelityProblems(prose).map((p) => p.kind)).toEqual(['prose-in-code']);
    expect(isProse('If the car is dirty...\n  and it’s Saturday...\n    and it’s sunny...\n      wash the car\n')).toBe(false);
    expect(isProse('$ curl --head http://dap.digitalgov.gov/Universal-Federated-Analytics-Min.js\nHTTP/1.1 301 Moved Permanently\n')).toBe(false);
    expect(isProse('<meta name="description" content="Arthritis can cause pain, swelling and stiffness in and around one or more joints. Learn about types.">')).toBe(false);
  });
});
