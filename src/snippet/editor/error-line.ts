/**
 * Marks the line an error points at: a line decoration in the text and a marker
 * on its line number. Set from outside with `markErrorLine`; any edit clears it,
 * since the line it named may no longer be the one at fault.
 */
import { RangeSet, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, GutterMarker, gutterLineClass } from '@codemirror/view';

/** The 1-based line to mark, or null to clear the mark. */
const setErrorLine = StateEffect.define<number | null>();

const lineMark = Decoration.line({ class: 'cm-error-line' });

class ErrorGutterMarker extends GutterMarker {
  override elementClass = 'cm-error-gutter';
}
const gutterMark = new ErrorGutterMarker();

const errorLineField = StateField.define<number | null>({
  create: () => null,
  update(line, tr) {
    let next = tr.docChanged ? null : line;
    for (const effect of tr.effects) if (effect.is(setErrorLine)) next = effect.value;
    // A line number from an older version of the code may be past the end now.
    return next !== null && next >= 1 && next <= tr.state.doc.lines ? next : null;
  },
});

const decorations = EditorView.decorations.compute([errorLineField], (state) => {
  const line = state.field(errorLineField);
  return line === null ? Decoration.none : Decoration.set(lineMark.range(state.doc.line(line).from));
});

const gutterClass = gutterLineClass.compute([errorLineField], (state) => {
  const line = state.field(errorLineField);
  return RangeSet.of<GutterMarker>(line === null ? [] : [gutterMark.range(state.doc.line(line).from)]);
});

export function errorLine(): Extension {
  return [errorLineField, decorations, gutterClass];
}

/** Marks `line` and scrolls it into view, without moving focus or the cursor. */
export function markErrorLine(view: EditorView, line: number | null): void {
  // Every Run clears the mark: when there is none, no transaction (an update reads the DOM
  // selection, which makes the browser recompute styles and layout before the run can start).
  if (line === null && view.state.field(errorLineField, false) === null) return;
  const effects: StateEffect<unknown>[] = [setErrorLine.of(line)];
  if (line !== null && line >= 1 && line <= view.state.doc.lines) {
    effects.push(EditorView.scrollIntoView(view.state.doc.line(line).from, { y: 'nearest' }));
  }
  view.dispatch({ effects });
}

/** The marked line, or null (for the tests). */
export function errorLineOf(view: EditorView): number | null {
  return view.state.field(errorLineField, false) ?? null;
}
