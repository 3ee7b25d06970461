/**
 * Documentation on a tfjs name: on hover, and from the keyboard with Mod-i at the cursor (a
 * screen reader hears it; pressing Mod-i again moves focus to the reference link, Escape comes
 * back). On a line marked with a syntax error, the tooltip says the error instead.
 */
import { activateHover, closeHoverTooltips, EditorView, hoverTooltip, type Command, type Tooltip } from '@codemirror/view';
import { type Extension, type StateField } from '@codemirror/state';
import { inference, nameSite } from './context';
import { docsText, el, renderDocs } from './docs';
import type { AssistSay } from './labels';
import { problemOnLine, problemText } from './syntax';

export interface DocsOnHover {
  extension: Extension;
  /** Mod-i: shows the documentation at the cursor; pressed again, focuses its link. */
  show: Command;
}

export function docsOnHover(say: AssistSay): DocsOnHover {
  const hover = hoverTooltip((view, pos, side) => tooltipAt(view, pos, side, say), { hideOnChange: true });
  const active: StateField<readonly Tooltip[]> = hover.active;
  const open = (view: EditorView) => view.state.field(active, false) ?? [];
  return {
    extension: hover,
    show(view) {
      if (open(view).length > 0) {
        // Hover tooltips share one host: the link is found in the editor's DOM.
        const link = view.dom.querySelector<HTMLAnchorElement>('.cm-tfjs-tooltip a[href]');
        link?.focus();
        return link !== null;
      }
      const head = view.state.selection.main.head;
      const problem = problemOnLine(view.state, head);
      // The name the cursor ends or starts, else the line's syntax error.
      const candidates: { pos: number; side: -1 | 1 }[] = [
        { pos: head, side: -1 },
        { pos: head, side: 1 },
      ];
      if (problem) candidates.push({ pos: problem.from, side: 1 });
      for (const candidate of candidates) {
        const tooltip = tooltipAt(view, candidate.pos, candidate.side, say);
        if (!tooltip) continue;
        activateHover(view, candidate.pos, candidate.side, { tooltip: hover, until: (tr) => tr.docChanged || tr.selection !== undefined });
        const text = describe(view, candidate.pos, candidate.side, say);
        queueMicrotask(() => view.dispatch({ effects: EditorView.announce.of(text) }));
        return true;
      }
      return false;
    },
  };
}

/** What to show at `pos`: the syntax error under it, or the documented name. */
function tooltipAt(view: EditorView, pos: number, side: -1 | 1, say: AssistSay): Tooltip | null {
  const problem = problemOnLine(view.state, pos);
  if (problem && pos >= problem.from && pos <= Math.max(problem.to, problem.from + 1)) {
    return tooltip(view, problem.from, problem.to, el('p', 'cm-tfjs-problem', problemText(problem, say)), say);
  }
  const infer = inference(view.state);
  const site = infer && nameSite(infer, pos, side);
  return site ? tooltip(view, site.from, site.to, renderDocs(site.member, say), say) : null;
}

function describe(view: EditorView, pos: number, side: -1 | 1, say: AssistSay): string {
  const problem = problemOnLine(view.state, pos);
  if (problem && pos >= problem.from && pos <= Math.max(problem.to, problem.from + 1)) return problemText(problem, say);
  const infer = inference(view.state);
  const site = infer && nameSite(infer, pos, side);
  return site ? docsText(site.member) : '';
}

function tooltip(view: EditorView, from: number, to: number, content: HTMLElement, say: AssistSay): Tooltip {
  return {
    pos: from,
    end: to,
    above: true,
    create: () => {
      const dom = el('div', 'cm-tfjs-tooltip', content);
      dom.setAttribute('role', 'group');
      dom.setAttribute('aria-label', say.text('snippet.assistDocs'));
      // From the link (reached with Mod-i), Escape closes the tooltip and goes back to the code.
      dom.addEventListener('keydown', (event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        view.dispatch({ effects: closeHoverTooltips });
        view.focus();
      });
      return { dom };
    },
  };
}
