/**
 * From a stack trace to the reader's line and column. Engines wrap compiled code in a header
 * of their own and write frames their own way, so the compiler measures both once, by
 * throwing from a known place (see compile.ts), instead of hard-coding them.
 */
import type { CodeLocation } from '../protocol';

export interface FrameFormat {
  /** Matches a stack frame of the snippet; groups 1 and 2 are its line and column. */
  pattern: RegExp;
  /** Lines the engine adds before the body. */
  lineOffset: number;
  /** Columns added before the body's first line, if the header does not end with a newline. */
  columnOffset: number;
}

/** A regular expression that matches `text` literally. */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The frame format measured from a probe error thrown at `probeColumn` (1-based) of the
 * body's first line, or null when no candidate pattern finds the frame.
 */
export function measureFrame(stack: string, candidates: RegExp[], probeColumn: number): FrameFormat | null {
  for (const pattern of candidates) {
    const m = pattern.exec(stack);
    if (m) return { pattern, lineOffset: Number(m[1]) - 1, columnOffset: Number(m[2]) - probeColumn };
  }
  return null;
}

/** The reader's line and column of the innermost stack frame inside the snippet. */
export function locateInStack(stack: string, format: FrameFormat): CodeLocation | null {
  for (const frame of stack.split('\n')) {
    const m = format.pattern.exec(frame);
    if (!m) continue;
    const line = Number(m[1]) - format.lineOffset;
    if (line < 1) continue;
    const column = Number(m[2]) - (line === 1 ? format.columnOffset : 0);
    return { line, column: Math.max(1, column) };
  }
  return null;
}
