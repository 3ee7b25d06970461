/**
 * Runs snippets in Node the way the page does: each run in a fresh thread with a fresh
 * tfjs, through the same `runSnippet` the module worker calls.
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
import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { Lang } from '../../src/i18n/locales';
import type { ErrorData, FromWorker, LogLevel, ShownData } from '../../src/snippet/protocol';
import { DEFAULT_TIMEOUT_MS, parseSnippet, type SnippetSource } from '../../src/snippet/source';

type Message<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;

export interface RunResult {
  /** Every message the run posted, in order. */
  events: FromWorker[];
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
/** Loading tfjs in a cold thread is slow on a busy machine; not part of the snippet's budget. */
const LOAD_TIMEOUT_MS = 60_000;
/** After `done`, how long late timers may still report errors before the thread is stopped. */
const SETTLE_MS = 300;

/** Runs a snippet's code on the cpu backend with the real Lambda, in a fresh tfjs. */
export function runSnippetCode(code: string, options: RunOptions = {}): Promise<RunResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const events: FromWorker[] = [];
  let threadOutput = '';
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { entry: import.meta.url, code, runId: RUN_ID } satisfies ThreadData,
    // tfjs greets Node users on stderr; keep it (and any crash report) for error messages only.
    stdout: true,
    stderr: true,
  });
  worker.stdout.on('data', (chunk: Buffer) => (threadOutput += chunk.toString()));
  worker.stderr.on('data', (chunk: Buffer) => (threadOutput += chunk.toString()));

  return new Promise<RunResult>((resolve, reject) => {
    let timedOut = false;
    let finished = false;
    let timer = setTimeout(() => stop(new Error(`tfjs did not load within ${LOAD_TIMEOUT_MS} ms`)), LOAD_TIMEOUT_MS);

    const stop = (failure: Error | null): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      void worker.terminate().then(() => {
        if (failure) reject(failure);
        else resolve(collect(events, timedOut));
      });
    };

    worker.on('message', (message: FromWorker) => {
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

/** Reads content/snippets/<id>.js in one language, as the page would show it. */
export async function loadSnippet(id: string, lang: Lang): Promise<SnippetSource> {
  const raw = await readFile(new URL(`../../content/snippets/${id}.js`, import.meta.url), 'utf8');
  return parseSnippet(id, raw, lang);
}

/** Runs content/snippets/<id>.js in one language, honouring its `@timeout`. */
export async function runSnippetFile(id: string, lang: Lang): Promise<RunResult> {
  const source = await loadSnippet(id, lang);
  return runSnippetCode(source.code, { timeoutMs: source.timeoutMs });
}

function collect(events: FromWorker[], timedOut: boolean): RunResult {
  const result: RunResult = { events, shows: [], logs: [], errors: [], done: null, fitEpochs: [], dropped: null, timedOut };
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

// ---------------------------------------------------------------------------
// Inside the thread

interface ThreadData {
  entry: string;
  code: string;
  runId: number;
}

/**
 * The thread's first code: plain JavaScript, since it must teach Node to load the
 * project's TypeScript (extensionless imports, type syntax) before importing any of it.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const { registerHooks, stripTypeScriptTypes } = require('node:module');
const { readFileSync, statSync } = require('node:fs');
const isFile = (url) => statSync(url, { throwIfNoEntry: false })?.isFile() === true;
const hasExtension = (specifier) => /\\.[cm]?[jt]s$/.test(specifier);
registerHooks({
  // Resolve extensionless paths as Vite does: the project's .ts files, tfjs' ESM dist files.
  resolve(specifier, context, nextResolve) {
    if (/^\\.\\.?\\//.test(specifier) && !hasExtension(specifier) && context.parentURL) {
      for (const suffix of ['.ts', '.js', '/index.ts', '/index.js']) {
        const url = new URL(specifier + suffix, context.parentURL);
        if (isFile(url)) return { url: url.href, shortCircuit: true };
      }
    }
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (hasExtension(specifier) || specifier.startsWith('node:')) throw error;
      return nextResolve(specifier + '.js', context);
    }
  },
  load(url, context, nextLoad) {
    if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
    const source = readFileSync(new URL(url), 'utf8');
    return { format: 'module', shortCircuit: true, source: stripTypeScriptTypes(source, { mode: 'transform', sourceUrl: url }) };
  },
});
import(workerData.entry).then((harness) => harness.runInThread(workerData));
`;

/** Loads tfjs, the site's tf namespace and Lambda, then runs the snippet. Exported for the bootstrap only. */
export async function runInThread(data: ThreadData): Promise<void> {
  const { parentPort } = await import('node:worker_threads');
  const [{ runSnippet }, { asyncErrorMessage }, tf, { selectBackend }, { Lambda, registerLambda }] = await Promise.all([
    import('../../src/snippet/worker/run'),
    import('../../src/snippet/worker/errors'),
    import('../../src/tfjs/tf'),
    import('../../src/tfjs/backend'),
    import('../../src/tfjs/lambda'),
  ]);
  const post = (message: FromWorker): void => parentPort!.postMessage(message);
  // What self.onerror / unhandledrejection do in the module worker.
  process.on('uncaughtException', (error) => post(asyncErrorMessage(data.runId, error)));
  process.on('unhandledRejection', (reason) => post(asyncErrorMessage(data.runId, reason)));
  registerLambda();
  const backend = await selectBackend('cpu');
  await runSnippet(data.code, { tf, Lambda, post, runId: data.runId, backend });
}
