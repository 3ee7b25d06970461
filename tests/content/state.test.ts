/** State: a variable captured by a Lambda's function, and a running mean a layer owns. */
import { expect } from 'vitest';
import { clean, json, layer, num, ok, values, weight, weightValues } from '../helpers/shown';
import { describePage } from './snippet-page';

describePage('state', {
  'state-lambda': (run) => {
    ok(run);
    expect(values(run, 0)).toEqual([2.25, 4.5]);
    expect(layer(run, 1).weights).toEqual([]);
    expect(num(run, 2)).toBe(0);
    // The captured variable outlives the run; nothing else does.
    expect(run.done).toMatchObject({ leakedTensors: 1, leakedVariables: 1 });
  },

  'state-layer': (run) => {
    clean(run);
    const centre = layer(run, 0);
    expect(centre.nonTrainableParams).toBe(2);
    expect(centre.trainableParams).toBe(0);
    expect(weight(centre, 'centre/mean').trainable).toBe(false);
    expect(weightValues(centre, 'centre/mean')).toEqual([2.25, 4.5]);
    expect(values(run, 1)).toEqual([-0.25, -0.5, 1.75, 3.5]);
    expect(json(run, 2)).toEqual(['centre/mean']);
  },
});
