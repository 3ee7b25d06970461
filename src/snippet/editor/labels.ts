/**
 * The editor help's labels in the page's language (src/i18n/strings/), and CodeMirror's own
 * phrases translated from the same dictionary. Documentation text stays tfjs' English.
 */
import { EditorState, type Extension } from '@codemirror/state';
import type { Lang } from '../../i18n/locales';
import { translator, type Translator, type UiKey } from '../../i18n/translate';
import type { ApiKind } from './api';

/** The kinds of the index's members (./api.ts), with their label. */
const KIND_KEYS = {
  function: 'snippet.assistKind.function',
  method: 'snippet.assistKind.method',
  property: 'snippet.assistKind.property',
  class: 'snippet.assistKind.class',
  namespace: 'snippet.assistKind.namespace',
  constant: 'snippet.assistKind.constant',
} as const satisfies Record<ApiKind, UiKey>;

export interface AssistSay {
  text: Translator['t'];
  /** The kind as a word ('function', 'fonction'), or '' for a kind without one. */
  kind(kind: string | undefined): string;
}

export function assistSay(lang: Lang): AssistSay {
  const { t: text } = translator(lang);
  return {
    text,
    kind: (kind) => (kind && Object.hasOwn(KIND_KEYS, kind) ? text(KIND_KEYS[kind as keyof typeof KIND_KEYS]) : ''),
  };
}

/** CodeMirror's phrases (the completion list's name, what it announces) in the page's language. */
export function phrases(say: AssistSay): Extension {
  return EditorState.phrases.of({
    Completions: say.text('snippet.cmCompletions'),
    'Selection deleted': say.text('snippet.cmSelectionDeleted'),
  });
}
