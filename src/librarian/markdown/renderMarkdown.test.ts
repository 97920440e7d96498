import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './renderMarkdown';

describe('renderMarkdown', () => {
  it('turns heading attributes into ids and gives other headings Goldmark’s automatic ids, unique per article', () => {
    const html = renderMarkdown('## <a name="x-Why We Did It"></a>Why We Did It {#toc0}\n\n## Audit\n\n## Audit\n\n### Next steps {.wide}');
    expect(html).toContain('<h2 id="toc0"><a name="x-Why We Did It"></a>Why We Did It</h2>');
    expect(html).toContain('<h2 id="audit">Audit</h2>');
    expect(html).toContain('<h2 id="audit-1">Audit</h2>');
    expect(html).toContain('<h3 id="next-steps">Next steps</h3>');
  });

  it('renders the GitHub extensions: tables, strikethrough and bare addresses', () => {
    const html = renderMarkdown('| Metric | Definition |\n|---|---|\n| Fans | People who like your page |\n\n~~Beta~~ at https://beta.fec.gov/ now');
    expect(html).toContain('<th>Metric</th>');
    expect(html).toContain('<td>People who like your page</td>');
    expect(html).toContain('<del>Beta</del> at <a href="https://beta.fec.gov/">https://beta.fec.gov/</a>');
  });

  it('resolves reference-style links and renders Markdown inside an HTML block after a blank line, as Goldmark does', () => {
    const html = renderMarkdown('<div class="note">\n\nSee the [API guide][guide] and **try it**.\n\n</div>\n\n[guide]: https://api.data.gov/docs/');
    expect(html).toContain('<p>See the <a href="https://api.data.gov/docs/">API guide</a> and <strong>try it</strong>.</p>');
  });

  it('reads links and bold the way their authors wrote them where CommonMark would show the syntax', () => {
    const cases: [string, string][] = [
      ['[Do It Yourself](http://supportforums.blackberry.com/t5/Web/ Enterprise-Small/ta-p/1189179) for non-developers.', '<a href="http://supportforums.blackberry.com/t5/Web/Enterprise-Small/ta-p/1189179">Do It Yourself</a>'],
      ['[tell us](mailto:digitalgov@gsa.gov?subject=Making%20Changes with DGU) how.', '<a href="mailto:digitalgov@gsa.gov?subject=Making%20Changes%20with%20DGU">tell us</a>'],
      ['The [SSI program](to https://www.ssa.gov/ssi/ ) pays.', '<a href="https://www.ssa.gov/ssi/">SSI program</a>'],
      ['the [app graveyard](https://example.gov/graveyard/ "Avoid the "App Graveyard"").', '<a href="https://example.gov/graveyard/" title="Avoid the &quot;App Graveyard&quot;">app graveyard</a>'],
      ['[Join the community](https://digital.gov/communities/ to keep up.', '<a href="https://digital.gov/communities/">Join the community</a> to keep up.'],
      ['<p>Read [the report](https://example.gov/report) today.</p>', '<p>Read <a href="https://example.gov/report">the report</a> today.</p>'],
      ['* **Central Agency Developer Hub—**A single place to find all.', '<strong>Central Agency Developer Hub—</strong>A single place'],
      ['By Stephanie Stover, **** Search Engine Specialist', 'By Stephanie Stover,  Search Engine Specialist'],
      ['Read the article: [Using Chatbots](Using Chatbots To Improve).', 'Read the article: Using Chatbots.'],
      ['### \\***\\*Q & A with Emily Marsh, Ph.D.\\****', '<strong>Q &amp; A with Emily Marsh, Ph.D.</strong></h3>'],
    ];
    for (const [markdown, expected] of cases) expect(renderMarkdown(markdown), markdown).toContain(expected);
  });

  it('never touches the syntax inside code', () => {
    const html = renderMarkdown('Use `**kwargs` and `[a](b c)`:\n\n```python\ndef f(**kwargs): return "[x](y z)"\n```');
    expect(html).toContain('<code>**kwargs</code>');
    expect(html).toContain('<code>[a](b c)</code>');
    expect(html).toContain('def f(**kwargs): return &quot;[x](y z)&quot;');
  });
});
