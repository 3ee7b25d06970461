/** How a tensor's values and shapes are written: tfjs' notation, with the page language's numbers. */
import type { Lang } from '../../i18n/locales';
import { translator } from '../../i18n/translate';

/** One tensor element as text: bool as true/false, strings as they are. */
export function formatValue(v: number | string, dtype: string, lang: Lang): string {
  if (typeof v === 'string') return v;
  if (dtype === 'bool') return v ? 'true' : 'false';
  return translator(lang).number(v);
}

/** A shape the way tfjs writes it: [2, 3], [null, 4]. */
export function formatShape(shape: readonly (number | null)[]): string {
  return `[${shape.map((d) => (d === null ? 'null' : String(d))).join(', ')}]`;
}

/** A layer's output shape, which may be a list of shapes, or unknown (null). */
export function formatOutputShape(shape: (number | null)[] | (number | null)[][] | null): string | null {
  if (shape === null) return null;
  if (shape.length > 0 && shape.every((d) => Array.isArray(d))) return shape.map(formatShape).join(', ');
  return formatShape(shape as (number | null)[]);
}

export function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
