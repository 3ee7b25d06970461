// @vitest-environment happy-dom
import { undo } from '@codemirror/commands';
import { describe, expect, it, vi } from 'vitest';
import { createEditor, markErrorLine, replaceCode } from '../../src/snippet/editor/index';
import { errorLineOf } from '../../src/snippet/editor/error-line';
import { diff } from '../../src/snippet/island/take-over';

function editor(doc: string, onRun = vi.fn()) {
  const view = createEditor({ doc, lang: 'en', label: 'Snippet code, editable', describedBy: 'hint', onRun, onChange: () => undefined });
  document.body.append(view.dom);
  return view;
}

describe('snippet editor', () => {
  it('is named for assistive technology and points at the keyboard hint', () => {
    const view = editor('show(1);');
    expect(view.contentDOM.getAttribute('aria-label')).toBe('Snippet code, editable');
    expect(view.contentDOM.getAttribute('aria-describedby')).toBe('hint');
  });

  it('Reset is one undoable step: undo brings the edit back', () => {
    const view = editor('original();');
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: 'mine();' }, userEvent: 'input.type' });
    replaceCode(view, 'original();');
    expect(view.state.doc.toString()).toBe('original();');
    undo(view);
    expect(view.state.doc.toString()).toBe('mine();');
  });

  it('marks an error line until the code is edited', () => {
    const view = editor('a;\nb(;\nc;');
    markErrorLine(view, 2);
    expect(errorLineOf(view)).toBe(2);
    view.dispatch({ changes: { from: 0, insert: 'x' } });
    expect(errorLineOf(view)).toBeNull();
  });

  it('a Run with no line marked leaves the editor alone (no update, no style and layout forced at the click)', () => {
    const view = editor('a;\nb;');
    const update = vi.spyOn(view, 'update');
    markErrorLine(view, null);
    expect(update).not.toHaveBeenCalled();
    markErrorLine(view, 2);
    markErrorLine(view, null);
    expect(update).toHaveBeenCalledTimes(2);
    expect(errorLineOf(view)).toBeNull();
  });

  it('ignores a line number past the end of the code', () => {
    const view = editor('one line');
    markErrorLine(view, 7);
    expect(errorLineOf(view)).toBeNull();
  });
});

describe('typing before the editor mounted', () => {
  it('is found as one change against the code the static block showed', () => {
    expect(diff('const a = 1;', 'const ab = 1;')).toEqual({ from: 7, to: 7, insert: 'b' });
    expect(diff('abc', 'ac')).toEqual({ from: 1, to: 2, insert: '' });
    expect(diff('aaa', 'aaaa')).toEqual({ from: 3, to: 3, insert: 'a' });
  });
});
