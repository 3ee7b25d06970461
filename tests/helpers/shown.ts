/**
 * Reading what a snippet run showed, for the tests that check the figures the pages quote.
 * Each accessor throws with the run's labels when the show is missing or of another kind,
 * so a failing check says what the snippet did show.
 */
import { expect } from 'vitest';
import type { Lang } from '../../src/i18n/locales';
import type { JsonValue, LayerData, ModelData, ShownData, TensorData, WeightData } from '../../src/snippet/protocol';
import type { RunResult } from '../../src/snippet/node/run';
import { readSnippet } from '../../src/collection/files';

/** The data of the run's show number `index` (0-based, in call order). */
function shown(run: RunResult, index: number): ShownData {
  const item = run.shows[index];
  if (!item) throw new Error(`show #${index} is missing; shows: ${run.shows.map((s) => s.label).join(' | ') || '(none)'}`);
  return item.data;
}

function ofKind<K extends ShownData['kind']>(run: RunResult, index: number, kind: K): Extract<ShownData, { kind: K }> {
  const data = shown(run, index);
  if (data.kind !== kind) throw new Error(`show #${index} (${run.shows[index]!.label}) is ${data.kind}, not ${kind}`);
  return data as Extract<ShownData, { kind: K }>;
}

const tensor = (run: RunResult, index: number): TensorData => ofKind(run, index, 'tensor');
export const layer = (run: RunResult, index: number): LayerData => ofKind(run, index, 'layer');
export const model = (run: RunResult, index: number): ModelData => ofKind(run, index, 'model');
export const json = (run: RunResult, index: number): JsonValue => ofKind(run, index, 'json').value;
export const num = (run: RunResult, index: number): number => ofKind(run, index, 'number').value;
export const text = (run: RunResult, index: number): string => ofKind(run, index, 'text').text;

/** A shown tensor's values, as numbers. */
export function values(run: RunResult, index: number): number[] {
  return tensor(run, index).values.map(Number);
}

/** A JSON array of numbers. */
export function numbers(value: JsonValue): number[] {
  if (!Array.isArray(value)) throw new Error(`not an array: ${JSON.stringify(value)}`);
  return value.map(Number);
}

/** One weight of a shown layer, by its full name ("affine/a"). */
export function weight(l: LayerData, name: string): WeightData {
  const w = l.weights.find((x) => x.name === name);
  if (!w) throw new Error(`${l.name} has no weight ${name} (has ${l.weights.map((x) => x.name).join(', ') || 'none'})`);
  return w;
}

export function weightValues(l: LayerData, name: string): number[] {
  return weight(l, name).values.values.map(Number);
}

/** A layer of a shown model, by name. */
export function modelLayer(m: ModelData, name: string): LayerData {
  const l = m.layers.find((x) => x.name === name);
  if (!l) throw new Error(`${m.name} has no layer ${name} (has ${m.layers.map((x) => x.name).join(', ')})`);
  return l;
}

/** Element-wise toBeCloseTo, same length. */
export function closeTo(actual: readonly number[], expected: readonly number[], digits = 5): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a, `[${i}]`).toBeCloseTo(expected[i]!, digits));
}

/** A run that must succeed, whatever it leaves behind. */
export function ok(run: RunResult): void {
  expect(run.timedOut, 'timed out').toBe(false);
  expect(run.errors, 'no error').toEqual([]);
  expect(run.done?.ok).toBe(true);
}

/** A run that must succeed and leave nothing behind but layer weights. */
export function clean(run: RunResult): void {
  ok(run);
  expect(run.done!.leakedTensors - run.done!.leakedVariables, 'tensors leaked besides weights').toBe(0);
}

/** A run that must fail with its `@expect-error` text, once; returns the message. */
export function failsAsAnnounced(run: RunResult, id: string, lang: Lang = 'en'): string {
  const { expectError } = readSnippet(id, lang);
  expect(expectError, `${id} has no @expect-error`).not.toBeNull();
  expect(run.timedOut, 'timed out').toBe(false);
  expect(run.done?.ok).toBe(false);
  expect(run.errors).toHaveLength(1);
  expect(run.errors[0]!.message).toContain(expectError!);
  return run.errors[0]!.message;
}
