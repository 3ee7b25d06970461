/**
 * Completions from the tfjs API index: the members of what stands before a dot (a namespace,
 * a tensor, a model, `this` in a Layer subclass), the options an object literal is written for,
 * and the snippet's own names. Each shows its kind and short signature; the info panel (which
 * the selected option is described by, for screen readers) gives the documentation and link.
 */
import {
  autocompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
  type CompletionSource,
} from '@codemirror/autocomplete';
import { javascriptLanguage } from '@codemirror/lang-javascript';
import type { Extension } from '@codemirror/state';
import { membersOf, ROOT_SCOPE, type ApiMember } from './api';
import { completionSite, inference, type CompletionSite } from './context';
import { renderDocs, shortParams } from './docs';
import { OWN_CLASS, type Inference, type TypeRef } from './infer';
import type { AssistSay } from './labels';

/** Completions as the reader types (Ctrl-Space asks for them), from the tfjs index. */
export function completions(say: AssistSay): Extension {
  return [
    autocompletion({
      activateOnTyping: true,
      icons: false,
      // The list draws this many options around the selection at a time (CodeMirror's default is
      // 100): `tf.` has some 280, and drawing them all would weigh on the keystroke that opens it.
      maxRenderedOptions: 40,
      // The kind as a word, between the name and the signature: read by screen readers with the option.
      addToOptions: [{ position: 60, render: (completion) => kindLabel(say.kind(completion.type)) }],
    }),
    // Not CodeMirror's completion of the snippet's local names: the budget goes to tfjs' documentation.
    javascriptLanguage.data.of({ autocomplete: tfjsSource(say) }),
  ];
}

/** The completion source: null where it knows nothing (comments, strings, an untyped value). */
function tfjsSource(say: AssistSay): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const infer = inference(context.state);
    const site = infer && completionSite(infer, context.pos);
    if (!site || (site.kind === 'name' && site.from === context.pos && !context.explicit)) return null;
    const options = optionsFor(infer, site, say);
    return options.length > 0 ? { from: site.from, options, validFor: /^[\w$]*$/ } : null;
  };
}

/** The options at a completion site (exported for the tests). */
export function optionsFor(infer: Inference, site: CompletionSite, say: AssistSay): Completion[] {
  const { index } = infer;
  if (site.kind === 'name') return [...membersOf(index, ROOT_SCOPE).values()].map((m) => option(m, say));
  if (site.kind === 'key') {
    return [...membersOf(index, site.scope).values()].filter((m) => !site.present.has(m.name)).map((m) => option(m, say, 'property'));
  }
  const found = new Map<string, Completion>();
  const inside = site.type.inside;
  // The snippet's own classes first (their members win), then the tfjs class they extend.
  let type: TypeRef | null = site.type;
  for (let depth = 0; type && !type.array && !type.promise && depth < 8; depth++) {
    if (!type.own) {
      for (const member of membersOf(index, type.scope).values()) {
        if ((!member.isProtected || inside) && !found.has(member.name)) found.set(member.name, option(member, say));
      }
      break;
    }
    for (const member of infer.ownMembers(type.own, type.scope === OWN_CLASS).values()) {
      if (!found.has(member.name)) found.set(member.name, { label: member.name, type: member.kind, boost: 1 });
    }
    type = infer.baseType(type);
  }
  return [...found.values()];
}

function option(member: ApiMember, say: AssistSay, as?: 'property'): Completion {
  return {
    label: member.name,
    // CodeMirror's own option types have the same names as the index's kinds.
    type: as ?? member.kind,
    detail: shortParams(member),
    info: () => renderDocs(member, say),
  };
}

function kindLabel(text: string): Node | null {
  if (!text) return null;
  const span = document.createElement('span');
  span.className = 'cm-completionKind';
  span.textContent = text;
  return span;
}
