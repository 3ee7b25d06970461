/**
 * The overview and the first four differences (state, trainable weights, serialization,
 * training vs inference): every snippet these pages embed is run in both languages, and
 * the figures their "What to notice" boxes quote are asserted, so the prose cannot drift
 * from what the reader sees.
 */
import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../src/i18n/locales';
import type { JsonValue, LayerData, ModelData, ShownData, TensorData, WeightData } from '../../src/snippet/protocol';
import { loadSnippet, runSnippetFile, type RunResult } from '../helpers/run-snippet';
import { readPage } from '../site/content-files';

const PAGES = ['index', 'state', 'trainable-weights', 'serialization', 'training-inference'] as const;

/** The snippets of these pages, page by page, in page order. */
const SNIPPETS: Record<(typeof PAGES)[number], string[]> = {
  index: ['overview-first'],
  state: ['state-lambda', 'state-layer'],
  'trainable-weights': ['weights-layer', 'weights-lambda', 'weights-captured'],
  serialization: ['serialization-layer', 'serialization-unregistered', 'serialization-lambda', 'serialization-lambda-unsafe'],
  'training-inference': ['training-probe', 'training-lambda', 'training-layer'],
};

// ---------------------------------------------------------------------------
// Reading a run's output

function expectOk(r: RunResult): void {
  expect(r.errors, 'no error').toEqual([]);
  expect(r.done?.ok).toBe(true);
}

/** The run failed, as its `@expect-error` directive says, with that text in the message. */
async function expectFailure(r: RunResult, id: string, lang: Lang, text: string): Promise<string> {
  const source = await loadSnippet(id, lang);
  expect(source.expectError).toBe(text);
  expect(r.done?.ok).toBe(false);
  expect(r.errors).toHaveLength(1);
  expect(r.errors[0]!.message).toContain(text);
  return r.errors[0]!.message;
}

function shown(r: RunResult, index: number): ShownData {
  const item = r.shows[index];
  if (!item) throw new Error(`show #${index} is missing (${r.shows.length} shown)`);
  return item.data;
}

function tensor(r: RunResult, index: number): TensorData {
  const data = shown(r, index);
  if (data.kind !== 'tensor') throw new Error(`show #${index} is a ${data.kind}, not a tensor`);
  return data;
}

function values(r: RunResult, index: number): number[] {
  return tensor(r, index).values as number[];
}

function layer(r: RunResult, index: number): LayerData {
  const data = shown(r, index);
  if (data.kind !== 'layer') throw new Error(`show #${index} is a ${data.kind}, not a layer`);
  return data;
}

function model(r: RunResult, index: number): ModelData {
  const data = shown(r, index);
  if (data.kind !== 'model') throw new Error(`show #${index} is a ${data.kind}, not a model`);
  return data;
}

function json(r: RunResult, index: number): JsonValue {
  const data = shown(r, index);
  if (data.kind !== 'json') throw new Error(`show #${index} is a ${data.kind}, not JSON`);
  return data.value;
}

function number(r: RunResult, index: number): number {
  const data = shown(r, index);
  if (data.kind !== 'number') throw new Error(`show #${index} is a ${data.kind}, not a number`);
  return data.value;
}

function weight(l: LayerData, name: string): WeightData {
  const w = l.weights.find((x) => x.name === name);
  if (!w) throw new Error(`${l.name} has no weight ${name} (has ${l.weights.map((x) => x.name).join(', ')})`);
  return w;
}

function weightValues(l: LayerData, name: string): number[] {
  return weight(l, name).values.values as number[];
}

function expectClose(actual: number[], expected: number[], digits = 5): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, digits));
}

/** Labels come out in the page's language: the ⟦en|fr⟧ markers are resolved. */
function expectLabelsResolved(r: RunResult): void {
  for (const { label } of r.shows) {
    expect(label ?? '').not.toMatch(/[⟦⟧]/);
  }
}

// ---------------------------------------------------------------------------

describe('part A pages embed exactly these snippets', () => {
  for (const lang of LANGS) {
    for (const key of PAGES) {
      it(`${lang}/${key}`, () => {
        expect(readPage(lang, `${key}.mdx`).snippetIds).toEqual(SNIPPETS[key]);
      });
    }
  }

  it('the serialization page has the #get-config section the site links to', () => {
    for (const lang of LANGS) {
      expect(readPage(lang, 'serialization.mdx').headings.map((h) => h.id)).toContain('get-config');
    }
  });

  it('links between these pages land on sections that exist', () => {
    for (const lang of LANGS) {
      for (const key of PAGES) {
        const page = readPage(lang, `${key}.mdx`);
        for (const [, target, anchor] of page.prose.matchAll(/\]\(\/(?:en|fr)\/([a-z-]*)\/?#([a-z0-9-]+)\)/g)) {
          const file = `${target === '' ? 'index' : target}.mdx`;
          expect(readPage(lang, file).headings.map((h) => h.id), `${lang}/${key} -> ${file}#${anchor}`).toContain(anchor);
        }
        for (const [, linkLang] of page.prose.matchAll(/\]\(\/(en|fr)\//g)) {
          expect(linkLang, `${lang}/${key} links to the other language`).toBe(lang);
        }
      }
    }
  });
});

describe.each(LANGS)('snippets in %s', (lang) => {
  it('overview-first: same output, 0 weights for the Lambda, 1 trainable weight for Scale', async () => {
    const r = await runSnippetFile('overview-first', lang);
    expectOk(r);
    expectLabelsResolved(r);
    expect(values(r, 0)).toEqual([2, 4, 6]);
    expect(values(r, 1)).toEqual([2, 4, 6]);
    const lambda = layer(r, 2);
    expect(lambda.className).toBe('Lambda');
    expect(lambda.weights).toEqual([]);
    expect(lambda.trainableParams).toBe(0);
    const scale = layer(r, 3);
    expect(scale.trainableParams).toBe(3);
    expect(scale.weights).toHaveLength(1);
    expect(weight(scale, 'scale/scale')).toMatchObject({ shape: [3], trainable: true });
    expect(weightValues(scale, 'scale/scale')).toEqual([2, 2, 2]);
    expect(r.done?.leakedTensors).toBe(r.done?.leakedVariables);
  });

  it('state-lambda: the captured variable moves, the Lambda owns no weight', async () => {
    const r = await runSnippetFile('state-lambda', lang);
    expectOk(r);
    expectLabelsResolved(r);
    expect(values(r, 0)).toEqual([2.25, 4.5]);
    expect(layer(r, 1).weights).toEqual([]);
    expect(number(r, 2)).toBe(0);
    // The captured variable outlives the run; nothing else does.
    expect(r.done).toMatchObject({ leakedTensors: 1, leakedVariables: 1 });
  });

  it('state-layer: the running mean is a non-trainable weight, updated only in training', async () => {
    const r = await runSnippetFile('state-layer', lang);
    expectOk(r);
    expectLabelsResolved(r);
    const centre = layer(r, 0);
    expect(centre.nonTrainableParams).toBe(2);
    expect(centre.trainableParams).toBe(0);
    expect(weight(centre, 'centre/mean').trainable).toBe(false);
    expect(weightValues(centre, 'centre/mean')).toEqual([2.25, 4.5]);
    expect(values(r, 1)).toEqual([-0.25, -0.5, 1.75, 3.5]);
    expect(json(r, 2)).toEqual(['centre/mean']);
    expect(r.done?.leakedTensors).toBe(r.done?.leakedVariables);
  });

  it('weights-layer: two trainable weights that fit moves to a = 3, b = 1', async () => {
    const r = await runSnippetFile('weights-layer', lang);
    expectOk(r);
    expectLabelsResolved(r);
    const before = layer(r, 0);
    const after = layer(r, 1);
    expect(before.trainableParams).toBe(2);
    expect(before.weights.map((w) => [w.name, w.trainable])).toEqual([['affine/a', true], ['affine/b', true]]);
    expect(weightValues(before, 'affine/a')).toEqual([1]);
    expect(weightValues(before, 'affine/b')).toEqual([0]);
    expectClose(weightValues(after, 'affine/a'), [3], 2);
    expectClose(weightValues(after, 'affine/b'), [1], 2);
    // Data and optimizer disposed: only the two weights outlive the run.
    expect(r.done).toMatchObject({ leakedTensors: 2, leakedVariables: 2 });
  });

  it('weights-lambda: 0 trainable weights, and fit refuses', async () => {
    const r = await runSnippetFile('weights-lambda', lang);
    await expectFailure(r, 'weights-lambda', lang, 'none of the 0 variables is trainable');
    expectLabelsResolved(r);
    expect(number(r, 0)).toBe(0);
    const m = model(r, 1);
    expect(m.trainableParams).toBe(0);
    expect(m.layers.find((l) => l.name === 'affine')?.className).toBe('Lambda');
    // a and b stay; data and optimizer are disposed even though fit threw.
    expect(r.done?.leakedVariables).toBe(2);
    expect(r.done!.leakedTensors).toBeLessThanOrEqual(3);
  });

  it('weights-captured: Dense is trained, the captured factor stays at 2', async () => {
    const r = await runSnippetFile('weights-captured', lang);
    expectOk(r);
    expectLabelsResolved(r);
    const m = model(r, 0);
    expect(m.trainableParams).toBe(2);
    const dense = m.layers.find((l) => l.name === 'dense')!;
    expectClose(weightValues(dense, 'dense/kernel'), [1.5], 2);
    expectClose(weightValues(dense, 'dense/bias'), [0.5], 2);
    expect(m.layers.find((l) => l.name === 'times_factor')).toMatchObject({ className: 'Lambda', weights: [] });
    expect(values(r, 1)).toEqual([2]);
    // factor, kernel and bias stay; nothing else does.
    expect(r.done).toMatchObject({ leakedTensors: 3, leakedVariables: 3 });
  });

  it('serialization-layer: the config round-trips and the loaded model predicts the same values', async () => {
    const r = await runSnippetFile('serialization-layer', lang);
    expectOk(r);
    expectLabelsResolved(r);
    expect(json(r, 0)).toEqual({ class_name: 'Scale', config: { name: 'scale', trainable: true, initial: 1 } });
    expect(values(r, 1)).toEqual([12, -6]);
    expect(values(r, 2)).toEqual(values(r, 1));
    expect(values(r, 3)).toEqual([6, 6]);
  });

  it('serialization-unregistered: serializing works, loading fails with "Unknown layer: Scale"', async () => {
    const r = await runSnippetFile('serialization-unregistered', lang);
    const message = await expectFailure(r, 'serialization-unregistered', lang, 'Unknown layer: Scale');
    expect(message).toContain('registered properly with tf.serialization.registerClass()');
    expect(json(r, 0)).toMatchObject({ class_name: 'Scale' });
  });

  it('serialization-lambda: the function is saved as source text, loading is refused', async () => {
    const r = await runSnippetFile('serialization-lambda', lang);
    const message = await expectFailure(r, 'serialization-lambda', lang, 'disallowed by default');
    expect(message).toContain('Requested the deserialization of a Lambda layer whose function is JavaScript source text');
    expect(message).toContain('Lambda.enableUnsafeDeserialization()');
    expect(json(r, 0)).toMatchObject({
      function: { class_name: '__lambda__', source: '(x, factor) => tf.mul(x, factor)' },
      arguments: { factor: 3 },
    });
  });

  it('serialization-lambda-unsafe: after opting in, the loaded model predicts the same values', async () => {
    const r = await runSnippetFile('serialization-lambda-unsafe', lang);
    expectOk(r);
    expectLabelsResolved(r);
    expect(values(r, 0)).toEqual([18, 18]);
    expect(values(r, 1)).toEqual([18, 18]);
  });

  it('training-probe: fit passes training true, predict and evaluate pass nothing', async () => {
    const r = await runSnippetFile('training-probe', lang);
    expectOk(r);
    expectLabelsResolved(r);
    expect(json(r, 0)).toEqual({
      fit: ['true', 'true'],
      predict: ['undefined'],
      evaluate: ['undefined'],
      'apply(x, { training: true })': ['true'],
    });
    expect(r.done?.leakedTensors).toBe(r.done?.leakedVariables);
  });

  it('training-lambda: a declared training parameter receives it; a fixed seed repeats the noise', async () => {
    const r = await runSnippetFile('training-lambda', lang);
    expectOk(r);
    expectLabelsResolved(r);
    const step1 = values(r, 0);
    expectClose(step1, [1.19, 1.05, 1.04], 2);
    expect(values(r, 1)).toEqual(step1);
    expect(values(r, 2)).toEqual([1, 1, 1]);
    expect(values(r, 3)).toEqual([1, 1, 1]);
    expect(r.done?.leakedTensors).toBe(0);
  });

  it('training-layer: new noise at each training step, identity at inference, settings in the config', async () => {
    const r = await runSnippetFile('training-layer', lang);
    expectOk(r);
    expectLabelsResolved(r);
    expectClose(values(r, 0), [0.93, 0.9, 1.01], 2);
    expectClose(values(r, 1), [1.07, 0.98, 1.16], 2);
    expect(values(r, 1)).not.toEqual(values(r, 0));
    expect(values(r, 2)).toEqual([1, 1, 1]);
    expect(json(r, 3)).toEqual({ name: 'noise', trainable: true, stddev: 0.1, seed: 42 });
    expect(r.done?.leakedTensors).toBe(0);
  });
});
