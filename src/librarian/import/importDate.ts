import { implausibleDate, isIsoDate } from './normalise';
import { SourceError, type SourceArticle } from './SourceArticle';

/** The date a record is imported with, and the stated date it replaced, if any. */
export interface ImportDate {
  date: string | null;
  /** Why the date the source stated was set aside for the one the librarian gave. */
  replaced: string | null;
}

/**
 * The publication date to import a record with. A date the source states is kept: the date the
 * librarian gives (`--date`, or "date" for the file in the --meta file) only fills in for a
 * source that states none, or one that states an implausible one (a placeholder such as
 * 0001-01-01, a year before 1800, more than a day in the future). Without a given date, an
 * implausible stated date refuses the record, suggesting --date. A wrong but plausible date is
 * corrected after the import, with `librarian edit --date`. Throws a {@link SourceError}.
 */
export function importDate(source: SourceArticle, given: string | undefined, now: Date = new Date()): ImportDate {
  if (given) {
    if (!isIsoDate(given)) throw new SourceError(source.file, `the date given for it, "${given}", is not an ISO 8601 date (YYYY-MM-DD)`);
    const wrong = implausibleDate(given, now);
    if (wrong) throw new SourceError(source.file, `the date given for it is no publication date: ${wrong}`);
  }
  if (!source.date) return { date: given ?? null, replaced: null };
  const wrong = implausibleDate(source.date, now);
  if (!wrong) return { date: source.date, replaced: null };
  if (!given) {
    throw new SourceError(
      source.file,
      `implausible publication date: ${wrong} (pass --date YYYY-MM-DD, or give "date" for this file in the --meta file, to replace it)`,
    );
  }
  return { date: given, replaced: wrong };
}
