import { describe, expect, it } from 'vitest';
import { importDate } from './importDate';
import type { SourceArticle } from './SourceArticle';
import { SourceError } from './SourceArticle';
import { thrownBy } from '../testing/thrownBy';

const NOW = new Date('2024-04-12T12:00:00Z');

function record(date: string | null): SourceArticle {
  return {
    file: 'harbour.jsonl',
    record: 'line 4',
    title: 'Harbour ferry fares to rise in July',
    date,
    outlet: null,
    url: null,
    author: null,
    category: null,
    tags: [],
    summary: null,
    bodyHtml: '<p>Ferry fares across the harbour will rise by ten per cent from the first of July.</p>',
    bodyText: 'Ferry fares across the harbour will rise by ten per cent from the first of July.',
  };
}

describe('importDate', () => {
  it('keeps the date a source states, whatever date is given', () => {
    expect(importDate(record('2023-06-14'), '2023-06-20', NOW)).toEqual({ date: '2023-06-14', replaced: null });
  });

  it('fills in the given date for a source that states none', () => {
    expect(importDate(record(null), '2023-06-20', NOW)).toEqual({ date: '2023-06-20', replaced: null });
    expect(importDate(record(null), undefined, NOW)).toEqual({ date: null, replaced: null });
  });

  it('replaces a placeholder, a date before 1800 or one in the future with the given date, saying why', () => {
    expect(importDate(record('0001-01-01'), '2023-06-20', NOW)).toEqual({ date: '2023-06-20', replaced: '0001-01-01 is a placeholder, not a publication date' });
    expect(importDate(record('1066-10-14'), '2023-06-20', NOW).replaced).toBe('1066-10-14 is before 1800');
    expect(importDate(record('2030-01-01'), '2023-06-20', NOW).replaced).toBe('2030-01-01 is more than a day in the future');
  });

  it('refuses an implausible stated date when none is given, suggesting --date', () => {
    const error = thrownBy(() => importDate(record('2030-01-01T08:00:00Z'), undefined, NOW));
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).reason).toBe(
      'implausible publication date: 2030-01-01 is more than a day in the future (pass --date YYYY-MM-DD, or give "date" for this file in the --meta file, to replace it)',
    );
  });

  it('refuses a given date that is no ISO date or no publication date', () => {
    expect((thrownBy(() => importDate(record(null), '14/06/2023', NOW)) as SourceError).reason).toBe('the date given for it, "14/06/2023", is not an ISO 8601 date (YYYY-MM-DD)');
    expect((thrownBy(() => importDate(record(null), '0001-01-01', NOW)) as SourceError).reason).toBe(
      'the date given for it is no publication date: 0001-01-01 is a placeholder, not a publication date',
    );
  });
});
