/**
 * The snippet editor: CodeMirror 6 composed from the few extensions a reader
 * needs (no basicSetup: every piece here is a choice). Keyboard users are never
 * trapped: Tab indents, but Escape then Tab moves focus on (CodeMirror's
 * tab-focus mode), which the hint next to the editor says.
 */
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { bracketMatching, indentOnInput, indentUnit } from '@codemirror/language';
import { EditorSelection, EditorState, Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { errorLine } from './error-line';
import { snippetHighlighting } from './highlight';

export { markErrorLine } from './error-line';

export interface EditorOptions {
  doc: string;
  /** Accessible name of the code area. */
  label: string;
  /** Id of the element that explains the keys (Ctrl+Enter, Escape then Tab). */
  describedBy: string;
  /** Initial cursor position, e.g. where the reader clicked in the static code. */
  cursor?: number;
  onRun: () => void;
  onChange: (view: EditorView) => void;
}

/** Mod-Enter runs; it must win over the default keymap, which binds it to "insert blank line". */
function runKey(onRun: () => void): Extension {
  return Prec.highest(
    keymap.of([
      {
        key: 'Mod-Enter',
        run: () => {
          onRun();
          return true;
        },
      },
    ]),
  );
}

function editing(): Extension {
  return [
    history(),
    closeBrackets(),
    indentOnInput(),
    bracketMatching(),
    indentUnit.of('  '),
    EditorState.tabSize.of(2),
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
  ];
}

function accessibility(label: string, describedBy: string): Extension {
  // tabindex: the content is focusable anyway (contenteditable); saying so lets checkers such as
  // axe see that the scrolling editor can be reached and scrolled from the keyboard.
  return EditorView.contentAttributes.of({ 'aria-label': label, 'aria-describedby': describedBy, tabindex: '0' });
}

function changes(onChange: (view: EditorView) => void): Extension {
  return EditorView.updateListener.of((update) => {
    if (update.docChanged) onChange(update.view);
  });
}

/** An editor holding `doc`, not yet in the page: the caller puts `view.dom` where it belongs. */
export function createEditor(options: EditorOptions): EditorView {
  const cursor = Math.min(Math.max(options.cursor ?? 0, 0), options.doc.length);
  const state = EditorState.create({
    doc: options.doc,
    selection: EditorSelection.cursor(cursor),
    extensions: [
      runKey(options.onRun),
      javascript(),
      lineNumbers(),
      snippetHighlighting(),
      editing(),
      errorLine(),
      accessibility(options.label, options.describedBy),
      changes(options.onChange),
    ],
  });
  return new EditorView({ state });
}

/** Replaces the whole code in one undoable step (Reset, a shared link, another tab's version). */
export function replaceCode(view: EditorView, code: string): void {
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: code },
    selection: EditorSelection.cursor(Math.min(view.state.selection.main.head, code.length)),
    userEvent: 'input.replace',
  });
}
