/** Initialisation and build: weights sized from the first input, set up once or on every call. */
import { expect } from 'vitest';
import { clean, closeTo, layer, num, values } from '../helpers/shown';
import { describePage } from './snippet-page';

const RAMP = [1, 0.75, 0.5, 0.25, 0];

describePage('build', {
  'build-lazy': (run) => {
    clean(run);
    const before = layer(run, 0);
    expect(before.built).toBe(false);
    expect(before.weights).toEqual([]);
    const a = layer(run, 1);
    expect(a.weights.map((w) => w.shape)).toEqual([[3, 2]]);
    expect(a.trainableParams).toBe(6);
    const b = layer(run, 2);
    expect(b.weights.map((w) => w.shape)).toEqual([[5, 2]]);
    expect(b.trainableParams).toBe(10);
  },

  'build-lambda': (run) => {
    clean(run);
    closeTo(values(run, 0), [...RAMP, ...RAMP]);
    expect(num(run, 1)).toBe(3);
    expect(layer(run, 2).weights).toEqual([]);
  },

  'build-once': (run) => {
    clean(run);
    closeTo(values(run, 0), [...RAMP, ...RAMP]);
    expect(num(run, 1)).toBe(1);
    const fade = layer(run, 2);
    expect(fade.weights).toHaveLength(1);
    expect(fade.weights[0]!.trainable).toBe(false);
    expect(fade.nonTrainableParams).toBe(5);
    expect(fade.trainableParams).toBe(0);
    closeTo(fade.weights[0]!.values.values.map(Number), RAMP);
  },
});
