/**
 * The search page of every anchor (naive MiniSearch, FlexSearch, Pagefind): a search box and a
 * list of 20 hits (`li.search-hit`, as the app renders them, so that the harness's probe sees
 * both alike). The words of `?q=` are searched on load; every input event searches at once (no
 * typing pause), the newest answer wins. After each answer is in the DOM the page notes its words
 * in `document.body.dataset.answered`, for the harness to time typed queries.
 * `<html data-engine>` says which engine: `worker` (MiniSearch or FlexSearch in /worker.js) or
 * `pagefind` (Pagefind's own /pagefind/pagefind.js, which runs its WASM in its own worker).
 */
import { type AnchorHit, type AnchorReply, PAGE_SIZE } from './protocol';

type Search = (q: string) => Promise<{ total: number; hits: AnchorHit[] }>;

interface PagefindModule {
  init(): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<{ excerpt: string; meta: Record<string, string> }> }[] }>;
}

function workerSearch(): Search {
  const worker = new Worker('/worker.js', { type: 'module' });
  const waiting = new Map<number, (reply: AnchorReply) => void>();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<AnchorReply>) => {
    waiting.get(event.data.id)?.(event.data);
    waiting.delete(event.data.id);
  };
  return (q) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, (reply) => ('error' in reply ? reject(new Error(reply.error)) : resolve(reply)));
      worker.postMessage({ id, q });
    });
}

function pagefindSearch(): Search {
  // A path the bundler must leave alone: Pagefind's script is written by its indexer.
  const script = '/pagefind/pagefind.js';
  const loaded = (import(/* @vite-ignore */ script) as Promise<PagefindModule>).then(async (pagefind) => {
    await pagefind.init();
    return pagefind;
  });
  return async (q) => {
    const pagefind = await loaded;
    const { results } = await pagefind.search(q);
    const data = await Promise.all(results.slice(0, PAGE_SIZE).map((r) => r.data()));
    const text = (html: string) => html.replace(/<[^>]*>/g, '');
    return { total: results.length, hits: data.map((d) => ({ title: d.meta.title ?? '', date: d.meta.date ?? '', snippet: text(d.excerpt) })) };
  };
}

const search = document.documentElement.dataset.engine === 'pagefind' ? pagefindSearch() : workerSearch();
const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
const list = document.querySelector<HTMLOListElement>('ol.search-results')!;
const countLine = document.querySelector<HTMLParagraphElement>('.result-count')!;
let latest = 0;

async function show(q: string): Promise<void> {
  const asked = ++latest;
  const words = q.trim();
  if (words === '') {
    list.replaceChildren();
    countLine.textContent = '';
    document.body.dataset.answered = q;
    return;
  }
  try {
    const answer = await search(words);
    if (asked !== latest) return;
    list.replaceChildren(
      ...answer.hits.map((hit) => {
        const item = document.createElement('li');
        item.className = 'search-hit';
        const title = document.createElement('h2');
        title.textContent = hit.title;
        const meta = document.createElement('p');
        meta.textContent = `${hit.date.slice(0, 10)} · ${hit.snippet}`;
        item.append(title, meta);
        return item;
      }),
    );
    countLine.textContent = `${answer.total.toLocaleString('en-US')} articles`;
  } catch (error) {
    if (asked !== latest) return;
    list.replaceChildren();
    countLine.textContent = `Search failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  document.body.dataset.answered = q;
}

input.addEventListener('input', () => void show(input.value));
input.form?.addEventListener('submit', (event) => event.preventDefault());
const initial = new URLSearchParams(location.search).get('q') ?? '';
input.value = initial;
if (initial) void show(initial);
