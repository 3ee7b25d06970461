/** Plain protocol data as the worker would send it. */
import type { LayerData, ModelData, TensorData, WeightData } from '../../src/snippet/protocol';

export function tensor(shape: number[], values?: (number | string)[], dtype = 'float32'): TensorData {
  const size = shape.reduce((a, b) => a * b, 1);
  const all = values ?? Array.from({ length: Math.min(size, 1000) }, (_, i) => i);
  const nums = all.filter((v): v is number => typeof v === 'number');
  return {
    kind: 'tensor',
    dtype,
    shape,
    size,
    values: all,
    truncated: all.length < size,
    min: nums.length ? Math.min(...nums) : null,
    max: nums.length ? Math.max(...nums) : null,
  };
}

export function weight(name: string, shape: number[], trainable: boolean, values?: number[]): WeightData {
  return { name, shape, dtype: 'float32', trainable, values: tensor(shape, values) };
}

/** A Dense(2) on 3 inputs: kernel [3, 2] + bias [2] = 8 trainable parameters. */
export function dense(kernel = [0.5, -0.25, 1, 2, -3, 0.125], name = 'dense_Dense1'): LayerData {
  return {
    kind: 'layer',
    name,
    className: 'Dense',
    built: true,
    outputShape: [null, 2],
    trainableParams: 8,
    nonTrainableParams: 0,
    weights: [weight(`${name}/kernel`, [3, 2], true, kernel), weight(`${name}/bias`, [2], true, [0, 0])],
  };
}

export function lambda(): LayerData {
  return {
    kind: 'layer',
    name: 'lambda_1',
    className: 'Lambda',
    built: true,
    outputShape: [null, 3],
    trainableParams: 0,
    nonTrainableParams: 0,
    weights: [],
  };
}

export function model(): ModelData {
  const bn: LayerData = {
    kind: 'layer',
    name: 'batch_normalization_1',
    className: 'BatchNormalization',
    built: true,
    outputShape: [null, 2],
    trainableParams: 4,
    nonTrainableParams: 4,
    weights: [
      weight('bn/gamma', [2], true, [1, 1]),
      weight('bn/beta', [2], true, [0, 0]),
      weight('bn/moving_mean', [2], false, [0, 0]),
      weight('bn/moving_variance', [2], false, [1, 1]),
    ],
  };
  return {
    kind: 'model',
    name: 'sequential_1',
    className: 'Sequential',
    layers: [lambda(), dense(), bn],
    trainableParams: 1004,
    nonTrainableParams: 1230,
  };
}

/** Visible text with ASCII whitespace collapsed (no-break spaces are kept: they are typography). */
export function text(el: Element): string {
  return (el.textContent ?? '').replace(/[ \t\r\n]+/g, ' ').trim();
}
