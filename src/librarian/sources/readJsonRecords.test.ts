import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../import/normalise';
import { SourceError } from '../import/SourceArticle';
import { categoryName, HUFFPOST_MAPPING, parseFieldMapping, readJsonRecords } from './readJsonRecords';
import { thrownBy } from '../testing/thrownBy';

const CORPORA = path.resolve(process.cwd(), '../shared/corpora');
const HUFFPOST = path.join(CORPORA, 'huffpost-news-category/News_Category_Dataset_v3.newest9999.jsonl');
const PRESENT = existsSync(HUFFPOST);
const FILE = 'News_Category_Dataset_v3.newest9999.jsonl';

function huffpost(): string {
  return readFileSync(HUFFPOST, 'utf8');
}


const FIRST = {
  file: FILE,
  record: 'line 1',
  title: 'Over 4 Million Americans Roll Up Sleeves For Omicron-Targeted COVID Boosters',
  date: '2022-09-23',
  outlet: null,
  url: 'https://www.huffpost.com/entry/covid-boosters-uptake-us_n_632d719ee4b087fae6feaac9',
  author: 'Carla K. Johnson, AP',
  category: 'U.S. News',
  tags: [],
  summary:
    'Health experts said it is too early to predict whether demand would match up with the 171 million doses of the new boosters the U.S. ordered for the fall.',
  bodyHtml:
    '<p>Health experts said it is too early to predict whether demand would match up with the 171 million doses of the new boosters the U.S. ordered for the fall.</p>',
  bodyText:
    'Health experts said it is too early to predict whether demand would match up with the 171 million doses of the new boosters the U.S. ordered for the fall.',
};

describe.skipIf(!PRESENT)(`readJsonRecords on the HuffPost News Category dataset (skipped when ${HUFFPOST} is absent)`, () => {
  it('reads all 9,999 records, the first one field by field', () => {
    const result = readJsonRecords(huffpost(), FILE, HUFFPOST_MAPPING);
    expect(result.skipped).toEqual([]);
    expect(result.refused).toEqual([]);
    expect(result.articles).toHaveLength(9999);
    expect(result.articles[0]).toEqual(FIRST);
    expect(result.articles.at(-1)).toMatchObject({
      record: 'line 9999',
      title: "Here's What You Missed While The Internet Was Obsessed With Michelle Wolf",
      date: '2018-05-01',
      author: 'Amanda Terkel',
      category: 'Politics',
      url: 'https://www.huffingtonpost.com/entry/michelle-wolf-obsessed-news_us_5ae8a499e4b055fd7fd02dbd',
    });
  });

  it('turns the 29 all-caps categories into display names, keeping U.S. and the ampersands', () => {
    const { articles } = readJsonRecords(huffpost(), FILE, HUFFPOST_MAPPING);
    const counts = new Map<string, number>();
    for (const { category } of articles) counts.set(category!, (counts.get(category!) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([
      'Black Voices', 'Business', 'Comedy', 'Crime', 'Culture & Arts', 'Education', 'Entertainment', 'Environment',
      'Food & Drink', 'Home & Living', 'Impact', 'Latino Voices', 'Media', 'Money', 'Parenting', 'Politics',
      'Queer Voices', 'Religion', 'Science', 'Sports', 'Style & Beauty', 'Tech', 'Travel', 'U.S. News', 'Weddings',
      'Weird News', 'Wellness', 'Women', 'World News',
    ]);
    expect(counts.get('Politics')).toBe(3361);
    expect(counts.get('U.S. News')).toBe(1377);
  });

  it('keeps dates as the day the dataset states, 2018-05-01 to 2022-09-23, and authors as written (821 records have none)', () => {
    const { articles } = readJsonRecords(huffpost(), FILE, HUFFPOST_MAPPING);
    expect(articles.every((article) => article.date !== null && /^\d{4}-\d{2}-\d{2}$/.test(article.date) && isIsoDate(article.date))).toBe(true);
    const days = articles.map((article) => article.date!).sort();
    expect([days[0], days.at(-1)]).toEqual(['2018-05-01', '2022-09-23']);
    expect(articles.filter((article) => article.author === null)).toHaveLength(821);
    expect(articles.map((article) => article.author)).toContain('Mary Papenfuss');
    // Every record has only a summary, which becomes its one-paragraph body, escaped.
    expect(articles.every((article) => article.bodyHtml === `<p>${article.summary!.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</p>`)).toBe(true);
  });

  it('refuses a malformed line with its line number and reason, reads the rest, and ignores blank lines', () => {
    const lines = huffpost().split('\n');
    lines[16] = lines[16]!.slice(0, 60); // a line cut short, as by an interrupted download
    lines.splice(20, 0, '', '   ');
    const result = readJsonRecords(lines.join('\n'), FILE, HUFFPOST_MAPPING);
    expect(result.articles).toHaveLength(9998);
    expect(result.skipped).toEqual([]);
    expect(result.refused).toHaveLength(1);
    expect(result.refused![0]!.record).toBe('line 17');
    expect(result.refused![0]!.reason).toMatch(/^not valid JSON: .+$/);
    expect(result.articles[16]!.record).toBe('line 18');
    expect(result.articles[19]!.record).toBe('line 23'); // after the two blank lines
  });

  it('refuses a file where no line parses', () => {
    const error = thrownBy(() => readJsonRecords('<!DOCTYPE html>\n<html><body>Rate limited</body></html>\n', FILE, HUFFPOST_MAPPING));
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(
      /^News_Category_Dataset_v3\.newest9999\.jsonl: no record parses as JSON \(line 1: not valid JSON: .+\)$/,
    );
  });

  it('reads a JSON array built from the first 3 real records as record 1–3, and the same array inside an object', () => {
    const records = huffpost().split('\n').slice(0, 3).map((line) => JSON.parse(line) as Record<string, unknown>);
    const array = readJsonRecords(JSON.stringify(records, null, 2), 'huffpost.json', HUFFPOST_MAPPING);
    expect(array.refused).toEqual([]);
    expect(array.articles.map((article) => article.record)).toEqual(['record 1', 'record 2', 'record 3']);
    expect(array.articles[0]).toEqual({ ...FIRST, file: 'huffpost.json', record: 'record 1' });
    expect(array.articles.map((article) => article.category)).toEqual(['U.S. News', 'U.S. News', 'Comedy']);

    const wrapped = readJsonRecords(JSON.stringify({ source: 'HuffPost', articles: records }), 'huffpost.json', HUFFPOST_MAPPING);
    expect(wrapped.articles.map((article) => article.title)).toEqual(array.articles.map((article) => article.title));
  });

  it('refuses a broken JSON array, and an object holding two arrays of records', () => {
    const records = huffpost().split('\n').slice(0, 2).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(() => readJsonRecords(JSON.stringify(records).slice(0, -2), 'huffpost.json', HUFFPOST_MAPPING)).toThrow(
      /^huffpost\.json: not valid JSON \(.+\)$/,
    );
    expect(() => readJsonRecords(JSON.stringify({ latest: records, popular: records }), 'huffpost.json', HUFFPOST_MAPPING)).toThrow(
      'huffpost.json: the JSON object holds several arrays of records (latest, popular); keep only the one to import',
    );
  });

  it('refuses records without a title or with a date that is no date, naming the record field', () => {
    const [first, second] = huffpost().split('\n').slice(0, 2).map((line) => JSON.parse(line) as Record<string, unknown>);
    const text = [JSON.stringify({ ...first, headline: ' ' }), JSON.stringify({ ...second, date: 'Sept. 23' }), '42'].join('\n');
    expect(readJsonRecords(text, FILE, HUFFPOST_MAPPING)).toEqual({
      articles: [],
      skipped: [],
      refused: [
        { record: 'line 1', reason: 'no title ("headline" is empty or missing)' },
        { record: 'line 2', reason: '"date" is not a date: "Sept. 23"' },
        { record: 'line 3', reason: 'not a JSON object' },
      ],
    });
  });

  it('reads a mapped HTML body (sanitised against the record URL), nested fields, author lists and tag lists', () => {
    const [first] = huffpost().split('\n').slice(0, 1).map((line) => JSON.parse(line) as Record<string, string>);
    const record = {
      story: { headline: first!.headline, byline: ['Carla K. Johnson', 'Mike Stobbe'] },
      published: '2022-09-23T14:05:00-04:00',
      html: `<p onclick="track()">${first!.short_description}</p><script>alert(1)</script><p><a href="/entry/covid-boosters">More</a></p>`,
      link: first!.link,
      topics: ['Health', 'Coronavirus'],
    };
    const mapping = parseFieldMapping('title=story.headline,author=story.byline,date=published,body=html,url=link,tags=topics');
    const [article] = readJsonRecords(JSON.stringify([record]), 'api.json', mapping).articles;
    expect(article).toMatchObject({
      title: FIRST.title,
      author: 'Carla K. Johnson and Mike Stobbe',
      date: '2022-09-23T14:05:00-04:00',
      tags: ['Health', 'Coronavirus'],
      summary: null,
      category: null,
      bodyHtml: `<p>${FIRST.summary}</p><p><a href="https://www.huffpost.com/entry/covid-boosters">More</a></p>`,
      bodyText: `${FIRST.summary}\nMore`,
    });
  });
});

describe('parseFieldMapping', () => {
  it('reads field=name pairs into a mapping', () => {
    expect(parseFieldMapping('title=headline, summary=short_description,category=category,author=authors,date=date,url=link')).toEqual(
      HUFFPOST_MAPPING,
    );
  });

  it('refuses an unknown field, naming the fields there are', () => {
    expect(() => parseFieldMapping('title=headline,headline=title')).toThrow(
      'field mapping: unknown field "headline" (the fields are title, date, summary, body, author, category, tags, url, outlet)',
    );
  });

  it('refuses an entry that is not field=name, a field mapped twice, and a mapping without a title', () => {
    expect(() => parseFieldMapping('title=headline,summary')).toThrow('field mapping: "summary" is not field=name (example: title=headline)');
    expect(() => parseFieldMapping('title=headline,title=name')).toThrow('field mapping: "title" is mapped twice');
    expect(() => parseFieldMapping('summary=short_description')).toThrow('field mapping: no title=… (every record needs a title)');
  });
});

describe('categoryName', () => {
  it('title-cases all-caps labels, keeping abbreviations, and keeps other labels as written', () => {
    expect(categoryName('U.S. NEWS')).toBe('U.S. News');
    expect(categoryName('WORLDPOST')).toBe('Worldpost');
    expect(categoryName('CULTURE & ARTS')).toBe('Culture & Arts');
    expect(categoryName('UK NEWS')).toBe('UK News');
    expect(categoryName('LGBTQ VOICES')).toBe('LGBTQ Voices');
    expect(categoryName('Politics')).toBe('Politics');
    expect(categoryName('world_news')).toBe('world news');
    expect(categoryName(' ')).toBeNull();
  });
});
