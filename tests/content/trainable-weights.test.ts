/** Trainable weights: a layer's own weights are trained, a Lambda's captured ones never are. */
import { expect } from 'vitest';
import { closeTo, failsAsAnnounced, model, modelLayer, num, ok, layer, values, weightValues } from '../helpers/shown';
import { describePage } from './snippet-page';

describePage('trainable-weights', {
  'weights-layer': (run) => {
    ok(run);
    const before = layer(run, 0);
    const after = layer(run, 1);
    expect(before.trainableParams).toBe(2);
    expect(before.weights.map((w) => [w.name, w.trainable])).toEqual([['affine/a', true], ['affine/b', true]]);
    expect(weightValues(before, 'affine/a')).toEqual([1]);
    expect(weightValues(before, 'affine/b')).toEqual([0]);
    // "a ≈ 3.00, b ≈ 1.00"
    closeTo(weightValues(after, 'affine/a'), [3], 2);
    closeTo(weightValues(after, 'affine/b'), [1], 2);
    // Data and optimizer disposed: only the two weights outlive the run.
    expect(run.done).toMatchObject({ leakedTensors: 2, leakedVariables: 2 });
  },

  'weights-lambda': (run) => {
    failsAsAnnounced(run, 'weights-lambda');
    expect(num(run, 0)).toBe(0);
    const m = model(run, 1);
    expect(m.trainableParams).toBe(0);
    expect(m.nonTrainableParams).toBe(0);
    expect(modelLayer(m, 'affine').className).toBe('Lambda');
    // a and b stay; data and optimizer are disposed even though fit threw.
    expect(run.done?.leakedVariables).toBe(2);
    expect(run.done!.leakedTensors).toBeLessThanOrEqual(3);
  },

  'weights-captured': (run) => {
    ok(run);
    const m = model(run, 0);
    expect(m.trainableParams).toBe(2);
    const dense = modelLayer(m, 'dense');
    closeTo(weightValues(dense, 'dense/kernel'), [1.5], 2);
    closeTo(weightValues(dense, 'dense/bias'), [0.5], 2);
    expect(modelLayer(m, 'times_factor')).toMatchObject({ className: 'Lambda', weights: [] });
    expect(values(run, 1)).toEqual([2]);
    // factor, kernel and bias stay; nothing else does.
    expect(run.done).toMatchObject({ leakedTensors: 3, leakedVariables: 3 });
  },
});
