/** The playground and its starting points. */
import { describe, expect, it } from 'vitest';
import * as tfc from '@tensorflow/tfjs-core';
import { clean, closeTo, layer, model, modelLayer, text, values } from '../helpers/shown';
import { describePage } from './snippet-page';

describePage('playground', {
  playground: (run) => {
    clean(run);
    closeTo(values(run, 0), [1, 2, 3, 4]);
    closeTo(values(run, 1), [1, 2, 3, 4]);
    expect(layer(run, 2).trainableParams).toBe(2);
    expect(layer(run, 3).weights).toEqual([]);
  },

  'playground-fit': (run) => {
    clean(run);
    const m = model(run, 0);
    expect(m.trainableParams).toBe(2);
    expect(modelLayer(m, 'quarter').weights).toEqual([]);
    const [a, b] = modelLayer(m, 'affine').weights.map((w) => Number(w.values.values[0]));
    // "close to 3 and 1"
    expect(a).toBeCloseTo(3, 1);
    expect(b).toBeCloseTo(1, 1);
    expect(run.fitEpochs).toHaveLength(60);
  },

  'playground-training': (run) => {
    clean(run);
    closeTo(values(run, 0), [2, 4]);
    closeTo(values(run, 1), [1, 2]);
    closeTo(values(run, 2), [2, 4]);
    closeTo(values(run, 3), [1, 2]);
  },

  'playground-save-load': (run) => {
    clean(run);
    closeTo(values(run, 0), [3, 6]);
    expect(text(run, 1)).toContain('Lambda.enableUnsafeDeserialization()');
  },
});

describe('what the playground page says of tfjs itself', () => {
  it('registering a class name twice does not fail: tfjs 4.22 replaces the entry', () => {
    class First extends tfc.serialization.Serializable {
      static className = 'Twice';
      getConfig() {
        return {};
      }
    }
    class Second extends First {}
    tfc.serialization.registerClass(First);
    expect(() => tfc.serialization.registerClass(Second)).not.toThrow();
    expect(tfc.serialization.SerializationMap.getMap().classNameMap['Twice']?.[0]).toBe(Second);
  });
});
