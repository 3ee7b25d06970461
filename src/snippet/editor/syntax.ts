/**
 * Syntax errors as the reader types, before any Run: once typing pauses, the first error the
 * parser (the editor's own, Lezer) found is marked on its line (a tint, a bar, the line number,
 * and the token underlined), its message is shown on hover or with Mod-i on that line, and a
 * screen reader hears it once. The parser says where, not why: the message is the site's own
 * wording ("Unexpected “;”"), in the page's language. Any edit clears the mark until the next pause.
 */
import { ensureSyntaxTree } from '@codemirror/language';
import { RangeSet, StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView, GutterMarker, gutterLineClass, ViewPlugin, type ViewUpdate } from '@codemirror/view';
import type { AssistSay } from './labels';

export interface SyntaxProblem {
  /** Where the parser stopped, and the token it did not expect (empty at the end of the code). */
  from: number;
  to: number;
  line: number;
  /** Where that line starts, for its mark. */
  lineFrom: number;
  message: string;
}

/** How long typing must pause before the code is checked: a half-typed line is not an error yet. */
const SYNTAX_DELAY_MS = 500;
/** The most time the parser may take to finish the tree in one go. */
const PARSE_BUDGET_MS = 20;

const setProblem = StateEffect.define<SyntaxProblem | null>();

const problemField = StateField.define<SyntaxProblem | null>({
  create: () => null,
  update(problem, tr) {
    let next = tr.docChanged ? null : problem;
    for (const effect of tr.effects) if (effect.is(setProblem)) next = effect.value;
    return next;
  },
  provide: (field) => [
    EditorView.decorations.from(field, (p) => {
      if (!p) return Decoration.none;
      const ranges = [lineMark.range(p.lineFrom), ...(p.to > p.from ? [tokenMark.range(p.from, p.to)] : [])];
      return Decoration.set(ranges, true);
    }),
  ],
});

const lineMark = Decoration.line({ class: 'cm-syntax-error-line' });
const tokenMark = Decoration.mark({ class: 'cm-syntax-error-token' });

class SyntaxGutterMarker extends GutterMarker {
  override elementClass = 'cm-syntax-error-gutter';
}
const gutterMark = new SyntaxGutterMarker();

const gutterClass = gutterLineClass.compute([problemField], (state) => {
  const problem = state.field(problemField);
  return RangeSet.of<GutterMarker>(problem ? [gutterMark.range(problem.lineFrom)] : []);
});

/** The first syntax error in `state`'s code, worded for the reader; null if none (or the tree is not ready). */
export function findProblem(state: EditorState, say: AssistSay): SyntaxProblem | null {
  const tree = ensureSyntaxTree(state, state.doc.length, PARSE_BUDGET_MS);
  if (!tree) return null;
  let at = -1;
  let end = -1;
  tree.iterate({
    enter: (node) => {
      if (at >= 0) return false;
      if (!node.type.isError) return undefined;
      [at, end] = [node.from, node.to];
      return false;
    },
  });
  if (at < 0) return null;
  // The token the parser met: what the error node holds, or what follows it.
  const rest = state.sliceDoc(at, Math.min(state.doc.length, at + 200));
  const token = (end > at ? state.sliceDoc(at, end).trim() : '') || (/^\s*([\w$]+|\S)/.exec(rest)?.[1] ?? '');
  const from = token ? at + rest.indexOf(token) : Math.min(at, state.doc.length);
  const line = state.doc.lineAt(from);
  const message = token
    ? say.text('snippet.syntaxUnexpected', { token: token.length > 30 ? `${token.slice(0, 29)}…` : token })
    : say.text('snippet.syntaxUnexpectedEnd');
  return { from, to: from + token.length, line: line.number, lineFrom: line.from, message };
}

/** The problem marked on `pos`'s line, for the hover and the documentation key. */
export function problemOnLine(state: EditorState, pos: number): SyntaxProblem | null {
  const problem = state.field(problemField, false) ?? null;
  return problem && problem.line === state.doc.lineAt(pos).number ? problem : null;
}

/** The full sentence: "Syntax error on line 3: Unexpected “;”". */
export function problemText(problem: SyntaxProblem, say: AssistSay): string {
  return say.text('snippet.syntaxError', { line: problem.line, message: problem.message });
}

/** Checks the code when typing pauses, and marks what it finds. */
export function syntaxCheck(say: AssistSay): Extension {
  const checker = ViewPlugin.define((view) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let announced = '';
    const check = () => {
      timer = undefined;
      const problem = findProblem(view.state, say);
      // Not parsed yet (a long snippet): look again after the next pause.
      if (!problem && !ensureSyntaxTree(view.state, view.state.doc.length, 0)) return schedule();
      const text = problem ? problemText(problem, say) : '';
      if (!problem && !view.state.field(problemField)) return;
      const effects: StateEffect<unknown>[] = [setProblem.of(problem)];
      // Heard once per distinct error, not at every pause on the same one.
      if (text && text !== announced) effects.push(EditorView.announce.of(text));
      announced = text;
      view.dispatch({ effects });
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(check, SYNTAX_DELAY_MS);
    };
    schedule();
    return {
      update: (update: ViewUpdate) => {
        if (update.docChanged) schedule();
      },
      destroy: () => clearTimeout(timer),
    };
  });
  return [problemField, gutterClass, checker];
}
