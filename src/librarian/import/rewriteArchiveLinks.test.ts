import { describe, expect, it } from 'vitest';
import type { Article } from '../../core/types';
import { rewriteArchiveLinks } from './rewriteArchiveLinks';
import { parseUrlPattern } from './urlPattern';

function article(slug: string, date: string, url: string, body: string): Article {
  return { id: slug.slice(0, 16), slug, title: slug, date, sources: [{ outlet: 'Digital.gov', url }], author: null, category: null, tags: [], summary: '', body };
}

describe('rewriteArchiveLinks', () => {
  it('points links to archived articles at their place in the reader, by address or by the site’s former address pattern', () => {
    const apis = article('how-to-get-started-with-apis', '2013-03-12T10:00:00-04:00', 'https://digital.gov/2013/03/12/how-to-get-started-with-apis/', '<p>APIs.</p>');
    const linking = article(
      'apis-in-government',
      '2013-04-30',
      'https://digital.gov/2013/04/30/apis-in-government/',
      '<p>Read more on <a href="https://digital.gov/2013/03/12/how-to-get-started-with-apis/#audit">auditing APIs</a>, ' +
        '<a href="http://www.digitalgov.gov/2013/03/12/how-to-get-started-with-apis">the guide</a> and <a href="https://www.usa.gov/">USA.gov</a>.</p>',
    );
    const patterns = [parseUrlPattern('https://digital.gov/{year}/{month}/{day}/{slug}/'), parseUrlPattern('https://www.digitalgov.gov/{year}/{month}/{day}/{slug}/')];
    const result = rewriteArchiveLinks([apis, linking], patterns);
    expect(result.links).toBe(2);
    expect([...result.changed]).toEqual([linking]);
    expect(linking.body).toBe(
      '<p>Read more on <a href="/articles/2013/03/how-to-get-started-with-apis#audit">auditing APIs</a>, ' +
        '<a href="/articles/2013/03/how-to-get-started-with-apis">the guide</a> and <a href="https://www.usa.gov/">USA.gov</a>.</p>',
    );
    // Done once, it changes nothing the second time.
    expect(rewriteArchiveLinks([apis, linking], patterns).links).toBe(0);
  });
});
