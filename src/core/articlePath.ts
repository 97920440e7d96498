/**
 * An article's address in the reader, shared by the reader's routes and the librarian, which
 * writes it into links between archived articles. Relative to the reader's base path.
 */

/** `/articles/2017/11/abu-kamal-grasping-defeat` from an article's date and slug. */
export function articlePath(date: string, slug: string): string {
  const [year, month] = date.slice(0, 7).split('-');
  return `/articles/${year}/${month}/${encodeURIComponent(slug)}`;
}
