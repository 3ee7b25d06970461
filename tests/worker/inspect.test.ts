import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '../../src/tfjs/tf';
import { selectBackend } from '../../src/tfjs/backend';
import { inspect, toJson } from '../../src/snippet/worker/inspect';
import { LIMITS, type LayerData, type ModelData, type TensorData } from '../../src/snippet/protocol';

beforeAll(async () => {
  await selectBackend('cpu');
});

function asTensor(value: unknown): TensorData {
  const data = inspect(value);
  if (data.kind !== 'tensor') throw new Error(`expected a tensor, got ${data.kind}`);
  return data;
}

describe('tensors', () => {
  test('every rank keeps its shape and row-major values', () => {
    expect(asTensor(tf.scalar(3.5))).toMatchObject({ shape: [], size: 1, values: [3.5], min: 3.5, max: 3.5 });
    expect(asTensor(tf.tensor1d([1, -2, 3]))).toMatchObject({ shape: [3], values: [1, -2, 3], min: -2, max: 3 });
    expect(
      asTensor(
        tf.tensor2d([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      ),
    ).toMatchObject({ shape: [2, 3], size: 6, values: [1, 2, 3, 4, 5, 6] });
    const t3 = asTensor(
      tf.tensor3d([
        [
          [1, 2],
          [3, 4],
        ],
        [
          [5, 6],
          [7, 8],
        ],
      ]),
    );
    expect(t3).toMatchObject({ shape: [2, 2, 2], values: [1, 2, 3, 4, 5, 6, 7, 8], truncated: false });
    const t4 = asTensor(tf.range(0, 16).reshape([2, 2, 2, 2]));
    expect(t4.shape).toEqual([2, 2, 2, 2]);
    expect(t4.values[15]).toBe(15);
  });

  test('large tensors are elided after MAX_TENSOR_VALUES', () => {
    const data = asTensor(tf.range(0, 2500));
    expect(data.size).toBe(2500);
    expect(data.values).toHaveLength(LIMITS.MAX_TENSOR_VALUES);
    expect(data.truncated).toBe(true);
    expect(data.values.at(-1)).toBe(LIMITS.MAX_TENSOR_VALUES - 1);
    // min/max describe the values sent, not the hidden ones.
    expect(data.max).toBe(LIMITS.MAX_TENSOR_VALUES - 1);
  });

  test('a large matrix sends the top-left corner of each slice, what the page shows', () => {
    const big = asTensor(tf.range(0, 1000 * 1000).reshape([1000, 1000]));
    expect(big.window).toEqual({ rows: 12, cols: 12 });
    expect(big.values).toHaveLength(144);
    expect(big.truncated).toBe(true);
    // Row 1, column 0 of the matrix is element 1000 in memory.
    expect(big.values[12]).toBe(1000);
    expect(big.values[143]).toBe(11 * 1000 + 11);
    const stack = asTensor(tf.range(0, 10 * 30 * 40).reshape([10, 30, 40]));
    expect(stack.window).toEqual({ rows: 12, cols: 12 });
    expect(stack.values).toHaveLength(8 * 144);
    // The corner of slice 1 starts at element 30 * 40.
    expect(stack.values[144]).toBe(1200);
    // Small tensors are sent whole, with no window.
    expect(asTensor(tf.zeros([20, 20])).window).toBeUndefined();
  });

  test('bool as 0/1, int32 as integers, strings as text', () => {
    expect(asTensor(tf.tensor1d([true, false, true], 'bool'))).toMatchObject({ dtype: 'bool', values: [1, 0, 1], min: 0, max: 1 });
    expect(asTensor(tf.tensor1d([7, -3], 'int32'))).toMatchObject({ dtype: 'int32', values: [7, -3] });
    expect(asTensor(tf.tensor1d(['a', 'bé']))).toMatchObject({ dtype: 'string', values: ['a', 'bé'], min: null, max: null });
  });

  test('empty tensors have no min or max', () => {
    expect(asTensor(tf.tensor1d([]))).toMatchObject({ shape: [0], size: 0, values: [], min: null, max: null });
  });

  test('a disposed tensor is described, not read', () => {
    const t = tf.tensor1d([1, 2]);
    t.dispose();
    expect(inspect(t)).toEqual({ kind: 'text', text: 'Tensor float32 [2] (disposed)' });
  });
});

describe('layers and models', () => {
  test('a built layer lists its weights with values and parameter counts', () => {
    const dense = tf.layers.dense({ units: 2, kernelInitializer: 'ones', name: 'probe_dense' });
    dense.apply(tf.zeros([1, 3]));
    const data = inspect(dense) as LayerData;
    expect(data).toMatchObject({
      kind: 'layer',
      name: 'probe_dense',
      className: 'Dense',
      built: true,
      trainableParams: 8,
      nonTrainableParams: 0,
    });
    expect(data.weights.map((w) => [w.name, w.shape, w.trainable])).toEqual([
      ['probe_dense/kernel', [3, 2], true],
      ['probe_dense/bias', [2], true],
    ]);
    expect(data.weights[0]!.values.values).toEqual([1, 1, 1, 1, 1, 1]);
  });

  test('freezing a layer flips every weight to non-trainable', () => {
    const dense = tf.layers.dense({ units: 4, inputShape: [2] });
    tf.sequential({ layers: [dense] });
    dense.trainable = false;
    const data = inspect(dense) as LayerData;
    expect(data.weights.map((w) => w.trainable)).toEqual([false, false]);
    expect(data).toMatchObject({ trainableParams: 0, nonTrainableParams: 12, outputShape: [null, 4] });
  });

  test('non-trainable weights of a custom layer are reported as such', () => {
    class Counter extends tf.layers.Layer {
      static className = 'Counter';
      override build(_inputShape: unknown): void {
        this.addWeight('count', [1], 'float32', tf.initializers.zeros(), undefined, false);
        this.addWeight('scale', [2], 'float32', tf.initializers.ones(), undefined, true);
      }
    }
    const layer = new Counter({});
    layer.apply(tf.zeros([1, 2]));
    const data = inspect(layer) as LayerData;
    expect(data.className).toBe('Counter');
    expect(data.weights.map((w) => [w.name.split('/').at(-1), w.trainable])).toEqual([
      ['scale', true],
      ['count', false],
    ]);
    expect(data).toMatchObject({ trainableParams: 2, nonTrainableParams: 1 });
  });

  test('an unbuilt layer shows no weights and no output shape', () => {
    expect(inspect(tf.layers.dense({ units: 3 }))).toMatchObject({ built: false, weights: [], outputShape: null, trainableParams: 0 });
  });

  test('a model summary lists layers, output shapes and totals like Keras', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 4, inputShape: [3], name: 'hidden' }),
        tf.layers.batchNormalization({ name: 'norm' }),
        tf.layers.dense({ units: 1, name: 'out' }),
      ],
    });
    const data = inspect(model) as ModelData;
    expect(data.kind).toBe('model');
    expect(data.className).toBe('Sequential');
    expect(data.layers.map((l) => [l.name, l.className, l.outputShape])).toEqual([
      ['hidden', 'Dense', [null, 4]],
      ['norm', 'BatchNormalization', [null, 4]],
      ['out', 'Dense', [null, 1]],
    ]);
    // Dense 3*4+4, BatchNorm 4 gamma + 4 beta trainable and 8 moving stats, Dense 4+1.
    expect(data.trainableParams).toBe(16 + 8 + 5);
    expect(data.nonTrainableParams).toBe(8);
    expect(data.trainableParams + data.nonTrainableParams).toBe(model.countParams());
  });

  test('a functional model shows its input layer', () => {
    const input = tf.input({ shape: [2] });
    const output = tf.layers.dense({ units: 1 }).apply(input) as ReturnType<typeof tf.input>;
    const data = inspect(tf.model({ inputs: input, outputs: output })) as ModelData;
    expect(data.layers.map((l) => l.className)).toEqual(['InputLayer', 'Dense']);
  });
});

describe('plain values', () => {
  test('primitives, text and functions', () => {
    expect(inspect('hi')).toEqual({ kind: 'text', text: 'hi' });
    expect(inspect(2)).toEqual({ kind: 'number', value: 2 });
    expect(inspect(false)).toEqual({ kind: 'boolean', value: false });
    expect(inspect(null)).toEqual({ kind: 'null' });
    expect(inspect(undefined)).toEqual({ kind: 'undefined' });
    expect(inspect((x: number) => x * 2)).toEqual({ kind: 'function', source: '(x) => x * 2' });
  });

  test('long text is capped', () => {
    const data = inspect('x'.repeat(LIMITS.MAX_TEXT_LENGTH + 10));
    expect(data.kind === 'text' && data.text.length).toBe(LIMITS.MAX_TEXT_LENGTH + 1);
  });

  test('objects become JSON with tensors summarised and cycles cut', () => {
    const obj: Record<string, unknown> = { name: 'cfg', units: [1, 2], x: tf.zeros([2, 3]), skip: undefined };
    obj.self = obj;
    expect(inspect(obj)).toEqual({
      kind: 'json',
      truncated: false,
      value: { name: 'cfg', units: [1, 2], x: 'Tensor float32 [2,3]', self: '[Circular]' },
    });
  });

  test('huge objects are truncated at MAX_JSON_NODES', () => {
    const { value, truncated } = toJson(Array.from({ length: 5000 }, (_, i) => i));
    expect(truncated).toBe(true);
    expect((value as number[]).length).toBeLessThan(LIMITS.MAX_JSON_NODES);
  });
});

test('inspecting never creates, disposes or changes tensors', () => {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2] })] });
  const t = tf.tensor2d([
    [1, 2],
    [3, 4],
  ]);
  const before = tf.memory().numTensors;
  for (const value of [t, model, model.layers[0], model.layers[0]!.weights[0], { t, list: [t, model] }]) inspect(value);
  expect(tf.memory().numTensors).toBe(before);
  expect(t.isDisposed).toBe(false);
  expect(Array.from(t.dataSync())).toEqual([1, 2, 3, 4]);
});
