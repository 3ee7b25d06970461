/**
 * The editor's tfjs help, in each engine, as a reader uses it from the keyboard and the pointer:
 * completions with their documentation, signature help, documentation on hover and with Ctrl+I,
 * syntax errors marked before any Run, and Escape then Tab still leaving the editor.
 */
import { expect, test } from './fixtures';
import { clickCode, hydrated } from './snippet';
import { waitFor, type Tab } from './tab';

const PLAYGROUND = '/en/playground/';
const ID = 'playground';
const EDITOR = `[data-snippet="${ID}"] .cm-editor`;

/** Focuses the playground's editor, waits for its help to load, and empties it. */
async function emptyEditor(tab: Tab, path = PLAYGROUND): Promise<void> {
  await tab.goto(path);
  await clickCode(tab, ID);
  await hydrated(tab, ID);
  await tab.click(`${EDITOR} .cm-content`);
  await waitFor(tab, (sel: string) => document.querySelector(sel)?.hasAttribute('data-assist'), [EDITOR], { message: 'the editor’s help' });
  await tab.press('Control+a');
  await tab.press('Delete');
}

function editorText(tab: Tab): Promise<string> {
  return tab.evaluate(
    (sel: string) => Array.from(document.querySelectorAll(`${sel} .cm-line`), (l) => l.textContent ?? '').join('\n'),
    EDITOR,
  );
}

/** Keeps what the editor announces to screen readers (CodeMirror clears its live region after 200 ms). */
async function recordAnnouncements(tab: Tab): Promise<void> {
  await tab.evaluate((sel: string) => {
    const heard: string[] = [];
    Object.assign(window, { heardAnnouncements: heard });
    new MutationObserver(() => heard.push(document.querySelector(`${sel} .cm-announced`)?.textContent ?? '')).observe(
      document.querySelector(`${sel} .cm-announced`)!,
      { childList: true, subtree: true, characterData: true },
    );
  }, EDITOR);
}

/** Waits until `text` has been announced since recordAnnouncements. */
async function heard(tab: Tab, text: string): Promise<void> {
  await waitFor(tab, (t: string) => (window as unknown as { heardAnnouncements: string[] }).heardAnnouncements.includes(t), [text], {
    message: `the announcement “${text}”`,
  });
}

test('typing tf.layers.de offers dense with its documentation, and Enter inserts it', async ({ tab }) => {
  await emptyEditor(tab);
  await tab.type('tf.layers.de');
  const list = await waitFor(
    tab,
    (sel: string) => {
      const options = Array.from(document.querySelectorAll(`${sel} .cm-tooltip-autocomplete [role="option"]`));
      // A list opened on an earlier keystroke (after `tf.`) may still be showing: wait for this one.
      return options[0]?.textContent?.startsWith('de')
        ? options.map((o) => ({ text: o.textContent ?? '', selected: o.getAttribute('aria-selected') === 'true' }))
        : null;
    },
    [EDITOR],
    { message: 'the completion list for tf.layers.de' },
  );
  expect(list[0]).toMatchObject({ selected: true });
  expect(list[0]!.text).toMatch(/^dense\s*function/);
  // Screen readers: the list is a named listbox the code area points at, the selection is described by its documentation.
  const aria = await waitFor(
    tab,
    (sel: string) => {
      const content = document.querySelector(`${sel} .cm-content`)!;
      const selected = document.getElementById(content.getAttribute('aria-activedescendant') ?? '');
      const info = document.getElementById(selected?.getAttribute('aria-describedby') ?? '');
      const listbox = document.querySelector(`${sel} [role="listbox"]`);
      return info?.textContent
        ? {
            autocomplete: content.getAttribute('aria-autocomplete'),
            label: listbox?.getAttribute('aria-label'),
            info: info.textContent,
            href: info.querySelector('a')?.getAttribute('href'),
          }
        : null;
    },
    [EDITOR],
    { message: 'the documentation of the selected completion' },
  );
  expect(aria).toMatchObject({ autocomplete: 'list', label: 'Completions', href: 'https://js.tensorflow.org/api/latest/#layers.dense' });
  expect(aria.info).toContain('Creates a dense (fully connected) layer.');
  expect(aria.info).toContain('dense(args: DenseLayerArgs): Dense');
  // CodeMirror ignores keys on a list updated less than 75 ms ago (so that a fast typist's Enter is a new line).
  await new Promise((resolve) => setTimeout(resolve, 200));
  await tab.press('Enter');
  await waitFor(tab, (sel: string) => document.querySelector(`${sel} .cm-line`)?.textContent === 'tf.layers.dense', [EDITOR], {
    message: 'dense inserted',
  });
  expect(await tab.evaluate((sel: string) => document.querySelector(`${sel} .cm-tooltip-autocomplete`) === null, EDITOR)).toBe(true);
});

test('typing this.addWeight( in a Layer subclass shows its signature, the first parameter marked', async ({ tab }) => {
  await emptyEditor(tab);
  await recordAnnouncements(tab);
  await tab.type('class Scale extends tf.layers.Layer { build() { this.addWeight(');
  const help = await waitFor(
    tab,
    (sel: string) => {
      const tip = document.querySelector(`${sel} .cm-tfjs-signature-help`);
      return tip ? { text: tip.textContent ?? '', active: tip.querySelector('.cm-tfjs-active')?.textContent ?? '' } : null;
    },
    [EDITOR],
    { message: 'the signature help' },
  );
  expect(help.text).toContain('addWeight(name, shape, dtype?, initializer?, regularizer?, trainable?');
  expect(help.active).toBe('name');
  // Screen readers hear the parameter as it changes (just after the keystroke, in a task of its own).
  await heard(tab, 'addWeight, parameter 1 of 8: name');
  // Further arguments move the mark: the sixth is `trainable`.
  await tab.type("'w', [1], 'float32', undefined, undefined, ");
  await waitFor(tab, (sel: string) => document.querySelector(`${sel} .cm-tfjs-active`)?.textContent === 'trainable?', [EDITOR], {
    message: 'trainable marked',
  });
  await heard(tab, 'addWeight, parameter 6 of 8: trainable?');
  // Escape closes it, and Tab then leaves the editor, as the hint says.
  await tab.press('Escape');
  await waitFor(tab, (sel: string) => document.querySelector(`${sel} .cm-tfjs-signature-help`) === null, [EDITOR], {
    message: 'the signature help closed',
  });
  await tab.press('Tab');
  await waitFor(tab, (sel: string) => !document.querySelector(sel)?.contains(document.activeElement), [EDITOR], {
    message: 'focus out of the editor',
  });
  expect(await editorText(tab)).not.toContain('\t');
});

test('hovering tf.matMul shows its documentation and a link to the reference; Ctrl+I does the same from the keyboard', async ({ tab }) => {
  await emptyEditor(tab);
  await tab.type('const y = tf.matMul(a, b);');
  await tab.press('Escape');
  // The token is marked for the pointer to find it (CodeMirror draws each token as a span).
  await waitFor(
    tab,
    (sel: string) => {
      const span = Array.from(document.querySelectorAll(`${sel} .cm-line span`)).find((s) => s.textContent === 'matMul');
      span?.setAttribute('data-test-hover', '');
      return span !== undefined;
    },
    [EDITOR],
    { message: 'the matMul token' },
  );
  await tab.hover('[data-test-hover]');
  const docs = await waitFor(
    tab,
    (sel: string) => {
      const tip = document.querySelector(`${sel} .cm-tfjs-tooltip`);
      return tip
        ? { text: tip.textContent ?? '', href: tip.querySelector('a')?.getAttribute('href') ?? '', label: tip.getAttribute('aria-label') }
        : null;
    },
    [EDITOR],
    { message: 'the hover documentation' },
  );
  expect(docs.text).toContain('Computes the dot product of two matrices');
  expect(docs.text).toContain('matMul(a, b, transposeA?, transposeB?): Tensor');
  expect(docs).toMatchObject({ href: 'https://js.tensorflow.org/api/latest/#matMul', label: 'Documentation' });

  // The keyboard: with the cursor at the end of `tf.matMul`, Ctrl+I shows its documentation, and again reaches the link.
  await tab.click(`${EDITOR} .cm-content`);
  await tab.press('Control+a');
  await tab.press('Delete');
  await tab.type('tf.matMul');
  await tab.press('Escape');
  await tab.press('Control+i');
  await waitFor(tab, (sel: string) => document.querySelector(`${sel} .cm-tfjs-tooltip`)?.textContent?.includes('dot product'), [EDITOR], {
    message: 'Ctrl+I documentation',
  });
  await tab.press('Control+i');
  await waitFor(tab, () => document.activeElement?.getAttribute('href') === 'https://js.tensorflow.org/api/latest/#matMul', [], {
    message: 'focus on the link',
  });
  await tab.press('Escape');
  await waitFor(
    tab,
    (sel: string) => document.activeElement?.closest(sel) !== null && document.querySelector(`${sel} .cm-tfjs-tooltip`) === null,
    [EDITOR],
    {
      message: 'back in the code, tooltip closed',
    },
  );
});

test('typing const x = ; marks line 1 as a syntax error before any Run', async ({ tab }) => {
  await emptyEditor(tab);
  await recordAnnouncements(tab);
  await tab.type('const x = ;');
  const marked = await waitFor(
    tab,
    (sel: string) => {
      const lines = Array.from(document.querySelectorAll(`${sel} .cm-line`));
      const numbers = lines.map((line, i) => (line.classList.contains('cm-syntax-error-line') ? i + 1 : 0)).filter((n) => n > 0);
      return numbers.length > 0
        ? {
            numbers,
            token: document.querySelector(`${sel} .cm-syntax-error-token`)?.textContent,
            gutter: document.querySelector(`${sel} .cm-syntax-error-gutter`)?.textContent,
          }
        : null;
    },
    [EDITOR],
    { message: 'the syntax error mark' },
  );
  expect(marked).toEqual({ numbers: [1], token: ';', gutter: '1' });
  expect(await tab.evaluate((id: string) => document.querySelector<HTMLElement>(`[data-snippet="${id}"]`)?.dataset.state, ID)).toBe('idle');
  // Heard by screen readers, in the words the tooltip shows.
  await heard(tab, 'Syntax error on line 1: Unexpected “;”');
  // Fixing the line clears the mark, for good.
  await tab.press('Backspace');
  await tab.type('1;');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(await tab.evaluate((sel: string) => document.querySelector(`${sel} .cm-syntax-error-line`) === null, EDITOR)).toBe(true);
});

test('typed text lands once where the cursor is: brackets close and are stepped over, a selection is replaced, undo works', async ({
  tab,
}) => {
  await emptyEditor(tab);
  // Chromium and Firefox: the editor inserts typed characters itself (./typed-text.ts) and the
  // browser's own edit, which would fire an input event, never happens. WebKit: the browser edits.
  await tab.evaluate(() => {
    const edits: string[] = [];
    Object.assign(window, { browserEdits: edits });
    document.addEventListener('input', (event) => edits.push((event as InputEvent).inputType), true);
  });
  const browserEdits = (): Promise<string[]> => tab.evaluate(() => (window as unknown as { browserEdits: string[] }).browserEdits);
  await tab.type('x = (1');
  expect(await editorText(tab)).toBe('x = (1)');
  await tab.press('Shift+ArrowLeft');
  await tab.type('2');
  await tab.type(');');
  expect(await editorText(tab)).toBe('x = (2);');
  if (tab.engine === 'webkit') expect((await browserEdits()).length).toBeGreaterThan(3);
  else expect(await browserEdits()).toEqual([]);
  await tab.press('Control+z');
  expect(['', 'x = (1)', 'x = (1);', 'x = (2)']).toContain(await editorText(tab));
  // At the test driver's full speed, no key lost and none doubled, brackets and quotes included.
  await tab.press('Control+a');
  await tab.press('Delete');
  const line = "const probe = tf.layers.dense({ units: [4, (2)][0], activation: 'relu' }); // {[('x')]}";
  await tab.type(line);
  expect(await editorText(tab)).toBe(line);
  // A key the browser edits itself among typed ones (a dead key's accent, an input method's text)
  // goes in at the cursor too.
  await tab.press('Control+a');
  await tab.press('Delete');
  await tab.type('dense({ units');
  await tab.evaluate(() =>
    window.addEventListener('beforeinput', (event) => event.stopImmediatePropagation(), { capture: true, once: true }),
  );
  await tab.type('QZ');
  expect(await editorText(tab)).toBe('dense({ unitsQZ})');
});

test('on a French page, the help’s labels are French and the documentation tfjs’ English', async ({ tab }) => {
  await emptyEditor(tab, '/fr/playground/');
  await tab.type('tf.layers.de');
  const seen = await waitFor(
    tab,
    (sel: string) => {
      const option = document.querySelector(`${sel} [role="option"][aria-selected="true"]`);
      const info = document.getElementById(option?.getAttribute('aria-describedby') ?? '');
      // A list opened on an earlier keystroke (after `tf`) may still be showing: wait for this one.
      return option?.textContent?.startsWith('de') && info?.textContent
        ? {
            label: document.querySelector(`${sel} [role="listbox"]`)?.getAttribute('aria-label'),
            option: option.textContent,
            info: info.textContent,
          }
        : null;
    },
    [EDITOR],
    { message: 'the completion list for tf.layers.de' },
  );
  expect(seen.label).toBe('Suggestions');
  expect(seen.option).toMatch(/^dense\s*fonction/);
  expect(seen.info).toContain('Creates a dense (fully connected) layer.');
  expect(seen.info).toContain('Ouvrir dans la référence de l’API TensorFlow.js');
});
