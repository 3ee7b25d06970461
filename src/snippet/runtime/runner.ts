/**
 * One snippet's runs: takes a ready worker from the pool, sends the code, enforces
 * Stop and the time limit by terminating the worker, and judges the outcome.
 * It knows nothing of the DOM: what it sees goes to a `RunSink`.
 */
import type { BackendName, ErrorData, FromWorker, RunEvent } from '../protocol';
import { isBusy, judge, type SnippetState, type Verdict } from '../state';
import { mark } from '../marks';
import type { WorkerLike, WorkerPool } from './pool';

export interface RunSink {
  /** A new run begins: clear the previous output. */
  begin(runId: number): void;
  state(state: SnippetState): void;
  /** Output to show, in order (tensors, logs, epochs, errors, done), batches unpacked. */
  message(message: RunEvent): void;
  /** The run was ended from the page: by the reader, or by the time limit. */
  stopped(reason: 'user' | 'timeout', detail: { limitMs: number; elapsedMs: number }): void;
  /** The run could not start: the worker's code did not load, or tfjs did not start (a StartError). */
  failedToStart(error: Error): void;
  /**
   * The worker died during the run: it crashed (`message` says how) or ended without a word
   * (its code called close(), or the browser stopped it, e.g. out of memory).
   */
  lost(detail: { message: string | null }): void;
  /** The run's outcome, judged again whenever a late error arrives. */
  verdict(verdict: Verdict, done: Extract<RunEvent, { type: 'done' }> | null): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): ReturnType<typeof setTimeout>;
  clearTimeout(id: ReturnType<typeof setTimeout>): void;
  now(): number;
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id),
  now: () => performance.now(),
};

export interface RunnerOptions {
  pool: WorkerPool;
  sink: RunSink;
  /** The time limit, read when each run starts (the page may change it between runs). */
  timeoutMs: number | (() => number);
  /** The error text the snippet is meant to fail with, or null. */
  expectError: string | null;
  timers?: Timers;
}

/**
 * How long the previous run's worker outlives the next Run's click. Terminating a worker blocks
 * the page for several ms in Chromium (about 7 on a desktop core): done at the click, the reader
 * waited for it; a moment later, it falls after the new output has painted.
 */
export const RETIRE_AFTER_MS = 250;

/** Run ids are unique on the page, so a message can never be taken for another run's. */
let lastRunId = 0;

export class SnippetRunner {
  private readonly timers: Timers;
  private current = 0;
  private worker: WorkerLike | null = null;
  private deadline: ReturnType<typeof setTimeout> | null = null;
  private startedAt = 0;
  /** The time limit of the run under way. */
  private limit = 0;
  /** The backend of the run under way: the next spare is warmed for it. */
  private backend: BackendName = 'cpu';
  /**
   * A worker on its way for the run `runId`. A Run pressed again meanwhile waits for that same
   * worker, and after a Stop it goes to the pool: it is further along than any new one.
   */
  private taking: { ready: Promise<WorkerLike>; backend: BackendName; runId: number } | null = null;
  private errors: ErrorData[] = [];
  private done: Extract<RunEvent, { type: 'done' }> | null = null;
  private status: SnippetState = 'idle';

  constructor(private readonly options: RunnerOptions) {
    this.timers = options.timers ?? defaultTimers;
  }

  get state(): SnippetState {
    return this.status;
  }

  /** Runs `code`, ending whatever this snippet ran before. */
  async run(code: string, backend: BackendName): Promise<void> {
    const runId = ++lastRunId;
    const waiting = this.taking?.backend === backend ? this.taking : null;
    // The previous run's worker stayed alive so its late errors could arrive; now it is not heard.
    this.retire();
    this.current = runId;
    this.backend = backend;
    const { timeoutMs } = this.options;
    this.limit = typeof timeoutMs === 'function' ? timeoutMs() : timeoutMs;
    this.errors = [];
    this.done = null;
    this.options.sink.begin(runId);
    this.setState('loading');

    const taking = waiting ?? { ready: this.options.pool.take(backend), backend, runId };
    taking.runId = runId;
    this.taking = taking;
    let worker: WorkerLike;
    try {
      worker = await taking.ready;
    } catch (error) {
      if (taking.runId !== runId) return;
      if (this.taking === taking) this.taking = null;
      if (this.current !== runId) return;
      this.setState('error');
      this.options.sink.failedToStart(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    // Handed on to a later run, which takes it from here.
    if (taking.runId !== runId) return;
    // (A run on another backend may be waiting for its own worker meanwhile.)
    if (this.taking === taking) this.taking = null;
    if (this.current !== runId) {
      // Stopped while the worker was getting ready: the spare. Superseded by a run on another
      // backend: a worker for a backend the reader left.
      if (backend === this.backend) this.options.pool.adopt(worker, backend);
      else worker.terminate();
      return;
    }
    this.worker = worker;
    worker.onmessage = (event) => this.receive(runId, event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      // The worker catches the snippet's own errors: one that reaches the page means the worker broke.
      // After `done`, one with words is shown as the run's late error; one without is the worker lost.
      if (this.status === 'running' || !event.message) {
        this.lose(runId, event.message || null);
        return;
      }
      this.receive(runId, {
        type: 'error',
        runId,
        error: { name: 'Error', message: event.message, location: null, origin: 'async' },
      });
    };
    worker.onexit = () => {
      if (this.status === 'running') this.lose(runId, null);
    };
    worker.onmessageerror = null;
    this.setState('running');
    this.startedAt = this.timers.now();
    this.deadline = this.timers.setTimeout(() => this.halt('timeout'), this.limit);
    mark('run-start');
    worker.postMessage({ type: 'run', runId, code, backend });
  }

  /** Stop: ends the run at once (terminating the worker is the only sure way out of `while(true){}`). */
  stop(): void {
    if (isBusy(this.status)) this.halt('user');
  }

  /** Ends the snippet's worker at once (a Stop, the time limit, a new run, a lost worker). */
  private end(): void {
    if (this.deadline !== null) this.timers.clearTimeout(this.deadline);
    this.deadline = null;
    if (this.worker) {
      // Ended by the page: not a worker that died.
      this.worker.onexit = null;
      this.worker.onerror = null;
      this.worker.terminate();
    }
    this.worker = null;
    this.current = 0;
  }

  /**
   * Ends the previous run for a new one. A finished run's worker is no longer heard at once and
   * terminated a moment later; one still busy is terminated now, so it does not take the new
   * run's CPU.
   */
  private retire(): void {
    const worker = this.worker;
    if (!worker || isBusy(this.status)) return this.end();
    worker.onmessage = null;
    worker.onerror = null;
    worker.onexit = null;
    this.worker = null;
    this.end();
    this.timers.setTimeout(() => worker.terminate(), RETIRE_AFTER_MS);
  }

  private lose(runId: number, message: string | null): void {
    if (this.current !== runId) return;
    this.end();
    this.setState('error');
    this.options.sink.lost({ message });
    this.options.pool.warm(this.backend);
  }

  private halt(reason: 'user' | 'timeout'): void {
    const elapsedMs = this.status === 'running' ? this.timers.now() - this.startedAt : 0;
    this.end();
    this.setState('stopped');
    this.options.sink.stopped(reason, { limitMs: this.limit, elapsedMs });
    // A worker still on its way becomes the spare when it arrives.
    if (!this.taking) this.options.pool.warm(this.backend);
  }

  private receive(runId: number, message: FromWorker): void {
    if (message.type === 'ready' || message.type === 'start-failed' || message.runId !== runId || this.current !== runId) return;
    if (message.type === 'batch') {
      for (const event of message.events) this.receive(runId, event);
      return;
    }
    switch (message.type) {
      case 'error':
        this.errors.push(message.error);
        this.options.sink.message(message);
        // An error after `done` (a timer, a rejected promise) changes the verdict.
        if (this.done) this.settle();
        return;
      case 'done':
        mark('run-done');
        if (this.deadline !== null) this.timers.clearTimeout(this.deadline);
        this.deadline = null;
        this.done = message;
        this.options.sink.message(message);
        this.settle();
        // The next run's worker loads now, while the reader reads this run's output.
        this.options.pool.warm(this.backend);
        return;
      default:
        this.options.sink.message(message);
    }
  }

  private settle(): void {
    const verdict = judge(this.options.expectError, this.done?.ok ?? false, this.errors);
    this.setState(verdict.state);
    this.options.sink.verdict(verdict, this.done);
  }

  private setState(state: SnippetState): void {
    this.status = state;
    this.options.sink.state(state);
  }
}
