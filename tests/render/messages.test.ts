// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderBlocked, renderDone, renderDropped, renderError, renderLog, type DoneData } from '../../src/snippet/render';
import { text } from './fixtures';
import { doneEvent } from '../helpers/done';

describe('console lines', () => {
  it('keeps the level and prints text only', () => {
    const el = renderLog('warn', '<script>alert(1)</script>', 'fr');
    expect(el.getAttribute('data-log')).not.toBeNull();
    expect(el.getAttribute('data-level')).toBe('warn');
    expect(el.querySelector('script')).toBeNull();
    expect(text(el)).toBe('avertissement <script>alert(1)</script>');
    expect(text(renderLog('log', 'hello'))).toBe('hello');
  });
});

describe('a request the worker’s policy refused', () => {
  it('says which directive refused what, in the page’s language, as text', () => {
    const el = renderBlocked('connect-src', 'https://example.com/<b>x</b>', 'en');
    expect(el.getAttribute('data-blocked')).not.toBeNull();
    expect(el.querySelector('b')).toBeNull();
    expect(text(el)).toBe(
      'blocked The site’s security policy (connect-src) refused https://example.com/<b>x</b>. A snippet can only reach this site.',
    );
    // A data: or blob: URL is named by its scheme alone.
    expect(text(renderBlocked('script-src-elem', 'data', 'en'))).toBe(
      'blocked The site’s security policy (script-src-elem) refused a data: URL. A snippet can only reach this site.',
    );
    expect(text(renderBlocked('script-src-elem', 'data', 'fr'))).toBe(
      'bloqué La politique de sécurité du site (script-src-elem) a refusé une URL data:. Un extrait ne peut joindre que ce site.',
    );
  });
});

describe('errors', () => {
  const error = {
    name: 'ValueError',
    message: 'Input 0 is incompatible with layer dense_1',
    location: { line: 3, column: 7 },
    origin: 'runtime',
  } as const;

  it('shows name, message and line/column, with data-line', () => {
    const el = renderError(error, 'en', { expected: false });
    expect(el.getAttribute('data-line')).toBe('3');
    expect(text(el)).toContain('Error ValueError · line 3, column 7');
    expect(el.querySelector('pre')?.textContent).toBe(error.message);
  });

  it('presents an expected error as the lesson, in French', () => {
    const el = renderError(error, 'fr', { expected: true });
    expect(el.getAttribute('data-expected')).toBe('true');
    expect(text(el)).toContain('Erreur attendue');
    expect(text(el)).toContain('ligne 3, colonne 7');
    expect(text(el)).toContain('Cet extrait est censé échouer\u00a0:');
  });

  it('explains an allocation the browser refused', () => {
    const el = renderError(
      { name: 'RangeError', message: 'Invalid typed array length: 10000000000', location: { line: 1, column: 4 }, origin: 'runtime' },
      'en',
      { expected: false },
    );
    expect(el.querySelector('[data-out-of-memory]')?.textContent).toMatch(/^Out of memory/);
    const fr = renderError({ name: 'RangeError', message: 'Array buffer allocation failed', location: null, origin: 'runtime' }, 'fr', {
      expected: false,
    });
    expect(fr.querySelector('[data-out-of-memory]')?.textContent).toMatch(/^Mémoire insuffisante/);
    expect(
      renderError({ name: 'RangeError', message: 'Maximum call stack size exceeded', location: null, origin: 'runtime' }, 'en', {
        expected: false,
      }).querySelector('[data-out-of-memory]'),
    ).toBeNull();
  });

  it('has no data-line when the location is unknown, and names thrown values', () => {
    const el = renderError({ name: 'Thrown', message: '42', location: null, origin: 'async' }, 'en', { expected: false });
    expect(el.hasAttribute('data-line')).toBe(false);
    expect(text(el)).toContain('Thrown value');
    expect(text(el)).toContain('after the main code had finished');
  });
});

describe('end of run', () => {
  const NONE: DoneData = doneEvent();

  it('holds the leak count alone in [data-leaked-tensors] and explains it', () => {
    const el = renderDone({ ...NONE, durationMs: 42.4, leakedTensors: 3, leakedVariables: 2, layerVariables: 2 }, 'en');
    expect(el.querySelector('[data-leaked-tensors]')?.textContent).toBe('3');
    expect(text(el)).toContain('Ran in 42\u00a0ms on CPU');
    expect(text(el)).toContain('3 tensors still allocated after the run (of them: 2 layer weights)');
    expect(text(el)).toContain('tf.tidy()');
  });

  it('does not call an optimizer’s state a leak', () => {
    // model.fit with 'sgd': kernel and bias, plus the optimizer's learning-rate scalar.
    const el = renderDone({ ...NONE, leakedTensors: 3, leakedVariables: 2, optimizerTensors: 1, layerVariables: 2 }, 'en');
    expect(text(el)).toContain('3 tensors still allocated after the run (of them: 2 layer weights, 1 held by an optimizer)');
    expect(el.querySelector('[data-optimizer-note]')?.textContent).toContain('optimizer.dispose()');
    expect(el.querySelector('[data-leak-hint]')).toBeNull();
    expect(text(el)).not.toContain('tf.tidy()');
    // Adam: its moments are variables, not layer weights.
    const adam = renderDone(
      { ...NONE, leakedTensors: 9, leakedVariables: 8, optimizerTensors: 6, optimizerVariables: 6, layerVariables: 2 },
      'fr',
    );
    expect(text(adam)).toContain('9 tenseurs encore alloués après l’exécution (dont 2 poids de couche, 6 détenus par un optimiseur)');
    expect(adam.querySelector('[data-leak-hint]')?.textContent).toContain('ni l’état d’un optimiseur');
  });

  it('speaks French with French numbers and plurals', () => {
    const el = renderDone({ ...NONE, durationMs: 1534, leakedTensors: 1, leakedVariables: 1, layerVariables: 1, backend: 'wasm' }, 'fr');
    const [ran, leak] = [...el.querySelectorAll('p')].map(text);
    // Intl picks the space before the unit (a narrow or plain no-break space, by ICU version).
    expect(ran).toMatch(/^Exécuté en 1,5[\u00a0\u202f]s sur WebAssembly$/);
    expect(leak).toBe('1 tenseur encore alloué après l’exécution (dont 1 poids de couche)');
    expect(el.querySelector('[data-leak-hint]')).toBeNull();
    expect(text(el)).not.toContain('tf.tidy()');
    const none = renderDone(NONE, 'en');
    expect(none.querySelector('[data-leaked-tensors]')?.textContent).toBe('0');
  });

  it('does not call a variable that no layer owns a layer weight (the State page’s captured variable)', () => {
    const el = renderDone({ ...NONE, leakedTensors: 1, leakedVariables: 1 }, 'en');
    expect(text(el)).toContain('1 tensor still allocated after the run (of them: 1 variable that no layer owns)');
    expect(text(el)).not.toContain('layer weight');
    expect(el.querySelector('[data-unowned-note]')?.textContent).toContain('fit does not train it');
    expect(el.querySelector('[data-leak-hint]')).toBeNull();
    const fr = renderDone({ ...NONE, leakedTensors: 2, leakedVariables: 2, layerVariables: 1 }, 'fr');
    expect(text(fr)).toContain('(dont 1 poids de couche, 1 variable qu’aucune couche ne possède)');
  });

  it('at build time, says nothing of a duration: the reader’s machine is not the build’s', () => {
    const el = renderDone({ ...NONE, durationMs: 42 }, 'en', { duration: false });
    expect(text(el)).not.toContain('Ran in');
    expect(el.querySelector('[data-leaked-tensors]')?.textContent).toBe('0');
  });

  it('says how much output was dropped', () => {
    expect(text(renderDropped(0, 999_500, 'en'))).toBe('… 999,500 more lines not shown');
    expect(text(renderDropped(9_800, 1, 'fr'))).toBe('… 9\u202f800 résultats de plus non affichés · … 1 ligne de plus non affichée');
  });
});
