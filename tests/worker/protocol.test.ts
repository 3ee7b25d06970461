import { beforeAll, expect, test } from 'vitest';
import * as tf from '../../src/tfjs/tf';
import { selectBackend } from '../../src/tfjs/backend';
import { Lambda, registerLambda } from '../../src/tfjs/lambda';
import { runSnippet } from '../../src/snippet/worker/run';
import type { FromWorker, ShownData } from '../../src/snippet/protocol';

beforeAll(async () => {
  await selectBackend('cpu');
  registerLambda();
});

/**
 * Every message the worker can post, and whether the run below must post it: the compiler fails
 * here when a kind is added to the protocol, so each new kind is tested for plain data too.
 */
const IN_THE_RUN: Record<FromWorker['type'], boolean> = {
  started: true,
  show: true,
  log: true,
  'fit-epoch': true,
  error: true,
  done: true,
  // The worker's own messages, or output floods and refused requests (e2e/hostile.spec.ts).
  ready: false,
  'start-failed': false,
  batch: false,
  dropped: false,
  blocked: false,
};

/** Every kind of shown value: the run below shows each one. */
const SHOWN_KINDS: Record<ShownData['kind'], true> = {
  tensor: true,
  layer: true,
  model: true,
  text: true,
  number: true,
  boolean: true,
  null: true,
  undefined: true,
  json: true,
  function: true,
};

test('what a real run posts is plain data that survives structuredClone', async () => {
  const events: FromWorker[] = [];
  await runSnippet(
    `
const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] }), new Lambda({ fn: (x) => tf.relu(x) })] });
model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
const history = await model.fit(tf.ones([4, 3]), tf.zeros([4, 2]), { epochs: 2 });
show(model); show(model.layers[0]); show(tf.tensor1d([true, false], 'bool')); show(tf.tensor1d(['a']));
show(history); show({ nested: { t: tf.ones([1]) }, f: () => 1, n: NaN }); show((x) => x); show(Symbol('s'));
show(1); show(true); show(null); show(undefined);
console.log(history.history, model);
throw new Error('end');`,
    { tf, Lambda, post: (m) => events.push(m), runId: 3, backend: 'cpu' },
  );
  const kinds = (list: Record<string, boolean>) =>
    Object.keys(list)
      .filter((k) => list[k])
      .sort();
  expect([...new Set(events.map((e) => e.type))].sort()).toEqual(kinds(IN_THE_RUN));
  const shown = events.flatMap((e) => (e.type === 'show' ? [e.data.kind] : []));
  expect([...new Set(shown)].sort()).toEqual(kinds(SHOWN_KINDS));
  expect(events.at(-1)).toMatchObject({ type: 'done', ok: false });
  for (const event of events) expect(structuredClone(event)).toEqual(event);
  // Plain objects only: a class instance (a tfjs object) would lose its prototype when cloned.
  const prototypes = new Set<unknown>();
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    prototypes.add(Object.getPrototypeOf(value));
    Object.values(value).forEach(walk);
  };
  events.forEach(walk);
  expect([...prototypes].every((p) => p === Object.prototype || p === Array.prototype)).toBe(true);
});
