import { closeSync, existsSync, openSync, readFileSync, readdirSync, readSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { SourceError, type SourceReadResult } from '../import/SourceArticle';
import { decodeXmlBytes } from './decodeXmlBytes';
import { parseFeedDate, readFeed } from './readFeed';
import { thrownBy } from '../testing/thrownBy';

const FEEDS_DIR = path.resolve(process.cwd(), '../shared/corpora/feeds/rss-parser-inputs');
const FEEDS_PRESENT = existsSync(FEEDS_DIR);

/** A corpus feed as the librarian reads it: bytes decoded, then parsed. */
function feedText(name: string): string {
  return decodeXmlBytes(readFileSync(path.join(FEEDS_DIR, name)), name);
}

function readCorpusFeed(name: string): SourceReadResult {
  return readFeed(feedText(name), name);
}


function errorOf(fn: () => unknown): { file: string; reason: string; message: string } {
  const error = thrownBy(fn);
  expect(error).toBeInstanceOf(SourceError);
  const { file, reason, message } = error as SourceError;
  return { file, reason, message };
}

type Expected =
  | { articles: number; skipped: { record: string; reason: string }[]; first: { title: string; date: string | null; url: string | null } | null }
  | { error: string };

/**
 * What each of the 31 real feeds yields. Item counts were checked against Python's
 * xml.etree (every <item>/<entry> element), and each first item against its raw XML: the title
 * with entities decoded, the date as written (pubDate, dc:date, Atom published before updated),
 * the link (Atom: the alternate link; relative links resolved against the feed's own link).
 */
const FEEDS: [string, Expected][] = [
  ['atom-customfields.atom', { articles: 15, skipped: [], first: { title: 'Buy Now, Bitches*', date: '2017-09-14T18:03:34+00:00', url: 'https://www.youtube.com/watch?v=lR-w1h5ONOY' } }],
  ['content-encoded.rss', { articles: 7, skipped: [], first: { title: 'THE CREATIVE FORAGER', date: '2018-04-09T18:55:38Z', url: 'https://medium.com/invironment/the-creative-forager-125af37d838f?source=rss----d12c403d4976--food' } }],
  // RSS 1.0 (RDF) with dc:date; the title's "ft<sup>2</sup>" is markup, kept as its text.
  ['craigslist.rss', { articles: 25, skipped: [], first: { title: 'Bright, Spacious Beautiful Victorian (oakland north / temescal) $4300 3bd 1930ft2', date: '2017-06-21T10:33:10-07:00', url: 'http://sfbay.craigslist.org/eby/apa/6186664607.html' } }],
  ['customfields.rss', { articles: 15, skipped: [], first: { title: 'ISUZU launches the ‘mu-X’ premium full-size 7 seater SUV in Bengaluru', date: '2017-05-19T21:05:02+05:30', url: 'http://www.varthabharati.in/article/english/74450' } }],
  ['encoding.rss', { articles: 40, skipped: [], first: { title: 'Mãe de utente é a nova presidente da Raríssimas', date: '2018-01-03T13:47:00Z', url: 'http://feeds.jn.pt/~r/JN-ULTIMAS/~3/UBnb8Ra3Q1U/sonia-laig-e-a-nova-presidente-da-rarissimas-9021600.html' } }],
  ['feedburner.atom', { articles: 25, skipped: [], first: { title: 'AdWords and DFP Java client library will soon require Java 7+', date: '2016-06-03T07:38:00.000-07:00', url: 'http://feedproxy.google.com/~r/blogspot/lQlzL/~3/Zjf41PDVLAc/adwords-and-dfp-java-client-library.html' } }],
  ['giantbomb-podcast.rss', { articles: 730, skipped: [], first: { title: 'Giant Bombcast 603: Call of Tuesday', date: '2019-10-01T14:30:00-08:00', url: 'https://www.giantbomb.com/shows/603-call-of-tuesday/2970-19653/free-podcast' } }],
  ['guardian.rss', { articles: 55, skipped: [], first: { title: 'Trump State of the Union address promised unity but emphasized discord', date: '2018-01-31T07:26:05Z', url: 'https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord' } }],
  ['gulp-atom.atom', { articles: 10, skipped: [], first: { title: 'v3.9.0', date: '2015-06-01T23:49:41+02:00', url: 'https://github.com/gulpjs/gulp/releases/tag/v3.9.0' } }],
  ['heise.atom', { articles: 15, skipped: [], first: { title: 'Java-Anwendungsserver: Red Hat gibt WildFly 10 frei', date: '2016-02-01T17:22:00+01:00', url: 'http://www.heise.de/developer/meldung/Java-Anwendungsserver-Red-Hat-gibt-WildFly-10-frei-3088438.html?wt_mc=rss.developer.beitrag.atom' } }],
  // RSS 0.92: items carry no date at all.
  ['heraldsun.rss', { articles: 2, skipped: [], first: { title: 'The First Item', date: null, url: 'http://www.oreilly.com/example/001.html' } }],
  // One <entry> holding only an empty <author>: feedsmith drops it, the reader still reports it.
  ['incomplete-fields.atom', { articles: 0, skipped: [{ record: 'item 1', reason: 'neither title nor content' }], first: null }],
  ['instant-article.rss', { articles: 1, skipped: [], first: { title: 'My first Instant Article', date: '2016-05-04T06:53:45Z', url: 'https://localhost:8000/' } }],
  ['item-itunes-episodeType.rss', { articles: 1, skipped: [], first: { title: 'Trailer', date: '2019-11-18T19:14:32+00:00', url: 'https://baywatch-berlin.podigee.io/t1-trailer' } }],
  ['itunes-category.rss', { articles: 1, skipped: [], first: { title: 'Taverncast 62 - Temporal Anomaly', date: '2015-11-07T12:00:00-05:00', url: 'http://taverncast.com/' } }],
  ['itunes-href.rss', { articles: 10, skipped: [], first: { title: 'Manager bewertet Transfers | Eberl lobt BVB für Pulisic-Deal – Hudson-Odoi kostet „fast so viel wie mein Kader“', date: '2019-01-07T17:19:19+01:00', url: 'http://www.transfermarkt.de/eberl-lobt-bvb-fur-pulisic-deal-ndash-hudson-odoi-kostet-bdquo-fast-so-viel-wie-mein-kader-ldquo-/view/news/326649?rss' } }],
  // Starts with a blank line before the XML declaration, as some servers send it.
  ['itunes-keywords-array.rss', { articles: 1, skipped: [], first: { title: 'Ostafrika stellt sich auf die nächste Heuschreckenplage ein', date: '2020-03-10T16:05:00+01:00', url: 'https://www.swr.de/swr2/wissen/Hungersnot-Ostafrika-stellt-sich-auf-die-naechste-Heuschreckenplage-ein,ostafrika-stellt-sich-auf-naechste-heuschreckenplage-ein-100.html' } }],
  ['itunes-keywords-astext.rss', { articles: 32, skipped: [], first: { title: 'Die mit Alice Merton und der Wespen-Taschen Psychologie', date: '2020-10-15T17:27:00+02:00', url: 'https://www.dasding.de/podcasts/die-mit-alice-merton-und-der-wespen-taschen-psychologie-102.html' } }],
  ['itunes-keywords.rss', { articles: 1, skipped: [], first: { title: 'Taverncast 62 - Temporal Anomaly', date: '2015-11-07T12:00:00-05:00', url: 'http://taverncast.com/' } }],
  ['itunes-missing-image.rss', { articles: 131, skipped: [], first: { title: 'Taverncast 62 - Temporal Anomaly', date: '2015-11-07T12:00:00-05:00', url: 'http://taverncast.com/' } }],
  // An Atom feed despite its name; its first <link> is the comments feed, not the post.
  ['many-links.rss', { articles: 25, skipped: [], first: { title: 'Code Health: Providing Context with Commit Messages and Bug Reports', date: '2017-09-11T14:01:00.000-07:00', url: 'http://feedproxy.google.com/~r/blogspot/RLXA/~3/lTnHFI_mRTg/code-health-providing-context-with.html' } }],
  // One <entry> with only an <id>.
  ['missing-fields.atom', { articles: 0, skipped: [{ record: 'item 1', reason: 'neither title nor content' }], first: null }],
  ['narro.rss', { articles: 1, skipped: [], first: { title: 'FAQ for Narro', date: '2015-02-20T09:51:15Z', url: 'https://www.narro.co/article/54e703933058540300000069' } }],
  ['pagination-links.rss', { articles: 1, skipped: [], first: { title: 'The First Episode', date: '2021-01-21T18:58:00+11:00', url: 'https://example.test/episode?id=283843' } }],
  ['reddit-atom.rss', { articles: 24, skipped: [], first: { title: 'The Difficulties in Space', date: '2016-01-23T15:40:37+00:00', url: 'https://www.reddit.com/r/space/comments/42babr/the_difficulties_in_space/' } }],
  ['reddit-home.rss', { articles: 24, skipped: [], first: { title: 'How the British as seen by Americans and Europeans', date: '2016-01-26T20:31:34+00:00', url: 'https://www.reddit.com/r/funny/comments/42tizy/how_the_british_as_seen_by_americans_and_europeans/' } }],
  ['reddit.rss', { articles: 24, skipped: [], first: { title: 'The water is too deep, so he improvises', date: '2015-11-12T21:16:39+00:00', url: 'https://www.reddit.com/r/funny/comments/3skxqc/the_water_is_too_deep_so_he_improvises/' } }],
  ['rss-1.rss', { articles: 69, skipped: [], first: { title: 'Food for fungi', date: '2017-06-15T10:29:47-07:00', url: 'http://science.sciencemag.org/cgi/content/short/356/6343/1134-a?rss=1' } }],
  // A "Document Moved" HTML page served where the feed used to be.
  ['unrecognized.rss', { error: 'unrecognized.rss: not a valid RSS or Atom feed: the file is an HTML page' }],
  ['uolNoticias.rss', { articles: 15, skipped: [], first: { title: 'Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno', date: '2018-09-24T19:42:40-03:00', url: 'https://noticias.uol.com.br/politica/eleicoes/2018/noticias/2018/09/24/ibope-bolsonaro-perde-de-haddad-ciro-e-alckmin-em-simulacoes-de-2-turno.htm' } }],
  ['xml2js-options.rss', { articles: 69, skipped: [], first: { title: 'Food for fungi', date: '2017-06-15T10:29:47-07:00', url: 'http://science.sciencemag.org/cgi/content/short/356/6343/1134-a?rss=1' } }],
];

describe.skipIf(!FEEDS_PRESENT)(`readFeed on the 31 real feeds (skipped when ${FEEDS_DIR} is absent)`, () => {
  it('has an expectation for every feed in the corpus', () => {
    expect(FEEDS.map(([name]) => name)).toEqual(readdirSync(FEEDS_DIR).sort());
  });

  it.each(FEEDS)('%s', (name, expected) => {
    if ('error' in expected) {
      expect(errorOf(() => readCorpusFeed(name)).message).toBe(expected.error);
      return;
    }
    const result = readCorpusFeed(name);
    expect(result.articles).toHaveLength(expected.articles);
    expect(result.skipped).toEqual(expected.skipped);
    const first = result.articles[0];
    expect(first ? { title: first.title, date: first.date, url: first.url } : null).toEqual(expected.first);
  });

  it('numbers items from 1 in file order and names the file in each', () => {
    const { articles } = readCorpusFeed('guardian.rss');
    expect(articles.map((a) => a.record)).toEqual(articles.map((_, i) => `item ${i + 1}`));
    expect(new Set(articles.map((a) => a.file))).toEqual(new Set(['guardian.rss']));
  });

  it('reads a Guardian item field by field: author, first category as category, the others as tags', () => {
    const [article] = readCorpusFeed('guardian.rss').articles;
    expect(article).toMatchObject({
      outlet: 'The Guardian',
      author: 'David Smith in Washington',
      category: 'Donald Trump',
      tags: ['State of the Union address', 'US news', 'US politics', 'Democrats', 'Republicans', 'US Congress'],
    });
    expect(article?.bodyHtml).toMatch(/^<p>The president’s ‘new American moment’ speech stirred Republican applause/);
    expect(article?.bodyText).toMatch(/^The president’s ‘new American moment’ speech/);
  });

  it('takes the body from content:encoded when the feed carries the full text', () => {
    const [article] = readCorpusFeed('content-encoded.rss').articles;
    expect(article).toMatchObject({ author: 'Jeremy Puma', category: 'plants', tags: ['environment', 'nature', 'foraging', 'food'] });
    expect(article?.bodyHtml).toMatch(/^<h4>Using Wild Ingredients in the\u00a0Kitchen<\/h4><h4>HEY, YOU!/); // a no-break space, as in the feed
  });

  it('keeps the description as summary only when the body does not already say it', () => {
    // instant-article.rss: description "Lorem ipsum", content "<b>Lorem</b> ipsum".
    const [instant] = readCorpusFeed('instant-article.rss').articles;
    expect(instant).toMatchObject({ bodyHtml: '<b>Lorem</b> ipsum', summary: null, author: 'tobi' });
    // item-itunes-episodeType.rss: the content repeats the title above the description.
    const [trailer] = readCorpusFeed('item-itunes-episodeType.rss').articles;
    expect(trailer?.summary).toBeNull();
    expect(trailer?.bodyText).toBe('Baywatch Berlin\nBaywatch Berlin startet am 22. November. Mit Klaas Heufer-Umlauf und den anderen.');
  });

  it('resolves a relative Atom link against the feed link, and links in the body against the item URL', () => {
    const [release] = readCorpusFeed('gulp-atom.atom').articles;
    expect(release).toMatchObject({ url: 'https://github.com/gulpjs/gulp/releases/tag/v3.9.0', author: 'contra', outlet: 'Release notes from gulp' });
  });

  it('gives Atom entries the feed author when they name none (RFC 4287 §4.2.1)', () => {
    const { articles } = readCorpusFeed('heise.atom');
    expect(new Set(articles.map((a) => a.author))).toEqual(new Set(['heise online']));
  });

  it('reads categories from Atom terms', () => {
    const [post] = readCorpusFeed('feedburner.atom').articles;
    expect(post).toMatchObject({ category: 'adwords_api', tags: ['client_libraries', 'dfp_api'], author: 'Google Ads Developer Advisor' });
  });

  it('decodes the Latin-1 feed (encoding.rss): outlet, titles and bodies keep their accented letters', () => {
    const { articles } = readCorpusFeed('encoding.rss');
    expect(articles[0]?.outlet).toBe('Jornal de Notícias - Últimas Notícias');
    expect(articles[0]?.bodyText).toBe(
      'Sónia Laygue, profissional na área da Recursos Humanos e mãe de uma criança de três anos, utente na Casa dos Marcos, é a nova presidente da direção da Raríssimas.',
    );
    expect(articles.some((a) => `${a.title}${a.bodyText}`.includes('\ufffd'))).toBe(false);
  });

  it('reads the Portuguese dates of uolNoticias.rss ("Seg, 24 Set 2018 19:42:40 -0300") with their offset', () => {
    // The <pubDate>s of the file, in order (grep '<pubDate>' after iconv -f latin1).
    const { articles } = readCorpusFeed('uolNoticias.rss');
    expect(articles.map((a) => a.date)).toEqual([
      '2018-09-24T19:42:40-03:00', '2018-09-24T19:38:00-03:00', '2018-09-24T19:35:07-03:00', '2018-09-24T19:32:00-03:00',
      '2018-09-24T19:32:00-03:00', '2018-09-24T19:30:42-03:00', '2018-09-24T19:29:18-03:00', '2018-09-24T19:25:00-03:00',
      '2018-09-24T19:22:00-03:00', '2018-09-24T19:22:00-03:00', '2018-09-24T19:22:00-03:00', '2018-09-24T19:21:00-03:00',
      '2018-09-24T19:20:08-03:00', '2018-09-24T19:20:00-03:00', '2018-09-24T19:18:49-03:00',
    ]);
  });

  it('leaves no script, event handler, inline style or javascript: URL in any body of the corpus', () => {
    for (const [name, expected] of FEEDS) {
      if ('error' in expected) continue;
      for (const article of readCorpusFeed(name).articles) {
        expect(article.bodyHtml, `${name} ${article.record}`).not.toMatch(/<script|<iframe|\son\w+\s*=|\sstyle\s*=|javascript:/i);
      }
    }
  });

  it('sanitises an item whose content carries a script and event handlers', () => {
    const hostile = feedText('instant-article.rss').replace(
      '<content:encoded>&lt;b&gt;Lorem&lt;/b&gt; ipsum</content:encoded>',
      '<content:encoded><![CDATA[<p onclick="steal()">Lorem <img src="/pic.jpg" alt="A mic" onerror="steal()"></p><script>steal()</script><a href="javascript:steal()">ipsum</a>]]></content:encoded>',
    );
    const [article] = readFeed(hostile, 'instant-article.rss').articles;
    expect(article?.bodyHtml).toBe('<p>Lorem <img src="https://localhost:8000/pic.jpg" alt="A mic" /></p><a>ipsum</a>');
  });
});

describe.skipIf(!FEEDS_PRESENT)(`readFeed on bad input (skipped when ${FEEDS_DIR} is absent)`, () => {
  it('refuses a feed cut in half with the line where it ends, not a shorter import', () => {
    const guardian = feedText('guardian.rss');
    expect(errorOf(() => readFeed(guardian.slice(0, guardian.length / 2), 'guardian.rss'))).toEqual({
      file: 'guardian.rss',
      reason: 'not well-formed XML: line 553, column 1936: the file ends inside rss > channel > item > description, so it is probably truncated',
      message: 'guardian.rss: not well-formed XML: line 553, column 1936: the file ends inside rss > channel > item > description, so it is probably truncated',
    });
    const heise = feedText('heise.atom');
    expect(errorOf(() => readFeed(heise.slice(0, heise.length / 2), 'heise.atom')).reason).toBe(
      'not well-formed XML: line 118, column 93: the file ends inside feed > entry > content, so it is probably truncated',
    );
  });

  it('refuses a feed cut inside a tag with the parser message and line', () => {
    const rdf = feedText('rss-1.rss');
    expect(errorOf(() => readFeed(rdf.slice(0, rdf.length / 2), 'rss-1.rss')).reason).toBe(
      "not well-formed XML: line 643, column 6: Attributes for 'item' have open quote.",
    );
  });

  it('refuses an empty file', () => {
    expect(errorOf(() => readFeed('', 'empty.rss')).message).toBe('empty.rss: empty file');
    expect(errorOf(() => readFeed('\n  \n', 'blank.rss')).message).toBe('blank.rss: empty file');
  });

  it('refuses a feed with no items', () => {
    const channelOnly = feedText('instant-article.rss').replace(/<item>[\s\S]*<\/item>/, '');
    expect(errorOf(() => readFeed(channelOnly, 'instant-article.rss')).message).toBe('instant-article.rss: the feed has no items: no <item> in it');
  });

  it('refuses a binary file', () => {
    // The first 4 KiB of a real binary: the running Node executable.
    const buffer = Buffer.alloc(4096);
    const fd = openSync(process.execPath, 'r');
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    closeSync(fd);
    const text = decodeXmlBytes(buffer.subarray(0, read), 'node.rss');
    expect(errorOf(() => readFeed(text, 'node.rss')).message).toBe('node.rss: not a text file (binary content)');
  });

  it('refuses an HTML page', () => {
    const page = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Trump State of the Union address | The Guardian</title></head>
<body><article><h1>Trump State of the Union address promised unity but emphasized discord</h1><p>Donald Trump has promised a “new American moment”…</p></article></body></html>`;
    expect(errorOf(() => readFeed(page, 'sotu.html')).message).toBe('sotu.html: not a valid RSS or Atom feed: the file is an HTML page');
  });

  it('refuses well-formed XML that is no feed, naming its root element', () => {
    const sitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord</loc></url>
</urlset>`;
    expect(errorOf(() => readFeed(sitemap, 'sitemap.xml')).message).toBe(
      'sitemap.xml: not a valid RSS or Atom feed: the root element is <urlset>, not <rss>, <feed> or <rdf:RDF>',
    );
  });

  it('refuses text that is not XML at all', () => {
    expect(errorOf(() => readFeed('{"version": "https://jsonfeed.org/version/1.1", "items": []}', 'feed.json')).message).toBe(
      'feed.json: not a valid RSS or Atom feed: the file is not XML (it begins "{"version": "https:/…")',
    );
  });

  it('accepts the bare ampersands that string-built feeds contain', () => {
    const careless = feedText('instant-article.rss').replace('My first Instant Article', 'Q&A: My first Instant Article');
    expect(readFeed(careless, 'instant-article.rss').articles[0]?.title).toBe('Q&A: My first Instant Article');
  });

  it('keeps item numbers true to the file when feedsmith drops an empty item', () => {
    const withEmptyFirst = feedText('heraldsun.rss').replace('<item>', '<item></item>\n  <item>');
    const result = readFeed(withEmptyFirst, 'heraldsun.rss');
    expect(result.skipped).toEqual([{ record: 'item 1', reason: 'neither title nor content' }]);
    expect(result.articles.map((a) => [a.record, a.title])).toEqual([
      ['item 2', 'The First Item'],
      ['item 3', 'The Second Item'],
    ]);
  });
});

describe('parseFeedDate', () => {
  it.each([
    ['Wed, 04 May 2016 06:53:45 GMT', '2016-05-04T06:53:45Z'],
    ['Fri, 19 May 2017 21:05:02 +0530', '2017-05-19T21:05:02+05:30'],
    ['Tue, 01 Oct 2019 14:30:00 PST', '2019-10-01T14:30:00-08:00'],
    ['07 Nov 2015 12:00:00 EST', '2015-11-07T12:00:00-05:00'],
    ['Fri, 20 Feb 2015 09:51:15 UTC', '2015-02-20T09:51:15Z'],
    ['Thu, 9 Jul 2020 16:19:00 +0200', '2020-07-09T16:19:00+02:00'],
    ['03 Apr 02 1500 GMT', '2002-04-03T15:00Z'],
    ['Wed, 03 Jan 2018 13:47:00 GMT\n      ', '2018-01-03T13:47:00Z'],
    ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T19:42:40-03:00'],
    ['Sáb, 22 Set 2018 08:05:00 -0300', '2018-09-22T08:05:00-03:00'],
    ['2017-06-15T10:29:47-07:00', '2017-06-15T10:29:47-07:00'],
    ['2016-06-03T07:38:22.568-07:00', '2016-06-03T07:38:22.568-07:00'],
    ['2017-11-10T09:52:00+0300', '2017-11-10T09:52:00+03:00'],
    ['2018-01-31T10:00:24Z', '2018-01-31T10:00:24Z'],
    ['2017-06-16', '2017-06-16'],
  ])('reads %j as %s', (raw, iso) => {
    expect(parseFeedDate(raw)).toBe(iso);
  });

  it.each(['', 'yesterday', '31 Feb 2018 10:00:00 GMT', '2018-13-01', 'Mon, 99 Foo 2018'])('gives null for %j', (raw) => {
    expect(parseFeedDate(raw)).toBeNull();
  });
});

const FIXTURES = path.resolve(process.cwd(), 'src/librarian/sources/testing');

/** A fixture made for one failure that librarians met (issue #10), read as the librarian reads it. */
function fixture(name: string): string {
  return decodeXmlBytes(readFileSync(path.join(FIXTURES, name)), name);
}

describe('readFeed', () => {
  it('reads a feed that starts with a comment and a stylesheet instruction, with MEST and MET dates and a day-first German date', () => {
    const { articles, skipped } = readFeed(fixture('comment-first.rss'), 'comment-first.rss');
    expect(skipped).toEqual([]);
    expect(articles.map((a) => [a.title, a.date])).toEqual([
      ['Stadtrat beschließt neue Buslinie', '2003-06-10T09:41:01+02:00'],
      ['Winterdienst zieht Bilanz', '2003-03-03T16:00:00+01:00'],
      ['Freibad öffnet früher', '2003-06-10T14:30'],
    ]);
    expect(articles[0]?.outlet).toBe('Bergstadt Anzeiger');
  });

  it('reads a feed that starts with a DOCTYPE without an internal subset', () => {
    const { articles } = readFeed(fixture('doctype-first.rss'), 'doctype-first.rss');
    expect(articles.map((a) => [a.title, a.url, a.bodyText])).toEqual([
      ['Ferry timetable changes on 06/10/2003', 'https://gazette.example/news/ferry-timetable', 'The café on the quay stays open until the last crossing.'],
    ]);
  });

  it('refuses a DOCTYPE that declares entities (billion laughs) without expanding them, saying what to do', () => {
    expect(errorOf(() => readFeed(fixture('billion-laughs.rss'), 'billion-laughs.rss')).message).toBe(
      'billion-laughs.rss: the DOCTYPE at line 2 declares 10 entities (lol, lol1, lol2 …); entities are never expanded, ' +
        'since a few lines of them can grow to gigabytes: remove the [ … ] part of the DOCTYPE (its internal subset), ' +
        'write out the text of any entity the file uses, and import the file again',
    );
  });

  it('reads dcterms:issued, dcterms:created and dcterms:date, and dcterms:modified only when nothing else dates the item', () => {
    const { articles } = readFeed(fixture('dcterms.rdf'), 'dcterms.rdf');
    expect(articles.map((a) => [a.title, a.date])).toEqual([
      ['Comet visible to the naked eye', '2020-07-14T21:30+02:00'],
      ['New telescope dome opens', '2020-05-02'],
      ['Partial eclipse on Thursday', '2020-06-21T08:00:00Z'],
      ['Weather records digitised', '2020-03-03T12:00:00Z'],
    ]);
  });

  it('reads an RSS feed that declares the wp namespace as a feed, joining its several dc:creator', () => {
    const [article] = readFeed(fixture('wp-namespace.rss'), 'wp-namespace.rss').articles;
    expect(article).toMatchObject({ title: 'Library extends its opening hours', author: 'Maria Lopez and Sam Okafor', category: 'Local', date: '2021-02-01T08:00:00+00:00' });
  });

  it('refuses an RSS feed without a <channel>, saying so', () => {
    expect(errorOf(() => readFeed(fixture('no-channel.rss'), 'no-channel.rss')).message).toBe(
      'no-channel.rss: not a valid RSS or Atom feed: no <channel> element in <rss> (an RSS feed keeps its items in one <channel>)',
    );
  });

  it('skips an item that has neither title nor content, naming it, and reads BST as +01:00', () => {
    const { articles, skipped } = readFeed(fixture('untitled-item.rss'), 'untitled-item.rss');
    expect(articles.map((a) => a.date)).toEqual(['2022-04-05T07:00:00+01:00', '2022-04-06T07:00:00+01:00']);
    expect(skipped).toEqual([{ record: 'item 3', reason: 'neither title nor content' }]);
  });

  it('keeps the dates items state, 9999 and 0001-01-01 included, for the import to refuse or replace', () => {
    const { articles, skipped } = readFeed(fixture('implausible-dates.rss'), 'implausible-dates.rss');
    expect(articles.map((a) => a.date?.slice(0, 10))).toEqual(['2022-04-08', '9999-12-31', '0001-01-01']);
    expect(skipped).toEqual([]);
  });

  it('refuses malformed XML with the line and column of the first error', () => {
    expect(errorOf(() => readFeed(fixture('malformed.rss'), 'malformed.rss')).message).toBe(
      "malformed.rss: not well-formed XML: line 12, column 4: Expected closing tag 'item' (opened in line 10, col 5) instead of closing tag 'itme'.",
    );
  });

  it('reads a UTF-16 feed with a BOM and a UTF-32 one without, decoded from their bytes', () => {
    const text = readFileSync(path.join(FIXTURES, 'comment-first.rss'), 'utf8');
    const utf16 = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
    const utf32 = iconv.encode(text, 'utf-32le');
    for (const bytes of [utf16, utf32]) {
      expect(readFeed(decodeXmlBytes(bytes, 'wide.rss'), 'wide.rss').articles.map((a) => a.title)).toEqual([
        'Stadtrat beschließt neue Buslinie',
        'Winterdienst zieht Bilanz',
        'Freibad öffnet früher',
      ]);
    }
  });
});

describe('parseFeedDate', () => {
  it('reads numeric dates for the feed language, and the zone abbreviations parseSourceDate knows', () => {
    expect(parseFeedDate('06/10/2003', 'en-US')).toBe('2003-06-10');
    expect(parseFeedDate('06/10/2003', 'fr')).toBe('2003-10-06');
    expect(parseFeedDate('Tue, 10 Jun 2003 09:41:01 MEST')).toBe('2003-06-10T09:41:01+02:00');
    expect(parseFeedDate('Sat, 01 Jun 2024 09:00:00 AEST')).toBe('2024-06-01T09:00:00+10:00');
  });

  it('reads W3C-DTF at every precision that names a day, and gives null for a year or a month alone', () => {
    expect(parseFeedDate('2003-06-10T09:41Z')).toBe('2003-06-10T09:41Z');
    expect(parseFeedDate('2003-06-10T09:41:01.5+02:00')).toBe('2003-06-10T09:41:01.5+02:00');
    expect(parseFeedDate('2003-06')).toBeNull();
    expect(parseFeedDate('2003')).toBeNull();
  });
});
