import { describe, expect, test } from 'vitest';
import { runSnippetCode, runSnippetFile } from '../../src/snippet/node/run';

const REGISTER = `
class Doubler extends tf.layers.Layer {
  static className = 'Doubler';
  call(x) { return tf.mul(x, 2); }
}
tf.serialization.registerClass(Doubler);
const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] }), new Doubler({})] });
const copy = await tf.models.modelFromJSON(model.toJSON(null, false));
show(copy.layers.map((l) => l.getClassName() + ' ' + l.name));`;

describe('each run gets a fresh tfjs', () => {
  test('two runs can register the same class name and count layers from 1', async () => {
    const first = await runSnippetCode(REGISTER);
    const second = await runSnippetCode(REGISTER);
    for (const result of [first, second]) {
      expect(result.errors).toEqual([]);
      expect(result.done?.ok).toBe(true);
    }
    // Same names in both runs: the second did not inherit the first one's counters.
    expect(second.shows).toEqual(first.shows);
    expect(second.shows[0]!.data).toMatchObject({ kind: 'json', value: ['Dense dense_Dense1', 'Doubler doubler_Doubler1'] });
  });

  test('the real Lambda is registered and usable', async () => {
    const result = await runSnippetCode(`show(new Lambda({ fn: (x) => x.square() }).apply(tf.tensor1d([1, 2, 3])));`);
    expect(result.shows[0]!.data).toMatchObject({ kind: 'tensor', values: [1, 4, 9] });
    expect(result.done).toMatchObject({ ok: true, backend: 'cpu', leakedTensors: 2 });
  });
});

describe('what only a separate thread can do', () => {
  test('a run over its time limit is stopped, even in a busy loop', async () => {
    const started = Date.now();
    const result = await runSnippetCode(`show('before'); while (true) {}`, { timeoutMs: 300 });
    expect(result.timedOut).toBe(true);
    expect(result.done).toBeNull();
    expect(result.shows).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('a run that awaits forever ends as timed out', async () => {
    const result = await runSnippetCode(`await new Promise(() => {});`);
    expect(result).toMatchObject({ timedOut: true, done: null });
  });

  test('errors thrown later by timers and rejections arrive with origin async', async () => {
    const result = await runSnippetCode(`
setTimeout(() => {
  null.late;
}, 5);
Promise.reject(new RangeError('nobody waited'));
show('done');`);
    expect(result.done?.ok).toBe(true);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        {
          name: 'TypeError',
          message: "Cannot read properties of null (reading 'late')",
          location: { line: 3, column: 8 },
          origin: 'async',
        },
        expect.objectContaining({ name: 'RangeError', message: 'nobody waited', origin: 'async', location: { line: 5, column: 16 } }),
      ]),
    );
  });
});

/** A label of content/snippets/overview-first.js, in each language (its ⟦Lambda output|sortie de la Lambda⟧). */
const LABEL = { en: 'Lambda output', fr: 'sortie de la Lambda' };

test('runSnippetFile runs a content snippet in the chosen language', async () => {
  const [en, fr] = await Promise.all([runSnippetFile('overview-first', 'en'), runSnippetFile('overview-first', 'fr')]);
  for (const result of [en, fr]) {
    expect(result.events[0]).toEqual({ type: 'started', runId: 1, backend: 'cpu' });
    expect(result.done?.ok).toBe(true);
    expect(result.tfVersion).toMatch(/^\d+\.\d+\.\d+$/);
  }
  // Same values, labels in each language: the French run is not the English one.
  expect(fr.shows.map((s) => s.data)).toEqual(en.shows.map((s) => s.data));
  const labels = (r: typeof en) => r.shows.map((s) => s.label);
  expect(labels(fr)).not.toEqual(labels(en));
  expect(labels(en)).toContain(LABEL.en);
  expect(labels(fr)).toContain(LABEL.fr);
});
