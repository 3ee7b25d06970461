/**
 * Starts one snippet worker. Kept apart from the pool so the pool can be tested
 * with a fake, and so the bundler sees the worker URL in the form it rewrites.
 */
import type { WorkerLike } from './pool';

export function spawnWorker(): WorkerLike {
  return new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' }) as WorkerLike;
}
