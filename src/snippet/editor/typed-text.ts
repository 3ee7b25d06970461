/**
 * A character typed on a keyboard goes into the document from its `beforeinput` event, as the
 * transaction CodeMirror itself would make of it, instead of letting the browser edit the DOM
 * and CodeMirror read that edit back. In Chromium the browser's own edit (with the layout it
 * forces) was a fifth of a keystroke's main-thread time in a 200-line snippet; this way it is
 * done once, by CodeMirror. `npm run bench` compares the two.
 *
 * Only where nothing else can be going on: the text is what the key pressed just before says
 * (so not an input method, a dead key, a virtual keyboard's "Unidentified" key, autocorrect, a
 * paste or a drop), one cursor or selection, no composition, an editable state, and the
 * browser's selection is the editor's. Anything else takes CodeMirror's own path.
 *
 * Not in WebKit (Safari, every iOS browser) nor on Android: all their typing keeps CodeMirror's
 * own path. Once characters have gone in this way, WebKit's next edit of its own (a dead key's
 * accent, an input method's text) goes where its typing began, not at the caret: after `({ `
 * and `units` typed this way, a browser-edited `Q` made `({Q units})`. Android's keyboards keep
 * a model of the text (suggestions, capitals, corrections) that CodeMirror's own path is tuned to.
 */
import type { Extension, Transaction } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

/** WebKit and Android, told apart as CodeMirror does (its `safari` also covers iOS and iPadOS). */
function ownPathOnly(): boolean {
  return /Apple Computer/.test(navigator.vendor) || /Android\b/.test(navigator.userAgent);
}

export function typedText(): Extension {
  if (ownPathOnly()) return [];
  /** The `key` of the last keydown, until its text arrives or the key is released. */
  let pressed: string | null = null;
  return EditorView.domEventHandlers({
    keydown: (event) => {
      pressed = event.isComposing ? null : event.key;
      return false;
    },
    keyup: () => {
      pressed = null;
      return false;
    },
    beforeinput: (event, view) => {
      const key = pressed;
      pressed = null;
      const text = event.data;
      if (event.inputType !== 'insertText' || !text || text !== key || /[\r\n]/.test(text)) return false;
      // CodeMirror runs handlers late while it updates: too late to cancel the browser's edit.
      if (!event.cancelable || event.eventPhase === Event.NONE || event.isComposing || view.compositionStarted) return false;
      const { state } = view;
      if (state.readOnly || !state.facet(EditorView.editable) || state.selection.ranges.length !== 1) return false;
      const { from, to } = state.selection.main;
      // What the browser would edit: its selection, which CodeMirror read on keydown.
      const dom = view.contentDOM.ownerDocument.getSelection();
      if (!dom?.anchorNode || !dom.focusNode || !view.contentDOM.contains(dom.anchorNode)) return false;
      const anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
      const head = view.posAtDOM(dom.focusNode, dom.focusOffset);
      if (Math.min(anchor, head) !== from || Math.max(anchor, head) !== to) return false;
      // Built when asked for, from the state of that moment, as CodeMirror's own is.
      let insert: Transaction | undefined;
      const defaultInsert = (): Transaction =>
        (insert ??= view.state.update(view.state.replaceSelection(text), { userEvent: 'input.type', scrollIntoView: true }));
      // Closing brackets and the like are input handlers: they see the text as they would have.
      const handled = state.facet(EditorView.inputHandler).some((handler) => handler(view, from, to, text, defaultInsert));
      if (!handled) view.dispatch(defaultInsert());
      return true;
    },
  });
}
