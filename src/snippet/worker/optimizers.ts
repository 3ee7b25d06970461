/**
 * Optimizers keep tensors between steps (SGD its negated learning rate, Adam its moments), and
 * keep them after `model.fit` until `optimizer.dispose()`. The leak report counts them apart, so
 * state held on purpose is not called a leak. An optimizer is noticed when a `tf.train` factory
 * makes it (`model.compile({ optimizer: 'adam' })` goes through one) or when it takes a step.
 * One run per worker: what is noticed belongs to the run.
 */
import type { TfNamespace as SnippetTf } from '../../tfjs/types';

const noticed = new Set<object>();
const WATCHED = Symbol.for('lambda-or-layer.optimizers-watched');

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

/** Wraps the factories and stepping methods once, so every optimizer the snippet uses is noticed. */
export function watchOptimizers(tf: SnippetTf): void {
  noticed.clear();
  const train = tf.train as unknown as Record<string | symbol, unknown>;
  if (train[WATCHED]) return;
  Object.defineProperty(train, WATCHED, { value: true });
  // `train` is a class whose static methods are the factories (non-enumerable, writable).
  for (const name of Object.getOwnPropertyNames(train)) {
    const make = train[name];
    if (typeof make !== 'function' || name === 'prototype' || name === 'constructor') continue;
    train[name] = function (this: unknown, ...args: unknown[]) {
      const made = (make as AnyFunction).apply(this, args);
      if (made !== null && typeof made === 'object') noticed.add(made);
      return made;
    };
  }
  const classes = [
    tf.Optimizer,
    tf.SGDOptimizer,
    tf.MomentumOptimizer,
    tf.AdagradOptimizer,
    tf.AdadeltaOptimizer,
    tf.AdamOptimizer,
    tf.AdamaxOptimizer,
    tf.RMSPropOptimizer,
  ];
  for (const cls of classes) {
    const proto = cls.prototype as unknown as Record<string, unknown>;
    // Only methods the class defines itself: wrapping an inherited one twice would double the work.
    for (const method of ['minimize', 'applyGradients']) {
      if (!Object.prototype.hasOwnProperty.call(proto, method)) continue;
      const original = proto[method] as AnyFunction;
      proto[method] = function (this: object, ...args: unknown[]) {
        noticed.add(this);
        return original.apply(this, args);
      };
    }
  }
}

/** Tensors (and, of them, variables) that the noticed optimizers still hold, each counted once. */
export function optimizerHeld(tf: SnippetTf): { tensors: number; variables: number } {
  const held = new Map<number, boolean>();
  const visit = (value: unknown, depth: number): void => {
    if (value === null || typeof value !== 'object') return;
    if (value instanceof tf.Tensor) {
      if (!value.isDisposed) held.set(value.id, value instanceof tf.Variable);
      return;
    }
    // Adam & co. keep lists of `{ originalName, variable }`: the tensor is three levels down.
    if (depth >= 3) return;
    for (const inner of Array.isArray(value) ? value : Object.values(value)) visit(inner, depth + 1);
  };
  for (const optimizer of noticed) visit(optimizer, 0);
  let variables = 0;
  for (const isVariable of held.values()) if (isVariable) variables++;
  return { tensors: held.size, variables };
}
