/**
 * Which variables left after a run are layer weights. The leak report must not call a
 * variable a layer weight unless a layer owns it: a `tf.variable` captured by a Lambda is
 * exactly what no layer owns. A weight is noticed when a layer makes it (`addWeight`, which
 * every tfjs layer and every subclass goes through). One run per worker: what is noticed
 * belongs to the run. Like optimizers.ts, it patches a tfjs prototype once.
 */
import type { TfNamespace } from '../../tfjs/types';

type LayerWeight = { isDisposed?: boolean; read(): { isDisposed: boolean } };

const made: LayerWeight[] = [];
const WATCHED = Symbol.for('lambda-or-layer.layer-weights-watched');

/** Wraps `Layer.prototype.addWeight` once, so every weight a layer makes is noticed. */
export function watchLayerWeights(tf: TfNamespace): void {
  made.length = 0;
  const proto = tf.layers.Layer.prototype as unknown as Record<string | symbol, unknown>;
  if (proto[WATCHED]) return;
  Object.defineProperty(proto, WATCHED, { value: true });
  const addWeight = proto['addWeight'] as (this: unknown, ...args: unknown[]) => LayerWeight;
  proto['addWeight'] = function (this: unknown, ...args: unknown[]) {
    const weight = addWeight.apply(this, args);
    made.push(weight);
    return weight;
  };
}

/** How many weights made by layers during the run are still alive (each is one variable). */
export function layerWeightsHeld(): number {
  return made.filter((weight) => {
    try {
      return !weight.read().isDisposed;
    } catch {
      return false; // read() throws once the weight is disposed
    }
  }).length;
}
