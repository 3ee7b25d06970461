/**
 * Batches a run's events before they cross to the page. Each postMessage is a task on the
 * page's main thread; a snippet posting in a tight loop would queue thousands of them. Events
 * wait here at most LIMITS.BATCH_MS and leave as one `batch`. The clock is checked on every
 * post too, because a timer cannot fire while the snippet's loop holds the worker.
 */
import { LIMITS, type FromWorker, type RunEvent } from '../protocol';

export interface Outbox {
  post(event: RunEvent): void;
  /** Sends what is waiting now. */
  flush(): void;
}

export interface OutboxClock {
  now(): number;
  later(fn: () => void, ms: number): unknown;
}

const realClock: OutboxClock = { now: () => performance.now(), later: (fn, ms) => setTimeout(fn, ms) };

/** Events the page must see at once: the run began, failed, or ended. */
const URGENT = new Set<RunEvent['type']>(['started', 'error', 'done']);

export function createOutbox(send: (message: FromWorker) => void, clock: OutboxClock = realClock): Outbox {
  let waiting: RunEvent[] = [];
  let since = 0;
  let timer = false;

  const flush = (): void => {
    if (waiting.length === 0) return;
    const events = waiting;
    waiting = [];
    send(events.length === 1 ? events[0]! : { type: 'batch', runId: events[0]!.runId, events });
  };

  return {
    post(event) {
      // A batch belongs to one run.
      if (waiting.length > 0 && waiting[0]!.runId !== event.runId) flush();
      if (waiting.length === 0) since = clock.now();
      waiting.push(event);
      if (URGENT.has(event.type) || clock.now() - since >= LIMITS.BATCH_MS) {
        flush();
      } else if (!timer) {
        timer = true;
        clock.later(() => {
          timer = false;
          flush();
        }, LIMITS.BATCH_MS);
      }
    },
    flush,
  };
}
