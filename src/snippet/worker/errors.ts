/** What the page is told of an error: its name and message as thrown, and where in the reader's code. */
import type { CodeLocation, ErrorData, RunEvent } from '../protocol';
import { activeCompiler, PARAMS, type Compiler } from './compile';
import { formatTopLevel } from './console-format';
import { isErrorLike } from './text';

/** Describes a thrown value, keeping tfjs' own message as it is. */
export function describeError(error: unknown, origin: 'runtime' | 'async', compiler: Compiler | null = activeCompiler()): ErrorData {
  if (!isErrorLike(error)) {
    return { name: 'Thrown', message: formatTopLevel(error), location: null, origin };
  }
  return {
    // tfjs-layers' ValueError & co. keep the name "Error"; their class names do not survive
    // minification, so the page would not show what the Node tests see.
    name: String(error.name),
    message: String(error.message),
    location: compiler?.locate(error) ?? null,
    origin,
  };
}

/**
 * The message for an error that surfaced after the run's own flow: a throw in a timer
 * callback (self.onerror) or an unhandled rejection. Located like a runtime error.
 */
export function asyncErrorMessage(runId: number, error: unknown): RunEvent {
  return { type: 'error', runId, error: describeError(error, 'async') };
}

/**
 * Engines disagree on a syntax error's position (V8 gives a Function-constructor SyntaxError
 * none), so parse the same function with acorn (loaded only now) to find one.
 */
export async function syntaxErrorData(code: string, error: SyntaxError): Promise<ErrorData> {
  let location: CodeLocation | null = null;
  let acornMessage = '';
  try {
    const { parse } = await import('acorn');
    // Parse what the engine compiled, so redeclaring a parameter (`const tf = ...`) is caught too.
    // Strict, as the snippet is compiled: `with` or an octal literal is a syntax error there.
    parse(`(async function (${PARAMS.join(', ')}) {"use strict";\n${code}\n})`, { ecmaVersion: 'latest' });
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    if (loc) {
      acornMessage = String((e as Error).message).replace(/\s*\(\d+:\d+\)$/, '');
      const lines = code.split('\n');
      // The wrapper's closing line reports unclosed blocks: point at the reader's last line.
      const line = Math.min(Math.max(loc.line - 1, 1), lines.length);
      const column = loc.line - 1 === line ? loc.column + 1 : lines[line - 1]!.length + 1;
      location = { line, column };
    }
  }
  return { name: 'SyntaxError', message: error.message || acornMessage, location, origin: 'syntax' };
}
