/**
 * The JavaScript heap of a page's workers, through the DevTools protocol: the page's session
 * auto-attaches to its workers (non-flat sessions, so that Playwright's CDP session can speak to
 * them), collects garbage in each and reads `Runtime.getHeapUsage`. The search worker is the one
 * with the largest heap (the app and the anchors run one worker each; Pagefind's is its own).
 */
import type { BrowserContext, Page } from '@playwright/test';

export interface WorkerHeap {
  /** Used JS heap of the largest worker after a garbage collection, bytes. */
  usedBytes: number;
  /** Its heap's total size (used + free pages V8 holds), bytes. */
  totalBytes: number;
  workers: number;
}

export async function searchWorkerHeap(context: BrowserContext, page: Page, timeoutMs = 60_000): Promise<WorkerHeap> {
  const cdp = await context.newCDPSession(page);
  const workers: string[] = [];
  const waiting = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  cdp.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type === 'worker') workers.push(event.sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const pending = message.id === undefined ? undefined : waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id!);
    if (message.error) pending.reject(new Error(`worker heap: ${message.error.message}`));
    else pending.resolve(message.result);
  });
  let nextId = 1;
  const send = (sessionId: string, method: string) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => reject(new Error(`worker heap: no answer to ${method} in ${timeoutMs / 1000} s`)), timeoutMs);
      waiting.set(id, {
        resolve: (result) => (clearTimeout(timer), resolve(result)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(reject);
    });
  try {
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (workers.length === 0) throw new Error('worker heap: the page runs no worker');
    let best: WorkerHeap | undefined;
    for (const sessionId of workers) {
      await send(sessionId, 'HeapProfiler.collectGarbage');
      const usage = (await send(sessionId, 'Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
      if (!best || usage.usedSize > best.usedBytes) best = { usedBytes: usage.usedSize, totalBytes: usage.totalSize, workers: workers.length };
    }
    return best!;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
