// @vitest-environment happy-dom
/**
 * The signature help opens when `(` is typed, in an editor update of its own just after the
 * keystroke's: the keystroke's own update puts the character on screen without building and
 * laying out the tooltip.
 */
import { javascript } from '@codemirror/lang-javascript';
import { EditorView } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { apiIndex } from '../../src/snippet/editor/context';
import { assistSay } from '../../src/snippet/editor/labels';
import { closeSignature, signatureHelp } from '../../src/snippet/editor/signatures';
import { index } from './helpers';

function editor(doc: string): EditorView {
  const view = new EditorView({ doc, extensions: [javascript(), apiIndex.of(index()), signatureHelp(assistSay('en'))] });
  document.body.append(view.dom);
  return view;
}

/** Types `text` one key at a time, as a reader does. */
const type = (view: EditorView, text: string): void => {
  for (const key of text) {
    const at = view.state.selection.main.head;
    view.dispatch({ changes: { from: at, insert: key }, selection: { anchor: at + 1 }, userEvent: 'input.type' });
  }
};

const help = (view: EditorView): Element | null => view.dom.querySelector('.cm-tfjs-signature-help');
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));

describe('signature help while typing', () => {
  it('opens on `(` a task after the keystroke, the first parameter marked', async () => {
    const view = editor('const layer = tf.layers.dense');
    view.dispatch({ selection: { anchor: view.state.doc.length } });
    type(view, '(');
    expect(help(view)).toBeNull();
    await nextTask();
    expect(help(view)?.textContent).toContain('dense(');
    expect(help(view)?.querySelector('.cm-tfjs-active')?.textContent).toMatch(/^args/);
    view.destroy();
  });

  it('does not open when the cursor has left the call by then, nor reopen once closed', async () => {
    const view = editor('const layer = tf.layers.dense');
    view.dispatch({ selection: { anchor: view.state.doc.length } });
    type(view, '(');
    type(view, ');');
    await nextTask();
    expect(help(view)).toBeNull();
    type(view, '\nconst x = tf.ones(');
    await nextTask();
    expect(help(view)).not.toBeNull();
    expect(closeSignature(view)).toBe(true);
    await nextTask();
    expect(help(view)).toBeNull();
    view.destroy();
  });
});
