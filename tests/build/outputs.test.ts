// @vitest-environment happy-dom
/**
 * The output rendered into the page at build time is the DOM the live output draws, for every
 * kind of output; and a snippet that does not end as it declares fails the build by name.
 */
import { describe, expect, test } from 'vitest';
import { builtOutput, renderOutputHtml } from '../../src/build/outputs';
import { OutputView } from '../../src/snippet/island/output';
import { runSnippetCode, type RunResult } from '../../src/snippet/node/run';
import type { RunEvent } from '../../src/snippet/protocol';
import { parseSnippet } from '../../src/snippet/source';

/** Every kind of output a snippet can have: tensor, layer, model, text, JSON, console, fit, a leak. */
const EVERYTHING = `
const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones', name: 'd' })] });
show(tf.tensor2d([[1, 2], [3, 4]]), 'a matrix');
show(model.layers[0], 'a layer');
model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
await model.fit(tf.ones([4, 3]), tf.zeros([4, 2]), { epochs: 3, shuffle: false });
show(model, 'a model');
show('text'); show({ a: [1, 2] }); show(42);
console.log('a line'); console.warn('careful');
tf.ones([2]);`;

/** The live output of the same run: events pushed into the island's OutputView, all painted. */
function live(result: RunResult, expectError: string | null): HTMLElement {
  const element = document.createElement('div');
  const view = new OutputView(element, 'en', expectError, { frame: (f) => f(), now: () => 0 });
  for (const event of result.events) view.push(event as RunEvent);
  view.flushAll();
  return element.querySelector('[data-output-items]')!;
}

/** The built output, parsed back, without what only it has (the note that it was built). */
function built(result: RunResult, expectError: string | null): HTMLElement {
  const holder = document.createElement('div');
  holder.innerHTML = renderOutputHtml({ lang: 'en', expectError }, result);
  const items = holder.querySelector<HTMLElement>('[data-output-items]')!;
  expect(items.querySelector('[data-built-note]')?.textContent).toMatch(/^Output from the site’s build \(TensorFlow.js 4\.\d+\.\d+, CPU\)/);
  items.querySelector('[data-built-note]')!.remove();
  return items;
}

/** The live footer says how long the run took on the reader's machine; the built one does not. */
function withoutDuration(items: HTMLElement): string {
  const copy = items.cloneNode(true) as HTMLElement;
  for (const p of copy.querySelectorAll('[data-done] > p:not([class])')) p.remove();
  return copy.outerHTML;
}

describe('built output', () => {
  test('is the DOM the live output draws, for every kind of output', async () => {
    const result = await runSnippetCode(EVERYTHING);
    expect(result.done?.ok).toBe(true);
    const [b, l] = [built(result, null), live(result, null)];
    for (const kind of ['tensor', 'layer', 'model', 'text', 'json', 'number'])
      expect(b.querySelector(`[data-shown="${kind}"]`), kind).not.toBeNull();
    for (const part of ['[data-log]', '[data-fit-progress]', '[data-weights]', '[data-leaked-tensors]'])
      expect(b.querySelector(part), part).not.toBeNull();
    expect(b.querySelector('[data-done]')?.textContent).not.toContain('Ran in');
    expect(l.querySelector('[data-done]')?.textContent).toContain('Ran in');
    expect(b.outerHTML).toBe(withoutDuration(l));
  });

  test('shows a declared error as the lesson, as the live output does', async () => {
    const code =
      'show(1);\nconst m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3] })] });\nm.predict(tf.ones([4, 2]));';
    const result = await runSnippetCode(code);
    const [b, l] = [built(result, 'expected d'), live(result, 'expected d')];
    expect(b.querySelector('[data-error]')?.getAttribute('data-expected')).toBe('true');
    expect(b.querySelector('[data-error]')?.getAttribute('data-line')).toBe('3');
    expect(b.outerHTML).toBe(withoutDuration(l));
  });

  test('fails the build, naming the snippet and the page, when a snippet does not end as it declares', async () => {
    const source = (id: string, raw: string) => parseSnippet(id, raw, 'fr');
    const broken = source('broken', 'show(1);\nnull.boom;');
    await expect(builtOutput({ source: broken, page: '/fr/state/', all: [broken] })).rejects.toThrow(
      /^Snippet broken \(fr\) on \/fr\/state\/: it failed: TypeError: Cannot read properties of null/,
    );
    const quiet = source('quiet', '// @expect-error Unknown layer\nshow(1);');
    await expect(builtOutput({ source: quiet, page: '/fr/serialization/', all: [quiet] })).rejects.toThrow(
      'Snippet quiet (fr) on /fr/serialization/: it declares @expect-error "Unknown layer" but ran without error.',
    );
  });
});
