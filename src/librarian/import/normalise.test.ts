import { describe, expect, it } from 'vitest';
import { implausibleDate, parseSourceDate } from './normalise';

describe('parseSourceDate', () => {
  it('reads RFC 822 dates with the European zone abbreviations feeds use', () => {
    expect(parseSourceDate('Tue, 10 Jun 2003 09:41:01 MEST')).toBe('2003-06-10T09:41:01+02:00');
    expect(parseSourceDate('Tue, 10 Dec 2003 09:41:01 MET')).toBe('2003-12-10T09:41:01+01:00');
    expect(parseSourceDate('Wed, 04 Mar 2015 18:00:00 CET')).toBe('2015-03-04T18:00:00+01:00');
    expect(parseSourceDate('Wed, 01 Jul 2015 18:00:00 CEST')).toBe('2015-07-01T18:00:00+02:00');
    expect(parseSourceDate('Mon, 06 Jan 2020 08:15 EET')).toBe('2020-01-06T08:15+02:00');
    expect(parseSourceDate('Mon, 06 Jul 2020 08:15 EEST')).toBe('2020-07-06T08:15+03:00');
    expect(parseSourceDate('Fri, 14 Feb 2014 12:00:00 WET')).toBe('2014-02-14T12:00:00Z');
    expect(parseSourceDate('Fri, 15 Aug 2014 12:00:00 WEST')).toBe('2014-08-15T12:00:00+01:00');
    expect(parseSourceDate('Fri, 15 Aug 2014 12:00:00 BST')).toBe('2014-08-15T12:00:00+01:00');
  });

  it('reads RFC 822 dates with the American, Asian and Australian zone abbreviations', () => {
    expect(parseSourceDate('Thu, 05 Nov 2009 22:30:00 EST')).toBe('2009-11-05T22:30:00-05:00');
    expect(parseSourceDate('Thu, 05 Jun 2009 22:30:00 EDT')).toBe('2009-06-05T22:30:00-04:00');
    expect(parseSourceDate('Thu, 05 Nov 2009 22:30:00 CST')).toBe('2009-11-05T22:30:00-06:00');
    expect(parseSourceDate('Thu, 05 Jun 2009 22:30:00 CDT')).toBe('2009-06-05T22:30:00-05:00');
    expect(parseSourceDate('Thu, 05 Nov 2009 22:30:00 MST')).toBe('2009-11-05T22:30:00-07:00');
    expect(parseSourceDate('Thu, 05 Jun 2009 22:30:00 MDT')).toBe('2009-06-05T22:30:00-06:00');
    expect(parseSourceDate('Thu, 05 Nov 2009 22:30:00 PST')).toBe('2009-11-05T22:30:00-08:00');
    expect(parseSourceDate('Thu, 05 Jun 2009 22:30:00 PDT')).toBe('2009-06-05T22:30:00-07:00');
    expect(parseSourceDate('Sat, 01 Mar 2025 09:00:00 JST')).toBe('2025-03-01T09:00:00+09:00');
    expect(parseSourceDate('Sat, 01 Mar 2025 09:00:00 KST')).toBe('2025-03-01T09:00:00+09:00');
    expect(parseSourceDate('Sat, 01 Jun 2025 09:00:00 AEST')).toBe('2025-06-01T09:00:00+10:00');
    expect(parseSourceDate('Sat, 01 Mar 2025 09:00:00 AEDT')).toBe('2025-03-01T09:00:00+11:00');
  });

  it('reads UT, GMT and the military zone Z as UTC', () => {
    expect(parseSourceDate('Fri, 17 Nov 2017 10:00:00 UT')).toBe('2017-11-17T10:00:00Z');
    expect(parseSourceDate('Fri, 17 Nov 2017 10:00:00 GMT')).toBe('2017-11-17T10:00:00Z');
    expect(parseSourceDate('Fri, 17 Nov 2017 10:00:00 Z')).toBe('2017-11-17T10:00:00Z');
    expect(parseSourceDate('17 Nov 2017 10:00 +0100')).toBe('2017-11-17T10:00+01:00');
    expect(parseSourceDate('Fri, 17 Nov 2017 10:00:00 +0000 (UTC)')).toBe('2017-11-17T10:00:00+00:00');
  });

  it('keeps the time but no offset for an abbreviation that names several zones or a military letter', () => {
    expect(parseSourceDate('Mon, 02 Feb 2015 11:00:00 IST')).toBe('2015-02-02T11:00:00');
    expect(parseSourceDate('Mon, 02 Feb 2015 11:00:00 A')).toBe('2015-02-02T11:00:00');
  });

  it('reads a two-digit RFC 822 year as RFC 2822 says', () => {
    expect(parseSourceDate('Tue, 10 Jun 03 09:41:01 GMT')).toBe('2003-06-10T09:41:01Z');
    expect(parseSourceDate('Sun, 10 Jun 98 09:41:01 GMT')).toBe('1998-06-10T09:41:01Z');
  });

  it('reads W3C-DTF at every precision that states a day', () => {
    expect(parseSourceDate('2003-06-10')).toBe('2003-06-10');
    expect(parseSourceDate('2003-06-10T09:41+02:00')).toBe('2003-06-10T09:41+02:00');
    expect(parseSourceDate('2003-06-10T09:41:01Z')).toBe('2003-06-10T09:41:01Z');
    expect(parseSourceDate('2003-06-10T09:41:01.25-05:00')).toBe('2003-06-10T09:41:01.25-05:00');
  });

  it('gives null for a W3C-DTF year or month alone, which dates no article', () => {
    expect(parseSourceDate('2003')).toBeNull();
    expect(parseSourceDate('2003-06')).toBeNull();
  });

  it('reads dotted numeric dates day-first in every language', () => {
    expect(parseSourceDate('10.06.2003')).toBe('2003-06-10');
    expect(parseSourceDate('10.06.2003', { language: 'en-US' })).toBe('2003-06-10');
    expect(parseSourceDate('10.06.2003', { language: 'de' })).toBe('2003-06-10');
    expect(parseSourceDate('1.6.2003 14:30', { language: 'de' })).toBe('2003-06-01T14:30');
    expect(parseSourceDate('31.06.2003')).toBeNull();
  });

  it('reads slash dates month-first in US English and with no language, day-first elsewhere', () => {
    expect(parseSourceDate('06/10/2003')).toBe('2003-06-10');
    expect(parseSourceDate('06/10/2003', { language: 'en-US' })).toBe('2003-06-10');
    expect(parseSourceDate('06/10/2003', { language: 'en' })).toBe('2003-06-10');
    expect(parseSourceDate('06/10/2003', { language: null })).toBe('2003-06-10');
    expect(parseSourceDate('06/10/2003', { language: 'en-GB' })).toBe('2003-10-06');
    expect(parseSourceDate('06/10/2003', { language: 'fr' })).toBe('2003-10-06');
    expect(parseSourceDate('2003/06/10', { language: 'fr' })).toBe('2003-06-10');
  });

  it('reads a numeric date inside a longer text the same way, not month-first as chrono-node would', () => {
    expect(parseSourceDate('Published 10.06.2003')).toBe('2003-06-10');
    expect(parseSourceDate('Veröffentlicht am 10.06.2003 um 14:30 Uhr', { language: 'de' })).toBe('2003-06-10T14:30');
    expect(parseSourceDate('Posted 06/10/2003 at 9:00', { language: 'en-GB' })).toBe('2003-10-06T09:00');
    expect(parseSourceDate('Posted 06/10/2003 at 9:00')).toBe('2003-06-10T09:00');
  });

  it('reads a zone abbreviation after an ISO date-time', () => {
    expect(parseSourceDate('2003-06-10 09:41:01 MEST')).toBe('2003-06-10T09:41:01+02:00');
    expect(parseSourceDate('2003-06-10T09:41 EST')).toBe('2003-06-10T09:41-05:00');
  });

  it('reads a slash date that makes sense only one way that way, whatever the language', () => {
    expect(parseSourceDate('13/06/2003')).toBe('2003-06-13');
    expect(parseSourceDate('06/13/2003', { language: 'de' })).toBe('2003-06-13');
    expect(parseSourceDate('13/13/2003')).toBeNull();
  });

  it('reads month names in the source language', () => {
    expect(parseSourceDate('10. Juni 2003', { language: 'de' })).toBe('2003-06-10');
    expect(parseSourceDate('10 juin 2003', { language: 'fr' })).toBe('2003-06-10');
    expect(parseSourceDate('June 10, 2003', { language: 'de' })).toBe('2003-06-10');
  });

  it('returns implausible years as dates, for implausibleDate to judge', () => {
    expect(parseSourceDate('9999-12-31')).toBe('9999-12-31');
    expect(parseSourceDate('0001-01-01T00:00:00Z')).toBe('0001-01-01T00:00:00Z');
  });

  it('ignores an array index passed as options by map', () => {
    expect(['10.06.2003', '06/10/2003'].map(parseSourceDate as (v: unknown) => string | null)).toEqual(['2003-06-10', '2003-06-10']);
  });
});

describe('implausibleDate', () => {
  const now = new Date('2026-12-02T05:30:00Z');

  it('calls 0001-01-01 and the Unix epoch at midnight placeholders', () => {
    expect(implausibleDate('0001-01-01', now)).toBe('0001-01-01 is a placeholder, not a publication date');
    expect(implausibleDate('0001-01-01T00:00:00Z', now)).toBe('0001-01-01 is a placeholder, not a publication date');
    expect(implausibleDate('1970-01-01T00:00:00Z', now)).toBe('1970-01-01 is a placeholder, not a publication date');
  });

  it('refuses a date before 1800', () => {
    expect(implausibleDate('1712-03-01', now)).toBe('1712-03-01 is before 1800');
  });

  it('refuses a date more than a day in the future', () => {
    expect(implausibleDate('9999-12-31', now)).toBe('9999-12-31 is more than a day in the future');
    expect(implausibleDate('2026-12-04', now)).toBe('2026-12-04 is more than a day in the future');
  });

  it('accepts real dates, today in any zone and tomorrow', () => {
    expect(implausibleDate('1851-09-18', now)).toBeNull();
    expect(implausibleDate('1970-01-01', now)).toBeNull();
    expect(implausibleDate('2026-12-02T23:00:00+14:00', now)).toBeNull();
    expect(implausibleDate('2026-12-03', now)).toBeNull();
  });
});
