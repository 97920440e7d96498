import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type SourceArticle, SourceError } from '../import/SourceArticle';
import { readHtmlPage } from './readHtmlPage';
import { thrownBy } from '../testing/thrownBy';

/*
 * There are no saved HTML pages in the corpora, so these pages are built around a real article:
 * DigitalGov's "3 Ways to Manage Research Projects Remotely" (text and metadata from its Markdown
 * source), in the furniture of a real government site (banner, navigation of DigitalGov's real
 * topics, a sidebar of real DigitalGov headlines from the month before, share links, comments,
 * newsletter form, footer), with the metadata stated the ways sites state it.
 */

const CORPORA = path.resolve(process.cwd(), '../shared/corpora');
const CONTENT = path.join(CORPORA, 'digitalgov-news/content');
const SEEDS = path.resolve(process.cwd(), '../shared/seeds');
const ARTICLE_FILE = path.join(CONTENT, 'news/2017/10/2017-10-03-3-ways-manage-research-projects-remotely.md');
const PRESENT = existsSync(ARTICLE_FILE) && existsSync(SEEDS);

const PAGE_URL = 'https://digital.gov/2017/10/03/3-ways-manage-research-projects-remotely/';
const TITLE = '3 Ways to Manage Research Projects Remotely';
const SUMMARY =
  'Being a remote team doesn’t mean you should forgo any of your research rituals. It means finding different ways to do them.';
const TAGS = ['Product and project management', 'Content strategy', 'User experience', 'Research'];
const FIRST_PARAGRAPH =
  'At 18F, we have employees across the U.S. Over time, we’ve cultivated our best practices for distributed teams and design methods. Yet, doing research as a remote team is still really hard. Here are some things that we’ve found make it easier.';
const LAST_PARAGRAPH =
  'Disclaimer: All references to specific brands and/or companies are used only for illustrative purposes and do not imply endorsement by the U.S. federal government or any federal government agency.';

interface FrontMatter {
  title: string;
  date: string;
  summary?: string;
  slug: string;
}

function splitMarkdown(file: string): { data: FrontMatter; body: string } {
  const text = readFileSync(file, 'utf8');
  const match = /^\s*---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text)!;
  return { data: parseYaml(match[1]!) as FrontMatter, body: text.slice(match[0].length) };
}

/** Replaces `find` once, failing loudly if the real text no longer holds it. */
function replaceOnce(text: string, find: string, replacement: string): string {
  const at = text.indexOf(find);
  if (at < 0) throw new Error(`fixture: "${find}" not found in the real article`);
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

/** The real article as HTML, with what saved pages carry inside article bodies: a tracking script, an onclick, a javascript: link, a data: image, a relative image. */
function articleBodyHtml(): string {
  const { body } = splitMarkdown(ARTICLE_FILE);
  let html = marked.parse(
    replaceOnce(
      body,
      '{{< img src="business-communication-video-conference-stefanamer-istock-thinkstock-613539594" >}}',
      '<figure><img src="/files/2017/10/video-conference-613539594.jpg" alt="A video conference on a laptop screen"><figcaption>stefanamer/iStock/Thinkstock</figcaption></figure>',
    ),
    { async: false },
  ) as string;
  html = replaceOnce(html, '<a href="https://methods.18f.gov/">', '<a href="https://methods.18f.gov/" onclick="ga(\'send\', \'event\', \'outbound\')">');
  html = replaceOnce(
    html,
    '<a href="https://userresearch.blog.gov.uk/2014/08/06/have-you-had-your-recommended-dose-of-research/">',
    '<a href="javascript:openModal(\'research-team-sport\')">',
  );
  html = replaceOnce(
    html,
    '<h2>Schedule coworking time</h2>',
    '<script>window.dataLayer.push({ event: "scroll-50" });</script>\n<p><img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" alt="Sticky notes on a virtual whiteboard"></p>\n<h2>Schedule coworking time</h2>',
  );
  return html;
}

/** Real DigitalGov headlines from September 2017, as teasers in a sidebar that comes before the article. */
function sidebar(): string {
  const dir = path.join(CONTENT, 'news/2017/09');
  return readdirSync(dir)
    .sort()
    .slice(0, 5)
    .map((file) => {
      const { data } = splitMarkdown(path.join(dir, file));
      return `<article class="teaser"><h3><a href="/2017/09/${data.slug}/">${data.title}</a></h3>
        <time datetime="${String(data.date).slice(0, 10)}">${String(data.date).slice(0, 10)}</time>
        <p class="byline">By <a rel="author" href="/authors/digitalgov/">DigitalGov Team</a></p></article>`;
    })
    .join('\n');
}

/** DigitalGov's real topic titles, as the primary navigation. */
function navigation(): string {
  return readdirSync(path.join(CONTENT, 'topics'))
    .filter((slug) => !slug.startsWith('_'))
    .slice(0, 12)
    .map((slug) => `<li><a href="/topics/${slug}/">${slug.replace(/-/g, ' ')}</a></li>`)
    .join('');
}

function page(head: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${head}
<link rel="stylesheet" href="/css/styles.css">
<script src="https://dap.digitalgov.gov/Universal-Federated-Analytics-Min.js?agency=GSA" id="_fed_an_ua_tag"></script>
</head>
<body class="post">
<a class="usa-skipnav" href="#main-content">Skip to main content</a>
<section class="usa-banner" aria-label="Official government website"><p>An official website of the United States government</p><button>Here’s how you know</button></section>
<header class="usa-header" role="banner">
  <a href="/" class="logo" title="Home">Digital.gov</a>
  <nav aria-label="Primary navigation"><ul class="usa-nav__primary">${navigation()}</ul></nav>
  <form class="usa-search" role="search" action="/search/"><label for="q">Search</label><input id="q" name="q" type="search"><button type="submit">Search</button></form>
</header>
<div class="grid-row">
<aside class="sidebar related" aria-label="Recent news"><h2>Recent news</h2>
${sidebar()}
</aside>
<main id="main-content">
  <nav class="breadcrumb" aria-label="Breadcrumbs"><a href="/">Home</a> › <a href="/news/">News</a></nav>
  <article class="post-content">
    <header>
      <h1>${TITLE}</h1>
      <p class="byline">By <a rel="author" href="/authors/nicole-fenton/">Nicole Fenton</a> and <a rel="author" href="/authors/jamie-albrecht/">Jamie Albrecht</a></p>
      <time datetime="2017-10-03">October 3, 2017</time>
    </header>
    <div class="share-tools"><a href="javascript:window.print()" onclick="print()">Print this page</a> <a href="https://twitter.com/intent/tweet?url=${encodeURIComponent(PAGE_URL)}">Share on Twitter</a> <a href="https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(PAGE_URL)}">Share on Facebook</a> <a href="mailto:?subject=${encodeURIComponent(TITLE)}">Email this page</a></div>
    <div class="content">
${articleBodyHtml()}
    </div>
    <ul class="topics">${TAGS.map((tag) => `<li><a href="/topics/${tag.toLowerCase().replace(/ /g, '-')}/">${tag}</a></li>`).join('')}</ul>
  </article>
  <section id="comments" class="comments"><h2>2 Comments</h2>
    <div class="comment"><p class="comment-author">Maria L.</p><p>We started using a shared synthesis board for our remote interviews and it made a big difference. Thanks for writing this up!</p></div>
    <div class="comment"><p class="comment-author">Sam K.</p><p>How do you handle consent forms for remote sessions?</p></div>
    <form class="comment-form"><label>Leave a comment</label><textarea name="comment"></textarea><button>Post comment</button></form>
  </section>
</main>
</div>
<footer class="usa-footer">
  <div class="newsletter"><h2>Sign up for the Digital.gov newsletter</h2><form action="https://public.govdelivery.com/"><input type="email" name="email"><button>Subscribe</button></form></div>
  <p>Digital.gov is an initiative of the Technology Transformation Services at the U.S. General Services Administration.</p>
  <ul><li><a href="/about/">About us</a></li><li><a href="/privacy/">Privacy policy</a></li><li><a href="https://www.gsa.gov/website-information/accessibility-aids">Accessibility</a></li></ul>
</footer>
</body>
</html>`;
}

const JSON_LD_HEAD = `<title>${TITLE} | Digital.gov</title>
<meta property="og:title" content="${TITLE} | Digital.gov">
<meta property="og:site_name" content="DigitalGov">
<meta property="article:section" content="Research">
<script type="application/ld+json">
${JSON.stringify({
  '@context': 'https://schema.org',
  '@graph': [
    { '@type': 'Organization', '@id': 'https://digital.gov/#organization', name: 'Digital.gov', url: 'https://digital.gov/' },
    { '@type': 'WebSite', '@id': 'https://digital.gov/#website', name: 'Digital.gov', publisher: { '@id': 'https://digital.gov/#organization' } },
    { '@type': 'Person', '@id': 'https://digital.gov/#/schema/person/nicole-fenton', name: 'Nicole Fenton' },
    { '@type': 'Person', '@id': 'https://digital.gov/#/schema/person/jamie-albrecht', name: 'Jamie Albrecht' },
    {
      '@type': 'NewsArticle',
      headline: TITLE,
      description: SUMMARY,
      datePublished: '2017-10-03T16:28:00-04:00',
      dateModified: '2024-11-20T12:00:00-05:00',
      author: [{ '@id': 'https://digital.gov/#/schema/person/nicole-fenton' }, { '@id': 'https://digital.gov/#/schema/person/jamie-albrecht' }],
      publisher: { '@id': 'https://digital.gov/#organization' },
      articleSection: ['Design', 'Research'],
      keywords: TAGS,
      mainEntityOfPage: { '@id': PAGE_URL },
    },
  ],
}, null, 2)}
</script>`;

const OPEN_GRAPH_HEAD = `<title>${TITLE} | Digital.gov</title>
<meta name="description" content="DigitalGov: innovative work, case studies, and ideas from people and teams in government.">
<meta property="og:type" content="article">
<meta property="og:site_name" content="Digital.gov">
<meta property="og:url" content="${PAGE_URL}">
<meta property="og:description" content="${SUMMARY}">
<meta property="article:published_time" content="2017-10-03T16:28:00-04:00">
<meta property="article:modified_time" content="2024-11-20T12:00:00-05:00">
<meta property="article:author" content="https://digital.gov/authors/nicole-fenton/">
<meta property="article:section" content="Design">
${TAGS.map((tag) => `<meta property="article:tag" content="${tag}">`).join('\n')}
<meta name="author" content="Nicole Fenton">
<meta name="author" content="Jamie Albrecht">`;

const PLAIN_META_HEAD = `<title>${TITLE} - Digital.gov</title>
<meta name="application-name" content="Digital.gov">
<meta name="description" content="${SUMMARY}">
<meta name="parsely-section" content="Design">
<meta name="parsely-tags" content="Research,remote work,Research">
<link rel="canonical" href="/2017/10/03/3-ways-manage-research-projects-remotely/">`;


function readOne(html: string, file: string, url?: string): SourceArticle {
  const result = readHtmlPage(html, file, url === undefined ? {} : { url });
  expect(result.skipped).toEqual([]);
  expect(result.articles).toHaveLength(1);
  return result.articles[0]!;
}

/** The body is the article, complete and in order, with none of the page around it and nothing unsafe. */
function expectArticleBodyOnly(article: SourceArticle): void {
  const paragraphs = article.bodyText.split('\n');
  expect(paragraphs[0]).toBe('This post was originally published on the 18F blog.');
  expect(paragraphs).toContain(FIRST_PARAGRAPH);
  expect(paragraphs.at(-1)).toBe(LAST_PARAGRAPH);
  expect(article.bodyHtml).toContain('<h2>Use tools like you would in real life</h2>');
  expect(article.bodyHtml).toContain('<li>Mural or a similar sticky-note tool</li>');
  // The title is shown above the body, not repeated in it.
  expect(article.bodyHtml).not.toContain(`<h2>${TITLE}</h2>`);

  for (const furniture of [
    'Skip to main content', 'An official website', 'Here’s how you know', 'Search', 'accessibility', 'Recent news',
    'Code.gov User Interviews', 'USDA FoodKeeper', 'DigitalGov Team', 'Home', 'By Nicole Fenton', 'October 3, 2017',
    'Print this page', 'Share on', 'Email this page', 'Product and project management', '2 Comments', 'Maria L.',
    'shared synthesis board', 'consent forms', 'Leave a comment', 'Sign up', 'Subscribe', 'Technology Transformation Services',
    'About us', 'Privacy policy',
  ]) {
    expect(article.bodyText, furniture).not.toContain(furniture);
  }

  expect(article.bodyHtml).not.toMatch(/<script|dataLayer|\son\w+=|javascript:|data:|style=|<form|<button|<input|class=|id=/i);
  // The data: image went; the relative one now points at the site.
  expect(article.bodyHtml).not.toContain('Sticky notes on a virtual whiteboard');
  expect(article.bodyHtml).toContain('<img src="https://digital.gov/files/2017/10/video-conference-613539594.jpg" alt="A video conference on a laptop screen" />');
  // The onclick went, its link stayed; the javascript: link lost its address and kept its words.
  expect(article.bodyHtml).toContain('<a href="https://methods.18f.gov/">design methods</a>');
  expect(article.bodyText).toContain('We believe research is a team sport.');
}

describe.skipIf(!PRESENT)(`readHtmlPage on pages built around a real DigitalGov article (skipped when ${CONTENT} or ${SEEDS} is absent)`, () => {
  it('reads JSON-LD in @graph first: headline, date with offset, authors by @id, publisher, section, keywords, main entity URL', () => {
    const article = readOne(page(JSON_LD_HEAD), 'research-remotely.html');
    expect(article).toMatchObject({
      file: 'research-remotely.html',
      record: null,
      title: TITLE,
      date: '2017-10-03T16:28:00-04:00',
      outlet: 'Digital.gov', // JSON-LD's publisher over og:site_name "DigitalGov"
      url: PAGE_URL,
      author: 'Nicole Fenton and Jamie Albrecht',
      category: 'Design', // JSON-LD's first articleSection over article:section "Research"
      tags: TAGS,
      summary: SUMMARY,
    });
    expectArticleBodyOnly(article);
  });

  it('reads Open Graph and meta tags when there is no JSON-LD; the title from <title> without " | Digital.gov"', () => {
    const article = readOne(page(OPEN_GRAPH_HEAD), 'research-remotely.html');
    expect(article).toMatchObject({
      title: TITLE,
      date: '2017-10-03T16:28:00-04:00',
      outlet: 'Digital.gov',
      url: PAGE_URL,
      author: 'Nicole Fenton and Jamie Albrecht', // two <meta name=author>; article:author is a profile URL
      category: 'Design',
      tags: TAGS,
      summary: SUMMARY, // og:description over the site-wide meta description
    });
    expectArticleBodyOnly(article);
  });

  it('falls back to the canonical link, parsely tags, the article’s <time> and the byline; relative links resolve against the page URL', () => {
    const savedFrom = `${PAGE_URL}?utm_source=newsletter&utm_medium=email`;
    const article = readOne(page(PLAIN_META_HEAD), 'research-remotely.html', savedFrom);
    expect(article).toMatchObject({
      title: TITLE, // " - Digital.gov" is the application name
      date: '2017-10-03', // the main article's <time>, not a sidebar teaser's
      outlet: 'Digital.gov',
      url: PAGE_URL, // the canonical link, made absolute against the address the page was saved from
      author: 'Nicole Fenton and Jamie Albrecht', // Readability's byline, "By" removed
      category: 'Design',
      tags: ['Research', 'remote work'],
      summary: SUMMARY,
    });
    expectArticleBodyOnly(article);
  });

  it('reads dates from other meta tags past a broken JSON-LD block', () => {
    const head = `<title>${TITLE}</title>
<script type="application/ld+json">{ "@type": "NewsArticle", "headline": "${TITLE}", }</script>
<meta name="sailthru.date" content="2017-10-03 16:28:00 -0400">
<meta name="dc.date" content="2017-10-04">`;
    const article = readOne(page(head), 'research-remotely.html', PAGE_URL);
    expect(article.date).toBe('2017-10-03T16:28:00-04:00');
    expect(article.url).toBe(PAGE_URL); // no canonical: the address it was saved from
    expect(article.outlet).toBeNull();
    expect(article.title).toBe(TITLE);
  });

  it('reads malformed HTML: unclosed paragraphs and emphasis, unquoted attributes, stray end tags, no </body></html>', () => {
    const html = page(JSON_LD_HEAD)
      .replace(/<\/p>/g, '')
      .replace('<a href="https://methods.18f.gov/"', '<a href=https://methods.18f.gov/')
      .replace('<h2>Use tools like you would in real life</h2>', '</div></span><h2>Use tools like <em>you would in real life</h2>')
      .replace('</body>\n</html>', '');
    const article = readOne(html, 'research-remotely-broken.html');
    expect(article.title).toBe(TITLE);
    expect(article.date).toBe('2017-10-03T16:28:00-04:00');
    expect(article.bodyText).toContain(FIRST_PARAGRAPH);
    expect(article.bodyText.split('\n').at(-1)).toBe(LAST_PARAGRAPH);
    expect(article.bodyHtml).toContain('design methods');
    expect(article.bodyText).not.toMatch(/Sign up|Maria L\.|Recent news/);
    expect(article.bodyHtml).not.toMatch(/<script|\son\w+=|javascript:|data:/i);
  });

  it('reads an article saved as a fragment without <html> and <body> (linkedom needs them for Readability)', () => {
    const article = readOne(`<h1>${TITLE}</h1>\n${articleBodyHtml()}`, 'fragment.html', PAGE_URL);
    expect(article.title).toBe(TITLE);
    expect(article.bodyText).toContain(FIRST_PARAGRAPH);
    expect(article.bodyHtml).not.toMatch(/<script|javascript:|data:/);
  });

  it('finds no article in a page that is only a real site’s navigation', () => {
    // Seed 000's menu, with its teaser headlines and their dates, as an HTML list.
    const lines = readFileSync(path.join(SEEDS, '000_35cf49cea3c99045.txt'), 'utf8').split('\n').slice(1, 33);
    const menu = `<ul>${lines
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => (line.startsWith('•') ? `<li><a href="/${encodeURIComponent(line.slice(1).trim())}/">${line.slice(1).trim()}</a></li>` : `<li>${line}</li>`))
      .join('\n')}</ul>`;
    const footer = '<footer><p>© 2022 Photonews. All Rights Reserved.</p></footer>';
    const page = (body: string) => `<!DOCTYPE html><html><head><title>PhotoNews Pakistan</title></head><body>${body}</body></html>`;

    // The footer goes as furniture; the <nav>, holding all the page's text, is what Readability returns.
    const listsAndLinks =
      'no article found in the page (its main content is lists and links, with 0 characters of text outside them: navigation or a list of headlines)';
    expect(thrownBy(() => readHtmlPage(page(`<header><nav>${menu}</nav></header>${footer}`), '000_nav.html'))).toEqual(
      new SourceError('000_nav.html', listsAndLinks),
    );
    // So is a menu in a plain <div>, or saved on its own.
    expect(thrownBy(() => readHtmlPage(page(`<div class="menu">${menu}</div>`), '000_menu.html'))).toEqual(
      new SourceError('000_menu.html', listsAndLinks),
    );
    const error = thrownBy(() => readHtmlPage(menu, '000_list.html'));
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toBe(`000_list.html: ${listsAndLinks}`);
  });

  it('refuses an empty page and a page address that is not a URL', () => {
    expect(() => readHtmlPage('  \n', 'empty.html')).toThrow('empty.html: empty file');
    expect(() => readHtmlPage(page(JSON_LD_HEAD), 'research-remotely.html', { url: 'digital.gov/2017/10/03/' })).toThrow(
      'research-remotely.html: the page address "digital.gov/2017/10/03/" is not an absolute http(s) URL',
    );
  });
});

/** One of the small pages made for a failure class met on real saved pages. */
function fixture(name: string): string {
  return readFileSync(path.join(process.cwd(), 'src/librarian/sources/html/fixtures', name), 'utf8');
}

describe('readHtmlPage', () => {
  it('takes the first of a comma-joined list of sections as the category and the others as tags', () => {
    const head = OPEN_GRAPH_HEAD.replace(
      '<meta property="article:section" content="Design">',
      '<meta property="article:section" content="Design, Research, Content strategy, Remote work">',
    );
    const article = readOne(page(head), 'research-remotely.html');
    expect(article.category).toBe('Design');
    expect(article.tags).toEqual(['Research', 'Content strategy', 'Remote work', ...TAGS.filter((t) => !['Research', 'Content strategy'].includes(t))]);
  });

  it('reads JSON-LD wrapped in a CDATA section', () => {
    const article = readOne(fixture('cdata-json-ld.html'), 'cdata-json-ld.html');
    expect(article).toMatchObject({
      title: 'Harbour ferry returns after winter repairs',
      date: '2019-04-02T07:45:00+01:00',
      author: 'Morag Lindsay',
      outlet: 'Coastal Courier',
    });
  });

  it('passes over a placeholder date (0001-01-01) to the next source of a date', () => {
    expect(readOne(fixture('placeholder-date.html'), 'placeholder-date.html').date).toBe('2019-03-14T08:00:00+01:00');
  });

  it('takes the day its address names when the page states no date', () => {
    const article = readOne(fixture('date-in-url.html'), 'date-in-url.html');
    expect(article.url).toBe('https://www.valley-gazette.example/2015/03/11/new-cycle-lane-opens-on-the-river-road/');
    expect(article.date).toBe('2015-03-11');
  });

  it('takes the date printed by the headline, day first in a German page, and the author without it', () => {
    const html = fixture('date-by-headline-de.html');
    const article = readOne(html, 'date-by-headline-de.html');
    expect(article.title).toBe('Stadtbücherei erweitert Öffnungszeiten');
    expect(article.date).toBe('2020-04-03');
    expect(readOne(html.replace('lang="de"', 'lang="en-US"'), 'date-by-headline-en.html').date).toBe('2020-03-04');
  });

  it('removes navigation, share bar, newsletter prompt, related list, tags and footer inside the article container', () => {
    const article = readOne(fixture('furniture-inside-article.html'), 'furniture-inside-article.html');
    expect(article.bodyText).toContain('More than two hundred volunteers');
    expect(article.bodyText).toContain('established by the end of the summer');
    for (const furniture of ['Home', 'Weather', 'Share on', 'Sign up', 'Related stories', 'Sea wall repairs', 'Volunteering', 'All rights reserved']) {
      expect(article.bodyText, furniture).not.toContain(furniture);
    }
  });

  it('gives the author without the date and time glued to the byline', () => {
    const article = readOne(fixture('furniture-inside-article.html'), 'furniture-inside-article.html');
    expect(article.author).toBe('GILLIAN MOHNEY');
    expect(article.date?.slice(0, 10)).toBe('2021-02-08');
  });

  it('never takes a comment form\'s name field or a commenter for the author', () => {
    const paragraph = '<p>The harbour ferry will run every twenty minutes from July, the council said on Monday, after two years of complaints about crowded boats and missed connections at the station.</p>';
    const html = (byline: string) => `<!DOCTYPE html><html lang="en"><head><title>Ferry runs more often</title>
<meta property="article:published_time" content="2023-06-12"></head><body><main><article><h1>Ferry runs more often</h1>${byline}
${paragraph.repeat(3)}</article>
<section id="comments"><span class="comment-author-link">wuff</span><p>Finally!</p>
<form id="commentform"><p class="comment-form-author"><label for="author">Name *</label><input id="author" name="author"></p></form></section></main></body></html>`;
    expect(readOne(html(''), 'ferry.html').author).toBeNull();
    expect(readOne(html('<p class="byline author">By Ana Lima</p>'), 'ferry.html').author).toBe('Ana Lima');
  });

  it('joins several authors into one byline, without "By"', () => {
    expect(readOne(fixture('several-authors.html'), 'several-authors.html').author).toBe('Priya Raman and Tomasz Nowak');
  });

  it('takes a date from the closing line of the article when nothing else states one', () => {
    const html = fixture('no-date.html').replace(
      '</article>',
      '<p>This guide was last reviewed on 12 May 2021 by the allotments officer.</p></article>',
    );
    expect(readOne(html, 'closing-date.html').date).toBe('2021-05-12');
  });

  it('leaves the date empty when the page states none, for the import to refuse', () => {
    const article = readOne(fixture('no-date.html'), 'no-date.html');
    expect(article.date).toBeNull();
    expect(article.title).toBe('How to register a community allotment');
  });
});
