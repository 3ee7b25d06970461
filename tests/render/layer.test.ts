// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createShowHistory, diffWeights, renderShown } from '../../src/snippet/render';
import { dense, lambda, model, text, weight } from './fixtures';

const rows = (el: Element) => [...el.querySelectorAll('[data-weights] [data-weight]')];
/** A definition list as [term, value] pairs. */
const facts = (dl: Element) => [...dl.children].map((d) => [...d.children].map(text));

describe('layer view', () => {
  it('lists each weight with its name, shape and trainable flag', () => {
    const el = renderShown({ label: 'dense', data: dense() }, 'en');
    const r = rows(el);
    expect(r).toHaveLength(2);
    expect(r.map((w) => w.getAttribute('data-name'))).toEqual(['dense_Dense1/kernel', 'dense_Dense1/bias']);
    expect(r.map((w) => w.getAttribute('data-shape'))).toEqual(['3,2', '2']);
    expect(r.map((w) => w.getAttribute('data-trainable'))).toEqual(['true', 'true']);
    // Trainable is said in words, and the params column counts each weight.
    expect([...r[0]!.children].map(text)).toEqual(['dense_Dense1/kernel', '[3, 2]', 'float32', 'yes', '6']);
    expect(text(el.querySelector('figcaption')!)).toBe('dense');
    expect(text(el.querySelector('.out-layer > .out-caption')!)).toBe('Layer dense_Dense1 (Dense)');
    expect(facts(el.querySelector('.out-layer > .out-facts')!)).toEqual([
      ['Output shape', '[null, 2]'],
      ['State', 'built'],
      ['Trainable params', '8'],
      ['Non-trainable params', '0'],
    ]);
  });

  it("shows a small weight's values in the table, nested by its shape, without unfolding", () => {
    const el = renderShown({ label: null, data: dense() }, 'en');
    const values = [...el.querySelectorAll('[data-weights] [data-weight-values]')].map(text);
    expect(values).toEqual(['Values [[0.5, -0.25], [1, 2], [-3, 0.125]]', 'Values [0, 0]']);
    expect(el.querySelector('[data-weights] details')).toBeNull();
    const fr = renderShown({ label: null, data: dense([0.5, -0.25, 1, 2, -3, 0.125]) }, 'fr');
    expect(text(fr.querySelector('[data-weight-values]')!)).toBe('Valeurs [[0,5, -0,25], [1, 2], [-3, 0,125]]');
  });

  it('keeps a larger weight folded, as a matrix when expanded', () => {
    const big = { ...dense(), weights: [weight('wide/kernel', [5, 4], true)] };
    const el = renderShown({ label: null, data: big }, 'en');
    expect(el.querySelector('[data-weight-values]')).toBeNull();
    const kernel = el.querySelector('details [data-tensor][data-shape="5,4"]')!;
    expect(kernel.querySelectorAll('td[data-value]')).toHaveLength(20);
  });

  it('says "No weights" for a Lambda, with no empty table', () => {
    const el = renderShown({ label: null, data: lambda() }, 'en');
    expect(el.querySelector('[data-weights]')).toBeNull();
    expect(rows(el)).toHaveLength(0);
    expect(el.querySelector('[data-no-weights]')?.textContent).toBe('No weights');
    const fr = renderShown({ label: null, data: lambda() }, 'fr');
    expect(fr.querySelector('[data-no-weights]')?.textContent).toBe('Aucun poids');
  });

  it('marks non-trainable weights and says so in words', () => {
    const el = renderShown({ label: null, data: model() }, 'fr');
    const moving = el.querySelector('[data-weight][data-name="bn/moving_mean"]')!;
    expect(moving.getAttribute('data-trainable')).toBe('false');
    expect(text(moving.querySelector('[data-trainable-text]')!)).toBe('non');
  });
});

describe('model summary', () => {
  it('has one row per layer and Keras-like totals, with locale separators', () => {
    const el = renderShown({ label: null, data: model() }, 'en');
    const summary = el.querySelector('[data-summary]')!;
    const body = [...summary.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(text));
    expect(body).toEqual([
      ['lambda_1 (Lambda)', '[null, 3]', '0'],
      ['dense_Dense1 (Dense)', '[null, 2]', '8'],
      ['batch_normalization_1 (BatchNormalization)', '[null, 2]', '8'],
    ]);
    expect(facts(el.querySelector('.out-model > .out-facts')!)).toEqual([
      ['Total params', '2,234'],
      ['Trainable params', '1,004'],
      ['Non-trainable params', '1,230'],
    ]);
    // The Lambda says it has no weights, without an empty table.
    expect(el.querySelectorAll('[data-weights]')).toHaveLength(2);
    expect(el.querySelector('details[data-layer="lambda_1"] [data-no-weights]')).not.toBeNull();
    expect(rows(el)).toHaveLength(6);
  });

  it('writes French counts with a narrow no-break space', () => {
    const el = renderShown({ label: null, data: model() }, 'fr');
    const facts = [...el.querySelectorAll('.out-model > .out-facts dd')].map((d) => d.textContent);
    expect(facts).toEqual(['2\u202f234', '1\u202f004', '1\u202f230']);
    const heads = [...el.querySelectorAll('[data-summary] thead th')].map(text);
    expect(heads).toEqual(['Couche (type)', 'Forme de sortie', 'Nb de paramètres']);
  });
});

describe('before / after', () => {
  it('highlights the weights that changed since the same layer was last shown', () => {
    const history = createShowHistory();
    const before = dense();
    const after = dense([0.5, -0.25, 1, 2, -3, 0.5]);
    expect(history.previous(before)).toBeUndefined();
    const prev = history.previous(after);
    expect(prev).toBe(before);
    const el = renderShown({ label: 'after fit', data: after }, 'en', prev);
    const [kernel, bias] = rows(el);
    expect(kernel!.getAttribute('data-changed')).toBe('true');
    expect(text(kernel!)).toContain('changed');
    expect(bias!.getAttribute('data-changed')).toBe('false');
    expect(text(bias!)).toContain('unchanged');
    // Old and new values side by side for a small weight that changed; the words are for screen readers.
    const [kernelValues, biasValues] = [...el.querySelectorAll('[data-weight-values]')];
    expect(text(kernelValues!)).toBe('Values before [[0.5, -0.25], [1, 2], [-3, 0.125]] → after [[0.5, -0.25], [1, 2], [-3, 0.5]]');
    expect(kernelValues!.querySelector('[aria-hidden="true"]')?.textContent).toBe(' → ');
    expect(text(biasValues!)).toBe('Values [0, 0]');
    expect(text(el)).toContain('1 of 2 weights changed since this was last shown');
  });

  it('compares model weights by name and ignores a different layer', () => {
    const m = model();
    const trained = model();
    trained.layers[1] = dense([9, 9, 9, 9, 9, 9]);
    const diff = diffWeights(m, trained);
    expect(diff.get('dense_Dense1/kernel')).toBe(true);
    expect(diff.get('bn/gamma')).toBe(false);
    const el = renderShown({ label: null, data: dense() }, 'en', lambda());
    expect(el.querySelector('[data-changed]')).toBeNull();
  });
});

describe('a layer applied eagerly', () => {
  it('says what its missing output shape means instead of "unknown"', () => {
    const eager = { ...dense(), outputShape: null };
    expect(facts(renderShown({ label: null, data: eager }, 'en').querySelector('.out-facts')!)[0]).toEqual([
      'Output shape',
      'not known until the layer is part of a model',
    ]);
    expect(facts(renderShown({ label: null, data: eager }, 'fr').querySelector('.out-facts')!)[0]![1]).toBe(
      'inconnue tant que la couche n’est pas dans un modèle',
    );
  });
});
