import type { SearchReply } from '../protocol';

/**
 * A stand-in for the search worker in unit tests (stub it as the global `Worker`): records what
 * the client posts, and replies when the test says so. `last` is the most recently created one.
 */
export class FakeWorker {
  static last: FakeWorker | undefined;
  posted: unknown[] = [];
  onmessage: ((event: { data: SearchReply }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {}
  reply(data: SearchReply) {
    this.onmessage?.({ data });
  }
}
