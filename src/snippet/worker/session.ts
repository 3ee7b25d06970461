/**
 * The snippet worker's life: loads tfjs on `init`, runs one snippet on `run`, and reports
 * what happens after the run's own flow (late errors, refused requests). The page spawns a
 * fresh worker per run, so each snippet gets a fresh tfjs: its own class registry,
 * layer-name counters and memory. Loaded by ./worker.ts, the entry, which keeps the messages
 * that arrive before this module.
 */
import { selectBackend, type BackendName } from '../../tfjs/backend';
import { Lambda, registerLambda } from '../../tfjs/lambda';
import * as tf from '../../tfjs/tf';
import { LIMITS, type FromWorker, type ToWorker, type WorkerTimings } from '../protocol';
import { prepareCompiler } from './compile';
import { asyncErrorMessage } from './errors';
import { createOutbox } from './outbox';
import { runSnippet } from './run';

/**
 * The part of DedicatedWorkerGlobalScope used here. Declared locally because
 * `/// <reference lib="webworker" />` would change the global types of the whole program.
 */
interface WorkerScope {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
  addEventListener(type: 'securitypolicyviolation', listener: (event: SecurityPolicyViolationEvent) => void): void;
}
const scope = self as unknown as WorkerScope;

/**
 * Globals a snippet must not reach, removed from the global object and its prototypes before
 * any snippet runs:
 * - `caches`: Cache Storage is where the offline service worker keeps the site's pages and
 *   scripts and serves them from; a snippet able to write there could replace the site's own
 *   code on every later visit. (A dedicated worker has no `navigator.serviceWorker`.)
 * - `Worker`, `SharedWorker`: a nested worker takes its policy from its own script's response,
 *   not from this worker's, and this worker's policy must allow the site's scripts as workers
 *   (Firefox and WebKit check a module worker's own imports against `worker-src`).
 */
const WITHHELD = ['caches', 'Worker', 'SharedWorker'];
for (let o: object | null = globalThis; o; o = Object.getPrototypeOf(o) as object | null) {
  for (const name of WITHHELD) {
    if (Object.prototype.hasOwnProperty.call(o, name)) delete (o as Record<string, unknown>)[name];
  }
}
/** This module (and tfjs, its dependency) evaluated: the ready message says when. */
const loaded = performance.now();
let started: Pick<WorkerTimings, 'entry' | 'parser'> = { entry: 0 };
const outbox = createOutbox((message) => scope.postMessage(message));
const post = outbox.post;

registerLambda();
/** The run in progress or finished: late errors (timers, rejections) belong to it. */
let currentRunId: number | null = null;
/** Resolves once the lifeline lock is held (at once when the browser has no Web Locks). */
let lifeline: Promise<void> = Promise.resolve();

/** Holds the lock `name` until this worker ends: the page is waiting for it to learn of the end. */
function holdLifeline(name: string): Promise<void> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return Promise.resolve();
  return new Promise((held) => {
    locks
      .request(name, () => {
        held();
        return new Promise<never>(() => undefined);
      })
      .catch(() => held());
  });
}

async function init(backend: BackendName, parser: boolean): Promise<void> {
  try {
    // How this engine names the snippet's frames is measured while tfjs initialises.
    const [actual] = await Promise.all([selectBackend(backend), prepareCompiler(), lifeline]);
    const timings: WorkerTimings = { timeOrigin: performance.timeOrigin, ...started, loaded, ready: performance.now() };
    scope.postMessage({ type: 'ready', backend: actual, tfVersion: tf.version_core, timings });
    // Code that awaits is on its way: the parser warms up while the page answers `ready` with
    // the run (a cold first parse costs that run more than the warm-up takes).
    if (parser) setTimeout(() => void warm(), 0);
  } catch (e) {
    scope.postMessage({ type: 'start-failed', stage: 'init', message: e instanceof Error ? e.message : String(e) });
  }
}

async function run(runId: number, code: string, backend: BackendName): Promise<void> {
  if (currentRunId !== null) {
    // One snippet per worker keeps runs isolated; the page never reuses one.
    fail(runId, backend, 'This worker has already run a snippet.');
    return;
  }
  currentRunId = runId;
  let actual: BackendName;
  try {
    // A warm spare may have been initialised before the reader switched backends.
    actual = tf.getBackend() === backend ? backend : await selectBackend(backend);
  } catch (e) {
    fail(runId, backend, `TensorFlow.js failed to start: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  await runSnippet(code, { tf, Lambda, post, runId, backend: actual });
}

function fail(runId: number, backend: BackendName, message: string): void {
  post({ type: 'error', runId, error: { name: 'Error', message, location: null, origin: 'runtime' } });
  post({
    type: 'done',
    runId,
    ok: false,
    durationMs: 0,
    leakedTensors: 0,
    leakedVariables: 0,
    optimizerTensors: 0,
    optimizerVariables: 0,
    layerVariables: 0,
    backend,
  });
}

/** The compiler's parser loads and warms up, unless a run came first (a spare, or code that awaits on its way). */
async function warm(): Promise<void> {
  const compiler = await prepareCompiler();
  if (currentRunId === null) await compiler.warm();
}

function receive(message: ToWorker): void {
  if (message.type === 'lifeline') lifeline = holdLifeline(message.name);
  else if (message.type === 'init') void init(message.backend, message.parser === true);
  else if (message.type === 'warm') void warm();
  else if (message.type === 'run') void run(message.runId, message.code, message.backend);
}

/**
 * Takes over from the entry, which started at `at.entry` and asked for the parser at `at.parser`:
 * first the messages it kept, then the rest as they come.
 */
export function start(early: readonly MessageEvent<ToWorker>[], at: Pick<WorkerTimings, 'entry' | 'parser'>): void {
  started = at;
  for (const event of early) receive(event.data);
  scope.addEventListener('message', (event) => receive(event.data));
}

/** `throw null` in a timer gives an ErrorEvent whose `error` is null: that null is the thrown value. */
function thrownValue(event: ErrorEvent): unknown {
  return event.error !== null && event.error !== undefined ? event.error : event.message === 'Uncaught null' ? null : event.message;
}

// Outside a run, errors propagate to the page's worker.onerror as usual.
scope.addEventListener('error', (event) => {
  if (currentRunId === null) return;
  event.preventDefault();
  post(asyncErrorMessage(currentRunId, thrownValue(event)));
});

scope.addEventListener('unhandledrejection', (event) => {
  if (currentRunId === null) return;
  event.preventDefault();
  post(asyncErrorMessage(currentRunId, event.reason));
});

// The policy this script is served with (dist/_headers, src/build/csp.ts) keeps snippets to the
// site; when it refuses a request, the reader learns why, not just "Failed to fetch".
let blockedReports = 0;
scope.addEventListener('securitypolicyviolation', (event) => {
  if (currentRunId === null || blockedReports >= LIMITS.MAX_BLOCKED_REPORTS) return;
  blockedReports++;
  post({ type: 'blocked', runId: currentRunId, directive: event.effectiveDirective, url: event.blockedURI });
});
