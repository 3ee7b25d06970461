import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/snippet/render/summary';
import { dense, lambda, model, tensor } from './fixtures';

describe('live-region summaries', () => {
  it('describes a tensor by dtype and shape, not its values', () => {
    expect(summarize({ label: null, data: tensor([2, 3]) }, 'en')).toBe('Tensor float32, shape 2×3');
    expect(summarize({ label: 'y', data: tensor([2, 3]) }, 'fr')).toBe('y\u00a0: Tenseur float32, forme 2×3');
    expect(summarize({ label: null, data: tensor([], [0.5]) }, 'en')).toBe('Scalar tensor float32: 0.5');
  });

  it('describes layers and models by their weights and parameters', () => {
    expect(summarize({ label: null, data: dense() }, 'en')).toBe('Layer dense_Dense1: 2 weights, 8 trainable parameters');
    expect(summarize({ label: null, data: lambda() }, 'fr')).toBe('Couche lambda_1\u00a0: 0 poids, 0 paramètre entraînable');
    expect(summarize({ label: null, data: model() }, 'en')).toBe('Model sequential_1: 3 layers, 2,234 parameters');
  });

  it('describes other values briefly', () => {
    expect(summarize({ label: null, data: { kind: 'text', text: 'hello' } }, 'en')).toBe('Text, 5 characters');
    expect(summarize({ label: null, data: { kind: 'number', value: 42 } }, 'en')).toBe('Value 42');
    expect(summarize({ label: null, data: { kind: 'json', value: { a: 1, b: 2 }, truncated: false } }, 'en')).toBe('Object, 2 keys');
    expect(summarize({ label: null, data: { kind: 'json', value: [1], truncated: false } }, 'fr')).toBe('Tableau, 1 élément');
  });
});
