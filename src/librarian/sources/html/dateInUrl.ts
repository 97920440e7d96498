import { isIsoDate } from '../../import/normalise';

/**
 * The day an article's address names, as `YYYY-MM-DD`: `/2015/03/11/`, `/2015-03-11-title`,
 * `/20150311/` or `_20150311_` in its path. Only a whole run of digits counts: `article202159566`
 * (an id) and web.archive.org's 14-digit capture time name no day. A page archived by the Wayback
 * Machine is dated by the address it archived. Null when the path names no full day.
 */
export function dateInUrl(url: string): string | null {
  let path: string;
  try {
    path = decodeURI(new URL(url).pathname);
  } catch {
    return null;
  }
  const patterns = [
    /(?<!\d)((?:19|20)\d{2})\/(0?[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])(?=\/|$|[-_.])/,
    /(?<![\d])((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)/,
    /(?<![\d])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(path);
    if (!match) continue;
    const day = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
    if (isIsoDate(day)) return day;
  }
  return null;
}
