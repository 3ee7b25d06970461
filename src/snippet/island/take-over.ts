/**
 * What happened in the static code before the editor replaced it: the reader
 * may have clicked a spot (the cursor goes there) or typed (the bootstrap made
 * the block editable so no keystroke is lost). Typing is returned as a change
 * against the code the block showed, so the editor can apply it as an edit.
 */
import type { Boot } from '../markup';

export interface TakeOver {
  /** Cursor position in the code (after the typed change, if any). */
  cursor: number;
  /** Whether focus was in the static code (the editor then takes it). */
  focused: boolean;
  /** The typed change, in positions of `boot.code`, or null. */
  typed: { from: number; to: number; insert: string } | null;
}

export function takeOver(boot: Boot): TakeOver {
  const text = boot.pre.textContent ?? '';
  const focused = boot.pre.contains(document.activeElement);
  const caret = caretOffset(boot.pre);
  // When the block's text is not exactly the code (it should be), the whole text is the change.
  const typed =
    text === boot.shown ? null : boot.shown === boot.code ? diff(boot.shown, text) : { from: 0, to: boot.code.length, insert: text };
  const cursor = caret ?? (typed ? typed.from + typed.insert.length : 0);
  return { cursor: typed ? cursor : Math.min(cursor, boot.code.length), focused, typed };
}

/** The single changed stretch between two texts (typing changes one place at a time). */
export function diff(before: string, after: string): { from: number; to: number; insert: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let end = 0;
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

/** Where the selection's focus is in the block's text, or null when it is elsewhere. */
function caretOffset(pre: HTMLElement): number | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.focusNode || !pre.contains(selection.focusNode)) return null;
  const range = document.createRange();
  range.selectNodeContents(pre);
  range.setEnd(selection.focusNode, selection.focusOffset);
  return range.toString().length;
}
