import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackendName, ErrorData, FromWorker, RunEvent, ToWorker } from '../../src/snippet/protocol';
import { StartError, WorkerPool, type WorkerLike } from '../../src/snippet/runtime/pool';
import { RETIRE_AFTER_MS, SnippetRunner, type RunSink } from '../../src/snippet/runtime/runner';
import { judge, type SnippetState, type Verdict } from '../../src/snippet/state';
import { doneEvent } from '../helpers/done';

/** A worker that does nothing by itself: the test plays its side of the protocol. */
class FakeWorker implements WorkerLike {
  static all: FakeWorker[] = [];
  received: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  onexit: (() => void) | null = null;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(message: ToWorker): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  send(message: FromWorker): void {
    // A terminated worker never speaks again.
    if (!this.terminated) this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
  ready(backend: BackendName = 'cpu'): void {
    this.send({ type: 'ready', backend, tfVersion: '4.22.0', timings: { timeOrigin: 0, entry: 1, loaded: 2, ready: 3 } });
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
  get runId(): number {
    const run = this.received.find((m) => m.type === 'run');
    if (!run || run.type !== 'run') throw new Error('no run received');
    return run.runId;
  }
}

/** Records what a snippet would show. */
class Recorder implements RunSink {
  states: SnippetState[] = [];
  messages: RunEvent[] = [];
  stops: { reason: string; limitMs: number }[] = [];
  failures: Error[] = [];
  losses: (string | null)[] = [];
  verdicts: Verdict[] = [];
  begin(): void {
    this.messages = [];
  }
  state(state: SnippetState): void {
    this.states.push(state);
  }
  message(message: RunEvent): void {
    this.messages.push(message);
  }
  stopped(reason: 'user' | 'timeout', detail: { limitMs: number }): void {
    this.stops.push({ reason, limitMs: detail.limitMs });
  }
  failedToStart(error: Error): void {
    this.failures.push(error);
  }
  lost(detail: { message: string | null }): void {
    this.losses.push(detail.message);
  }
  verdict(verdict: Verdict): void {
    this.verdicts.push(verdict);
  }
  get last(): SnippetState | undefined {
    return this.states[this.states.length - 1];
  }
}

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const error = (message: string, line: number | null = null): ErrorData => ({
  name: 'Error',
  message,
  location: line === null ? null : { line, column: 1 },
  origin: 'runtime',
});
const done = (runId: number, ok = true): FromWorker => doneEvent({ runId, ok, durationMs: 12 });

let pool: WorkerPool;
beforeEach(() => {
  FakeWorker.all = [];
  pool = new WorkerPool(() => new FakeWorker());
});
afterEach(() => vi.useRealTimers());

function setup(options: { timeoutMs?: number; expectError?: string | null; timers?: boolean } = {}) {
  const sink = new Recorder();
  let now = 0;
  const timers = options.timers
    ? {
        setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
        clearTimeout: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
        now: () => (now += 100),
      }
    : undefined;
  const runner = new SnippetRunner({
    pool,
    sink,
    timeoutMs: options.timeoutMs ?? 10_000,
    expectError: options.expectError ?? null,
    timers,
  });
  return { sink, runner };
}

describe('worker pool', () => {
  it('starts one spare on intent, loading tfjs for the chosen backend, and no more', () => {
    pool.warm('cpu');
    pool.warm('cpu');
    expect(FakeWorker.all).toHaveLength(1);
    expect(FakeWorker.all[0]!.received).toEqual([{ type: 'init', backend: 'cpu' }]);
  });

  it('hands over the ready spare, and starts the next one only when the run ends', async () => {
    const { runner } = setup();
    pool.warm('cpu');
    const spare = FakeWorker.all[0]!;
    spare.ready();
    await runner.run('a', 'cpu');
    // Loading a second tfjs would slow the run the reader waits for.
    expect(FakeWorker.all).toHaveLength(1);
    spare.send(done(spare.runId));
    expect(FakeWorker.all).toHaveLength(2);
    expect(FakeWorker.all[1]!.received).toEqual([{ type: 'init', backend: 'cpu' }]);
  });

  it('tells a spare that became ready with nothing to run to warm up, and not one a Run already waits for', async () => {
    pool.warm('cpu');
    const idle = FakeWorker.all[0]!;
    idle.ready();
    expect(idle.received).toEqual([{ type: 'init', backend: 'cpu' }, { type: 'warm' }]);
    const { runner } = setup();
    await runner.run('a', 'cpu');
    idle.send(done(idle.runId));
    // The next spare is taken (a Run clicked at once) before it is ready: the run goes first.
    const next = FakeWorker.all[1]!;
    const taken = runner.run('b', 'cpu');
    next.ready();
    await taken;
    expect(next.received.map((m) => m.type)).toEqual(['init', 'run']);
  });

  it('adopts the worker the bootstrap started on intent, which was sent init already', async () => {
    const early = new FakeWorker();
    early.postMessage({ type: 'init', backend: 'cpu' });
    pool.warm('cpu');
    // The bootstrap's worker is further along than the spare the island asked for: it wins.
    pool.warm('cpu', { worker: early, backend: 'cpu' });
    expect(FakeWorker.all[1]!.terminated).toBe(true);
    expect(early.received).toEqual([{ type: 'init', backend: 'cpu' }]);
    early.ready();
    expect(await pool.take('cpu')).toBe(early);
    // Started for a backend the reader no longer wants: ended, and a spare for the right one starts.
    const wrong = new FakeWorker();
    pool.warm('wasm', { worker: wrong, backend: 'cpu' });
    expect(wrong.terminated).toBe(true);
    expect(FakeWorker.all.at(-1)!.received).toEqual([{ type: 'init', backend: 'wasm' }]);
  });

  it('replaces the spare when the reader picks another backend', () => {
    pool.warm('cpu');
    pool.warm('wasm');
    expect(FakeWorker.all[0]!.terminated).toBe(true);
    expect(FakeWorker.all[1]!.received).toEqual([{ type: 'init', backend: 'wasm' }]);
  });

  it('forgets a ready spare that ended while it waited, and starts another for the next Run', async () => {
    pool.warm('cpu');
    const spare = FakeWorker.all[0]!;
    spare.ready();
    // The browser ended it (memory), which only the lifeline tells.
    spare.onexit?.();
    const next = pool.take('cpu');
    expect(FakeWorker.all).toHaveLength(2);
    FakeWorker.all[1]!.ready();
    expect(await next).toBe(FakeWorker.all[1]);
  });

  it('forgets a ready spare that broke while it waited', () => {
    pool.warm('cpu');
    const spare = FakeWorker.all[0]!;
    spare.ready();
    spare.crash('out of memory');
    expect(spare.terminated).toBe(true);
    void pool.take('cpu');
    expect(FakeWorker.all).toHaveLength(2);
  });

  it('ends a worker whose first message cannot be read, and says so when it is taken', async () => {
    pool.warm('cpu');
    const spare = FakeWorker.all[0]!;
    spare.onmessageerror?.({} as MessageEvent);
    expect(spare.terminated).toBe(true);
    await flush();
    const next = pool.take('cpu');
    expect(FakeWorker.all).toHaveLength(2);
    FakeWorker.all[1]!.onmessageerror?.({} as MessageEvent);
    await expect(next).rejects.toThrow('could not be read');
  });

  it('rejects a take when the worker cannot load, and starts afresh next time', async () => {
    pool.warm('cpu');
    FakeWorker.all[0]!.crash('Failed to fetch');
    await flush();
    const next = pool.take('cpu');
    const fresh = FakeWorker.all[1]!;
    fresh.crash('Failed to fetch');
    await expect(next).rejects.toThrow('Failed to fetch');
  });
});

describe('a run', () => {
  it('goes loading -> running -> done, in a fresh worker, and shows what the worker sends', async () => {
    const { sink, runner } = setup();
    const running = runner.run('show(1)', 'cpu');
    expect(sink.last).toBe('loading');
    FakeWorker.all[0]!.ready();
    await running;
    expect(sink.last).toBe('running');
    const worker = FakeWorker.all[0]!;
    expect(worker.received[1]).toMatchObject({ type: 'run', code: 'show(1)', backend: 'cpu' });
    worker.send({ type: 'log', runId: worker.runId, level: 'log', text: 'hi' });
    worker.send(done(worker.runId));
    expect(sink.states).toEqual(['loading', 'running', 'done']);
    expect(sink.messages.map((m) => m.type)).toEqual(['log', 'done']);
  });

  it('keeps the finished run’s worker until the next run, then stops hearing it, ends it a moment later, and uses another', async () => {
    vi.useFakeTimers();
    const { sink, runner } = setup({ timers: true });
    const first = runner.run('a', 'cpu');
    FakeWorker.all[0]!.ready();
    await first;
    const w1 = FakeWorker.all[0]!;
    w1.send(done(w1.runId));
    expect(w1.terminated).toBe(false);
    // A late error (a timer in the snippet) still arrives.
    w1.send({ type: 'error', runId: w1.runId, error: { ...error('late'), origin: 'async' } });
    expect(sink.last).toBe('error');

    FakeWorker.all[1]!.ready(); // the spare started when w1's run ended
    await runner.run('b', 'cpu');
    const w2 = FakeWorker.all[1]!;
    expect(w2.received.at(-1)).toMatchObject({ type: 'run', code: 'b' });
    expect(w2.runId).not.toBe(w1.runId);
    // Terminating a worker blocks the page for a while: not at the click, but once the new run is under way.
    expect(w1.terminated).toBe(false);
    w1.send({ type: 'error', runId: w1.runId, error: { ...error('later still'), origin: 'async' } });
    expect(sink.last).toBe('running');
    vi.advanceTimersByTime(RETIRE_AFTER_MS);
    expect(w1.terminated).toBe(true);
  });

  it('a run started while the previous one is still busy ends the busy worker at once', async () => {
    vi.useFakeTimers();
    const { runner } = setup({ timers: true });
    const first = runner.run('while (true) {}', 'cpu');
    FakeWorker.all[0]!.ready();
    await first;
    const second = runner.run('b', 'cpu');
    expect(FakeWorker.all[0]!.terminated).toBe(true);
    FakeWorker.all[1]!.ready();
    await second;
  });

  it('ignores messages tagged with another run', async () => {
    const { sink, runner } = setup();
    const running = runner.run('a', 'cpu');
    FakeWorker.all[0]!.ready();
    await running;
    const worker = FakeWorker.all[0]!;
    worker.send({ type: 'log', runId: worker.runId + 1000, level: 'log', text: 'stray' });
    expect(sink.messages).toHaveLength(0);
  });

  it('Stop ends the run at once by terminating its worker', async () => {
    const { sink, runner } = setup();
    const running = runner.run('while(true){}', 'cpu');
    FakeWorker.all[0]!.ready();
    await running;
    runner.stop();
    expect(FakeWorker.all[0]!.terminated).toBe(true);
    expect(sink.last).toBe('stopped');
    expect(sink.stops).toEqual([{ reason: 'user', limitMs: 10_000 }]);
  });

  it('Stop while tfjs is still loading: stopped, and the worker becomes the spare the next Run takes at once', async () => {
    const { sink, runner } = setup();
    const running = runner.run('a', 'cpu');
    runner.stop();
    expect(sink.last).toBe('stopped');
    // No second tfjs starts beside the one already loading.
    expect(FakeWorker.all).toHaveLength(1);
    const loading = FakeWorker.all[0]!;
    loading.ready();
    await running;
    expect(loading.terminated).toBe(false);
    expect(loading.received.some((m) => m.type === 'run')).toBe(false);
    expect(sink.last).toBe('stopped');
    await runner.run('b', 'cpu');
    expect(sink.last).toBe('running');
    expect(FakeWorker.all).toHaveLength(1);
    expect(loading.received.at(-1)).toMatchObject({ type: 'run', code: 'b' });
  });

  it('Stop, then Run again, both while tfjs loads: the run gets the worker already loading', async () => {
    const { sink, runner } = setup();
    const first = runner.run('a', 'cpu');
    runner.stop();
    const second = runner.run('b', 'cpu');
    expect(FakeWorker.all).toHaveLength(1);
    FakeWorker.all[0]!.ready();
    await Promise.all([first, second]);
    expect(FakeWorker.all[0]!.received.filter((m) => m.type === 'run')).toEqual([expect.objectContaining({ code: 'b' })]);
    expect(sink.last).toBe('running');
  });

  it('Run pressed again while tfjs loads: the new run waits for that same worker', async () => {
    const { sink, runner } = setup();
    const first = runner.run('a', 'cpu');
    const second = runner.run('b', 'cpu');
    expect(FakeWorker.all).toHaveLength(1);
    FakeWorker.all[0]!.ready();
    await Promise.all([first, second]);
    const runs = FakeWorker.all[0]!.received.filter((m) => m.type === 'run');
    expect(runs).toEqual([expect.objectContaining({ code: 'b' })]);
    expect(FakeWorker.all[0]!.terminated).toBe(false);
    expect(sink.last).toBe('running');
  });

  it('Run pressed again while tfjs loads, on another backend: the run gets its backend, the first worker is ended', async () => {
    const { runner } = setup();
    const first = runner.run('a', 'cpu');
    const second = runner.run('b', 'wasm');
    const [cpu, wasm] = FakeWorker.all;
    expect(wasm!.received[0]).toEqual({ type: 'init', backend: 'wasm' });
    cpu!.ready();
    wasm!.ready('wasm');
    await Promise.all([first, second]);
    expect(wasm!.received.at(-1)).toMatchObject({ type: 'run', code: 'b', backend: 'wasm' });
    expect(cpu!.received.some((m) => m.type === 'run')).toBe(false);
    expect(cpu!.terminated).toBe(true);
  });

  it('the first worker arriving does not make the pool forget the run on another backend still waiting: a Stop then keeps that one too', async () => {
    const { runner } = setup();
    const first = runner.run('a', 'cpu');
    const second = runner.run('b', 'wasm');
    const [cpu, wasm] = FakeWorker.all;
    cpu!.ready();
    await first;
    runner.stop();
    // No third worker: the wasm one on its way is kept for the next Run.
    expect(FakeWorker.all).toHaveLength(2);
    wasm!.ready('wasm');
    await second;
    expect(wasm!.terminated).toBe(false);
  });

  it('the time limit terminates runaway code and says which limit', async () => {
    vi.useFakeTimers();
    const { sink, runner } = setup({ timeoutMs: 1500, timers: true });
    const running = runner.run('while(true){}', 'cpu');
    FakeWorker.all[0]!.ready();
    await running;
    vi.advanceTimersByTime(1499);
    expect(sink.last).toBe('running');
    vi.advanceTimersByTime(1);
    expect(FakeWorker.all[0]!.terminated).toBe(true);
    expect(sink.last).toBe('stopped');
    expect(sink.stops).toEqual([{ reason: 'timeout', limitMs: 1500 }]);
  });

  it('a run that finishes in time clears its limit', async () => {
    vi.useFakeTimers();
    const { sink, runner } = setup({ timeoutMs: 1500, timers: true });
    const running = runner.run('a', 'cpu');
    FakeWorker.all[0]!.ready();
    await running;
    FakeWorker.all[0]!.send(done(FakeWorker.all[0]!.runId));
    vi.advanceTimersByTime(5000);
    expect(sink.last).toBe('done');
    expect(FakeWorker.all[0]!.terminated).toBe(false);
  });

  it('a worker whose script does not load is a failure to start, at the load stage', async () => {
    const { sink, runner } = setup();
    const running = runner.run('a', 'cpu');
    FakeWorker.all[0]!.crash('');
    await running;
    expect(sink.last).toBe('error');
    expect(sink.failures[0]).toBeInstanceOf(StartError);
    expect(sink.failures[0]).toMatchObject({ stage: 'load' });
  });

  it('a worker that says tfjs did not start is a failure at the init stage, with its words', async () => {
    const { sink, runner } = setup();
    const running = runner.run('a', 'cpu');
    FakeWorker.all[0]!.send({ type: 'start-failed', stage: 'init', message: 'The cpu backend failed to initialise.' });
    await running;
    expect(sink.last).toBe('error');
    expect(sink.failures[0]).toMatchObject({ stage: 'init', detail: 'The cpu backend failed to initialise.' });
    expect(FakeWorker.all[0]!.terminated).toBe(true);
  });

  it('after done, a worker error with words is the run’s late error; one without is the worker lost, in the page’s words', async () => {
    const { sink, runner } = setup();
    const running = runner.run('a', 'cpu');
    const worker = FakeWorker.all[0]!;
    worker.ready();
    await running;
    worker.send(done(worker.runId));
    worker.crash('Uncaught ReferenceError: x is not defined');
    expect(sink.messages.at(-1)).toMatchObject({ type: 'error', error: { message: 'Uncaught ReferenceError: x is not defined' } });
    expect(sink.losses).toEqual([]);
    worker.crash('');
    expect(sink.losses).toEqual([null]);
    expect(sink.last).toBe('error');
  });

  it('a crash during the run ends it at once, as an error that says the worker was lost', async () => {
    const { sink, runner } = setup();
    const running = runner.run('a', 'cpu');
    FakeWorker.all[0]!.ready();
    await running;
    FakeWorker.all[0]!.crash('out of memory');
    expect(FakeWorker.all[0]!.terminated).toBe(true);
    expect(sink.last).toBe('error');
    expect(sink.losses).toEqual(['out of memory']);
    expect(sink.stops).toEqual([]);
  });

  it('a worker that ends by itself mid-run (close(), killed for memory) is reported, not left to the time limit', async () => {
    vi.useFakeTimers();
    const { sink, runner } = setup({ timeoutMs: 1500, timers: true });
    const running = runner.run('close()', 'cpu');
    FakeWorker.all[0]!.ready();
    await running;
    FakeWorker.all[0]!.onexit?.();
    expect(sink.last).toBe('error');
    expect(sink.losses).toEqual([null]);
    vi.advanceTimersByTime(5000);
    expect(sink.stops).toEqual([]);
    expect(sink.last).toBe('error');
  });

  it('a worker the page ends itself (Stop) is not reported as lost', async () => {
    const { sink, runner } = setup();
    const running = runner.run('while(true){}', 'cpu');
    FakeWorker.all[0]!.ready();
    await running;
    const worker = FakeWorker.all[0]!;
    const exit = worker.onexit;
    runner.stop();
    expect(worker.onexit).toBeNull();
    exit?.();
    expect(sink.losses).toEqual([]);
    expect(sink.last).toBe('stopped');
  });

  it('unpacks batches in order, and ignores a batch of another run', async () => {
    const { sink, runner } = setup();
    const running = runner.run('a', 'cpu');
    FakeWorker.all[0]!.ready();
    await running;
    const w = FakeWorker.all[0]!;
    const log = (text: string, runId = w.runId) => ({ type: 'log', runId, level: 'log', text }) as const;
    w.send({ type: 'batch', runId: w.runId + 1, events: [log('stray', w.runId + 1)] });
    w.send({ type: 'batch', runId: w.runId, events: [log('one'), log('two'), done(w.runId) as Extract<FromWorker, { type: 'done' }>] });
    expect(sink.messages.map((m) => (m.type === 'log' ? m.text : m.type))).toEqual(['one', 'two', 'done']);
    expect(sink.last).toBe('done');
  });
});

describe('a snippet meant to fail', () => {
  async function runWith(expectError: string, send: (w: FakeWorker) => void) {
    const { sink, runner } = setup({ expectError });
    const running = runner.run('x', 'cpu');
    FakeWorker.all[0]!.ready();
    await running;
    send(FakeWorker.all[0]!);
    return sink;
  }

  it('is done when it fails with the declared error, and the error is the lesson', async () => {
    const sink = await runWith('Unknown layer', (w) => {
      w.send({ type: 'error', runId: w.runId, error: error('Unknown layer: Scale. This may be due to...', 4) });
      w.send(done(w.runId, false));
    });
    expect(sink.last).toBe('done');
    expect(sink.verdicts.at(-1)).toMatchObject({ state: 'done', lesson: { message: expect.stringContaining('Unknown layer') } });
  });

  it('is an error when it does not fail', async () => {
    const sink = await runWith('Unknown layer', (w) => w.send(done(w.runId, true)));
    expect(sink.last).toBe('error');
    expect(sink.verdicts.at(-1)).toEqual({ state: 'error', reason: 'did-not-fail', expected: 'Unknown layer' });
  });

  it('is an error when it fails with something else', async () => {
    const sink = await runWith('Unknown layer', (w) => {
      w.send({ type: 'error', runId: w.runId, error: error('x is not defined') });
      w.send(done(w.runId, false));
    });
    expect(sink.last).toBe('error');
    expect(sink.verdicts.at(-1)).toMatchObject({ reason: 'wrong-error' });
  });
});

describe('judge', () => {
  it('matches the declared text anywhere in "Name: message"', () => {
    expect(judge('ValueError', false, [{ ...error('bad shape'), name: 'ValueError' }]).state).toBe('done');
    expect(judge(null, true, []).state).toBe('done');
    expect(judge(null, false, []).state).toBe('error');
    expect(judge(null, true, [error('late')]).state).toBe('error');
  });
});
