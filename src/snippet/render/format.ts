/**
 * Localised text and number formatting for the renderers: one place that knows
 * how a value, a count or a shape is written in each language.
 */
import { LANG_TAGS, type Lang } from '../../i18n/locales';
import { ui, type UiKey } from '../../i18n/ui';

/** Keys that come in a `.one` / `.other` pair. */
export type PluralKey = { [K in UiKey]: K extends `${infer B}.one` ? B : never }[UiKey];

type Vars = Record<string, string | number>;

/** A UI string with `{name}` placeholders filled in (values as text, never markup). */
export function tr(lang: Lang, key: UiKey, vars: Vars = {}): string {
  return fill(ui[lang][key], vars);
}

/** A plural UI string chosen by `n` with the language's rules; `{n}` is the formatted count. */
export function trn(lang: Lang, key: PluralKey, n: number, vars: Vars = {}): string {
  return tr(lang, pluralOf(lang, key, n), { n: formatCount(n, lang), ...vars });
}

/** Which of `key.one` / `key.other` the language uses for n. */
export function pluralOf(lang: Lang, key: PluralKey, n: number): UiKey {
  // French CLDR also has "many" (for millions); the dictionaries only carry one/other.
  const form = plurals(lang).select(n) === 'one' ? 'one' : 'other';
  return `${key}.${form}` as UiKey;
}

export function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/**
 * Splits a template around placeholders so some can be elements (e.g. a number
 * inside its own `<span data-...>`); string values stay text.
 */
export function fillNodes(template: string, vars: Record<string, string | Node>): (string | Node)[] {
  const parts: (string | Node)[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    const value = vars[m[1] ?? ''];
    if (value === undefined) continue;
    parts.push(template.slice(last, m.index), value);
    last = m.index + m[0].length;
  }
  parts.push(template.slice(last));
  return parts.filter((p) => p !== '');
}

// Intl objects are costly to build and a matrix formats up to ~1000 numbers.
const cache = new Map<string, Intl.NumberFormat | Intl.PluralRules>();
function memo<T extends Intl.NumberFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let v = cache.get(key);
  if (!v) cache.set(key, (v = make()));
  return v as T;
}
const plurals = (lang: Lang) => memo(`p:${lang}`, () => new Intl.PluralRules(LANG_TAGS[lang]));
const nf = (lang: Lang, name: string, options: Intl.NumberFormatOptions) =>
  memo(`${name}:${lang}`, () => new Intl.NumberFormat(LANG_TAGS[lang], options));

/** A count with the language's thousands separator (fr: 1 234 with a narrow no-break space). */
export function formatCount(n: number, lang: Lang): string {
  return nf(lang, 'count', { maximumFractionDigits: 0 }).format(n);
}

/**
 * A tensor value, compactly: integers as integers, up to 4 significant digits,
 * an exponent for tiny or huge magnitudes, -0 as 0.
 */
export function formatNumber(v: number, lang: Lang): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (!Number.isFinite(v) || (Number.isInteger(v) && abs < 1e6)) {
    return nf(lang, 'int', { maximumFractionDigits: 0, useGrouping: false }).format(v);
  }
  if (abs >= 1e4 || abs < 1e-3) {
    return nf(lang, 'sci', { notation: 'scientific', maximumSignificantDigits: 4 })
      .format(v)
      .replace('E', 'e');
  }
  return nf(lang, 'sig', { maximumSignificantDigits: 4, useGrouping: false }).format(v);
}

/** One tensor element as text: bool as true/false, strings as they are. */
export function formatValue(v: number | string, dtype: string, lang: Lang): string {
  if (typeof v === 'string') return v;
  if (dtype === 'bool') return v ? 'true' : 'false';
  return formatNumber(v, lang);
}

/** A shape the way tfjs writes it: [2, 3], [null, 4]. */
export function formatShape(shape: readonly (number | null)[]): string {
  return `[${shape.map((d) => (d === null ? 'null' : String(d))).join(', ')}]`;
}

/** A layer's output shape, which may be a list of shapes, or unknown (null). */
export function formatOutputShape(
  shape: (number | null)[] | (number | null)[][] | null,
): string | null {
  if (shape === null) return null;
  if (shape.length > 0 && shape.every((d) => Array.isArray(d))) {
    return shape.map(formatShape).join(', ');
  }
  return formatShape(shape as (number | null)[]);
}

/** Wall time, in ms under a second and in seconds above. */
export function formatDuration(ms: number, lang: Lang): string {
  return ms < 1000
    ? nf(lang, 'ms', { style: 'unit', unit: 'millisecond', maximumFractionDigits: 0 }).format(ms)
    : nf(lang, 's', { style: 'unit', unit: 'second', maximumFractionDigits: 2 }).format(ms / 1000);
}

export function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
