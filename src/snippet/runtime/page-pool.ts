/**
 * The page's one worker pool. A module of its own so the bootstrap can start the
 * spare worker (and so the tfjs download) the moment the reader shows intent, in
 * parallel with the editor's code instead of after it.
 */
import type { BackendName } from '../protocol';
import { WorkerPool } from './pool';
import { spawnWorker } from './spawn';

export const pagePool = new WorkerPool(spawnWorker);

export function warmUp(backend: BackendName): void {
  pagePool.warm(backend);
}
