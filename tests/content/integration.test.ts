/** Losses, metrics and callbacks: what a layer adds to fit, the addLoss trap, a callback reading weights. */
import { expect } from 'vitest';
import { clean, closeTo, json, num, numbers, values } from '../helpers/shown';
import { describePage } from './snippet-page';

describePage('integration', {
  'integration-lambda-loss': (run) => {
    clean(run);
    expect(num(run, 0)).toBe(0);
    expect(num(run, 1)).toBeCloseTo(0, 6);
    expect(num(run, 2)).toBeCloseTo(0, 6);
    expect(run.fitEpochs).toHaveLength(1);
  },

  'integration-layer-loss': (run) => {
    clean(run);
    expect(num(run, 0)).toBe(1);
    closeTo(values(run, 1), [0.2]);
    expect(num(run, 2)).toBeCloseTo(0, 6);
    expect(num(run, 3)).toBeCloseTo(0.2, 6);
  },

  'integration-addloss-trap': (run) => {
    clean(run);
    const losses = numbers(json(run, 0));
    closeTo(losses, [0.2, 0.4, 0.6, 0.8], 2);
    for (let i = 1; i < losses.length; i++) expect(losses[i]!).toBeGreaterThan(losses[i - 1]!);
    expect(num(run, 1)).toBe(4);
  },

  'integration-callback': (run) => {
    clean(run);
    closeTo(numbers(json(run, 0)), [1.75, 1.9375, 1.984375, 1.99609375, 1.9990234375]);
    expect(num(run, 1)).toBe(0);
    expect(run.fitEpochs).toHaveLength(5);
  },
});
