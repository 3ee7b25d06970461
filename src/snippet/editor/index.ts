/**
 * The snippet editor: CodeMirror 6 composed from the few extensions a reader
 * needs (no basicSetup: every piece here is a choice). Keyboard users are never
 * trapped: Tab indents, but Escape then Tab moves focus on (CodeMirror's
 * tab-focus mode), which the hint next to the editor says.
 */
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import {
  deleteLine,
  history,
  historyKeymap,
  indentLess,
  indentMore,
  indentWithTab,
  moveLineDown,
  moveLineUp,
  standardKeymap,
  toggleComment,
  toggleTabFocusMode,
} from '@codemirror/commands';
import { bracketMatching, indentOnInput, indentUnit, LanguageSupport } from '@codemirror/language';
import type { KeyBinding } from '@codemirror/view';
import { Compartment, EditorSelection, EditorState, Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import type { Lang } from '../../i18n/locales';
import { errorLine } from './error-line';
import { snippetLanguage } from './language';
import { snippetHighlighting } from './highlight';
import { assistSay, phrases } from './labels';
import { typedText } from './typed-text';

export { markErrorLine } from './error-line';

export interface EditorOptions {
  doc: string;
  /** The page's language: labels of the editor's help and CodeMirror's own phrases. */
  lang: Lang;
  /** Accessible name of the code area. */
  label: string;
  /** Id of the element that explains the keys (Ctrl+Enter, Escape then Tab, the help's keys). */
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

/**
 * CodeMirror's standard keys, plus the editing commands a reader of short snippets uses. Not its
 * whole default keymap: every command it binds is downloaded, whether pressed or not.
 */
const editingKeys: KeyBinding[] = [
  { key: 'Alt-ArrowUp', run: moveLineUp },
  { key: 'Alt-ArrowDown', run: moveLineDown },
  { key: 'Mod-[', run: indentLess },
  { key: 'Mod-]', run: indentMore },
  { key: 'Shift-Mod-k', run: deleteLine },
  { key: 'Mod-/', run: toggleComment },
  // Tab moves focus instead of indenting, for as long as the reader wants.
  { key: 'Ctrl-m', mac: 'Shift-Alt-m', run: toggleTabFocusMode },
  // The documentation key (./assist.ts): the browser's own (Firefox: page info) must not open meanwhile.
  { key: 'Mod-i', run: () => false, preventDefault: true },
  ...standardKeymap,
];

function editing(): Extension {
  return [
    history(),
    closeBrackets(),
    typedText(),
    indentOnInput(),
    bracketMatching(),
    indentUnit.of('  '),
    EditorState.tabSize.of(2),
    keymap.of([...closeBracketsKeymap, ...editingKeys, ...historyKeymap, indentWithTab]),
  ];
}

function accessibility(label: string, describedBy: string): Extension {
  // tabindex: the content is focusable anyway (contenteditable); saying so lets checkers such as
  // axe see that the scrolling editor can be reached and scrolled from the keyboard.
  return EditorView.contentAttributes.of({ 'aria-label': label, 'aria-describedby': describedBy, tabindex: '0' });
}

/**
 * The tfjs help (./assist.ts: completions, signatures, docs, syntax errors) is fetched when the
 * reader starts editing (focus, a click or a key in the editor), not with the editor: a reader who
 * only runs the snippets never downloads it.
 */
function lazyAssist(lang: Lang): Extension {
  const slot = new Compartment();
  let state: 'idle' | 'loading' | 'loaded' | 'failed' = 'idle';
  const load = (view: EditorView, retry: boolean): false => {
    if (state === 'loading' || state === 'loaded' || (state === 'failed' && !retry)) return false;
    state = 'loading';
    import('./assist').then(
      (assist) => {
        state = 'loaded';
        if (!view.dom.isConnected) return;
        view.dispatch({ effects: slot.reconfigure(assist.assist(lang)) });
        assist.resume(view);
      },
      // Offline: the editor works without its help; coming back to it (focus) tries again, a key does not.
      () => (state = 'failed'),
    );
    return false;
  };
  return [
    slot.of([]),
    EditorView.domEventHandlers({
      focus: (_event, view) => load(view, true),
      pointerdown: (_event, view) => load(view, false),
      keydown: (_event, view) => load(view, false),
    }),
  ];
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
      // The grammar alone, without CodeMirror's JavaScript completions: the help comes with ./assist.ts.
      new LanguageSupport(snippetLanguage),
      lineNumbers(),
      snippetHighlighting(),
      editing(),
      errorLine(),
      phrases(assistSay(options.lang)),
      lazyAssist(options.lang),
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
