/** Training vs inference: what call() receives, a Lambda that declares training, a seeded layer. */
import { expect } from 'vitest';
import { clean, closeTo, json, values } from '../helpers/shown';
import { describePage } from './snippet-page';

describePage('training-inference', {
  'training-probe': (run) => {
    clean(run);
    expect(json(run, 0)).toEqual({
      fit: ['true', 'true'],
      predict: ['undefined'],
      evaluate: ['undefined'],
      'apply(x, { training: true })': ['true'],
    });
    expect(run.fitEpochs).toHaveLength(2);
  },

  'training-lambda': (run) => {
    clean(run);
    const step1 = values(run, 0);
    closeTo(step1, [1.19, 1.05, 1.04], 2);
    expect(values(run, 1)).toEqual(step1);
    expect(values(run, 2)).toEqual([1, 1, 1]);
    expect(values(run, 3)).toEqual([1, 1, 1]);
    expect(run.done?.leakedTensors).toBe(0);
  },

  'training-layer': (run) => {
    clean(run);
    closeTo(values(run, 0), [0.93, 0.9, 1.01], 2);
    closeTo(values(run, 1), [1.07, 0.98, 1.16], 2);
    expect(values(run, 1)).not.toEqual(values(run, 0));
    expect(values(run, 2)).toEqual([1, 1, 1]);
    expect(json(run, 3)).toEqual({ name: 'noise', trainable: true, stddev: 0.1, seed: 42 });
    expect(run.done?.leakedTensors).toBe(0);
  },
});
