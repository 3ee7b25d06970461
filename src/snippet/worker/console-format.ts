/** Console-style text for `console.log` arguments: printf directives, tensors as tfjs prints them, objects as JSON. */
import type { JsonValue } from '../protocol';
import { summarize, toJson } from './inspect';
import { capText, errorText, functionText, isErrorLike, primitiveText } from './text';

/** One line of console output for `args`, as a browser console would write it. */
export function formatLogArgs(args: readonly unknown[]): string {
  const [first, ...rest] = args;
  let parts: string[];
  if (typeof first === 'string' && rest.length > 0 && first.includes('%')) {
    let next = 0;
    const head = first.replace(/%[sdifoOjc%]/g, (spec) => {
      if (spec === '%%') return '%';
      if (next >= rest.length) return spec;
      return formatDirective(spec, rest[next++]);
    });
    parts = [head, ...rest.slice(next).map(formatTopLevel)];
  } else {
    parts = args.map(formatTopLevel);
  }
  return capText(parts.join(' '));
}

function formatDirective(spec: string, arg: unknown): string {
  switch (spec) {
    case '%s':
      return typeof arg === 'string' ? arg : formatTopLevel(arg);
    case '%d':
    case '%i':
    case '%f': {
      if (typeof arg === 'bigint') return `${arg}n`;
      const n = typeof arg === 'symbol' ? Number.NaN : Number(arg);
      return String(spec === '%f' ? n : Math.trunc(n));
    }
    case '%c':
      return ''; // CSS has no meaning in a text output
    default:
      return formatTopLevel(arg);
  }
}

/** One console argument: strings as they are, tensors as tfjs prints them, objects as JSON. */
export function formatTopLevel(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
    case 'symbol':
      return primitiveText(value);
    case 'function':
      return functionText(value as (...args: unknown[]) => unknown);
    case 'undefined':
    case 'boolean':
      return String(value);
  }
  if (value === null) return 'null';
  if (isErrorLike(value)) return errorText(value);
  const summary = summarize(value);
  if (summary !== null) {
    try {
      // tfjs' own rendering (summarised beyond ~20 values) is what readers see in tutorials.
      const text = (value as { toString(): string }).toString();
      return typeof text === 'string' && text.startsWith('Tensor') ? text : summary;
    } catch {
      return `${summary} (disposed)`;
    }
  }
  const { value: json, truncated } = toJson(value);
  return truncated ? `${jsonText(json)} …` : jsonText(json);
}

/** Compact JSON that keeps NaN and Infinity readable instead of turning them into null. */
function jsonText(value: JsonValue): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`)
    .join(',')}}`;
}
