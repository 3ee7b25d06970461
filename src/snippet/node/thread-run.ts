/** Inside a snippet thread: a fresh tfjs on the cpu backend, the site's Lambda, then the run. */
import { parentPort } from 'node:worker_threads';
import { selectBackend } from '../../tfjs/backend';
import { Lambda, registerLambda } from '../../tfjs/lambda';
import * as tf from '../../tfjs/tf';
import type { FromWorker } from '../protocol';
import { prepareCompiler } from '../worker/compile';
import { asyncErrorMessage } from '../worker/errors';
import { runSnippet } from '../worker/run';

export interface ThreadData {
  code: string;
  runId: number;
}

export async function runInThread(data: ThreadData): Promise<void> {
  const post = (message: FromWorker): void => parentPort!.postMessage(message);
  // What self.onerror / unhandledrejection do in the module worker.
  process.on('uncaughtException', (error) => post(asyncErrorMessage(data.runId, error)));
  process.on('unhandledRejection', (reason) => post(asyncErrorMessage(data.runId, reason)));
  registerLambda();
  const [backend] = await Promise.all([selectBackend('cpu'), prepareCompiler()]);
  const now = performance.now();
  post({
    type: 'ready',
    backend,
    tfVersion: tf.version_core,
    timings: { timeOrigin: performance.timeOrigin, entry: 0, loaded: 0, ready: now },
  });
  await runSnippet(data.code, { tf, Lambda, post, runId: data.runId, backend });
}
