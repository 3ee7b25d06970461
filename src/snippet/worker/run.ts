/**
 * Runs one snippet and reports everything it does as protocol messages. This is the only
 * code path that runs reader code: the module worker calls it, and so do the Node tests,
 * so what the tests see is what the page sees.
 */
import type { TfNamespace } from '../../tfjs/types';
import type { BackendName, ErrorData, RunEvent } from '../protocol';
import { prepareCompiler, type CompiledSnippet, type Compiler } from './compile';
import { describeError, syntaxErrorData } from './errors';
import { streamFitEpochs, withFitSink } from './fit-progress';
import { layerWeightsHeld, watchLayerWeights } from './layer-weights';
import { optimizerHeld, watchOptimizers } from './optimizers';
import { Output } from './output';

/** Taken before any snippet runs: a snippet may replace the global one. */
const realSetTimeout = globalThis.setTimeout.bind(globalThis);
const nextTask = (): Promise<void> => new Promise((resolve) => realSetTimeout(resolve, 0));

export interface SnippetEnv {
  tf: TfNamespace;
  /** The site's Lambda layer class, handed to the snippet as `Lambda`. */
  Lambda: abstract new (...args: never[]) => object;
  post: (message: RunEvent) => void;
  runId: number;
  backend: BackendName;
  /** The engine's compiler unless a test forces one. */
  compiler?: Compiler;
}

/** Runs `code` as the body of an async function of (tf, show, console, Lambda). Never rejects. */
export async function runSnippet(code: string, env: SnippetEnv): Promise<void> {
  const { tf, post, runId, backend } = env;
  // Deep tfjs call chains (fit -> callbacks -> call) would otherwise hide the reader's frame.
  if ((Error.stackTraceLimit ?? 0) < 100) Error.stackTraceLimit = 100;
  streamFitEpochs(tf);
  watchOptimizers(tf);
  watchLayerWeights(tf);
  // A Lambda reloaded from source (Lambda.enableUnsafeDeserialization) is rebuilt with
  // `new Function`, which only sees globals: give it the same `tf` and `Lambda` as the snippet.
  Object.assign(globalThis, { tf, Lambda: env.Lambda });
  // Ready before the run's clock starts (the worker prepares it while tfjs loads).
  const compiler = env.compiler ?? (await prepareCompiler());
  const output = new Output(post, runId);
  const before = liveCounts(tf);
  const start = performance.now();
  post({ type: 'started', runId, backend });

  let error: ErrorData | null = null;
  let snippet: CompiledSnippet | null = null;
  try {
    snippet = await compiler.compile(code);
  } catch (e) {
    error = e instanceof SyntaxError ? await syntaxErrorData(code, e) : describeError(e, 'runtime', compiler);
  }
  if (snippet) {
    const compiled = snippet;
    // tfjs prints to the global console (`tensor.print()`, `model.summary()`): the reader reads it here too.
    const global = globalThis as { console: unknown };
    const own = global.console;
    global.console = output.console;
    try {
      await withFitSink(output, () => compiled(tf, output.show, output.console, env.Lambda));
    } catch (e) {
      error = describeError(e, 'runtime', compiler);
    } finally {
      global.console = own;
    }
  }

  const durationMs = performance.now() - start;
  // A request the worker's policy refused is reported in a task of its own, queued right after
  // the rejection: one turn lets that explanation (session.ts) come before the error and the footer.
  await nextTask();
  if (error) post({ type: 'error', runId, error });
  output.reportDropped();
  const after = liveCounts(tf);
  const leakedTensors = after.tensors - before.tensors;
  const leakedVariables = after.variables - before.variables;
  const held = optimizerHeld(tf);
  post({
    type: 'done',
    runId,
    ok: error === null,
    durationMs,
    leakedTensors,
    leakedVariables,
    // Clamped: an optimizer or a layer made before the run (only possible in tests sharing a tfjs) is not this run's.
    optimizerTensors: Math.max(0, Math.min(held.tensors, leakedTensors)),
    optimizerVariables: Math.max(0, Math.min(held.variables, leakedVariables)),
    layerVariables: Math.max(0, Math.min(layerWeightsHeld(), leakedVariables)),
    backend,
  });
}

function liveCounts(tf: TfNamespace): { tensors: number; variables: number } {
  return { tensors: tf.memory().numTensors, variables: Object.keys(tf.engine().registeredVariables).length };
}
