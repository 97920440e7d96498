import { describe, expect, it } from 'vitest';
import { readArchive } from '../librarian/archive/readArchive';
import { htmlToText } from '../librarian/bundle/htmlToText';
import { decodeEntities, htmlToPlainText } from './htmlToPlainText';

describe('htmlToPlainText', () => {
  it('puts block elements on lines of their own and runs inline elements on', () => {
    expect(htmlToPlainText('<h2>Abu Kamal</h2><p>It was at <strong>Abu Kamal</strong> that the end<br>was announced.</p><ul><li>ISIS</li><li>ISIL</li></ul>')).toBe(
      'Abu Kamal\nIt was at Abu Kamal that the end\nwas announced.\nISIS\nISIL',
    );
  });

  it('decodes entities after removing tags, so escaped markup stays text', () => {
    expect(htmlToPlainText('<p>Use <code>&lt;meta name="robots"&gt;</code> &amp; more&#8230; &#x2014; done</p>')).toBe('Use <meta name="robots"> & more… — done');
  });

  it('gives an image its alt text', () => {
    expect(htmlToPlainText('<p>Map:<img src="map.png" alt="Albu Kamal &amp; the border">here</p>')).toBe('Map: Albu Kamal & the border here');
  });

  it('gives the same text as the bundle builder for every article of the archive', async () => {
    const archive = await readArchive('archive');
    const articles = archive.months.flatMap((m) => m.articles);
    expect(articles.length).toBeGreaterThan(2000);
    const differing = articles.filter((a) => htmlToPlainText(a.body) !== htmlToText(a.body)).map((a) => a.id);
    expect(differing).toEqual([]);
  });
});

describe('decodeEntities', () => {
  it('leaves unknown names and replaces impossible code points', () => {
    expect(decodeEntities('&madeup; &#0; &#xD800;')).toBe('&madeup; \ufffd \ufffd');
  });
});
