/**
 * Runs every snippet of the build, shapes, integration, reuse and playground pages, in both
 * languages, through the same runner the page uses, and checks the figures the prose quotes
 * (the <Notice> boxes and the Try-this claims that the snippets themselves show).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../src/i18n/locales';
import type { JsonValue, LayerData, ModelData, ShownData, TensorData } from '../../src/snippet/protocol';
import { loadSnippet, runSnippetFile, type RunResult } from '../helpers/run-snippet';

const PAGES = ['build', 'shapes', 'integration', 'reuse', 'playground'] as const;

// ---------------------------------------------------------------------------
// Reading what a run showed

function shown(run: RunResult, index: number): ShownData {
  const s = run.shows[index];
  if (!s) throw new Error(`show #${index} missing; shows: ${run.shows.map((x) => x.label).join(' | ')}`);
  return s.data;
}

function tensor(run: RunResult, index: number): TensorData {
  const d = shown(run, index);
  if (d.kind !== 'tensor') throw new Error(`show #${index} is ${d.kind}, not a tensor`);
  return d;
}

function values(run: RunResult, index: number): number[] {
  return tensor(run, index).values.map(Number);
}

function num(run: RunResult, index: number): number {
  const d = shown(run, index);
  if (d.kind !== 'number') throw new Error(`show #${index} is ${d.kind}, not a number`);
  return d.value;
}

function json(run: RunResult, index: number): JsonValue {
  const d = shown(run, index);
  if (d.kind !== 'json') throw new Error(`show #${index} is ${d.kind}, not JSON`);
  return d.value;
}

function text(run: RunResult, index: number): string {
  const d = shown(run, index);
  if (d.kind !== 'text') throw new Error(`show #${index} is ${d.kind}, not text`);
  return d.text;
}

function layer(run: RunResult, index: number): LayerData {
  const d = shown(run, index);
  if (d.kind !== 'layer') throw new Error(`show #${index} is ${d.kind}, not a layer`);
  return d;
}

function model(run: RunResult, index: number): ModelData {
  const d = shown(run, index);
  if (d.kind !== 'model') throw new Error(`show #${index} is ${d.kind}, not a model`);
  return d;
}

function numbers(value: JsonValue): number[] {
  if (!Array.isArray(value)) throw new Error(`not an array: ${JSON.stringify(value)}`);
  return value.map(Number);
}

function closeTo(actual: number[], expected: number[], digits = 5): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i]!, digits));
}

/** A run that must succeed: no error, and nothing left behind but layer weights. */
function clean(run: RunResult): void {
  expect(run.errors).toEqual([]);
  expect(run.done?.ok).toBe(true);
  expect(run.done!.leakedTensors - run.done!.leakedVariables, 'tensors leaked besides weights').toBe(0);
}

/** A run that must fail with its `@expect-error` text. */
async function failsAsAnnounced(id: string, lang: Lang, run: RunResult): Promise<string> {
  const { expectError } = await loadSnippet(id, lang);
  expect(expectError).not.toBeNull();
  expect(run.done?.ok).toBe(false);
  expect(run.errors).toHaveLength(1);
  expect(run.errors[0]!.message).toContain(expectError!);
  return run.errors[0]!.message;
}

// ---------------------------------------------------------------------------
// What each snippet must show

type Check = (run: RunResult, lang: Lang) => void | Promise<void>;

const checks: Record<string, Check> = {
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
    closeTo(values(run, 0), [1, 0.75, 0.5, 0.25, 0, 1, 0.75, 0.5, 0.25, 0]);
    expect(num(run, 1)).toBe(3);
    expect(layer(run, 2).weights).toEqual([]);
  },

  'build-once': (run) => {
    clean(run);
    closeTo(values(run, 0), [1, 0.75, 0.5, 0.25, 0, 1, 0.75, 0.5, 0.25, 0]);
    expect(num(run, 1)).toBe(1);
    const fade = layer(run, 2);
    expect(fade.weights).toHaveLength(1);
    expect(fade.weights[0]!.trainable).toBe(false);
    expect(fade.nonTrainableParams).toBe(5);
    expect(fade.trainableParams).toBe(0);
    closeTo(fade.weights[0]!.values.values.map(Number), [1, 0.75, 0.5, 0.25, 0]);
  },

  'shapes-lambda-declare': (run) => {
    clean(run);
    expect(json(run, 0)).toEqual([null, 1]);
    expect(json(run, 1)).toEqual([null, 1]);
    expect(json(run, 2)).toEqual([null, 7]);
    expect(json(run, 3)).toEqual([2, 1]);
  },

  'shapes-lambda-late': async (run, lang) => {
    const message = await failsAsAnnounced('shapes-lambda-late', lang, run);
    expect(message).toContain('Error in matMul: inner shapes (4) and (3) of Tensors with shapes 2,4 and 3,1');
    // The model was built, and said so, before the first batch failed.
    expect(json(run, 0)).toEqual([null, 1]);
    expect(run.logs).toHaveLength(1);
  },

  'shapes-custom-early': async (run, lang) => {
    const message = await failsAsAnnounced('shapes-custom-early', lang, run);
    expect(message).toContain(lang === 'en' ? 'grey expects [batch, 3] (R, G, B), got [null,4]' : 'grey attend [batch, 3] (R, V, B), reçu [null,4]');
    expect(json(run, 0)).toEqual([null, 1]);
    // Stopped at model construction: the line after it never ran.
    expect(run.logs).toEqual([]);
    expect(run.shows).toHaveLength(1);
  },

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
    const w = numbers(json(run, 0));
    closeTo(w, [1.75, 1.9375, 1.984375, 1.99609375, 1.9990234375]);
    expect(num(run, 1)).toBe(0);
    expect(run.fitEpochs).toHaveLength(5);
  },

  'reuse-two-configs': (run) => {
    clean(run);
    closeTo(values(run, 0), [2, 4]);
    closeTo(values(run, 1), [0.5, 1]);
    closeTo(layer(run, 2).weights[0]!.values.values.map(Number), [2, 2]);
    closeTo(layer(run, 3).weights[0]!.values.values.map(Number), [0.5, 0.5]);
    expect(json(run, 4)).toMatchObject({ name: 'halve', init: 0.5 });
    closeTo(values(run, 5), [0.5, 1]);
  },

  'reuse-lambda-closure': (run) => {
    clean(run);
    closeTo(values(run, 0), [2, 4]);
    closeTo(values(run, 1), [0.5, 1]);
    const doubleFn = json(run, 2);
    const halveFn = json(run, 3);
    expect(doubleFn).toEqual(halveFn);
    expect(JSON.stringify(doubleFn)).toContain('(x) => tf.mul(x, k)');
    closeTo(values(run, 4), [3, 6]);
    expect(json(run, 5)).toEqual({ k: 3 });
  },

  'reuse-composite': (run) => {
    clean(run);
    const m = model(run, 0);
    expect(m.trainableParams).toBe(31);
    const block = m.layers.find((l) => l.name === 'block');
    expect(block?.className).toBe('Residual');
    expect(block?.weights.map((w) => w.shape)).toEqual([[3, 4], [4], [4, 3], [3]]);
    expect(json(run, 1)).toEqual({ name: 'block', trainable: true, units: 4 });
  },

  'reuse-shared': (run) => {
    clean(run);
    expect([num(run, 0), num(run, 1), num(run, 2), num(run, 3)]).toEqual([2, 4, 0, 0]);
  },

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
    expect(m.layers.find((l) => l.name === 'quarter')?.weights).toEqual([]);
    const affine = m.layers.find((l) => l.name === 'affine')!;
    const [a, b] = affine.weights.map((w) => Number(w.values.values[0]));
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
};

// ---------------------------------------------------------------------------

function snippetIdsOn(lang: Lang, page: string): string[] {
  const body = readFileSync(`content/${lang}/${page}.mdx`, 'utf8');
  return [...body.matchAll(/<Snippet\s+[^>]*\bid="([^"]+)"/g)].map((m) => m[1]!);
}

describe('part B pages embed exactly the snippets checked here', () => {
  for (const lang of LANGS) {
    it(lang, () => {
      const ids = PAGES.flatMap((page) => snippetIdsOn(lang, page));
      expect([...ids].sort()).toEqual(Object.keys(checks).sort());
    });
  }
});

for (const lang of LANGS) {
  describe.concurrent(`part B snippets (${lang})`, () => {
    for (const [id, check] of Object.entries(checks)) {
      it(id, async () => {
        const run = await runSnippetFile(id, lang);
        expect(run.timedOut).toBe(false);
        await check(run, lang);
      });
    }
  });
}
