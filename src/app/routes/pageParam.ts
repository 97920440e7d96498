import { useSearchParams } from '@solidjs/router';
import { pagesFromQuery } from '../routePaths';

/**
 * The page of a paged listing the address names (`?page=3`; 1 when absent), the one shape every
 * paged route shares: reload, back and a shared link keep the page the reader had open.
 */
export function usePageParam(): () => number {
  const [params] = useSearchParams();
  return () => pagesFromQuery(params.page);
}
