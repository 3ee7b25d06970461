/**
 * Starts one snippet worker. Kept apart from the pool so the pool can be tested with a fake,
 * so the bundler sees the worker URL in the form it rewrites, and so the bootstrap can start the
 * first worker on the reader's first sign of intent, before the pool's own code has arrived:
 * what the worker says meanwhile is kept until the pool listens.
 */
import type { FromWorker, ToWorker } from '../protocol';
import type { WorkerLike } from './pool';

let spawned = 0;

type Listener<E> = ((event: E) => void) | null;

class SnippetWorker implements WorkerLike {
  onexit: (() => void) | null = null;
  private readonly worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' });
  /** Events that came before anyone listened, in order. */
  private early: { type: 'message' | 'error' | 'messageerror'; event: Event }[] = [];
  private listeners: {
    message: Listener<MessageEvent<FromWorker>>;
    error: Listener<ErrorEvent>;
    messageerror: Listener<MessageEvent>;
  } = { message: null, error: null, messageerror: null };

  constructor() {
    for (const type of ['message', 'error', 'messageerror'] as const) {
      this.worker.addEventListener(type, (event) => {
        const listener = this.listeners[type] as Listener<Event>;
        if (listener) listener(event);
        else this.early.push({ type, event });
      });
    }
    watchLifeline(this.worker, this);
  }

  get onmessage(): Listener<MessageEvent<FromWorker>> {
    return this.listeners.message;
  }
  set onmessage(listener: Listener<MessageEvent<FromWorker>>) {
    this.listen('message', listener);
  }
  get onerror(): Listener<ErrorEvent> {
    return this.listeners.error;
  }
  set onerror(listener: Listener<ErrorEvent>) {
    this.listen('error', listener);
  }
  get onmessageerror(): Listener<MessageEvent> {
    return this.listeners.messageerror;
  }
  set onmessageerror(listener: Listener<MessageEvent>) {
    this.listen('messageerror', listener);
  }

  postMessage(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  terminate(): void {
    this.worker.terminate();
  }

  private listen<K extends keyof SnippetWorker['listeners']>(type: K, listener: SnippetWorker['listeners'][K]): void {
    this.listeners[type] = listener;
    if (!listener) return;
    // What the worker said before this listener came, it hears now.
    const kept = this.early.filter((e) => e.type === type);
    this.early = this.early.filter((e) => e.type !== type);
    for (const { event } of kept) (listener as (event: Event) => void)(event);
  }
}

export function spawnWorker(): WorkerLike {
  return new SnippetWorker();
}

/**
 * A worker that ends by itself (its code called close(), or the browser killed it for
 * memory) fires no event on the page. It holds a Web Lock while alive; asking for the same
 * lock once it is held resolves when the worker ends, however it ends.
 */
function watchLifeline(worker: Worker, like: WorkerLike): void {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return;
  const name = `lambda-or-layer-worker-${Date.now().toString(36)}-${++spawned}-${Math.random().toString(36).slice(2)}`;
  worker.postMessage({ type: 'lifeline', name } satisfies ToWorker);
  // The worker holds the lock before it answers `ready`: asking earlier could take it first.
  const onReady = (event: MessageEvent<FromWorker>) => {
    if (event.data?.type !== 'ready') return;
    worker.removeEventListener('message', onReady);
    void locks.request(name, () => like.onexit?.()).catch(() => undefined);
  };
  worker.addEventListener('message', onReady);
}
