/**
 * How values that are not tensors read as text in a run's output, the way a console writes
 * them. Shared by `show()` (inspect.ts) and `console.log` (console-format.ts).
 */
import { LIMITS } from '../protocol';

/** Text of a value that is not an object, as a console shows it. */
export function primitiveText(value: bigint | symbol): string {
  return typeof value === 'bigint' ? `${value}n` : value.toString();
}

/** An Error, or an object that quacks like one (errors from another realm, tfjs' own). */
export function isErrorLike(value: unknown): value is { name: string; message: string } {
  if (value instanceof Error) return true;
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { name?: unknown; message?: unknown; stack?: unknown };
  return typeof v.message === 'string' && typeof v.name === 'string' && typeof v.stack === 'string';
}

export function errorText(error: { name: string; message: string }): string {
  return error.message ? `${error.name}: ${error.message}` : error.name;
}

/** Long text is cut at LIMITS.MAX_TEXT_LENGTH: a snippet printing megabytes must not freeze the page. */
export function capText(text: string): string {
  return text.length > LIMITS.MAX_TEXT_LENGTH ? `${text.slice(0, LIMITS.MAX_TEXT_LENGTH)}…` : text;
}

/** How a console names a function: `[Function: f]`, `[class X]`. */
export function functionText(fn: (...args: unknown[]) => unknown): string {
  const source = Function.prototype.toString.call(fn);
  if (source.startsWith('class')) return `[class ${fn.name || '(anonymous)'}]`;
  return fn.name ? `[Function: ${fn.name}]` : '[Function (anonymous)]';
}
