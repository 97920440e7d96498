/** The messages between an anchor's search page and its worker (bench/anchorSite/page.ts). */

/** The hits a page shows, as the app shows a page of results. */
export const PAGE_SIZE = 20;

export interface AnchorHit {
  title: string;
  date: string;
  /** Text under the title: the engine's excerpt (Pagefind), else what the index stores. */
  snippet: string;
}

export interface AnchorRequest {
  id: number;
  q: string;
}

export type AnchorReply = { id: number; total: number; hits: AnchorHit[] } | { id: number; error: string };

/** The worker side: answers each request with `search`, or with the error it threw. */
export function serveSearch(search: (q: string) => Promise<{ total: number; hits: AnchorHit[] }>): void {
  const scope = self as unknown as { onmessage: ((event: MessageEvent<AnchorRequest>) => void) | null; postMessage(reply: AnchorReply): void };
  scope.onmessage = (event) => {
    const { id, q } = event.data;
    search(q).then(
      (answer) => scope.postMessage({ id, ...answer }),
      (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
    );
  };
}
