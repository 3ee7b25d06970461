/**
 * The editor's tfjs help, loaded when the reader starts editing (./index.ts): completions,
 * signature help, documentation on hover or Mod-i, and syntax errors as they type, all from the
 * API index generated at build time (virtual:tfjs-api, src/build/tfjs-api.ts).
 *
 * Keys: Ctrl-Space asks for completions (they also come as one types), Mod-Shift-Space shows the
 * call's signature, Mod-i the documentation at the cursor. Escape closes whatever is open and
 * still lets the next Tab leave the editor, as Escape alone does.
 */
import { closeCompletion, completionStatus, startCompletion } from '@codemirror/autocomplete';
import { Prec, type Extension } from '@codemirror/state';
import { closeHoverTooltips, EditorView, hasHoverTooltips, keymap } from '@codemirror/view';
import storedApi from 'virtual:tfjs-api';
import type { Lang } from '../../i18n/locales';
import { completions } from './completions';
import { readIndex, type ApiIndex } from './api-format';
import { assistTheme } from './assist-theme';
import { apiIndex, completionSite, inference } from './context';
import { docsOnHover } from './hover';
import { assistSay } from './labels';
import { closeSignature, openSignature, signatureHelp } from './signatures';
import { syntaxCheck } from './syntax';

/** How long after an Escape that closed something a Tab still leaves the editor (CodeMirror's own delay). */
const TAB_LEAVES_MS = 2000;

/** Read once, for every editor of the page. */
let index: ApiIndex | null = null;

export function assist(lang: Lang): Extension {
  index ??= readIndex(storedApi);
  const say = assistSay(lang);
  const docs = docsOnHover(say);
  const escape = (view: EditorView): boolean => {
    const open = completionStatus(view.state) !== null || hasHoverTooltips(view.state);
    const closed = closeSignature(view) || open;
    if (!closed) return false;
    closeCompletion(view);
    view.dispatch({ effects: closeHoverTooltips });
    view.setTabFocusMode(TAB_LEAVES_MS);
    return true;
  };
  return [
    apiIndex.of(index),
    // Before the completion list's own keys, so that its Escape closes everything at once.
    Prec.highest(
      keymap.of([
        { key: 'Escape', run: escape },
        { key: 'Mod-Shift-Space', run: openSignature },
        { key: 'Mod-i', run: docs.show },
      ]),
    ),
    completions(say),
    signatureHelp(say),
    docs.extension,
    syntaxCheck(say),
    assistTheme,
    // Marks the editor once its help is there (the tests wait for it).
    EditorView.editorAttributes.of({ 'data-assist': '' }),
  ];
}

/** Just loaded while the reader was typing after a dot: offer what they would have been offered. */
export function resume(view: EditorView): void {
  const infer = inference(view.state);
  const site = infer && completionSite(infer, view.state.selection.main.head);
  if (view.hasFocus && site && site.kind !== 'name') startCompletion(view);
}
