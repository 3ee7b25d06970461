/**
 * Runs snippets in Node the way the page does, for the build (each snippet's output in the
 * page) and the tests: each run in a fresh thread with a fresh tfjs, through the same
 * `runSnippet` the module worker calls.
 *
 * Why a `worker_threads` Worker per run: the page spawns a fresh Web Worker per run, so
 * every snippet starts from an empty class registry, layer-name counters at 1
 * ("dense_Dense1"), no leftover variables, and the cpu backend just initialised. Clearing
 * tfjs' registries between runs in one process would only approximate that (the uid
 * counters and engine state are private), and vitest's module isolation does not reach
 * tfjs, which is loaded from node_modules outside the module graph. A thread also lets the
 * harness enforce `@timeout` the way the page does, by terminating it, even for a
 * `while (true) {}`, and it sees errors thrown later by timers like the page does.
 */
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Lang } from '../../i18n/locales';
import type { ErrorData, FromWorker, LogLevel, ShownData } from '../protocol';
import { DEFAULT_TIMEOUT_MS } from '../markup';
import { readSnippet } from '../../collection/files';
import type { ThreadData } from './thread-run';

type Message<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;

export interface RunResult {
  /** Every message the run posted, in order. */
  events: FromWorker[];
  /** The tfjs version the run used. */
  tfVersion: string;
  shows: { label: string | null; data: ShownData }[];
  logs: { level: LogLevel; text: string }[];
  /** Run errors and later (async) errors. */
  errors: ErrorData[];
  /** Null when the run did not finish in time (the thread was terminated, as the page does). */
  done: Message<'done'> | null;
  fitEpochs: Message<'fit-epoch'>[];
  dropped: Message<'dropped'> | null;
  /** The run hit its time limit, or awaits something that can never settle. */
  timedOut: boolean;
}

export interface RunOptions {
  /** Time limit of the run itself (tfjs loading excluded), like the page's. */
  timeoutMs?: number;
}

const RUN_ID = 1;
/**
 * The thread's entry, a real file of the project (found from the working directory: the build
 * bundles this module elsewhere, and both it and the tests run from the project's root).
 */
const THREAD = resolve('src/snippet/node/thread.mjs');
/** Loading tfjs in a cold thread is slow on a busy machine; not part of the snippet's budget. */
const LOAD_TIMEOUT_MS = 60_000;
/** After `done`, how long late timers may still report errors before the thread is stopped. */
const SETTLE_MS = 300;

/** Runs a snippet's code on the cpu backend with the real Lambda, in a fresh tfjs. */
export function runSnippetCode(code: string, options: RunOptions = {}): Promise<RunResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const events: FromWorker[] = [];
  let threadOutput = '';
  const worker = new Worker(THREAD, {
    workerData: { code, runId: RUN_ID } satisfies ThreadData,
    // tfjs greets Node users on stderr; keep it (and any crash report) for error messages only.
    stdout: true,
    stderr: true,
  });
  worker.stdout.on('data', (chunk: Buffer) => (threadOutput += chunk.toString()));
  worker.stderr.on('data', (chunk: Buffer) => (threadOutput += chunk.toString()));

  return new Promise<RunResult>((resolve, reject) => {
    let timedOut = false;
    let finished = false;
    let tfVersion = '';
    let timer = setTimeout(() => stop(new Error(`tfjs did not load within ${LOAD_TIMEOUT_MS} ms`)), LOAD_TIMEOUT_MS);

    const stop = (failure: Error | null): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      void worker.terminate().then(() => {
        if (failure) reject(failure);
        else resolve(collect(events, timedOut, tfVersion));
      });
    };

    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') {
        tfVersion = message.tfVersion;
        return;
      }
      events.push(message);
      if (message.type === 'started') {
        clearTimeout(timer);
        timer = setTimeout(() => {
          timedOut = true;
          stop(null);
        }, timeoutMs);
      } else if (message.type === 'done') {
        clearTimeout(timer);
        timer = setTimeout(() => stop(null), SETTLE_MS);
      }
    });
    worker.on('error', (error) => stop(new Error(`Snippet thread crashed: ${error.message}\n${threadOutput}`)));
    worker.on('exit', () => {
      // Nothing left to run but no `done`: the snippet awaits a promise that can never settle.
      // The page would wait for its time limit; the outcome is the same, only sooner.
      if (events.some((e) => e.type === 'started') && !events.some((e) => e.type === 'done')) timedOut = true;
      stop(events.length > 0 ? null : new Error(`Snippet thread exited without a word.\n${threadOutput}`));
    });
  });
}

/** Runs content/snippets/<id>.js in one language, honouring its `@timeout`. */
export async function runSnippetFile(id: string, lang: Lang): Promise<RunResult> {
  const source = readSnippet(id, lang);
  return runSnippetCode(source.code, { timeoutMs: source.timeoutMs });
}

function collect(events: FromWorker[], timedOut: boolean, tfVersion: string): RunResult {
  const result: RunResult = { events, tfVersion, shows: [], logs: [], errors: [], done: null, fitEpochs: [], dropped: null, timedOut };
  for (const e of events) {
    if (e.type === 'show') result.shows.push({ label: e.label, data: e.data });
    else if (e.type === 'log') result.logs.push({ level: e.level, text: e.text });
    else if (e.type === 'error') result.errors.push(e.error);
    else if (e.type === 'fit-epoch') result.fitEpochs.push(e);
    else if (e.type === 'dropped') result.dropped = e;
    else if (e.type === 'done') result.done = e;
  }
  return result;
}
