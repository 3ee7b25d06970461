/**
 * Signature help: while the cursor is in the arguments of a documented call, a tooltip above
 * it shows the parameter list with the current parameter marked (bold and underlined, not by
 * colour alone), and a screen reader hears the parameter when it changes. It opens when `(` or
 * `,` is typed, or with Mod-Shift-Space; it closes with Escape or when the cursor leaves.
 *
 * Opening and announcing are editor updates of their own, in a task just after the keystroke's:
 * inside it, building the tooltip and laying it out made the `(` that opens it the slowest key
 * of a call (2-5 ms more than the keys around it). In a trace, the `(` now reaches the screen a
 * frame sooner, and the tooltip the frame after, about when both did before.
 */
import { StateEffect, StateField, type Extension, type Transaction } from '@codemirror/state';
import { EditorView, showTooltip, ViewPlugin, type Command, type Tooltip, type ViewUpdate } from '@codemirror/view';
import { paramText, type ApiSignature } from './api';
import { callSite, inference, type CallSite } from './context';
import { el, withCode } from './docs';
import type { AssistSay } from './labels';

/** Opens (true) or closes (false) the signature help. */
const toggle = StateEffect.define<boolean>();

interface Help {
  site: CallSite;
  tooltip: Tooltip;
}

const helpField = StateField.define<Help | null>({
  create: () => null,
  update(help, tr) {
    let open = help !== null;
    for (const effect of tr.effects) if (effect.is(toggle)) open = effect.value;
    if (!open) return null;
    if (help && !tr.docChanged && !tr.selection && !tr.effects.some((e) => e.is(toggle))) return help;
    const infer = inference(tr.state);
    const site = infer && callSite(infer, tr.state.selection.main.head);
    if (!site) return null;
    // The same call at the same argument keeps its tooltip (and DOM) as it is.
    if (help && sameSite(help.site, site)) return help;
    return { site, tooltip: { pos: site.from, above: true, create: () => ({ dom: render(site) }) } };
  },
  provide: (f) => showTooltip.from(f, (help) => help?.tooltip ?? null),
});

/** The parameter the argument at `index` fills: the last one when it is a rest parameter. */
function activeParam(signature: ApiSignature, index: number): number {
  const last = signature.params.length - 1;
  return index > last && signature.params[last]?.rest ? last : index;
}

export function signatureHelp(say: AssistSay): Extension {
  const follower = ViewPlugin.define((view) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = (effects: () => StateEffect<unknown>[]): void => {
      clearTimeout(timer);
      // A task, not a microtask: a microtask would still run inside the keystroke's task.
      timer = setTimeout(() => {
        const list = effects();
        if (list.length > 0) view.dispatch({ effects: list });
      });
    };
    return {
      update(update: ViewUpdate) {
        const before = update.startState.field(helpField);
        const help = update.state.field(helpField);
        if (!help) {
          if (update.transactions.some(typedOpen)) later(() => (view.state.field(helpField) ? [] : [toggle.of(true)]));
          return;
        }
        if (before && sameSite(before.site, help.site)) return;
        // A view cannot dispatch while it updates.
        later(() => {
          const now = view.state.field(helpField);
          return now ? [EditorView.announce.of(announcement(now.site, say))] : [];
        });
      },
      destroy: () => clearTimeout(timer),
    };
  });
  return [helpField, follower];
}

/** Mod-Shift-Space: shows the signature of the call the cursor is in. */
export const openSignature: Command = (view) => {
  view.dispatch({ effects: toggle.of(true) });
  return true;
};

/** Closes the signature help; false when it was not open. */
export function closeSignature(view: EditorView): boolean {
  if (!view.state.field(helpField, false)) return false;
  view.dispatch({ effects: toggle.of(false) });
  return true;
}

function sameSite(a: CallSite, b: CallSite): boolean {
  return a.callee.name === b.callee.name && a.from === b.from && a.argument === b.argument;
}

/** `(` or `,` typed: the reader is writing arguments. */
function typedOpen(tr: Transaction): boolean {
  if (!tr.docChanged || !tr.isUserEvent('input.type')) return false;
  let typed = false;
  tr.changes.iterChanges((_fromA, _toA, _fromB, _toB, inserted) => {
    if (/^[(,]/.test(inserted.toString())) typed = true;
  });
  return typed;
}

function render(site: CallSite): HTMLElement {
  const root = el('div', 'cm-tfjs-signature-help');
  const name = site.callee.kind === 'class' ? `new ${site.callee.name}` : site.callee.name;
  for (const signature of site.callee.signatures.slice(0, 3)) {
    const line = el('code', 'cm-tfjs-signature', `${name}(`);
    const active = activeParam(signature, site.argument);
    signature.params.forEach((param, i) => {
      if (i > 0) line.append(', ');
      line.append(i === active ? el('strong', 'cm-tfjs-active', paramText(param)) : paramText(param));
    });
    line.append(`)${signature.returns && site.callee.kind !== 'class' ? `: ${signature.returns}` : ''}`);
    root.append(line);
  }
  if (site.callee.doc) root.append(withCode(el('p', 'cm-tfjs-doc'), site.callee.doc));
  return root;
}

function announcement(site: CallSite, say: AssistSay): string {
  const signature = site.callee.signatures[0]!;
  const name = site.callee.name;
  if (signature.params.length === 0) return say.text('snippet.assistNoParams', { name });
  const active = activeParam(signature, site.argument);
  const param = signature.params[active];
  return say.text('snippet.assistSignature', {
    name,
    n: Math.min(active + 1, signature.params.length),
    count: signature.params.length,
    param: param ? paramText(param) : '',
  });
}
