import { describe, expect, it } from 'vitest';
import { dateInUrl } from './dateInUrl';

describe('dateInUrl', () => {
  it('reads the day from /2015/03/11/, 2015-03-11 and 20150311 in the path', () => {
    expect(dateInUrl('https://www.bibliothek2null.de/2014/05/18/alles-neue-mach-der-mai/')).toBe('2014-05-18');
    expect(dateInUrl('https://example.org/news/2015-03-11-harbour-ferry')).toBe('2015-03-11');
    expect(dateInUrl('https://www.lostiempos.com/actualidad/pais/20220503/juicio-caso-golpe')).toBe('2022-05-03');
  });

  it('takes no day from an id, a year and month alone, or the query', () => {
    expect(dateInUrl('https://www.welt.de/regionales/hamburg/article202159566/Verhaertete-Fronten.html')).toBeNull();
    expect(dateInUrl('https://abookshelffullofsunshine.blogspot.com/2013/10/news-viertes-interview.html')).toBeNull();
    expect(dateInUrl('https://example.org/article.php?date=2015-03-11')).toBeNull();
  });

  it('dates an archived page by the address it archived, not the capture time', () => {
    expect(dateInUrl('https://web.archive.org/web/20140226054445/http://www.time4talks.com/2013/08/07/weitere-kinos/')).toBe('2013-08-07');
  });
});
