import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatUrlPattern, matchUrlPattern, parseUrlPattern } from './urlPattern';

describe('parseUrlPattern', () => {
  it('reads braces and Hugo’s colon fields alike', () => {
    expect(parseUrlPattern('https://digital.gov/{year}/{month}/{day}/{slug}/')).toMatchObject({ origin: 'https://digital.gov', path: '/{year}/{month}/{day}/{slug}/' });
    expect(parseUrlPattern('https://example.org/:year/:slug/').path).toBe('/{year}/{slug}/');
  });

  it('refuses a pattern that is not an absolute address, names an unknown field or does not name the article', () => {
    expect(() => parseUrlPattern('/{year}/{slug}/')).toThrow('"/{year}/{slug}/" is not an absolute http(s) address pattern');
    expect(() => parseUrlPattern('https://example.org/{yr}/{slug}/')).toThrow('unknown field "yr"');
    expect(() => parseUrlPattern('https://example.org/{year}/')).toThrow('the pattern must name the article by {slug}, {title} or {filename}');
  });
});

describe('formatUrlPattern and matchUrlPattern', () => {
  const pattern = parseUrlPattern('https://digital.gov/{year}/{month}/{day}/{slug}/');

  it('gives an article its address and recognises it again from a former host, www and http included', () => {
    expect(formatUrlPattern(pattern, { year: '2013', month: '11', day: '27', slug: 'surviving-thanksgiving-with-your-smartphone' })).toBe(
      'https://digital.gov/2013/11/27/surviving-thanksgiving-with-your-smartphone/',
    );
    expect(formatUrlPattern(pattern, { year: '2013', slug: 'x' })).toBeNull();
    expect(matchUrlPattern(pattern, 'http://www.digital.gov/2013/03/12/api-analytics#top')).toEqual({ year: '2013', month: '03', day: '12', slug: 'api-analytics' });
    expect(matchUrlPattern(pattern, 'https://digital.gov/resources/api-analytics/')).toBeNull();
    expect(matchUrlPattern(pattern, 'https://18f.gsa.gov/2013/03/12/api-analytics/')).toBeNull();
  });

  it('matches every address it formats (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,40}$/),
        (year, month, day, slug) => {
          const fields = { year: String(year), month: String(month).padStart(2, '0'), day: String(day).padStart(2, '0'), slug };
          expect(matchUrlPattern(pattern, formatUrlPattern(pattern, fields)!)).toEqual(fields);
        },
      ),
    );
  });
});
