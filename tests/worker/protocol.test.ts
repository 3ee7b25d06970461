import { beforeAll, expect, test } from 'vitest';
import * as tf from '../../src/tfjs/tf';
import { selectBackend } from '../../src/tfjs/backend';
import { Lambda, registerLambda } from '../../src/tfjs/lambda';
import { runSnippet } from '../../src/snippet/worker/run';
import type { FromWorker, ShownData, TensorData, ToWorker } from '../../src/snippet/protocol';


beforeAll(async () => {
  await selectBackend('cpu');
  registerLambda();
});

const tensor: TensorData = { kind: 'tensor', dtype: 'float32', shape: [2], size: 2, values: [1, Number.NaN], truncated: false, min: 1, max: 1 };

/** One sample of every shown kind: the compiler fails here if a kind is added and not covered. */
const SHOWN: Record<ShownData['kind'], ShownData> = {
  tensor,
  layer: {
    kind: 'layer',
    name: 'dense_Dense1',
    className: 'Dense',
    built: true,
    outputShape: [null, 2],
    trainableParams: 2,
    nonTrainableParams: 0,
    weights: [{ name: 'dense_Dense1/bias', shape: [2], dtype: 'float32', trainable: true, values: tensor }],
  },
  model: { kind: 'model', name: 'm', className: 'Sequential', layers: [], trainableParams: 0, nonTrainableParams: 0 },
  text: { kind: 'text', text: '« texte »' },
  number: { kind: 'number', value: Number.POSITIVE_INFINITY },
  boolean: { kind: 'boolean', value: true },
  null: { kind: 'null' },
  undefined: { kind: 'undefined' },
  json: { kind: 'json', value: { a: [1, 'b', null, { c: false }] }, truncated: true },
  function: { kind: 'function', source: '(x) => x' },
};

/** One sample of every message, each way. */
const FROM_WORKER: Record<FromWorker['type'], FromWorker> = {
  ready: { type: 'ready', backend: 'wasm', tfVersion: '4.22.0' },
  'start-failed': { type: 'start-failed', stage: 'init', message: 'The cpu backend failed to initialise.' },
  started: { type: 'started', runId: 1, backend: 'cpu' },
  show: { type: 'show', runId: 1, label: null, data: SHOWN.layer },
  log: { type: 'log', runId: 1, level: 'warn', text: 'careful' },
  'fit-epoch': { type: 'fit-epoch', runId: 1, fitId: 1, epoch: 0, epochs: 3, logs: { loss: 0.5 } },
  error: { type: 'error', runId: 1, error: { name: 'SyntaxError', message: 'Unexpected token', location: { line: 2, column: 5 }, origin: 'syntax' } },
  dropped: { type: 'dropped', runId: 1, shows: 3, logs: 0 },
  blocked: { type: 'blocked', runId: 1, directive: 'connect-src', url: 'https://example.com/data.json' },
  done: { type: 'done', runId: 1, ok: true, durationMs: 12.5, leakedTensors: 3, leakedVariables: 2, optimizerTensors: 1, optimizerVariables: 0, layerVariables: 1, backend: 'cpu' },
  batch: { type: 'batch', runId: 1, events: [{ type: 'log', runId: 1, level: 'log', text: 'a' }, { type: 'dropped', runId: 1, shows: 0, logs: 9 }] },
};
const TO_WORKER: Record<ToWorker['type'], ToWorker> = {
  lifeline: { type: 'lifeline', name: 'lambda-or-layer-worker-1' },
  init: { type: 'init', backend: 'cpu' },
  run: { type: 'run', runId: 1, code: 'show(1)', backend: 'wasm' },
};

test('every message kind survives structuredClone unchanged', () => {
  for (const message of [...Object.values(FROM_WORKER), ...Object.values(TO_WORKER)]) {
    expect(structuredClone(message)).toEqual(message);
  }
  for (const data of Object.values(SHOWN)) {
    expect(structuredClone({ type: 'show', runId: 2, label: 'x', data })).toEqual({ type: 'show', runId: 2, label: 'x', data });
  }
});

test('what a real run posts is plain data that survives structuredClone', async () => {
  const events: FromWorker[] = [];
  await runSnippet(
    `
const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] }), new Lambda({ fn: (x) => tf.relu(x) })] });
model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
const history = await model.fit(tf.ones([4, 3]), tf.zeros([4, 2]), { epochs: 2 });
show(model); show(model.layers[0]); show(tf.tensor1d([true, false], 'bool')); show(tf.tensor1d(['a']));
show(history); show({ nested: { t: tf.ones([1]) }, f: () => 1, n: NaN }); show((x) => x); show(Symbol('s'));
console.log(history.history, model);
throw new Error('end');`,
    { tf, Lambda, post: (m) => events.push(m), runId: 3, backend: 'cpu' },
  );
  expect(events.map((e) => e.type)).toContain('fit-epoch');
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
