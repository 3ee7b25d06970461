/**
 * The page's snippet workers. tfjs cannot be reset (its class registry, name
 * counters and variables are global), so every run gets a fresh worker; to keep that from costing the
 * tfjs start-up on each click, one spare worker is always loaded and `ready`.
 */
import type { BackendName, FromWorker, ToWorker } from '../protocol';
import { mark, markWorker } from '../marks';

/** The part of `Worker` the runtime uses, so tests can hand in a fake. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  /** Called when the worker has ended, when the browser can tell (cleared before the page ends one itself). */
  onexit?: (() => void) | null;
}

export type SpawnWorker = () => WorkerLike;

/** A worker spawned, and sent `init` for `backend`, before the pool existed (the bootstrap's). */
export interface StartedWorker {
  worker: WorkerLike;
  backend: BackendName;
}

/**
 * Why a worker could not be used: its code did not arrive (`load`: offline, or blocked) or
 * tfjs did not start in this browser (`init`). `detail` is the engine's own words, if any.
 */
export class StartError extends Error {
  constructor(
    readonly stage: 'load' | 'init',
    readonly detail: string,
  ) {
    super(`${stage}: ${detail}`);
  }
}

interface Spare {
  worker: WorkerLike;
  backend: BackendName;
  ready: Promise<WorkerLike>;
}

export class WorkerPool {
  private spare: Spare | null = null;

  constructor(private readonly spawn: SpawnWorker) {}

  /**
   * Makes sure a spare is loading or loaded for `backend` (the reader's current choice).
   * `started` is a worker the page spawned already (the bootstrap's, on intent): it becomes the
   * spare, being the furthest along.
   */
  warm(backend: BackendName, started?: StartedWorker): void {
    if (started?.backend === backend) {
      this.spare?.worker.terminate();
      this.spare = this.start(backend, started.worker);
      return;
    }
    started?.worker.terminate();
    if (this.spare?.backend === backend) return;
    this.spare?.worker.terminate();
    this.spare = this.start(backend);
  }

  /**
   * Hands over a ready worker for one run. The next spare is not started here but when the run
   * ends (the runner calls `warm`): on a phone's two cores, loading tfjs a second time would slow
   * the run the reader is waiting for. Rejects with a StartError when the worker could not start.
   */
  async take(backend: BackendName): Promise<WorkerLike> {
    const spare = this.spare?.backend === backend ? this.spare : null;
    if (!spare) this.spare?.worker.terminate();
    const taken = spare ?? this.start(backend);
    this.spare = null;
    return taken.ready;
  }

  /**
   * A worker a run no longer wants (Stop pressed while tfjs loaded), for the reader's backend:
   * it becomes the spare, so the next Run does not load tfjs again, unless one for that backend is there.
   */
  adopt(worker: WorkerLike, backend: BackendName): void {
    if (this.spare?.backend === backend) return worker.terminate();
    this.spare?.worker.terminate();
    this.spare = { worker, backend, ready: Promise.resolve(worker) };
  }

  /** A spare for `backend`: a new worker, or `started`, which was sent `init` already. */
  private start(backend: BackendName, started?: WorkerLike): Spare {
    if (!started) mark('worker-spawn');
    const worker = started ?? this.spawn();
    // A spare that ends or breaks while it waits is no spare: the next Run starts another.
    // (A run that takes the worker sets handlers of its own.)
    const drop = () => {
      if (this.spare?.worker === worker) this.spare = null;
    };
    worker.onexit = drop;
    const ready = new Promise<WorkerLike>((resolve, reject) => {
      worker.onmessage = (event) => {
        if (event.data.type === 'ready') {
          markWorker(event.data.timings);
          // Still the spare: nothing waits for it, so it may ready its parser (see `warm` in ../protocol).
          if (this.spare?.worker === worker) worker.postMessage({ type: 'warm' });
          resolve(worker);
        } else if (event.data.type === 'start-failed') {
          worker.terminate();
          reject(new StartError(event.data.stage, event.data.message));
        }
      };
      // Before `ready`, an error event means the worker's script did not load: no code ran to say more.
      worker.onerror = (event) => {
        event.preventDefault();
        worker.terminate();
        drop();
        reject(new StartError('load', event.message ?? ''));
      };
      worker.onmessageerror = () => {
        worker.terminate();
        drop();
        reject(new StartError('init', 'the worker sent a message that could not be read'));
      };
    });
    // A spare nobody takes may fail unseen; its failure is reported when it is taken.
    ready.catch(drop);
    if (!started) worker.postMessage({ type: 'init', backend });
    return { worker, backend, ready };
  }
}
