import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './renderMarkdown';
import { createShortcodeReport, renderShortcodes, type ShortcodeContext, type ShortcodeRules } from './shortcodes';

const DIGITALGOV: ShortcodeRules = {
  'legacy-img': { as: 'figure', src: 'https://s3.amazonaws.com/digitalgov/_legacy-img/{src}' },
  'legacy-file': { as: 'url', href: 'https://s3.amazonaws.com/digitalgov/_legacy-img/{0}' },
};

function context(rules: ShortcodeRules = {}): ShortcodeContext {
  return {
    rules,
    resolveRef: (ref) => (ref.startsWith('2013-03-12-how-to-get-started-with-apis.md') ? { url: `https://digital.gov/2013/03/12/how-to-get-started-with-apis/${ref.includes('#') ? ref.slice(ref.indexOf('#')) : ''}`, guessed: false } : null),
    articleUrl: 'https://digital.gov/2013/11/27/surviving-thanksgiving-with-your-smartphone/',
    report: createShortcodeReport(),
  };
}

const render = (markdown: string, ctx = context()) => renderMarkdown(renderShortcodes(markdown, ctx));

describe('renderShortcodes', () => {
  it('renders a site picture as a figure with its address, alt text and caption, before the line it was in', () => {
    const html = render(
      'Oh, Thanksgiving!\n\n[{{< legacy-img src="2013/11/turkey.jpeg" alt="Photo of a turkey" caption="A turkey" >}}](https://s3.amazonaws.com/digitalgov/_legacy-img/2013/11/turkey.jpeg)If you need a time-out, try these apps.',
      context(DIGITALGOV),
    );
    expect(html).toContain(
      '<figure><img src="https://s3.amazonaws.com/digitalgov/_legacy-img/2013/11/turkey.jpeg" alt="Photo of a turkey"><figcaption>A turkey</figcaption></figure>',
    );
    expect(html).toContain('<p>If you need a time-out, try these apps.</p>');
  });

  it('uses an absolute picture address as it is, and keeps a picture it cannot locate as a figure linking to the original', () => {
    expect(render('{{< legacy-img src="https://sites.usa.gov/howtomobile/files/2011/08/app.jpg" alt="The app" >}}', context(DIGITALGOV))).toContain(
      '<img src="https://sites.usa.gov/howtomobile/files/2011/08/app.jpg" alt="The app">',
    );
    // `img src="api-pillars"` names a picture in the site's data files: no address to show.
    expect(render('{{< img src="api-pillars" >}}')).toContain(
      '<figure class="image-unavailable"><a href="https://digital.gov/2013/11/27/surviving-thanksgiving-with-your-smartphone/">Picture</a></figure>',
    );
    expect(render('{{< figure src="/images/chart.png" alt="Visits by month" caption="Visits, 2015" >}}')).toContain(
      '<figure><img src="/images/chart.png" alt="Visits by month"><figcaption>Visits, 2015</figcaption></figure>',
    );
  });

  it('renders videos and posts as links with their titles, and note boxes as asides', () => {
    expect(render('{{< youtube id="Z4XCkDhve20" title="Introducing the Money Adventure Android App" >}}')).toContain(
      '<p><a href="https://www.youtube.com/watch?v=Z4XCkDhve20">Introducing the Money Adventure Android App</a> (youtube.com)</p>',
    );
    expect(render('{{< youtube Z4XCkDhve20 >}}')).toContain('<a href="https://www.youtube.com/watch?v=Z4XCkDhve20">Watch on youtube.com</a>');
    expect(render('{{< tweet user="CIA" id="619224775483785216" >}}')).toContain('<a href="https://twitter.com/CIA/status/619224775483785216">Post by @CIA</a>');
    expect(render('{{< fb-video "https://www.facebook.com/nih.nccih/videos/1405263649496849/" >}}')).toContain(
      '<a href="https://www.facebook.com/nih.nccih/videos/1405263649496849/">Watch on facebook.com</a>',
    );
    expect(render('{{< note variant="action" >}}\n**Register** for the [webinar](https://example.gov/w).\n{{< /note >}}').replace(/>\s+</g, '><')).toContain(
      '<aside><p><strong>Register</strong> for the <a href="https://example.gov/w">webinar</a>.</p></aside>',
    );
  });

  it('resolves references to other pages, with their fragment, and keeps the words of one it cannot resolve', () => {
    const ctx = context(DIGITALGOV);
    const html = render(
      'Read more on [auditing APIs]({{< ref "2013-03-12-how-to-get-started-with-apis.md#audit" >}}) and [the events]({{< ref "/events/_index.md" >}} "Events"); [the inventory]({{< legacy-file "2014/07/sample-content-inventory.xlsx" >}}).',
      ctx,
    );
    expect(html).toContain('<a href="https://digital.gov/2013/03/12/how-to-get-started-with-apis/#audit">auditing APIs</a>');
    expect(html).toContain('<a href="about:invalid" title="Events">the events</a>');
    expect(html).toContain('<a href="https://s3.amazonaws.com/digitalgov/_legacy-img/2014/07/sample-content-inventory.xlsx">the inventory</a>');
    expect(Object.fromEntries(ctx.report.unresolvedRefs)).toEqual({ '/events/_index.md': 1 });
  });

  it('renders an unknown shortcode as its inner content and counts it by name', () => {
    const ctx = context();
    const html = render('{{< tmp-widget size="3" >}}\n\n{{< event-card title="Why it matters" >}}Agencies save time.{{< /event-card >}}\n\n{{< tmp-widget >}}', ctx);
    expect(html).toContain('<strong>Why it matters</strong>');
    expect(html).toContain('Agencies save time.');
    expect(html).not.toMatch(/\{\{|tmp-widget/);
    expect(Object.fromEntries(ctx.report.unknown)).toEqual({ 'tmp-widget': 2, 'event-card': 1 });
  });

  it('turns Liquid highlight blocks into code, resolves post_url, drops comments and counts other tags', () => {
    const ctx = context();
    const html = render('{% comment %}Draft note{% endcomment %}See [it]({% post_url 2013-03-12-how-to-get-started-with-apis %}).\n\n{% highlight ruby %}\nputs "hi"\n{% endhighlight %}\n\n{% include signup.html %}', ctx);
    expect(html).toContain('<a href="https://digital.gov/2013/03/12/how-to-get-started-with-apis/">it</a>');
    expect(html).toContain('<pre><code class="language-ruby">puts &quot;hi&quot;');
    expect(html).not.toMatch(/Draft note|\{%/);
    expect(Object.fromEntries(ctx.report.unknown)).toEqual({ '{% include %}': 1 });
  });

  it('renders WordPress embed shortcodes left in Markdown migrated from WordPress as links', () => {
    expect(render('What are APIs?\n\n[youtube http://www.youtube.com/watch?v=BVeiRCEwJx8]\n\nAPIs are…')).toContain(
      '<p><a href="http://www.youtube.com/watch?v=BVeiRCEwJx8">Watch on youtube.com</a> (youtube.com)</p>',
    );
    expect(render('The demo: [youtube= http://www.youtube.com/watch?v=yxK9Cb-TSGM&w=600] You can also…')).toContain(
      '<a href="http://www.youtube.com/watch?v=yxK9Cb-TSGM&amp;w=600">Watch on youtube.com</a>',
    );
  });

  it('shows a shortcode quoted for display as text', () => {
    expect(renderShortcodes('Write {{</* youtube id="x" */>}} in your page.', context())).toBe('Write {{< youtube id="x" >}} in your page.');
  });
});
