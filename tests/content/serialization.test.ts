/** Configuration and serialization: a registered layer round-trips; a Lambda's function is code. */
import { describe, expect, it } from 'vitest';
import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import { failsAsAnnounced, json, ok, text, values } from '../helpers/shown';
import { describePage } from './snippet-page';

describePage('serialization', {
  'serialization-layer': (run) => {
    ok(run);
    expect(json(run, 0)).toEqual({ class_name: 'Scale', config: { name: 'scale', trainable: true, initial: 1 } });
    expect(values(run, 1)).toEqual([12, -6]);
    expect(values(run, 2)).toEqual([12, -6]);
    expect(values(run, 3)).toEqual([6, 6]);
  },

  'serialization-unregistered': (run) => {
    const message = failsAsAnnounced(run, 'serialization-unregistered');
    expect(message).toContain('registered properly with tf.serialization.registerClass()');
    expect(json(run, 0)).toMatchObject({ class_name: 'Scale' });
  },

  'serialization-lambda': (run) => {
    const message = failsAsAnnounced(run, 'serialization-lambda');
    expect(message).toContain('Requested the deserialization of a Lambda layer whose function is JavaScript source text');
    expect(message).toContain('Lambda.enableUnsafeDeserialization()');
    expect(json(run, 0)).toMatchObject({
      function: { class_name: '__lambda__', source: '(x, factor) => tf.mul(x, factor)' },
      arguments: { factor: 3 },
    });
  },

  'serialization-lambda-unsafe': (run) => {
    ok(run);
    expect(values(run, 0)).toEqual([18, 18]);
    expect(values(run, 1)).toEqual([18, 18]);
  },

  'serialization-lambda-globals': (run) => {
    ok(run);
    // The model loaded (outputShape is declared); its first call fails.
    // Only the name is shown: V8 says "GREY is not defined", JavaScriptCore "Can't find variable: GREY".
    expect(text(run, 0)).toBe('ReferenceError');
    // "saved with the config, { values: [0.25, 0.5, 0.25], shape: [3, 1], dtype: "float32" }"
    expect(json(run, 1)).toEqual({ values: [0.25, 0.5, 0.25], shape: [3, 1], dtype: 'float32' });
    expect(values(run, 2)).toEqual([6]);
    expect(text(run, 3)).toMatch(/^Lambda layer 'activate' cannot save its argument 'act': it is a function\. A Lambda's config holds only JSON values .* and tensors \(saved as their values, shape and dtype\)\./);
    // Only the reloaded Lambda's own GREY, restored from the config, is left.
    expect(run.done).toMatchObject({ leakedTensors: 1, leakedVariables: 0 });
  },
});

describe('what the serialization page says of tfjs itself', () => {
  it('toJSON snake-cases every string of a layer config except those under name and className', () => {
    class Tagged extends tfl.layers.Layer {
      static className = 'Tagged';
      override getConfig() {
        return { ...super.getConfig(), tag: 'mixedCase', className: 'KeptAsIs' };
      }
    }
    tfc.serialization.registerClass(Tagged);
    const model = tfl.sequential({ layers: [new Tagged({ name: 'myTagged', inputShape: [2] })] });
    const saved = (model.toJSON(null, false) as unknown as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } }).config.layers[0]!;
    expect(saved.class_name).toBe('Tagged');
    expect(saved.config).toMatchObject({ name: 'myTagged', tag: 'mixed_case', class_name: 'KeptAsIs' });
  });
});
