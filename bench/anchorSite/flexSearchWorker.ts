/**
 * The FlexSearch 0.8 anchor's worker: a Document index over the same fields (searchBench.ts's
 * configuration), its export() parts (flexsearch/keys.json names them) fetched together and
 * import()ed before the first answer.
 */
import { flexSearchIndex } from '../flexSearchIndex';
import { PAGE_SIZE, serveSearch } from './protocol';

let index: Promise<ReturnType<typeof flexSearchIndex>> | undefined;

serveSearch(async (q) => {
  const loaded = await (index ??= (async () => {
    const keys = (await (await fetch('/flexsearch/keys.json')).json()) as string[];
    const parts = await Promise.all(keys.map(async (_, n) => (await fetch(`/flexsearch/${n}.json`)).text()));
    const flex = flexSearchIndex();
    keys.forEach((key, n) => flex.import(key, parts[n]!));
    return flex;
  })());
  const results = loaded.search(q, { limit: 1000, merge: true, enrich: true }) as unknown as { doc: { title: string; date: string; outlets: string } | null }[];
  return {
    total: results.length,
    hits: results.slice(0, PAGE_SIZE).map((r) => ({ title: r.doc?.title ?? '', date: r.doc?.date ?? '', snippet: r.doc?.outlets ?? '' })),
  };
});
