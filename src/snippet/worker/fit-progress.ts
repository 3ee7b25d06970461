/**
 * Streams `model.fit` epochs to the page as they happen, for the loss chart. Like
 * optimizers.ts, it patches a tfjs prototype once per worker.
 */
import type { LayersModel, ModelFitArgs } from '@tensorflow/tfjs-layers';
import type { TfNamespace } from '../../tfjs/types';

/** Where a fit call's epochs go: one function per call (see Output.startFit). */
export type FitSink = { startFit(): (epoch: number, epochs: number, logs: Record<string, number>) => void };

/** The run whose fit calls stream epochs; the wrapper reads it when fit is called. */
let fitSink: FitSink | null = null;
const FIT_STREAMING = Symbol.for('lambda-or-layer.fit-streaming');

type FitArgs = ModelFitArgs & { callbacks?: unknown };

/** Runs `body` with its fit calls streaming to `sink`. */
export async function withFitSink<T>(sink: FitSink, body: () => Promise<T>): Promise<T> {
  const previous = fitSink;
  fitSink = sink;
  try {
    return await body();
  } finally {
    fitSink = previous;
  }
}

/**
 * Wraps LayersModel.prototype.fit once (Sequential.fit delegates to it) so every call gets
 * one more callback that posts each epoch; the reader's callbacks run as before.
 */
export function streamFitEpochs(tf: TfNamespace): void {
  const proto = tf.LayersModel.prototype as LayersModel & { [FIT_STREAMING]?: true };
  if (proto[FIT_STREAMING]) return;
  const fit = proto.fit;
  // BaseCallback is not exported; an array tfjs accepts as-is must start with one.
  const BaseCallback = (Object.getPrototypeOf(tf.CustomCallback.prototype) as { constructor: abstract new () => object }).constructor;
  proto.fit = function (this: LayersModel, x, y, args: FitArgs = {}) {
    if (!fitSink) return fit.call(this, x, y, args);
    const post = fitSink.startFit();
    const epochs = args.epochs ?? 1;
    const streamer = new tf.CustomCallback({
      onEpochEnd: (epoch, logs) => post(epoch, epochs, numericLogs(logs)),
    });
    const user: unknown[] = args.callbacks == null ? [] : Array.isArray(args.callbacks) ? args.callbacks : [args.callbacks];
    const callbacks = user.map((c) =>
      c instanceof BaseCallback ? c : new tf.CustomCallback(c as ConstructorParameters<typeof tf.CustomCallback>[0], args.yieldEvery),
    );
    return fit.call(this, x, y, { ...args, callbacks: [...callbacks, streamer] as ModelFitArgs['callbacks'] });
  };
  Object.defineProperty(proto, FIT_STREAMING, { value: true });
}

function numericLogs(logs: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (logs && typeof logs === 'object') {
    for (const [key, value] of Object.entries(logs)) if (typeof value === 'number') out[key] = value;
  }
  return out;
}
