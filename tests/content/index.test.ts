/** The overview page: its one snippet writes the same layer twice. */
import { expect } from 'vitest';
import { clean, layer, values, weight, weightValues } from '../helpers/shown';
import { describePage } from './snippet-page';

describePage('index', {
  'overview-first': (run) => {
    clean(run);
    expect(values(run, 0)).toEqual([2, 4, 6]);
    expect(values(run, 1)).toEqual([2, 4, 6]);
    const lambda = layer(run, 2);
    expect(lambda.className).toBe('Lambda');
    expect(lambda.weights).toEqual([]);
    expect(lambda.trainableParams).toBe(0);
    const scale = layer(run, 3);
    expect(scale.trainableParams).toBe(3);
    expect(scale.weights).toHaveLength(1);
    expect(weight(scale, 'scale/scale')).toMatchObject({ shape: [3], trainable: true });
    expect(weightValues(scale, 'scale/scale')).toEqual([2, 2, 2]);
  },
});
