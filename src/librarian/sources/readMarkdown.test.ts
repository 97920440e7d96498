import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../import/normalise';
import { type SourceArticle, SourceError } from '../import/SourceArticle';
import { joinNames, parseSourceDate } from '../import/normalise';
import { createMarkdownContext, createTaxonomyResolver, readMarkdown } from './readMarkdown';
import { thrownBy } from '../testing/thrownBy';

const CORPORA = path.resolve(process.cwd(), '../shared/corpora');
const CONTENT = path.join(CORPORA, 'digitalgov-news/content');
const NEWS = path.join(CONTENT, 'news');
const PRESENT = existsSync(NEWS);

/** Every article file under news/: `YYYY/MM/*.md`, plus one filed as `2025/*.md`; not the section's `_index.md`. */
function newsFiles(): string[] {
  return readdirSync(NEWS, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md') && path.basename(file) !== '_index.md')
    .sort();
}

function readNews(relative: string, context = createMarkdownContext()): SourceArticle {
  const file = path.join(NEWS, relative);
  const result = readMarkdown(readFileSync(file, 'utf8'), file, context);
  expect(result.skipped).toEqual([]);
  expect(result.articles).toHaveLength(1);
  return result.articles[0]!;
}


describe.skipIf(!PRESENT)(`readMarkdown on the DigitalGov news corpus (skipped when ${NEWS} is absent)`, () => {
  it('reads all 2,083 article files: 2,081 articles, one draft skipped, one file without a title refused', () => {
    const context = createMarkdownContext();
    const { taxonomy } = context;
    const files = newsFiles();
    const articles: SourceArticle[] = [];
    const skipped: { record: string; reason: string }[] = [];
    const refused: string[] = [];
    for (const relative of files) {
      const file = path.join(NEWS, relative);
      try {
        const result = readMarkdown(readFileSync(file, 'utf8'), file, context);
        articles.push(...result.articles);
        skipped.push(...result.skipped);
      } catch (error) {
        if (!(error instanceof SourceError)) throw error;
        refused.push(error.message);
      }
    }

    expect(files).toHaveLength(2083);
    expect(articles).toHaveLength(2081);
    expect(skipped).toEqual([{ record: '2019-12-04-typography.md', reason: 'draft (draft: true in the front matter)' }]);
    // A real link post that never got a title (its `deck` holds the headline).
    expect(refused).toEqual(['2018-09-24-example.md: front matter has no title']);

    for (const article of articles) {
      expect(article.title, article.file).toMatch(/\S/);
      expect(article.title, article.file).not.toMatch(/&[#\w]+;|\*\*/);
      expect(article.date !== null && isIsoDate(article.date), `${article.file}: ${article.date}`).toBe(true);
      expect(article.bodyHtml, article.file).not.toMatch(/\{\{[<%]|[<%]\}\}|\{%/);
      expect(article.bodyText, article.file).not.toMatch(/\{\{|\{%/);
      expect(article.bodyText, article.file).toMatch(/\S/);
      // Inside tags: a 2015 table indented as a code block shows its `style=` markup as text.
      expect(article.bodyHtml, article.file).not.toMatch(/<script|<[^>]*(\son\w+=|\sstyle=|javascript:)/i);
      expect(article.outlet).toBeNull();
    }
    // Dates as stated: 2,040 with their offset, 4 with a time and no zone, 37 a day only.
    const shapes = new Map<string, number>();
    for (const { date } of articles) {
      const shape = date!.replace(/\d/g, '9');
      shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    }
    expect(Object.fromEntries(shapes)).toEqual({
      '9999-99-99T99:99:99-99:99': 2040,
      '9999-99-99T99:99:99': 4,
      '9999-99-99': 37,
    });
    // 305 articles name no author, 22 no topic or category: as the corpus has them.
    expect(articles.filter((article) => article.author === null)).toHaveLength(305);
    expect(articles.filter((article) => article.category === null)).toHaveLength(22);

    // Every author and topic slug resolves through its _index.md; the only exceptions are the
    // legacy `categories`/`tag` slugs of one 2019 article that no taxonomy page names.
    expect([...taxonomy.unresolved].sort()).toEqual(['categories/managing-digital', 'tags/centers-of-excellence', 'tags/coe']);
  });

  it('reads an 18F cross-post field by field: date with its offset, two authors, topics as category and tags', () => {
    const article = readNews('2017/10/2017-10-03-3-ways-manage-research-projects-remotely.md');
    expect(article).toMatchObject({
      file: '2017-10-03-3-ways-manage-research-projects-remotely.md',
      record: null,
      title: '3 Ways to Manage Research Projects Remotely',
      date: '2017-10-03T16:28:00-04:00',
      outlet: null,
      url: null,
      author: 'Nicole Fenton and Jamie Albrecht',
      category: 'Design',
      tags: ['Product and project management', 'Content strategy', 'User experience', 'Research'],
      summary:
        'Being a remote team doesn’t mean you should forgo any of your research rituals. It means finding different ways to do them.',
    });
    expect(article.bodyHtml).toMatch(
      /^<blockquote>\n<p><em>This post was originally published on the <a href="https:\/\/18f\.gsa\.gov\/2017\/09\/27\/three-ways-to-manage-research-projects\/">18F blog<\/a>\.<\/em><\/p>\n<\/blockquote>/,
    );
    expect(article.bodyHtml).toContain('<h2 id="use-tools-like-you-would-in-real-life">Use tools like you would in real life</h2>');
    expect(article.bodyHtml).toContain('<li>Mural or a similar sticky-note tool</li>');
    expect(article.bodyText.split('\n').at(-1)).toBe(
      'Disclaimer: All references to specific brands and/or companies are used only for illustrative purposes and do not imply endorsement by the U.S. federal government or any federal government agency.',
    );
    // The `{{< img src="business-communication-…" >}}` line leaves nothing behind.
    expect(article.bodyHtml).not.toContain('business-communication');
  });

  it('keeps the text that shortcodes carry: a note’s inner text, an asset label inside its sentence, a quote block', () => {
    const article = readNews('2022/10/2022-10-07-taking-a-design-led-approach-to-digital-modernization.md');
    expect(article).toMatchObject({
      title: 'Taking a Design-led Approach to Digital Modernization',
      date: '2022-10-07T09:06:00-05:00',
      author: 'Ana Monroe',
      category: 'Design',
      tags: ['Governance', 'Budgeting and performance', 'Customer experience', 'Digital service delivery'],
      summary:
        'Learn how GSA uses collaboration, empathy, and existing expertise to modernize their digital portfolio and improve customer experience.',
      url: null,
    });
    expect(article.bodyText).toContain(
      'Use Digital.gov’s handy Requirements and Go-Live Checklist for Federal Public Websites and Digital Services (Excel spreadsheet, 69 KB, 14 tabs) to ensure you’ve addressed all critical requirements for your website.',
    );
    expect(article.bodyHtml.replace(/>\s+</g, '><')).toContain(
      "<blockquote><p>Thank you so much for sharing the report. I am excited to review and bring this back to my team so we can improve our site. I appreciate the work the Enterprise Digital Experience team is doing! I'll be sure to update your team as we make progress towards your recommendations to meet agency goals.</p><p>— GSA web manager</p></blockquote>",
    );
    expect(article.bodyHtml).toContain('<a href="https://digital.gov/communities/web-content-managers/">Web Managers Community</a>');
    expect(article.bodyText).not.toMatch(/note|asset-static|quote-block/);
  });

  it('removes 79 image shortcodes from a 2012 page built as an HTML table, keeping the table and dropping its inline styles', () => {
    const article = readNews('2012/08/2012-08-22-agency-digital-strategy-pages.md');
    expect(article.title).toBe('Agency Digital Strategy Pages');
    expect(article.date).toBe('2012-08-22T10:00:26-04:00');
    expect(article.author).toBe('Alycia Piazza'); // slug apiazza, display_name in authors/apiazza/_index.md
    expect(article.bodyHtml).toContain('<td>Department of Agriculture</td>');
    expect(article.bodyHtml).not.toMatch(/legacy-img|style=|\{\{/);
    expect(article.bodyText).toContain('President Obama directed executive departments and agencies to:');
  });

  it('gives a link post without a body its summary as the body, as plain text in `summary` and as HTML in the body', () => {
    const article = readNews('2018/09/2018-09-20-another-example.md');
    expect(article).toMatchObject({
      title: 'Shared infrastructure as code',
      date: '2018-09-20T12:01:00-04:00',
      url: 'https://18f.gsa.gov/2018/08/15/shared-infrastructure-as-code/',
      author: null,
      category: null,
      tags: [],
      summary: '18F has reduced the ATO process down to a mere 30 days, from 6 months. Learn more how they\'re doing it.',
      bodyHtml: '<p>18F has reduced the ATO process <strong>down to a mere 30 days</strong>, from 6 months. Learn more how they\'re doing it.</p>',
    });
  });

  it('reads front matter after blank lines, with a one-digit hour, CRLF line ends, entities in the title, and canonical as the URL', () => {
    expect(readNews('2015/06/2015-06-29-creating-a-social-media-report-that-matters.md').date).toBe('2015-06-29T01:00:19-04:00');
    const crlf = readNews('2015/09/2015-09-02-https-and-other-ranking-factors-what-impacts-the-seo-of-government-websites.md');
    expect(crlf.title).toBe('HTTPS and Other Ranking Factors: What Impacts the SEO of Government Websites?');
    expect(crlf.date).toBe('2015-09-02T10:00:43-04:00');
    expect(crlf.bodyHtml).not.toContain('\r');
    expect(readNews('2019/03/2019-03-27-qa-with-ryan-day-about-gsas-api-strategy.md').title).toBe(
      'Q&A With Ryan Day About GSA’s API Strategy',
    );
    const canonical = newsFiles().find((file) => readFileSync(path.join(NEWS, file), 'utf8').includes('\ncanonical: https://v2.designsystem'));
    expect(readNews(canonical!).url).toBe('https://v2.designsystem.digital.gov/whats-new/updates/2019/04/08/introducing-uswds-2-0/');
  });

  it('takes the category from legacy `categories` and tags from `tag`, resolving them through topic pages where it can', () => {
    const context = createMarkdownContext();
    const { taxonomy } = context;
    const article = readNews(
      '2019/11/2019-11-20-it-modernization-apprenticeship-experience-breaking-down-workforce-innovation-barriers-at-usda.md',
      context,
    );
    expect(article.title).toBe('IT Modernization Apprenticeship Experience: Breaking Down Workforce Innovation Barriers at USDA');
    expect(article.author).toBe('Nina Bianchi');
    expect(article.category).toBe('Managing Digital');
    expect(article.tags).toEqual(['Centers Of Excellence', 'Coe', 'Professional development']);
    expect([...taxonomy.unresolved]).toEqual(['categories/managing-digital', 'tags/centers-of-excellence', 'tags/coe']);
  });

  it('resolves a topic whose _index.md has a YAML error below its title (Hugo accepts it, `yaml` recovers)', () => {
    const taxonomy = createTaxonomyResolver();
    const article = path.join(NEWS, '2017/10/2017-10-03-3-ways-manage-research-projects-remotely.md');
    expect(taxonomy.resolve(article, 'topics', 'podcast')).toBe('Podcast');
    expect(taxonomy.resolve(article, 'topics', 'software-engineering')).toBe('Software engineering');
    expect(taxonomy.resolve(article, 'authors', 'jeremyzilar')).toBe('Jeremy Zilar');
    expect(taxonomy.resolve(article, 'authors', '../../news')).toBe('../../news');
    expect([...taxonomy.unresolved]).toEqual(['authors/../../news']);
  });
});

describe.skipIf(!PRESENT)(`readMarkdown on variants of a real article (skipped when ${NEWS} is absent)`, () => {
  const FILE = path.join(NEWS, '2017/10/2017-10-03-3-ways-manage-research-projects-remotely.md');
  const real = PRESENT ? readFileSync(FILE, 'utf8') : '';

  it('skips a draft with its reason', () => {
    const result = readMarkdown(real.replace('expirydate:', 'draft: true\nexpirydate:'), FILE, createMarkdownContext());
    expect(result).toEqual({
      articles: [],
      skipped: [{ record: '2017-10-03-3-ways-manage-research-projects-remotely.md', reason: 'draft (draft: true in the front matter)' }],
    });
  });

  it('refuses a file without front matter, with a reason that says what to add', () => {
    const body = real.slice(real.indexOf('\n---\n', 4) + 5);
    const error = thrownBy(() => readMarkdown(body, FILE, createMarkdownContext()));
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toBe(
      '2017-10-03-3-ways-manage-research-projects-remotely.md: no YAML front matter (the file must start with a --- block holding at least the title)',
    );
  });

  it('refuses a file with a title and no text at all', () => {
    const frontMatterOnly = real.slice(0, real.indexOf('\n---\n', 4) + 5).replace(/^summary: .*\n/m, '');
    expect(() => readMarkdown(frontMatterOnly, FILE, createMarkdownContext())).toThrow(
      '2017-10-03-3-ways-manage-research-projects-remotely.md: no text: nothing below the front matter and no summary to stand in for it',
    );
  });

  it('refuses broken YAML, TOML front matter, and a date that is no date', () => {
    const taxonomy = createMarkdownContext();
    expect(() => readMarkdown(real.replace('topics:\n', 'topics: [design\n'), FILE, taxonomy)).toThrow(
      /^2017-10-03-3-ways-manage-research-projects-remotely\.md: front matter is not valid YAML \(/,
    );
    expect(() => readMarkdown(`+++\ntitle = "3 Ways"\n+++\nText`, FILE, taxonomy)).toThrow(
      '2017-10-03-3-ways-manage-research-projects-remotely.md: TOML front matter (+++) is not supported; convert it to YAML between --- lines',
    );
    expect(() => readMarkdown(real.replace('date: 2017-10-03 16:28:00 -0400', 'date: last Tuesday'), FILE, taxonomy)).toThrow(
      '2017-10-03-3-ways-manage-research-projects-remotely.md: front matter date "last Tuesday" is not a date (write it as 2017-10-03 or 2017-10-03 16:28:00 -0400)',
    );
  });

  it('renders Hugo shortcodes of every form and Jekyll Liquid tags, counting the ones it cannot explain', () => {
    const markdown = real.replace(
      'Here are tools we use:',
      [
        '{{< youtube id="Z4XCkDhve20" title="Introducing the Money Adventure Android App" >}}',
        '{{% notice info %}}Here are tools we use:{{% /notice %}}',
        '{% include figure.html src="remote.png" %}',
        '{% comment %}Internal: check the tool list with the team.{% endcomment %}',
        'See {{< highlight >}}[our methods]({{< ref "/resources/methods.md" >}}){{< /highlight >}}.',
        '{{< subscribe-form list="news" >}}',
      ].join('\n\n'),
    );
    const context = createMarkdownContext({ shortcodes: { highlight: { as: 'content' } } });
    const [article] = readMarkdown(markdown, FILE, context).articles;
    expect(article!.bodyHtml).toContain(
      '<p><a href="https://www.youtube.com/watch?v=Z4XCkDhve20">Introducing the Money Adventure Android App</a> (youtube.com)</p>',
    );
    expect(article!.bodyHtml.replace(/>\s+</g, '><')).toContain('<aside><p>Here are tools we use:</p></aside>');
    // The page the reference names is not in the site: the words stay, the address goes.
    expect(article!.bodyHtml).toContain('<p>See <a>our methods</a>.</p>');
    expect(article!.bodyText).not.toMatch(/[{}]|notice|figure|Internal|subscribe/);
    expect(Object.fromEntries(context.report.unknown)).toEqual({ '{% include %}': 1, 'subscribe-form': 1 });
    expect(Object.fromEntries(context.report.unresolvedRefs)).toEqual({ '/resources/methods.md': 1 });
  });

  it('resolves a Jekyll-style article with `author`, a space-separated `categories` string, `tags` and no taxonomy pages', () => {
    const jekyll = real.replace(
      /^---\n[\s\S]*?\n---\n/,
      '---\nlayout: post\ntitle: "3 Ways to Manage Research Projects Remotely"\nauthor: Nicole Fenton\ncategories: design research\ntags: [remote, user-research]\ncanonical_url: https://18f.gsa.gov/2017/09/27/three-ways-to-manage-research-projects/\n---\n',
    );
    const file = '/tmp/_posts/2017-09-27-three-ways-to-manage-research-projects.md';
    const [article] = readMarkdown(jekyll, file, createMarkdownContext()).articles;
    expect(article).toMatchObject({
      file: '2017-09-27-three-ways-to-manage-research-projects.md',
      date: '2017-09-27', // from the file name, as Jekyll does
      author: 'Nicole Fenton',
      category: 'Design',
      tags: ['Research', 'Remote', 'User Research'],
      url: 'https://18f.gsa.gov/2017/09/27/three-ways-to-manage-research-projects/',
    });
  });
});

describe('parseSourceDate', () => {
  it('keeps the offset and the precision the source states', () => {
    expect(parseSourceDate('2017-10-03 16:28:00 -0400')).toBe('2017-10-03T16:28:00-04:00');
    expect(parseSourceDate('2015-06-29 1:00:19 -0400')).toBe('2015-06-29T01:00:19-04:00');
    expect(parseSourceDate('2019-12-04')).toBe('2019-12-04');
    expect(parseSourceDate('2017-10-03 16:28:00')).toBe('2017-10-03T16:28:00');
    expect(parseSourceDate('2017-10-03T20:28:00.000Z')).toBe('2017-10-03T20:28:00.000Z');
    expect(parseSourceDate('2017-10-03T16:28-04:00')).toBe('2017-10-03T16:28-04:00');
    expect(parseSourceDate('Tue, 03 Oct 2017 16:28:00 -0400')).toBe('2017-10-03T16:28:00-04:00');
    expect(parseSourceDate('October 3, 2017')).toBe('2017-10-03');
  });

  it('refuses what is no calendar date', () => {
    expect(parseSourceDate('2017-02-30')).toBeNull();
    expect(parseSourceDate('October 2017')).toBeNull();
    expect(parseSourceDate('last Tuesday')).toBeNull();
    expect(parseSourceDate('')).toBeNull();
    expect(parseSourceDate(20171003)).toBeNull();
  });
});

describe('joinNames', () => {
  it('joins one, two and three names as a byline', () => {
    expect(joinNames([])).toBeNull();
    expect(joinNames(['Nicole Fenton'])).toBe('Nicole Fenton');
    expect(joinNames(['Nicole Fenton', 'Jamie Albrecht'])).toBe('Nicole Fenton and Jamie Albrecht');
    expect(joinNames(['Bethany Blakey', 'Brooke Dine', 'Nicole Fenton'])).toBe('Bethany Blakey, Brooke Dine and Nicole Fenton');
  });
});
