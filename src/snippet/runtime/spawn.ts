/**
 * Starts one snippet worker. Kept apart from the pool so the pool can be tested
 * with a fake, and so the bundler sees the worker URL in the form it rewrites.
 */
import type { FromWorker, ToWorker } from '../protocol';
import type { WorkerLike } from './pool';

let spawned = 0;

export function spawnWorker(): WorkerLike {
  const worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' });
  const like = worker as Worker & WorkerLike;
  like.onexit = null;
  watchLifeline(worker, like);
  return like;
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
