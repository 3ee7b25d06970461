/**
 * The snippet worker (a module Web Worker): loads tfjs on `init`, runs one snippet on `run`.
 * The page spawns a fresh worker per run, so each snippet gets a fresh tfjs: its own class
 * registry, layer-name counters and memory.
 */
import { LIMITS, type BackendName, type FromWorker, type ToWorker } from '../protocol';
import { asyncErrorMessage, runSnippet, type SnippetEnv } from './execute';
import { createOutbox } from './outbox';

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
 * Cache Storage is where the offline service worker keeps the site's pages and scripts and
 * serves them from: a snippet able to write there could replace the site's own code on every
 * later visit. So `caches` is removed from this worker's global object and its prototypes
 * before any snippet runs. (A dedicated worker has no `navigator.serviceWorker` to remove.)
 */
for (let o: object | null = globalThis; o; o = Object.getPrototypeOf(o) as object | null) {
  if (Object.prototype.hasOwnProperty.call(o, 'caches')) delete (o as Record<string, unknown>).caches;
}
const outbox = createOutbox((message) => scope.postMessage(message));
const post = outbox.post;

type Runtime = Pick<SnippetEnv, 'tf' | 'Lambda'> & { select: (name: BackendName) => Promise<BackendName> };

let runtime: Promise<Runtime> | null = null;
/** The run in progress or finished: late errors (timers, rejections) belong to it. */
let currentRunId: number | null = null;
/** Resolves once the lifeline lock is held (at once when the browser has no Web Locks). */
let lifeline: Promise<void> = Promise.resolve();

function load(): Promise<Runtime> {
  runtime ??= (async () => {
    const [{ selectBackend, ...tf }, { Lambda, registerLambda }] = await Promise.all([
      import('../../tfjs/tf'),
      import('../../tfjs/lambda'),
    ]);
    registerLambda();
    return { tf, Lambda, select: selectBackend };
  })();
  return runtime;
}

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

async function init(backend: BackendName): Promise<void> {
  try {
    const [{ tf, select }] = await Promise.all([load(), lifeline]);
    const actual = await select(backend);
    scope.postMessage({ type: 'ready', backend: actual, tfVersion: tf.version_core });
  } catch (e) {
    // The protocol has no "init failed" message: rethrow outside the promise so the
    // page's worker.onerror sees it instead of waiting for `ready` forever.
    setTimeout(() => {
      throw e;
    });
  }
}

async function run(runId: number, code: string, backend: BackendName): Promise<void> {
  if (currentRunId !== null) {
    // One snippet per worker keeps runs isolated; the page never reuses one.
    fail(runId, backend, 'This worker has already run a snippet.');
    return;
  }
  currentRunId = runId;
  let loaded: Runtime;
  let actual: BackendName;
  try {
    loaded = await load();
    // A warm spare may have been initialised before the reader switched backends.
    actual = loaded.tf.getBackend() === backend ? backend : await loaded.select(backend);
  } catch (e) {
    fail(runId, backend, `TensorFlow.js failed to load: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  await runSnippet(code, { tf: loaded.tf, Lambda: loaded.Lambda, post, runId, backend: actual });
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
    backend,
  });
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'lifeline') lifeline = holdLifeline(message.name);
  else if (message.type === 'init') void init(message.backend);
  else if (message.type === 'run') void run(message.runId, message.code, message.backend);
});

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
