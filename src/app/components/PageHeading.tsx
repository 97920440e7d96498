import { useDocumentTitle } from '../documentTitle';

/**
 * The page's `<h1>`: focus lands here after a navigation (hence `tabindex="-1"`), and it names
 * the page in `document.title` too, unless `documentTitle` says otherwise ("" for the archive name
 * alone).
 */
export function PageHeading(props: { title: string; documentTitle?: string }) {
  useDocumentTitle(() => props.documentTitle ?? props.title);
  return (
    <h1 class="page-heading" tabindex="-1" dir="auto">
      {props.title}
    </h1>
  );
}
