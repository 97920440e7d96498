import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { dateNearHeadline } from './dateNearHeadline';

const dayNear = (body: string) => {
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`);
  return dateNearHeadline(document, document.querySelector('h1')!, 'de');
};

describe('dateNearHeadline', () => {
  it('takes the date printed in the byline under the headline', () => {
    expect(dayNear('<h1>Laufen im Winter</h1><p>von Heiko am 10. Februar 2019</p><p>Der erste Lauf im Schnee war kalt.</p>')).toBe('2019-02-10');
  });

  it('passes over a date marked as the last change, even when it stands nearer', () => {
    const body =
      '<h1>Laufen im Winter</h1><a href="/laufen"><time class="updated" datetime="2019-02-09T23:00:55+01:00">9. Februar 2019</time></a>' +
      '<span>Veröffentlicht am <time class="entry-date published" datetime="2019-02-10T09:30:10+01:00">10. Februar 2019</time></span>';
    expect(dayNear(body)).toBe('2019-02-10');
  });

  it('passes over a date marked as the page’s last change in its microdata', () => {
    const body =
      '<p>22.06.2018</p><h1>Datenschutz bei Online-Auktionen</h1><p>Aktualisiert: <span itemprop="dateModified">29.08.2018</span></p>' +
      '<p>Viele Händler wissen nicht, welche Daten sie speichern dürfen.</p>';
    expect(dayNear(body)).toBe('2018-06-22');
  });

  it('keeps a date marked "updated" where nothing beside it is marked as the publication', () => {
    expect(dayNear('<h1>Laufen im Winter</h1><span class="entry-meta-date updated">10. Februar 2019</span>')).toBe('2019-02-10');
  });
});
