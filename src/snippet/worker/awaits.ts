/**
 * Where did an awaited promise reject? An error that tfjs throws after awaits of its own
 * (inside `model.fit`) may carry no frame of the snippet: Firefox (outside a debugger) and
 * WebKit write no awaiting frames, and V8 loses them across tfjs' timers. So the snippet is
 * compiled with each `await x` turned into `await at(line, column, (x))`, which notes where the
 * `await` is on the error as it passes. No line is added, and the columns it shifts are mapped back.
 */
import { saysAwait } from '../awaits-word';
import type { CodeLocation } from '../protocol';

const awaitedAt = new WeakMap<object, CodeLocation>();

/** The helper the instrumented code calls: the innermost await of the snippet notes where it is. */
export function at(line: number, column: number, value: unknown): Promise<unknown> {
  return Promise.resolve(value).catch((error: unknown) => {
    if (typeof error === 'object' && error !== null && !awaitedAt.has(error)) awaitedAt.set(error, { line, column });
    throw error;
  });
}

/** Where the snippet's await that `error` came through is, if any (the `await` keyword). */
export function awaitedLocation(error: unknown): CodeLocation | null {
  return typeof error === 'object' && error !== null ? (awaitedAt.get(error) ?? null) : null;
}

export interface Instrumented {
  code: string;
  /** The reader's position of a position in `code`. */
  original(location: CodeLocation): CodeLocation;
}

interface Insertion {
  /** Offset in the reader's code. */
  at: number;
  text: string;
}

interface Node {
  type: string;
  start: number;
  end: number;
  argument?: Node;
  [key: string]: unknown;
}

/**
 * The snippet with every `await x` wrapped as `await helper(line, column, (x))`, or null when it does
 * not parse (the engine then reports the syntax error itself); as it is when it never says `await`.
 * `wrapperParams` are the compiled function's parameters, so a redeclared one is the syntax error
 * it is.
 */
export async function instrumentAwaits(code: string, helper: string, wrapperParams: readonly string[]): Promise<Instrumented | null> {
  // Nothing to wrap, so no parse: in a fresh worker (every run gets one) the parser's first
  // parse is the most costly (./compile.ts warms it only in a spare). A syntax error is then
  // left to the engine, as below.
  if (!saysAwait(code)) return { code, original: (location) => location };
  const { parse } = await import('acorn');
  // Strict, as the snippet is compiled.
  const prefix = `(async function (${wrapperParams.join(', ')}) {"use strict";\n`;
  let program: Node;
  try {
    program = parse(`${prefix}${code}\n})`, { ecmaVersion: 'latest' }) as unknown as Node;
  } catch {
    return null;
  }
  const lineStarts = starts(code);
  const insertions: Insertion[] = [];
  visit(program, (node) => {
    if (node.type !== 'AwaitExpression' || !node.argument) return;
    const start = node.start - prefix.length;
    const line = lineOf(lineStarts, start);
    const column = start - lineStarts[line - 1]! + 1;
    insertions.push({ at: node.argument.start - prefix.length, text: `${helper}(${line}, ${column}, (` });
    insertions.push({ at: node.argument.end - prefix.length, text: '))' });
  });
  if (insertions.length === 0) return { code, original: (location) => location };
  // Stable: a closer and an opener never share an offset, and equal closers are interchangeable.
  insertions.sort((a, b) => a.at - b.at);
  let out = '';
  let last = 0;
  for (const { at: offset, text } of insertions) {
    out += code.slice(last, offset) + text;
    last = offset;
  }
  out += code.slice(last);
  return { code: out, original: (location) => unshift(location, lineStarts, insertions) };
}

function visit(node: Node, found: (node: Node) => void): void {
  found(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item, found);
    } else if (isNode(value)) {
      visit(value, found);
    }
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Offsets where each line starts. */
function starts(code: string): number[] {
  const out = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') out.push(i + 1);
  return out;
}

/** The 1-based line of an offset. */
function lineOf(lineStarts: number[], offset: number): number {
  let line = 0;
  while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line++;
  return line + 1;
}

/** Maps a position in the instrumented code back to the reader's (lines are the same; columns shift). */
function unshift(location: CodeLocation, lineStarts: number[], insertions: Insertion[]): CodeLocation {
  const lineStart = lineStarts[location.line - 1];
  if (lineStart === undefined) return location;
  const lineEnd = lineStarts[location.line] ?? Infinity;
  // Walk the line in instrumented columns, subtracting what was inserted before the position.
  let column = location.column;
  let shift = 0;
  for (const { at: offset, text } of insertions) {
    if (offset < lineStart) continue;
    if (offset >= lineEnd) break;
    const instrumentedColumn = offset - lineStart + 1 + shift;
    if (instrumentedColumn + text.length <= location.column) {
      shift += text.length;
    } else if (instrumentedColumn <= location.column) {
      // Inside inserted text: the position of the code it wraps.
      return { line: location.line, column: offset - lineStart + 1 };
    } else {
      break;
    }
  }
  column -= shift;
  return { line: location.line, column: Math.max(1, column) };
}
