/** Reuse and encapsulation: one class with two configs, a Lambda factory, a composite layer, sharing. */
import { expect } from 'vitest';
import { clean, closeTo, json, layer, model, modelLayer, num, values } from '../helpers/shown';
import { describePage } from './snippet-page';

describePage('reuse', {
  'reuse-two-configs': (run) => {
    clean(run);
    closeTo(values(run, 0), [2, 4]);
    closeTo(values(run, 1), [0.5, 1]);
    closeTo(layer(run, 2).weights[0]!.values.values.map(Number), [2, 2]);
    closeTo(layer(run, 3).weights[0]!.values.values.map(Number), [0.5, 0.5]);
    expect(json(run, 4)).toMatchObject({ name: 'halve', init: 0.5 });
    closeTo(values(run, 5), [0.5, 1]);
  },

  'reuse-lambda-closure': (run) => {
    clean(run);
    closeTo(values(run, 0), [2, 4]);
    closeTo(values(run, 1), [0.5, 1]);
    const doubleFn = json(run, 2);
    expect(doubleFn).toEqual(json(run, 3));
    expect(JSON.stringify(doubleFn)).toContain('(x) => tf.mul(x, k)');
    closeTo(values(run, 4), [3, 6]);
    expect(json(run, 5)).toEqual({ k: 3 });
  },

  'reuse-composite': (run) => {
    clean(run);
    const m = model(run, 0);
    // "Besides its input, the model's summary lists one layer, block"
    expect(m.layers.map((l) => l.className)).toEqual(['InputLayer', 'Residual']);
    expect(m.trainableParams).toBe(31);
    const block = modelLayer(m, 'block');
    expect(block.className).toBe('Residual');
    expect(block.weights.map((w) => w.shape)).toEqual([[3, 4], [4], [4, 3], [3]]);
    expect(json(run, 1)).toEqual({ name: 'block', trainable: true, units: 4 });
  },

  'reuse-shared': (run) => {
    clean(run);
    expect([num(run, 0), num(run, 1), num(run, 2), num(run, 3)]).toEqual([2, 4, 0, 0]);
  },
});
