/**
 * The words of a search as the search box and the URL hold them. The box keeps exactly what the
 * reader typed (a trailing space included); the URL holds it normalised.
 */

/** Trims and collapses runs of white space: `"  Albu   Kamal "` → `"Albu Kamal"`. */
export function normalizeQuery(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/**
 * Whether the search box should take the words of a URL that has just changed. It should when the
 * reader went elsewhere (back, forward, a link to another search), but not when the URL is catching
 * up with words the box itself sent while the reader has typed on: overwriting then would drop
 * what they typed in the meantime.
 *
 * @param urlQuery the normalised words now in the URL
 * @param text what the box holds
 * @param lastSent the normalised words the box last sent, if any since the URL last changed elsewhere
 */
export function shouldAdoptUrlQuery(urlQuery: string, text: string, lastSent: string | undefined): boolean {
  if (urlQuery === normalizeQuery(text)) return false;
  return urlQuery !== lastSent;
}
