import { describe, expect, it } from 'vitest';
import { RunAnnouncer } from '../../src/snippet/island/announce';
import type { RunEvent, TensorData } from '../../src/snippet/protocol';
import { doneEvent } from '../helpers/done';

const big: TensorData = {
  kind: 'tensor',
  dtype: 'float32',
  shape: [1000, 1000],
  size: 1e6,
  values: Array(1000).fill(0.5),
  truncated: true,
  min: 0.5,
  max: 0.5,
};
const done = (leakedTensors: number): RunEvent => doneEvent({ durationMs: 3, leakedTensors });

describe('what a screen reader hears after a run', () => {
  it('a tensor by dtype and shape, never its values', () => {
    const a = new RunAnnouncer('en', null);
    a.add({ type: 'show', runId: 1, label: 'big', data: big });
    a.add(done(1));
    const text = a.text();
    expect(text).toBe('1 result: big: Tensor float32, shape 1000×1000. 1 tensor still allocated after the run.');
    expect(text).not.toContain('0.5');
  });

  it('a flood in a sentence: a few results, then a count; the console as a number of lines', () => {
    const a = new RunAnnouncer('fr', null);
    for (let i = 0; i < 200; i++) a.add({ type: 'show', runId: 1, label: null, data: { kind: 'number', value: i } });
    for (let i = 0; i < 500; i++) a.add({ type: 'log', runId: 1, level: 'log', text: `line ${i}` });
    a.add({ type: 'dropped', runId: 1, shows: 9800, logs: 999_500 });
    a.add(done(0));
    const text = a.text();
    expect(text).toContain('10\u202f000 résultats\u00a0: Valeur 0\u202f; Valeur 1\u202f; Valeur 2\u202f; et 9\u202f997 de plus');
    expect(text).toContain('1\u202f000\u202f000 lignes de console');
    expect(text.length).toBeLessThan(300);
  });

  it('why a request failed, once, before the error it causes', () => {
    const a = new RunAnnouncer('en', null);
    for (const url of ['https://a.example/', 'https://b.example/']) a.add({ type: 'blocked', runId: 1, directive: 'connect-src', url });
    a.add({ type: 'error', runId: 1, error: { name: 'TypeError', message: 'Failed to fetch', location: null, origin: 'runtime' } });
    expect(a.text()).toBe(
      'The site’s security policy (connect-src) refused https://a.example/. A snippet can only reach this site. Error: TypeError, Failed to fetch.',
    );
    a.reset();
    expect(a.text()).toBe('No output.');
  });

  it('the error with its line, and a single console line as it is', () => {
    const a = new RunAnnouncer('en', null);
    a.add({ type: 'log', runId: 1, level: 'log', text: 'ran 42' });
    a.add({
      type: 'error',
      runId: 1,
      error: { name: 'TypeError', message: 'x is not a function\n    at stack', location: { line: 3, column: 1 }, origin: 'runtime' },
    });
    expect(a.text()).toBe('Error: TypeError, x is not a function, line 3. Console: ran 42.');
    a.reset();
    expect(a.text()).toBe('No output.');
  });
});
