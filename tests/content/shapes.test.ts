/** Input and output shapes: what a Lambda declares, what it cannot check, when a bad width is caught. */
import { expect } from 'vitest';
import { clean, failsAsAnnounced, json, text } from '../helpers/shown';
import { describePage } from './snippet-page';

describePage('shapes', {
  'shapes-lambda-declare': (run) => {
    clean(run);
    expect(json(run, 0)).toEqual([null, 1]);
    expect(json(run, 1)).toEqual([null, 1]);
    expect(json(run, 2)).toEqual([null, 7]);
    expect(json(run, 3)).toEqual([2, 1]);
  },

  'shapes-lambda-validate': (run) => {
    clean(run);
    expect(text(run, 0)).toBe('to_grey expects [batch, 3] (R, G, B), got [null,4]');
    expect(text(run, 1)).toBe('Input 0 is incompatible with layer lambda_Lambda2: expected axis -1 of input shape to have value 3 but got shape ,4.');
    // The spec lives on the instance only: nothing in the config would bring it back.
    expect(json(run, 2)).toEqual(['name', 'trainable', 'function', 'outputShape', 'arguments']);
  },

  'shapes-lambda-late': (run) => {
    const message = failsAsAnnounced(run, 'shapes-lambda-late');
    expect(message).toContain('Error in matMul: inner shapes (4) and (3) of Tensors with shapes 2,4 and 3,1 and transposeA=false and transposeB=false must match');
    // The model was built, and said so, before the first batch failed.
    expect(json(run, 0)).toEqual([null, 1]);
    expect(run.logs).toHaveLength(1);
  },

  'shapes-custom-early': (run) => {
    const message = failsAsAnnounced(run, 'shapes-custom-early');
    expect(message).toBe('grey expects [batch, 3] (R, G, B), got [null,4]');
    expect(json(run, 0)).toEqual([null, 1]);
    // Stopped at model construction: the line after it never ran.
    expect(run.logs).toEqual([]);
    expect(run.shows).toHaveLength(1);
  },
});
